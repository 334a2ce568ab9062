#include "experiment/design.hpp"

#include "core/error.hpp"
#include "core/rng.hpp"
#include "experiment/trajectory_spread.hpp"

// Header-only; the core links no Boost library. The Sobol' sequence is Boost's so that a
// reader can trust it (Joe–Kuo tables, tested upstream) rather than a hand-written generator.
#include <boost/random/sobol.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <utility>

namespace trygg {
namespace {

SweepDesign empty_design(SweepMethod method, std::vector<std::string> parameters, std::vector<double> low,
                         std::vector<double> high) {
    if (parameters.empty() || low.size() != parameters.size() || high.size() != parameters.size()) {
        throw LogicError("sweep design: one low and one high value per parameter, and at least one parameter");
    }
    SweepDesign d;
    d.method = method;
    d.parameters = std::move(parameters);
    d.low = std::move(low);
    d.high = std::move(high);
    return d;
}

// low + u (high − low) to 12 significant digits: 0.15 + ⅓ · 0.45 runs as 0.3, not as
// 0.29999999999999993, so the value in a run's provenance reads as what was meant. The
// statistics use the unit-cube points, which are exact, so nothing is lost.
double mapped(double low, double high, double u) {
    const double v = low + u * (high - low);
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", v);
    return std::strtod(text, nullptr);
}

// Appends a point given on the unit cube; its values are mapped onto the ranges.
void add_point(SweepDesign& d, const DesignPoint& role, const std::vector<double>& unit) {
    d.points.push_back(role);
    for (std::size_t i = 0; i < unit.size(); ++i) {
        d.unit.push_back(unit[i]);
        d.values.push_back(mapped(d.low[i], d.high[i], unit[i]));
    }
}

// A replicate number no run uses (runs have fewer than 2^16), so the design's draws never
// coincide with a run's.
constexpr std::uint32_t kDesignReplicate = 0xfffffffeu;

// ℓ + Δ, which is at most 1 by construction; min() keeps rounding from stepping past the cube.
double upper_of(double lower, double delta) {
    return std::min(lower + delta, 1.0);
}

// One Morris trajectory on the unit cube: k + 1 points, [point][parameter], and the parameter
// each step changed (-1 for the start). For each parameter the draws pick a lower level ℓ and a
// direction, then a random order: Philox words of (entity = trajectory, time = parameter).
struct Trajectory {
    std::vector<double> unit;
    std::vector<int> changed;
};

Trajectory random_trajectory(const CounterRng& rng, int t, std::size_t k, int levels) {
    const double delta = morris_delta(levels);
    const int lower_levels = levels / 2;  // ℓ = 0 … (p/2 − 1)/(p − 1) = 1 − Δ
    std::vector<double> lower(k), x(k);
    std::vector<int> up(k);
    for (std::size_t i = 0; i < k; ++i) {
        const auto w = rng.words(Stream::Synthesis, static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(i), 9);
        const int level = std::min(static_cast<int>(to_unit(w[0]) * lower_levels), lower_levels - 1);
        lower[i] = static_cast<double>(level) / (levels - 1);
        up[i] = (w[1] & 1u) != 0;
        x[i] = up[i] ? lower[i] : upper_of(lower[i], delta);
    }
    // The order in which the parameters change: Fisher–Yates with word 2 of each draw.
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = k - 1; i > 0; --i) {
        const auto w = rng.words(Stream::Synthesis, static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(i), 9);
        const auto j = std::min(static_cast<std::size_t>(to_unit(w[2]) * static_cast<double>(i + 1)), i);
        std::swap(order[i], order[j]);
    }
    Trajectory path{x, {-1}};
    for (const std::size_t i : order) {
        x[i] = up[i] ? upper_of(lower[i], delta) : lower[i];  // from ℓ, so both ends are exact
        path.unit.insert(path.unit.end(), x.begin(), x.end());
        path.changed.push_back(static_cast<int>(i));
    }
    return path;
}

static_assert(2 * kMaxSobolParameters <= boost::random::detail::qrng_tables::sobol::max_dimension,
              "Boost's Sobol' table is smaller than kMaxSobolParameters assumes");

}  // namespace

const char* name_of(SweepMethod method) {
    switch (method) {
        case SweepMethod::Grid:
            return "grid";
        case SweepMethod::LatinHypercube:
            return "latin_hypercube";
        case SweepMethod::Morris:
            return "morris";
        case SweepMethod::Sobol:
            return "sobol";
    }
    return "?";
}

const char* name_of(PointRole role) {
    switch (role) {
        case PointRole::Point:
            return "point";
        case PointRole::Trajectory:
            return "trajectory";
        case PointRole::A:
            return "A";
        case PointRole::B:
            return "B";
        case PointRole::AB:
            return "AB";
    }
    return "?";
}

double morris_delta(int levels) {
    return static_cast<double>(levels) / (2.0 * (levels - 1));
}

std::size_t morris_size(std::size_t parameters, int trajectories) {
    return static_cast<std::size_t>(trajectories) * (parameters + 1);
}

std::size_t sobol_size(std::size_t parameters, int base_samples) {
    return static_cast<std::size_t>(base_samples) * (parameters + 2);
}

SweepDesign morris_design(std::vector<std::string> parameters, std::vector<double> low, std::vector<double> high,
                          int trajectories, int levels, std::uint64_t seed, int candidates) {
    if (trajectories < 1 || levels < 2 || levels % 2 != 0) throw LogicError("morris_design: bad r or p");
    SweepDesign d = empty_design(SweepMethod::Morris, std::move(parameters), std::move(low), std::move(high));
    d.trajectories = trajectories;
    d.levels = levels;
    d.seed = seed;
    d.candidates = candidates > trajectories ? candidates : 0;
    const std::size_t k = d.dimensions();
    const CounterRng rng(RngKey{seed, kDesignReplicate});
    std::vector<Trajectory> drawn;
    std::vector<std::vector<double>> points;
    for (int t = 0; t < std::max(trajectories, candidates); ++t) {
        drawn.push_back(random_trajectory(rng, t, k, levels));
        points.push_back(drawn.back().unit);
    }
    const auto chosen = spread_trajectories(points, k, static_cast<std::size_t>(trajectories));
    for (std::size_t t = 0; t < chosen.size(); ++t) {
        const Trajectory& path = drawn[chosen[t]];
        for (std::size_t j = 0; j <= k; ++j) {
            const std::vector<double> x(path.unit.begin() + static_cast<std::ptrdiff_t>(j * k),
                                        path.unit.begin() + static_cast<std::ptrdiff_t>((j + 1) * k));
            add_point(d, DesignPoint{PointRole::Trajectory, static_cast<int>(t), static_cast<int>(j), path.changed[j]},
                      x);
        }
    }
    return d;
}

SweepDesign sobol_design(std::vector<std::string> parameters, std::vector<double> low, std::vector<double> high,
                         int base_samples) {
    if (base_samples < 1 || parameters.size() > kMaxSobolParameters) throw LogicError("sobol_design: bad N or k");
    SweepDesign d = empty_design(SweepMethod::Sobol, std::move(parameters), std::move(low), std::move(high));
    d.base_samples = base_samples;
    const std::size_t k = d.dimensions();
    boost::random::sobol sequence(2 * k);
    std::vector<double> a(k), b(k);
    for (int n = 0; n < base_samples; ++n) {
        // 64-bit words to [0, 1): exact, since the sequence's points are dyadic fractions.
        for (auto& v : a) v = static_cast<double>(sequence()) * 0x1p-64;
        for (auto& v : b) v = static_cast<double>(sequence()) * 0x1p-64;
        add_point(d, DesignPoint{PointRole::A, n, 0, -1}, a);
        for (std::size_t i = 0; i < k; ++i) {
            std::vector<double> ab = a;
            ab[i] = b[i];
            add_point(d, DesignPoint{PointRole::AB, n, 0, static_cast<int>(i)}, ab);
        }
        add_point(d, DesignPoint{PointRole::B, n, 0, -1}, b);
    }
    return d;
}

SweepDesign plain_design(SweepMethod method, std::vector<std::string> parameters,
                         const std::vector<std::vector<double>>& points) {
    const std::size_t k = parameters.size();
    std::vector<double> low(k), high(k);
    for (std::size_t i = 0; i < k; ++i) {
        low[i] = high[i] = points.empty() ? 0.0 : points.front()[i];
        for (const auto& p : points) {
            low[i] = std::min(low[i], p[i]);
            high[i] = std::max(high[i], p[i]);
        }
    }
    SweepDesign d = empty_design(method, std::move(parameters), std::move(low), std::move(high));
    for (std::size_t p = 0; p < points.size(); ++p) {
        d.points.push_back(DesignPoint{PointRole::Point, static_cast<int>(p), 0, -1});
        for (std::size_t i = 0; i < k; ++i) {
            const double range = d.high[i] - d.low[i];
            d.unit.push_back(range > 0.0 ? (points[p][i] - d.low[i]) / range : 0.0);
            d.values.push_back(points[p][i]);  // exactly as given: the run's text must not change
        }
    }
    return d;
}

}  // namespace trygg
