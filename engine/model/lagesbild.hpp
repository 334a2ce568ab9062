#pragma once
// The weekly lägesbild (joint incident picture) of EST, and the true picture beside it
// (DESIGN §3.6). Each week: crimes per cell, as they happened and as the EST actors know
// them; hotspots found on each by Getis-Ord Gi* (FDR-corrected, Caldas de Castro & Singer
// 2006) and the top-k cells of a quartic kernel density (Chainey et al. 2008). Over the run:
// how often each cell was a hotspot, and how much of the true picture the EST picture
// caught — what the picture misses is what steering on it cannot see.
#include "model/hotspots.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace trygg {

struct LagesbildParams {
    double gi_band_m = 0.0;  // Gi* neighbourhood radius
    double alpha = 0.0;      // one-sided significance level
    Correction correction = Correction::FalseDiscoveryRate;
    double kde_bandwidth_m = 0.0;  // quartic kernel bandwidth
    int top_k = 0;                 // KDE hotspots per week
};

// One cell of one week's true picture with a count above 0 (crimes and incidents, as the
// picture's Gi* sees them): the run file keeps these so that `trygg compare` can test every
// week of another scenario against the baseline's yardstick (docs/comparison.md).
struct PictureEntry {
    std::int32_t week = 0;
    std::int32_t cell = 0;
    std::int32_t count = 0;
};

struct WeeklyHotspots {
    std::int32_t true_cells = 0;  // Gi* hotspot cells on the true counts
    std::int32_t est_cells = 0;   // Gi* hotspot cells on the EST picture
    std::int32_t both = 0;        // cells that are hotspots in both
};

class Lagesbild {
public:
    // `area` marks the cells of the study area (inside a district).
    Lagesbild(const RasterShape& raster, std::vector<std::uint8_t> area, const LagesbildParams& params);

    // `hour`: the crime's hour of the run (0 = the first day's 00:00).
    void add(std::int32_t cell, bool known_to_est, int hour) {
        truth_[static_cast<std::size_t>(cell)] += 1.0;
        if (!known_to_est) return;
        est_[static_cast<std::size_t>(cell)] += 1.0;
        known_.push_back({cell, hour});
    }
    // Finds the week's hotspots, adds them to the frequency maps, starts a new week.
    void close_week();

    const std::vector<std::int32_t>& frequency_true() const { return frequency_true_; }  // [cell] weeks as hotspot
    const std::vector<std::int32_t>& frequency_est() const { return frequency_est_; }
    const std::vector<std::int32_t>& kde_frequency_est() const { return kde_frequency_est_; }  // weeks in the top k
    const std::vector<WeeklyHotspots>& weeks() const { return weeks_; }
    const std::vector<PictureEntry>& picture() const { return picture_; }  // every closed week, sparse
    // The EST picture's top-k kernel-density cells of the week just closed, densest first.
    const std::vector<int>& last_top_est() const { return last_top_est_; }
    // Where the weekly EST meeting sends a resource that works the hours `works(hour)` says
    // (its clock hours and weekdays): the top-k kernel-density cells of the crimes EST knew of
    // in such hours of the week just closed, at least a beat apart, densest first — Friday-
    // evening field workers go where Friday-evening crime was, not to the daytime crowds that
    // dominate the week's totals. Empty when EST knew of none in those hours.
    std::vector<int> hotspots_in(const std::function<bool(int hour)>& works) const;

    // Saving and restoring a replicate's state (sim/replicate_state.hpp).
    template <class Archive>
    void persist(Archive& a) {
        a.field("truth", truth_);
        a.field("est", est_);
        a.field("known", known_);
        a.field("last_week_known", last_week_known_);
        a.field("frequency_true", frequency_true_);
        a.field("frequency_est", frequency_est_);
        a.field("kde_frequency_est", kde_frequency_est_);
        a.field("weeks", weeks_);
        a.field("picture", picture_);
        a.field("last_top_est", last_top_est_);
    }

private:
    RasterShape raster_;
    std::vector<std::uint8_t> area_;
    LagesbildParams params_;
    GiBands bands_;  // the Gi* band of every cell of the area, the same each week
    struct Known {
        std::int32_t cell;
        std::int32_t hour;
    };

    std::vector<double> truth_, est_;
    std::vector<Known> known_, last_week_known_;  // crimes known to EST, this week and the last
    std::vector<std::int32_t> frequency_true_, frequency_est_, kde_frequency_est_;
    std::vector<WeeklyHotspots> weeks_;
    std::vector<PictureEntry> picture_;
    std::vector<int> last_top_est_;
};

}  // namespace trygg
