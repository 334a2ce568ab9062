#include "model/hotspots.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numbers>
#include <string>

namespace trygg {
namespace {

void require(bool ok, const char* what) {
    if (!ok) throw LogicError(std::string("hotspots: ") + what);
}

std::size_t cell_count(const RasterShape& r) {
    require(r.nx >= 0 && r.ny >= 0, "raster dimensions must be >= 0");
    require(std::isfinite(r.cell_size_m) && r.cell_size_m > 0.0, "cell size must be > 0");
    return static_cast<std::size_t>(r.nx) * static_cast<std::size_t>(r.ny);
}

void require_raster_sizes(const RasterShape& r, std::size_t values, std::size_t mask) {
    const std::size_t cells = cell_count(r);
    require(values == cells, "values must hold nx*ny cells");
    require(mask == cells, "mask must hold nx*ny cells");
}

// Largest integer a in [0, cap] with a² ≤ limit (limit ≥ 0, possibly +∞). The square root
// is only a first guess: the two loops make the answer exact against the double comparison.
int floor_sqrt(double limit, int cap) {
    if (!(limit < static_cast<double>(cap) * cap)) return cap;
    int a = static_cast<int>(std::sqrt(limit));
    while (static_cast<double>(a + 1) * (a + 1) <= limit) ++a;
    while (a > 0 && static_cast<double>(a) * a > limit) --a;
    return a;
}

// The offsets (dx, dy) with dx² + dy² ≤ limit_sq (in cells²). Offsets beyond the raster can
// never reach a cell, so the disc is clipped to (nx − 1, ny − 1): an enormous band costs no
// more than the whole raster.
DiscStencil disc_stencil(double limit_sq, const RasterShape& r) {
    DiscStencil s;
    s.radius = floor_sqrt(limit_sq, std::max(r.ny - 1, 0));
    for (int dy = -s.radius; dy <= s.radius; ++dy) {
        const double rest = limit_sq - static_cast<double>(dy) * dy;
        s.half_width.push_back(floor_sqrt(rest, std::max(r.nx - 1, 0)));
    }
    return s;
}

// Calls f(first, last, k, skip) for each stencil row around cell (row, col), clipped to the
// raster: cells [first, last) in row-major numbering, k = dy + radius the stencil row, and
// skip the number of the row's offsets (from dx = −half_width) cut off by the western edge.
template <class F>
void for_each_span(const DiscStencil& s, const RasterShape& r, int row, int col, F&& f) {
    for (int dy = -s.radius; dy <= s.radius; ++dy) {
        const int y = row + dy;
        if (y < 0 || y >= r.ny) continue;
        const int k = dy + s.radius;
        const int hw = s.half_width[k];
        const int lo = std::max(col - hw, 0), hi = std::min(col + hw, r.nx - 1);
        const std::size_t base = static_cast<std::size_t>(y) * r.nx;
        f(base + lo, base + hi + 1, k, static_cast<std::size_t>(lo - (col - hw)));
    }
}

using MaskedMoments = GiReference;

// Two passes (mean, then squared deviations) rather than Σx²/n − X̄², which cancels badly.
// `each_cell(f)` calls f(value) for every masked cell, in raster order: over the mask, or over a
// list of its cells (GiBands), the same sums in the same order.
template <class EachCell>
MaskedMoments moments_of(const EachCell& each_cell) {
    MaskedMoments m;
    double sum = 0.0, first = 0.0;
    each_cell([&](double x) {
        if (m.n == 0) first = x;
        m.constant = m.constant && x == first;
        sum += x;
        ++m.n;
    });
    if (m.n == 0) return m;
    m.mean = sum / static_cast<double>(m.n);
    double ss = 0.0;
    each_cell([&](double x) { ss += (x - m.mean) * (x - m.mean); });
    m.sd = std::sqrt(ss / static_cast<double>(m.n));
    return m;
}

MaskedMoments masked_moments(std::span<const double> x, std::span<const std::uint8_t> mask) {
    return moments_of([&](const auto& f) {
        for (std::size_t c = 0; c < x.size(); ++c)
            if (mask[c] != 0) f(x[c]);
    });
}

// Gi* of one cell from its centred neighbourhood sum Σ w (x − X̄) and weight sum W = Σ w
// (= Σ w² for binary weights). Writing the numerator as Σ w (x − X̄) is Ord & Getis's
// Σ w x − X̄ Σ w without its cancellation. W(n − W) is n Σw² − (Σw)², exact in integers.
double gi_star_z(double centred_sum, std::int64_t w, const MaskedMoments& m) {
    const std::int64_t spread = w * (m.n - w);
    if (spread <= 0) return 0.0;  // the band holds every masked cell: no contrast, 0/0
    const double var_term = static_cast<double>(spread) / static_cast<double>(m.n - 1);
    return centred_sum / (m.sd * std::sqrt(var_term));
}

// Tolerance on the band: a centre distance equal to the band within this relative amount
// counts as inside (see the header).
constexpr double kBandRelTol = 1e-9;

// Masked counts, largest first, and their running sums C[0..n] (C[0] = 0). The total is
// C[n], summed in the same order as every C[m], so C[m] ≤ C[n] holds exactly.
struct Concentration {
    std::vector<double> sorted;
    std::vector<double> cumulative;
    double total() const { return cumulative.back(); }
};

Concentration concentration(std::span<const double> counts, std::span<const std::uint8_t> mask) {
    require(counts.size() == mask.size(), "counts and mask must have the same size");
    Concentration c;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (mask[i] == 0) continue;
        require(counts[i] >= 0.0, "counts must be >= 0");  // also rejects NaN
        c.sorted.push_back(counts[i]);
    }
    std::sort(c.sorted.begin(), c.sorted.end(), std::greater<>());
    c.cumulative.assign(c.sorted.size() + 1, 0.0);
    for (std::size_t i = 0; i < c.sorted.size(); ++i) c.cumulative[i + 1] = c.cumulative[i] + c.sorted[i];
    return c;
}

bool is_share(double s) {
    return s >= 0.0 && s <= 1.0;
}  // false for NaN

// The masked cells that could be flagged at level alpha, with their p-values, and how many
// cells were tested in all. Either rule flags only p ≤ alpha (BH's threshold never exceeds
// alpha), so the rest need no p-value and no place in BH's sort: a weekly map has some 63,000
// cells and a few hundred candidates. Where z ≤ 0, p ≥ ½ > alpha, and erfc is not called.
struct Tested {
    std::vector<double> p;
    std::vector<std::size_t> cell;
    std::size_t n = 0;  // masked cells, every one a test
};

Tested candidate_cells(std::span<const double> z, std::span<const std::uint8_t> mask, double alpha) {
    Tested t;
    for (std::size_t c = 0; c < z.size(); ++c) {
        if (mask[c] == 0) continue;
        ++t.n;
        if (alpha < 0.5 && z[c] <= 0.0) continue;
        const double p = normal_upper_tail(z[c]);
        if (!(p <= alpha)) continue;
        t.p.push_back(p);
        t.cell.push_back(c);
    }
    return t;
}

// Benjamini–Hochberg step-up over n tests: the largest p_(k) with p_(k) ≤ k·alpha/n, or −1
// when none is. Every p at or below it is then rejected (ties included, as in the original
// procedure). `p` holds every p ≤ alpha: a p_(k) above alpha fails k·alpha/n ≤ alpha anyway,
// and the ranks of those at or below alpha are the same among them as among all n.
double bh_threshold(std::vector<double> p, std::size_t n_tests, double alpha) {
    std::sort(p.begin(), p.end());
    const double n = static_cast<double>(n_tests);
    for (std::size_t k = p.size(); k > 0; --k)
        if (p[k - 1] <= static_cast<double>(k) * alpha / n) return p[k - 1];
    return -1.0;
}

// Quartic kernel weight K(d) = 3/(π h²)(1 − d²/h²)² for every offset of the stencil, one
// vector per stencil row from dx = −half_width. Offsets at exactly d = h get 0, harmlessly.
std::vector<std::vector<double>> quartic_weights(const DiscStencil& s, double h_cells, double h_m) {
    const double peak = 3.0 / (std::numbers::pi * h_m * h_m);
    std::vector<std::vector<double>> weight(s.half_width.size());
    for (int dy = -s.radius; dy <= s.radius; ++dy) {
        const int hw = s.half_width[dy + s.radius];
        for (int dx = -hw; dx <= hw; ++dx) {
            const double q = (static_cast<double>(dx) * dx + static_cast<double>(dy) * dy) / (h_cells * h_cells);
            weight[dy + s.radius].push_back(q < 1.0 ? peak * (1.0 - q) * (1.0 - q) : 0.0);
        }
    }
    return weight;
}

// W per cell: the masked cells in its band, from per-row running counts (exact in integers;
// a band's row span costs one subtraction instead of a sum over its cells).
std::vector<std::int32_t> band_weights(const DiscStencil& s, const RasterShape& r, std::span<const std::uint8_t> mask,
                                       const std::vector<std::int32_t>& cells) {
    const std::size_t stride = static_cast<std::size_t>(r.nx) + 1;
    std::vector<std::int32_t> running(static_cast<std::size_t>(r.ny) * stride, 0);
    for (int row = 0; row < r.ny; ++row) {
        const std::size_t base = static_cast<std::size_t>(row) * r.nx;
        std::int32_t* run = running.data() + static_cast<std::size_t>(row) * stride;
        for (int col = 0; col < r.nx; ++col) run[col + 1] = run[col] + (mask[base + col] != 0 ? 1 : 0);
    }
    std::vector<std::int32_t> w(mask.size(), 0);
    for (const std::int32_t c : cells) {
        const auto k = static_cast<std::size_t>(c);
        std::int32_t total = 0;
        for_each_span(s, r, c / r.nx, c % r.nx, [&](std::size_t first, std::size_t last, int, std::size_t) {
            const std::size_t y = first / static_cast<std::size_t>(r.nx);
            const std::size_t lo = first - y * r.nx, hi = last - y * r.nx;
            total += running[y * stride + hi] - running[y * stride + lo];
        });
        w[k] = total;
    }
    return w;
}

}  // namespace

GiReference gi_reference(std::span<const double> values, std::span<const std::uint8_t> mask) {
    require(values.size() == mask.size(), "values and mask must have the same size");
    return masked_moments(values, mask);
}

std::vector<double> getis_ord_gi_star(const RasterShape& r, std::span<const double> values,
                                      std::span<const std::uint8_t> mask, double band_m) {
    require_raster_sizes(r, values.size(), mask.size());
    return getis_ord_gi_star(r, values, mask, band_m, masked_moments(values, mask));
}

std::vector<double> getis_ord_gi_star(const RasterShape& r, std::span<const double> values,
                                      std::span<const std::uint8_t> mask, double band_m, const GiReference& m) {
    require_raster_sizes(r, values.size(), mask.size());
    return getis_ord_gi_star(GiBands(r, mask, band_m), values, m);
}

GiBands::GiBands(const RasterShape& r, std::span<const std::uint8_t> mask, double band_m) : raster_(r) {
    require_raster_sizes(r, mask.size(), mask.size());
    require(band_m >= 0.0, "Gi* band must be >= 0");  // also rejects NaN
    const double band_cells = band_m / r.cell_size_m;
    stencil_ = disc_stencil(band_cells * band_cells * (1.0 + kBandRelTol), r);
    for (std::size_t c = 0; c < mask.size(); ++c)
        if (mask[c] != 0) cells_.push_back(static_cast<std::int32_t>(c));
    weight_ = band_weights(stencil_, r, mask, cells_);
    for (const std::int32_t c : cells_) max_weight_ = std::max(max_weight_, weight_[static_cast<std::size_t>(c)]);
}

std::vector<double> getis_ord_gi_star(const GiBands& bands, std::span<const double> values, const GiReference& m) {
    const RasterShape& r = bands.raster();
    require_raster_sizes(r, values.size(), bands.weight().size());
    std::vector<double> z(values.size(), 0.0);
    if (m.n < 2 || m.constant || m.sd == 0.0) return z;
    const std::vector<std::int32_t>& cells = bands.cells();  // the masked cells, in raster order
    const std::vector<std::int32_t>& w = bands.weight();
    const DiscStencil& s = bands.stencil();
    const auto nx = static_cast<std::size_t>(r.nx);

    // Centred values, zero outside the mask, so a span sums only masked cells.
    std::vector<double> centred(values.size(), 0.0);
    std::size_t nonzero = 0;
    for (const std::int32_t c : cells) {
        const auto k = static_cast<std::size_t>(c);
        centred[k] = values[k] - m.mean;
        nonzero += values[k] != 0.0;
    }

    // A week's crime map is sparse (a few hundred of some 63,000 cells in the city hold a
    // crime). Where a cell's band holds no non-zero value, each masked neighbour adds the same
    // 0 − X̄ and each unmasked one adds 0.0, which leaves a sum unchanged: the span-ordered sum
    // is −X̄ added W times, whatever the band's shape, so it and its z depend on W alone and
    // are computed once per W. Cells near a non-zero value are summed span by span as always.
    // Both give the same bits (GiStar.SparseFieldsMatchTheSpanOrderedSumBitForBit). A dense
    // field skips the marking, which would cost about as much as the sums it saves.
    const bool sparse = nonzero * 8 < values.size();
    std::vector<std::uint8_t> near_value;
    std::vector<double> quiet_z;  // [W]
    if (sparse) {
        near_value.assign(values.size(), 0);
        for (const std::int32_t c : cells) {
            const auto k = static_cast<std::size_t>(c);
            if (values[k] == 0.0) continue;
            // The band is symmetric: the cells whose band holds c are those in c's band.
            for_each_span(s, r, static_cast<int>(k / nx), static_cast<int>(k % nx),
                          [&](std::size_t first, std::size_t last, int, std::size_t) {
                              std::fill(near_value.begin() + static_cast<std::ptrdiff_t>(first),
                                        near_value.begin() + static_cast<std::ptrdiff_t>(last), std::uint8_t{1});
                          });
        }
        const double quiet_term = 0.0 - m.mean;  // a masked zero's centred value, as computed above
        double quiet_sum = 0.0;                  // the span-ordered sum of W quiet terms
        for (std::int32_t k = 0; k <= bands.max_weight(); ++k) {
            quiet_z.push_back(gi_star_z(quiet_sum, k, m));
            quiet_sum += quiet_term;
        }
    }
    for (const std::int32_t c : cells) {
        const auto k = static_cast<std::size_t>(c);
        if (sparse && near_value[k] == 0) {
            z[k] = quiet_z[static_cast<std::size_t>(w[k])];
            continue;
        }
        double sum = 0.0;
        for_each_span(s, r, static_cast<int>(k / nx), static_cast<int>(k % nx),
                      [&](std::size_t first, std::size_t last, int, std::size_t) {
                          for (std::size_t j = first; j < last; ++j) sum += centred[j];
                      });
        z[k] = gi_star_z(sum, w[k], m);
    }
    return z;
}

GiReference gi_reference(const GiBands& bands, std::span<const double> values) {
    require(values.size() == bands.weight().size(), "values and mask must have the same size");
    return moments_of([&](const auto& f) {
        for (const std::int32_t c : bands.cells()) f(values[static_cast<std::size_t>(c)]);
    });
}

std::vector<std::uint8_t> significant_hotspots(std::span<const double> z, std::span<const std::uint8_t> mask,
                                               double alpha, Correction correction) {
    require(z.size() == mask.size(), "z and mask must have the same size");
    require(alpha > 0.0 && alpha < 1.0, "alpha must be in (0, 1)");
    std::vector<std::uint8_t> flagged(z.size(), 0);
    const Tested t = candidate_cells(z, mask, alpha);
    if (t.p.empty()) return flagged;
    // Both rules compare p to a threshold; BH's never exceeds alpha, so FDR ⊆ None.
    const double threshold = correction == Correction::FalseDiscoveryRate ? bh_threshold(t.p, t.n, alpha) : alpha;
    for (std::size_t i = 0; i < t.p.size(); ++i)
        if (t.p[i] <= threshold) flagged[t.cell[i]] = 1;
    return flagged;
}

double normal_upper_tail(double z) {
    return 0.5 * std::erfc(z / std::numbers::sqrt2);
}

double normal_quantile_upper(double p) {
    require(p >= 0.0 && p <= 1.0, "probability must be in [0, 1]");
    if (p == 0.0) return std::numeric_limits<double>::infinity();
    if (p == 1.0) return -std::numeric_limits<double>::infinity();
    // The tail is 1 at −40 and underflows to 0 at +40 (true value ~4e-350, below the smallest
    // double), so every p in (0, 1) is bracketed. 200 halvings of 80 reach 80/2^200 ≈ 5e-59;
    // away from z = 0 the loop stops sooner, when the bracket is two adjacent doubles.
    double lo = -40.0, hi = 40.0;
    for (int it = 0; it < 200; ++it) {
        const double mid = lo + 0.5 * (hi - lo);
        if (mid <= lo || mid >= hi) break;
        (normal_upper_tail(mid) > p ? lo : hi) = mid;
    }
    return lo + 0.5 * (hi - lo);
}

std::vector<double> kernel_density(const RasterShape& r, std::span<const double> values,
                                   std::span<const std::uint8_t> mask, double bandwidth_m) {
    require_raster_sizes(r, values.size(), mask.size());
    require(bandwidth_m > 0.0 && std::isfinite(bandwidth_m), "KDE bandwidth must be > 0");
    const double h_cells = bandwidth_m / r.cell_size_m;
    const DiscStencil s = disc_stencil(h_cells * h_cells, r);
    const std::vector<std::vector<double>> weight = quartic_weights(s, h_cells, bandwidth_m);
    // Scatter from the sources rather than gather at every cell: weekly crime rasters are
    // sparse, so this costs (non-zero cells) × stencil instead of cells × stencil.
    std::vector<double> density(values.size(), 0.0);
    for (int row = 0; row < r.ny; ++row) {
        for (int col = 0; col < r.nx; ++col) {
            const std::size_t c = static_cast<std::size_t>(row) * r.nx + col;
            const double x = values[c];
            if (mask[c] == 0 || x == 0.0) continue;
            for_each_span(s, r, row, col, [&](std::size_t first, std::size_t last, int k, std::size_t skip) {
                const double* w = weight[k].data() + skip;  // weight[k][0] is dx = −half_width
                for (std::size_t j = first; j < last; ++j) density[j] += x * w[j - first];
            });
        }
    }
    for (std::size_t c = 0; c < density.size(); ++c)
        if (mask[c] == 0) density[c] = 0.0;
    return density;
}

std::vector<int> top_k_cells(std::span<const double> density, std::span<const std::uint8_t> mask, int k) {
    require(density.size() == mask.size(), "density and mask must have the same size");
    require(k >= 0, "k must be >= 0");
    std::vector<int> cells;
    for (std::size_t c = 0; c < density.size(); ++c)
        if (mask[c] != 0) cells.push_back(static_cast<int>(c));
    const std::size_t keep = std::min(static_cast<std::size_t>(k), cells.size());
    const auto higher = [&](int a, int b) { return density[a] > density[b] || (density[a] == density[b] && a < b); };
    std::partial_sort(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(keep), cells.end(), higher);
    cells.resize(keep);
    return cells;
}

std::vector<int> top_k_separated_cells(std::span<const double> density, std::span<const std::uint8_t> mask, int nx,
                                       int k, int gap) {
    require(density.size() == mask.size(), "density and mask must have the same size");
    require(k >= 0 && nx > 0 && gap >= 0, "k, nx and gap must be non-negative (nx positive)");
    std::vector<int> cells;
    for (std::size_t c = 0; c < density.size(); ++c)
        if (mask[c] != 0 && density[c] > 0) cells.push_back(static_cast<int>(c));
    const auto higher = [&](int a, int b) { return density[a] > density[b] || (density[a] == density[b] && a < b); };
    std::sort(cells.begin(), cells.end(), higher);
    std::vector<int> taken;
    for (int c : cells) {
        if (static_cast<int>(taken.size()) == k) break;
        const bool apart = std::all_of(taken.begin(), taken.end(), [&](int t) {
            return std::max(std::abs(c % nx - t % nx), std::abs(c / nx - t / nx)) >= gap;
        });
        if (apart) taken.push_back(c);
    }
    return taken;
}

double share_of_cells_holding(std::span<const double> counts, std::span<const std::uint8_t> mask, double crime_share) {
    require(is_share(crime_share), "crime share must be in [0, 1]");
    const Concentration c = concentration(counts, mask);
    if (c.sorted.empty() || c.total() <= 0.0) return 0.0;
    const double target = crime_share * c.total();
    // C is non-decreasing (counts ≥ 0) and C[n] = total ≥ target, so the search always lands.
    const auto it = std::lower_bound(c.cumulative.begin(), c.cumulative.end(), target);
    const auto m = static_cast<double>(it - c.cumulative.begin());
    return m / static_cast<double>(c.sorted.size());
}

std::vector<double> share_of_crime_in_top(std::span<const double> counts, std::span<const std::uint8_t> mask,
                                          std::span<const double> cell_shares) {
    for (const double x : cell_shares) require(is_share(x), "cell share must be in [0, 1]");
    const Concentration c = concentration(counts, mask);
    std::vector<double> out(cell_shares.size(), 0.0);
    if (c.sorted.empty() || c.total() <= 0.0) return out;
    const std::size_t n = c.sorted.size();
    for (std::size_t i = 0; i < cell_shares.size(); ++i) {
        const double pos = cell_shares[i] * static_cast<double>(n);
        const std::size_t m = std::min(static_cast<std::size_t>(pos), n);
        const double part = m < n ? (pos - static_cast<double>(m)) * c.sorted[m] : 0.0;
        out[i] = std::min((c.cumulative[m] + part) / c.total(), 1.0);
    }
    return out;
}

}  // namespace trygg
