#include "population/demography.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace trygg {
namespace {

DemographyParams params() {
    DemographyParams p;
    p.mortality_a = 9.5e-6;
    p.mortality_b = 0.107;
    p.births_per_1000 = 10.5;
    p.migration = {{0, 19, 0.04, 0.3}, {20, 34, 0.12, 0.6}, {35, 100, 0.02, 0.1}};
    return p;
}

TEST(Demography, DeathsRiseWithAgeAsTheLifeTableDoes) {
    const auto p = params();
    // SCB's life table 2023, both sexes: about 1 % die in their 66th year, 5 % at 80, 15 % at 90.
    EXPECT_NEAR(death_probability(p, 65), 0.010, 0.003);
    EXPECT_NEAR(death_probability(p, 80), 0.050, 0.010);
    EXPECT_NEAR(death_probability(p, 90), 0.145, 0.030);
    EXPECT_LT(death_probability(p, 20), 0.001);
    EXPECT_LE(death_probability(p, 200), 0.95);  // capped below 1
}

TEST(Demography, MigrationRatesComeFromTheirAgeBand) {
    const auto p = params();
    EXPECT_DOUBLE_EQ(out_migration_probability(p, 0), 0.04);
    EXPECT_DOUBLE_EQ(out_migration_probability(p, 20), 0.12);
    EXPECT_DOUBLE_EQ(out_migration_probability(p, 34), 0.12);
    EXPECT_DOUBLE_EQ(out_migration_probability(p, 100), 0.02);
}

TEST(Demography, ArrivalsAreNewbornsOrInMigrantsOfTheBandsMix) {
    const auto p = params();
    EXPECT_EQ(arrival_age(p, 0.2, 0.1, 0.5), 0);  // below the births' share: a newborn
    // The in-migrant's age follows the bands' shares: 30 % are 0–19, 60 % 20–34, 10 % 35+.
    int young = 0, adult = 0, older = 0;
    const int n = 10000;
    for (int k = 0; k < n; ++k) {
        const int a = arrival_age(p, 0.0, 0.5, (k + 0.5) / n);
        if (a <= 19)
            ++young;
        else if (a <= 34)
            ++adult;
        else
            ++older;
        ASSERT_GE(a, 0);
        ASSERT_LE(a, 100);
    }
    EXPECT_NEAR(young / double(n), 0.3, 0.001);
    EXPECT_NEAR(adult / double(n), 0.6, 0.001);
    EXPECT_NEAR(older / double(n), 0.1, 0.001);
}

TEST(Demography, BirthsReplaceTheirShareOfDepartures) {
    const auto p = params();
    // 1,000 people aged 30: each year 12 % move out and ~0.03 % die; 10.5 births.
    const std::vector<std::uint8_t> ages(1000, 30);
    const double departures = 1000 * (out_migration_probability(p, 30) + death_probability(p, 30));
    EXPECT_NEAR(birth_share_of_arrivals(p, ages), 10.5 / departures, 1e-12);
    EXPECT_DOUBLE_EQ(birth_share_of_arrivals(p, {}), 0.0);
}

}  // namespace
}  // namespace trygg
