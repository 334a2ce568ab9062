// The sensitivity designs: Morris trajectories on the p-level grid that change each parameter
// once by ±Δ, Sobol' matrices A, B and AB_i from Boost's sequence, both reproducible, and the
// values of every point mapped onto the parameters' ranges.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experiment/design.hpp"
#include "experiment/trajectory_spread.hpp"

#include <boost/random/sobol.hpp>

#include <cmath>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace trygg {
namespace {

const std::vector<std::string> kThree{"a.x", "a.y", "b.z"};

TEST(MorrisDesign, DeltaIsHalfTheLevelsOverLevelsMinusOne) {
    EXPECT_DOUBLE_EQ(morris_delta(2), 1.0);
    EXPECT_DOUBLE_EQ(morris_delta(4), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(morris_delta(6), 0.6);
    EXPECT_EQ(morris_size(3, 10), 40u);
    EXPECT_EQ(sobol_size(3, 8), 40u);
}

TEST(MorrisDesign, EachStepChangesOneParameterByDeltaOnTheGrid) {
    const int r = 25, p = 4;
    const SweepDesign d = morris_design(kThree, {0, -1, 10}, {1, 1, 20}, r, p, 7);
    ASSERT_EQ(d.size(), morris_size(3, r));
    const double delta = morris_delta(p);
    std::set<int> first_changed;
    for (int t = 0; t < r; ++t) {
        std::set<int> changed;
        for (std::size_t j = 0; j <= 3; ++j) {
            const std::size_t at = static_cast<std::size_t>(t) * 4 + j;
            const DesignPoint& point = d.points[at];
            EXPECT_EQ(point.role, PointRole::Trajectory);
            EXPECT_EQ(point.block, t);
            EXPECT_EQ(point.step, static_cast<int>(j));
            for (std::size_t i = 0; i < 3; ++i) {
                // On the grid {0, 1/3, 2/3, 1}, and the value is low + u (high − low) to 12 digits.
                const double level = d.unit_at(at, i) * (p - 1);
                EXPECT_NEAR(level, std::round(level), 1e-12);
                const double exact = d.low[i] + d.unit_at(at, i) * (d.high[i] - d.low[i]);
                EXPECT_NEAR(d.value_at(at, i), exact, 1e-11 * (1.0 + std::fabs(exact)));
            }
            if (j == 0) {
                EXPECT_EQ(point.parameter, -1);
                continue;
            }
            changed.insert(point.parameter);
            if (j == 1) first_changed.insert(point.parameter);
            for (std::size_t i = 0; i < 3; ++i) {
                const double step = d.unit_at(at, i) - d.unit_at(at - 1, i);
                if (static_cast<int>(i) == point.parameter)
                    EXPECT_NEAR(std::fabs(step), delta, 1e-12);
                else
                    EXPECT_EQ(step, 0.0);
            }
        }
        EXPECT_EQ(changed.size(), 3u) << "trajectory " << t << " must change every parameter once";
    }
    // The order is random: over 25 trajectories every parameter comes first at least once.
    EXPECT_EQ(first_changed.size(), 3u);
}

// Values read as meant: 0.15 + ⅓ · 0.45 is 0.3, not 0.29999999999999993.
TEST(MorrisDesign, ValuesAreRoundedToTwelveDigits) {
    const SweepDesign d = morris_design({"a.x"}, {0.15}, {0.6}, 20, 4, 1);
    bool seen = false;
    for (std::size_t p = 0; p < d.size(); ++p) {
        if (std::fabs(d.unit_at(p, 0) - 1.0 / 3.0) < 1e-12) {
            EXPECT_EQ(d.value_at(p, 0), 0.3);
            seen = true;
        }
    }
    EXPECT_TRUE(seen);
}

TEST(MorrisDesign, TheSeedFixesTheDesign) {
    const SweepDesign a = morris_design(kThree, {0, 0, 0}, {1, 1, 1}, 6, 4, 11);
    const SweepDesign b = morris_design(kThree, {0, 0, 0}, {1, 1, 1}, 6, 4, 11);
    const SweepDesign c = morris_design(kThree, {0, 0, 0}, {1, 1, 1}, 6, 4, 12);
    EXPECT_EQ(a.unit, b.unit);
    EXPECT_NE(a.unit, c.unit);
    EXPECT_EQ(a.seed, 11u);
}

// Two levels: Δ = 1, every step goes from one end of the range to the other.
TEST(MorrisDesign, TwoLevelsStepAcrossTheWholeRange) {
    const SweepDesign d = morris_design({"a.x"}, {2}, {5}, 4, 2, 3);
    for (std::size_t t = 0; t < 4; ++t) {
        EXPECT_EQ(std::fabs(d.value_at(2 * t + 1, 0) - d.value_at(2 * t, 0)), 3.0);
    }
}

// ---- trajectories chosen for spread (Campolongo et al. 2007) ----

TEST(TrajectorySpread, DistanceSumsOverAllPairsOfPoints) {
    EXPECT_DOUBLE_EQ(trajectory_distance(std::vector<double>{0, 0}, std::vector<double>{3, 4}, 2), 5.0);
    // (0,0)–(0,0) 0, (0,0)–(0,1) 1, (1,0)–(0,0) 1, (1,0)–(0,1) √2.
    EXPECT_DOUBLE_EQ(trajectory_distance(std::vector<double>{0, 0, 1, 0}, std::vector<double>{0, 0, 0, 1}, 2),
                     2.0 + std::sqrt(2.0));
}

// One-point "trajectories" on a line: the farthest pair (0 and 1) first, then the candidate
// with the largest Σ d² to them: 0.1 and 0.9 tie at 0.82 against 0.5's 0.5; the lower index wins.
TEST(TrajectorySpread, GreedyFromTheFarthestPair) {
    const std::vector<std::vector<double>> c{{0.0}, {0.1}, {0.5}, {0.9}, {1.0}};
    EXPECT_EQ(spread_trajectories(c, 1, 3), (std::vector<std::size_t>{0, 1, 4}));
    EXPECT_EQ(spread_trajectories(c, 1, 2), (std::vector<std::size_t>{0, 4}));
    EXPECT_EQ(spread_trajectories(c, 1, 5), (std::vector<std::size_t>{0, 1, 2, 3, 4}));
}

// Σ d² over pairs of the design's trajectories: Campolongo et al.'s criterion, squared.
double spread_of(const SweepDesign& d) {
    const std::size_t k = d.dimensions(), per = (k + 1) * k;
    double sum = 0.0;
    for (int a = 0; a < d.trajectories; ++a) {
        for (int b = a + 1; b < d.trajectories; ++b) {
            const std::span<const double> ua(d.unit.data() + static_cast<std::size_t>(a) * per, per);
            const std::span<const double> ub(d.unit.data() + static_cast<std::size_t>(b) * per, per);
            const double dist = trajectory_distance(ua, ub, k);
            sum += dist * dist;
        }
    }
    return sum;
}

TEST(MorrisDesign, CandidatesGiveTrajectoriesThatSpreadMore) {
    const std::vector<double> zero(4, 0.0), one(4, 1.0);
    const SweepDesign random = morris_design({"a", "b", "c", "d"}, zero, one, 6, 4, 5);
    const SweepDesign spread = morris_design({"a", "b", "c", "d"}, zero, one, 6, 4, 5, 60);
    EXPECT_EQ(random.candidates, 0);
    EXPECT_EQ(spread.candidates, 60);
    ASSERT_EQ(spread.size(), random.size());
    // The first 6 candidates are the random design's 6, so the chosen ones spread at least as
    // much; with 60 to choose from, clearly more.
    EXPECT_GT(spread_of(spread), 1.1 * spread_of(random));
    EXPECT_EQ(spread.unit, morris_design({"a", "b", "c", "d"}, zero, one, 6, 4, 5, 60).unit);
    for (std::size_t p = 0; p < spread.size(); ++p) {
        EXPECT_EQ(spread.points[p].block, static_cast<int>(p / 5));
        EXPECT_EQ(spread.points[p].step, static_cast<int>(p % 5));
    }
}

TEST(SobolDesign, RowsAreAAbIAndBFromOneSequenceOfDimensionTwoK) {
    const int n = 16;
    const SweepDesign d = sobol_design(kThree, {0, 0, 0}, {2, 2, 2}, n);
    ASSERT_EQ(d.size(), sobol_size(3, n));
    boost::random::sobol sequence(6);
    for (int row = 0; row < n; ++row) {
        const std::size_t a = static_cast<std::size_t>(row) * 5, b = a + 4;
        EXPECT_EQ(d.points[a].role, PointRole::A);
        EXPECT_EQ(d.points[b].role, PointRole::B);
        for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(d.unit_at(a, i), static_cast<double>(sequence()) * 0x1p-64);
        for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(d.unit_at(b, i), static_cast<double>(sequence()) * 0x1p-64);
        for (std::size_t i = 0; i < 3; ++i) {
            const std::size_t ab = a + 1 + i;
            EXPECT_EQ(d.points[ab].role, PointRole::AB);
            EXPECT_EQ(d.points[ab].block, row);
            EXPECT_EQ(d.points[ab].parameter, static_cast<int>(i));
            for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(d.unit_at(ab, j), j == i ? d.unit_at(b, j) : d.unit_at(a, j));
        }
        for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(d.value_at(a, i), 2.0 * d.unit_at(a, i));
    }
    // The all-zero first point of the sequence is not used: row 0 is its second, (½, …, ½).
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(d.unit_at(0, i), 0.5);
        EXPECT_EQ(d.unit_at(4, i), 0.5);
    }
}

TEST(PlainDesign, KeepsTheValuesExactly) {
    const SweepDesign d = plain_design(SweepMethod::Grid, {"a.x"}, {{0.1}, {0.2}, {0.3}});
    EXPECT_EQ(d.low[0], 0.1);
    EXPECT_EQ(d.high[0], 0.3);
    EXPECT_EQ(d.value_at(1, 0), 0.2);
    EXPECT_EQ(d.points[2].role, PointRole::Point);
    EXPECT_EQ(d.points[2].block, 2);
    EXPECT_STREQ(name_of(SweepMethod::LatinHypercube), "latin_hypercube");
    EXPECT_STREQ(name_of(PointRole::AB), "AB");
}

}  // namespace
}  // namespace trygg
