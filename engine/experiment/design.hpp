#pragma once
// Designs for sensitivity analysis: which parameter values an experiment runs, and what role
// each point plays, so that the statistics (experiment/sensitivity.hpp) can be computed from
// the outputs at the points. Pure functions on the unit cube [0, 1]^k; a point's parameter
// values are low + u · (high − low). docs/comparison.md, "Sensitivity analysis", gives the
// formulas.
//
// Morris (1991, Technometrics 33(2), 161–174): r trajectories of k + 1 points on a p-level
// grid, each step changing one parameter by Δ = p / (2(p − 1)); the elementary effect of that
// parameter is the change in output over the step. Random trajectories, or (with candidates)
// the r of M random ones that spread best (Campolongo, Cariboni & Saltelli 2007, Environ.
// Model. Softw. 22, 1509–1518; experiment/trajectory_spread.hpp).
//
// Sobol' (Saltelli 2002; Saltelli et al. 2010, Comput. Phys. Commun. 181, 259–270): matrices A
// and B of N rows from one Sobol' sequence of dimension 2k (A the first k columns, B the last
// k), and for each parameter i the matrix AB_i, A with column i taken from B; N(k + 2) points.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace trygg {

enum class SweepMethod : std::int8_t { Grid, LatinHypercube, Morris, Sobol };

// The name an experiment file and the output file use ("grid", "latin_hypercube", "morris", "sobol").
const char* name_of(SweepMethod method);

// What a point is in its design. Grid and Latin hypercube points have no role beyond their
// number (Point). Morris: point `step` (0 … k) of trajectory `block`, where step j > 0 changed
// parameter `parameter`. Sobol': row `block` of matrix A, B, or AB_i with i = `parameter`.
enum class PointRole : std::int8_t { Point, Trajectory, A, B, AB };

const char* name_of(PointRole role);  // "point", "trajectory", "A", "B", "AB"

struct DesignPoint {
    PointRole role = PointRole::Point;
    int block = 0;       // Morris: trajectory; Sobol': row n of the matrices; otherwise the point's number
    int step = 0;        // Morris: 0 … k; otherwise 0
    int parameter = -1;  // Morris step > 0: the parameter that changed; AB_i: i; otherwise -1
};

struct SweepDesign {
    SweepMethod method = SweepMethod::Grid;
    std::vector<std::string> parameters;  // dotted city-config paths
    std::vector<double> low, high;        // per parameter; a grid's smallest and largest value
    int trajectories = 0;                 // Morris r
    int candidates = 0;                   // Morris M, the trajectories r were chosen from (0: r random ones)
    int levels = 0;                       // Morris p
    int base_samples = 0;                 // Sobol' N
    std::uint64_t seed = 0;               // Morris: the draws' seed (the experiment's)
    std::vector<DesignPoint> points;
    std::vector<double> unit;    // [point][parameter] in [0, 1]
    std::vector<double> values;  // [point][parameter] the values run: low + u (high − low), to 12 digits

    std::size_t size() const { return points.size(); }
    std::size_t dimensions() const { return parameters.size(); }
    double unit_at(std::size_t point, std::size_t parameter) const { return unit[point * dimensions() + parameter]; }
    double value_at(std::size_t point, std::size_t parameter) const { return values[point * dimensions() + parameter]; }
};

// Boost's Sobol' table has 3667 dimensions, and A and B take two per parameter.
inline constexpr std::size_t kMaxSobolParameters = 1833;

// Morris's step on the unit cube: p / (2(p − 1)), for even p ≥ 2 (2/3 for p = 4).
double morris_delta(int levels);
std::size_t morris_size(std::size_t parameters, int trajectories);  // r (k + 1)
std::size_t sobol_size(std::size_t parameters, int base_samples);   // N (k + 2)

// r trajectories in the order trajectory 0 step 0 … k, trajectory 1 step 0 … k, …. For each
// trajectory and parameter the draws pick a lower level ℓ ∈ {0, 1/(p−1), …, 1 − Δ} and a
// direction (up: start at ℓ, step to ℓ + Δ; down: the reverse), and a random order of the
// parameters. The draws are Philox words keyed by (seed, replicate 2^32 − 2), stream Synthesis,
// entity = trajectory, time = parameter: the same seed gives the same design, on any machine.
// With candidates M > r, M trajectories are drawn so and the r that spread best are kept
// (spread_trajectories), in the order drawn; otherwise the first r. Preconditions (the
// experiment reader checks them): ≥ 1 parameter, low < high, r ≥ 1, even p ≥ 2.
SweepDesign morris_design(std::vector<std::string> parameters, std::vector<double> low, std::vector<double> high,
                          int trajectories, int levels, std::uint64_t seed, int candidates = 0);

// N rows in the order row 0: A, AB_1 … AB_k, B; row 1: …. Row n is point n + 1 of Boost.Random's
// Sobol' sequence of dimension 2k (Joe & Kuo 2008 direction numbers): the sequence's first
// point is all zeros, a corner of the cube, and is skipped (Boost's engine skips it itself, so
// row 0 is (½, …, ½)). No randomisation (no scrambling): the design does not depend on the seed.
SweepDesign sobol_design(std::vector<std::string> parameters, std::vector<double> low, std::vector<double> high,
                         int base_samples);

// A design without roles (grid, Latin hypercube): the points as given, [point][parameter];
// low and high are each parameter's extremes, unit the place of a value between them.
SweepDesign plain_design(SweepMethod method, std::vector<std::string> parameters,
                         const std::vector<std::vector<double>>& points);

}  // namespace trygg
