#pragma once
// The dynamic attractiveness of places to offenders (Short et al. 2008): A = A0 + B, where
// B rises with every crime, spreads to neighbouring cells and decays,
//
//     B ← [(1 − η) B + (η/4) Σ_neighbours B] (1 − ω δt) + θ E,
//
// with E the crimes in the cell during the step. This is the near-repeat mechanism: one
// burglary makes the cell and its neighbours more attractive for a while. The same update
// serves the stand-alone lattice model and the city grid.
#include <cstdint>
#include <span>

namespace trygg {

struct FieldParams {
    double eta = 0.0;    // η: share of B that spreads to the 4 neighbours per step (0..1)
    double omega = 0.0;  // ω: decay rate [1/time]
    double theta = 0.0;  // θ: increase of B per crime
    double dt = 0.0;     // δt: time per step
};

// Periodic: the lattice wraps (the Short et al. torus). Reflecting: a missing neighbour
// counts as the cell itself, so B neither leaks out of the city nor piles up at its edge.
enum class Boundary { Periodic, Reflecting };

// Computes next B from B — spread and decay — row-parallel for large grids. A pure
// function of its inputs: the result never depends on the number of threads.
void spread_and_decay(const FieldParams& p, Boundary boundary, int nx, int ny, std::span<const double> b,
                      std::span<double> b_next);

// Then the step's crimes: θ for each event at its cell (a list, since crimes are rare).
inline void add_crimes(const FieldParams& p, std::span<const std::uint32_t> cells, std::span<double> b_next) {
    for (auto c : cells) b_next[c] += p.theta;
}

// Σ B after the update, from Σ B before it: diffusion moves B without creating or losing
// any (on the torus, and with reflecting edges), so the total only decays and grows by θ
// per crime. Exact up to rounding; saves summing the field every step.
double total_after_update(const FieldParams& p, double total, std::int64_t events);

}  // namespace trygg
