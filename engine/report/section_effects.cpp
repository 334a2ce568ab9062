// Each strategy's effect against the reported run, with 95 % intervals: all crime, and by crime
// type, district, victim group and hour band (experiment/compare.hpp's paired estimates).
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace trygg {

Json effects_section(const ReportInput& input) {
    if (input.strategies.empty()) return unavailable("no_comparison");
    static constexpr std::array<std::string_view, 5> kOutcomes{
        "crimes_true", "crimes_true_by_type", "crimes_true_by_district", "victims_by_group", "crimes_true_by_hour"};
    Json rows = Json::array();
    for (const ReportedStrategy& s : input.strategies) {
        for (const Estimate& e : s.comparison.outcomes) {
            bool shown = false;
            for (const std::string_view o : kOutcomes) shown = shown || e.outcome == o;
            if (!shown) continue;
            Json row = estimate_json(e);
            row["strategy"] = short_name(s.run);
            rows.push_back(std::move(row));
        }
    }
    const Comparison& first = input.strategies.front().comparison;
    return Json{{"available", true},
                {"pairing", name_of(first.pairing)},
                {"replicates", first.replicates},
                {"weeks", first.weeks},
                {"rows", std::move(rows)}};
}

}  // namespace trygg
