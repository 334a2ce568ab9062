// The validation statistics on hand-built runs: the Knox count, percentiles, which crimes a
// selection counts, and how a finding's effect and agreement come out.
#include "experiment/knox.hpp"
#include "experiment/validation.hpp"
#include "model/crime_type.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace trygg {
namespace {

TEST(Knox, CountsPairsCloseInSpaceAndTimeAgainstTheShuffledExpectation) {
    // Four events: a and b 50 m and 2 days apart; c 50 m from a but 20 days later; d far away
    // on a's day.
    const std::vector<KnoxEvent> e = {{0, 0, 0}, {50, 0, 2}, {0, 50, 20}, {5000, 0, 0}};
    const KnoxCounts c = knox_counts(e, {0, 100, 0, 7});
    EXPECT_DOUBLE_EQ(c.pairs, 6.0);
    // Near (≤ 100 m): a–b (50), a–c (50), b–c (70.7). Soon (≤ 7 days): a–b, a–d (0), b–d (2).
    EXPECT_DOUBLE_EQ(c.near, 3.0);
    EXPECT_DOUBLE_EQ(c.soon, 3.0);
    EXPECT_DOUBLE_EQ(c.observed, 1.0);  // a–b only
    EXPECT_DOUBLE_EQ(c.expected(), 1.5);
    EXPECT_DOUBLE_EQ(c.ratio(), 1.0 / 1.5);
}

TEST(Knox, ABandAwayFromZeroLeavesOutItsLowerEdgeAndTheSamePlace) {
    const std::vector<KnoxEvent> e = {{0, 0, 0}, {0, 0, 1}, {100, 0, 1}, {200, 0, 1}};
    const KnoxCounts c = knox_counts(e, {100, 200, 0, 7});
    // Distances: 0, 100, 200 from the first two; 100 between the third and fourth. In (100, 200]:
    // the two pairs at 200 m.
    EXPECT_DOUBLE_EQ(c.near, 2.0);
    EXPECT_DOUBLE_EQ(knox_counts(e, {0, 100, 0, 7}).near, 4.0);  // 0, 100, 0, 100 m pairs
}

TEST(Knox, NoPairsGiveARatioOfZeroNotNaN) {
    const std::vector<KnoxEvent> one = {{0, 0, 0}};
    EXPECT_EQ(knox_counts(one, {}).ratio(), 0.0);
    EXPECT_EQ(knox_counts({}, {}).pairs, 0.0);
}

TEST(Percentile, InterpolatesBetweenOrderStatisticsAsRDoes) {
    // R: quantile(c(1, 2, 3, 4, 10), c(0.025, 0.5, 0.975)) = 1.1, 3, 9.4 (position 4 · p)
    const std::vector<double> v = {10, 2, 3, 1, 4};
    EXPECT_NEAR(percentile(v, 0.025), 1.1, 1e-12);
    EXPECT_NEAR(percentile(v, 0.5), 3.0, 1e-12);
    EXPECT_NEAR(percentile(v, 0.975), 9.4, 1e-12);
    EXPECT_EQ(percentile({7.0}, 0.975), 7.0);
}

// A 4 × 1 grid of 100 m cells: cells 0–2 in district 0, cell 3 outside every district; two
// weeks starting on a Monday; every hour from 18 to 06 dark.
struct HandRun {
    GridDescription grid;
    Timeline timeline;
    RunResults results;

    HandRun() {
        grid.nx = 4;
        grid.ny = 1;
        grid.cell_size = 100.0;
        grid.district = {0, 0, 0, -1};
        grid.deso = {0, 0, 0, -1};
        grid.population = {10, 0, 10, 0};
        timeline.weeks = 2;
        for (int d = 0; d < 14; ++d) {
            DayInfo day;
            day.weekday = d % 7 + 1;
            timeline.days.push_back(day);
            for (int h = 0; h < 24; ++h) timeline.darkness.push_back(h >= 18 || h < 6 ? 1.0f : 0.0f);
        }
        results.replicates = 2;
        results.weeks = 2;
        results.districts = 1;
        results.crime_types = kCrimeTypes;
        results.has_events = true;
        results.treated = {1, 0, 0, 0};
    }
    void add(int replicate, int hour, int cell, CrimeType type, bool reported = true) {
        auto& e = results.events;
        e.replicate.push_back(replicate);
        e.hour.push_back(hour);
        e.cell.push_back(cell);
        e.crime_type.push_back(static_cast<std::int32_t>(type));
        e.offender.push_back(0);
        e.victim_group.push_back(0);
        e.reported_by.push_back(reported ? 1 : 2);
        e.arrested.push_back(0);
    }
    ValidationRun view() const { return {results, grid, timeline}; }
};

TEST(ValidationSelection, CountsByTypeAreaLightHoursAndReporting) {
    HandRun run;
    run.add(0, 20, 0, CrimeType::Assault);           // Monday 20:00, dark, treated cell
    run.add(0, 12, 0, CrimeType::Assault, false);    // Monday noon, daylight, not reported
    run.add(0, 12, 1, CrimeType::Burglary);          // buffer cell (100 m from the treated)
    run.add(1, 24 * 4 + 23, 2, CrimeType::Assault);  // Friday 23:00, dark, 200 m away
    run.add(1, 24 * 5 + 2, 2, CrimeType::Assault);   // Saturday 02:00: Friday's night
    run.add(1, 24 * 5 + 2, 3, CrimeType::Assault);   // outside every district: never counted
    const AreaSplit split = split_areas(run.grid, run.results.treated, 150.0);

    CrimeSelection all;
    EXPECT_EQ(selection_counts(all, run.view(), nullptr), (std::vector<double>{3, 2}));
    CrimeSelection assaults;
    assaults.types = {static_cast<int>(CrimeType::Assault)};
    EXPECT_EQ(selection_counts(assaults, run.view(), nullptr), (std::vector<double>{2, 2}));
    assaults.light = LightChoice::Dark;
    EXPECT_EQ(selection_counts(assaults, run.view(), nullptr), (std::vector<double>{1, 2}));
    assaults.light = LightChoice::Daylight;
    EXPECT_EQ(selection_counts(assaults, run.view(), nullptr), (std::vector<double>{1, 0}));
    assaults.light = LightChoice::Any;
    assaults.hours = {22, 23, 0, 1, 2, 3};
    assaults.weekdays = {5};  // Friday night, its small hours included
    EXPECT_EQ(selection_counts(assaults, run.view(), nullptr), (std::vector<double>{0, 2}));
    assaults.weekdays = {6};
    EXPECT_EQ(selection_counts(assaults, run.view(), nullptr), (std::vector<double>{0, 0}));

    CrimeSelection reported;
    reported.counted = Counted::Reported;
    EXPECT_EQ(selection_counts(reported, run.view(), nullptr), (std::vector<double>{2, 2}));
    CrimeSelection treated;
    treated.area = AreaChoice::Treated;
    EXPECT_EQ(selection_counts(treated, run.view(), &split), (std::vector<double>{2, 0}));
    treated.area = AreaChoice::Buffer;
    EXPECT_EQ(selection_counts(treated, run.view(), &split), (std::vector<double>{1, 0}));
    treated.area = AreaChoice::Rest;
    EXPECT_EQ(selection_counts(treated, run.view(), &split), (std::vector<double>{0, 2}));
    CrimeSelection second_week;
    second_week.first_week = 1;
    EXPECT_EQ(selection_counts(second_week, run.view(), nullptr), (std::vector<double>{0, 0}));
}

TEST(ValidationSelection, ReplicateNumbersCountFromTheRunsFirstReplicate) {
    HandRun run;
    run.add(5, 1, 0, CrimeType::Assault);
    run.add(6, 1, 0, CrimeType::Assault);
    run.add(6, 2, 0, CrimeType::Assault);
    ValidationRun view = run.view();
    view.first_replicate = 5;
    EXPECT_EQ(selection_counts({}, view, nullptr), (std::vector<double>{1, 2}));
}

FindingSpec percent_change_of_all(double low, double high) {
    FindingSpec spec;
    spec.name = "all";
    spec.statistic = Statistic::PercentChange;
    spec.published = {-20.0, {low, high}, "test", ""};
    return spec;
}

TEST(ValidationFinding, APairedPercentChangeAndWhetherItOverlaps) {
    HandRun base, treated;
    // Baseline 10 and 12 crimes; treated 8 and 9: changes −2 and −3, mean −2.5 of 11 = −22.7 %.
    for (int k = 0; k < 10; ++k) base.add(0, k, 0, CrimeType::Assault);
    for (int k = 0; k < 12; ++k) base.add(1, k, 0, CrimeType::Assault);
    for (int k = 0; k < 8; ++k) treated.add(0, k, 0, CrimeType::Assault);
    for (int k = 0; k < 9; ++k) treated.add(1, k, 0, CrimeType::Assault);
    const auto b = base.view();
    const auto t = treated.view();
    FindingResult r = evaluate_finding(percent_change_of_all(-30, -10), b, &t, 300.0);
    EXPECT_NEAR(r.model, -2.5 / 11.0 * 100.0, 1e-9);
    ASSERT_TRUE(r.model_interval);
    // t(0.975, 1) ≈ 12.706; sd of (−2, −3) = 0.7071, so the half-width is t · 0.5 → ±57.8 %.
    EXPECT_NEAR(r.model_interval->high - r.model, t_quantile_975(1) * 0.5 / 11.0 * 100.0, 1e-9);
    EXPECT_TRUE(r.overlaps);
    EXPECT_TRUE(r.as_expected);
    EXPECT_EQ(r.base_values, (std::vector<double>{10, 12}));
    EXPECT_EQ(r.treated_values, (std::vector<double>{8, 9}));

    // A published interval beyond the model's upper end: a gap, unless the tolerance bridges it.
    const double above = r.model_interval->high;
    FindingSpec far = percent_change_of_all(above + 5.0, above + 10.0);
    far.published.estimate = above + 7.0;
    EXPECT_FALSE(evaluate_finding(far, b, &t, 300.0).overlaps);
    EXPECT_FALSE(evaluate_finding(far, b, &t, 300.0).as_expected);
    far.tolerance = 5.0;
    EXPECT_TRUE(evaluate_finding(far, b, &t, 300.0).overlaps);
    far.tolerance = 0.0;
    far.expect_overlap = false;
    EXPECT_TRUE(evaluate_finding(far, b, &t, 300.0).as_expected);
}

TEST(ValidationFinding, PatternsUseTheReplicateSpread) {
    HandRun base;
    for (int k = 0; k < 3; ++k) base.add(0, k, 0, CrimeType::Burglary);
    base.add(1, 0, 0, CrimeType::Burglary);
    FindingSpec spec;
    spec.name = "burglary";
    spec.statistic = Statistic::YearlyCount;
    spec.published = {100.0, {50.0, 150.0}, "test", ""};
    const FindingResult r = evaluate_finding(spec, base.view(), nullptr, 300.0);
    // Two weeks: 3 and 1 crimes are 78 and 26 a year.
    EXPECT_EQ(r.base_values, (std::vector<double>{78, 26}));
    EXPECT_DOUBLE_EQ(r.model, 52.0);
    ASSERT_TRUE(r.model_interval);
    EXPECT_NEAR(r.model_interval->low, 26 + 0.025 * 52, 1e-9);
    EXPECT_NEAR(r.model_interval->high, 26 + 0.975 * 52, 1e-9);
    EXPECT_TRUE(r.overlaps);
}

TEST(ValidationFinding, ShareAndConcentrationOnAHandBuiltCity) {
    HandRun base;
    // Replicate 0: 3 assaults at night, 1 by day, all in cell 0. Replicate 1: 2 by day in cell 2.
    for (int h : {20, 21, 22, 12}) base.add(0, h, 0, CrimeType::Assault);
    for (int h : {10, 11}) base.add(1, h, 2, CrimeType::Assault);
    FindingSpec share;
    share.statistic = Statistic::Share;
    share.crimes.light = LightChoice::Dark;
    share.published = {50.0, {0.0, 100.0}, "test", ""};
    EXPECT_EQ(evaluate_finding(share, base.view(), nullptr, 300.0).base_values, (std::vector<double>{75, 0}));
    // Built cells: 0 and 2 (residents); cell 1 has none and no crime. All crime of a replicate
    // sits in one of the two built cells: half of the built cells hold all of it.
    FindingSpec holding;
    holding.statistic = Statistic::CellsHolding;
    holding.crime_share = 0.5;
    holding.published = {50.0, {0.0, 100.0}, "test", ""};
    EXPECT_EQ(evaluate_finding(holding, base.view(), nullptr, 300.0).base_values, (std::vector<double>{50, 50}));
}

}  // namespace
}  // namespace trygg
