// The strategies ranked against each other (experiment/ranking.hpp, as `trygg compare BASE O1 O2
// …` ranks them): per criterion each strategy's mean with its 95% interval, its rank and the
// probability that it is best. A ranking needs two or more strategies.
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <cstddef>
#include <optional>
#include <utility>

namespace trygg {
namespace {

Json number_or_null(const std::optional<double>& v) {
    return v ? Json(*v) : Json(nullptr);
}

}  // namespace

Json ranking_section(const ReportInput& input) {
    if (input.strategies.empty()) return unavailable("no_comparison");
    if (input.strategies.size() < 2 || input.ranking.empty()) return unavailable("one_strategy");
    const HarmCostComparison& h = input.strategies.front().comparison.harm;
    Json criteria = Json::array();
    for (const RankCriterion& c : input.ranking) {
        Json rows = Json::array();
        for (std::size_t s = 0; s < c.scores.size() && s < input.strategies.size(); ++s) {
            const RankScore& x = c.scores[s];
            rows.push_back({{"strategy", short_name(input.strategies[s].run)},
                            {"rank", x.rank > 0 ? Json(x.rank) : Json(nullptr)},
                            {"mean", number_or_null(x.mean)},
                            {"low", x.interval ? Json(x.interval->low) : Json(nullptr)},
                            {"high", x.interval ? Json(x.interval->high) : Json(nullptr)},
                            {"p_best_replicates", number_or_null(x.p_best_replicates)},
                            {"p_best_bootstrap", number_or_null(x.p_best_bootstrap)}});
        }
        criteria.push_back({{"criterion", c.name}, {"unit", c.unit}, {"rows", std::move(rows)}});
    }
    const Comparison& first = input.strategies.front().comparison;
    return Json{{"available", true},
                {"pairing", name_of(first.pairing)},
                {"replicates", first.replicates},
                {"discount_rate", input.discount_rate},
                {"harm_index", h.index_name},
                {"harm_unit", h.index_unit},
                {"criteria", std::move(criteria)}};
}

}  // namespace trygg
