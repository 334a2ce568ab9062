// Hotspot statistics (Gi*, FDR, quartic KDE) and the crime-concentration curve.
#include "model/hotspots.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

namespace trygg {
namespace {

using Mask = std::vector<std::uint8_t>;

std::size_t cells(const RasterShape& r) {
    return static_cast<std::size_t>(r.nx) * r.ny;
}

std::size_t at(const RasterShape& r, int row, int col) {
    return static_cast<std::size_t>(row) * r.nx + col;
}

// Gi* straight from Ord & Getis (1995) eq. 14 with every pair of masked cells: O(n²), no
// stencil, distances by std::hypot. The band tolerance is the documented 1e-9 relative.
std::vector<double> brute_gi_star(const RasterShape& r, const std::vector<double>& x, const Mask& mask, double band) {
    std::vector<std::size_t> in;
    for (std::size_t c = 0; c < x.size(); ++c)
        if (mask[c] != 0) in.push_back(c);
    const double n = static_cast<double>(in.size());
    double mean = 0.0, var = 0.0;
    for (const std::size_t c : in) mean += x[c] / n;
    for (const std::size_t c : in) var += (x[c] - mean) * (x[c] - mean) / n;
    const double s = std::sqrt(var);
    std::vector<double> z(x.size(), 0.0);
    for (const std::size_t i : in) {
        double sw = 0.0, swx = 0.0, sw2 = 0.0;
        for (const std::size_t j : in) {
            const double dx = (static_cast<double>(i % r.nx) - static_cast<double>(j % r.nx)) * r.cell_size_m;
            const double dy = (static_cast<double>(i / r.nx) - static_cast<double>(j / r.nx)) * r.cell_size_m;
            const double w = std::hypot(dx, dy) <= band * (1.0 + 1e-9) ? 1.0 : 0.0;
            sw += w;
            swx += w * x[j];
            sw2 += w * w;
        }
        z[i] = (swx - mean * sw) / (s * std::sqrt((n * sw2 - sw * sw) / (n - 1.0)));
    }
    return z;
}

// A 20 × 15 raster of uniform values with a 5 × 4 hole and two masked edge cells.
struct RandomField {
    RasterShape r{20, 15, 50.0};
    std::vector<double> x;
    Mask mask;
};

RandomField random_field() {
    RandomField f;
    std::mt19937_64 gen(20240611);
    std::uniform_real_distribution<double> u(0.0, 10.0);
    f.x.resize(cells(f.r));
    for (double& v : f.x) v = u(gen);
    f.mask.assign(cells(f.r), 1);
    for (int row = 5; row < 9; ++row)
        for (int col = 7; col < 12; ++col) f.mask[at(f.r, row, col)] = 0;
    f.mask[at(f.r, 0, 0)] = 0;
    f.mask[at(f.r, 14, 19)] = 0;
    return f;
}

TEST(GiStar, MatchesBruteForceFormula) {
    const RandomField f = random_field();
    // Bands below a cell, on exact ties (50, 100, 250 = |(3, 4)| × 50) and between them.
    for (const double band : {30.0, 50.0, 100.0, 130.0, 250.0, 333.0}) {
        const std::vector<double> fast = getis_ord_gi_star(f.r, f.x, f.mask, band);
        const std::vector<double> slow = brute_gi_star(f.r, f.x, f.mask, band);
        ASSERT_EQ(fast.size(), slow.size());
        for (std::size_t c = 0; c < fast.size(); ++c)
            EXPECT_NEAR(fast[c], slow[c], 1e-9) << "band " << band << " cell " << c;
    }
}

// The engine's sum before the sparse path: every cell's band summed row by row, west to east,
// of x − X̄ over masked cells (0.0 for the others), and z from it. Floating-point addition is
// not associative, so this fixes the order the engine must reproduce bit for bit.
std::vector<double> span_ordered_gi_star(const RasterShape& r, const std::vector<double>& x, const Mask& mask,
                                         double band) {
    const GiReference m = gi_reference(x, mask);
    std::vector<double> z(x.size(), 0.0);
    if (m.n < 2 || m.constant || m.sd == 0.0) return z;
    const double limit = (band / r.cell_size_m) * (band / r.cell_size_m) * (1.0 + 1e-9);
    for (int row = 0; row < r.ny; ++row) {
        for (int col = 0; col < r.nx; ++col) {
            if (mask[at(r, row, col)] == 0) continue;
            double sum = 0.0;
            std::int64_t w = 0;
            for (int y = 0; y < r.ny; ++y) {
                for (int x0 = 0; x0 < r.nx; ++x0) {
                    const double dx = x0 - col, dy = y - row;
                    if (dx * dx + dy * dy > limit) continue;
                    const std::size_t j = at(r, y, x0);
                    sum += mask[j] != 0 ? x[j] - m.mean : 0.0;
                    w += mask[j] != 0;
                }
            }
            const double spread = static_cast<double>(w * (m.n - w));
            z[at(r, row, col)] = spread <= 0 ? 0.0 : sum / (m.sd * std::sqrt(spread / static_cast<double>(m.n - 1)));
        }
    }
    return z;
}

// A week's crime map: a few counts on a large raster. Most bands hold only zeros, where the
// engine takes a shortcut; its z-scores must be the span-ordered sum's to the last bit, near
// the counts, far from them, at the mask's holes and edges, and for a field dense enough that
// the shortcut is not taken.
TEST(GiStar, SparseFieldsMatchTheSpanOrderedSumBitForBit) {
    const RasterShape r{60, 45, 100.0};
    Mask mask(cells(r), 1);
    for (int row = 10; row < 18; ++row)
        for (int col = 20; col < 31; ++col) mask[at(r, row, col)] = 0;
    for (int col = 0; col < r.nx; col += 7) mask[at(r, 0, col)] = 0;
    std::mt19937_64 gen(20261130);
    for (const int counts : {1, 12, 60, 400, 2000}) {
        std::vector<double> x(cells(r), 0.0);
        std::uniform_int_distribution<std::size_t> cell(0, x.size() - 1);
        std::uniform_int_distribution<int> count(1, 4);
        for (int k = 0; k < counts; ++k) x[cell(gen)] += count(gen);
        for (const double band : {50.0, 150.0, 250.0, 420.0}) {
            const std::vector<double> fast = getis_ord_gi_star(r, x, mask, band);
            const std::vector<double> ordered = span_ordered_gi_star(r, x, mask, band);
            for (std::size_t c = 0; c < x.size(); ++c)
                ASSERT_EQ(fast[c], ordered[c]) << counts << " counts, band " << band << ", cell " << c;
            // The weekly picture's way: bands built once, moments over the mask's list of cells.
            const GiBands bands(r, mask, band);
            const GiReference listed = gi_reference(bands, x), plain = gi_reference(x, mask);
            EXPECT_EQ(listed.n, plain.n);
            EXPECT_EQ(listed.mean, plain.mean);
            EXPECT_EQ(listed.sd, plain.sd);
            EXPECT_EQ(listed.constant, plain.constant);
            EXPECT_EQ(getis_ord_gi_star(bands, x, listed), fast);
        }
    }
}

TEST(GiStar, BandEqualToADistanceCountsDespiteRounding) {
    // 0.7 / 0.1 is 6.999999999999999 in doubles: without the documented tolerance the cells
    // seven steps away, exactly 0.7 m off, would drop out of the band.
    const RasterShape r{17, 1, 0.1};
    std::vector<double> x(17);
    for (std::size_t c = 0; c < x.size(); ++c) x[c] = static_cast<double>((c * 7) % 5);
    const Mask mask(x.size(), 1);
    const std::vector<double> on_tie = getis_ord_gi_star(r, x, mask, 0.7);
    const std::vector<double> slow = brute_gi_star(r, x, mask, 0.7);
    for (std::size_t c = 0; c < x.size(); ++c) EXPECT_NEAR(on_tie[c], slow[c], 1e-12) << c;
    // Centre cell 8 sees cells 1..15 (W = 15) at 0.7 m but only 2..14 just below it.
    const double n = 17.0, w = 15.0;
    double mean = 0.0, var = 0.0, sum = 0.0;
    for (const double v : x) mean += v / n;
    for (const double v : x) var += (v - mean) * (v - mean) / n;
    for (std::size_t c = 1; c <= 15; ++c) sum += x[c];
    EXPECT_NEAR(on_tie[8], (sum - mean * w) / (std::sqrt(var) * std::sqrt((n * w - w * w) / (n - 1.0))), 1e-12);
    EXPECT_NE(getis_ord_gi_star(r, x, mask, 0.69)[8], on_tie[8]);
}

TEST(GiStar, MaskedCellsAreZeroAndTheirValuesIgnored) {
    RandomField f = random_field();
    const std::vector<double> before = getis_ord_gi_star(f.r, f.x, f.mask, 130.0);
    for (std::size_t c = 0; c < f.x.size(); ++c)
        if (f.mask[c] == 0) f.x[c] = 1e6;
    const std::vector<double> after = getis_ord_gi_star(f.r, f.x, f.mask, 130.0);
    for (std::size_t c = 0; c < f.x.size(); ++c) {
        if (f.mask[c] == 0) {
            EXPECT_EQ(after[c], 0.0);
        }
        EXPECT_DOUBLE_EQ(after[c], before[c]);
    }
}

// A 3 × 3 block of 10 in a 21 × 21 field of 1; the 150 m band on 100 m cells is the 3 × 3
// square around a cell (the diagonal, 141 m, is in; two steps, 200 m, is out).
struct HotBlock {
    RasterShape r{21, 21, 100.0};
    std::vector<double> x;
    Mask mask;
};

HotBlock hot_block() {
    HotBlock h;
    h.x.assign(cells(h.r), 1.0);
    h.mask.assign(cells(h.r), 1);
    for (int row = 9; row <= 11; ++row)
        for (int col = 9; col <= 11; ++col) h.x[at(h.r, row, col)] = 10.0;
    return h;
}

TEST(GiStar, HotBlockStandsOutAndBackgroundIsNegative) {
    const HotBlock h = hot_block();
    const std::vector<double> z = getis_ord_gi_star(h.r, h.x, h.mask, 150.0);
    const std::size_t centre = at(h.r, 10, 10);
    EXPECT_GT(z[centre], 3.0);
    EXPECT_EQ(std::max_element(z.begin(), z.end()) - z.begin(), static_cast<std::ptrdiff_t>(centre));
    for (int row = 0; row < h.r.ny; ++row)
        for (int col = 0; col < h.r.nx; ++col)
            if (std::max(std::abs(row - 10), std::abs(col - 10)) >= 3) {  // no hot cell in the 3 × 3
                EXPECT_LT(z[at(h.r, row, col)], 0.0) << row << "," << col;
            }
}

TEST(GiStar, CornerCellHasOnlyItsInRasterNeighbours) {
    const HotBlock h = hot_block();
    const std::vector<double> z = getis_ord_gi_star(h.r, h.x, h.mask, 150.0);
    // Corner (0, 0): itself, east, north and north-east: W = 4, all four values 1.
    const double n = 441.0, mean = (9.0 * 10.0 + 432.0) / n;
    const double s = std::sqrt((9.0 * (10.0 - mean) * (10.0 - mean) + 432.0 * (1.0 - mean) * (1.0 - mean)) / n);
    const double expected = (4.0 - mean * 4.0) / (s * std::sqrt((n * 4.0 - 16.0) / (n - 1.0)));
    EXPECT_NEAR(z[at(h.r, 0, 0)], expected, 1e-12);
    // An edge cell (0, 10) has W = 6 and so a different z from the corner and the interior.
    EXPECT_NE(z[at(h.r, 0, 10)], z[at(h.r, 0, 0)]);
    EXPECT_NE(z[at(h.r, 0, 10)], z[at(h.r, 3, 3)]);
}

TEST(GiStar, ConstantFieldGivesZeros) {
    const RasterShape r{9, 7, 100.0};
    // 0.1 is not a binary fraction: a mean recomputed from it need not equal 0.1 exactly.
    for (const double v : {0.1, 7.0, 0.0}) {
        Mask mask(cells(r), 1);
        mask[5] = 0;
        const std::vector<double> x(cells(r), v);
        for (const double z : getis_ord_gi_star(r, x, mask, 250.0)) EXPECT_EQ(z, 0.0);
    }
}

TEST(GiStar, BandBelowCellSizeIsTheCellAlone) {
    const RandomField f = random_field();
    const std::vector<double> z = getis_ord_gi_star(f.r, f.x, f.mask, 20.0);
    double n = 0.0, mean = 0.0, var = 0.0;
    for (std::size_t c = 0; c < f.x.size(); ++c) n += f.mask[c];
    for (std::size_t c = 0; c < f.x.size(); ++c)
        if (f.mask[c] != 0) mean += f.x[c] / n;
    for (std::size_t c = 0; c < f.x.size(); ++c)
        if (f.mask[c] != 0) var += (f.x[c] - mean) * (f.x[c] - mean) / n;
    for (std::size_t c = 0; c < f.x.size(); ++c)
        if (f.mask[c] != 0) {
            EXPECT_NEAR(z[c], (f.x[c] - mean) / std::sqrt(var), 1e-12);
        }
    // A zero band is the same: the cell itself is always its own neighbour.
    const std::vector<double> z0 = getis_ord_gi_star(f.r, f.x, f.mask, 0.0);
    for (std::size_t c = 0; c < f.x.size(); ++c) EXPECT_NEAR(z0[c], z[c], 1e-15);
}

TEST(GiStar, BandCoveringEverythingGivesZerosNotNaN) {
    const RandomField f = random_field();
    for (const double band : {1e6, std::numeric_limits<double>::infinity()})
        for (const double z : getis_ord_gi_star(f.r, f.x, f.mask, band)) EXPECT_EQ(z, 0.0);
}

TEST(GiStar, EmptyOrSingleCellMaskGivesZeros) {
    const RandomField f = random_field();
    Mask none(f.mask.size(), 0);
    for (const double z : getis_ord_gi_star(f.r, f.x, none, 130.0)) EXPECT_EQ(z, 0.0);
    none[17] = 1;
    for (const double z : getis_ord_gi_star(f.r, f.x, none, 130.0)) EXPECT_EQ(z, 0.0);
    const RasterShape empty{0, 0, 100.0};
    EXPECT_TRUE(getis_ord_gi_star(empty, {}, {}, 130.0).empty());
}

TEST(GiStar, RejectsBadInput) {
    const RandomField f = random_field();
    const std::vector<double> short_x(f.x.begin(), f.x.end() - 1);
    EXPECT_THROW(getis_ord_gi_star(f.r, short_x, f.mask, 100.0), LogicError);
    EXPECT_THROW(getis_ord_gi_star(f.r, f.x, f.mask, -1.0), LogicError);
    EXPECT_THROW(getis_ord_gi_star(RasterShape{20, 15, 0.0}, f.x, f.mask, 100.0), LogicError);
}

// Borlänge-sized: 350 × 330 cells of 100 m (~115,000 cells), a 250 m band (21 neighbours),
// sparse weekly counts. Not a timing assertion: it only has to finish; the times are printed.
TEST(Hotspots, CitySizedRasterRuns) {
    const RasterShape r{350, 330, 100.0};
    std::mt19937_64 gen(7);
    std::poisson_distribution<int> events(0.2);
    std::vector<double> x(cells(r));
    for (double& v : x) v = events(gen);
    Mask mask(cells(r), 1);
    for (int row = 0; row < r.ny; ++row)
        for (int col = 0; col < 40; ++col) mask[at(r, row, col)] = 0;
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<double> z = getis_ord_gi_star(r, x, mask, 250.0);
    const auto t1 = std::chrono::steady_clock::now();
    const std::vector<double> d = kernel_density(r, x, mask, 300.0);
    const auto t2 = std::chrono::steady_clock::now();
    ASSERT_EQ(z.size(), cells(r));
    ASSERT_EQ(d.size(), cells(r));
    EXPECT_TRUE(std::all_of(z.begin(), z.end(), [](double v) { return std::isfinite(v); }));
    const auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    std::printf("  [info] 350x330 cells: Gi* (250 m band) %.1f ms, KDE (300 m) %.1f ms\n", ms(t0, t1), ms(t1, t2));
}

// The 15 p-values of Benjamini & Hochberg (1995, §4): at q = 0.05 their procedure rejects
// the four smallest; nine are below 0.05 uncorrected.
const std::vector<double> kBhExample = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
                                        0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0};

TEST(SignificantHotspots, BenjaminiHochbergPaperExample) {
    // The example's tests sit in reverse order among five masked cells with huge z: these must
    // neither be flagged nor counted in n (with n = 20 BH would reject a different set).
    std::vector<double> z;
    Mask mask;
    for (int i = 0; i < 5; ++i) {
        z.push_back(50.0);
        mask.push_back(0);
    }
    for (auto it = kBhExample.rbegin(); it != kBhExample.rend(); ++it) {
        z.push_back(normal_quantile_upper(*it));
        mask.push_back(1);
    }
    const auto fdr = significant_hotspots(z, mask, 0.05, Correction::FalseDiscoveryRate);
    const auto raw = significant_hotspots(z, mask, 0.05, Correction::None);
    for (std::size_t c = 0; c < 5; ++c) EXPECT_EQ(fdr[c] + raw[c], 0);
    // Position 5 + k holds the (15 − k)-th smallest p.
    for (std::size_t k = 0; k < 15; ++k) {
        const std::size_t rank = 15 - k;  // 1 = smallest
        EXPECT_EQ(fdr[5 + k], rank <= 4 ? 1 : 0) << "rank " << rank;
        EXPECT_EQ(raw[5 + k], rank <= 9 ? 1 : 0) << "rank " << rank;
    }
}

std::vector<double> normal_noise(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 gen(seed);
    std::normal_distribution<double> g(0.0, 1.0);
    std::vector<double> z(n);
    for (double& v : z) v = g(gen);
    return z;
}

// The plain procedure, every masked cell's p in BH's sort: significant_hotspots sorts only
// the p ≤ alpha and skips z ≤ 0, and must flag exactly the same cells (ties and alphas of ½
// and more included).
std::vector<std::uint8_t> plain_hotspots(const std::vector<double>& z, const Mask& mask, double alpha, bool fdr) {
    std::vector<double> p;
    for (std::size_t c = 0; c < z.size(); ++c)
        if (mask[c]) p.push_back(normal_upper_tail(z[c]));
    double threshold = alpha;
    if (fdr) {
        std::vector<double> sorted = p;
        std::sort(sorted.begin(), sorted.end());
        threshold = -1.0;
        for (std::size_t k = sorted.size(); k > 0; --k) {
            if (sorted[k - 1] <= static_cast<double>(k) * alpha / static_cast<double>(sorted.size())) {
                threshold = sorted[k - 1];
                break;
            }
        }
    }
    std::vector<std::uint8_t> flagged(z.size(), 0);
    for (std::size_t c = 0, i = 0; c < z.size(); ++c)
        if (mask[c]) flagged[c] = p[i++] <= threshold ? 1 : 0;
    return flagged;
}

TEST(SignificantHotspots, SameFlagsAsThePlainProcedure) {
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        std::vector<double> z = normal_noise(4000, seed);
        Mask mask(z.size(), 1);
        for (std::size_t c = 0; c < z.size(); c += 5) mask[c] = 0;
        for (std::size_t c = 3; c < z.size(); c += 97) z[c] = 3.0 + static_cast<double>(c % 7);  // signals
        for (std::size_t c = 11; c < 200; c += 13) z[c] = 2.0;                                   // ties
        z[17] = 0.0;
        for (const double alpha : {0.001, 0.05, 0.3, 0.5, 0.7}) {
            for (const bool fdr : {false, true}) {
                const auto got =
                    significant_hotspots(z, mask, alpha, fdr ? Correction::FalseDiscoveryRate : Correction::None);
                EXPECT_EQ(got, plain_hotspots(z, mask, alpha, fdr)) << "seed " << seed << ", alpha " << alpha;
            }
        }
    }
}

TEST(SignificantHotspots, PureNoiseFlagsAlphaUncorrectedAndAlmostNothingWithFdr) {
    const std::vector<double> z = normal_noise(10000, 99);
    const Mask mask(z.size(), 1);
    const auto raw = significant_hotspots(z, mask, 0.05, Correction::None);
    const auto fdr = significant_hotspots(z, mask, 0.05, Correction::FalseDiscoveryRate);
    const auto n_raw = std::count(raw.begin(), raw.end(), 1), n_fdr = std::count(fdr.begin(), fdr.end(), 1);
    // Uncorrected flags ~ Binomial(10,000, 0.05): mean 500, sd √(10,000·0.05·0.95) ≈ 21.8;
    // ±4 sd leaves any standard library's normal generator a ~6e-5 chance of a false alarm.
    EXPECT_GE(n_raw, 500 - 88);
    EXPECT_LE(n_raw, 500 + 88);
    // Under the complete null BH controls the family-wise error: P(any flag) ≤ alpha, and
    // when it does fire it rarely flags more than a couple of cells.
    EXPECT_LE(n_fdr, 3);
}

TEST(SignificantHotspots, FdrFlagsASubsetOfUncorrectedAndFindsStrongSignals) {
    std::vector<double> z = normal_noise(5000, 3);
    Mask mask(z.size(), 1);
    for (std::size_t c = 1; c < z.size(); c += 7) mask[c] = 0;
    // 20 strong hotspots in city cells: z ≥ 8 − 3.5 has p ≤ 3e-6, below even BH's smallest
    // threshold 0.05/4286 ≈ 1.2e-5, so FDR must keep every one of them.
    std::vector<std::size_t> strong;
    for (std::size_t c = 0; c < z.size(); c += 250) strong.push_back(mask[c] != 0 ? c : c + 1);
    for (const std::size_t c : strong) z[c] += 8.0;
    const auto raw = significant_hotspots(z, mask, 0.05, Correction::None);
    const auto fdr = significant_hotspots(z, mask, 0.05, Correction::FalseDiscoveryRate);
    int n_raw = 0, n_fdr = 0;
    for (std::size_t c = 0; c < z.size(); ++c) {
        n_raw += raw[c];
        n_fdr += fdr[c];
        EXPECT_LE(fdr[c], raw[c]);
        if (mask[c] == 0) {
            EXPECT_EQ(raw[c], 0);
        }
    }
    for (const std::size_t c : strong) EXPECT_EQ(fdr[c], 1) << c;
    EXPECT_LT(n_fdr, n_raw);
}

TEST(SignificantHotspots, EdgeCasesAndBadInput) {
    const std::vector<double> z = {5.0, 5.0};
    EXPECT_EQ(significant_hotspots(z, Mask{0, 0}, 0.05, Correction::FalseDiscoveryRate), (Mask{0, 0}));
    EXPECT_TRUE(significant_hotspots({}, {}, 0.05, Correction::None).empty());
    EXPECT_THROW(significant_hotspots(z, Mask{1}, 0.05, Correction::None), LogicError);
    EXPECT_THROW(significant_hotspots(z, Mask{1, 1}, 0.0, Correction::None), LogicError);
    EXPECT_THROW(significant_hotspots(z, Mask{1, 1}, 1.0, Correction::None), LogicError);
}

TEST(Normal, UpperTailKnownValues) {
    EXPECT_EQ(normal_upper_tail(0.0), 0.5);
    EXPECT_NEAR(normal_upper_tail(1.6449), 0.05, 1e-5);  // 1.6449 is rounded: P = 0.049995
    EXPECT_NEAR(normal_upper_tail(1.6448536269514722), 0.05, 1e-15);
    EXPECT_NEAR(normal_upper_tail(1.959963984540054), 0.025, 1e-15);
    EXPECT_NEAR(normal_upper_tail(-1.959963984540054), 0.975, 1e-15);
    // Deep tail, where 1 − Φ(z) would have cancelled to 0: relative accuracy survives.
    EXPECT_NEAR(normal_upper_tail(10.0) / 7.619853024160526e-24, 1.0, 1e-12);
    EXPECT_EQ(normal_upper_tail(std::numeric_limits<double>::infinity()), 0.0);
    EXPECT_EQ(normal_upper_tail(-std::numeric_limits<double>::infinity()), 1.0);
}

TEST(Normal, QuantileKnownValuesAndRoundTrips) {
    EXPECT_NEAR(normal_quantile_upper(0.05), 1.6448536269514722, 1e-13);
    EXPECT_NEAR(normal_quantile_upper(0.025), 1.959963984540054, 1e-13);
    EXPECT_NEAR(normal_quantile_upper(0.975), -1.959963984540054, 1e-13);
    EXPECT_NEAR(normal_quantile_upper(0.5), 0.0, 1e-15);
    for (const double p : {1e-300, 1e-12, 1e-4, 0.3, 0.5, 0.7, 0.999})
        EXPECT_NEAR(normal_upper_tail(normal_quantile_upper(p)) / p, 1.0, 1e-12) << p;
    // z below −1 is left out: p near 1 has too few digits to pin z down to 1e-12.
    for (const double z : {-1.0, 0.3, 2.0, 8.0, 30.0})
        EXPECT_NEAR(normal_quantile_upper(normal_upper_tail(z)), z, 1e-12 * std::max(1.0, std::abs(z))) << z;
    EXPECT_EQ(normal_quantile_upper(0.0), std::numeric_limits<double>::infinity());
    EXPECT_EQ(normal_quantile_upper(1.0), -std::numeric_limits<double>::infinity());
    EXPECT_THROW(normal_quantile_upper(-0.1), LogicError);
    EXPECT_THROW(normal_quantile_upper(1.1), LogicError);
    EXPECT_THROW(normal_quantile_upper(std::numeric_limits<double>::quiet_NaN()), LogicError);
}

// One event in the middle of a 41 × 41 raster of 10 m cells; h = 100 m = 10 cells.
struct SingleEvent {
    RasterShape r{41, 41, 10.0};
    std::vector<double> x;
    Mask mask;
    double h = 100.0;
};

SingleEvent single_event(double count) {
    SingleEvent s;
    s.x.assign(cells(s.r), 0.0);
    s.x[at(s.r, 20, 20)] = count;
    s.mask.assign(cells(s.r), 1);
    return s;
}

double quartic(double d, double h) {
    return d < h ? 3.0 / (std::numbers::pi * h * h) * (1.0 - d * d / (h * h)) * (1.0 - d * d / (h * h)) : 0.0;
}

TEST(KernelDensity, SingleEventFollowsTheQuarticKernel) {
    const SingleEvent s = single_event(1.0);
    const std::vector<double> d = kernel_density(s.r, s.x, s.mask, s.h);
    EXPECT_NEAR(d[at(s.r, 20, 20)], 3.0 / (std::numbers::pi * s.h * s.h), 1e-18);
    for (int k = 1; k <= 10; ++k) {  // east along the row: strictly falling, 0 at d = h
        EXPECT_LT(d[at(s.r, 20, 20 + k)], d[at(s.r, 20, 20 + k - 1)]);
        EXPECT_NEAR(d[at(s.r, 20, 20 + k)], quartic(10.0 * k, s.h), 1e-18);
    }
    EXPECT_EQ(d[at(s.r, 20, 30)], 0.0);
    for (int row = 0; row < s.r.ny; ++row)
        for (int col = 0; col < s.r.nx; ++col) {
            const double dist = 10.0 * std::hypot(row - 20, col - 20);
            if (dist >= s.h) {
                EXPECT_EQ(d[at(s.r, row, col)], 0.0);
            }
            EXPECT_NEAR(d[at(s.r, row, col)], quartic(dist, s.h), 1e-18);
            EXPECT_EQ(d[at(s.r, row, col)], d[at(s.r, 40 - row, col)]);  // symmetric
        }
}

TEST(KernelDensity, MassIsConservedAwayFromTheEdge) {
    // 3/(π h²) normalises K to integrate to 1 over the plane; on a lattice of 10 cells per h
    // the Riemann sum is within 2 %.
    for (const double count : {1.0, 4.0}) {
        const SingleEvent s = single_event(count);
        const std::vector<double> d = kernel_density(s.r, s.x, s.mask, s.h);
        double mass = 0.0;
        for (const double v : d) mass += v * s.r.cell_size_m * s.r.cell_size_m;
        EXPECT_NEAR(mass / count, 1.0, 0.02);
    }
}

TEST(KernelDensity, IsLinearInTheEvents) {
    SingleEvent a = single_event(3.0), b = single_event(0.0), both = single_event(3.0);
    b.x[at(b.r, 14, 25)] = 2.0;
    both.x[at(both.r, 14, 25)] = 2.0;
    const std::vector<double> da = kernel_density(a.r, a.x, a.mask, a.h);
    const std::vector<double> db = kernel_density(b.r, b.x, b.mask, b.h);
    const std::vector<double> dab = kernel_density(both.r, both.x, both.mask, both.h);
    for (std::size_t c = 0; c < dab.size(); ++c) EXPECT_NEAR(dab[c], da[c] + db[c], 1e-15);
}

TEST(KernelDensity, NoEdgeCorrectionAtTheRasterEdge) {
    SingleEvent s = single_event(0.0);
    s.x[at(s.r, 0, 0)] = 1.0;
    const std::vector<double> d = kernel_density(s.r, s.x, s.mask, s.h);
    EXPECT_NEAR(d[at(s.r, 0, 0)], quartic(0.0, s.h), 1e-18);
    EXPECT_NEAR(d[at(s.r, 3, 4)], quartic(50.0, s.h), 1e-18);
    double mass = 0.0;
    for (const double v : d) mass += v * 100.0;
    EXPECT_GT(mass, 0.25);  // a quarter of the disc plus the two half-rows on the edges
    EXPECT_LT(mass, 0.5);
}

TEST(KernelDensity, MaskedCellsNeitherSendNorReceive) {
    SingleEvent s = single_event(1.0);
    s.mask[at(s.r, 20, 21)] = 0;
    s.mask[at(s.r, 5, 5)] = 0;
    s.x[at(s.r, 5, 5)] = 100.0;  // outside the city: must not spread
    const std::vector<double> d = kernel_density(s.r, s.x, s.mask, s.h);
    EXPECT_EQ(d[at(s.r, 20, 21)], 0.0);
    EXPECT_EQ(d[at(s.r, 5, 6)], 0.0);
    EXPECT_NEAR(d[at(s.r, 20, 22)], quartic(20.0, s.h), 1e-18);
}

TEST(KernelDensity, BandwidthBelowCellSizeStaysInTheCell) {
    const SingleEvent s = single_event(2.0);
    const std::vector<double> d = kernel_density(s.r, s.x, s.mask, 5.0);
    for (std::size_t c = 0; c < d.size(); ++c)
        EXPECT_EQ(d[c], c == at(s.r, 20, 20) ? 2.0 * 3.0 / (std::numbers::pi * 25.0) : 0.0);
}

TEST(KernelDensity, RejectsBadInput) {
    const SingleEvent s = single_event(1.0);
    EXPECT_THROW(kernel_density(s.r, s.x, s.mask, 0.0), LogicError);
    EXPECT_THROW(kernel_density(s.r, s.x, s.mask, -5.0), LogicError);
    EXPECT_THROW(kernel_density(s.r, s.x, Mask(3, 1), 100.0), LogicError);
}

// Separated hotspots on a 10-wide raster: the densest cell, then the best cell at least
// `gap` cells away from all taken, never a cell of zero density or outside the mask.
TEST(TopK, SeparatedCellsKeepTheirDistance) {
    const int nx = 10;
    std::vector<double> d(100, 0.0);
    d[5 * nx + 5] = 10.0;  // the peak
    d[5 * nx + 6] = 9.0;   // its neighbour: too close
    d[5 * nx + 8] = 8.0;   // 3 columns away: far enough with gap 3
    d[1 * nx + 1] = 7.0;
    d[9 * nx + 9] = 7.0;  // tie with (1, 1): the lower index first
    d[0] = 6.0;           // masked out
    Mask mask(100, 1);
    mask[0] = 0;
    EXPECT_EQ(top_k_separated_cells(d, mask, nx, 3, 3), (std::vector<int>{55, 58, 11}));
    EXPECT_EQ(top_k_separated_cells(d, mask, nx, 10, 3), (std::vector<int>{55, 58, 11, 99}));
    EXPECT_EQ(top_k_separated_cells(d, mask, nx, 10, 0), (std::vector<int>{55, 56, 58, 11, 99}));
    EXPECT_TRUE(top_k_separated_cells(d, mask, nx, 0, 3).empty());
    EXPECT_THROW(top_k_separated_cells(d, mask, nx, -1, 3), std::exception);
}

TEST(TopK, OrdersByDensityThenIndexAndSkipsMaskedCells) {
    const std::vector<double> d = {3.0, 5.0, 5.0, 1.0, 9.0, 5.0};
    const Mask mask = {1, 1, 1, 1, 0, 1};
    EXPECT_EQ(top_k_cells(d, mask, 1), (std::vector<int>{1}));
    EXPECT_EQ(top_k_cells(d, mask, 3), (std::vector<int>{1, 2, 5}));
    EXPECT_EQ(top_k_cells(d, mask, 4), (std::vector<int>{1, 2, 5, 0}));
    EXPECT_EQ(top_k_cells(d, mask, 100), (std::vector<int>{1, 2, 5, 0, 3}));
    EXPECT_TRUE(top_k_cells(d, mask, 0).empty());
    EXPECT_TRUE(top_k_cells(d, Mask(6, 0), 3).empty());
    EXPECT_THROW(top_k_cells(d, mask, -1), LogicError);
    EXPECT_THROW(top_k_cells(d, Mask{1}, 1), LogicError);
}

// 100 cells: one with 50 crimes, fifty with 1, the rest none — half the crime in 1 % of cells.
std::vector<double> lopsided() {
    std::vector<double> c(100, 0.0);
    c[37] = 50.0;
    for (int i = 40; i < 90; ++i) c[i] = 1.0;
    return c;
}

TEST(Concentration, HandMadeCounts) {
    const std::vector<double> c = lopsided();
    const Mask mask(c.size(), 1);
    EXPECT_DOUBLE_EQ(share_of_cells_holding(c, mask, 0.5), 0.01);
    EXPECT_DOUBLE_EQ(share_of_cells_holding(c, mask, 0.25), 0.01);
    EXPECT_DOUBLE_EQ(share_of_cells_holding(c, mask, 0.51), 0.02);
    EXPECT_DOUBLE_EQ(share_of_cells_holding(c, mask, 0.75), 0.26);
    EXPECT_DOUBLE_EQ(share_of_cells_holding(c, mask, 1.0), 0.51);  // empty cells never needed
    EXPECT_DOUBLE_EQ(share_of_cells_holding(c, mask, 0.0), 0.0);
    const std::vector<double> x = {0.0, 0.01, 0.015, 0.02, 0.51, 0.6, 1.0};
    const std::vector<double> want = {0.0, 0.5, 0.505, 0.51, 1.0, 1.0, 1.0};
    const std::vector<double> got = share_of_crime_in_top(c, mask, x);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-12) << x[i];
}

TEST(Concentration, UniformCountsAreTheDiagonal) {
    const std::vector<double> c(40, 2.0);
    const Mask mask(c.size(), 1);
    EXPECT_DOUBLE_EQ(share_of_cells_holding(c, mask, 0.5), 0.5);
    EXPECT_DOUBLE_EQ(share_of_cells_holding(c, mask, 0.26), 11.0 / 40.0);  // 10.4 cells → 11
    const std::vector<double> x = {0.1, 0.3, 0.55};
    const std::vector<double> got = share_of_crime_in_top(c, mask, x);
    for (std::size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(got[i], x[i], 1e-12);
}

TEST(Concentration, OnlyMaskedCellsCount) {
    const std::vector<double> c = {3.0, 1.0, 100.0, 100.0};
    const Mask mask = {1, 1, 0, 0};
    EXPECT_DOUBLE_EQ(share_of_cells_holding(c, mask, 0.75), 0.5);  // 1 of the 2 city cells
    EXPECT_NEAR(share_of_crime_in_top(c, mask, std::vector<double>{0.5})[0], 0.75, 1e-12);
}

TEST(Concentration, CurvesAreMonotoneAndConsistent) {
    std::mt19937_64 gen(11);
    std::geometric_distribution<int> skewed(0.6);
    std::vector<double> c(2000);
    for (double& v : c) v = skewed(gen);
    Mask mask(c.size(), 1);
    for (std::size_t i = 0; i < c.size(); i += 9) mask[i] = 0;
    const double n = static_cast<double>(std::count(mask.begin(), mask.end(), 1));
    std::vector<double> x;
    for (int i = 0; i <= 200; ++i) x.push_back(i / 200.0);
    const std::vector<double> top = share_of_crime_in_top(c, mask, x);
    double prev_cells = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        EXPECT_GE(top[i] + 1e-12, x[i]);  // the top cells hold at least their pro-rata share
        if (i > 0) {
            EXPECT_GE(top[i], top[i - 1]);
        }
        if (i > 1) {
            EXPECT_LE(top[i] - top[i - 1], top[i - 1] - top[i - 2] + 1e-12);
        }  // concave
        const double cells_needed = share_of_cells_holding(c, mask, x[i]);
        EXPECT_GE(cells_needed, prev_cells);
        prev_cells = cells_needed;
        // The smallest such share: the curve reaches s there and not one cell earlier.
        const std::vector<double> at_need = share_of_crime_in_top(c, mask, std::vector<double>{cells_needed});
        EXPECT_GE(at_need[0] + 1e-12, x[i]);
        if (cells_needed > 0.0) {
            const std::vector<double> before =
                share_of_crime_in_top(c, mask, std::vector<double>{cells_needed - 1.0 / n});
            EXPECT_LT(before[0], x[i]);
        }
    }
    EXPECT_NEAR(top.back(), 1.0, 1e-12);
}

TEST(Concentration, NoCrimeOrNoCellsGiveZero) {
    const std::vector<double> zeros(50, 0.0);
    const Mask all(50, 1), none(50, 0);
    EXPECT_EQ(share_of_cells_holding(zeros, all, 0.5), 0.0);
    EXPECT_EQ(share_of_cells_holding(zeros, all, 1.0), 0.0);
    EXPECT_EQ(share_of_cells_holding(lopsided(), Mask(100, 0), 0.5), 0.0);
    const std::vector<double> x = {0.0, 0.5, 1.0};
    EXPECT_EQ(share_of_crime_in_top(zeros, all, x), std::vector<double>(3, 0.0));
    EXPECT_EQ(share_of_crime_in_top(zeros, none, x), std::vector<double>(3, 0.0));
    EXPECT_TRUE(share_of_crime_in_top(zeros, all, {}).empty());
}

TEST(Concentration, RejectsBadInput) {
    const std::vector<double> c = lopsided();
    const Mask mask(c.size(), 1);
    EXPECT_THROW(share_of_cells_holding(c, mask, 1.5), LogicError);
    EXPECT_THROW(share_of_cells_holding(c, mask, -0.1), LogicError);
    EXPECT_THROW(share_of_cells_holding(c, mask, std::numeric_limits<double>::quiet_NaN()), LogicError);
    EXPECT_THROW(share_of_crime_in_top(c, mask, std::vector<double>{1.01}), LogicError);
    EXPECT_THROW(share_of_cells_holding(c, Mask(3, 1), 0.5), LogicError);
    std::vector<double> negative = c;
    negative[0] = -1.0;
    EXPECT_THROW(share_of_cells_holding(negative, mask, 0.5), LogicError);
}

}  // namespace
}  // namespace trygg
