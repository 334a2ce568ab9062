// What each strategy costs over the horizon against the reported run, the crimes it prevents,
// and the cost per crime prevented with the interval that follows from the effect's interval.
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <utility>

namespace trygg {

Json cost_section(const ReportInput& input) {
    if (input.strategies.empty()) return unavailable("no_comparison");
    Json rows = Json::array();
    for (const ReportedStrategy& s : input.strategies) {
        const CostEffect& c = s.comparison.cost;
        Json row{{"strategy", short_name(s.run)}, {"sek", c.sek}, {"prevented", c.prevented}, {"note", c.note}};
        const Estimate* total = nullptr;
        for (const Estimate& e : s.comparison.outcomes)
            if (e.outcome == "crimes_true" && e.key == "total") total = &e;
        row["reading"] = c.sek_per_crime_prevented           ? "determined"
                         : (total && total->change_interval) ? "no_reduction"
                                                             : "few_replicates";
        row["sek_per_crime"] = c.sek_per_crime_prevented ? Json(*c.sek_per_crime_prevented) : Json(nullptr);
        row["sek_per_crime_low"] = c.interval ? Json(c.interval->low) : Json(nullptr);
        row["sek_per_crime_high"] = c.interval ? Json(c.interval->high) : Json(nullptr);
        Json measures = Json::array();
        const RunResults::Interventions& m = s.run.run.results.interventions;
        for (std::size_t k = 0; k < m.size(); ++k)
            measures.push_back({{"name", m.name[k]},
                                {"kind", m.kind[k]},
                                {"investment_sek", m.investment_sek[k]},
                                {"running_sek_per_year", m.running_sek_per_year[k]},
                                {"cost_sek", m.cost_sek[k]}});
        row["measures"] = std::move(measures);
        rows.push_back(std::move(row));
    }
    return Json{{"available", true}, {"weeks", input.strategies.front().comparison.weeks}, {"rows", std::move(rows)}};
}

}  // namespace trygg
