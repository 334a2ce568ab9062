#pragma once
// Ranking strategies for `trygg compare BASE OTHER1 OTHER2 …`: each OTHER against the same BASE,
// ranked by crimes prevented, harm prevented and cost-effectiveness, with intervals and the
// probability that each is best. Pure statistics; docs/comparison.md gives the formulas.
//
// Under common random numbers replicate r of every run drew the same streams, so replicate r
// is one joint draw of what every strategy would do in the same city-year. P(best) is given
// two ways:
//   - p_best_replicates: the share of replicates in which the strategy did best (ties shared):
//     the chance it proves best in one realisation of the horizon, the question a steering
//     group asks ("how often would this one have been the right choice?"). It stays below 1
//     however many replicates are run, since the city's own randomness does not go away.
//   - p_best_bootstrap: the share of paired bootstrap resamples of the replicates (the same
//     indices for every run) in which the strategy's mean is the best: how sure the run is
//     that its expected effect is the highest. It goes to 0 or 1 as replicates grow.
// Unpaired runs have no joint draws: p_best_replicates is absent and the bootstrap resamples
// each run on its own.
#include "experiment/compare.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace trygg {

struct RankScore {
    std::optional<double> mean;  // none: the criterion is undefined for the strategy (e.g. no extra cost)
    std::optional<Interval> interval;
    std::optional<double> p_best_replicates;
    std::optional<double> p_best_bootstrap;
    int rank = 0;  // 1 = best, by mean; 0: not ranked
};

struct RankCriterion {
    std::string name;  // "crimes_prevented", "harm_prevented_pv", "harm_prevented_pv_per_msek", …
    std::string unit;
    std::string description;
    std::vector<RankScore> scores;  // one per strategy, in the order given
};

// Scores of the criterion value_s = (BASE_r − OTHER_{s,r}) · scale_s (more is better); a
// strategy whose scale is none is not ranked. Mean and interval: paired_estimate (or
// unpaired_estimate) of the change, times scale. P(best) among the ranked strategies as in the
// header; the bootstrap draws kBootstrapResamples resamples from kBootstrapSeed. Ranks by mean,
// ties to the earlier strategy.
RankCriterion rank_by(std::string name, std::string unit, std::string description, std::span<const double> base,
                      const std::vector<std::vector<double>>& others, const std::vector<std::optional<double>>& scale,
                      Pairing pairing);

struct StrategyRanking {
    Pairing pairing = Pairing::Paired;
    int replicates = 0;
    std::vector<std::string> strategies;  // the OTHER runs' labels
    std::vector<Comparison> comparisons;  // each against BASE
    std::vector<RankCriterion> criteria;
};

// Compares every OTHER with BASE (compare_runs, with `options`) and ranks them by crimes
// prevented, harm prevented (present value) and, for strategies with an extra cost above 0,
// crimes and harm prevented per million kronor (present values). InputError as compare_runs.
StrategyRanking rank_strategies(const ComparedRun& base, const std::vector<ComparedRun>& others,
                                const CompareOptions& options);

// The four criteria of rank_strategies for runs already compared: `cost_pv_sek[s]` is
// compare_runs(base, *others[s], options).harm.cost_pv_sek. Reads only each run's crimes_true
// (and its shape), so a caller may have released the runs' other arrays (the report does).
std::vector<RankCriterion> rank_compared(const RunResults& base, const std::vector<const RunResults*>& others,
                                         std::span<const double> cost_pv_sek, const CompareOptions& options);

}  // namespace trygg
