#pragma once
// Near-repeat victimisation in the city (DESIGN §3.5; Short et al. 2008): for each crime type
// with a near-repeat parameter set, a field B over the city grid that each crime of that type
// raises by θ at its cell, that spreads to neighbouring cells (η) and decays (ω per day),
// updated once a day with the same field code as the lattice model. The offending rule
// multiplies that type's rate at a cell by 1 + B: after a burglary, the cell and its
// neighbours are more attractive for a while (Johnson & Bowers 2004; Malmö: 2.3× within
// 100 m for a week).
#include "model/attractiveness.hpp"
#include "model/crime_type.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace trygg {

struct NearRepeatParams {
    bool enabled = false;
    double theta = 0.0;          // B added at the cell per crime
    double eta = 0.0;            // share of B spreading to the 4 neighbours per day
    double omega_per_day = 0.0;  // decay rate [1/day]
};

class NearRepeatField {
public:
    NearRepeatField(const std::array<NearRepeatParams, kCrimeTypes>& params, int nx, int ny);

    // 1 + B of `type` at `cell` (1 where the type has no near-repeat).
    double factor(CrimeType type, std::int32_t cell) const {
        const auto& b = b_[static_cast<std::size_t>(type)];
        return b.empty() ? 1.0 : 1.0 + b[static_cast<std::size_t>(cell)];
    }
    // 1 + Σ_types B at `cell`: how much recent crime draws offenders to it.
    double attractiveness(std::int32_t cell) const {
        double a = 1.0;
        for (const auto& b : b_) {
            if (!b.empty()) a += b[static_cast<std::size_t>(cell)];
        }
        return a;
    }
    void record(CrimeType type, std::int32_t cell) {
        if (params_[static_cast<std::size_t>(type)].enabled)
            today_[static_cast<std::size_t>(type)].push_back(static_cast<std::uint32_t>(cell));
    }
    // Once a day: spread and decay, then add the day's crimes.
    void end_of_day();
    const std::vector<double>& field(CrimeType type) const { return b_[static_cast<std::size_t>(type)]; }
    // Saving and restoring a replicate's state (sim/replicate_state.hpp); next_ is scratch.
    template <class Archive>
    void persist(Archive& a) {
        a.field("b", b_);
        a.field("today", today_);
    }

private:
    std::array<NearRepeatParams, kCrimeTypes> params_;
    int nx_, ny_;
    std::array<std::vector<double>, kCrimeTypes> b_;
    std::array<std::vector<double>, kCrimeTypes> next_;
    std::array<std::vector<std::uint32_t>, kCrimeTypes> today_;
};

}  // namespace trygg
