// The safety rules on their own (model/insecurity.hpp, model/collective_efficacy.hpp,
// model/risk_area.hpp): each driver moves what it should, in the direction it should.
#include "model/collective_efficacy.hpp"
#include "model/insecurity.hpp"
#include "model/risk_area.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace trygg {
namespace {

InsecurityParams insecurity() {
    InsecurityParams p;
    p.female_shift = 0.4;
    p.elderly_shift = 0.3;
    p.elderly_from = 65;
    p.violence_effect = 0.3;
    p.disorder_effect = 0.2;
    p.network_effect = 0.1;
    p.victimisation_effect = 0.2;
    p.emptiness_effect = 0.5;
    p.night_presence_scale = 20.0;
    p.darkness_effect = 0.3;
    p.victim_effect = 0.8;
    p.victim_memory_weeks = 26.0;
    p.problem_threshold = 2.0;
    p.gang_effect = 0.5;
    p.dealing_effect = 8.0;
    return p;
}

TEST(Insecurity, EachSignalRaisesTheDistrictsWorry) {
    const InsecurityParams p = insecurity();
    DistrictSignals calm;
    calm.night_presence = 40.0;
    const double base = environment(p, calm);
    for (auto field : {&DistrictSignals::violence, &DistrictSignals::disorder, &DistrictSignals::network,
                       &DistrictSignals::victimisation}) {
        DistrictSignals s = calm;
        s.*field = 2.0;
        const double effect = field == &DistrictSignals::violence   ? p.violence_effect
                              : field == &DistrictSignals::disorder ? p.disorder_effect
                              : field == &DistrictSignals::network  ? p.network_effect
                                                                    : p.victimisation_effect;
        EXPECT_NEAR(environment(p, s) - base, std::log1p(2.0) * effect, 1e-12);
    }
    DistrictSignals empty = calm;
    empty.night_presence = 0.0;  // nobody out at night
    EXPECT_NEAR(environment(p, empty) - base, p.emptiness_effect * (1.0 - std::exp(-2.0)), 1e-12);
}

TEST(Insecurity, SaturatesInTheRate) {
    const InsecurityParams p = insecurity();
    DistrictSignals a, b, c;
    a.violence = 1.0;
    b.violence = 2.0;
    c.violence = 3.0;
    EXPECT_GT(environment(p, b) - environment(p, a), environment(p, c) - environment(p, b));
}

TEST(Insecurity, WomenTheElderlyTheDarkAndVictimsWorryMore) {
    const InsecurityParams p = insecurity();
    const double man = worry(p, 0.0, false, 40, 0.2, 1.0, -1.0);
    EXPECT_NEAR(worry(p, 0.0, true, 40, 0.2, 1.0, -1.0) - man, 2 * p.female_shift, 1e-12);
    EXPECT_NEAR(worry(p, 0.0, false, 70, 0.2, 1.0, -1.0) - man, p.elderly_shift, 1e-12);
    EXPECT_NEAR(worry(p, 0.0, false, 40, 0.2, 0.0, -1.0) - man, p.darkness_effect, 1e-12);
    EXPECT_NEAR(worry(p, 0.0, false, 40, 0.2, 1.0, 0.0) - man, p.victim_effect, 1e-12);
    // A victimisation fades: after one memory it weighs 1/e.
    EXPECT_NEAR(worry(p, 0.0, false, 40, 0.2, 1.0, 26.0) - man, p.victim_effect / std::exp(1.0), 1e-12);
    EXPECT_NEAR(worry(p, 0.0, false, 40, 0.2, 1.0, 520.0), man, 1e-6);
}

TEST(Insecurity, ProblemsNeedTheDistrictToShowThem) {
    const InsecurityParams p = insecurity();
    DistrictSignals none, gangs, dealing;
    gangs.network = 30.0;
    dealing.dealing = 0.2;
    EXPECT_DOUBLE_EQ(gang_problem_bar(p, none), p.problem_threshold);
    EXPECT_FALSE(1.5 > gang_problem_bar(p, none));
    EXPECT_TRUE(1.5 > gang_problem_bar(p, gangs));  // 1.5 + 0.5 ln 31 > 2
    EXPECT_FALSE(1.5 > dealing_problem_bar(p, none));
    EXPECT_TRUE(1.5 > dealing_problem_bar(p, dealing));
}

CollectiveEfficacyParams efficacy() {
    CollectiveEfficacyParams p;
    p.weeks_to_settle = 156.0;
    p.victimisation_effect = 0.05;
    p.insecurity_effect = 0.3;
    p.disorder_effect = 0.05;
    p.network_effect = 0.0005;
    p.turnover_effect = 0.05;
    return p;
}

TEST(CollectiveEfficacy, TheStatusQuoKeepsItWhereItWas) {
    const CollectiveEfficacyParams p = efficacy();
    const EfficacyDrivers status_quo{3.0, 0.45, 1.0, 25.0, 1.1};
    EXPECT_DOUBLE_EQ(efficacy_target(p, 0.35, status_quo, status_quo), 0.35);
}

TEST(CollectiveEfficacy, RisesAsTroubleFallsAndFallsAsItGrows) {
    const CollectiveEfficacyParams p = efficacy();
    const EfficacyDrivers status_quo{3.0, 0.45, 1.0, 25.0, 1.1};
    for (auto field : {&EfficacyDrivers::victimisation, &EfficacyDrivers::unsafe, &EfficacyDrivers::disorder,
                       &EfficacyDrivers::network, &EfficacyDrivers::turnover}) {
        EfficacyDrivers better = status_quo, worse = status_quo;
        better.*field *= 0.5;
        worse.*field *= 1.5;
        EXPECT_GT(efficacy_target(p, 0.35, better, status_quo), 0.35);
        EXPECT_LT(efficacy_target(p, 0.35, worse, status_quo), 0.35);
    }
    EfficacyDrivers disaster = status_quo;
    disaster.victimisation = 1000.0;
    EXPECT_DOUBLE_EQ(efficacy_target(p, 0.35, disaster, status_quo), p.floor);
}

TEST(CollectiveEfficacy, HousingAndCivilSocietyRaiseIt) {
    CollectiveEfficacyParams p = efficacy();
    p.tenure_effect = 0.15;
    p.civil_society_effect = 0.05;
    const EfficacyDrivers status_quo{3.0, 0.45, 1.0, 25.0, 1.1};
    EfficacyDrivers rebuilt = status_quo, reached = status_quo;
    rebuilt.tenure = 0.5;
    reached.civil_society = 1.0;
    EXPECT_NEAR(efficacy_target(p, 0.35, rebuilt, status_quo), 0.35 + 0.075, 1e-12);
    EXPECT_NEAR(efficacy_target(p, 0.35, reached, status_quo), 0.35 + 0.05, 1e-12);
}

// Slowly: a week moves it 1/156 of the way; three years about two thirds.
TEST(CollectiveEfficacy, SettlesOverYearsNotWeeks) {
    const CollectiveEfficacyParams p = efficacy();
    double e = 0.35;
    for (int w = 0; w < 4; ++w) e = settle(p, e, 0.55);
    EXPECT_LT(e - 0.35, 0.01);
    for (int w = 4; w < 156; ++w) e = settle(p, e, 0.55);
    EXPECT_NEAR((e - 0.35) / 0.2, 1.0 - std::pow(1.0 - 1.0 / 156.0, 156), 1e-9);
    EXPECT_GT((e - 0.35) / 0.2, 0.6);
}

RiskAreaParams risk() {
    RiskAreaParams p;
    p.ses_cutoff = -0.5;
    p.reference = {10.0, 2.0, 0.5, 1.0, 4.0, 0.35};
    p.weight = {0.5, 1.0, 0.5, 1.0, 1.0, 0.5};
    p.cap = 8.0;
    p.utsatt = 3.5;
    p.risk = 3.9;
    p.sarskilt_utsatt = 6.0;
    return p;
}

// The police's list gives each area a trend; the indicator's is the slope of its score over
// the last four quarters against the step.
TEST(RiskArea, TrendsFollowTheSlopeOfTheScore) {
    const double falling[] = {4.6, 4.4, 4.1, 3.9}, flat[] = {4.2, 4.3, 4.1, 4.2}, rising[] = {3.0, 3.3, 3.4, 3.8};
    EXPECT_EQ(trend_of(falling, 4, 0.1), RiskTrend::Improving);
    EXPECT_EQ(trend_of(flat, 4, 0.1), RiskTrend::Unchanged);
    EXPECT_EQ(trend_of(rising, 4, 0.1), RiskTrend::Worsening);
    EXPECT_EQ(trend_of(falling, 1, 0.1), RiskTrend::Unchanged);  // one quarter has no trend
    EXPECT_EQ(trend_of(falling, 2, 0.3), RiskTrend::Unchanged);  // −0.2 a quarter is within a step of 0.3
}

TEST(RiskArea, TheScoreIsTheWeightedMeanOfCappedRatios) {
    const RiskAreaParams p = risk();
    EXPECT_DOUBLE_EQ(influence_score(p, p.reference), 1.0);
    RiskComponents twice = p.reference;
    for (double& v : twice) v *= 2.0;
    EXPECT_DOUBLE_EQ(influence_score(p, twice), 2.0);
    RiskComponents extreme = p.reference;
    extreme[static_cast<std::size_t>(RiskComponent::Members)] = 1000.0;  // capped at 8×
    EXPECT_DOUBLE_EQ(influence_score(p, extreme), (4.5 - 1.0 + 8.0) / 4.5);
}

TEST(RiskArea, ClassesFollowTheThresholdsOnlyWhereSocioEconomicStatusIsLow) {
    const RiskAreaParams p = risk();
    EXPECT_EQ(classify(p, -1.6, 3.0), RiskClass::None);
    EXPECT_EQ(classify(p, -1.6, 3.5), RiskClass::Utsatt);
    EXPECT_EQ(classify(p, -1.6, 4.2), RiskClass::Risk);
    EXPECT_EQ(classify(p, -1.6, 6.5), RiskClass::SarskiltUtsatt);
    // Criminal influence alone does not list an area (the police's first criterion).
    EXPECT_EQ(classify(p, 0.4, 10.0), RiskClass::None);
    EXPECT_EQ(classify(p, -0.5, 4.2), RiskClass::Risk);
}

}  // namespace
}  // namespace trygg
