// Young people by home district (DESIGN §3.7): recruits into criminal networks over the horizon,
// network members in the last week and offences by 12–20-year-olds, mean over replicates with the
// middle 95 % of replicates; with strategies, their change in the city with 95 % intervals.
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <array>
#include <string_view>

namespace trygg {
namespace {

// [replicate][week][district] → per replicate: the sum over weeks, or the last week's value.
std::vector<double> per_replicate(const std::vector<std::int32_t>& a, const RunResults& r, std::size_t district,
                                  bool last_week_only) {
    const auto weeks = static_cast<std::size_t>(r.weeks), districts = static_cast<std::size_t>(r.districts);
    std::vector<double> values;
    for (std::size_t rep = 0; rep < static_cast<std::size_t>(r.replicates); ++rep) {
        double v = 0.0;
        for (std::size_t w = last_week_only ? weeks - 1 : 0; w < weeks; ++w)
            v += a[(rep * weeks + w) * districts + district];
        values.push_back(v);
    }
    return values;
}

}  // namespace

Json youth_section(const ReportInput& input) {
    const RunFile& f = input.base.run;
    const RunResults& r = f.results;
    const std::size_t expected = static_cast<std::size_t>(r.replicates) * static_cast<std::size_t>(r.weeks) *
                                 static_cast<std::size_t>(r.districts);
    const RunResults::Youth& y = r.youth;
    if (r.weeks <= 0 || y.members.size() != expected || y.recruits.size() != expected || y.offences.size() != expected)
        return unavailable("no_youth");
    Json rows = Json::array();
    const std::array<std::pair<std::string_view, std::pair<const std::vector<std::int32_t>*, bool>>, 3> measures{
        {{"recruits", {&y.recruits, false}}, {"members", {&y.members, true}}, {"offences", {&y.offences, false}}}};
    for (std::size_t d = 0; d < static_cast<std::size_t>(r.districts) && d < f.districts.names.size(); ++d) {
        for (const auto& [measure, source] : measures) {
            const std::vector<double> v = per_replicate(*source.first, r, d, source.second);
            rows.push_back({{"district", f.districts.names[d]},
                            {"measure", std::string(measure)},
                            {"mean", mean_of(v)},
                            {"low", quantile_of(v, 0.025)},
                            {"high", quantile_of(v, 0.975)}});
        }
    }
    Json changes = Json::array();
    for (const ReportedStrategy& s : input.strategies) {
        if (!s.comparison.youth.compared) continue;
        for (const Estimate& e : s.comparison.outcomes) {
            if (e.key != "total" || (e.outcome != "youth_recruits" && e.outcome != "youth_members_at_horizon" &&
                                     e.outcome != "youth_offences"))
                continue;
            Json row = estimate_json(e);
            row["strategy"] = short_name(s.run);
            changes.push_back(std::move(row));
        }
    }
    return Json{{"available", true}, {"weeks", r.weeks}, {"rows", std::move(rows)}, {"changes", std::move(changes)}};
}

}  // namespace trygg
