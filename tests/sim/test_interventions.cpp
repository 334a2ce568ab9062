// Interventions act through the mechanisms (DESIGN §3.11, §5): a programme moves young people
// out of public space in its hours and nowhere else; an item does nothing before its start
// date; and common random numbers make the paired difference between two scenarios far
// less noisy than the difference between independent runs.
#include "sim/run.hpp"

#include "fixtures.hpp"
#include "io/scenario_config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

int place_named(const City& city, const std::string& name) {
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        if (city.places[p].name == name) return static_cast<int>(p);
    }
    ADD_FAILURE() << "no place " << name;
    return 0;
}

int district_named(const City& city, const std::string& name) {
    for (std::size_t d = 0; d < city.districts.size(); ++d) {
        if (city.districts[d].name == name) return static_cast<int>(d);
    }
    ADD_FAILURE() << "no district " << name;
    return 0;
}

// `fearless`: nobody avoids the night for fear of crime, so a measure's effect on crime does
// not change other evenings through the residents' insecurity (sim/safety_layer.hpp).
RunOutput run_plan(const InterventionPlan& plan, int weeks, int replicates, std::uint64_t seed = 77,
                   bool fearless = false) {
    ModelParams params = borlange_config().params;
    params.interventions = plan;
    if (fearless) params.safety.avoid_threshold = 10.0;
    return run_scenario(borlange_city(), params, testing::borlange_timeline(weeks), {seed, replicates, 2, false});
}

Intervention friday_nights_at_maserhallen() {
    Intervention p;
    p.name = "Friday nights at Maserhallen";
    p.kind = InterventionKind::Programme;
    p.place = place_named(borlange_city(), "Maserhallen");
    p.when.from_hour = 19;
    p.when.to_hour = 24;
    p.when.weekdays = 1u << 4;  // Friday
    p.catchment_m = 2000;
    p.uptake = 0.35;
    p.capacity = 150;
    p.min_age = 13;
    p.max_age = 20;
    return p;
}

// Person-hours of 12–17-year-olds in public space at hours [from, to) of ISO weekday `day`.
double youth_out(const RunOutput& out, int day, int from, int to) {
    double n = 0.0;
    const auto& h = out.results.youth_public_hours;
    for (int r = 0; r < out.results.replicates; ++r) {
        for (int hour = from; hour < to; ++hour)
            n += static_cast<double>(h[static_cast<std::size_t>(r * 168 + (day - 1) * 24 + hour)]);
    }
    return n;
}

TEST(Interventions, AFridayProgrammeMovesYouthOutOfPublicSpaceOnFridayEveningsOnly) {
    // With the residents' fear on, fewer crimes on Fridays mean fewer who avoid going out on
    // other evenings too (the feedback of DESIGN §3.8); here the routines alone are tested.
    const RunOutput base = run_plan({}, 6, 1, 77, true);
    const RunOutput open = run_plan({friday_nights_at_maserhallen()}, 6, 1, 77, true);
    const double friday_before = youth_out(base, 5, 19, 24), friday_after = youth_out(open, 5, 19, 24);
    std::printf(
        "youth person-hours in public space, Fridays 19-24: %.0f without, %.0f with Friday nights at "
        "Maserhallen\n",
        friday_before, friday_after);
    // About a third of those nearby who would be out come: several per cent of the city's
    // young people out on a Friday evening (the hall's catchment holds a sixth of them).
    EXPECT_LT(friday_after, 0.97 * friday_before);
    // Plans are drawn per person and day, so no other day changes at all (Saturday from
    // 04:00: its small hours still belong to Friday evening), and before the hall opens
    // everyone is where they would have been.
    EXPECT_EQ(youth_out(open, 2, 0, 24), youth_out(base, 2, 0, 24));
    EXPECT_EQ(youth_out(open, 6, 4, 24), youth_out(base, 6, 4, 24));
    EXPECT_EQ(youth_out(open, 5, 0, 19), youth_out(base, 5, 0, 19));
    EXPECT_EQ(open.results.interventions.name.size(), 1u);
}

TEST(Interventions, AnItemDoesNothingBeforeItStarts) {
    Intervention light;
    light.name = "Lights from week 3";
    light.kind = InterventionKind::Lighting;
    light.intensity = 1.0;
    light.when.first_day = 14;
    const City& city = borlange_city();
    const int tjarna = district_named(city, "Tjärna Ängar");
    for (int c = 0; c < city.grid.cells(); ++c) {
        if (city.cell_district[static_cast<std::size_t>(c)] == tjarna) light.cells.push_back(c);
    }
    const RunOutput base = run_plan({}, 4, 1);
    const RunOutput lit = run_plan({light}, 4, 1);
    // Weeks 0 and 1 are identical, draw for draw; from week 2 the light deters.
    const auto per_week = static_cast<std::size_t>(base.results.districts * base.results.crime_types);
    const auto& a = base.results.crimes_true;
    const auto& b = lit.results.crimes_true;
    EXPECT_TRUE(std::equal(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(2 * per_week), b.begin()));
    EXPECT_FALSE(std::equal(a.begin(), a.end(), b.begin()));
    // The cost counts the days it runs: 14 of 28.
    light.running_sek_per_year = 365.0;
    light.investment_sek = 100.0;
    EXPECT_DOUBLE_EQ(light.cost_over(28), 100.0 + 14.0);
    EXPECT_EQ(lit.results.treated[static_cast<std::size_t>(light.cells.front())], 1);
}

// Common random numbers (DESIGN §5): replicate r draws the same streams in both scenarios,
// so the difference a measure makes is measured against the same synthetic city and the
// same days. The spread of paired differences must be well below that of differences
// between independent runs (other seed for the measure's runs).
TEST(Interventions, CommonRandomNumbersNarrowTheIntervalOfADifference) {
    Intervention light;
    light.name = "Lights";
    light.kind = InterventionKind::Lighting;
    light.intensity = 1.0;
    const City& city = borlange_city();
    const int tjarna = district_named(city, "Tjärna Ängar");
    for (int c = 0; c < city.grid.cells(); ++c) {
        if (city.cell_district[static_cast<std::size_t>(c)] == tjarna) light.cells.push_back(c);
    }
    constexpr int kReplicates = 6;
    const RunOutput base = run_plan({}, 8, kReplicates, 31);
    const RunOutput paired = run_plan({light}, 8, kReplicates, 31);
    const RunOutput independent = run_plan({light}, 8, kReplicates, 9031);
    auto totals = [&](const RunOutput& out) {
        std::vector<double> t(kReplicates, 0.0);
        const auto per_rep = out.results.crimes_true.size() / kReplicates;
        for (std::size_t k = 0; k < out.results.crimes_true.size(); ++k)
            t[k / per_rep] += static_cast<double>(out.results.crimes_true[k]);
        return t;
    };
    auto sd_of_difference = [&](const std::vector<double>& x, const std::vector<double>& y) {
        std::vector<double> d(x.size());
        for (std::size_t r = 0; r < x.size(); ++r) d[r] = y[r] - x[r];
        const double mean = std::accumulate(d.begin(), d.end(), 0.0) / static_cast<double>(d.size());
        double ss = 0.0;
        for (double v : d) ss += (v - mean) * (v - mean);
        return std::sqrt(ss / static_cast<double>(d.size() - 1));
    };
    const double sd_paired = sd_of_difference(totals(base), totals(paired));
    const double sd_independent = sd_of_difference(totals(base), totals(independent));
    std::printf("sd of the difference in total crime over 8 weeks: %.1f paired, %.1f independent\n", sd_paired,
                sd_independent);
    const double ratio = sd_paired / sd_independent;
    std::printf("ratio of the sds: %.3f\n", ratio);
    // docs/model.md §7: pairing shares the whole population, calendar and plans, so the
    // paired spread is about an eighth of the independent one (measured 13.3 against 107.8:
    // 0.124, with the fitted config of docs/calibration.md, whose stronger lighting prevents
    // more and so lets the paired runs drift apart more; 5.1 against 111.9, 0.046, with the
    // assumed values before). A ratio of two sds from six replicates each is uncertain by a
    // factor of up to √F(0.99; 5, 5) ≈ 3.3, so the bound is 0.4 (3.3 × 0.124): pairing that
    // merely halved the noise (0.5) fails.
    EXPECT_LT(ratio, 0.4);
}

// Hot-spots policing (DESIGN §6.7): a patrol standing on its 3×3-cell beat for the police
// shift (16–02) every day lowers crime there, through the guardians it adds and its own
// deterrence (police.deterrence), by about what the evaluations find — 8–16 % on average
// (Braga et al. 2019), 23 % for intense foot patrols (Ratcliffe et al. 2011). docs/model.md
// §6b: about −20 % over all hours (measured −20.3 %, 925 → 737 crimes, with police.deterrence
// fitted by history matching, docs/calibration.md; −15 % with the assumed 0.2 before). Over 4
// paired replicate-years the paired interval is about ±6 points, so asserted: −20 % within 6
// points (guardians alone, about −7 %, fail); the rest of the city barely changes (|change| <
// 1 %).
TEST(Interventions, APatrolOnItsBeatEveryShiftLowersCrimeThere) {
    const City& city = borlange_city();
    const int at = city.place_cell[static_cast<std::size_t>(place_named(city, "Tjärna centrum"))];
    Intervention patrol;
    patrol.name = "Patrol at Tjärna centrum";
    patrol.kind = InterventionKind::Patrols;
    patrol.cells = {at};
    patrol.units = 1;
    patrol.when.from_hour = 16;
    patrol.when.to_hour = 2;
    const RunOutput base = run_plan({}, 52, 4);
    const RunOutput patrolled = run_plan({patrol}, 52, 4);
    const auto& grid = city.grid;
    auto crimes = [&](const RunOutput& out, bool in_beat) {
        const auto& r = out.results;
        const auto cells = static_cast<std::size_t>(grid.cells());
        double n = 0.0;
        for (std::size_t k = 0; k < r.crimes_cells.size(); ++k) {
            const int cell = static_cast<int>(k % cells);
            const bool beat =
                std::abs(grid.col(cell) - grid.col(at)) <= 1 && std::abs(grid.row(cell) - grid.row(at)) <= 1;
            if (beat == in_beat) n += r.crimes_cells[k];
        }
        return n;
    };
    const double beat_before = crimes(base, true), beat_after = crimes(patrolled, true);
    const double rest_before = crimes(base, false), rest_after = crimes(patrolled, false);
    std::printf("a patrol at Tjärna centrum every shift: its beat %.0f → %.0f crimes (%+.1f %%), the rest %+.2f %%\n",
                beat_before, beat_after, 100.0 * (beat_after / beat_before - 1.0),
                100.0 * (rest_after / rest_before - 1.0));
    EXPECT_NEAR(beat_after / beat_before - 1.0, -0.20, 0.06);
    EXPECT_NEAR(rest_after / rest_before, 1.0, 0.01);
}

// Steering by the picture (docs/model.md §6b): scenarios/adaptive_patrols.yaml — the city's
// three patrols steered by the weekly EST picture, two more on Thursday to Saturday evenings
// and two pairs of field workers — against the baseline with static patrols: true crime
// −0.5 % over a year, night crime 00–06 −1.0 %. Measured here over 8 paired replicate-years
// with the fitted config (docs/calibration.md): −0.50 % (s.e. 0.08) and −1.01 % (s.e. 0.45)
// with seed 20251; with the assumed values before, −0.8 % and −1.5 % (seeds 20251, 4243,
// 4244: −0.67, −0.51, −0.88 % and −1.56, −1.51, −1.23 %, s.e. 0.09–0.18 and 0.38–0.53): the
// fitted police deterrence and lighting leave less for the steering to move. The effect is a fraction of a per cent of
// the city's crime, so it takes 8 replicates to tell it from 0 (with 6 the interval reached 0): 30 s on a quiet
// machine, about 70 s on the shared 2-core one, the one test of this kind over 60 s. With
// the steering switched off (Deployment::steer a no-op) the scenario equals the baseline
// and every bound below fails; the bounds do not separate half of the effect from all of it.

TEST(Interventions, SteeringByThePictureLowersCrimeAtNight) {
    const ScenarioConfig scenario = load_scenario_config(testing::source_path("scenarios/adaptive_patrols.yaml"));
    ModelParams steered = borlange_config().params;
    steered.policing.steering = scenario.adaptive_steering ? Steering::Adaptive : Steering::Static;
    steered.interventions = resolve_interventions(scenario, borlange_city(), borlange_config().grid_crs);
    ASSERT_EQ(steered.policing.steering, Steering::Adaptive);
    constexpr int kReplicates = 8;
    const Timeline timeline = testing::borlange_timeline(52);
    const RunOptions options{20251, kReplicates, 2, false};
    const RunOutput base = run_scenario(borlange_city(), borlange_config().params, timeline, options);
    const RunOutput adaptive = run_scenario(borlange_city(), steered, timeline, options);
    // Per replicate: all true crime, and true crime 00–06.
    auto tally = [&](const RunOutput& out, int from_hour, int to_hour) {
        std::vector<double> t(kReplicates, 0.0);
        const auto& c = out.results.crimes_by_hour;
        const auto T = static_cast<std::size_t>(out.results.crime_types);
        for (std::size_t k = 0; k < c.size(); ++k) {
            const auto hour = static_cast<int>(k / T % 24);
            if (hour >= from_hour && hour < to_hour) t[k / (24 * T)] += c[k];
        }
        return t;
    };
    auto change = [&](int from, int to) {
        const auto b = tally(base, from, to), a = tally(adaptive, from, to);
        std::vector<double> d(b.size());
        for (std::size_t r = 0; r < d.size(); ++r) {
            d[r] = a[r] / b[r] - 1.0;
            std::printf("    replicate %zu, hours %02d–%02d: %.0f → %.0f (%+.2f %%)\n", r, from, to, b[r], a[r],
                        100 * d[r]);
        }
        return testing::mean_se(d);
    };
    const auto all = change(0, 24), night = change(0, 6);
    std::printf(
        "adaptive patrols, %d paired replicate-years: true crime %+.2f %% (s.e. %.2f), 00–06 %+.2f %% (s.e. %.2f)\n",
        kReplicates, 100 * all.mean, 100 * all.se, 100 * night.mean, 100 * night.se);
    // The paired 95 % interval (t(0.975, 7) = 2.36) is below 0, and the effects are within
    // max(3 s.e., 0.25 points) of the documented −0.5 % and max(3 s.e., 1 point) of −1.0 %.
    EXPECT_LT(all.mean + 2.36 * all.se, 0.0);
    EXPECT_NEAR(all.mean, -0.005, std::max(3.0 * all.se, 0.0025));
    EXPECT_NEAR(night.mean, -0.010, std::max(3.0 * night.se, 0.01));
}

}  // namespace
}  // namespace trygg
