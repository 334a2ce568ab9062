// The risk-area outlook per district: at the horizon (the run's last quarter), the share of
// replicates in which the model's indicator puts the district in each class (none, utsatt,
// risk, särskilt utsatt: inspired by the police's criteria, not their decision), residents who
// feel unsafe out late, and with strategies the change in the share listed.
#include "model/risk_area.hpp"
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <array>

namespace trygg {
namespace {

Json class_rows(const RunFile& f) {
    const RunResults& r = f.results;
    const RunResults::Safety& s = r.safety;
    const auto reps = static_cast<std::size_t>(r.replicates), quarters = static_cast<std::size_t>(s.quarters),
               districts = static_cast<std::size_t>(r.districts);
    const std::size_t last = quarters - 1;
    Json rows = Json::array();
    for (std::size_t d = 0; d < districts && d < f.districts.names.size(); ++d) {
        std::array<int, kRiskClassNames.size()> in_class{};
        double unsafe = 0.0;
        for (std::size_t rep = 0; rep < reps; ++rep) {
            const std::size_t at = (rep * quarters + last) * districts + d;
            const int c = s.risk_class[at];
            if (c >= 0 && c < static_cast<int>(in_class.size())) ++in_class[static_cast<std::size_t>(c)];
            if (at < s.unsafe_share.size()) unsafe += s.unsafe_share[at];
        }
        for (std::size_t c = 0; c < in_class.size(); ++c)
            rows.push_back({{"district", f.districts.names[d]},
                            {"class", std::string(kRiskClassNames[c])},
                            {"share", static_cast<double>(in_class[c]) / static_cast<double>(reps)},
                            {"unsafe", unsafe / static_cast<double>(reps)}});
    }
    return rows;
}

}  // namespace

Json outlook_section(const ReportInput& input) {
    const RunFile& f = input.base.run;
    const RunResults::Safety& s = f.results.safety;
    const std::size_t expected = static_cast<std::size_t>(f.results.replicates) * static_cast<std::size_t>(s.quarters) *
                                 static_cast<std::size_t>(f.results.districts);
    if (s.quarters <= 0 || s.risk_class.size() != expected || f.results.replicates <= 0)
        return unavailable("no_safety");
    Json changes = Json::array();
    for (const ReportedStrategy& strategy : input.strategies) {
        if (!strategy.comparison.safety.compared) continue;
        for (const Estimate& e : strategy.comparison.outcomes) {
            if (e.outcome != "risk_listed_at_horizon_by_district" && e.outcome != "unsafe_share_by_district") continue;
            Json row = estimate_json(e);
            row["strategy"] = short_name(strategy.run);
            changes.push_back(std::move(row));
        }
    }
    return Json{{"available", true},
                {"quarters", s.quarters},
                {"horizon_date", iso_date_plus(f.provenance.start_date, 7 * f.results.weeks)},
                {"classes", class_rows(f)},
                {"changes", std::move(changes)},
                {"compared", !input.strategies.empty()}};
}

}  // namespace trygg
