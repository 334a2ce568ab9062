#pragma once
// Sensitivity indices from the outputs at a design's points (experiment/design.hpp): Morris's
// elementary effects and Sobol' indices, each with a percentile bootstrap 95% interval. Pure
// statistics on plain numbers; `trygg sensitivity` reads the files and prints.
// docs/comparison.md, "Sensitivity analysis", gives the formulas.
#include "experiment/compare.hpp"
#include "experiment/design.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace trygg {

inline constexpr int kSensitivityResamples = 1000;
inline constexpr std::uint64_t kSensitivitySeed = 19910501;  // fixed: the same outputs give the same intervals

// Morris (1991) with the absolute mean μ* of Campolongo, Cariboni & Saltelli (2007). The
// elementary effect of parameter i on a step of trajectory t is
//   EE_i,t = (y(x + e_i Δ) − y(x)) / Δ
// on the unit cube, so it is in output units per full range (high − low) of the parameter:
// for y = c · x_i with x_i in [low, high], EE = c · (high − low). Over the r trajectories:
// μ = mean EE, μ* = mean |EE|, σ = standard deviation of EE (divisor r − 1). The intervals
// resample whole trajectories (r with replacement, kSensitivityResamples times); none when r < 2.
struct MorrisIndex {
    std::size_t parameter = 0;
    int effects = 0;  // r
    double mu = 0.0, mu_star = 0.0, sigma = 0.0;
    std::optional<Interval> mu_interval, mu_star_interval, sigma_interval;
};

// `outputs` has one value per design point, in the design's order. LogicError when the design
// is not a Morris design of that size.
std::vector<MorrisIndex> morris_indices(const SweepDesign& design, std::span<const double> outputs);

// Sobol' indices by the estimators of Saltelli et al. (2010, Comput. Phys. Commun. 181,
// 259–270, Table 2), with f(A)_n, f(B)_n, f(AB_i)_n the outputs of row n:
//   V    = variance of the 2N values f(A)_n and f(B)_n (divisor 2N)
//   S_i  = (1/N) Σ_n f(B)_n (f(AB_i)_n − f(A)_n) / V              (Saltelli et al. 2010, (b))
//   S_Ti = (1/(2N)) Σ_n (f(A)_n − f(AB_i)_n)² / V                  (Jansen 1999, (f))
// The intervals resample rows n (N with replacement, kSensitivityResamples times), the same
// rows for V, S_i and S_Ti. With V = 0 (an output that does not vary) every index is 0.
struct SobolIndex {
    std::size_t parameter = 0;
    double first = 0.0, total = 0.0;
    std::optional<Interval> first_interval, total_interval;
};

std::vector<SobolIndex> sobol_indices(const SweepDesign& design, std::span<const double> outputs);

}  // namespace trygg
