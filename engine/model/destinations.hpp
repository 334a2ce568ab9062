#pragma once
// Where a block takes a person: precomputed choice tables per home site, so the day
// planner picks a destination with one 16-bit draw and a short scan, never a search.
#include "model/routine.hpp"
#include "model/sites.hpp"
#include "world/city.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace trygg {

// Rows of weighted choices. The planner picks from rows at random (a person's home site), in
// tables of several MB, so a pick is laid out to touch as few cache lines as it can: the
// row's guide (32 bytes, aligned, one line), then the entries it scans, each a threshold and
// its site side by side (the scan ends on the line that holds the answer).
struct ChoiceTable {
    // Each row has a guide of kGuideBuckets entries: guide[b] is the first entry of the row
    // whose threshold exceeds b × 65536 / kGuideBuckets, so a draw in bucket b starts its scan
    // there and finds its entry in a step or two instead of a binary search over a row of ~80
    // (the guide table method: Chen & Asau 1974, "On generating random variates from an
    // empirical distribution", AIIE Trans. 6(2)).
    static constexpr int kGuideBuckets = 8;
    static constexpr int kGuideShift = 13;                // 65536 / kGuideBuckets = 2^13
    static constexpr std::uint32_t kEmpty = 0xffffffffu;  // guide[0] of a row with no entry

    struct Entry {
        std::uint32_t threshold;  // cumulative weight scaled to 65536; the row's last is 65536
        std::int32_t site;
    };
    struct alignas(32) Guide {
        std::array<std::uint32_t, kGuideBuckets> first;  // absolute entry index per bucket
    };

    // Every row starts with a sentinel entry {0, -1}, so the entry before any real one holds
    // the lower end of its interval (0 for the row's first) and a pick needs no row bounds.
    std::vector<Entry> entries;
    std::vector<Guide> guide;                          // [row]
    std::vector<std::array<std::uint32_t, 2>> bounds;  // [row] its real entries [first, end); a pick needs none

    void add_row(const std::vector<std::int32_t>& sites, const std::vector<double>& weights);
    std::size_t rows() const { return guide.size(); }
    // `u16` uniform in [0, 65536); -1 for an empty row.
    std::int32_t pick(std::size_t row, std::uint32_t u16) const {
        double residual = 0.0;
        return pick(row, u16, residual);
    }
    // Also hands back where u16 fell within the chosen entry's interval, as a uniform in
    // [0, 1): a second, independent choice from the same draw (which cell of a place).
    // The entry is the first whose threshold exceeds u16 (std::upper_bound over the row).
    std::int32_t pick(std::size_t row, std::uint32_t u16, double& residual) const {
        std::uint32_t i = guide[row].first[u16 >> kGuideShift];
        if (i == kEmpty) return -1;
        while (entries[i].threshold <= u16) ++i;  // ends in the row: its last threshold is 65536
        const std::uint32_t lower = entries[i - 1].threshold;
        residual = static_cast<double>(u16 - lower) / static_cast<double>(entries[i].threshold - lower);
        return entries[i].site;
    }
    // Asks for the line on which a pick of `u16` from `row` will start its scan, ahead of the
    // pick (the planner knows its draws a few persons early); no effect on what is picked.
    void prefetch(std::size_t row, std::uint32_t u16) const {
        const std::uint32_t i = guide[row].first[u16 >> kGuideShift];
        if (i != kEmpty) __builtin_prefetch(&entries[i]);
    }
    void prefetch_guide(std::size_t row) const { __builtin_prefetch(&guide[row]); }
};

struct Destinations {
    ChoiceTable errand;                     // row per home site; entries are places
    ChoiceTable hangout;                    // row per home site; entries are sites
    ChoiceTable night_out;                  // one row; entries are places
    std::vector<std::int32_t> venue_place;  // [home site] nearest supervised activity place, -1 none
    std::vector<std::int32_t> venue_site;   // [home site]
    // Each place's sites (Sites::place_footprint), flattened: place p's are
    // footprint_sites[footprint_first[p] .. footprint_first[p + 1]), one read where a vector
    // per place cost a second, dependent miss.
    std::vector<std::uint32_t> footprint_first;  // [place + 1]
    std::vector<std::int32_t> footprint_sites;

    // The site of a place chosen with `residual` (uniform in [0, 1)): a cell of its footprint.
    std::int32_t site_in(std::int32_t place, double residual) const {
        const std::size_t first = footprint_first[static_cast<std::size_t>(place)];
        const std::size_t size = footprint_first[static_cast<std::size_t>(place) + 1] - first;
        const auto k = std::min(size - 1, static_cast<std::size_t>(residual * static_cast<double>(size)));
        return footprint_sites[first + k];
    }
};

Destinations build_destinations(const City& city, const Sites& sites, const RoutineParams& params);

}  // namespace trygg
