#pragma once
// The burglary lattice model of Short, D'Orsogna, Pasour, Tita, Brantingham, Bertozzi &
// Chayes (2008), "A statistical model of criminal behavior", M3AS 18:1249–1267 — trygg's
// near-repeat mechanism on its own, as a validation target (DESIGN §6.1).
//
// Each step δt on a periodic L × L lattice:
//   1. every burglar at site s burgles with probability 1 − exp(−A_s δt) and is removed,
//      otherwise moves to a neighbour k with probability A_k / Σ_neighbours A;
//   2. B ← [(1 − η) B + (η/4) Σ_neighbours B] (1 − ω δt) + θ E   (the shared field update,
//      with E the burglaries of the step at the site);
//   3. new burglars appear at each site at rate Γ (Γ δt per step);
//   4. A = A0 + B.
// Homogeneous equilibrium: B̄ = θΓ/ω, n̄ = Γδt / (1 − exp(−Āδt)), Ā = A0 + B̄.
#include "core/rng.hpp"
#include "model/attractiveness.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

struct Short2008Params {
    int size = 128;             // lattice side L (at most 65,536)
    double eta = 0.03;          // η: the stationary-hotspot set of the paper
    double theta = 0.56;        // θ
    double gamma = 0.019;       // Γ: new burglars per site per unit time
    double omega = 1.0 / 15.0;  // ω
    double a0 = 1.0 / 30.0;     // A0: static attractiveness
    double dt = 0.01;           // δt

    double equilibrium_b() const { return theta * gamma / omega; }
    double equilibrium_burglars() const;  // n̄ per site
};

class Short2008 {
public:
    Short2008(const Short2008Params& params, std::uint64_t seed);

    // Starts from the homogeneous equilibrium (B = B̄ everywhere, no burglars: they arrive
    // at rate Γ and reach n̄ within a few hundred steps), as in the paper's simulations.
    void step();

    int steps_done() const { return static_cast<int>(t_); }
    const std::vector<double>& b() const { return b_; }
    std::vector<double> a() const;
    std::vector<std::int32_t> burglars() const;  // per site
    double mean_b() const { return sum_b_ / static_cast<double>(b_.size()); }
    double mean_burglars() const { return static_cast<double>(pos_.size()) / static_cast<double>(b_.size()); }
    std::int64_t burglaries_last_step() const { return burglaries_; }
    const Short2008Params& params() const { return p_; }

private:
    // Burglars [first, last) of the list burgle or move; movers go to `moved` in order.
    void move_burglars(std::size_t first, std::size_t last, std::vector<std::uint32_t>& moved,
                       std::vector<std::uint32_t>& burgled);
    void spawn(std::vector<std::uint32_t>& out) const;
    void sort_by_row(std::vector<std::uint32_t>& pos);

    Short2008Params p_;
    CounterRng rng_;
    int size_;
    std::uint32_t t_ = 0;
    std::vector<double> b_, b_next_;
    double sum_b_ = 0.0;
    // Burglars as a list of sites (y << 16 | x), in a deterministic order: at ~0.1 per
    // site, walking the list beats scanning the lattice (no branch per empty site).
    std::vector<std::uint32_t> pos_, pos_next_;
    std::vector<std::uint32_t> sorted_, row_start_;  // scratch of sort_by_row
    struct Chunk {
        std::vector<std::uint32_t> moved;    // packed sites
        std::vector<std::uint32_t> burgled;  // site indices
    };
    std::vector<Chunk> chunks_;
    std::int64_t burglaries_ = 0;
};

// A spatial measure that separates hotspots from the homogeneous state: the share of all B
// held by the top 1 % of sites. Homogeneous noise keeps it near 1 % (a little above);
// stationary hotspots concentrate B several-fold.
double top_share(const std::vector<double>& field, double fraction);

}  // namespace trygg
