#pragma once
// Police patrols (DESIGN §3.6, §3.11): a few units on duty in an evening-and-night shift,
// each covering its cell and the eight around it (a beat of ~300 m). Static patrols stand
// at the places the city config names; adaptive ones are moved each week to the hotspots of
// the EST picture — "the picture steers the interventions". Where a patrol is, it guards
// (deterrence), finds drug offences that would otherwise go unseen, and arrests more.
#include "model/sites.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

enum class Steering { Static, Adaptive };

struct PolicingParams {
    int patrols = 0;     // units on duty in the shift
    int shift_from = 0;  // clock hours [from, to); to ≤ from: past midnight
    int shift_to = 0;
    std::vector<int> static_places;  // where static patrols stand (place indices), in order
    double guardian_weight = 0.0;    // a patrol counts as this many guardians
    double drug_detection = 0.0;     // drug offences found × (1 + this) where a patrol is
    double arrest_gain = 0.0;        // arrest probability × (1 + this) where a patrol is
    Steering steering = Steering::Static;
};

class Patrols {
public:
    Patrols(const City& city, const Sites& sites, const PolicingParams& params);

    bool on_duty(int clock_hour) const;
    // 1 where a patrol covers the site (in its shift), else 0.
    std::uint8_t at(std::int32_t site) const { return covered_[static_cast<std::size_t>(site)]; }
    // Adaptive steering: the patrols move to these cells (best first); static patrols stay.
    void steer(const std::vector<int>& hotspot_cells);
    const std::vector<int>& cells() const { return cells_; }  // where the patrols stand

private:
    void cover();

    const City& city_;
    const Sites& sites_;
    PolicingParams params_;
    std::vector<int> cells_;
    std::vector<std::uint8_t> covered_;  // [site]
};

}  // namespace trygg
