#include "experiment/validation.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "model/hotspots.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace trygg {
namespace {

void require(bool ok, const char* what) {
    if (!ok) throw LogicError(std::string("validation: ") + what);
}

// Hours before this clock hour belong to the night of the day before.
constexpr int kNightEndsAt = 6;

bool contains(const std::vector<int>& set, int v) {
    return set.empty() || std::find(set.begin(), set.end(), v) != set.end();
}

// ISO weekday of the night an hour belongs to.
int night_weekday(const Timeline& timeline, int hour) {
    const int clock = Timeline::local_hour(hour);
    const int day = hour / kHoursPerDay;
    const int weekday = timeline.days[static_cast<std::size_t>(day)].weekday;
    if (clock >= kNightEndsAt) return weekday;
    return weekday == 1 ? 7 : weekday - 1;  // the first day's small hours too
}

bool in_hours_and_light(const CrimeSelection& s, const Timeline& timeline, int hour) {
    if (!contains(s.hours, Timeline::local_hour(hour))) return false;
    if (!s.weekdays.empty() && !contains(s.weekdays, night_weekday(timeline, hour))) return false;
    if (s.light == LightChoice::Any) return true;
    // An hour that is dark for at least half its minutes counts as dark.
    const bool dark = timeline.darkness[static_cast<std::size_t>(hour)] >= 0.5f;
    return dark == (s.light == LightChoice::Dark);
}

bool in_area(const CrimeSelection& s, const GridDescription& grid, const AreaSplit* split, int cell) {
    const auto c = static_cast<std::size_t>(cell);
    const int district = grid.district[c];
    if (district < 0) return false;
    if (!s.districts.empty() && !contains(s.districts, district)) return false;
    switch (s.area) {
        case AreaChoice::StudyArea:
            return true;
        case AreaChoice::Districts:
            return contains(s.districts, district);
        case AreaChoice::Treated:
            return split->cells[c] == Area::Treated;
        case AreaChoice::Buffer:
            return split->cells[c] == Area::Buffer;
        case AreaChoice::Rest:
            return split->cells[c] == Area::Rest;
    }
    return false;
}

bool uses_split(AreaChoice a) {
    return a == AreaChoice::Treated || a == AreaChoice::Buffer || a == AreaChoice::Rest;
}

std::vector<double> youth_offence_counts(const CrimeSelection& s, const RunResults& r) {
    require(s.area == AreaChoice::StudyArea || s.area == AreaChoice::Districts,
            "youth offences are counted by home district");
    const auto& off = r.youth.offences;  // [replicate][week][district]
    std::vector<double> counts(static_cast<std::size_t>(r.replicates), 0.0);
    if (off.empty()) return counts;
    for (int rep = 0; rep < r.replicates; ++rep) {
        for (int w = s.first_week; w < r.weeks; ++w) {
            for (int d = 0; d < r.districts; ++d) {
                if (s.area == AreaChoice::Districts && !contains(s.districts, d)) continue;
                const auto i =
                    (static_cast<std::size_t>(rep) * static_cast<std::size_t>(r.weeks) + static_cast<std::size_t>(w)) *
                        static_cast<std::size_t>(r.districts) +
                    static_cast<std::size_t>(d);
                counts[static_cast<std::size_t>(rep)] += off[i];
            }
        }
    }
    return counts;
}

// Calls f(replicate, event index) for each event of the selection.
template <class F>
void for_each_selected(const CrimeSelection& s, const ValidationRun& run, const AreaSplit* split, F&& f) {
    const RunResults& r = run.results;
    require(r.has_events, "validation needs the runs' event logs");
    require(!uses_split(s.area) || split != nullptr, "treated, buffer and rest need a treated run");
    const auto& e = r.events;
    const int first_hour = s.first_week * kHoursPerWeek;
    for (std::size_t i = 0; i < e.size(); ++i) {
        if (e.hour[i] < first_hour) continue;
        if (!contains(s.types, e.crime_type[i])) continue;
        if (s.counted == Counted::Reported && (e.reported_by[i] & 1) == 0) continue;
        if (!in_area(s, run.grid, split, e.cell[i])) continue;
        if (!in_hours_and_light(s, run.timeline, e.hour[i])) continue;
        f(e.replicate[i], i);
    }
}

Interval replicate_range(const std::vector<double>& v) {
    return {percentile(v, 0.025), percentile(v, 0.975)};
}

double mean_of(const std::vector<double>& v) {
    return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

std::vector<double> knox_ratios(const FindingSpec& spec, const ValidationRun& run) {
    const RunResults& r = run.results;
    const GridDescription& g = run.grid;
    std::vector<std::vector<KnoxEvent>> by_rep(static_cast<std::size_t>(r.replicates));
    const int first = run.first_replicate;
    for_each_selected(spec.crimes, run, nullptr, [&](int rep, std::size_t i) {
        const int cell = r.events.cell[i];
        const double x = g.x0 + g.cell_size * (cell % g.nx);
        const double y = g.y0 + g.cell_size * (cell / g.nx);
        by_rep[static_cast<std::size_t>(rep - first)].push_back({x, y, r.events.hour[i] / double(kHoursPerDay)});
    });
    std::vector<double> ratios;
    for (const auto& events : by_rep) ratios.push_back(knox_counts(events, spec.band).ratio());
    return ratios;
}

std::vector<double> cells_holding(const FindingSpec& spec, const ValidationRun& run) {
    const RunResults& r = run.results;
    const std::size_t cells = run.grid.district.size();
    std::vector<std::uint8_t> mask(cells, 0);
    for (std::size_t c = 0; c < cells; ++c) mask[c] = run.grid.district[c] >= 0;
    std::vector<std::vector<double>> counts(static_cast<std::size_t>(r.replicates), std::vector<double>(cells, 0.0));
    const int first = run.first_replicate;
    for_each_selected(spec.crimes, run, nullptr, [&](int rep, std::size_t i) {
        counts[static_cast<std::size_t>(rep - first)][static_cast<std::size_t>(r.events.cell[i])] += 1.0;
    });
    // Weisburd's denominator is every street segment: the built city, not fields and forest.
    // Here: the study-area cells where someone lives or where a crime happened in the replicate.
    std::vector<double> shares;
    for (const auto& c : counts) {
        std::vector<std::uint8_t> built(cells, 0);
        for (std::size_t k = 0; k < cells; ++k) {
            built[k] = mask[k] && (run.grid.population[k] > 0 || c[k] > 0.0);
        }
        shares.push_back(100.0 * share_of_cells_holding(c, built, spec.crime_share));
    }
    return shares;
}

}  // namespace

bool needs_treated_run(Statistic s) {
    return s == Statistic::PercentChange || s == Statistic::Wdq;
}

double percentile(std::vector<double> values, double p) {
    require(!values.empty(), "percentile of no values");
    std::sort(values.begin(), values.end());
    const double pos = p * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (pos - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

std::vector<double> selection_counts(const CrimeSelection& selection, const ValidationRun& run,
                                     const AreaSplit* split) {
    const RunResults& r = run.results;
    if (selection.counted == Counted::YouthOffences) return youth_offence_counts(selection, r);
    std::vector<double> counts(static_cast<std::size_t>(r.replicates), 0.0);
    const int first = run.first_replicate;
    for_each_selected(selection, run, split,
                      [&](int rep, std::size_t) { counts[static_cast<std::size_t>(rep - first)] += 1.0; });
    return counts;
}

FindingResult evaluate_finding(const FindingSpec& spec, const ValidationRun& base, const ValidationRun* treated,
                               double buffer_m) {
    FindingResult out;
    out.name = spec.name;
    require(!needs_treated_run(spec.statistic) || treated != nullptr, "an effect needs a treated run");
    std::optional<AreaSplit> split;
    if (treated) split = split_areas(treated->grid, treated->results.treated, buffer_m);
    const AreaSplit* s = split ? &*split : nullptr;

    switch (spec.statistic) {
        case Statistic::PercentChange: {
            out.base_values = selection_counts(spec.crimes, base, s);
            out.treated_values = selection_counts(spec.crimes, *treated, s);
            const Estimate e = paired_estimate(spec.name, "", out.base_values, out.treated_values);
            if (e.percent) out.model = *e.percent;
            out.model_interval = e.percent_interval;
            if (!e.percent) out.note = "no crimes of the selection in the baseline";
            break;
        }
        case Statistic::Wdq: {
            AreaCounts counts;
            CrimeSelection sel = spec.crimes;
            const auto count = [&](AreaChoice a, const ValidationRun& run) {
                sel.area = a;
                return selection_counts(sel, run, s);
            };
            counts.treated_b = count(AreaChoice::Treated, base);
            counts.buffer_b = count(AreaChoice::Buffer, base);
            counts.rest_b = count(AreaChoice::Rest, base);
            counts.treated_a = count(AreaChoice::Treated, *treated);
            counts.buffer_a = count(AreaChoice::Buffer, *treated);
            counts.rest_a = count(AreaChoice::Rest, *treated);
            const DisplacementQuotient q = displacement_quotient(counts, s->treated);
            out.base_values = counts.buffer_b;
            out.treated_values = counts.buffer_a;
            if (q.value) out.model = *q.value;
            out.model_interval = q.interval;
            if (!q.value) out.note = q.meaning;
            break;
        }
        case Statistic::KnoxRatio:
            out.base_values = knox_ratios(spec, base);
            break;
        case Statistic::CellsHolding:
            out.base_values = cells_holding(spec, base);
            break;
        case Statistic::Share: {
            CrimeSelection all = spec.crimes;
            all.hours.clear();
            all.weekdays.clear();
            all.light = LightChoice::Any;
            const auto part = selection_counts(spec.crimes, base, s);
            const auto whole = selection_counts(all, base, s);
            for (std::size_t r = 0; r < part.size(); ++r) {
                out.base_values.push_back(whole[r] > 0.0 ? 100.0 * part[r] / whole[r] : 0.0);
            }
            break;
        }
        case Statistic::YearlyCount: {
            const int weeks = base.results.weeks - spec.crimes.first_week;
            require(weeks > 0, "the run-in covers the whole run");
            for (const double c : selection_counts(spec.crimes, base, s)) {
                out.base_values.push_back(c * kWeeksPerYear / static_cast<double>(weeks));
            }
            break;
        }
    }
    if (!needs_treated_run(spec.statistic) && !out.base_values.empty()) {
        out.model = mean_of(out.base_values);
        out.model_interval = replicate_range(out.base_values);
    }
    if (out.model_interval) {
        const double lo = out.model_interval->low - spec.tolerance;
        const double hi = out.model_interval->high + spec.tolerance;
        out.overlaps = lo <= spec.published.interval.high && spec.published.interval.low <= hi;
    }
    out.as_expected = out.overlaps == spec.expect_overlap;
    return out;
}

}  // namespace trygg
