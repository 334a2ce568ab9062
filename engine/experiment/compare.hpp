#pragma once
// `trygg compare`: paired comparison of two runs of the same city (BASE and OTHER).
//
// Replicate r of both runs draws the same random streams (common random numbers), so the
// change OTHER − BASE is taken replicate by replicate and its spread over replicates is the
// spread of the change itself, far narrower than that of two independent means. Pure
// statistics on the core structs; reading files and printing are the io and cli layers' job.
// docs/comparison.md gives the formulas and the file layouts.
#include "experiment/harm_cost.hpp"
#include "sim/results.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace trygg {

// Paired: replicate r of both runs drew the same random numbers (same seed, start date,
// horizon and city), and the change is taken replicate by replicate. Unpaired (`--unpaired`):
// the runs are independent samples, and intervals are Welch's (means) or an independent
// bootstrap (WDQ), much wider.
enum class Pairing { Paired, Unpaired };

inline const char* name_of(Pairing p) {
    return p == Pairing::Paired ? "paired" : "unpaired";
}

// Why replicate r of BASE and replicate r of OTHER did not draw the same random numbers (a
// different seed, first replicate, start date, horizon or city config text), or "" when they
// did and the runs are paired.
std::string why_not_paired(const RunProvenance& base, const RunProvenance& other);

// A 95% interval.
struct Interval {
    double low = 0.0;
    double high = 0.0;
};

// One outcome of the comparison, mean over replicates. The change's interval is
// mean ± t(0.975, n − 1) · sd / √n of the paired differences (none when n < 2). The percent
// change is change / base mean × 100 and its interval the change's interval / base mean × 100:
// an approximation that treats the base mean as fixed (it ignores the base mean's own
// sampling error, small next to the change's when runs are paired). None when the base mean is 0.
struct Estimate {
    std::string outcome;  // what is counted, e.g. "crimes_true_by_type"
    std::string key;      // which part of it, e.g. "burglary", or "total"
    double base_mean = 0.0;
    double other_mean = 0.0;
    double change = 0.0;  // mean of OTHER − BASE over replicates
    std::optional<Interval> change_interval;
    std::optional<double> percent;  // [%]
    std::optional<Interval> percent_interval;
    int replicates = 0;
    Pairing pairing = Pairing::Paired;
};

// t quantile 0.975 with `df` degrees of freedom: a table for 1–30, 1.96 beyond.
double t_quantile_975(int df);

// The paired estimate from per-replicate values of BASE and OTHER (equal lengths).
Estimate paired_estimate(std::string outcome, std::string key, std::span<const double> base,
                         std::span<const double> other);

// The unpaired estimate: the same means and change, with Welch's interval
// d̄ ± t(0.975, ν) · √(s_b²/n_b + s_o²/n_o), ν the Welch–Satterthwaite degrees of freedom
// (rounded down; n_b + n_o − 2 when both variances are 0). None when either run has fewer
// than 2 replicates.
Estimate unpaired_estimate(std::string outcome, std::string key, std::span<const double> base,
                           std::span<const double> other);

// Where the scenario's measures act, and around them.
enum class Area : std::int8_t { Outside = -1, Treated = 0, Buffer = 1, Rest = 2 };

struct AreaSplit {
    double buffer_m = 0.0;
    std::vector<Area> cells;                // [y][x]
    int treated = 0, buffer = 0, rest = 0;  // cells of each area
};

// Treated: cells of the study area (grid.district ≥ 0) with treated = 1. Buffer: other study
// cells whose centre lies within buffer_m of a treated cell's centre. Rest: the remaining
// study cells.
AreaSplit split_areas(const GridDescription& grid, std::span<const std::int32_t> treated, double buffer_m);

// Weighted displacement quotient (Bowers & Johnson 2003, J. Quant. Criminol. 19(3), 275–301), with
// the treated area A, the buffer B and the rest as control C, BASE as "before" (b) and OTHER
// as "after" (a), from replicate means:
//   WDQ = (B_a/C_a − B_b/C_b) / (A_a/C_a − A_b/C_b)
// The denominator is the success measure: < 0 when crime fell in the treated area relative to
// the control. With success, WDQ > 0 is a diffusion of benefit to the buffer, WDQ < 0
// displacement into it, and |WDQ| > 1 a buffer effect larger than the treated one.
struct DisplacementQuotient {
    std::optional<double> value;       // none when undefined
    std::optional<Interval> interval;  // paired percentile bootstrap over replicates
    double success = 0.0;              // the denominator
    std::string meaning;               // one sentence for planners
};

inline constexpr int kBootstrapResamples = 2000;
inline constexpr std::uint64_t kBootstrapSeed = 20030316;  // fixed: the same runs give the same interval

// Per-replicate crime counts of the three areas in BASE (b) and OTHER (a).
struct AreaCounts {
    std::vector<double> treated_b, buffer_b, rest_b, treated_a, buffer_a, rest_a;
};

// Paired: the bootstrap resamples replicate indices shared by both runs; unpaired: BASE's and
// OTHER's indices independently.
DisplacementQuotient displacement_quotient(const AreaCounts& counts, int treated_cells,
                                           Pairing pairing = Pairing::Paired);

// What the measures cost against what they prevent, over the run's horizon.
struct CostEffect {
    double sek = 0.0;        // Σ OTHER cost_sek − Σ BASE cost_sek
    double prevented = 0.0;  // −(mean change of total true crimes)
    std::optional<double> sek_per_crime_prevented;
    std::optional<Interval> interval;  // from the change's 95% interval
    std::string note;
};

CostEffect cost_effect(double sek, const Estimate& total);
// The same for any count or harm: sek divided by what `change` prevented (−change), with the
// interval from the change's; `what` names it in the note ("true crimes", "harm").
CostEffect cost_effect(double sek, const Estimate& change, const std::string& what);

// Harm and cost over time (experiment/harm_cost.hpp, docs/comparison.md). The estimates are
// in Comparison::outcomes: "harm_true" (undiscounted, in the index's unit), "harm_true_by_type",
// "crimes_true_pv" and "harm_true_pv" (present values at the discount rate).
struct HarmCostComparison {
    std::string index_name, index_unit, index_source;
    std::vector<HarmWeight> weights;  // the run's crime types, in order
    double discount_rate = kDefaultDiscountRate;
    double cost_sek = 0.0;        // Σ OTHER − Σ BASE cost_sek, undiscounted
    double cost_pv_sek = 0.0;     // the same at present value
    bool timing_assumed = false;  // a run file without the measures' days: costs from day 0
    CostEffect per_crime_pv;      // cost_pv_sek / crimes prevented (present value)
    CostEffect per_harm_pv;       // cost_pv_sek / harm prevented (present value)
};

// Hotspots defined once, by BASE (experiment/baseline_hotspots.hpp). The estimates are in
// Comparison::outcomes: "crimes_true_in_baseline_top_cells" and
// "crime_share_in_baseline_top_cells" (always), and with both runs' weekly pictures
// "hotspot_cell_weeks_baseline_rule", "hotspots_persistent", "hotspots_persistent_new",
// "hotspots_persistent_vanished". "hotspot_cell_weeks" stays each run's own test (what EST sees).
struct HotspotComparison {
    int top_cells = 0;             // cells in BASE's top set
    double top_crime_share = 0.0;  // … which holds this share of BASE's crime
    bool weekly = false;           // the baseline-rule outcomes were computed
    std::string note;              // why not, when not
    double persistent_share = 0.0;
};

struct AreaComparison {
    AreaSplit split;
    Estimate treated, buffer, rest;
    DisplacementQuotient wdq;
};

// Whether the young people were compared. Files written before the youth layer (schema 1)
// have no youth tallies; then the youth outcomes are absent and `note` says why.
struct YouthComparison {
    bool compared = false;
    int last_year_weeks = 0;  // weeks averaged for "last year" outcomes: the last min(52, weeks)
    std::string note;
};

// Whether the safety layer's outcomes were compared (schema 3 files on). The risk-area
// outcomes read each district's class in the last quarter (the horizon): per class, the
// share of replicates in it ("risk_class_<class>_at_horizon_by_district", paired 0/1
// differences), and whether it is listed at all; the unsafe share is the mean of the last
// four quarters (fewer in a shorter run).
struct SafetyComparison {
    bool compared = false;
    int last_quarters = 0;
    std::string note;
};

struct Comparison {
    Pairing pairing = Pairing::Paired;
    int replicates = 0;
    int weeks = 0;
    std::vector<Estimate> outcomes;  // every outcome, the youth ones and the three areas among them
    AreaComparison areas;
    CostEffect cost;
    YouthComparison youth;
    SafetyComparison safety;
    HarmCostComparison harm;
    HotspotComparison hotspots;
};

// One side of a comparison; `label` names it in errors ("base.h5", "exp.h5:lighting").
struct ComparedRun {
    std::string label;
    const GridDescription& grid;
    const DistrictTable& districts;
    const RunResults& results;
};

inline constexpr double kDefaultBufferM = 300.0;

struct CompareOptions {
    double buffer_m = kDefaultBufferM;
    Pairing pairing = Pairing::Paired;
    HarmIndex harm = default_harm_index();
    double discount_rate = kDefaultDiscountRate;  // finite, ≥ 0 (InputError otherwise)
};

// Runs that differ in replicates, weeks, districts, crime types, victim groups, substance-use
// levels or grid: an InputError naming both labels and what differs. Areas come from OTHER's
// treated cells. The youth outcomes (docs/comparison.md) need youth tallies in both runs.
Comparison compare_runs(const ComparedRun& base, const ComparedRun& other, double buffer_m = kDefaultBufferM,
                        Pairing pairing = Pairing::Paired);
Comparison compare_runs(const ComparedRun& base, const ComparedRun& other, const CompareOptions& options);

}  // namespace trygg
