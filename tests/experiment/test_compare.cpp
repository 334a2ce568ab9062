// The paired comparison on runs made by hand: intervals worked out on paper, an area split
// with a known buffer, the displacement quotient in a displacement and a diffusion case, the
// cost per crime prevented, and the refusal of runs that cannot be paired.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "experiment/compare.hpp"
#include "experiment/synthetic_runs.hpp"

#include <cmath>
#include <ostream>
#include <string>
#include <vector>

namespace trygg {
namespace {

using ::testing::HasSubstr;
using testing::outcome_of;
using testing::synthetic_run;
using testing::SyntheticRun;

// ---- the paired estimate ----

TEST(PairedEstimate, TQuantilesFromTheTable) {
    EXPECT_DOUBLE_EQ(t_quantile_975(1), 12.7062);
    EXPECT_DOUBLE_EQ(t_quantile_975(2), 4.3027);
    EXPECT_DOUBLE_EQ(t_quantile_975(7), 2.3646);
    EXPECT_DOUBLE_EQ(t_quantile_975(30), 2.0423);
    EXPECT_DOUBLE_EQ(t_quantile_975(31), 1.96);
    EXPECT_DOUBLE_EQ(t_quantile_975(1000), 1.96);
    EXPECT_THROW(t_quantile_975(0), LogicError);
}

// Base 10, 12, 14 and other 8, 11, 11: differences −2, −1, −3, mean −2, sd 1, so the interval
// is −2 ± 4.3027 / √3 = −2 ± 2.48416; the base mean is 12.
TEST(PairedEstimate, IntervalOfThreeReplicatesByHand) {
    const std::vector<double> base{10, 12, 14};
    const std::vector<double> other{8, 11, 11};
    const Estimate e = paired_estimate("crimes_true", "total", base, other);
    EXPECT_EQ(e.outcome, "crimes_true");
    EXPECT_EQ(e.key, "total");
    EXPECT_EQ(e.replicates, 3);
    EXPECT_DOUBLE_EQ(e.base_mean, 12.0);
    EXPECT_DOUBLE_EQ(e.other_mean, 10.0);
    EXPECT_DOUBLE_EQ(e.change, -2.0);
    const double half = 4.3027 / std::sqrt(3.0);
    ASSERT_TRUE(e.change_interval);
    EXPECT_NEAR(e.change_interval->low, -2.0 - half, 1e-12);
    EXPECT_NEAR(e.change_interval->high, -2.0 + half, 1e-12);
    ASSERT_TRUE(e.percent);
    EXPECT_NEAR(*e.percent, -100.0 * 2.0 / 12.0, 1e-12);  // −16.67 %
    ASSERT_TRUE(e.percent_interval);
    EXPECT_NEAR(e.percent_interval->low, 100.0 * (-2.0 - half) / 12.0, 1e-12);
    EXPECT_NEAR(e.percent_interval->high, 100.0 * (-2.0 + half) / 12.0, 1e-12);
}

// Welch by hand: the same values unpaired. Means 12 and 10, variances of the means 4/3 and 1;
// ν = (7/3)² / ((4/3)²/2 + 1²/2) = 49/9 / (25/18) = 3.92 → 3, so −2 ± 3.1824 · √(7/3).
TEST(UnpairedEstimate, WelchIntervalOfThreeReplicatesByHand) {
    const std::vector<double> base{10, 12, 14};
    const std::vector<double> other{8, 11, 11};
    const Estimate e = unpaired_estimate("crimes_true", "total", base, other);
    EXPECT_EQ(e.pairing, Pairing::Unpaired);
    EXPECT_DOUBLE_EQ(e.change, -2.0);
    const double half = 3.1824 * std::sqrt(7.0 / 3.0);
    ASSERT_TRUE(e.change_interval);
    EXPECT_NEAR(e.change_interval->low, -2.0 - half, 1e-12);
    EXPECT_NEAR(e.change_interval->high, -2.0 + half, 1e-12);
    // Wider than the paired interval of the same numbers (±2.48).
    EXPECT_GT(half, 4.3027 / std::sqrt(3.0));
}

// Replicate r pairs with replicate r only when both drew the same random numbers.
TEST(Pairing, RunsWithAnotherSeedStartHorizonOrCityAreNotPaired) {
    const RunProvenance base = synthetic_run("base", 2).provenance;
    EXPECT_EQ(why_not_paired(base, base), "");
    RunProvenance other = base;
    other.scenario_yaml = "another scenario";  // what the measures change: still paired
    EXPECT_EQ(why_not_paired(base, other), "");
    other = base;
    other.seed = base.seed + 1;
    EXPECT_THAT(why_not_paired(base, other), HasSubstr("seed 1 and 2"));
    other = base;
    other.start_date = "2026-01-05";
    EXPECT_THAT(why_not_paired(base, other), HasSubstr("start date 2025-01-06 and 2026-01-05"));
    other = base;
    other.weeks = base.weeks + 1;
    EXPECT_THAT(why_not_paired(base, other), HasSubstr("weeks"));
    other = base;
    other.city_yaml = base.city_yaml + "# edited\n";
    EXPECT_THAT(why_not_paired(base, other), HasSubstr("another city config"));
    other = base;
    other.first_replicate = 4;
    EXPECT_THAT(why_not_paired(base, other), HasSubstr("first replicate 0 and 4"));
}

TEST(CompareRuns, UnpairedComparisonsSaySo) {
    const SyntheticRun base = synthetic_run("base", 3);
    const Comparison c = compare_runs(base.compared(), base.compared(), kDefaultBufferM, Pairing::Unpaired);
    EXPECT_EQ(c.pairing, Pairing::Unpaired);
    for (const Estimate& e : c.outcomes) EXPECT_EQ(e.pairing, Pairing::Unpaired) << e.outcome;
}

// The point of pairing: a constant shift has no spread at all, however noisy the replicates.
TEST(PairedEstimate, AConstantShiftHasAZeroWidthInterval) {
    const std::vector<double> base{100, 400, 250, 900};
    const std::vector<double> other{90, 390, 240, 890};
    const Estimate e = paired_estimate("x", "y", base, other);
    ASSERT_TRUE(e.change_interval);
    EXPECT_DOUBLE_EQ(e.change_interval->low, -10.0);
    EXPECT_DOUBLE_EQ(e.change_interval->high, -10.0);
}

TEST(PairedEstimate, OneReplicateHasNoInterval) {
    const std::vector<double> base{10};
    const std::vector<double> other{7};
    const Estimate e = paired_estimate("x", "y", base, other);
    EXPECT_DOUBLE_EQ(e.change, -3.0);
    EXPECT_FALSE(e.change_interval);
    ASSERT_TRUE(e.percent);
    EXPECT_DOUBLE_EQ(*e.percent, -30.0);
    EXPECT_FALSE(e.percent_interval);
}

TEST(PairedEstimate, NoPercentOfAZeroBase) {
    const std::vector<double> base{0, 0};
    const std::vector<double> other{1, 3};
    const Estimate e = paired_estimate("x", "y", base, other);
    EXPECT_DOUBLE_EQ(e.change, 2.0);
    EXPECT_TRUE(e.change_interval);
    EXPECT_FALSE(e.percent);
    EXPECT_FALSE(e.percent_interval);
}

// ---- outcomes of whole runs ----

TEST(CompareRuns, EveryOutcomeIsPairedByReplicate) {
    SyntheticRun base = synthetic_run("base", 3);
    SyntheticRun other = synthetic_run("other", 3);
    const int base_burglary[] = {10, 12, 14}, other_burglary[] = {8, 11, 11};
    for (int r = 0; r < 3; ++r) {
        // Burglary split over two weeks and both districts; robbery 5 everywhere-constant.
        base.results.crimes_true[base.weekly(r, 0, 0, 0)] = base_burglary[r] - 4;
        base.results.crimes_true[base.weekly(r, 1, 1, 0)] = 4;
        other.results.crimes_true[other.weekly(r, 0, 0, 0)] = other_burglary[r] - 4;
        other.results.crimes_true[other.weekly(r, 1, 1, 0)] = 4;
        base.results.crimes_true[base.weekly(r, 1, 0, 1)] = 5;
        other.results.crimes_true[other.weekly(r, 1, 0, 1)] = 5;
        base.results.crimes_reported[base.weekly(r, 0, 0, 0)] = 3;
        other.results.crimes_reported[other.weekly(r, 0, 0, 0)] = 2;
        base.results.crimes_est[base.weekly(r, 0, 0, 0)] = 6;
        other.results.crimes_est[other.weekly(r, 0, 1, 1)] = 6;
        // Victims: resident, district 1.
        base.results.victims[base.victim(r, 0, 1)] = 4 + r;
        other.results.victims[other.victim(r, 0, 1)] = 2 + r;
        // 02:00 and 20:00, burglary.
        base.results.crimes_by_hour[base.by_hour(r, 2, 0)] = 6;
        base.results.crimes_by_hour[base.by_hour(r, 20, 0)] = 8;
        other.results.crimes_by_hour[other.by_hour(r, 20, 0)] = 5;
        base.results.weekly_hotspots_true[base.week(r, 1)] = 7;
        other.results.weekly_hotspots_true[other.week(r, 0)] = 4;
        // Friday 19:00 (hour 115) and Monday 19:00 (hour 19).
        base.results.youth_public_hours[base.youth(r, 115)] = 100;
        base.results.youth_public_hours[base.youth(r, 19)] = 50;
        other.results.youth_public_hours[other.youth(r, 115)] = 80;
        other.results.youth_public_hours[other.youth(r, 19)] = 50;
    }
    const Comparison c = compare_runs(base.compared(), other.compared());
    EXPECT_EQ(c.replicates, 3);
    EXPECT_EQ(c.weeks, 2);

    const Estimate& total = outcome_of(c, "crimes_true", "total");
    EXPECT_DOUBLE_EQ(total.base_mean, 17.0);
    EXPECT_DOUBLE_EQ(total.change, -2.0);
    ASSERT_TRUE(total.change_interval);
    EXPECT_NEAR(total.change_interval->high, -2.0 + 4.3027 / std::sqrt(3.0), 1e-12);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_true_by_type", "burglary").base_mean, 12.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_true_by_type", "burglary").change, -2.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_true_by_type", "robbery").change, 0.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_true_by_district", "Centrum").base_mean, 13.0);  // 6..10 + 5
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_true_by_district", "Tjärna Ängar").change, 0.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "victims_by_group", "resident").change, -2.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "victims_by_group", "visitor").base_mean, 0.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_true_by_hour", "00-06").change, -6.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_true_by_hour", "06-12").base_mean, 0.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_true_by_hour", "18-24").change, -3.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_reported", "total").change, -1.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_est", "total").change, 0.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "hotspot_cell_weeks", "total").change, -3.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_public_hours", "total").base_mean, 150.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_public_hours", "fri_sat_18_24").base_mean, 100.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_public_hours", "fri_sat_18_24").change, -20.0);
    EXPECT_DOUBLE_EQ(*outcome_of(c, "youth_public_hours", "fri_sat_18_24").percent, -20.0);
}

// ---- young people ----

// 54 weeks, so "the last year" is weeks 2–53 and weeks 0–1 must not count in it. Recruits
// 10, 12, 14 → 8, 11, 11 (the hand-worked interval above), split over the first and last week
// in Tjärna Ängar; members the same in Centrum's last week, 5 a week before it and 1000 in the
// weeks before the last year; offences 7 → 4; alcohol_regular 26 → 13 for 26 weeks.
TEST(CompareRuns, YoungPeopleArePairedByReplicate) {
    constexpr int kWeeks = 54;
    SyntheticRun base = synthetic_run("base", 3, kWeeks);
    SyntheticRun other = synthetic_run("other", 3, kWeeks);
    const int before[] = {10, 12, 14}, after[] = {8, 11, 11};
    for (int r = 0; r < 3; ++r) {
        for (auto [run, n] : {std::pair{&base, before[r]}, std::pair{&other, after[r]}}) {
            auto& y = run->results.youth;
            y.recruits[run->youth_week(r, 0, 1)] = n - 4;
            y.recruits[run->youth_week(r, kWeeks - 1, 1)] = 4;
            for (int w = 0; w < kWeeks - 1; ++w) y.members[run->youth_week(r, w, 0)] = w < 2 ? 1000 : 5;
            y.members[run->youth_week(r, kWeeks - 1, 0)] = n;
            y.offences[run->youth_week(r, 10, 0)] = run == &base ? 7 : 4;
            y.substance_use[run->substance(r, 0, 1, 1)] = 999;
            for (int w = kWeeks - 26; w < kWeeks; ++w)
                y.substance_use[run->substance(r, w, 1, 1)] = run == &base ? 26 : 13;
            // Residents 5000 and 4000: the city's propensity is their weighted mean.
            y.propensity_mean[run->youth_week(r, kWeeks - 1, 0)] = run == &base ? 0.5f : 0.375f;
            y.propensity_mean[run->youth_week(r, kWeeks - 1, 1)] = 0.25f;
        }
    }
    const Comparison c = compare_runs(base.compared(), other.compared());
    ASSERT_TRUE(c.youth.compared) << c.youth.note;
    EXPECT_EQ(c.youth.last_year_weeks, 52);
    const double half = 4.3027 / std::sqrt(3.0);

    const Estimate& recruits = outcome_of(c, "youth_recruits", "total");
    EXPECT_DOUBLE_EQ(recruits.base_mean, 12.0);
    EXPECT_DOUBLE_EQ(recruits.change, -2.0);
    ASSERT_TRUE(recruits.change_interval);
    EXPECT_NEAR(recruits.change_interval->low, -2.0 - half, 1e-12);
    EXPECT_NEAR(recruits.change_interval->high, -2.0 + half, 1e-12);
    ASSERT_TRUE(recruits.percent_interval);
    EXPECT_NEAR(recruits.percent_interval->low, 100.0 * (-2.0 - half) / 12.0, 1e-12);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_recruits_by_district", "Tjärna Ängar").change, -2.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_recruits_by_district", "Centrum").base_mean, 0.0);

    const Estimate& members = outcome_of(c, "youth_members_at_horizon", "total");
    EXPECT_DOUBLE_EQ(members.base_mean, 12.0);
    ASSERT_TRUE(members.change_interval);
    EXPECT_NEAR(members.change_interval->high, -2.0 + half, 1e-12);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_members_at_horizon_by_district", "Centrum").change, -2.0);
    // Weeks 2–52 hold 5 members, week 53 the last count: (51·5 + 12) / 52 in BASE.
    const Estimate& last_year = outcome_of(c, "youth_members_last_year", "total");
    EXPECT_NEAR(last_year.base_mean, (51.0 * 5.0 + 12.0) / 52.0, 1e-12);
    EXPECT_NEAR(last_year.change, -2.0 / 52.0, 1e-12);
    ASSERT_TRUE(last_year.change_interval);
    EXPECT_NEAR(last_year.change_interval->low, (-2.0 - half) / 52.0, 1e-12);

    const Estimate& offences = outcome_of(c, "youth_offences", "total");
    EXPECT_DOUBLE_EQ(offences.change, -3.0);
    ASSERT_TRUE(offences.change_interval);
    EXPECT_DOUBLE_EQ(offences.change_interval->low, -3.0);  // the same in every replicate
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_offences_by_district", "Centrum").base_mean, 7.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_offences_by_district", "Tjärna Ängar").base_mean, 0.0);

    // 26 of the last 52 weeks: a weekly mean of 13 → 6.5; week 0's 999 is before the last year.
    const Estimate& alcohol = outcome_of(c, "youth_substance_use_alcohol_regular", "total");
    EXPECT_DOUBLE_EQ(alcohol.base_mean, 13.0);
    EXPECT_DOUBLE_EQ(alcohol.change, -6.5);
    EXPECT_DOUBLE_EQ(*alcohol.percent, -50.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_substance_use_alcohol_regular_by_district", "Tjärna Ängar").change, -6.5);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_substance_use_narcotics_regular", "total").base_mean, 0.0);

    // (5000·0.5 + 4000·0.25) / 9000 → (5000·0.375 + 4000·0.25) / 9000.
    const Estimate& propensity = outcome_of(c, "youth_propensity_mean", "total");
    EXPECT_NEAR(propensity.base_mean, 3500.0 / 9000.0, 1e-12);
    EXPECT_NEAR(propensity.change, -625.0 / 9000.0, 1e-12);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_propensity_mean_by_district", "Centrum").change, -0.125);
    EXPECT_DOUBLE_EQ(outcome_of(c, "youth_propensity_mean_by_district", "Tjärna Ängar").change, 0.0);
}

// A run from a file written before the youth layer has no tallies: everything else compares,
// the youth outcomes are absent and the note names the run.
TEST(CompareRuns, RunsWithoutYouthTalliesCompareWithoutThem) {
    const SyntheticRun base = synthetic_run("base.h5", 3);
    SyntheticRun old = synthetic_run("old.h5", 3);
    old.results.youth = {};
    const SyntheticRun* with = &base;
    const SyntheticRun* without = &old;
    for (const auto& [b, o] : {std::pair{with, without}, std::pair{without, with}}) {
        const Comparison c = compare_runs(b->compared(), o->compared());
        EXPECT_FALSE(c.youth.compared);
        EXPECT_THAT(c.youth.note, HasSubstr("old.h5 has no youth tallies"));
        for (const Estimate& e : c.outcomes) {
            EXPECT_TRUE(e.outcome.rfind("youth_", 0) != 0 || e.outcome == "youth_public_hours") << e.outcome;
        }
        EXPECT_EQ(outcome_of(c, "crimes_true", "total").replicates, 3);
    }
}

// ---- areas ----

// A 5 × 5 grid of 100 m cells, the centre cell treated, the west column outside the study area.
struct SplitCase {
    double buffer_m;
    int buffer_cells;
};

// Names the case in test names and messages ("buffer 150 m"); gtest would otherwise print the
// struct's bytes, padding included, so the test names changed from build to build.
void PrintTo(const SplitCase& c, std::ostream* os) {
    *os << "buffer " << c.buffer_m << " m";
}

class AreaSplitTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(AreaSplitTest, BufferIsCentreToCentreWithinTheDistance) {
    SyntheticRun run = synthetic_run("grid", 1);
    for (std::size_t y = 0; y < 5; ++y) run.grid.district[y * 5] = -1;  // the west column
    std::vector<std::int32_t> treated(25, 0);
    treated[2 * 5 + 2] = 1;
    treated[0] = 1;  // outside the study area: ignored
    const AreaSplit s = split_areas(run.grid, treated, GetParam().buffer_m);
    EXPECT_EQ(s.treated, 1);
    EXPECT_EQ(s.buffer, GetParam().buffer_cells);
    EXPECT_EQ(s.rest, 20 - 1 - GetParam().buffer_cells);
    EXPECT_EQ(s.cells[0], Area::Outside);
    EXPECT_EQ(s.cells[2 * 5 + 2], Area::Treated);
    EXPECT_EQ(s.cells[2 * 5 + 3], GetParam().buffer_m >= 100.0 ? Area::Buffer : Area::Rest);
}

// 0 m: none; 100 m: the 4 edge neighbours; 150 m: the 8 neighbours (diagonal 141 m);
// 200 m: those and the 4 cells two steps straight out, exactly 200 m away (the ring 2 cells
// out on the west side is outside the study area, so 3 of them count).
INSTANTIATE_TEST_SUITE_P(Buffers, AreaSplitTest,
                         ::testing::Values(SplitCase{0.0, 0}, SplitCase{100.0, 4}, SplitCase{150.0, 8},
                                           SplitCase{200.0, 11}),
                         [](const ::testing::TestParamInfo<SplitCase>& p) {
                             return "buffer_" + std::to_string(static_cast<int>(p.param.buffer_m)) + "m";
                         });

// Puts A crimes in the treated centre cell, B in the buffer (two cells, two types) and C in
// the rest, for one replicate.
void put_areas(SyntheticRun& run, int replicate, int a, int b, int c) {
    run.results.crimes_cells[run.cell(replicate, 0, 2, 2)] = a;
    run.results.crimes_cells[run.cell(replicate, 0, 2, 3)] = b - 10;
    run.results.crimes_cells[run.cell(replicate, 1, 1, 1)] = 10;
    run.results.crimes_cells[run.cell(replicate, 1, 0, 0)] = c;
}

struct AreaRuns {
    SyntheticRun base = synthetic_run("base", 4);
    SyntheticRun other = synthetic_run("other", 4);
};

// Before: A = 100, B = 50, C = 1000 on average. After: A halves; B goes to `buffer_after`.
AreaRuns area_runs(const int (&buffer_after)[4]) {
    AreaRuns runs;
    const int a_b[] = {100, 104, 96, 100}, b_b[] = {50, 52, 48, 50}, c[] = {1000, 1010, 990, 1000};
    const int a_a[] = {50, 53, 47, 50};
    for (int r = 0; r < 4; ++r) {
        put_areas(runs.base, r, a_b[r], b_b[r], c[r]);
        put_areas(runs.other, r, a_a[r], buffer_after[r], c[r]);
    }
    runs.other.results.treated[2 * 5 + 2] = 1;
    return runs;
}

TEST(DisplacementQuotient, CrimeMovingIntoTheBufferIsNegative) {
    const int moved[] = {80, 82, 79, 79};  // mean 80
    const AreaRuns runs = area_runs(moved);
    const Comparison c = compare_runs(runs.base.compared(), runs.other.compared(), 150.0);
    const AreaComparison& a = c.areas;
    EXPECT_EQ(a.split.treated, 1);
    EXPECT_EQ(a.split.buffer, 8);
    EXPECT_EQ(a.split.rest, 16);
    EXPECT_DOUBLE_EQ(a.treated.base_mean, 100.0);
    EXPECT_DOUBLE_EQ(a.treated.change, -50.0);
    EXPECT_DOUBLE_EQ(a.buffer.change, 30.0);
    EXPECT_DOUBLE_EQ(a.rest.change, 0.0);
    EXPECT_DOUBLE_EQ(outcome_of(c, "crimes_true_by_area", "buffer").other_mean, 80.0);
    // (80/1000 − 50/1000) / (50/1000 − 100/1000) = 0.03 / −0.05
    ASSERT_TRUE(a.wdq.value);
    EXPECT_NEAR(*a.wdq.value, -0.6, 1e-12);
    EXPECT_NEAR(a.wdq.success, -0.05, 1e-12);
    ASSERT_TRUE(a.wdq.interval);
    EXPECT_LT(a.wdq.interval->low, *a.wdq.value);
    EXPECT_GT(a.wdq.interval->high, *a.wdq.value);
    EXPECT_LT(a.wdq.interval->high, 0.0);
    EXPECT_THAT(a.wdq.meaning, HasSubstr("displacement"));
}

TEST(DisplacementQuotient, CrimeFallingInTheBufferTooIsPositive) {
    const int fell[] = {30, 31, 29, 30};  // mean 30
    const AreaRuns runs = area_runs(fell);
    const Comparison c = compare_runs(runs.base.compared(), runs.other.compared(), 150.0);
    // (30/1000 − 50/1000) / (50/1000 − 100/1000) = −0.02 / −0.05
    ASSERT_TRUE(c.areas.wdq.value);
    EXPECT_NEAR(*c.areas.wdq.value, 0.4, 1e-12);
    ASSERT_TRUE(c.areas.wdq.interval);
    EXPECT_GT(c.areas.wdq.interval->low, 0.0);
    EXPECT_THAT(c.areas.wdq.meaning, HasSubstr("diffusion of benefit"));
}

// The bootstrap has a fixed seed and its own integer draws: the same runs give the same interval.
TEST(DisplacementQuotient, TheIntervalIsReproducible) {
    const int moved[] = {80, 82, 79, 79};
    const AreaRuns runs = area_runs(moved);
    const auto first = compare_runs(runs.base.compared(), runs.other.compared(), 150.0).areas.wdq;
    const auto second = compare_runs(runs.base.compared(), runs.other.compared(), 150.0).areas.wdq;
    ASSERT_TRUE(first.interval && second.interval);
    EXPECT_EQ(first.interval->low, second.interval->low);
    EXPECT_EQ(first.interval->high, second.interval->high);
}

TEST(DisplacementQuotient, UndefinedWithoutTreatedCells) {
    const int moved[] = {80, 82, 79, 79};
    AreaRuns runs = area_runs(moved);
    runs.other.results.treated.assign(25, 0);
    const Comparison c = compare_runs(runs.base.compared(), runs.other.compared(), 150.0);
    EXPECT_EQ(c.areas.split.treated, 0);
    EXPECT_FALSE(c.areas.wdq.value);
    EXPECT_FALSE(c.areas.wdq.interval);
    EXPECT_THAT(c.areas.wdq.meaning, HasSubstr("undefined"));
}

TEST(DisplacementQuotient, UndefinedWhenTheTreatedAreaDidNotChange) {
    AreaCounts counts;
    counts.treated_b = counts.treated_a = {10, 12};
    counts.buffer_b = {5, 5};
    counts.buffer_a = {8, 8};
    counts.rest_b = counts.rest_a = {100, 100};
    const DisplacementQuotient q = displacement_quotient(counts, 1);
    EXPECT_FALSE(q.value);
    EXPECT_DOUBLE_EQ(q.success, 0.0);
    EXPECT_THAT(q.meaning, HasSubstr("success measure 0"));
}

// ---- cost ----

// Totals 100, 110, 120 → 80, 92, 98: change −20 ± 4.3027·2/√3; 2 MSEK more.
TEST(CostEffect, CostPerCrimePreventedWithItsInterval) {
    SyntheticRun base = synthetic_run("base", 3);
    SyntheticRun other = synthetic_run("other", 3);
    const int before[] = {100, 110, 120}, after[] = {80, 92, 98};
    for (int r = 0; r < 3; ++r) {
        base.results.crimes_true[base.weekly(r, 0, 0, 0)] = before[r];
        other.results.crimes_true[other.weekly(r, 0, 0, 0)] = after[r];
    }
    base.results.interventions.name = {"patrols"};
    base.results.interventions.cost_sek = {1.0e6};
    other.results.interventions.name = {"patrols", "lighting"};
    other.results.interventions.cost_sek = {1.0e6, 2.0e6};
    const CostEffect cost = compare_runs(base.compared(), other.compared()).cost;
    EXPECT_DOUBLE_EQ(cost.sek, 2.0e6);
    EXPECT_DOUBLE_EQ(cost.prevented, 20.0);
    ASSERT_TRUE(cost.sek_per_crime_prevented);
    EXPECT_DOUBLE_EQ(*cost.sek_per_crime_prevented, 100000.0);
    const double half = 4.3027 * 2.0 / std::sqrt(3.0);
    ASSERT_TRUE(cost.interval);
    EXPECT_NEAR(cost.interval->low, 2.0e6 / (20.0 + half), 1e-6);
    EXPECT_NEAR(cost.interval->high, 2.0e6 / (20.0 - half), 1e-6);
}

TEST(CostEffect, NotDeterminedWhenTheIntervalIsNotWhollyAReduction) {
    const std::vector<double> base{10, 12, 14};
    const std::vector<double> other{8, 11, 11};  // interval −4.5 … +0.5
    const CostEffect cost = cost_effect(5.0e5, paired_estimate("crimes_true", "total", base, other));
    EXPECT_DOUBLE_EQ(cost.prevented, 2.0);
    EXPECT_FALSE(cost.sek_per_crime_prevented);
    EXPECT_FALSE(cost.interval);
    EXPECT_THAT(cost.note, HasSubstr("not determined"));
}

TEST(CostEffect, NotDeterminedWithOneReplicate) {
    const std::vector<double> base{10};
    const std::vector<double> other{5};
    const CostEffect cost = cost_effect(5.0e5, paired_estimate("crimes_true", "total", base, other));
    EXPECT_FALSE(cost.sek_per_crime_prevented);
    EXPECT_THAT(cost.note, HasSubstr("not determined"));
}

// ---- runs that cannot be paired ----

void expect_not_comparable(const SyntheticRun& base, const SyntheticRun& other, const std::string& what) {
    try {
        compare_runs(base.compared(), other.compared());
        ADD_FAILURE() << "expected an InputError about " << what;
    } catch (const InputError& e) {
        const std::string message = e.what();
        EXPECT_THAT(message, HasSubstr(base.label));
        EXPECT_THAT(message, HasSubstr(other.label));
        EXPECT_THAT(message, HasSubstr(what));
        EXPECT_EQ(message.find('\n'), std::string::npos) << "one line";
    }
}

TEST(CompareRuns, RunsThatCannotBePairedAreRefused) {
    const SyntheticRun base = synthetic_run("base.h5", 3);
    expect_not_comparable(base, synthetic_run("other.h5", 4), "replicates differ (3 in base.h5, 4 in other.h5)");
    expect_not_comparable(base, synthetic_run("other.h5", 3, 5), "weeks differ");
    expect_not_comparable(base, synthetic_run("other.h5", 3, 2, 6, 5), "grids differ");
    SyntheticRun renamed = synthetic_run("exp.h5:lighting", 3);
    renamed.results.crime_type_names[1] = "vandalism";
    expect_not_comparable(base, renamed, "crime type names differ ('robbery' in base.h5, 'vandalism'");
    SyntheticRun moved = synthetic_run("other.h5", 3);
    moved.grid.district[3] = -1;
    expect_not_comparable(base, moved, "districts of their cells");
    SyntheticRun levels = synthetic_run("other.h5", 3);
    levels.results.youth.substance_levels[3] = "tobacco_regular";
    expect_not_comparable(base, levels, "substance-use levels differ ('narcotics_regular' in base.h5");
}

TEST(CompareRuns, NegativeBufferIsBadInput) {
    const SyntheticRun run = synthetic_run("base", 2);
    EXPECT_THROW(compare_runs(run.compared(), run.compared(), -1.0), InputError);
}

}  // namespace
}  // namespace trygg
