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
    // Room for `rows` rows of `entries` entries in all (sentinels included), so that building
    // a large table does not hold it twice while its vector grows.
    void reserve(std::size_t rows, std::size_t entries);
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

// Rows of weighted choices among one shared list of candidates: every home site chooses its
// errand among the same places, so a row need not name them, only where each one's interval
// ends. A row is the candidates' cumulative thresholds in 16 bits (2 bytes a candidate where
// ChoiceTable spends 8): at 16 times Borlänge, 21,080 home sites × 829 errand places, 35 MB
// where ChoiceTable's entries took 140 MB (and 400 MB while they grew). Picks are ChoiceTable's
// for the same weights, draw by draw, residual included.
struct ChoiceMatrix {
    static constexpr int kGuideBuckets = ChoiceTable::kGuideBuckets;
    static constexpr int kGuideShift = ChoiceTable::kGuideShift;
    static constexpr std::uint16_t kEmpty = 0xffffu;  // guide first[0] of a row with no weight
    // A row's thresholds run 0..65536, one more value than 16 bits hold; 65536 is only ever a
    // row's tail (from the candidate where the cumulative weight rounds to all of it), so the
    // guide keeps where that tail starts and the tail is stored as 65535, never read.
    struct alignas(32) Guide {
        std::array<std::uint16_t, kGuideBuckets> first;  // per bucket: the row position its scan starts at
        std::uint16_t full;                              // the first position whose threshold is 65536
    };

    std::vector<std::int32_t> choices;      // [column] the candidate (a place index)
    std::vector<std::uint16_t> thresholds;  // [row][1 + column]; position 0 is a sentinel 0
    std::vector<Guide> guide;               // [row]

    // `rows` empty rows over `candidates`; throws InputError beyond 65,534 candidates.
    ChoiceMatrix(std::size_t rows, std::vector<std::int32_t> candidates);
    ChoiceMatrix() = default;
    // Fills one row from a weight per candidate (≤ 0: never chosen); distinct rows may be set
    // from different threads at once.
    void set_row(std::size_t row, const std::vector<double>& weights);
    std::size_t rows() const { return guide.size(); }
    std::size_t stride() const { return choices.size() + 1; }
    // The threshold at `position` (1..candidates) of `row`, 0..65536, as ChoiceTable holds it.
    std::uint32_t threshold(std::size_t row, std::size_t position) const {
        return position >= guide[row].full ? 65536u : thresholds[row * stride() + position];
    }
    // As ChoiceTable::pick: `u16` uniform in [0, 65536); -1 for a row with no weight.
    std::int32_t pick(std::size_t row, std::uint32_t u16, double& residual) const {
        const Guide& g = guide[row];
        std::uint32_t i = g.first[u16 >> kGuideShift];
        if (i == kEmpty) return -1;
        const std::uint16_t* t = &thresholds[row * stride()];
        while (i < g.full && t[i] <= u16) ++i;  // the tail from `full` exceeds every draw
        const std::uint32_t upper = i >= g.full ? 65536u : t[i];
        const std::uint32_t lower = t[i - 1];  // i − 1 < full: a scan starts at or before full, stops there
        residual = static_cast<double>(u16 - lower) / static_cast<double>(upper - lower);
        return choices[i - 1];
    }
    void prefetch(std::size_t row, std::uint32_t u16) const {
        const std::uint16_t i = guide[row].first[u16 >> kGuideShift];
        if (i != kEmpty) __builtin_prefetch(&thresholds[row * stride() + i]);
    }
    void prefetch_guide(std::size_t row) const { __builtin_prefetch(&guide[row]); }
};

struct Destinations {
    ChoiceMatrix errand;                    // row per home site; candidates are places
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
