#pragma once
// Virtual replications of published evaluations (`trygg validate`; docs/validation.md).
//
// A study file (validation/*.yaml) states a published design the way the study ran it —
// treated and control areas, period, crime types, hours — and the published figure with its
// interval. trygg runs the design in Borlänge (a baseline, and where the study evaluated a
// measure, the same city with the measure, replicate by replicate on common random numbers)
// and each finding of the study computes one statistic from the runs. The finding agrees
// with the study when the model's interval and the published one overlap.
//
// Two kinds of interval, because two kinds of question are asked:
// - an effect (percent change, WDQ) is a mean effect, as a meta-analysis' pooled estimate is:
//   the model's interval is the 95 % interval of its mean paired effect;
// - a pattern of one city (Knox ratios, concentration, timing, yearly counts) is compared
//   with what cities show: the model's interval is the spread of its replicates (2.5 and
//   97.5 percentiles), the range one simulated Borlänge-year falls in.
// Pure statistics on the core's result structs; reading study files and running the
// scenarios are the io and cli layers' job.
#include "core/timeline.hpp"
#include "experiment/compare.hpp"
#include "experiment/knox.hpp"
#include "sim/results.hpp"

#include <optional>
#include <string>
#include <vector>

namespace trygg {

// What a finding computes.
enum class Statistic {
    PercentChange,  // treated run vs baseline, paired: 100 · Σ(treated − base) / Σ base over the selection
    Wdq,            // weighted displacement quotient of the selection (experiment/compare.hpp)
    KnoxRatio,      // baseline: Knox ratio of the selection in one distance and time band
    CellsHolding,   // baseline: % of built study-area cells (residents, or a crime) holding `crime_share` of it
    Share,          // baseline: % of the selection's crimes in its hours/days/light, of all its crimes
    YearlyCount,    // baseline: crimes of the selection per 52 weeks
};

// Where crimes are counted.
enum class AreaChoice {
    StudyArea,  // every district
    Districts,  // the named districts
    Treated,    // cells where the treated run's measures act
    Buffer,     // study cells within buffer_m of a treated cell
    Rest,       // the other study cells
};

enum class LightChoice { Any, Dark, Daylight };

// What is counted: true crimes (what happened), those registered by the police, or offences
// by residents aged 12–20 (the youth layer's tally; by home district, no type, hour or cell).
enum class Counted { Crimes, Reported, YouthOffences };

// Which crimes a statistic counts. Hours and days follow the night, not the calendar: clock
// hours 00–05 belong to the day before, so `days: [fri, sat]` with `hours: [22, 4]` is the
// Friday and Saturday nights.
struct CrimeSelection {
    Counted counted = Counted::Crimes;
    AreaChoice area = AreaChoice::StudyArea;
    std::vector<int> districts;  // only cells of these districts (any area); required by AreaChoice::Districts
    std::vector<int> types;      // crime type indices; empty: every type
    LightChoice light = LightChoice::Any;
    std::vector<int> hours;     // clock hours 0–23; empty: every hour
    std::vector<int> weekdays;  // ISO 1–7 of the night's day; empty: every day
    int first_week = 0;         // weeks before it are a run-in, not counted
};

// A published figure on the finding's scale, with its 95 % interval (or the range across
// the study's cities, for a pattern).
struct PublishedFigure {
    double estimate = 0.0;
    Interval interval;
    std::string source;  // short citation: "Chalfin et al. 2022"
    std::string note;    // how it was read or converted
};

struct FindingSpec {
    std::string name;   // "night", "burglary"
    std::string label;  // one line for the table
    Statistic statistic = Statistic::PercentChange;
    CrimeSelection crimes;
    KnoxBand band;             // KnoxRatio
    double crime_share = 0.5;  // CellsHolding: 0.5 → cells holding half of the crimes
    PublishedFigure published;
    double tolerance = 0.0;  // the model's interval is widened by this much on each side
    // Whether the model is expected to agree; when not, `gap` names the missing mechanism.
    bool expect_overlap = true;
    std::string gap;
};

struct FindingResult {
    std::string name;
    double model = 0.0;
    std::optional<Interval> model_interval;  // none when undefined (no crimes, one replicate)
    bool overlaps = false;
    bool as_expected = false;         // overlaps == spec.expect_overlap
    std::vector<double> base_values;  // per replicate: the statistic's input from the baseline
    std::vector<double> treated_values;
    std::string note;  // why the statistic is undefined, if it is
};

// One run as validation reads it: the results with their event log, and the calendar.
struct ValidationRun {
    const RunResults& results;
    const GridDescription& grid;
    const Timeline& timeline;
    int first_replicate = 0;  // replicate numbers in the event log count from it
};

// Whether a statistic compares two runs (a treated one and the baseline).
bool needs_treated_run(Statistic s);

// The selection's count per replicate. Treated, buffer and rest areas come from `split`
// (required for those areas). LogicError when the run has no event log and the selection
// needs one (anything but youth offences).
std::vector<double> selection_counts(const CrimeSelection& selection, const ValidationRun& run, const AreaSplit* split);

// Percentile p ∈ [0, 1] of values by linear interpolation between order statistics (type 7
// of Hyndman & Fan 1996, R's default).
double percentile(std::vector<double> values, double p);

// Evaluates one finding. `treated` is null for baseline-only statistics; `buffer_m` sets the
// buffer around the treated run's measures.
FindingResult evaluate_finding(const FindingSpec& spec, const ValidationRun& base, const ValidationRun* treated,
                               double buffer_m);

}  // namespace trygg
