#include "experiment/baseline_hotspots.hpp"

#include "core/error.hpp"
#include "core/parallel.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

namespace trygg {

namespace {

// The same tolerance on the band as getis_ord_gi_star (model/hotspots.cpp): a centre distance
// equal to the band within 1e-9 relative counts as inside.
constexpr double kBandRelTol = 1e-9;

// X̄ and S (population) of a week over the n study-area cells, of which only `week`'s can be
// above 0 (its cells outside the study area take no part, as in the weekly test).
GiReference moments_of(const HotspotNeighbourhood& area, const SparseWeek& week) {
    GiReference m;
    m.n = area.n();
    if (m.n == 0) return m;
    double sum = 0.0, first = -1.0;
    std::int64_t inside = 0;
    bool same = true;
    for (const auto& [cell, count] : week) {
        if (area.mask()[static_cast<std::size_t>(cell)] == 0) continue;
        sum += count;
        same = same && (first < 0.0 || count == first);
        first = count;
        ++inside;
    }
    m.mean = sum / static_cast<double>(m.n);
    // Two passes: the cells with crime, then the zeros all at once.
    double ss = 0.0;
    for (const auto& [cell, count] : week) {
        if (area.mask()[static_cast<std::size_t>(cell)] != 0) ss += (count - m.mean) * (count - m.mean);
    }
    ss += static_cast<double>(m.n - inside) * m.mean * m.mean;
    m.sd = std::sqrt(ss / static_cast<double>(m.n));
    // Constant: every cell the same count (no crime at all, or the same crime in every cell).
    m.constant = inside == 0 || (inside == m.n && same);
    return m;
}

// z of every cell within the band of a cell with crime, against `m` (Ord & Getis 1995, eq. 14,
// binary weights: Σw² = Σw = W): (Σ_band x − X̄ W) / (S √(W (n − W) / (n − 1))).
std::vector<std::pair<int, double>> band_z(const HotspotNeighbourhood& area, const SparseWeek& week,
                                           const GiReference& m) {
    // Band sums in a raster-sized scratch (one per thread, zero between calls), and the cells touched.
    thread_local std::vector<double> sums;
    thread_local std::vector<int> touched;
    sums.resize(area.mask().size(), 0.0);
    touched.clear();
    for (const auto& entry : week) {
        // Plain names, not a structured binding: clang 14 (the fuzz build) cannot capture one.
        const int cell = entry.first;
        const double count = entry.second;
        // Outside the study area: not in the test; no crime: adds nothing.
        if (area.mask()[static_cast<std::size_t>(cell)] == 0 || !(count > 0.0)) continue;
        // The band is symmetric: c is in j's band when j is in c's.
        area.for_band(cell, [&](int j) {
            double& s = sums[static_cast<std::size_t>(j)];
            if (s == 0.0) touched.push_back(j);
            s += count;
        });
    }
    std::sort(touched.begin(), touched.end());
    std::vector<std::pair<int, double>> z;
    z.reserve(touched.size());
    for (const int cell : touched) {
        const double sum = sums[static_cast<std::size_t>(cell)];
        sums[static_cast<std::size_t>(cell)] = 0.0;
        const std::int64_t w = area.weight(cell);
        const std::int64_t spread = w * (m.n - w);
        if (spread <= 0 || m.sd == 0.0) continue;
        const double var_term = static_cast<double>(spread) / static_cast<double>(m.n - 1);
        z.emplace_back(cell, (sum - m.mean * static_cast<double>(w)) / (m.sd * std::sqrt(var_term)));
    }
    return z;
}

bool usable(const GiReference& m) {
    return m.n >= 2 && !m.constant && m.sd > 0.0;
}

}  // namespace

HotspotNeighbourhood::HotspotNeighbourhood(const RasterShape& raster, std::vector<std::uint8_t> mask, double band_m)
    : raster_(raster), mask_(std::move(mask)) {
    const auto cells = static_cast<std::size_t>(raster.nx) * static_cast<std::size_t>(raster.ny);
    if (mask_.size() != cells || !(raster.cell_size_m > 0.0) || !(band_m >= 0.0)) {
        throw LogicError("HotspotNeighbourhood: mask is not nx*ny long, or cell size or band out of range");
    }
    const double reach = band_m / raster.cell_size_m;
    const double limit = reach * reach * (1.0 + kBandRelTol);
    const int r =
        static_cast<int>(std::min(std::floor(reach + 1e-9), static_cast<double>(std::max(raster.nx, raster.ny))));
    for (int dy = -r; dy <= r; ++dy) {
        for (int dx = -r; dx <= r; ++dx) {
            if (static_cast<double>(dx) * dx + static_cast<double>(dy) * dy <= limit) offsets_.emplace_back(dy, dx);
        }
    }
    weight_.assign(cells, 0);
    for (std::size_t c = 0; c < cells; ++c) {
        if (mask_[c] == 0) continue;
        ++n_;
        for_band(static_cast<int>(c), [&](int) { ++weight_[c]; });
    }
}

HotspotYardstick yardstick_of(const HotspotNeighbourhood& area, const SparseWeek& base, double alpha, bool fdr) {
    if (!(alpha > 0.0 && alpha < 1.0)) throw LogicError("yardstick_of: alpha must be in (0, 1)");
    HotspotYardstick y;
    y.reference = moments_of(area, base);
    const double n = static_cast<double>(area.n());
    if (!fdr) {
        y.p_threshold = alpha;
    } else {
        y.p_threshold = alpha / n;  // no cell flagged: the strictest step of Benjamini–Hochberg
        if (usable(y.reference)) {
            // Benjamini–Hochberg: k the largest with p_(k) ≤ k α / n. Only cells with z > 0
            // can have p ≤ α < 0.5, and those all lie within the band of a cell with crime.
            std::vector<double> p;
            for (const auto& [cell, z] : band_z(area, base, y.reference)) p.push_back(normal_upper_tail(z));
            std::sort(p.begin(), p.end());
            for (std::size_t k = p.size(); k > 0; --k) {
                if (p[k - 1] <= static_cast<double>(k) * alpha / n) {
                    y.p_threshold = static_cast<double>(k) * alpha / n;
                    break;
                }
            }
        }
    }
    y.base_hot = static_cast<int>(hot_cells(area, base, y).size());
    return y;
}

std::vector<int> hot_cells(const HotspotNeighbourhood& area, const SparseWeek& week, const HotspotYardstick& y) {
    std::vector<int> hot;
    if (!usable(y.reference)) return hot;
    for (const auto& [cell, z] : band_z(area, week, y.reference)) {
        if (normal_upper_tail(z) <= y.p_threshold) hot.push_back(cell);
    }
    return hot;
}

std::vector<std::vector<SparseWeek>> weekly_pictures(const RunResults& r) {
    if (!r.has_picture) return {};
    std::vector<std::vector<SparseWeek>> weeks(static_cast<std::size_t>(r.replicates),
                                               std::vector<SparseWeek>(static_cast<std::size_t>(r.weeks)));
    const auto& p = r.picture;
    for (std::size_t k = 0; k < p.size(); ++k) {
        weeks[static_cast<std::size_t>(p.replicate[k])][static_cast<std::size_t>(p.week[k])].emplace_back(
            p.cell[k], static_cast<double>(p.count[k]));
    }
    return weeks;
}

BaselineHotspotTally tally_baseline_hotspots(const HotspotNeighbourhood& area, const RunResults& base,
                                             const RunResults& other) {
    if (!base.has_picture || !other.has_picture) throw LogicError("tally_baseline_hotspots: a run has no picture");
    const auto pb = weekly_pictures(base);
    const auto po = weekly_pictures(other);
    const auto R = static_cast<std::size_t>(base.replicates);
    BaselineHotspotTally t;
    for (auto* v : {&t.base_cell_weeks, &t.other_cell_weeks, &t.base_persistent, &t.other_persistent, &t.new_persistent,
                    &t.vanished_persistent}) {
        v->assign(R, 0.0);
    }
    const auto cells = area.mask().size();
    // Replicates are independent: each writes only its own entries.
    tbb::parallel_for(std::size_t{0}, R, [&](std::size_t r) {
        std::vector<int> weeks_b(cells, 0), weeks_o(cells, 0);
        for (std::size_t w = 0; w < static_cast<std::size_t>(base.weeks); ++w) {
            const HotspotYardstick y = yardstick_of(area, pb[r][w], base.picture.alpha, base.picture.fdr);
            for (const int c : hot_cells(area, pb[r][w], y)) ++weeks_b[static_cast<std::size_t>(c)];
            for (const int c : hot_cells(area, po[r][w], y)) ++weeks_o[static_cast<std::size_t>(c)];
        }
        const double most = kPersistentShare * base.weeks;
        for (std::size_t c = 0; c < cells; ++c) {
            t.base_cell_weeks[r] += weeks_b[c];
            t.other_cell_weeks[r] += weeks_o[c];
            const bool pb_c = weeks_b[c] > most, po_c = weeks_o[c] > most;
            t.base_persistent[r] += pb_c;
            t.other_persistent[r] += po_c;
            t.new_persistent[r] += po_c && !pb_c;
            t.vanished_persistent[r] += pb_c && !po_c;
        }
    });
    stop_if_cancelled();
    return t;
}

std::vector<int> top_cells_of(const RunResults& base, std::span<const std::uint8_t> mask, double crime_share) {
    const auto cells = mask.size();
    std::vector<double> mean(cells, 0.0);
    const auto T = static_cast<std::size_t>(base.crime_types);
    for (std::size_t rep = 0; rep < static_cast<std::size_t>(base.replicates); ++rep) {
        for (std::size_t t = 0; t < T; ++t) {
            const std::size_t at = (rep * T + t) * cells;
            for (std::size_t c = 0; c < cells; ++c) mean[c] += base.crimes_cells[at + c];
        }
    }
    std::vector<int> order;
    for (std::size_t c = 0; c < cells; ++c) {
        if (mask[c] != 0 && mean[c] > 0.0) order.push_back(static_cast<int>(c));
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return mean[static_cast<std::size_t>(a)] > mean[static_cast<std::size_t>(b)];
    });
    double total = 0.0;
    for (const int c : order) total += mean[static_cast<std::size_t>(c)];
    double held = 0.0;
    std::size_t k = 0;
    while (k < order.size() && held < crime_share * total) held += mean[static_cast<std::size_t>(order[k++])];
    order.resize(k);
    return order;
}

std::vector<double> crimes_in_cells(const RunResults& r, std::span<const int> cells) {
    const auto n = static_cast<std::size_t>(r.ny) * static_cast<std::size_t>(r.nx);
    const auto T = static_cast<std::size_t>(r.crime_types);
    std::vector<double> v(static_cast<std::size_t>(r.replicates), 0.0);
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        for (std::size_t t = 0; t < T; ++t) {
            for (const int c : cells) v[rep] += r.crimes_cells[(rep * T + t) * n + static_cast<std::size_t>(c)];
        }
    }
    return v;
}

std::vector<double> crimes_in_study_area(const RunResults& r, std::span<const std::uint8_t> mask) {
    std::vector<int> cells;
    for (std::size_t c = 0; c < mask.size(); ++c) {
        if (mask[c] != 0) cells.push_back(static_cast<int>(c));
    }
    return crimes_in_cells(r, cells);
}

}  // namespace trygg
