#include "experiment/sensitivity.hpp"

#include "core/error.hpp"
#include "experiment/resampling.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace trygg {
namespace {

void check_outputs(const SweepDesign& design, std::span<const double> outputs, SweepMethod method) {
    if (design.method != method) {
        throw LogicError(std::string("sensitivity: a ") + name_of(method) + " statistic of a " +
                         name_of(design.method) + " design");
    }
    if (outputs.size() != design.size()) throw LogicError("sensitivity: one output per design point expected");
}

std::optional<Interval> percentile_interval(std::vector<double> draws) {
    if (draws.empty()) return std::nullopt;
    std::sort(draws.begin(), draws.end());
    return Interval{quantile(draws, 0.025), quantile(draws, 0.975)};
}

// ---- Morris ----

// effects[t][i]: the elementary effect of parameter i in trajectory t.
std::vector<std::vector<double>> elementary_effects(const SweepDesign& d, std::span<const double> y) {
    const std::size_t k = d.dimensions();
    std::vector<std::vector<double>> effects(static_cast<std::size_t>(d.trajectories), std::vector<double>(k, 0.0));
    std::vector<std::vector<int>> seen(effects.size(), std::vector<int>(k, 0));
    for (std::size_t p = 1; p < d.size(); ++p) {
        const DesignPoint& at = d.points[p];
        if (at.role != PointRole::Trajectory) throw LogicError("morris_indices: a point that is not on a trajectory");
        if (at.step == 0) continue;
        const DesignPoint& before = d.points[p - 1];
        const auto i = static_cast<std::size_t>(at.parameter);
        const auto t = static_cast<std::size_t>(at.block);
        if (before.block != at.block || before.step != at.step - 1 || i >= k || t >= effects.size()) {
            throw LogicError("morris_indices: trajectory " + std::to_string(at.block) + " is out of order");
        }
        const double step = d.unit_at(p, i) - d.unit_at(p - 1, i);  // ±Δ
        effects[t][i] = (y[p] - y[p - 1]) / step;
        ++seen[t][i];
    }
    for (const auto& s : seen) {
        for (const int n : s) {
            if (n != 1) throw LogicError("morris_indices: a trajectory must change each parameter once");
        }
    }
    return effects;
}

struct MorrisMoments {
    double mu = 0.0, mu_star = 0.0, sigma = 0.0;
};

// Over the trajectories `rows` (indices into effects, repeats allowed), for parameter i.
MorrisMoments moments(const std::vector<std::vector<double>>& effects, const std::vector<std::size_t>& rows,
                      std::size_t i) {
    MorrisMoments m;
    const auto r = static_cast<double>(rows.size());
    for (const std::size_t t : rows) {
        m.mu += effects[t][i];
        m.mu_star += std::fabs(effects[t][i]);
    }
    m.mu /= r;
    m.mu_star /= r;
    if (rows.size() > 1) {
        double ss = 0.0;
        for (const std::size_t t : rows) ss += (effects[t][i] - m.mu) * (effects[t][i] - m.mu);
        m.sigma = std::sqrt(ss / (r - 1.0));
    }
    return m;
}

// ---- Sobol' ----

// Row n's points: A, B and AB_i.
struct SobolRows {
    std::vector<std::size_t> a, b;
    std::vector<std::vector<std::size_t>> ab;  // [i][n]
};

SobolRows sobol_rows(const SweepDesign& d) {
    const auto n = static_cast<std::size_t>(d.base_samples);
    const std::size_t k = d.dimensions();
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    SobolRows rows{std::vector<std::size_t>(n, kNone), std::vector<std::size_t>(n, kNone),
                   std::vector<std::vector<std::size_t>>(k, std::vector<std::size_t>(n, kNone))};
    for (std::size_t p = 0; p < d.size(); ++p) {
        const DesignPoint& at = d.points[p];
        const auto row = static_cast<std::size_t>(at.block);
        if (row >= n) throw LogicError("sobol_indices: row out of range");
        if (at.role == PointRole::A)
            rows.a[row] = p;
        else if (at.role == PointRole::B)
            rows.b[row] = p;
        else if (at.role == PointRole::AB && static_cast<std::size_t>(at.parameter) < k)
            rows.ab[static_cast<std::size_t>(at.parameter)][row] = p;
        else
            throw LogicError("sobol_indices: a point that is not in A, B or AB_i");
    }
    auto complete = [&](const std::vector<std::size_t>& v) { return std::find(v.begin(), v.end(), kNone) == v.end(); };
    bool all = complete(rows.a) && complete(rows.b);
    for (const auto& v : rows.ab) all = all && complete(v);
    if (!all) throw LogicError("sobol_indices: a row lacks A, B or one of the AB_i");
    return rows;
}

struct SobolEstimate {
    std::vector<double> first, total;
};

// The estimators over rows `sample` (indices n, repeats allowed).
SobolEstimate estimate(const SobolRows& rows, std::span<const double> y, const std::vector<std::size_t>& sample) {
    const std::size_t k = rows.ab.size();
    const auto n = static_cast<double>(sample.size());
    double mean = 0.0;
    for (const std::size_t s : sample) mean += y[rows.a[s]] + y[rows.b[s]];
    mean /= 2.0 * n;
    double variance = 0.0;
    for (const std::size_t s : sample) {
        variance += (y[rows.a[s]] - mean) * (y[rows.a[s]] - mean) + (y[rows.b[s]] - mean) * (y[rows.b[s]] - mean);
    }
    variance /= 2.0 * n;
    SobolEstimate e{std::vector<double>(k, 0.0), std::vector<double>(k, 0.0)};
    if (variance <= 0.0) return e;
    for (std::size_t i = 0; i < k; ++i) {
        double first = 0.0, total = 0.0;
        for (const std::size_t s : sample) {
            const double fa = y[rows.a[s]], fb = y[rows.b[s]], fab = y[rows.ab[i][s]];
            first += fb * (fab - fa);
            total += (fa - fab) * (fa - fab);
        }
        e.first[i] = first / n / variance;
        e.total[i] = total / (2.0 * n) / variance;
    }
    return e;
}

std::vector<std::size_t> all_of(std::size_t n) {
    std::vector<std::size_t> v(n);
    for (std::size_t j = 0; j < n; ++j) v[j] = j;
    return v;
}

std::vector<std::size_t> resample(std::mt19937_64& generator, std::size_t n) {
    std::vector<std::size_t> v(n);
    for (auto& j : v) j = draw_index(generator, n);
    return v;
}

}  // namespace

std::vector<MorrisIndex> morris_indices(const SweepDesign& design, std::span<const double> outputs) {
    check_outputs(design, outputs, SweepMethod::Morris);
    const auto effects = elementary_effects(design, outputs);
    const std::size_t k = design.dimensions();
    const std::size_t r = effects.size();
    std::vector<MorrisIndex> indices(k);
    const auto every = all_of(r);
    for (std::size_t i = 0; i < k; ++i) {
        const MorrisMoments m = moments(effects, every, i);
        indices[i] = MorrisIndex{i, static_cast<int>(r), m.mu, m.mu_star, m.sigma, {}, {}, {}};
    }
    if (r < 2) return indices;
    std::vector<std::vector<double>> mu(k), mu_star(k), sigma(k);
    std::mt19937_64 generator(kSensitivitySeed);
    for (int b = 0; b < kSensitivityResamples; ++b) {
        const auto rows = resample(generator, r);  // the same trajectories for every parameter
        for (std::size_t i = 0; i < k; ++i) {
            const MorrisMoments m = moments(effects, rows, i);
            mu[i].push_back(m.mu);
            mu_star[i].push_back(m.mu_star);
            sigma[i].push_back(m.sigma);
        }
    }
    for (std::size_t i = 0; i < k; ++i) {
        indices[i].mu_interval = percentile_interval(std::move(mu[i]));
        indices[i].mu_star_interval = percentile_interval(std::move(mu_star[i]));
        indices[i].sigma_interval = percentile_interval(std::move(sigma[i]));
    }
    return indices;
}

std::vector<SobolIndex> sobol_indices(const SweepDesign& design, std::span<const double> outputs) {
    check_outputs(design, outputs, SweepMethod::Sobol);
    const SobolRows rows = sobol_rows(design);
    const std::size_t k = design.dimensions();
    const auto n = static_cast<std::size_t>(design.base_samples);
    const SobolEstimate point = estimate(rows, outputs, all_of(n));
    std::vector<SobolIndex> indices(k);
    for (std::size_t i = 0; i < k; ++i) indices[i] = SobolIndex{i, point.first[i], point.total[i], {}, {}};
    if (n < 2) return indices;
    std::vector<std::vector<double>> first(k), total(k);
    std::mt19937_64 generator(kSensitivitySeed);
    for (int b = 0; b < kSensitivityResamples; ++b) {
        const SobolEstimate e = estimate(rows, outputs, resample(generator, n));
        for (std::size_t i = 0; i < k; ++i) {
            first[i].push_back(e.first[i]);
            total[i].push_back(e.total[i]);
        }
    }
    for (std::size_t i = 0; i < k; ++i) {
        indices[i].first_interval = percentile_interval(std::move(first[i]));
        indices[i].total_interval = percentile_interval(std::move(total[i]));
    }
    return indices;
}

}  // namespace trygg
