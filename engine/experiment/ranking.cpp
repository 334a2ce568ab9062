#include "experiment/ranking.hpp"

#include "core/error.hpp"
#include "experiment/resampling.hpp"

#include <algorithm>
#include <random>

namespace trygg {

namespace {

// Adds to `wins` 1 for the best of `values` (undefined strategies skipped), shared equally by ties.
void credit_best(const std::vector<std::optional<double>>& values, std::vector<double>& wins) {
    std::optional<double> best;
    for (const auto& v : values) {
        if (v && (!best || *v > *best)) best = v;
    }
    if (!best) return;
    const auto ties = std::count_if(values.begin(), values.end(), [&](const auto& v) { return v && *v == *best; });
    for (std::size_t s = 0; s < values.size(); ++s) {
        if (values[s] && *values[s] == *best) wins[s] += 1.0 / static_cast<double>(ties);
    }
}

}  // namespace

RankCriterion rank_by(std::string name, std::string unit, std::string description, std::span<const double> base,
                      const std::vector<std::vector<double>>& others, const std::vector<std::optional<double>>& scale,
                      Pairing pairing) {
    if (scale.size() != others.size()) throw LogicError("rank_by: one scale per strategy expected");
    const std::size_t n = base.size();
    for (const auto& o : others) {
        if (o.size() != n) throw LogicError("rank_by: every run needs the same replicates");
    }
    RankCriterion c;
    c.name = std::move(name);
    c.unit = std::move(unit);
    c.description = std::move(description);
    const std::size_t S = others.size();
    c.scores.resize(S);
    for (std::size_t s = 0; s < S; ++s) {
        if (!scale[s]) continue;
        // The change BASE − OTHER is what the strategy prevented.
        const Estimate e = pairing == Pairing::Paired ? paired_estimate("", "", others[s], base)
                                                      : unpaired_estimate("", "", others[s], base);
        const double k = *scale[s];
        RankScore& r = c.scores[s];
        r.mean = e.change * k;
        if (e.change_interval) {
            const double a = e.change_interval->low * k, b = e.change_interval->high * k;
            r.interval = Interval{std::min(a, b), std::max(a, b)};
        }
    }
    const bool any = std::any_of(scale.begin(), scale.end(), [](const auto& k) { return k.has_value(); });
    if (any && n > 0) {
        std::vector<std::optional<double>> values(S);
        // The share of replicates in which each did best: paired runs only.
        if (pairing == Pairing::Paired) {
            std::vector<double> wins(S, 0.0);
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t s = 0; s < S; ++s) {
                    values[s] = scale[s] ? std::optional((base[i] - others[s][i]) * *scale[s]) : std::nullopt;
                }
                credit_best(values, wins);
            }
            for (std::size_t s = 0; s < S; ++s) {
                if (scale[s]) c.scores[s].p_best_replicates = wins[s] / static_cast<double>(n);
            }
        }
        // The bootstrap of the means: one index for every run when paired, one per run when not.
        std::mt19937_64 generator(kBootstrapSeed);
        std::vector<double> wins(S, 0.0);
        std::vector<double> sum_o(S);
        for (int k = 0; k < kBootstrapResamples; ++k) {
            double sum_b = 0.0;
            std::fill(sum_o.begin(), sum_o.end(), 0.0);
            for (std::size_t j = 0; j < n; ++j) {
                const std::size_t i = draw_index(generator, n);
                sum_b += base[i];
                for (std::size_t s = 0; s < S; ++s) {
                    const std::size_t is = pairing == Pairing::Paired ? i : draw_index(generator, n);
                    sum_o[s] += others[s][is];
                }
            }
            for (std::size_t s = 0; s < S; ++s) {
                values[s] =
                    scale[s] ? std::optional((sum_b - sum_o[s]) / static_cast<double>(n) * *scale[s]) : std::nullopt;
            }
            credit_best(values, wins);
        }
        for (std::size_t s = 0; s < S; ++s) {
            if (scale[s]) c.scores[s].p_best_bootstrap = wins[s] / kBootstrapResamples;
        }
    }
    std::vector<std::size_t> order;
    for (std::size_t s = 0; s < S; ++s) {
        if (c.scores[s].mean) order.push_back(s);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return *c.scores[a].mean > *c.scores[b].mean; });
    for (std::size_t k = 0; k < order.size(); ++k) c.scores[order[k]].rank = static_cast<int>(k) + 1;
    return c;
}

StrategyRanking rank_strategies(const ComparedRun& base, const std::vector<ComparedRun>& others,
                                const CompareOptions& options) {
    if (others.empty()) throw LogicError("rank_strategies: no strategy to rank");
    StrategyRanking ranking;
    ranking.pairing = options.pairing;
    ranking.replicates = base.results.replicates;
    for (const ComparedRun& other : others) {
        ranking.strategies.push_back(other.label);
        ranking.comparisons.push_back(compare_runs(base, other, options));
    }
    std::vector<const RunResults*> runs;
    std::vector<double> costs;
    for (std::size_t s = 0; s < others.size(); ++s) {
        runs.push_back(&others[s].results);
        costs.push_back(ranking.comparisons[s].harm.cost_pv_sek);
    }
    ranking.criteria = rank_compared(base.results, runs, costs, options);
    return ranking;
}

std::vector<RankCriterion> rank_compared(const RunResults& base, const std::vector<const RunResults*>& others,
                                         std::span<const double> cost_pv_sek, const CompareOptions& options) {
    if (others.empty() || cost_pv_sek.size() != others.size())
        throw LogicError("rank_compared: one cost per strategy expected");
    std::vector<RankCriterion> criteria;
    const double rate = options.discount_rate;
    const std::vector<double> weights = weights_for(options.harm, base);
    const std::vector<double> ones(weights.size(), 1.0);
    const std::vector<double> crimes_b = weighted_crimes(base, ones, 0.0);
    const std::vector<double> harm_b = weighted_crimes(base, weights, rate);
    const std::vector<double> crimes_pv_b = weighted_crimes(base, ones, rate);
    std::vector<std::vector<double>> crimes_o, harm_o, crimes_pv_o;
    std::vector<std::optional<double>> unit(others.size(), 1.0), per_msek(others.size());
    for (std::size_t s = 0; s < others.size(); ++s) {
        crimes_o.push_back(weighted_crimes(*others[s], ones, 0.0));
        harm_o.push_back(weighted_crimes(*others[s], weights, rate));
        crimes_pv_o.push_back(weighted_crimes(*others[s], ones, rate));
        const double cost = cost_pv_sek[s];
        if (cost > 0.0) per_msek[s] = 1e6 / cost;
    }
    const std::string harm_unit = options.harm.unit;
    criteria.push_back(rank_by("crimes_prevented", "crimes", "true crimes prevented over the horizon (BASE − OTHER)",
                               crimes_b, crimes_o, unit, options.pairing));
    criteria.push_back(rank_by("harm_prevented_pv", harm_unit,
                               "harm prevented (" + options.harm.name + "), present value", harm_b, harm_o, unit,
                               options.pairing));
    criteria.push_back(rank_by("harm_prevented_pv_per_msek", harm_unit + " per million SEK",
                               "harm prevented per million kronor of extra cost, both at present value "
                               "(strategies with no extra cost are not ranked)",
                               harm_b, harm_o, per_msek, options.pairing));
    criteria.push_back(rank_by("crimes_prevented_pv_per_msek", "crimes per million SEK",
                               "true crimes prevented per million kronor of extra cost, both at present value "
                               "(strategies with no extra cost are not ranked)",
                               crimes_pv_b, crimes_pv_o, per_msek, options.pairing));
    return criteria;
}

}  // namespace trygg
