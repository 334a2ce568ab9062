#include "model/development.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace trygg {
namespace {

DevelopmentParams params() {
    DevelopmentParams p;
    p.threshold = 1.73;
    p.maturation = {{10, 0.5}, {17, 0.0}, {30, 0.4}};
    p.adjustment_weeks = 52;
    p.exposure_effect = 0.2;
    p.exposure_reference = 0.5;
    p.peer_effect = 0.8;
    p.peer_reference = 0.1;
    p.substance_effect = 0.3;
    p.school_failure_effect = 0.3;
    p.structured_effect = 0.1;
    p.engagement_effect = 0.1;
    p.school_failure_threshold = -0.84;
    p.engagement_substance_effect = 0.5;
    p.engagement_peer_effect = 0.0;  // engagement's own test sets it
    return p;
}

Population one(int age, Schedule s = Schedule::TeenPupil) {
    Population pop;
    pop.age = {static_cast<std::uint8_t>(age)};
    pop.schedule = {static_cast<std::uint8_t>(s)};
    pop.morality = {0.0f};
    pop.morality_base = {0.0f};
    pop.self_control = {0.0f};
    pop.school_engagement = {0.0f};
    return pop;
}

TEST(Development, MaturationIsPiecewiseLinearAndFlatBeyondItsEnds) {
    const auto p = params();
    EXPECT_DOUBLE_EQ(maturation(p, 5), 0.5);
    EXPECT_DOUBLE_EQ(maturation(p, 17), 0.0);
    EXPECT_NEAR(maturation(p, 23), 0.4 * 6 / 13, 1e-12);
    EXPECT_DOUBLE_EQ(maturation(p, 80), 0.4);
}

TEST(Development, TheSatIndexIsLowMoralityPlusLowSelfControl) {
    const auto p = params();
    auto pop = one(17);
    EXPECT_DOUBLE_EQ(sat_index(p, pop, 0), 0.0);
    pop.morality[0] = -1.0f;
    pop.self_control[0] = -1.0f;
    EXPECT_NEAR(sat_index(p, pop, 0), std::sqrt(2.0), 1e-6);
    pop.age[0] = 30;  // the same traits, matured
    EXPECT_NEAR(sat_index(p, pop, 0), (2.0 - 0.4) / std::sqrt(2.0), 1e-6);
}

TEST(Development, DriversAtTheirBaselineLevelLeaveMoralityWhereItIs) {
    const auto p = params();
    auto pop = one(15);
    WeekDrivers d;
    d.criminogenic_hours = 5.0f;  // reference 0.5 × 10 h
    d.delinquent_peers = 0.1f;
    for (int w = 0; w < 200; ++w) develop(p, pop, 0, d);
    EXPECT_NEAR(pop.morality[0], 0.0, 1e-6);
}

TEST(Development, ExposureAndDelinquentPeersLowerMoralityTowardsTheirEquilibrium) {
    const auto p = params();
    auto pop = one(15);
    WeekDrivers d;
    d.criminogenic_hours = 25.0f;  // 2 units beyond the reference
    d.delinquent_peers = 0.6f;     // 0.5 beyond
    const double equilibrium = -(0.2 * 2.0 + 0.8 * 0.5);
    develop(p, pop, 0, d);
    EXPECT_NEAR(pop.morality[0], equilibrium / 52.0, 1e-6);  // 1/τ of the gap in a week
    for (int w = 0; w < 52 * 8; ++w) develop(p, pop, 0, d);
    EXPECT_NEAR(pop.morality[0], equilibrium, 1e-3);
}

TEST(Development, StructuredLeisureAndSupportRaiseMorality) {
    const auto p = params();
    auto pop = one(15);
    WeekDrivers d;
    d.criminogenic_hours = 5.0f;
    d.delinquent_peers = 0.1f;
    d.structured_hours = 20.0f;
    d.support = 0.4f;
    for (int w = 0; w < 52 * 8; ++w) develop(p, pop, 0, d);
    EXPECT_NEAR(pop.morality[0], 0.1 * 2.0 + 0.4, 1e-3);
}

TEST(Development, SchoolFailureCountsOnlyForPupils) {
    const auto p = params();
    auto pupil = one(15, Schedule::TeenPupil);
    auto worker = one(20, Schedule::Worker);
    pupil.school_engagement[0] = worker.school_engagement[0] = -1.5f;  // failing
    WeekDrivers d;
    d.criminogenic_hours = 5.0f;
    d.delinquent_peers = 0.1f;
    for (int w = 0; w < 52 * 8; ++w) {
        develop(p, pupil, 0, d);
        develop(p, worker, 0, d);
    }
    EXPECT_NEAR(pupil.morality[0], -0.3 + 0.1 * -1.5, 1e-3);
    EXPECT_NEAR(worker.morality[0], 0.0, 1e-3);
    // School support lifts engagement above the failing line.
    d.engagement = 1.0f;
    EXPECT_GT(engagement(p, pupil, 0, d), p.school_failure_threshold);
}

}  // namespace
}  // namespace trygg
