#pragma once
// Where a block takes a person: precomputed choice tables per home site, so the day
// planner picks a destination with one 16-bit draw and a short scan, never a search.
#include "model/routine.hpp"
#include "model/sites.hpp"
#include "world/city.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace trygg {

// Rows of weighted choices; row r holds entries [offset[r], offset[r+1]).
struct ChoiceTable {
    // Each row has a guide of kGuideBuckets entries: guide[r * kGuideBuckets + b] is the first
    // entry of row r whose threshold exceeds b × 65536 / kGuideBuckets, so a draw in bucket b
    // starts its scan there and finds its entry in a step or two instead of a binary search
    // over a row of ~80 (the guide table method: Chen & Asau 1974,
    // "On generating random variates from an empirical distribution", AIIE Trans. 6(2)).
    static constexpr int kGuideBuckets = 8;
    static constexpr int kGuideShift = 13;  // 65536 / kGuideBuckets = 2^13

    std::vector<std::uint32_t> offset{0};
    std::vector<std::int32_t> site;
    std::vector<std::uint32_t> threshold;  // cumulative weight scaled to 65536
    std::vector<std::uint32_t> guide;      // [row × kGuideBuckets + bucket] absolute entry index

    void add_row(const std::vector<std::int32_t>& sites, const std::vector<double>& weights);
    // `u16` uniform in [0, 65536); -1 for an empty row.
    std::int32_t pick(std::size_t row, std::uint32_t u16) const {
        double residual = 0.0;
        return pick(row, u16, residual);
    }
    // Also hands back where u16 fell within the chosen entry's interval, as a uniform in
    // [0, 1): a second, independent choice from the same draw (which cell of a place).
    // The entry is the first whose threshold exceeds u16 (std::upper_bound over the row).
    std::int32_t pick(std::size_t row, std::uint32_t u16, double& residual) const {
        const std::uint32_t first = offset[row];
        if (first == offset[row + 1]) return -1;
        std::uint32_t i = guide[row * kGuideBuckets + (u16 >> kGuideShift)];
        while (threshold[i] <= u16) ++i;  // ends in the row: its last threshold is 65536
        const std::uint32_t lower = i == first ? 0u : threshold[i - 1];
        residual = static_cast<double>(u16 - lower) / static_cast<double>(threshold[i] - lower);
        return site[i];
    }
};

struct Destinations {
    ChoiceTable errand;                                // row per home site; entries are places
    ChoiceTable hangout;                               // row per home site; entries are sites
    ChoiceTable night_out;                             // one row; entries are places
    std::vector<std::int32_t> venue_place;             // [home site] nearest supervised activity place, -1 none
    std::vector<std::int32_t> venue_site;              // [home site]
    std::vector<std::vector<std::int32_t>> footprint;  // [place] its sites (Sites::place_footprint)

    // The site of a place chosen with `residual` (uniform in [0, 1)): a cell of its footprint.
    std::int32_t site_in(std::int32_t place, double residual) const {
        const auto& cells = footprint[static_cast<std::size_t>(place)];
        const auto k =
            std::min(cells.size() - 1, static_cast<std::size_t>(residual * static_cast<double>(cells.size())));
        return cells[k];
    }
};

Destinations build_destinations(const City& city, const Sites& sites, const RoutineParams& params);

}  // namespace trygg
