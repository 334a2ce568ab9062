#pragma once
// Where a block takes a person: precomputed choice tables per home site, so the day
// planner picks a destination with one 16-bit draw and a short scan, never a search.
#include "model/routine.hpp"
#include "model/sites.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

// Rows of weighted choices; row r holds entries [offset[r], offset[r+1]).
struct ChoiceTable {
    std::vector<std::uint32_t> offset{0};
    std::vector<std::int32_t> site;
    std::vector<std::uint32_t> threshold;  // cumulative weight scaled to 65536

    void add_row(const std::vector<std::int32_t>& sites, const std::vector<double>& weights);
    // `u16` uniform in [0, 65536); -1 for an empty row.
    std::int32_t pick(std::size_t row, std::uint32_t u16) const {
        const auto end = offset[row + 1];
        for (auto k = offset[row]; k < end; ++k) {
            if (u16 < threshold[k]) return site[k];
        }
        return -1;
    }
};

struct Destinations {
    ChoiceTable errand;                     // row per home site
    ChoiceTable hangout;                    // row per home site
    ChoiceTable night_out;                  // one row
    std::vector<std::int32_t> venue_place;  // [home site] nearest supervised activity place, -1 none
    std::vector<std::int32_t> venue_site;   // [home site]
};

Destinations build_destinations(const City& city, const Sites& sites, const RoutineParams& params);

}  // namespace trygg
