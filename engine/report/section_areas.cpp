// Where the effect fell: crime in each strategy's treated cells, a buffer around them and the
// rest of the study area, with the weighted displacement quotient (Bowers & Johnson 2003).
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <utility>

namespace trygg {
namespace {

// How to read the quotient, as a code the page words (experiment/compare.cpp has the rules).
std::string reading_of(const AreaComparison& a) {
    if (a.split.treated == 0) return "no_treated";
    if (!a.wdq.value) return "undefined";
    if (a.wdq.success > 0.0) return "no_success";
    if (a.wdq.interval && a.wdq.interval->low <= 0.0 && a.wdq.interval->high >= 0.0) return "unclear";
    return *a.wdq.value > 0.0 ? "diffusion" : "displacement";
}

}  // namespace

Json areas_section(const ReportInput& input) {
    if (input.strategies.empty()) return unavailable("no_comparison");
    Json rows = Json::array(), strategies = Json::array();
    for (const ReportedStrategy& s : input.strategies) {
        const AreaComparison& a = s.comparison.areas;
        const std::string name = short_name(s.run);
        for (const Estimate* e : {&a.treated, &a.buffer, &a.rest}) {
            Json row = estimate_json(*e);
            row["strategy"] = name;
            rows.push_back(std::move(row));
        }
        Json wdq{{"strategy", name},           {"treated_cells", a.split.treated}, {"buffer_cells", a.split.buffer},
                 {"rest_cells", a.split.rest}, {"success", a.wdq.success},         {"reading", reading_of(a)},
                 {"meaning", a.wdq.meaning}};
        wdq["wdq"] = a.wdq.value ? Json(*a.wdq.value) : Json(nullptr);
        wdq["wdq_low"] = a.wdq.interval ? Json(a.wdq.interval->low) : Json(nullptr);
        wdq["wdq_high"] = a.wdq.interval ? Json(a.wdq.interval->high) : Json(nullptr);
        strategies.push_back(std::move(wdq));
    }
    return Json{{"available", true},
                {"buffer_m", input.strategies.front().comparison.areas.split.buffer_m},
                {"rows", std::move(rows)},
                {"strategies", std::move(strategies)}};
}

}  // namespace trygg
