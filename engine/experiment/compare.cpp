#include "experiment/compare.hpp"

#include "core/clock.hpp"

#include "core/error.hpp"
#include "experiment/baseline_hotspots.hpp"
#include "experiment/resampling.hpp"
#include "model/risk_area.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <random>
#include <utility>

namespace trygg {

namespace {

using Values = std::vector<double>;  // one value per replicate

double mean_of(std::span<const double> v) {
    double sum = 0.0;
    for (const double x : v) sum += x;
    return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
}

// ---- comparability ----

[[noreturn]] void not_comparable(const ComparedRun& b, const ComparedRun& o, const std::string& what) {
    throw InputError("cannot compare " + b.label + " with " + o.label + ": " + what);
}

template <class T>
void require_same(const ComparedRun& b, const ComparedRun& o, const char* what, const T& vb, const T& vo) {
    if (vb != vo) {
        not_comparable(b, o,
                       std::string(what) + " differ (" + std::to_string(vb) + " in " + b.label + ", " +
                           std::to_string(vo) + " in " + o.label + ")");
    }
}

void require_same_names(const ComparedRun& b, const ComparedRun& o, const char* what,
                        const std::vector<std::string>& nb, const std::vector<std::string>& no) {
    require_same(b, o, what, nb.size(), no.size());
    for (std::size_t i = 0; i < nb.size(); ++i) {
        if (nb[i] != no[i]) {
            not_comparable(b, o,
                           std::string(what) + " differ ('" + nb[i] + "' in " + b.label + ", '" + no[i] + "' in " +
                               o.label + " at index " + std::to_string(i) + ")");
        }
    }
}

void require_comparable(const ComparedRun& b, const ComparedRun& o) {
    const RunResults& rb = b.results;
    const RunResults& ro = o.results;
    require_same(b, o, "replicates", rb.replicates, ro.replicates);
    require_same(b, o, "weeks", rb.weeks, ro.weeks);
    require_same(b, o, "districts", rb.districts, ro.districts);
    require_same_names(b, o, "district names", b.districts.names, o.districts.names);
    require_same(b, o, "crime types", rb.crime_types, ro.crime_types);
    require_same_names(b, o, "crime type names", rb.crime_type_names, ro.crime_type_names);
    require_same_names(b, o, "victim groups", rb.victim_group_names, ro.victim_group_names);
    if (b.grid.ny != o.grid.ny || b.grid.nx != o.grid.nx) {
        not_comparable(b, o,
                       "grids differ (" + std::to_string(b.grid.ny) + " × " + std::to_string(b.grid.nx) + " cells in " +
                           b.label + ", " + std::to_string(o.grid.ny) + " × " + std::to_string(o.grid.nx) + " in " +
                           o.label + ")");
    }
    if (b.grid.cell_size != o.grid.cell_size || b.grid.x0 != o.grid.x0 || b.grid.y0 != o.grid.y0) {
        not_comparable(b, o, "grids differ in cell size or origin");
    }
    if (b.grid.district != o.grid.district) not_comparable(b, o, "grids differ in the districts of their cells");
}

// Arrays that do not match their stated dimensions are a bug upstream (the file reader
// checks shapes), not bad input.
void require_sizes(const ComparedRun& run) {
    const RunResults& r = run.results;
    const auto R = static_cast<std::size_t>(r.replicates);
    const auto cells = static_cast<std::size_t>(r.ny) * static_cast<std::size_t>(r.nx);
    const auto weekly = R * static_cast<std::size_t>(r.weeks) * static_cast<std::size_t>(r.districts) *
                        static_cast<std::size_t>(r.crime_types);
    const bool ok = r.crimes_true.size() == weekly && r.crimes_reported.size() == weekly &&
                    r.crimes_est.size() == weekly &&
                    r.crimes_cells.size() == R * static_cast<std::size_t>(r.crime_types) * cells &&
                    r.victims.size() == R * r.victim_group_names.size() * static_cast<std::size_t>(r.districts) &&
                    r.crimes_by_hour.size() == R * 24 * static_cast<std::size_t>(r.crime_types) &&
                    r.youth_public_hours.size() == R * kHoursPerWeek &&
                    r.weekly_hotspots_true.size() == R * static_cast<std::size_t>(r.weeks) &&
                    r.treated.size() == cells && run.grid.district.size() == cells && run.grid.ny == r.ny &&
                    run.grid.nx == r.nx && r.interventions.cost_sek.size() == r.interventions.size() &&
                    run.districts.names.size() == static_cast<std::size_t>(r.districts);
    if (!ok) throw LogicError("compare_runs: the arrays of " + run.label + " do not match their dimensions");
    const auto& y = r.youth;
    if (y.members.empty()) return;  // no youth tallies (a file from before the youth layer)
    const auto tally = R * static_cast<std::size_t>(r.weeks) * static_cast<std::size_t>(r.districts);
    const bool youth_ok = y.members.size() == tally && y.recruits.size() == tally && y.offences.size() == tally &&
                          y.propensity_mean.size() == tally &&
                          y.substance_use.size() == tally * y.substance_levels.size() &&
                          run.districts.population.size() == static_cast<std::size_t>(r.districts);
    if (!youth_ok)
        throw LogicError("compare_runs: the youth tallies of " + run.label + " do not match their dimensions");
}

bool has_youth(const RunResults& r) {
    return !r.youth.members.empty();
}

// ---- per-replicate outcomes ----

// Sum over weeks of a [replicate][week][district][type] array, for the districts and types
// `take` accepts.
Values weekly_sum(const RunResults& r, const std::vector<std::int32_t>& counts,
                  const std::function<bool(int district, int type)>& take) {
    Values v(static_cast<std::size_t>(r.replicates), 0.0);
    std::size_t i = 0;
    for (int rep = 0; rep < r.replicates; ++rep) {
        for (int w = 0; w < r.weeks; ++w) {
            for (int d = 0; d < r.districts; ++d) {
                for (int t = 0; t < r.crime_types; ++t, ++i) {
                    if (take(d, t)) v[static_cast<std::size_t>(rep)] += counts[i];
                }
            }
        }
    }
    return v;
}

Values victims_of(const RunResults& r, int group) {
    const auto groups = r.victim_group_names.size();
    const auto D = static_cast<std::size_t>(r.districts);
    Values v(static_cast<std::size_t>(r.replicates), 0.0);
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        const std::size_t at = (rep * groups + static_cast<std::size_t>(group)) * D;
        for (std::size_t d = 0; d < D; ++d) v[rep] += r.victims[at + d];
    }
    return v;
}

Values crimes_in_hours(const RunResults& r, int from_hour, int to_hour) {
    const auto T = static_cast<std::size_t>(r.crime_types);
    Values v(static_cast<std::size_t>(r.replicates), 0.0);
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        for (int h = from_hour; h < to_hour; ++h) {
            const std::size_t at = (rep * 24 + static_cast<std::size_t>(h)) * T;
            for (std::size_t t = 0; t < T; ++t) v[rep] += r.crimes_by_hour[at + t];
        }
    }
    return v;
}

Values hotspot_cell_weeks(const RunResults& r) {
    const auto W = static_cast<std::size_t>(r.weeks);
    Values v(static_cast<std::size_t>(r.replicates), 0.0);
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        for (std::size_t w = 0; w < W; ++w) v[rep] += r.weekly_hotspots_true[rep * W + w];
    }
    return v;
}

// Youth person-hours in public space in the hours of the week `take` accepts (0 = Monday 00:00).
Values youth_hours(const RunResults& r, const std::function<bool(int hour_of_week)>& take) {
    Values v(static_cast<std::size_t>(r.replicates), 0.0);
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        for (int h = 0; h < kHoursPerWeek; ++h) {
            if (take(h))
                v[rep] += static_cast<double>(r.youth_public_hours[rep * kHoursPerWeek + static_cast<std::size_t>(h)]);
        }
    }
    return v;
}

// ---- young people ----

// Σ over weeks [from, to) of a [replicate][week][district][stride] youth tally at `offset`, for
// one district or (district < 0) all of them, divided by `per` (weeks, for a weekly mean).
template <class T>
Values youth_sum(const RunResults& r, const std::vector<T>& tally, int from, int to, int district, double per = 1.0,
                 std::size_t stride = 1, std::size_t offset = 0) {
    const auto W = static_cast<std::size_t>(r.weeks);
    const auto D = static_cast<std::size_t>(r.districts);
    Values v(static_cast<std::size_t>(r.replicates), 0.0);
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        for (auto w = static_cast<std::size_t>(from); w < static_cast<std::size_t>(to); ++w) {
            for (std::size_t d = 0; d < D; ++d) {
                if (district >= 0 && d != static_cast<std::size_t>(district)) continue;
                v[rep] += static_cast<double>(tally[((rep * W + w) * D + d) * stride + offset]);
            }
        }
        v[rep] /= per;
    }
    return v;
}

// The city's mean youth propensity in the last week: the districts' means weighted by their
// residents in the input data. The file holds no count of 12–20-year-olds per district, and the
// synthetic population gives every district the municipality's age structure, so residents
// stand in for them.
Values propensity_at_horizon(const RunResults& r, const DistrictTable& districts) {
    const auto W = static_cast<std::size_t>(r.weeks);
    const auto D = static_cast<std::size_t>(r.districts);
    double residents = 0.0;
    for (const std::int32_t p : districts.population) residents += p;
    Values v(static_cast<std::size_t>(r.replicates), 0.0);
    if (residents <= 0.0) return v;
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        for (std::size_t d = 0; d < D; ++d) {
            v[rep] += districts.population[d] * static_cast<double>(r.youth.propensity_mean[(rep * W + W - 1) * D + d]);
        }
        v[rep] /= residents;
    }
    return v;
}

// True crimes over the horizon in the cells of `area`, summed over types.
Values crimes_in_area(const RunResults& r, const AreaSplit& split, Area area) {
    const std::size_t cells = split.cells.size();
    Values v(static_cast<std::size_t>(r.replicates), 0.0);
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        for (std::size_t t = 0; t < static_cast<std::size_t>(r.crime_types); ++t) {
            const std::size_t at = (rep * static_cast<std::size_t>(r.crime_types) + t) * cells;
            for (std::size_t c = 0; c < cells; ++c) {
                if (split.cells[c] == area) v[rep] += r.crimes_cells[at + c];
            }
        }
    }
    return v;
}

// ---- the displacement quotient ----

struct AreaMeans {
    double treated_b = 0, buffer_b = 0, rest_b = 0, treated_a = 0, buffer_a = 0, rest_a = 0;
};

// The success measure (denominator); none when the control has no crime.
std::optional<double> success_of(const AreaMeans& m) {
    if (m.rest_b <= 0.0 || m.rest_a <= 0.0) return std::nullopt;
    return m.treated_a / m.rest_a - m.treated_b / m.rest_b;
}

std::optional<double> quotient_of(const AreaMeans& m) {
    const auto success = success_of(m);
    if (!success || *success == 0.0) return std::nullopt;
    return (m.buffer_a / m.rest_a - m.buffer_b / m.rest_b) / *success;
}

std::optional<Interval> bootstrap_interval(const AreaCounts& c, Pairing pairing) {
    const std::size_t n = c.treated_b.size();
    if (n < 2) return std::nullopt;
    std::mt19937_64 generator(kBootstrapSeed);
    std::vector<double> kept;
    kept.reserve(kBootstrapResamples);
    for (int k = 0; k < kBootstrapResamples; ++k) {
        AreaMeans m;
        for (std::size_t j = 0; j < n; ++j) {
            // Paired: one index for both runs, the pairing is what the resample keeps.
            // Unpaired: each run resampled on its own.
            const std::size_t i = draw_index(generator, n);
            const std::size_t ia = pairing == Pairing::Paired ? i : draw_index(generator, n);
            m.treated_b += c.treated_b[i];
            m.buffer_b += c.buffer_b[i];
            m.rest_b += c.rest_b[i];
            m.treated_a += c.treated_a[ia];
            m.buffer_a += c.buffer_a[ia];
            m.rest_a += c.rest_a[ia];
        }
        // Sums instead of means: every ratio in the quotient is scale-free.
        if (const auto q = quotient_of(m)) kept.push_back(*q);
    }
    if (kept.empty()) return std::nullopt;
    std::sort(kept.begin(), kept.end());
    return Interval{quantile(kept, 0.025), quantile(kept, 0.975)};
}

std::string wdq_meaning(double wdq, const std::optional<Interval>& interval) {
    std::string s = "crime fell in the treated area relative to the rest; ";
    if (wdq > 1.0)
        s += "diffusion of benefit: crime in the buffer fell too, relative to the rest, by more than in the treated "
             "area";
    else if (wdq > 0.0)
        s += "diffusion of benefit: crime in the buffer fell too, relative to the rest";
    else if (wdq == 0.0)
        s += "no change in the buffer relative to the rest: neither displacement nor diffusion";
    else if (wdq >= -1.0)
        s += "displacement: crime in the buffer rose relative to the rest, by less than it fell in the treated area";
    else
        s += "displacement: crime in the buffer rose relative to the rest, by more than it fell in the treated area "
             "(a net increase)";
    if (interval && interval->low <= 0.0 && interval->high >= 0.0) {
        s += "; the 95% interval includes 0, so the buffer effect is not distinguishable from none";
    }
    return s;
}

// ---- outcomes in order ----

struct HourBand {
    const char* key;
    int from, to;
};
constexpr std::array kHourBands{HourBand{"00-06", 0, 6}, HourBand{"06-12", 6, 12}, HourBand{"12-18", 12, 18},
                                HourBand{"18-24", 18, 24}};

bool friday_or_saturday_evening(int hour_of_week) {
    const int day = hour_of_week / 24;  // 0 = Monday
    return (day == 4 || day == 5) && hour_of_week % 24 >= 18;
}

// The young people's outcomes, overall ("total") and by home district (docs/comparison.md).
void compare_youth(const ComparedRun& base, const ComparedRun& other, Comparison& cmp) {
    // Paired or not, as the rest of the comparison.
    auto estimate = [&](const std::string& outcome, const std::string& key, const Values& vb, const Values& vo) {
        return cmp.pairing == Pairing::Paired ? paired_estimate(outcome, key, vb, vo)
                                              : unpaired_estimate(outcome, key, vb, vo);
    };
    const RunResults& b = base.results;
    const RunResults& o = other.results;
    YouthComparison& youth = cmp.youth;
    for (const ComparedRun* run : {&base, &other}) {
        if (!has_youth(run->results)) {
            youth.note = run->label + " has no youth tallies (a file written before the youth layer)";
            return;
        }
    }
    require_same_names(base, other, "substance-use levels", b.youth.substance_levels, o.youth.substance_levels);
    youth.compared = true;
    const int W = b.weeks;
    const int L = std::min(W, kWeeksPerYear);
    youth.last_year_weeks = L;
    youth.note = "members and substance use over the last " + std::to_string(L) +
                 " weeks are weekly means; substance use counts residents 13-24";
    // Each outcome once for the city ("total") and once per district ("<outcome>_by_district").
    auto add = [&](const std::string& outcome, const auto& of) {
        cmp.outcomes.push_back(estimate(outcome, "total", of(b, -1), of(o, -1)));
        for (int d = 0; d < b.districts; ++d) {
            cmp.outcomes.push_back(estimate(outcome + "_by_district", base.districts.names[static_cast<std::size_t>(d)],
                                            of(b, d), of(o, d)));
        }
    };
    add("youth_recruits", [&](const RunResults& r, int d) { return youth_sum(r, r.youth.recruits, 0, W, d); });
    add("youth_members_at_horizon",
        [&](const RunResults& r, int d) { return youth_sum(r, r.youth.members, W - 1, W, d); });
    add("youth_members_last_year",
        [&](const RunResults& r, int d) { return youth_sum(r, r.youth.members, W - L, W, d, L); });
    add("youth_offences", [&](const RunResults& r, int d) { return youth_sum(r, r.youth.offences, 0, W, d); });
    const std::size_t levels = b.youth.substance_levels.size();
    for (std::size_t k = 0; k < levels; ++k) {
        add("youth_substance_use_" + b.youth.substance_levels[k],
            [&](const RunResults& r, int d) { return youth_sum(r, r.youth.substance_use, W - L, W, d, L, levels, k); });
    }
    cmp.outcomes.push_back(estimate("youth_propensity_mean", "total", propensity_at_horizon(b, base.districts),
                                    propensity_at_horizon(o, other.districts)));
    for (int d = 0; d < b.districts; ++d) {
        cmp.outcomes.push_back(estimate(
            "youth_propensity_mean_by_district", base.districts.names[static_cast<std::size_t>(d)],
            youth_sum(b, b.youth.propensity_mean, W - 1, W, d), youth_sum(o, o.youth.propensity_mean, W - 1, W, d)));
    }
}

// The safety layer's outcomes, by district and for the city (docs/comparison.md).
void compare_safety(const ComparedRun& base, const ComparedRun& other, Comparison& cmp) {
    auto estimate = [&](const std::string& outcome, const std::string& key, const Values& vb, const Values& vo) {
        return cmp.pairing == Pairing::Paired ? paired_estimate(outcome, key, vb, vo)
                                              : unpaired_estimate(outcome, key, vb, vo);
    };
    SafetyComparison& safety = cmp.safety;
    for (const ComparedRun* run : {&base, &other}) {
        if (run->results.safety.risk_class.empty()) {
            safety.note = run->label + " has no safety tallies (a file written before the safety layer)";
            return;
        }
    }
    const RunResults& b = base.results;
    require_same_names(base, other, "incident types", b.incident_type_names, other.results.incident_type_names);
    const int Q = b.safety.quarters;
    const int last = std::min(Q, 4);
    safety.compared = true;
    safety.last_quarters = last;
    safety.note =
        "risk-area class at the last quarter (an indicator inspired by the police's criteria, not their "
        "decision); unsafe share: mean of the last " +
        std::to_string(last) + " quarters";
    const auto D = static_cast<std::size_t>(b.districts);
    auto at_horizon = [&](const RunResults& r, int d, const auto& value) {
        Values v(static_cast<std::size_t>(r.replicates));
        for (int rep = 0; rep < r.replicates; ++rep) {
            const std::size_t k =
                (static_cast<std::size_t>(rep) * static_cast<std::size_t>(Q) + static_cast<std::size_t>(Q - 1)) * D +
                static_cast<std::size_t>(d);
            v[static_cast<std::size_t>(rep)] = value(r, k);
        }
        return v;
    };
    // Residents' shares: the last quarters' mean; the city's weighted by the districts' residents.
    auto unsafe = [&](const RunResults& r, const DistrictTable& table, int d) {
        Values v(static_cast<std::size_t>(r.replicates), 0.0);
        double total = 0.0;
        for (int dd = 0; dd < r.districts; ++dd)
            if (d < 0 || dd == d) total += table.population[static_cast<std::size_t>(dd)];
        for (int rep = 0; rep < r.replicates; ++rep) {
            for (int q = Q - last; q < Q; ++q) {
                for (int dd = 0; dd < r.districts; ++dd) {
                    if (d >= 0 && dd != d) continue;
                    const std::size_t k =
                        (static_cast<std::size_t>(rep) * static_cast<std::size_t>(Q) + static_cast<std::size_t>(q)) *
                            D +
                        static_cast<std::size_t>(dd);
                    v[static_cast<std::size_t>(rep)] +=
                        static_cast<double>(r.safety.unsafe_share[k]) *
                        static_cast<double>(table.population[static_cast<std::size_t>(dd)]) / (total * last);
                }
            }
        }
        return v;
    };
    for (int d = 0; d < b.districts; ++d) {
        const std::string& name = base.districts.names[static_cast<std::size_t>(d)];
        for (int c = 0; c < kRiskClasses; ++c) {
            auto in_class = [c](const RunResults& r, std::size_t k) { return r.safety.risk_class[k] == c ? 1.0 : 0.0; };
            cmp.outcomes.push_back(estimate(
                "risk_class_" + std::string(kRiskClassNames[static_cast<std::size_t>(c)]) + "_at_horizon_by_district",
                name, at_horizon(b, d, in_class), at_horizon(other.results, d, in_class)));
        }
        // The trend of the last four quarters (one value per replicate and district).
        static constexpr std::array<const char*, 3> kTrends = {"improving", "unchanged", "worsening"};
        for (int t = -1; t <= 1; ++t) {
            auto trend = [&](const RunResults& r) {
                Values v(static_cast<std::size_t>(r.replicates));
                for (int rep = 0; rep < r.replicates; ++rep) {
                    const auto k = static_cast<std::size_t>(rep) * D + static_cast<std::size_t>(d);
                    v[static_cast<std::size_t>(rep)] = r.safety.risk_trend[k] == t ? 1.0 : 0.0;
                }
                return v;
            };
            cmp.outcomes.push_back(
                estimate("risk_trend_" + std::string(kTrends[static_cast<std::size_t>(t + 1)]) + "_by_district", name,
                         trend(b), trend(other.results)));
        }
        auto listed = [](const RunResults& r, std::size_t k) { return r.safety.risk_class[k] > 0 ? 1.0 : 0.0; };
        cmp.outcomes.push_back(estimate("risk_listed_at_horizon_by_district", name, at_horizon(b, d, listed),
                                        at_horizon(other.results, d, listed)));
        auto score = [](const RunResults& r, std::size_t k) { return static_cast<double>(r.safety.risk_score[k]); };
        cmp.outcomes.push_back(estimate("risk_score_at_horizon_by_district", name, at_horizon(b, d, score),
                                        at_horizon(other.results, d, score)));
        auto efficacy = [](const RunResults& r, std::size_t k) {
            return static_cast<double>(r.safety.collective_efficacy[k]);
        };
        cmp.outcomes.push_back(estimate("collective_efficacy_at_horizon_by_district", name, at_horizon(b, d, efficacy),
                                        at_horizon(other.results, d, efficacy)));
        cmp.outcomes.push_back(estimate("unsafe_share_by_district", name, unsafe(b, base.districts, d),
                                        unsafe(other.results, other.districts, d)));
    }
    cmp.outcomes.push_back(
        estimate("unsafe_share", "total", unsafe(b, base.districts, -1), unsafe(other.results, other.districts, -1)));
    // Disorder and fires over the horizon, all and known to the EST picture.
    const std::size_t types = b.incident_type_names.size();
    auto incidents = [&](const RunResults& r, const std::vector<std::int32_t>& counts, int type) {
        Values v(static_cast<std::size_t>(r.replicates), 0.0);
        const std::size_t per_replicate = counts.size() / static_cast<std::size_t>(r.replicates);
        for (std::size_t k = 0; k < counts.size(); ++k) {
            if (type >= 0 && k % types != static_cast<std::size_t>(type)) continue;
            v[k / per_replicate] += counts[k];
        }
        return v;
    };
    const RunResults& o = other.results;
    cmp.outcomes.push_back(
        estimate("incidents_true", "total", incidents(b, b.incidents_true, -1), incidents(o, o.incidents_true, -1)));
    for (std::size_t t = 0; t < types; ++t) {
        cmp.outcomes.push_back(estimate("incidents_true_by_type", b.incident_type_names[t],
                                        incidents(b, b.incidents_true, static_cast<int>(t)),
                                        incidents(o, o.incidents_true, static_cast<int>(t))));
    }
    cmp.outcomes.push_back(
        estimate("incidents_est", "total", incidents(b, b.incidents_est, -1), incidents(o, o.incidents_est, -1)));
}

// Harm, present values and the cost per crime and per unit of harm prevented.
void compare_harm(const ComparedRun& base, const ComparedRun& other, const CompareOptions& options, Comparison& cmp);

// The outcomes of hotspots defined by BASE.
void compare_hotspots(const ComparedRun& base, const ComparedRun& other, Comparison& cmp);

}  // namespace

double t_quantile_975(int df) {
    static constexpr std::array<double, 30> table{12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060,
                                                  2.2622,  2.2281, 2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199,
                                                  2.1098,  2.1009, 2.0930, 2.0860, 2.0796, 2.0739, 2.0687, 2.0639,
                                                  2.0595,  2.0555, 2.0518, 2.0484, 2.0452, 2.0423};
    if (df < 1) throw LogicError("t_quantile_975: degrees of freedom " + std::to_string(df) + " < 1");
    return df <= 30 ? table[static_cast<std::size_t>(df - 1)] : 1.96;
}

namespace {

// The change and its interval as a percentage of the base mean (none when that is 0).
void add_percent(Estimate& e) {
    if (e.base_mean == 0.0) return;
    const double scale = 100.0 / e.base_mean;
    e.percent = e.change * scale;
    if (e.change_interval) {
        const double a = e.change_interval->low * scale;
        const double b = e.change_interval->high * scale;
        e.percent_interval = Interval{std::min(a, b), std::max(a, b)};
    }
}

}  // namespace

Estimate paired_estimate(std::string outcome, std::string key, std::span<const double> base,
                         std::span<const double> other) {
    if (base.size() != other.size()) throw LogicError("paired_estimate: " + outcome + " has unpaired replicates");
    Estimate e;
    e.outcome = std::move(outcome);
    e.key = std::move(key);
    e.replicates = static_cast<int>(base.size());
    if (base.empty()) return e;
    Values change(base.size());
    for (std::size_t i = 0; i < base.size(); ++i) change[i] = other[i] - base[i];
    e.base_mean = mean_of(base);
    e.other_mean = mean_of(other);
    e.change = mean_of(change);
    const auto n = static_cast<double>(base.size());
    if (base.size() >= 2) {
        double squares = 0.0;
        for (const double d : change) squares += (d - e.change) * (d - e.change);
        const double half = t_quantile_975(e.replicates - 1) * std::sqrt(squares / (n - 1.0)) / std::sqrt(n);
        e.change_interval = Interval{e.change - half, e.change + half};
    }
    add_percent(e);
    return e;
}

Estimate unpaired_estimate(std::string outcome, std::string key, std::span<const double> base,
                           std::span<const double> other) {
    Estimate e;
    e.outcome = std::move(outcome);
    e.key = std::move(key);
    e.pairing = Pairing::Unpaired;
    e.replicates = static_cast<int>(std::min(base.size(), other.size()));
    if (base.empty() || other.empty()) return e;
    e.base_mean = mean_of(base);
    e.other_mean = mean_of(other);
    e.change = e.other_mean - e.base_mean;
    if (base.size() >= 2 && other.size() >= 2) {
        auto variance_of_mean = [](std::span<const double> v, double mean) {
            double squares = 0.0;
            for (const double x : v) squares += (x - mean) * (x - mean);
            const auto n = static_cast<double>(v.size());
            return squares / (n - 1.0) / n;
        };
        const double vb = variance_of_mean(base, e.base_mean);
        const double vo = variance_of_mean(other, e.other_mean);
        const double nb = static_cast<double>(base.size()), no = static_cast<double>(other.size());
        double df = nb + no - 2.0;
        if (vb + vo > 0.0) df = (vb + vo) * (vb + vo) / (vb * vb / (nb - 1.0) + vo * vo / (no - 1.0));
        const double half = t_quantile_975(std::max(1, static_cast<int>(std::floor(df)))) * std::sqrt(vb + vo);
        e.change_interval = Interval{e.change - half, e.change + half};
    }
    add_percent(e);
    return e;
}

std::string why_not_paired(const RunProvenance& b, const RunProvenance& o) {
    if (b.seed != o.seed) return "seed " + std::to_string(b.seed) + " and " + std::to_string(o.seed);
    if (b.first_replicate != o.first_replicate) {
        return "first replicate " + std::to_string(b.first_replicate) + " and " + std::to_string(o.first_replicate);
    }
    if (b.start_date != o.start_date) return "start date " + b.start_date + " and " + o.start_date;
    if (b.weeks != o.weeks) return std::to_string(b.weeks) + " and " + std::to_string(o.weeks) + " weeks";
    if (b.city_yaml != o.city_yaml) return "another city config (" + b.city_file + " and " + o.city_file + ")";
    return "";
}

AreaSplit split_areas(const GridDescription& grid, std::span<const std::int32_t> treated, double buffer_m) {
    const auto cells = static_cast<std::size_t>(grid.ny) * static_cast<std::size_t>(grid.nx);
    if (treated.size() != cells || grid.district.size() != cells) {
        throw LogicError("split_areas: treated or district map is not ny*nx long");
    }
    if (!(buffer_m >= 0.0) || !(grid.cell_size > 0.0)) {
        throw LogicError("split_areas: buffer or cell size is not a non-negative number");
    }
    AreaSplit s;
    s.buffer_m = buffer_m;
    s.cells.assign(cells, Area::Outside);
    for (std::size_t c = 0; c < cells; ++c) {
        if (grid.district[c] >= 0) s.cells[c] = treated[c] != 0 ? Area::Treated : Area::Rest;
    }
    // Centre-to-centre distance in cell units; the tolerance keeps a buffer of exactly k
    // cells (300 m on 100 m cells) from losing its edge to rounding.
    const double reach = buffer_m / grid.cell_size;
    const double reach2 = reach * reach * (1.0 + 1e-12);
    // Offsets past the grid's size reach no cell, so a huge buffer costs no more than the grid.
    const int r = static_cast<int>(std::min(std::floor(reach + 1e-9), static_cast<double>(std::max(grid.ny, grid.nx))));
    auto at = [&](int y, int x) {
        return static_cast<std::size_t>(y) * static_cast<std::size_t>(grid.nx) + static_cast<std::size_t>(x);
    };
    for (int y = 0; y < grid.ny; ++y) {
        for (int x = 0; x < grid.nx; ++x) {
            if (s.cells[at(y, x)] != Area::Treated) continue;
            for (int dy = -r; dy <= r; ++dy) {
                for (int dx = -r; dx <= r; ++dx) {
                    const int yy = y + dy, xx = x + dx;
                    if (yy < 0 || yy >= grid.ny || xx < 0 || xx >= grid.nx) continue;
                    if (static_cast<double>(dx * dx + dy * dy) > reach2) continue;
                    Area& a = s.cells[at(yy, xx)];
                    if (a == Area::Rest) a = Area::Buffer;
                }
            }
        }
    }
    for (const Area a : s.cells) {
        s.treated += a == Area::Treated;
        s.buffer += a == Area::Buffer;
        s.rest += a == Area::Rest;
    }
    return s;
}

DisplacementQuotient displacement_quotient(const AreaCounts& c, int treated_cells, Pairing pairing) {
    DisplacementQuotient q;
    if (treated_cells == 0) {
        q.meaning = "undefined: the other run treats no cell of the study area";
        return q;
    }
    const AreaMeans m{mean_of(c.treated_b), mean_of(c.buffer_b), mean_of(c.rest_b),
                      mean_of(c.treated_a), mean_of(c.buffer_a), mean_of(c.rest_a)};
    const auto success = success_of(m);
    if (!success) {
        q.meaning = "undefined: no crime in the rest of the study area (the control)";
        return q;
    }
    q.success = *success;
    if (*success == 0.0) {
        q.meaning = "undefined: crime in the treated area changed exactly as in the rest (success measure 0)";
        return q;
    }
    q.value = quotient_of(m);
    q.interval = bootstrap_interval(c, pairing);
    if (*success > 0.0) {
        q.meaning =
            "crime did not fall in the treated area relative to the rest (success measure > 0), so the quotient "
            "does not measure displacement";
    } else {
        q.meaning = wdq_meaning(*q.value, q.interval);
    }
    return q;
}

CostEffect cost_effect(double sek, const Estimate& total) {
    return cost_effect(sek, total, "true crimes");
}

CostEffect cost_effect(double sek, const Estimate& total, const std::string& what) {
    CostEffect c;
    c.sek = sek;
    c.prevented = -total.change;
    if (!total.change_interval) {
        c.note = "not determined: with fewer than 2 replicates the change in " + what + " has no interval";
    } else if (total.change_interval->high >= 0.0) {
        c.note = "not determined: the 95% interval of the change in " + what + " is not wholly a reduction";
    } else {
        c.sek_per_crime_prevented = sek / c.prevented;
        // The interval's ends are the most and the fewest crimes prevented.
        const double a = sek / -total.change_interval->low;
        const double b = sek / -total.change_interval->high;
        c.interval = Interval{std::min(a, b), std::max(a, b)};
        c.note = "extra cost over the horizon divided by the " + what + " it prevented over the horizon";
    }
    return c;
}

Comparison compare_runs(const ComparedRun& base, const ComparedRun& other, double buffer_m, Pairing pairing) {
    CompareOptions options;
    options.buffer_m = buffer_m;
    options.pairing = pairing;
    return compare_runs(base, other, options);
}

Comparison compare_runs(const ComparedRun& base, const ComparedRun& other, const CompareOptions& options) {
    const double buffer_m = options.buffer_m;
    const Pairing pairing = options.pairing;
    if (!std::isfinite(options.discount_rate) || options.discount_rate < 0.0) {
        throw InputError("discount rate " + std::to_string(options.discount_rate) +
                         ": must be a finite number, 0 or more");
    }
    require_sizes(base);
    require_sizes(other);
    require_comparable(base, other);
    if (!(buffer_m >= 0.0)) throw InputError("buffer of " + std::to_string(buffer_m) + " m: must be 0 or more");
    const RunResults& b = base.results;
    const RunResults& o = other.results;
    Comparison cmp;
    cmp.pairing = pairing;
    cmp.replicates = b.replicates;
    cmp.weeks = b.weeks;
    auto add = [&](const std::string& outcome, const std::string& key, const Values& vb, const Values& vo) {
        cmp.outcomes.push_back(pairing == Pairing::Paired ? paired_estimate(outcome, key, vb, vo)
                                                          : unpaired_estimate(outcome, key, vb, vo));
        return cmp.outcomes.back();
    };
    auto any = [](int, int) { return true; };

    const Estimate total =
        add("crimes_true", "total", weekly_sum(b, b.crimes_true, any), weekly_sum(o, o.crimes_true, any));
    for (int t = 0; t < b.crime_types; ++t) {
        auto of_type = [t](int, int type) { return type == t; };
        add("crimes_true_by_type", b.crime_type_names[static_cast<std::size_t>(t)],
            weekly_sum(b, b.crimes_true, of_type), weekly_sum(o, o.crimes_true, of_type));
    }
    for (int d = 0; d < b.districts; ++d) {
        auto in_district = [d](int district, int) { return district == d; };
        add("crimes_true_by_district", base.districts.names[static_cast<std::size_t>(d)],
            weekly_sum(b, b.crimes_true, in_district), weekly_sum(o, o.crimes_true, in_district));
    }
    for (std::size_t g = 0; g < b.victim_group_names.size(); ++g) {
        add("victims_by_group", b.victim_group_names[g], victims_of(b, static_cast<int>(g)),
            victims_of(o, static_cast<int>(g)));
    }
    for (const HourBand& band : kHourBands) {
        add("crimes_true_by_hour", band.key, crimes_in_hours(b, band.from, band.to),
            crimes_in_hours(o, band.from, band.to));
    }
    add("crimes_reported", "total", weekly_sum(b, b.crimes_reported, any), weekly_sum(o, o.crimes_reported, any));
    add("crimes_est", "total", weekly_sum(b, b.crimes_est, any), weekly_sum(o, o.crimes_est, any));
    add("hotspot_cell_weeks", "total", hotspot_cell_weeks(b), hotspot_cell_weeks(o));
    auto every_hour = [](int) { return true; };
    add("youth_public_hours", "total", youth_hours(b, every_hour), youth_hours(o, every_hour));
    add("youth_public_hours", "fri_sat_18_24", youth_hours(b, friday_or_saturday_evening),
        youth_hours(o, friday_or_saturday_evening));

    compare_youth(base, other, cmp);
    compare_safety(base, other, cmp);

    double sek = 0.0;
    for (const double c : o.interventions.cost_sek) sek += c;
    for (const double c : b.interventions.cost_sek) sek -= c;
    cmp.cost = cost_effect(sek, total);
    // Before the areas, whose rows stay last (docs/comparison.md, CSV).
    compare_harm(base, other, options, cmp);
    compare_hotspots(base, other, cmp);

    // Both runs are split by OTHER's measures: BASE is what those cells saw without them.
    AreaComparison& areas = cmp.areas;
    areas.split = split_areas(other.grid, o.treated, buffer_m);
    AreaCounts counts;
    counts.treated_b = crimes_in_area(b, areas.split, Area::Treated);
    counts.buffer_b = crimes_in_area(b, areas.split, Area::Buffer);
    counts.rest_b = crimes_in_area(b, areas.split, Area::Rest);
    counts.treated_a = crimes_in_area(o, areas.split, Area::Treated);
    counts.buffer_a = crimes_in_area(o, areas.split, Area::Buffer);
    counts.rest_a = crimes_in_area(o, areas.split, Area::Rest);
    areas.treated = add("crimes_true_by_area", "treated", counts.treated_b, counts.treated_a);
    areas.buffer = add("crimes_true_by_area", "buffer", counts.buffer_b, counts.buffer_a);
    areas.rest = add("crimes_true_by_area", "rest", counts.rest_b, counts.rest_a);
    areas.wdq = displacement_quotient(counts, areas.split.treated, pairing);

    return cmp;
}

namespace {

Estimate estimate_of(Pairing pairing, const std::string& outcome, const std::string& key, const Values& vb,
                     const Values& vo) {
    return pairing == Pairing::Paired ? paired_estimate(outcome, key, vb, vo) : unpaired_estimate(outcome, key, vb, vo);
}

void compare_harm(const ComparedRun& base, const ComparedRun& other, const CompareOptions& options, Comparison& cmp) {
    const RunResults& b = base.results;
    const RunResults& o = other.results;
    HarmCostComparison& h = cmp.harm;
    h.index_name = options.harm.name;
    h.index_unit = options.harm.unit;
    h.index_source = options.harm.source;
    h.discount_rate = options.discount_rate;
    const std::vector<double> weights = weights_for(options.harm, b);
    for (std::size_t t = 0; t < weights.size(); ++t) {
        std::string basis;
        for (const HarmWeight& w : options.harm.weights) {
            if (w.crime_type == b.crime_type_names[t]) basis = w.basis;
        }
        h.weights.push_back({b.crime_type_names[t], weights[t], basis});
    }
    auto add = [&](const std::string& outcome, const std::string& key, const Values& vb, const Values& vo) {
        cmp.outcomes.push_back(estimate_of(cmp.pairing, outcome, key, vb, vo));
        return cmp.outcomes.back();
    };
    add("harm_true", "total", weighted_crimes(b, weights, 0.0), weighted_crimes(o, weights, 0.0));
    for (std::size_t t = 0; t < weights.size(); ++t) {
        std::vector<double> only(weights.size(), 0.0);
        only[t] = weights[t];
        add("harm_true_by_type", b.crime_type_names[t], weighted_crimes(b, only, 0.0), weighted_crimes(o, only, 0.0));
    }
    const std::vector<double> ones(weights.size(), 1.0);
    const double rate = options.discount_rate;
    const Estimate crimes_pv =
        add("crimes_true_pv", "total", weighted_crimes(b, ones, rate), weighted_crimes(o, ones, rate));
    const Estimate harm_pv =
        add("harm_true_pv", "total", weighted_crimes(b, weights, rate), weighted_crimes(o, weights, rate));

    const int days = b.weeks * 7;
    bool assumed_b = false, assumed_o = false;
    h.cost_sek = cmp.cost.sek;
    h.cost_pv_sek = present_value_sek(o.interventions, days, rate, &assumed_o) -
                    present_value_sek(b.interventions, days, rate, &assumed_b);
    h.timing_assumed = assumed_b || assumed_o;
    h.per_crime_pv = cost_effect(h.cost_pv_sek, crimes_pv, "true crimes (present value)");
    h.per_harm_pv = cost_effect(h.cost_pv_sek, harm_pv, "harm (present value)");
}

void compare_hotspots(const ComparedRun& base, const ComparedRun& other, Comparison& cmp) {
    const RunResults& b = base.results;
    const RunResults& o = other.results;
    HotspotComparison& h = cmp.hotspots;
    auto add = [&](const std::string& outcome, const std::string& key, const Values& vb, const Values& vo) {
        cmp.outcomes.push_back(estimate_of(cmp.pairing, outcome, key, vb, vo));
    };
    std::vector<std::uint8_t> mask(base.grid.district.size(), 0);
    for (std::size_t c = 0; c < mask.size(); ++c) mask[c] = base.grid.district[c] >= 0 ? 1 : 0;

    // The share of crime in BASE's top cells: one set of cells, from BASE, for both runs.
    const std::vector<int> top = top_cells_of(b, mask);
    h.top_cells = static_cast<int>(top.size());
    h.top_crime_share = kTopCrimeShare;
    const Values top_b = crimes_in_cells(b, top), top_o = crimes_in_cells(o, top);
    const Values all_b = crimes_in_study_area(b, mask), all_o = crimes_in_study_area(o, mask);
    auto share = [](const Values& part, const Values& all) {
        Values s(part.size(), 0.0);
        for (std::size_t r = 0; r < s.size(); ++r) s[r] = all[r] > 0.0 ? part[r] / all[r] : 0.0;
        return s;
    };
    add("crimes_true_in_baseline_top_cells", "total", top_b, top_o);
    add("crime_share_in_baseline_top_cells", "total", share(top_b, all_b), share(top_o, all_o));

    h.persistent_share = kPersistentShare;
    for (const ComparedRun* run : {&base, &other}) {
        if (!run->results.has_picture) {
            h.note = run->label +
                     " has no weekly picture (a file written before trygg stored it): hotspots on the baseline's "
                     "yardstick need both runs' weeks; rerun it to get them";
            return;
        }
    }
    const HotspotNeighbourhood area(RasterShape{base.grid.nx, base.grid.ny, base.grid.cell_size}, mask,
                                    b.picture.gi_band_m);
    const BaselineHotspotTally t = tally_baseline_hotspots(area, b, o);
    add("hotspot_cell_weeks_baseline_rule", "total", t.base_cell_weeks, t.other_cell_weeks);
    add("hotspots_persistent", "total", t.base_persistent, t.other_persistent);
    const Values none(t.new_persistent.size(), 0.0);
    add("hotspots_persistent_new", "total", none, t.new_persistent);
    add("hotspots_persistent_vanished", "total", none, t.vanished_persistent);
    h.weekly = true;
}

}  // namespace

}  // namespace trygg
