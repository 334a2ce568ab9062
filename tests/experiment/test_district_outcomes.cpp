// The district outcomes a map shows (experiment/district_outcomes.hpp): rates per 1,000
// residents a year with 95 % intervals over replicates, victims, and the risk-area columns
// only where the run has them. Hand-made runs, so every figure is known.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experiment/district_outcomes.hpp"
#include "experiment/synthetic_runs.hpp"

#include <algorithm>
#include <string>

namespace trygg::testing {
namespace {

const DistrictColumn& column(const std::vector<DistrictColumn>& columns, const std::string& name) {
    const auto it = std::find_if(columns.begin(), columns.end(), [&](const auto& c) { return c.name == name; });
    if (it == columns.end()) throw std::runtime_error("no column " + name);
    return *it;
}

bool has_column(const std::vector<DistrictColumn>& columns, const std::string& name) {
    return std::any_of(columns.begin(), columns.end(), [&](const auto& c) { return c.name == name; });
}

// 13 weeks are a quarter of a year: counts × 4 a year. District 1 has 4,000 residents.
TEST(DistrictOutcomes, RatesArePer1000ResidentsAYearWithATIntervalCutAtZero) {
    SyntheticRun s = synthetic_run("base", 3, 13);
    const int burglaries[] = {4, 8, 12};
    for (int rep = 0; rep < 3; ++rep) s.results.crimes_true[s.weekly(rep, 5, 1, 0)] = burglaries[rep];
    const auto columns = district_outcomes(s.results, s.districts);
    // 16, 32, 48 a year per 4,000 residents: 4, 8, 12 per 1,000; sd 4; t(0.975, 2) = 4.3027.
    const ReplicateMean& b = column(columns, "burglary_per_1000").values[1];
    ASSERT_TRUE(b.mean && b.interval);
    EXPECT_DOUBLE_EQ(*b.mean, 8.0);
    EXPECT_NEAR(b.interval->high, 8.0 + 4.3027 * 4.0 / std::sqrt(3.0), 1e-9);
    EXPECT_EQ(b.interval->low, 0.0) << "8 − 9.94 is cut at 0: a rate is never negative";
    EXPECT_DOUBLE_EQ(*column(columns, "crimes_per_1000").values[1].mean, 8.0);
    EXPECT_DOUBLE_EQ(*column(columns, "robbery_per_1000").values[1].mean, 0.0);
    EXPECT_DOUBLE_EQ(*column(columns, "crimes_per_1000").values[0].mean, 0.0) << "district 0 had none";
    EXPECT_DOUBLE_EQ(*column(columns, "reported_per_1000").values[1].mean, 0.0) << "none was registered";
}

TEST(DistrictOutcomes, ResidentsRiskIsPer1000AndBusinessesAndVisitorsAreCountsAYear) {
    SyntheticRun s = synthetic_run("base", 2, 26);
    for (int rep = 0; rep < 2; ++rep) {
        s.results.victims[s.victim(rep, 0, 0)] = 10;  // residents of district 0 (5,000)
        s.results.victims[s.victim(rep, 1, 0)] = 3;   // businesses
        s.results.victims[s.victim(rep, 2, 0)] = 1 + rep;
    }
    const auto columns = district_outcomes(s.results, s.districts);
    EXPECT_DOUBLE_EQ(*column(columns, "resident_victims_per_1000").values[0].mean, 20.0 * 1000.0 / 5000.0);
    EXPECT_DOUBLE_EQ(*column(columns, "business_victims_per_year").values[0].mean, 6.0);
    EXPECT_DOUBLE_EQ(*column(columns, "visitor_victims_per_year").values[0].mean, 3.0);
    const auto& same = column(columns, "business_victims_per_year").values[0].interval;
    ASSERT_TRUE(same);
    EXPECT_DOUBLE_EQ(same->low, 6.0) << "no spread, no width";
    EXPECT_DOUBLE_EQ(same->high, 6.0);
}

TEST(DistrictOutcomes, ADistrictWithoutResidentsHasNoRateAndOneReplicateNoInterval) {
    SyntheticRun s = synthetic_run("base", 1, 4);
    s.districts.population[0] = 0;
    s.results.crimes_true[s.weekly(0, 0, 1, 1)] = 2;
    const auto columns = district_outcomes(s.results, s.districts);
    EXPECT_FALSE(column(columns, "crimes_per_1000").values[0].mean);
    const ReplicateMean& one = column(columns, "crimes_per_1000").values[1];
    ASSERT_TRUE(one.mean);
    EXPECT_DOUBLE_EQ(*one.mean, 2.0 * 13.0 * 1000.0 / 4000.0);
    EXPECT_FALSE(one.interval);
}

TEST(DistrictOutcomes, RiskAreaColumnsReadTheLastQuarterAndOnlyWhereTheRunHasThem) {
    SyntheticRun s = synthetic_run("base", 3, 26);  // two quarters
    const int classes[] = {2, 2, 1};
    for (int rep = 0; rep < 3; ++rep) {
        const auto last = (static_cast<std::size_t>(rep) * 2 + 1) * 2 + 1;  // [rep][quarter 1][district 1]
        s.results.safety.risk_class[last] = static_cast<std::int8_t>(classes[rep]);
        s.results.safety.risk_score[last] = 1.0f + static_cast<float>(rep);
        s.results.safety.unsafe_share[last] = 0.5f;
        s.results.safety.risk_class[last - 2] = 3;  // quarter 0: not the outlook
    }
    const auto columns = district_outcomes(s.results, s.districts);
    EXPECT_DOUBLE_EQ(*column(columns, "risk_score").values[1].mean, 2.0);
    EXPECT_DOUBLE_EQ(*column(columns, "risk_listed_share").values[1].mean, 1.0);
    EXPECT_FALSE(column(columns, "risk_listed_share").interval);
    EXPECT_DOUBLE_EQ(*column(columns, "unsafe_share").values[1].mean, 0.5);
    EXPECT_DOUBLE_EQ(*column(columns, "risk_listed_share").values[0].mean, 0.0);
    EXPECT_EQ(modal_risk_class(s.results), (std::vector<int>{0, 2}));

    // A schema 2 file: no safety tallies, no such columns.
    s.results.safety = {};
    const auto old = district_outcomes(s.results, s.districts);
    EXPECT_TRUE(has_column(old, "crimes_per_1000"));
    EXPECT_FALSE(has_column(old, "risk_score"));
    EXPECT_FALSE(has_column(old, "unsafe_share"));
    EXPECT_TRUE(modal_risk_class(s.results).empty());
}

TEST(DistrictOutcomes, ATieBetweenClassesGoesToTheMoreSeriousOne) {
    SyntheticRun s = synthetic_run("base", 2, 13);
    s.results.safety.risk_class[1] = 1;  // replicate 0, quarter 0, district 1
    s.results.safety.risk_class[3] = 2;  // replicate 1
    EXPECT_EQ(modal_risk_class(s.results), (std::vector<int>{0, 2}));
}

}  // namespace
}  // namespace trygg::testing
