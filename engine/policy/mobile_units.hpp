#pragma once
// Mobile units (DESIGN §3.6, §3.11): police patrols, pairs of field workers or camera posts
// that each cover their cell and the eight around it (a beat of ~300 m on 100 m cells).
// Static units stand where they were put; adaptive ones are moved each week to the
// hotspots of the EST picture — "the picture steers the interventions".
#include "model/sites.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

class MobileUnits {
public:
    // `cells` are where the units stand first, one cell per unit; adaptive units leave them
    // after the first weekly picture.
    MobileUnits(const City& city, const Sites& sites, int units, std::vector<int> cells, bool adaptive);

    // 1 where a unit covers the site, else 0 (whether or not it is on duty).
    std::uint8_t at(std::int32_t site) const { return covered_[static_cast<std::size_t>(site)]; }
    // Adaptive units move to the first `units` of these cells (best first); static ones stay,
    // and an empty picture leaves everyone where they are.
    void steer(const std::vector<int>& hotspot_cells);
    const std::vector<int>& cells() const { return cells_; }
    int units() const { return units_; }
    bool adaptive() const { return adaptive_; }
    int moves() const { return moves_; }  // times steer() moved the units
    // Saving and restoring a replicate's state (sim/replicate_state.hpp).
    template <class Archive>
    void persist(Archive& a) {
        a.field("moves", moves_);
        a.field("cells", cells_);
        a.field("covered", covered_);
    }

private:
    void cover();

    const City& city_;
    const Sites& sites_;
    int units_ = 0;
    bool adaptive_ = false;
    int moves_ = 0;
    std::vector<int> cells_;
    std::vector<std::uint8_t> covered_;  // [site]
};

}  // namespace trygg
