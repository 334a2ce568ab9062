#include "experiment/knox.hpp"

#include <cmath>

namespace trygg {
namespace {

bool in_band(double v, double lo, double hi) {
    return (v > lo || (lo == 0.0 && v == 0.0)) && v <= hi;
}

}  // namespace

KnoxCounts knox_counts(std::span<const KnoxEvent> events, const KnoxBand& band) {
    KnoxCounts c;
    const std::size_t n = events.size();
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const double d = std::hypot(events[i].x_m - events[j].x_m, events[i].y_m - events[j].y_m);
            const double lag = std::abs(events[i].day - events[j].day);
            const bool near = in_band(d, band.distance_lo_m, band.distance_hi_m);
            const bool soon = in_band(lag, band.days_lo, band.days_hi);
            c.near += near;
            c.soon += soon;
            c.observed += near && soon;
        }
    }
    c.pairs = static_cast<double>(n) * static_cast<double>(n > 0 ? n - 1 : 0) / 2.0;
    return c;
}

}  // namespace trygg
