#pragma once
// Hotspots defined once, by the baseline, for `trygg compare`.
//
// The weekly lägesbild tests each run's Gi* against that run's own mean and variance: what EST
// sees week by week. Between scenarios that is a moving yardstick: cutting the largest cluster
// lowers the mean and variance, and smaller clusters become "significant". Here every week of
// OTHER is tested against BASE's yardstick for the same replicate and week — BASE's mean X̄,
// standard deviation S and the p threshold BASE's own test used (Benjamini–Hochberg: k·α/n
// with k the cells BASE flagged, α/n when none; uncorrected: α). A cell's z then depends only
// on the crime within its band, so removing crime can never make a cell hot. BASE under its own
// yardstick is exactly its weekly picture. docs/comparison.md says which outcome is which.
#include "model/hotspots.hpp"
#include "sim/results.hpp"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace trygg {

// Cells hot in more than this share of the weeks are "persistent".
inline constexpr double kPersistentShare = 0.5;
// The baseline's top cells: the fewest study-area cells, most crime first, that hold this share
// of the baseline's crime over the horizon (mean over its replicates) — Weisburd's (2015,
// Criminology 53(2), 133–157) law of crime concentration is stated at half of crime, which a
// few per cent of places hold. A fixed share of cells would not do: in a municipality whose
// study area is mostly forest, 5 % of the cells hold nearly all crime.
inline constexpr double kTopCrimeShare = 0.5;

// The study area and the Gi* band: what every week's test shares.
class HotspotNeighbourhood {
public:
    // `mask`: cells of the study area (!= 0), [y][x]; band_m ≥ 0.
    HotspotNeighbourhood(const RasterShape& raster, std::vector<std::uint8_t> mask, double band_m);

    std::int64_t n() const { return n_; }  // cells of the study area
    const RasterShape& raster() const { return raster_; }
    const std::vector<std::uint8_t>& mask() const { return mask_; }
    // Calls f(j) for every study-area cell j within the band of cell c (c itself included).
    template <class F>
    void for_band(int c, F&& f) const {
        const int row = c / raster_.nx, col = c % raster_.nx;
        for (const auto& [dy, dx] : offsets_) {
            const int y = row + dy, x = col + dx;
            if (y < 0 || y >= raster_.ny || x < 0 || x >= raster_.nx) continue;
            const int j = y * raster_.nx + x;
            if (mask_[static_cast<std::size_t>(j)] != 0) f(j);
        }
    }
    std::int64_t weight(int c) const { return weight_[static_cast<std::size_t>(c)]; }  // Σ_j w_cj

private:
    RasterShape raster_;
    std::vector<std::uint8_t> mask_;
    std::vector<std::pair<int, int>> offsets_;  // (dy, dx) within the band
    std::vector<std::int64_t> weight_;
    std::int64_t n_ = 0;
};

// One week's picture: (cell, count) for the cells with a count above 0.
using SparseWeek = std::vector<std::pair<int, double>>;

// What BASE's test of one week used.
struct HotspotYardstick {
    GiReference reference;   // X̄ and S of BASE's week over the study area
    double p_threshold = 0;  // a cell is hot when P(Z > z) ≤ this
    int base_hot = 0;        // cells BASE's own test flagged
};

// BASE's yardstick for one week: its moments and the threshold its own test applied (the
// Benjamini–Hochberg level k·α/n for the k cells it flagged, α/n when it flagged none, or α
// uncorrected).
HotspotYardstick yardstick_of(const HotspotNeighbourhood& area, const SparseWeek& base, double alpha, bool fdr);

// The cells of `week` that are hot against `yardstick`, ascending. Only cells within the band
// of a cell with crime can have z > 0, so only they are tested. None when the yardstick has no
// spread (BASE's week had no crime, or the same count in every cell).
std::vector<int> hot_cells(const HotspotNeighbourhood& area, const SparseWeek& week, const HotspotYardstick& yardstick);

// The weekly pictures of a run, [replicate][week]; empty when the run has none.
std::vector<std::vector<SparseWeek>> weekly_pictures(const RunResults& results);

// Per replicate, under BASE's yardstick: hotspot cell-weeks of BASE and OTHER, persistent cells
// (hot in more than kPersistentShare of the weeks) of each, and how many of OTHER's persistent
// cells BASE lacks (new) and of BASE's OTHER lacks (vanished).
struct BaselineHotspotTally {
    std::vector<double> base_cell_weeks, other_cell_weeks;
    std::vector<double> base_persistent, other_persistent, new_persistent, vanished_persistent;
};
BaselineHotspotTally tally_baseline_hotspots(const HotspotNeighbourhood& area, const RunResults& base,
                                             const RunResults& other);

// The baseline's top cells: the fewest study-area cells, most true crime over the horizon first
// (mean over BASE's replicates; ties to the lower index), whose crime reaches `crime_share` of the
// study area's. None when BASE had no crime.
std::vector<int> top_cells_of(const RunResults& base, std::span<const std::uint8_t> mask,
                              double crime_share = kTopCrimeShare);

// Per replicate: true crimes over the horizon in `cells`, and in the whole study area.
std::vector<double> crimes_in_cells(const RunResults& results, std::span<const int> cells);
std::vector<double> crimes_in_study_area(const RunResults& results, std::span<const std::uint8_t> mask);

}  // namespace trygg
