#pragma once
// Hotspots on the weekly lägesbild (joint incident picture) and the crime-concentration curve.
//
// Everything works on a square raster: nx columns × ny rows, row-major (cell = row·nx + col),
// row 0 southernmost, `cell_size_m` metres a side. Cells outside the city carry mask 0 and take
// no part in any statistic: they are neither counted in n, nor neighbours, nor results.
//
// Preconditions are checked: a span whose size is not nx·ny, a non-positive cell size, or a
// parameter outside its range throws LogicError (config values are validated on load, so
// reaching here with a bad one is a bug in trygg).
#include <cstdint>
#include <span>
#include <vector>

namespace trygg {

struct RasterShape {
    int nx = 0;
    int ny = 0;
    double cell_size_m = 0.0;
};

// A disc of lattice offsets stored as one span per row: row dy ∈ [−radius, radius] covers
// dx ∈ [−half_width[dy + radius], +half_width[dy + radius]]. The disc is symmetric in dx, so
// spans describe it exactly and let the inner loops run over contiguous memory.
struct DiscStencil {
    int radius = 0;
    std::vector<int> half_width;
};

// Local Gi* of Getis & Ord (1992, Geogr. Anal. 24:189) in the z-score form of Ord & Getis
// (1995, Geogr. Anal. 27:286, eq. 14) with binary distance-band weights: w_ij = 1 when the
// centres of i and j are at most band_m apart (i itself included), else 0:
//   Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S sqrt((n Σ_j w_ij² − (Σ_j w_ij)²)/(n − 1)))
// over the n cells with mask != 0; X̄ and S (population standard deviation) from those cells.
// Returns one z-score per cell, 0 where:
//   - mask[c] == 0;
//   - the field is constant over the mask (S == 0) or n < 2: there is no contrast to test;
//   - a cell's band covers every masked cell (n Σw − (Σw)² == 0): Gi* is then 0/0.
// A distance equal to band_m within a relative 1e-9 counts as inside, so a 200 m band on
// 100 m cells reliably includes the cells two steps away despite binary rounding. A band
// below the cell size leaves each cell alone with itself: Gi* = (x_i − X̄)/S.
// Neighbours beyond the raster edge do not exist (no edge correction, as in Ord & Getis).
// Cost O(cells × stencil), the stencil being the disc of radius band_m stored as row spans,
// for the cells whose band holds a non-zero value; the others (most of a sparse weekly crime
// map) cost O(stencil rows) each, with the same bits (see hotspots.cpp).
std::vector<double> getis_ord_gi_star(const RasterShape& r, std::span<const double> values,
                                      std::span<const std::uint8_t> mask, double band_m);

// The moments Gi* tests a field against: the n cells with mask != 0, their mean X̄ and
// population standard deviation S.
struct GiReference {
    std::int64_t n = 0;
    double mean = 0.0;
    double sd = 0.0;
    bool constant = true;  // every masked value equal (tested exactly, not through S)
};
GiReference gi_reference(std::span<const double> values, std::span<const std::uint8_t> mask);

// Gi* of `values` with X̄ and S taken from `reference` (another field's, on the same mask)
// instead of from `values` itself: a field tested against a fixed yardstick, so that removing
// crime anywhere can only lower a cell's z. With reference = gi_reference(values, mask) this is
// getis_ord_gi_star above, to the last bit. 0 everywhere when the reference has n < 2 or is
// constant (no yardstick).
std::vector<double> getis_ord_gi_star(const RasterShape& r, std::span<const double> values,
                                      std::span<const std::uint8_t> mask, double band_m, const GiReference& reference);

// What Gi* needs of a raster, its mask and a band that is the same for every map tested on
// them: the band's disc and, per cell, W, the number of masked cells in its band. The weekly
// picture tests two maps a week on one raster (model/lagesbild.hpp) and builds this once.
class GiBands {
public:
    GiBands(const RasterShape& r, std::span<const std::uint8_t> mask, double band_m);
    const RasterShape& raster() const { return raster_; }
    const DiscStencil& stencil() const { return stencil_; }
    const std::vector<std::int32_t>& weight() const { return weight_; }  // [cell] W; 0 outside the mask
    const std::vector<std::int32_t>& cells() const { return cells_; }    // the masked cells, ascending
    std::int32_t max_weight() const { return max_weight_; }

private:
    RasterShape raster_;
    DiscStencil stencil_;
    std::vector<std::int32_t> weight_;
    std::vector<std::int32_t> cells_;
    std::int32_t max_weight_ = 0;
};

// gi_reference above over the bands' mask, visiting only its cells: the same moments, bit for bit.
GiReference gi_reference(const GiBands& bands, std::span<const double> values);

// getis_ord_gi_star above on prepared bands: the same z-scores to the last bit.
std::vector<double> getis_ord_gi_star(const GiBands& bands, std::span<const double> values,
                                      const GiReference& reference);

enum class Correction { None, FalseDiscoveryRate };

// Cells flagged as hotspots by a one-sided (upper-tail) test of their Gi* z-score at level
// alpha ∈ (0, 1), the n tested cells being those with mask != 0:
//   - None: p_i = P(Z > z_i) ≤ alpha, i.e. z_i ≥ 1.645 at alpha 0.05;
//   - FalseDiscoveryRate: the step-up procedure of Benjamini & Hochberg (1995, JRSS B
//     57:289): with p sorted ascending, flag the k smallest where k is the largest index with
//     p_(k) ≤ k·alpha/n. Caldas de Castro & Singer (2006, Geogr. Anal. 38:180) recommend it
//     for local statistics; it stays valid for the positively correlated Gi* of overlapping
//     bands (Benjamini & Yekutieli 2001, Ann. Stat. 29:1165, PRDS case).
// Result: 1 for a flagged cell, else 0 (always 0 where mask == 0). FDR flags a subset of None.
std::vector<std::uint8_t> significant_hotspots(std::span<const double> z, std::span<const std::uint8_t> mask,
                                               double alpha, Correction correction);

// P(Z > z) for a standard normal Z, as erfc(z/√2)/2: std::erfc keeps full relative precision
// far into the upper tail (no 1 − Φ cancellation). NaN in, NaN out.
double normal_upper_tail(double z);

// The z with P(Z > z) = p, for p ∈ [0, 1] (0 → +∞, 1 → −∞; otherwise LogicError).
// Bisection on normal_upper_tail over [−40, 40]: the bracket shrinks to adjacent doubles, so
// the result is the root of the double-precision tail function to about one ulp of z (or
// 1e-58 absolute near z = 0); round trips p → z → p agree to ~1e-13 relative even at 1e-300.
double normal_quantile_upper(double p);

// Kernel density with the quartic (biweight) kernel of bandwidth h = bandwidth_m, the standard
// in crime hotspot mapping (Chainey, Tompson & Uhlig 2008, Security Journal 21:4):
//   density_i = Σ_j x_j K(d_ij),  K(d) = 3/(π h²) (1 − d²/h²)²  for d < h, else 0,
// with d_ij the distance between cell centres. K integrates to 1 over the plane, so density
// is in events per m² and Σ_i density_i × cell area ≈ Σ_j x_j (away from the raster edge:
// there is no edge correction, mass beyond the edge is lost). Only cells with mask != 0 are
// sources or receive density; masked cells get 0. A bandwidth below the cell size keeps each
// event in its own cell (density = x·3/(π h²)). bandwidth_m must be > 0.
std::vector<double> kernel_density(const RasterShape& r, std::span<const double> values,
                                   std::span<const std::uint8_t> mask, double bandwidth_m);

// The k cells with mask != 0 of highest density, highest first, ties broken by lower cell
// index. k larger than the number of such cells returns all of them; k == 0 returns none;
// k < 0 throws. Densities must not be NaN.
std::vector<int> top_k_cells(std::span<const double> density, std::span<const std::uint8_t> mask, int k);

// Up to k cells of positive density, highest first (ties to the lower index), each at least
// `gap` cells (Chebyshev) from every one taken before: k distinct hotspots rather than k
// neighbouring cells of the densest one. A unit's 3×3 beats do not overlap with gap 3.
// `nx` is the raster's width.
std::vector<int> top_k_separated_cells(std::span<const double> density, std::span<const std::uint8_t> mask, int nx,
                                       int k, int gap);

// The crime-concentration curve of Weisburd (2015, Criminology 53:133) over the n cells with
// mask != 0, sorted by count descending. Counts must be ≥ 0.
//
// Smallest share of cells m/n whose top-m cells hold at least crime_share ∈ [0, 1] of all
// crime. Returns 0 when there is no crime at all (nothing to hold: zero cells suffice) or no
// cell in the mask, and 0 for crime_share == 0.
double share_of_cells_holding(std::span<const double> counts, std::span<const std::uint8_t> mask, double crime_share);

// For each share x ∈ [0, 1] of cells, the share of all crime in the top x·n cells. For a
// non-integer x·n the curve is interpolated linearly inside the next cell (a fraction of a
// cell holds that fraction of its crime), so it is continuous, non-decreasing and concave, and
// exact at x = m/n. All shares are 0 when there is no crime or no cell in the mask.
std::vector<double> share_of_crime_in_top(std::span<const double> counts, std::span<const std::uint8_t> mask,
                                          std::span<const double> cell_shares);

}  // namespace trygg
