#include "model/lagesbild.hpp"

#include "core/parallel.hpp"

#include <tbb/parallel_invoke.h>

#include <algorithm>

namespace trygg {
namespace {
constexpr int kBeatGap = 3;  // cells between steering hotspots: 3×3 beats that do not overlap
}  // namespace

Lagesbild::Lagesbild(const RasterShape& raster, std::vector<std::uint8_t> area, const LagesbildParams& params)
    : raster_(raster),
      area_(std::move(area)),
      params_(params),
      bands_(raster_, area_, params_.gi_band_m),
      truth_(area_.size(), 0.0),
      est_(area_.size(), 0.0),
      frequency_true_(area_.size(), 0),
      frequency_est_(area_.size(), 0),
      kde_frequency_est_(area_.size(), 0) {}

void Lagesbild::close_week() {
    WeeklyHotspots w;
    // The two pictures are independent: find their hotspots side by side.
    std::vector<std::uint8_t> hot_true, hot_est;
    auto hotspots_of = [&](const std::vector<double>& counts, std::vector<std::uint8_t>& out) {
        out = significant_hotspots(getis_ord_gi_star(bands_, counts, gi_reference(bands_, counts)), area_,
                                   params_.alpha, params_.correction);
    };
    tbb::parallel_invoke([&] { hotspots_of(truth_, hot_true); }, [&] { hotspots_of(est_, hot_est); });
    stop_if_cancelled();  // a cancelled invoke may have left hot_true or hot_est empty
    for (std::size_t c = 0; c < area_.size(); ++c) {
        frequency_true_[c] += hot_true[c];
        frequency_est_[c] += hot_est[c];
        w.true_cells += hot_true[c];
        w.est_cells += hot_est[c];
        w.both += hot_true[c] & hot_est[c];
    }
    if (params_.top_k > 0 && std::any_of(est_.begin(), est_.end(), [](double v) { return v > 0; })) {
        const auto density = kernel_density(raster_, est_, area_, params_.kde_bandwidth_m);
        last_top_est_ = top_k_cells(density, area_, params_.top_k);
        for (int c : last_top_est_) ++kde_frequency_est_[static_cast<std::size_t>(c)];
    }
    const auto week = static_cast<std::int32_t>(weeks_.size());
    for (std::size_t c = 0; c < truth_.size(); ++c) {
        if (truth_[c] > 0.0) {
            picture_.push_back({week, static_cast<std::int32_t>(c), static_cast<std::int32_t>(truth_[c])});
        }
    }
    weeks_.push_back(w);
    std::fill(truth_.begin(), truth_.end(), 0.0);
    std::fill(est_.begin(), est_.end(), 0.0);
    last_week_known_.swap(known_);
    known_.clear();
}

std::vector<int> Lagesbild::hotspots_in(const std::function<bool(int hour)>& works) const {
    std::vector<double> counts(area_.size(), 0.0);
    bool any = false;
    for (const Known& k : last_week_known_) {
        if (!works(k.hour)) continue;
        counts[static_cast<std::size_t>(k.cell)] += 1.0;
        any = true;
    }
    if (params_.top_k <= 0 || !any) return {};
    const auto density = kernel_density(raster_, counts, area_, params_.kde_bandwidth_m);
    // Distinct hotspots a beat apart, so units sent to them do not stand on one another.
    return top_k_separated_cells(density, area_, raster_.nx, params_.top_k, kBeatGap);
}

}  // namespace trygg
