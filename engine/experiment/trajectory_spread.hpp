#pragma once
// Morris trajectories chosen for spread (Campolongo, Cariboni & Saltelli 2007, Environ. Model.
// Softw. 22, 1509–1518): of M random candidate trajectories keep the r that cover the input
// space best, so that few trajectories see much of it.
#include <cstddef>
#include <span>
#include <vector>

namespace trygg {

// Campolongo et al.'s distance between two trajectories of k + 1 points on the unit cube
// ([point][parameter], k values a point): Σ_i Σ_j ‖a_i − b_j‖ over all pairs of their points.
double trajectory_distance(std::span<const double> a, std::span<const double> b, std::size_t k);

// Indices (ascending) of r of the candidates. Campolongo et al. maximise
// D = √(Σ over pairs of chosen trajectories of d²), searching all C(M, r) subsets; that is out
// of reach beyond a few dozen candidates, so this takes the greedy forward selection: the
// farthest pair first, then each time the candidate with the largest Σ d² to those chosen
// (ties to the lower index, so the choice is reproducible). r ≥ the number of candidates: all.
std::vector<std::size_t> spread_trajectories(const std::vector<std::vector<double>>& candidates, std::size_t k,
                                             std::size_t r);

}  // namespace trygg
