#include "model/peer_network.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

namespace trygg {
namespace {

// 200 young people: two schools, ages 12–16, in two districts.
Population classmates() {
    Population pop;
    const std::size_t n = 200;
    pop.age.resize(n);
    pop.school_place.resize(n);
    pop.ties.assign(n * kTies, -1);
    pop.propensity.assign(n, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        pop.age[i] = static_cast<std::uint8_t>(12 + i % 5);
        pop.school_place[i] = static_cast<std::int32_t>(i % 2);
    }
    return pop;
}

TEST(PeerNetwork, ClassTiesAreWithinOneSchoolAndYearAndNeighbourTiesWithinOneDistrict) {
    auto pop = classmates();
    std::vector<std::int32_t> district(pop.size());
    for (std::size_t i = 0; i < pop.size(); ++i) district[i] = static_cast<std::int32_t>(i / 100);
    form_ties(pop, district, PeerNetworkParams{}, CounterRng({1, 0}), 0);
    int class_ties = 0, neighbour_ties = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        std::set<std::int32_t> seen;
        for (int k = 0; k < kFirstLeisureTie; ++k) {
            const std::int32_t j = pop.ties[i * kTies + static_cast<std::size_t>(k)];
            if (j < 0) continue;
            ASSERT_NE(j, static_cast<std::int32_t>(i)) << "nobody is their own peer";
            const auto jj = static_cast<std::size_t>(j);
            if (k < kClassTies) {
                ++class_ties;
                EXPECT_EQ(pop.school_place[jj], pop.school_place[i]);
                EXPECT_EQ(pop.age[jj], pop.age[i]);
                EXPECT_TRUE(seen.insert(j).second) << "a class tie twice";
            } else {
                ++neighbour_ties;
                EXPECT_EQ(district[jj], district[i]);
                EXPECT_LE(std::abs(pop.age[jj] - pop.age[i]), 2);
            }
        }
        for (int k = kFirstLeisureTie; k < kTies; ++k) EXPECT_EQ(pop.ties[i * kTies + k], -1);
    }
    // Classes of 20 fill all three class slots; neighbourhood groups all three.
    EXPECT_EQ(class_ties, 200 * kClassTies);
    EXPECT_GT(neighbour_ties, 200 * kNeighbourTies * 9 / 10);
}

TEST(PeerNetwork, CoOffendingTiesGoBothWaysAndSurviveANewSchoolYear) {
    auto pop = classmates();
    std::vector<std::int32_t> district(pop.size(), 0);
    tie_co_offenders(pop, 3, 8);
    tie_co_offenders(pop, 3, 8);  // once only
    EXPECT_EQ(pop.ties[3 * kTies + kFirstCoOffendingTie], 8);
    EXPECT_EQ(pop.ties[3 * kTies + kFirstCoOffendingTie + 1], -1);
    EXPECT_EQ(pop.ties[8 * kTies + kFirstCoOffendingTie], 3);
    form_ties(pop, district, PeerNetworkParams{}, CounterRng({1, 0}), 1);
    EXPECT_EQ(pop.ties[3 * kTies + kFirstCoOffendingTie], 8);
}

TEST(PeerNetwork, LeisureTiesJoinThoseAtOneVenueOfAnAge) {
    auto pop = classmates();
    std::vector<std::int32_t> venue(pop.size(), -1);
    for (std::size_t i = 0; i < 40; ++i) venue[i] = static_cast<std::int32_t>(i % 2);  // two venues
    tie_leisure(pop, venue, 2, CounterRng({4, 0}), 7);
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const std::int32_t j = pop.ties[i * kTies + kFirstLeisureTie];
        if (venue[i] < 0) {
            EXPECT_EQ(j, -1) << "no venue, no leisure tie";
            continue;
        }
        ASSERT_GE(j, 0) << "everyone at a venue with others of an age gets one";
        const auto jj = static_cast<std::size_t>(j);
        EXPECT_NE(jj, i);
        EXPECT_EQ(venue[jj], venue[i]);
        EXPECT_EQ(pop.age[jj] / 2, pop.age[i] / 2);
    }
}

TEST(PeerNetwork, DelinquentPeersAreAShareOfLiveTies) {
    auto pop = classmates();
    pop.ties[0] = 5;  // both aged 12
    pop.ties[1] = 10;
    pop.ties[2] = 3;  // aged 15: within a gap of 3
    pop.propensity[5] = 1.0f;
    auto offends = [&](std::size_t j) { return pop.propensity[j] > 0; };
    EXPECT_NEAR(share_of_ties(pop, 0, 3, offends), 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(share_of_ties(pop, 0, 2, offends), 1.0 / 2.0, 1e-12);  // the 15-year-old's tie has lapsed
    clear_ties(pop, 0);
    EXPECT_EQ(share_of_ties(pop, 0, 3, offends), 0.0);
}

}  // namespace
}  // namespace trygg
