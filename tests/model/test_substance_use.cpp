#include "model/substance_use.hpp"

#include "core/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace trygg {
namespace {

SubstanceParams params() {
    SubstanceParams p;
    p.min_age = 13;
    p.max_age = 24;
    p.profile[kAlcohol] = {{13, 0.12, 0.01}, {15, 0.37, 0.08}, {17, 0.63, 0.22}, {24, 0.85, 0.28}};
    p.profile[kNarcotics] = {{13, 0.01, 0.0}, {15, 0.06, 0.02}, {17, 0.15, 0.04}, {24, 0.30, 0.05}};
    p.quit_per_year = 0.3;
    p.peer_gain = 1.0;
    p.market_gain = 0.5;
    p.prevention_effect = 0.2;
    return p;
}

TEST(SubstanceUse, TheProfileIsInterpolatedBetweenItsAges) {
    const auto p = params();
    EXPECT_DOUBLE_EQ(use_at(p, kAlcohol, 15).any, 0.37);
    EXPECT_NEAR(use_at(p, kAlcohol, 16).any, 0.50, 1e-12);
    EXPECT_DOUBLE_EQ(use_at(p, kAlcohol, 12).any, 0.0);     // below the ages
    EXPECT_DOUBLE_EQ(use_at(p, kNarcotics, 30).any, 0.30);  // flat past the last point
}

// A cohort of 13-year-olds followed week by week with peers at the reference level: the
// weekly hazards carry the observed profile, so year 9 (15) and gymnasium year 2 (17) come
// out as CAN's survey has them. Tolerance ±1.5 percentage points: 20,000 simulated persons
// give a binomial standard error of 0.35 points, and weekly discretisation adds a little.
TEST(SubstanceUse, WeeklyHazardsReproduceTheSurveysPrevalenceByAge) {
    const auto p = params();
    const CounterRng rng({2024, 0});
    const int n = 20000;
    std::vector<Use> alcohol(n, Use::None), narcotics(n, Use::None);
    for (int i = 0; i < n; ++i) {
        DrawSequence u(rng, Stream::Youth, static_cast<std::uint32_t>(i));
        alcohol[static_cast<std::size_t>(i)] = initial_use(p, kAlcohol, 13, u.uniform());
        narcotics[static_cast<std::size_t>(i)] = initial_use(p, kNarcotics, 13, u.uniform());
    }
    for (int age = 13; age < 17; ++age) {
        for (int w = 0; w < 52; ++w) {
            for (int i = 0; i < n; ++i) {
                const auto k = static_cast<std::size_t>(i);
                const auto draw = rng.words(Stream::Youth, static_cast<std::uint32_t>(i),
                                            static_cast<std::uint32_t>(age * 52 + w), 1);
                // Peers use as much as is usual at their age: initiation at its profile rate.
                alcohol[k] = next_use(p, kAlcohol, age, alcohol[k], use_at(p, kAlcohol, age).any, false, false,
                                      to_unit(draw[0]));
                narcotics[k] = next_use(p, kNarcotics, age, narcotics[k], use_at(p, kNarcotics, age).any, false, false,
                                        to_unit(draw[1]));
            }
        }
        const UsePoint want_a = use_at(p, kAlcohol, age + 1), want_n = use_at(p, kNarcotics, age + 1);
        double any_a = 0, reg_a = 0, any_n = 0;
        for (int i = 0; i < n; ++i) {
            any_a += alcohol[static_cast<std::size_t>(i)] != Use::None;
            reg_a += alcohol[static_cast<std::size_t>(i)] == Use::Regular;
            any_n += narcotics[static_cast<std::size_t>(i)] != Use::None;
        }
        EXPECT_NEAR(any_a / n, want_a.any, 0.015) << "alcohol at " << age + 1;
        EXPECT_NEAR(reg_a / n, want_a.regular, 0.015) << "regular drinking at " << age + 1;
        EXPECT_NEAR(any_n / n, want_n.any, 0.015) << "narcotics at " << age + 1;
    }
}

TEST(SubstanceUse, PeersMarketsAndPreventionMoveInitiation) {
    const auto p = params();
    // The chance of starting in one week, read off the draw at which the state changes.
    auto starts = [&](double peers, bool market, bool prevented) {
        int lo = 0;
        for (int k = 0; k < 100000; ++k) {
            if (next_use(p, kNarcotics, 16, Use::None, peers, market, prevented, k / 100000.0) == Use::Experimenting)
                ++lo;
        }
        return lo / 100000.0;
    };
    const double usual = use_at(p, kNarcotics, 16).any;  // peers using as much as is usual at 16
    const double base = starts(usual, false, false);
    EXPECT_GT(base, 0.0);
    EXPECT_NEAR(starts(usual + 0.5, false, false) / base, 1.5, 0.02);  // 1 + 1.0 × 0.5
    EXPECT_NEAR(starts(usual, true, false) / base, 1.5, 0.02);
    EXPECT_NEAR(starts(usual, false, true) / base, 0.8, 0.02);
    EXPECT_EQ(next_use(p, kNarcotics, 11, Use::Regular, 1.0, true, false, 0.0), Use::None);  // too young
}

}  // namespace
}  // namespace trygg
