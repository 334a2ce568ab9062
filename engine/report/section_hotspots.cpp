// Hotspots on the baseline's yardstick (experiment/baseline_hotspots.hpp): per strategy the
// share of crime in the baseline's top cells, hotspot cell-weeks, persistent, new and vanished
// hotspots, all tested against the baseline's mean and variance; and beside them each run's own
// weekly picture (what EST sees), which can rise when crime falls.
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <string>
#include <utility>

namespace trygg {

Json hotspots_section(const ReportInput& input) {
    if (input.strategies.empty()) return unavailable("no_comparison");
    Json rows = Json::array();
    bool any_weekly = false;
    for (const ReportedStrategy& s : input.strategies) {
        const Comparison& c = s.comparison;
        Json row{{"strategy", short_name(s.run)},
                 {"top_cells", c.hotspots.top_cells},
                 {"top_crime_share", c.hotspots.top_crime_share},
                 {"weekly", c.hotspots.weekly},
                 {"persistent_share", c.hotspots.persistent_share}};
        Json estimates = Json::object();
        for (const Estimate& e : c.outcomes) {
            if (e.key != "total") continue;
            static constexpr const char* kOutcomes[] = {"crime_share_in_baseline_top_cells",
                                                        "crimes_true_in_baseline_top_cells",
                                                        "hotspot_cell_weeks_baseline_rule",
                                                        "hotspots_persistent",
                                                        "hotspots_persistent_new",
                                                        "hotspots_persistent_vanished",
                                                        "hotspot_cell_weeks",
                                                        "crimes_true"};
            for (const char* o : kOutcomes)
                if (e.outcome == o) estimates[o] = estimate_json(e);
        }
        row["estimates"] = std::move(estimates);
        any_weekly = any_weekly || c.hotspots.weekly;
        rows.push_back(std::move(row));
    }
    return Json{{"available", true}, {"baseline_rule", any_weekly}, {"rows", std::move(rows)}};
}

}  // namespace trygg
