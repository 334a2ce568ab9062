// Harm, present values, the ranking of strategies and hotspots on the baseline's yardstick,
// each against values worked out by hand (docs/comparison.md has the formulas).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "experiment/baseline_hotspots.hpp"
#include "experiment/compare.hpp"
#include "experiment/harm_cost.hpp"
#include "experiment/ranking.hpp"
#include "experiment/synthetic_runs.hpp"
#include "model/hotspots.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

namespace trygg {
namespace {

using ::testing::HasSubstr;
using testing::synthetic_run;
using testing::SyntheticRun;

const Estimate& find(const Comparison& c, const std::string& outcome, const std::string& key) {
    for (const Estimate& e : c.outcomes) {
        if (e.outcome == outcome && e.key == key) return e;
    }
    ADD_FAILURE() << "no outcome " << outcome << "/" << key;
    static const Estimate none;
    return none;
}

// ---- discounting ----

TEST(Discounting, OneYearAtTheAsekRateIsOneOver1035) {
    EXPECT_DOUBLE_EQ(kDefaultDiscountRate, 0.035);
    EXPECT_NEAR(discount_factor(0.035, 365.0), 1.0 / 1.035, 1e-15);
    EXPECT_NEAR(discount_factor(0.035, 730.0), 1.0 / (1.035 * 1.035), 1e-15);
    EXPECT_DOUBLE_EQ(discount_factor(0.035, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(discount_factor(0.0, 1234.0), 1.0);
    EXPECT_THROW(discount_factor(-0.01, 1.0), LogicError);
    EXPECT_THROW(discount_factor(std::nan(""), 1.0), LogicError);
}

RunResults::Interventions one_measure(double investment, double running, double cost, int first, int last) {
    RunResults::Interventions t;
    t.name = {"m"};
    t.kind = {"lighting"};
    t.investment_sek = {investment};
    t.running_sek_per_year = {running};
    t.cost_sek = {cost};
    if (first >= 0) {
        t.first_day = {first};
        t.last_day = {last};
    }
    return t;
}

// 1,000 SEK invested on day 0 and 365 SEK a year (1 SEK a day) for days 0–9: undiscounted
// 1,010; at 10 % a year the days form a geometric series a (1 − q¹⁰) / (1 − q), a = 1.1^(−0.5/365)
// (each day at its middle), q = 1.1^(−1/365).
TEST(Discounting, PresentValueOfAnInvestmentAndTenDaysOfRunning) {
    const auto t = one_measure(1000.0, 365.0, 1010.0, 0, 9);
    EXPECT_NEAR(present_value_sek(t, 70, 0.0), 1010.0, 1e-9);
    const double a = std::pow(1.1, -0.5 / 365.0), q = std::pow(1.1, -1.0 / 365.0);
    EXPECT_NEAR(present_value_sek(t, 70, 0.1), 1000.0 + a * (1.0 - std::pow(q, 10)) / (1.0 - q), 1e-9);
    // Invested on day 30 instead: 1,000 · 1.1^(−30/365), running days 30–39.
    const auto later = one_measure(1000.0, 365.0, 1010.0, 30, 39);
    const double a30 = std::pow(1.1, -30.5 / 365.0);
    EXPECT_NEAR(present_value_sek(later, 70, 0.1),
                1000.0 * std::pow(1.1, -30.0 / 365.0) + a30 * (1.0 - std::pow(q, 10)) / (1.0 - q), 1e-9);
    // A measure that starts after the run costs nothing within it.
    EXPECT_DOUBLE_EQ(present_value_sek(one_measure(1000.0, 365.0, 0.0, 70, 69), 70, 0.1), 0.0);
}

// A file without the measures' days: the investment on day 0 and the running days cost_sek
// implies ((1010 − 1000) · 365 / 365 = 10), from day 0: the same as the timed measure above.
TEST(Discounting, OlderFilesAssumeCostsFromDayZero) {
    bool assumed = false;
    const auto untimed = one_measure(1000.0, 365.0, 1010.0, -1, -1);
    const auto timed = one_measure(1000.0, 365.0, 1010.0, 0, 9);
    EXPECT_NEAR(present_value_sek(untimed, 70, 0.1, &assumed), present_value_sek(timed, 70, 0.1), 1e-9);
    EXPECT_TRUE(assumed);
    present_value_sek(timed, 70, 0.1, &assumed);
    EXPECT_FALSE(assumed);
}

// ---- harm weights ----

TEST(HarmIndex, DefaultWeighsRobberyAYearAndBurglaryHalfAYear) {
    const HarmIndex h = default_harm_index();
    EXPECT_EQ(h.unit, "days of imprisonment");
    EXPECT_DOUBLE_EQ(h.weight_of("robbery"), 365.0);
    EXPECT_DOUBLE_EQ(h.weight_of("burglary"), 182.0);
    EXPECT_DOUBLE_EQ(h.weight_of("bicycle_theft"), 14.0);
    EXPECT_EQ(h.weights.size(), 9u);
    for (const HarmWeight& w : h.weights) EXPECT_THAT(w.basis, HasSubstr("BrB")) << w.crime_type;
    EXPECT_THROW(h.weight_of("fraud"), InputError);
}

// Two burglaries in week 0 and a robbery in week 1: 2 · 182 + 365 = 729 days undiscounted; at
// 3.5 % each week at its middle (day 3.5 and day 10.5).
TEST(HarmIndex, WeightedCrimesByHand) {
    SyntheticRun s = synthetic_run("base", 1);
    s.results.crimes_true[s.weekly(0, 0, 0, 0)] = 2;  // burglary
    s.results.crimes_true[s.weekly(0, 1, 1, 1)] = 1;  // robbery
    const std::vector<double> w = weights_for(default_harm_index(), s.results);
    ASSERT_EQ(w, (std::vector<double>{182.0, 365.0}));
    EXPECT_DOUBLE_EQ(weighted_crimes(s.results, w, 0.0)[0], 729.0);
    EXPECT_NEAR(weighted_crimes(s.results, w, 0.035)[0],
                364.0 * std::pow(1.035, -3.5 / 365.0) + 365.0 * std::pow(1.035, -10.5 / 365.0), 1e-9);
    const std::vector<double> ones{1.0, 1.0};
    EXPECT_DOUBLE_EQ(weighted_crimes(s.results, ones, 0.0)[0], 3.0);
}

// Burglaries 10, 12, 14 in BASE and 7, 9, 12 in OTHER: changes −3, −3, −2, mean −8/3, s = 1/√3,
// interval −8/3 ± 4.3027 · (1/√3) / √3. Harm is 182 × that; OTHER invested 1 MSEK on day 0.
TEST(HarmIndex, CostPerDayOfHarmPreventedWithItsInterval) {
    SyntheticRun base = synthetic_run("base", 3), other = synthetic_run("other", 3);
    const int b[] = {10, 12, 14}, o[] = {7, 9, 12};
    for (int r = 0; r < 3; ++r) {
        base.results.crimes_true[base.weekly(r, 0, 0, 0)] = b[r];
        other.results.crimes_true[other.weekly(r, 0, 0, 0)] = o[r];
    }
    other.results.interventions = one_measure(1.0e6, 0.0, 1.0e6, 0, 13);
    other.results.youth.participants.assign(3 * 2, 0);
    CompareOptions options;
    options.discount_rate = 0.0;
    const Comparison c = compare_runs(base.compared(), other.compared(), options);
    const double change = -8.0 / 3.0, half = 4.3027 / 3.0;
    const Estimate& harm = find(c, "harm_true", "total");
    EXPECT_NEAR(harm.change, 182.0 * change, 1e-9);
    EXPECT_NEAR(find(c, "harm_true_by_type", "burglary").change, 182.0 * change, 1e-9);
    EXPECT_DOUBLE_EQ(find(c, "harm_true_by_type", "robbery").change, 0.0);
    EXPECT_NEAR(find(c, "harm_true_pv", "total").change, 182.0 * change, 1e-9);  // rate 0
    EXPECT_DOUBLE_EQ(c.harm.cost_pv_sek, 1.0e6);
    ASSERT_TRUE(c.harm.per_harm_pv.sek_per_crime_prevented);
    EXPECT_NEAR(*c.harm.per_harm_pv.sek_per_crime_prevented, 1.0e6 / (182.0 * 8.0 / 3.0), 1e-6);
    ASSERT_TRUE(c.harm.per_harm_pv.interval);
    EXPECT_NEAR(c.harm.per_harm_pv.interval->low, 1.0e6 / (182.0 * (8.0 / 3.0 + half)), 1e-6);
    EXPECT_NEAR(c.harm.per_harm_pv.interval->high, 1.0e6 / (182.0 * (8.0 / 3.0 - half)), 1e-6);
    ASSERT_TRUE(c.harm.per_crime_pv.sek_per_crime_prevented);
    EXPECT_NEAR(*c.harm.per_crime_pv.sek_per_crime_prevented, 1.0e6 / (8.0 / 3.0), 1e-6);
    // At 3.5 % the week-0 crimes are worth 1.035^(−3.5/365) each; the investment on day 0 is not discounted.
    options.discount_rate = 0.035;
    const Comparison d = compare_runs(base.compared(), other.compared(), options);
    EXPECT_NEAR(find(d, "crimes_true_pv", "total").change, change * std::pow(1.035, -3.5 / 365.0), 1e-9);
    EXPECT_DOUBLE_EQ(d.harm.cost_pv_sek, 1.0e6);
    EXPECT_DOUBLE_EQ(d.harm.discount_rate, 0.035);
}

TEST(HarmIndex, NegativeOrNonFiniteDiscountRateIsBadInput) {
    SyntheticRun base = synthetic_run("base", 2), other = synthetic_run("other", 2);
    CompareOptions options;
    for (const double rate : {-0.01, std::nan(""), std::numeric_limits<double>::infinity()}) {
        options.discount_rate = rate;
        EXPECT_THROW(compare_runs(base.compared(), other.compared(), options), InputError) << rate;
    }
}

// ---- ranking ----

// BASE 10 in every replicate; A prevents 3, 1, 2, 0 (mean 1.5), B 2 in each (mean 2). Replicate
// by replicate: A best in r0, B in r1 and r3, a tie in r2 (half each): P(best) 0.375 and 0.625.
TEST(Ranking, ProbabilityOfBeingBestIsTheShareOfReplicates) {
    const std::vector<double> base{10, 10, 10, 10};
    const std::vector<std::vector<double>> others{{7, 9, 8, 10}, {8, 8, 8, 8}};
    const RankCriterion c = rank_by("crimes_prevented", "crimes", "", base, others, {1.0, 1.0}, Pairing::Paired);
    ASSERT_EQ(c.scores.size(), 2u);
    EXPECT_DOUBLE_EQ(*c.scores[0].mean, 1.5);
    EXPECT_DOUBLE_EQ(*c.scores[1].mean, 2.0);
    EXPECT_EQ(c.scores[0].rank, 2);
    EXPECT_EQ(c.scores[1].rank, 1);
    EXPECT_DOUBLE_EQ(*c.scores[0].p_best_replicates, 0.375);
    EXPECT_DOUBLE_EQ(*c.scores[1].p_best_replicates, 0.625);
    // A's changes 3, 1, 2, 0: s = √(5/3), interval 1.5 ± 3.1824 · s / 2. B's has no spread.
    const double half = 3.1824 * std::sqrt(5.0 / 3.0) / 2.0;
    EXPECT_NEAR(c.scores[0].interval->low, 1.5 - half, 1e-12);
    EXPECT_NEAR(c.scores[0].interval->high, 1.5 + half, 1e-12);
    EXPECT_DOUBLE_EQ(c.scores[1].interval->low, 2.0);
    // The bootstrap of the means: shares of resamples, summing to 1; A's mean beats 2 only when
    // the resample draws mostly its 3s, so B is best far more often.
    const double pa = *c.scores[0].p_best_bootstrap, pb = *c.scores[1].p_best_bootstrap;
    EXPECT_NEAR(pa + pb, 1.0, 1e-12);
    EXPECT_GT(pb, 0.6);
    EXPECT_GT(pa, 0.0);
}

TEST(Ranking, ScaleDividesByCostAndNoneIsNotRanked) {
    const std::vector<double> base{10, 10};
    const std::vector<std::vector<double>> others{{6, 6}, {9, 9}, {5, 5}};
    // A prevents 4 for 2 MSEK, B 1 for 0.1 MSEK, C costs nothing extra.
    const RankCriterion c =
        rank_by("per_msek", "crimes per million SEK", "", base, others, {0.5, 10.0, std::nullopt}, Pairing::Paired);
    EXPECT_DOUBLE_EQ(*c.scores[0].mean, 2.0);
    EXPECT_DOUBLE_EQ(*c.scores[1].mean, 10.0);
    EXPECT_FALSE(c.scores[2].mean);
    EXPECT_EQ(c.scores[1].rank, 1);
    EXPECT_EQ(c.scores[0].rank, 2);
    EXPECT_EQ(c.scores[2].rank, 0);
    EXPECT_DOUBLE_EQ(*c.scores[1].p_best_replicates, 1.0);
    EXPECT_DOUBLE_EQ(*c.scores[0].p_best_replicates, 0.0);
    EXPECT_FALSE(c.scores[2].p_best_replicates);
    EXPECT_DOUBLE_EQ(*c.scores[1].p_best_bootstrap, 1.0);
}

TEST(Ranking, UnpairedRunsHaveNoShareOfReplicates) {
    const std::vector<double> base{10, 12, 11};
    const std::vector<std::vector<double>> others{{7, 9, 8}, {8, 8, 9}};
    const RankCriterion c = rank_by("x", "crimes", "", base, others, {1.0, 1.0}, Pairing::Unpaired);
    EXPECT_FALSE(c.scores[0].p_best_replicates);
    ASSERT_TRUE(c.scores[0].p_best_bootstrap);
    EXPECT_NEAR(*c.scores[0].p_best_bootstrap + *c.scores[1].p_best_bootstrap, 1.0, 1e-12);
    EXPECT_DOUBLE_EQ(*c.scores[0].mean, 3.0);  // 11 − 8
}

TEST(Ranking, StrategiesAgainstOneBase) {
    SyntheticRun base = synthetic_run("base", 3), a = synthetic_run("a", 3), b = synthetic_run("b", 3);
    for (int r = 0; r < 3; ++r) {
        base.results.crimes_true[base.weekly(r, 0, 0, 0)] = 20;
        a.results.crimes_true[a.weekly(r, 0, 0, 0)] = 18;  // 2 burglaries fewer
        b.results.crimes_true[b.weekly(r, 0, 0, 0)] = 20;
        b.results.crimes_true[b.weekly(r, 0, 0, 1)] = 0;  // robbery: none in base either
    }
    base.results.crimes_true[base.weekly(0, 0, 0, 1)] = 1;  // one robbery in base, replicate 0
    a.results.crimes_true[a.weekly(0, 0, 0, 1)] = 1;
    a.results.interventions = one_measure(2.0e6, 0.0, 2.0e6, 0, 13);
    a.results.youth.participants.assign(3 * 2, 0);
    CompareOptions options;
    options.discount_rate = 0.0;
    const StrategyRanking r = rank_strategies(base.compared(), {a.compared(), b.compared()}, options);
    ASSERT_EQ(r.criteria.size(), 4u);
    EXPECT_EQ(r.strategies, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(r.criteria[0].name, "crimes_prevented");
    EXPECT_DOUBLE_EQ(*r.criteria[0].scores[0].mean, 2.0);
    EXPECT_DOUBLE_EQ(*r.criteria[0].scores[1].mean, 1.0 / 3.0);  // b lacks base's one robbery
    EXPECT_EQ(r.criteria[0].scores[0].rank, 1);
    EXPECT_EQ(r.criteria[1].name, "harm_prevented_pv");
    EXPECT_DOUBLE_EQ(*r.criteria[1].scores[0].mean, 364.0);
    EXPECT_DOUBLE_EQ(*r.criteria[1].scores[1].mean, 365.0 / 3.0);
    EXPECT_EQ(r.criteria[2].name, "harm_prevented_pv_per_msek");
    EXPECT_DOUBLE_EQ(*r.criteria[2].scores[0].mean, 182.0);  // 364 days for 2 MSEK
    EXPECT_FALSE(r.criteria[2].scores[1].mean);              // b costs nothing
    EXPECT_EQ(r.comparisons.size(), 2u);
}

// ---- hotspots on the baseline's yardstick ----

RasterShape raster(int n) {
    return RasterShape{n, n, 100.0};
}

std::vector<double> dense(const SparseWeek& week, int cells) {
    std::vector<double> x(static_cast<std::size_t>(cells), 0.0);
    for (const auto& [c, n] : week) x[static_cast<std::size_t>(c)] = n;
    return x;
}

int relative_hotspots(const SparseWeek& week, int n, double band_m) {
    const std::vector<std::uint8_t> mask(static_cast<std::size_t>(n * n), 1);
    const auto hot = significant_hotspots(getis_ord_gi_star(raster(n), dense(week, n * n), mask, band_m), mask, 0.05,
                                          Correction::FalseDiscoveryRate);
    return std::accumulate(hot.begin(), hot.end(), 0);
}

// A block of `count` per cell of side `side` at (row, col) on an n × n raster.
void add_block(SparseWeek& week, int n, int row, int col, int side, double count) {
    for (int y = row; y < row + side; ++y) {
        for (int x = col; x < col + side; ++x) week.emplace_back(y * n + x, count);
    }
}

void dense_block(std::vector<double>& x, int n, int row, int col, int side, double count) {
    for (int y = row; y < row + side; ++y) {
        for (int c = col; c < col + side; ++c) x[static_cast<std::size_t>(y * n + c)] = count;
    }
}

SparseWeek sparse(const std::vector<double>& x) {
    SparseWeek week;
    for (std::size_t c = 0; c < x.size(); ++c) {
        if (x[c] > 0.0) week.emplace_back(static_cast<int>(c), x[c]);
    }
    return week;
}

// Against its own moments, a week's hot cells are the weekly picture's exactly (the test the
// lägesbild runs), and against another week's moments Gi* is the dense formula's.
TEST(BaselineHotspots, OwnYardstickReproducesTheWeeklyTest) {
    const int n = 20;
    SparseWeek week;
    add_block(week, n, 3, 3, 3, 6.0);
    week.emplace_back(15 * n + 15, 4.0);
    week.emplace_back(10 * n + 2, 1.0);
    week.emplace_back(0, 2.0);
    const std::vector<std::uint8_t> mask(static_cast<std::size_t>(n * n), 1);
    for (const double band : {0.0, 100.0, 200.0}) {
        const HotspotNeighbourhood area(raster(n), mask, band);
        for (const bool fdr : {true, false}) {
            const HotspotYardstick y = yardstick_of(area, week, 0.05, fdr);
            const auto expected =
                significant_hotspots(getis_ord_gi_star(raster(n), dense(week, n * n), mask, band), mask, 0.05,
                                     fdr ? Correction::FalseDiscoveryRate : Correction::None);
            std::vector<int> flagged;
            for (int c = 0; c < n * n; ++c) {
                if (expected[static_cast<std::size_t>(c)]) flagged.push_back(c);
            }
            EXPECT_EQ(hot_cells(area, week, y), flagged) << "band " << band << " fdr " << fdr;
            EXPECT_EQ(y.base_hot, static_cast<int>(flagged.size()));
        }
    }
}

// The case: a measure removes crime only from the biggest cluster. Each run's own test
// then finds more hotspots (smaller clusters stand out against a lower mean and variance); on
// the baseline's yardstick the count can only fall.
TEST(BaselineHotspots, CuttingTheBiggestClusterDoesNotRaiseHotspots) {
    const int n = 30;
    std::vector<double> base(n * n, 0.0);
    for (int c = 0; c < n * n; c += 7) base[static_cast<std::size_t>(c)] = 1.0;  // background
    for (const auto& [row, col] : {std::pair{20, 20}, std::pair{3, 22}, std::pair{22, 4}}) {
        dense_block(base, n, row, col, 2, 4.0);  // three small clusters, untouched by the measure
    }
    std::vector<double> other = base;
    dense_block(base, n, 5, 5, 5, 40.0);  // the big cluster …
    dense_block(other, n, 5, 5, 5, 8.0);  // … cut by the measure
    const double band = 100.0;
    const int own_base = relative_hotspots(sparse(base), n, band),
              own_other = relative_hotspots(sparse(other), n, band);
    EXPECT_GT(own_other, own_base) << "the construction should show the moving yardstick";
    const std::vector<std::uint8_t> mask(static_cast<std::size_t>(n * n), 1);
    const HotspotNeighbourhood area(raster(n), mask, band);
    const HotspotYardstick y = yardstick_of(area, sparse(base), 0.05, true);
    EXPECT_EQ(y.base_hot, own_base);
    EXPECT_LE(hot_cells(area, sparse(other), y).size(), static_cast<std::size_t>(own_base));
}

// The same through compare_runs, on runs whose weekly pictures repeat that week: hotspot
// cell-weeks on BASE's yardstick fall, the persistent cluster vanishes, none is new, and the
// share of crime in BASE's top cells falls with the cut.
TEST(BaselineHotspots, CompareReportsBaselineDefinedOutcomes) {
    const int n = 12, weeks = 4, R = 2;
    SyntheticRun base = synthetic_run("base", R, weeks, n, n);
    SyntheticRun other = synthetic_run("other", R, weeks, n, n);
    for (SyntheticRun* s : {&base, &other}) {
        RunResults& r = s->results;
        r.has_picture = true;
        r.picture.gi_band_m = 100.0;
        r.picture.alpha = 0.05;
        r.picture.fdr = true;
        for (int rep = 0; rep < R; ++rep) {
            for (int w = 0; w < weeks; ++w) {
                std::vector<double> map(static_cast<std::size_t>(n * n), 0.0);
                for (int c = 1; c < n * n; c += 5) map[static_cast<std::size_t>(c)] = 1.0;
                dense_block(map, n, 8, 8, 2, 2.0);
                dense_block(map, n, 2, 2, 3, s == &base ? 20.0 : 2.0);
                const SparseWeek week = sparse(map);
                for (const auto& [c, count] : week) {
                    r.picture.replicate.push_back(rep);
                    r.picture.week.push_back(w);
                    r.picture.cell.push_back(c);
                    r.picture.count.push_back(static_cast<std::int32_t>(count));
                    r.crimes_cells[s->cell(rep, 0, c / n, c % n)] += static_cast<std::int32_t>(count);
                }
            }
        }
    }
    const Comparison c = compare_runs(base.compared(), other.compared());
    ASSERT_TRUE(c.hotspots.weekly) << c.hotspots.note;
    const Estimate& cell_weeks = find(c, "hotspot_cell_weeks_baseline_rule", "total");
    EXPECT_GT(cell_weeks.base_mean, 0.0);
    EXPECT_LT(cell_weeks.change, 0.0);
    EXPECT_GT(find(c, "hotspots_persistent", "total").base_mean, 0.0);
    EXPECT_DOUBLE_EQ(find(c, "hotspots_persistent_new", "total").other_mean, 0.0);
    EXPECT_GT(find(c, "hotspots_persistent_vanished", "total").other_mean, 0.0);
    // Half of BASE's crime: the big block's 9 cells hold 20 a week each, 180 of the week's 180
    // + 4 · 2 (the small block) + 26 (background, 1 in every fifth cell off the blocks) = 214,
    // so its first 6 cells (120 ≥ 107; 5 hold 100) are the top cells.
    EXPECT_EQ(c.hotspots.top_cells, 6);
    const Estimate& share = find(c, "crime_share_in_baseline_top_cells", "total");
    EXPECT_GT(share.base_mean, 0.5);
    EXPECT_LT(share.change, 0.0);
    // Without the weekly picture, the baseline-rule outcomes are absent and the note says why.
    other.results.has_picture = false;
    const Comparison old = compare_runs(base.compared(), other.compared());
    EXPECT_FALSE(old.hotspots.weekly);
    EXPECT_THAT(old.hotspots.note, HasSubstr("other has no weekly picture"));
    for (const Estimate& e : old.outcomes) EXPECT_NE(e.outcome, "hotspots_persistent");
}

}  // namespace
}  // namespace trygg
