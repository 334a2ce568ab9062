#include "model/recruitment.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace trygg {
namespace {

RecruitmentParams params() {
    RecruitmentParams p;
    p.contact_per_tie = 0.01;
    p.contact_per_exposure = 0.005;
    p.contact_per_presence = 0.001;
    p.associate_rate = 0.01;
    p.associate_slope = 1.0;
    p.debt_factor = 3.0;
    p.member_per_tie = 0.02;  // no base rate: member_rate 0
    p.contact_lapse_per_year = 1.0;
    p.associate_lapse_per_year = 0.3;
    p.member_exit_per_year = 0.1;
    p.ageing_out_from = 30;
    p.ageing_out_per_year = 0.05;
    p.exit_programme_factor = 3.0;
    return p;
}

// The chance of leaving state `from` for `to` in a week: the share of draws that do it.
double chance(const RecruitmentParams& p, Network from, Network to, const RecruitmentInputs& in) {
    int n = 0;
    for (int k = 0; k < 100000; ++k) n += next_network_state(p, from, in, (k + 0.5) / 100000.0) == to;
    return n / 100000.0;
}

RecruitmentInputs youth() {
    RecruitmentInputs in;
    in.age = 16;
    in.threshold = 1.73;
    return in;
}

TEST(Recruitment, NobodyIsContactedWithoutTiesExposureOrPresence) {
    EXPECT_EQ(chance(params(), Network::None, Network::Contact, youth()), 0.0);
}

TEST(Recruitment, ContactGrowsWithTiesToTheNetworkAndItsPresence) {
    const auto p = params();
    auto in = youth();
    in.ties_in_network = 1;
    const double one_tie = chance(p, Network::None, Network::Contact, in);
    in.ties_in_network = 2;
    EXPECT_GT(chance(p, Network::None, Network::Contact, in), one_tie * 1.9);
    in.ties_in_network = 0;
    in.district_members_per_1000 = 7;  // Tjärna Ängar's level in the shipped config
    EXPECT_NEAR(chance(p, Network::None, Network::Contact, in), 1 - std::exp(-0.007), 1e-4);
    in.age = 40;  // outside the recruited ages
    EXPECT_EQ(chance(p, Network::None, Network::Contact, in), 0.0);
}

TEST(Recruitment, PropensityAndDrugDebtsTakeContactsFurther) {
    const auto p = params();
    auto in = youth();
    in.sat_index = in.threshold;
    const double at_threshold = chance(p, Network::Contact, Network::Associate, in);
    EXPECT_NEAR(at_threshold, 1 - std::exp(-0.01), 1e-4);
    in.sat_index = in.threshold + 1;
    EXPECT_NEAR(chance(p, Network::Contact, Network::Associate, in) / at_threshold, std::exp(1.0), 0.05);
    in.sat_index = in.threshold;
    in.debt = true;
    EXPECT_NEAR(chance(p, Network::Contact, Network::Associate, in) / at_threshold, 3.0, 0.05);
}

TEST(Recruitment, AssociatesBecomeMembersThroughTiesToMembers) {
    const auto p = params();
    auto in = youth();
    EXPECT_EQ(chance(p, Network::Associate, Network::Member, in), 0.0);
    in.ties_to_members = 2;
    EXPECT_NEAR(chance(p, Network::Associate, Network::Member, in), 1 - std::exp(-0.04), 1e-4);
}

TEST(Recruitment, MembersLeaveMoreWithAgeAndAnExitProgramme) {
    const auto p = params();
    auto in = youth();
    in.age = 25;
    const double young = chance(p, Network::Member, Network::None, in);
    EXPECT_NEAR(young, 1 - std::exp(-0.1 / 52), 1e-4);
    in.age = 36;
    EXPECT_NEAR(chance(p, Network::Member, Network::None, in), 1 - std::exp(-(0.1 + 0.3) / 52), 1e-4);
    in.age = 25;
    in.exit_programme = true;
    EXPECT_NEAR(chance(p, Network::Member, Network::None, in) / young, 3.0, 0.05);
}

}  // namespace
}  // namespace trygg
