// Harm and cost over time: each strategy's crimes weighted by the crime harm index, crimes and
// harm at present value, the extra cost at present value, and the cost per crime and per unit
// of harm prevented with their intervals (experiment/harm_cost.hpp, docs/comparison.md).
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <string>
#include <utility>

namespace trygg {
namespace {

const Estimate* find_estimate(const Comparison& c, const std::string& outcome, const std::string& key) {
    for (const Estimate& e : c.outcomes)
        if (e.outcome == outcome && e.key == key) return &e;
    return nullptr;
}

Json estimate_or_null(const Comparison& c, const std::string& outcome) {
    const Estimate* e = find_estimate(c, outcome, "total");
    return e ? estimate_json(*e) : Json(nullptr);
}

// A cost per unit prevented as the page's row: the value with its interval, and how to read it
// ("determined", "no_cost": nothing extra spent, "no_reduction", "few_replicates").
Json per_unit(const CostEffect& c, const Estimate* change) {
    Json j{{"value", c.sek_per_crime_prevented ? Json(*c.sek_per_crime_prevented) : Json(nullptr)},
           {"low", c.interval ? Json(c.interval->low) : Json(nullptr)},
           {"high", c.interval ? Json(c.interval->high) : Json(nullptr)}};
    j["reading"] = c.sek <= 0.0                          ? "no_cost"
                   : c.sek_per_crime_prevented           ? "determined"
                   : (change && change->change_interval) ? "no_reduction"
                                                         : "few_replicates";
    if (c.sek <= 0.0) {
        j["value"] = nullptr;
        j["low"] = nullptr;
        j["high"] = nullptr;
    }
    return j;
}

}  // namespace

Json harm_section(const ReportInput& input) {
    if (input.strategies.empty()) return unavailable("no_comparison");
    const HarmCostComparison& index = input.strategies.front().comparison.harm;
    Json weights = Json::array();
    for (const HarmWeight& w : index.weights)
        weights.push_back({{"crime_type", w.crime_type}, {"weight", w.weight}, {"basis", w.basis}});
    Json rows = Json::array(), by_type = Json::array();
    for (const ReportedStrategy& s : input.strategies) {
        const Comparison& c = s.comparison;
        const HarmCostComparison& h = c.harm;
        const std::string name = short_name(s.run);
        rows.push_back({{"strategy", name},
                        {"harm", estimate_or_null(c, "harm_true")},
                        {"harm_pv", estimate_or_null(c, "harm_true_pv")},
                        {"crimes_pv", estimate_or_null(c, "crimes_true_pv")},
                        {"cost_sek", h.cost_sek},
                        {"cost_pv_sek", h.cost_pv_sek},
                        {"timing_assumed", h.timing_assumed},
                        {"per_crime_pv", per_unit(h.per_crime_pv, find_estimate(c, "crimes_true_pv", "total"))},
                        {"per_harm_pv", per_unit(h.per_harm_pv, find_estimate(c, "harm_true_pv", "total"))}});
        for (const Estimate& e : c.outcomes) {
            if (e.outcome != "harm_true_by_type" || (e.base_mean == 0.0 && e.other_mean == 0.0)) continue;
            Json row = estimate_json(e);
            row["strategy"] = name;
            by_type.push_back(std::move(row));
        }
    }
    return Json{{"available", true},
                {"weeks", input.strategies.front().comparison.weeks},
                {"discount_rate", input.discount_rate},
                {"index",
                 {{"name", index.index_name},
                  {"unit", index.index_unit},
                  {"source", index.index_source},
                  {"weights", std::move(weights)}}},
                {"rows", std::move(rows)},
                {"by_type", std::move(by_type)}};
}

}  // namespace trygg
