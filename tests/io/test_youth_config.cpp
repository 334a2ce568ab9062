// The city config's sections on young people growing up (io/youth_config.cpp): the shipped
// Borlänge config reads into the model's structs as written, and every kind of bad input in
// a copy of it is one ConfigError naming the file, the line and the dotted key.
#include "io/youth_config.hpp"

#include "core/error.hpp"
#include "io/city_config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "io/city_config_errors.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace trygg {
namespace {

using testing::borlange_config;
using testing::district_index;

// ---- the shipped config ----

TEST(BorlangeYouthConfig, PopulationTraitShifts) {
    const auto& p = borlange_config().params.population;
    EXPECT_DOUBLE_EQ(p.male_trait_shift, 0.23);
    EXPECT_DOUBLE_EQ(p.ses_trait_shift, 0.15);
    EXPECT_DOUBLE_EQ(p.propensity_sigma, 1.0);
}

TEST(BorlangeYouthConfig, Demography) {
    const auto& d = borlange_config().params.demography;
    EXPECT_DOUBLE_EQ(d.mortality_a, 9.5e-6);
    EXPECT_DOUBLE_EQ(d.mortality_b, 0.107);
    EXPECT_DOUBLE_EQ(d.births_per_1000, 10.5);
    EXPECT_EQ(d.school_start_month, 8);
    EXPECT_EQ(d.school_start_day, 15);
    ASSERT_EQ(d.migration.size(), 8u);
    EXPECT_EQ(d.migration[3].from, 20);
    EXPECT_EQ(d.migration[3].to, 24);
    EXPECT_DOUBLE_EQ(d.migration[3].out_per_year, 0.15);
    EXPECT_DOUBLE_EQ(d.migration[3].in_share, 0.25);
    EXPECT_EQ(d.migration.back().to, 100);
}

TEST(BorlangeYouthConfig, Development) {
    const auto& p = borlange_config().params.development;
    EXPECT_EQ(p.min_age, 10);
    EXPECT_EQ(p.max_age, 24);
    EXPECT_EQ(p.offending_from_age, 12);
    EXPECT_DOUBLE_EQ(p.threshold, 1.73);
    ASSERT_EQ(p.maturation.size(), 10u);
    EXPECT_EQ(p.maturation[2], (std::pair<int, double>{17, 0.0}));
    EXPECT_EQ(p.maturation.back(), (std::pair<int, double>{85, 3.0}));
    EXPECT_DOUBLE_EQ(p.adjustment_weeks, 52.0);
    EXPECT_DOUBLE_EQ(p.exposure_effect, 0.15);
    EXPECT_DOUBLE_EQ(p.exposure_reference, 0.18);
    EXPECT_DOUBLE_EQ(p.peer_effect, 0.8);
    EXPECT_DOUBLE_EQ(p.substance_effect, 0.3);
    EXPECT_DOUBLE_EQ(p.school_failure_effect, 0.3);
    EXPECT_DOUBLE_EQ(p.structured_effect, 0.2);
    EXPECT_DOUBLE_EQ(p.engagement_effect, 0.1);
    EXPECT_DOUBLE_EQ(p.school_failure_threshold, -0.84);
    EXPECT_DOUBLE_EQ(p.engagement_substance_effect, 0.5);
    EXPECT_DOUBLE_EQ(p.engagement_peer_effect, 0.5);
}

TEST(BorlangeYouthConfig, PeersAndSubstanceUse) {
    const auto& peers = borlange_config().params.peers;
    EXPECT_EQ(peers.min_age, 10);
    EXPECT_EQ(peers.max_age, 24);
    EXPECT_EQ(peers.neighbour_age_gap, 2);
    const auto& s = borlange_config().params.substance;
    EXPECT_EQ(s.min_age, 13);
    EXPECT_EQ(s.max_age, 24);
    ASSERT_EQ(s.profile[kAlcohol].size(), 5u);
    ASSERT_EQ(s.profile[kNarcotics].size(), 5u);
    // Year 9 (15) and gymnasium year 2 (17) of CAN's survey.
    EXPECT_EQ(s.profile[kAlcohol][1].age, 15);
    EXPECT_DOUBLE_EQ(s.profile[kAlcohol][1].any, 0.37);
    EXPECT_DOUBLE_EQ(s.profile[kAlcohol][1].regular, 0.08);
    EXPECT_DOUBLE_EQ(s.profile[kNarcotics][2].any, 0.15);
    EXPECT_DOUBLE_EQ(s.peer_gain, 1.0);
    EXPECT_DOUBLE_EQ(s.market_gain, 0.5);
    EXPECT_DOUBLE_EQ(s.quit_per_year, 0.3);
    EXPECT_DOUBLE_EQ(s.debt_per_year, 0.2);
    EXPECT_DOUBLE_EQ(s.debt_clear_per_year, 0.5);
    EXPECT_DOUBLE_EQ(s.prevention_effect, 0.2);
}

TEST(BorlangeYouthConfig, RecruitmentWithItsNetworkByDistrict) {
    const auto& r = borlange_config().params.recruitment;
    EXPECT_EQ(r.min_age, 12);
    EXPECT_EQ(r.max_age, 35);
    EXPECT_DOUBLE_EQ(r.contact_per_tie, 0.01);
    EXPECT_DOUBLE_EQ(r.contact_per_exposure, 0.005);
    EXPECT_DOUBLE_EQ(r.contact_per_presence, 0.0013);
    EXPECT_DOUBLE_EQ(r.associate_rate, 0.01);
    EXPECT_DOUBLE_EQ(r.associate_slope, 1.0);
    EXPECT_DOUBLE_EQ(r.debt_factor, 3.0);
    EXPECT_DOUBLE_EQ(r.member_rate, 0.003);
    EXPECT_DOUBLE_EQ(r.member_per_tie, 0.07);
    EXPECT_DOUBLE_EQ(r.contact_lapse_per_year, 1.0);
    EXPECT_DOUBLE_EQ(r.associate_lapse_per_year, 0.3);
    EXPECT_DOUBLE_EQ(r.member_exit_per_year, 0.1);
    EXPECT_EQ(r.ageing_out_from, 30);
    EXPECT_DOUBLE_EQ(r.ageing_out_per_year, 0.05);
    EXPECT_DOUBLE_EQ(r.arrest_exit_share, 0.05);
    EXPECT_DOUBLE_EQ(r.exit_programme_factor, 3.0);
    EXPECT_DOUBLE_EQ(r.member_violence_factor, 3.0);
    EXPECT_DOUBLE_EQ(r.member_drug_factor, 5.0);
    // One entry per district, in the districts' order; those not listed start with none.
    const std::size_t n = borlange_config().spec.districts.size();
    ASSERT_EQ(r.initial_members.size(), n);
    ASSERT_EQ(r.initial_associates.size(), n);
    EXPECT_DOUBLE_EQ(r.initial_members[district_index("Tjärna Ängar")], 25.0);
    EXPECT_DOUBLE_EQ(r.initial_associates[district_index("Tjärna Ängar")], 60.0);
    EXPECT_DOUBLE_EQ(r.initial_members[district_index("Mjälga-Centrum")], 2.0);
    EXPECT_DOUBLE_EQ(r.initial_members[district_index("Romme")], 0.0);
    EXPECT_DOUBLE_EQ(std::accumulate(r.initial_members.begin(), r.initial_members.end(), 0.0), 40.0);
    EXPECT_DOUBLE_EQ(std::accumulate(r.initial_associates.begin(), r.initial_associates.end(), 0.0), 98.0);
}

TEST(BorlangeYouthConfig, SocialMeasureEffects) {
    const auto& s = borlange_config().params.social;
    EXPECT_DOUBLE_EQ(s.school_support_engagement, 0.5);
    EXPECT_DOUBLE_EQ(s.family_support_morality, 0.5);
    EXPECT_DOUBLE_EQ(s.mentoring_morality, 0.3);
    EXPECT_DOUBLE_EQ(s.persistence_weeks, 26.0);
    EXPECT_DOUBLE_EQ(s.structured_programme_hours, 1.0);
    EXPECT_DOUBLE_EQ(s.low_structure_exposure, 2.0);
    EXPECT_DOUBLE_EQ(s.venue_alcohol_reduction, 0.3);
}

// ---- bad input in a copy of the config ----

class YouthConfigErrors : public testing::CityConfigErrors {};

TEST_F(YouthConfigErrors, TheInitialNetworkMayNameADistrictByItsCode) {
    write_with("    Tjärna Ängar: {members: 25,", "    2081R013: {members: 25,");
    const CityConfig c = load_city_config(config_path());
    EXPECT_DOUBLE_EQ(c.params.recruitment.initial_members[district_index("Tjärna Ängar")], 25.0);
}

TEST_F(YouthConfigErrors, EverySectionIsRequired) {
    for (const std::string section :
         {"demography", "youth_development", "peer_network", "substance_use", "recruitment", "social_measures"}) {
        SCOPED_TRACE(section);
        const std::string renamed = section.substr(0, section.size() - 1);
        const int line = write_with("\n" + section + ":\n", "\n" + renamed + ":\n") + 1;
        expect_error(load_error(), line_of("\nname: Borlänge\n") + 1, section,
                     "missing required key (is '" + renamed + "' on line " + std::to_string(line) + " a misspelling?)");
    }
}

TEST_F(YouthConfigErrors, TheRemovedPopulationKeysAreUnknown) {
    const int line =
        write_with("  male_trait_shift: 0.23\n", "  male_trait_shift: 0.23\n  offender_male_factor: 1.6\n");
    expect_error(load_error(), line + 1, "population.offender_male_factor", "unknown key 'offender_male_factor'");
    write_with("{from: 0, to: 5, share: 0.068}", "{from: 0, to: 5, share: 0.068, offender_prevalence: 0.0}");
    expect_error(load_error(), line_of("offender_prevalence"), "population.age_bands[0].offender_prevalence",
                 "unknown key 'offender_prevalence'");
}

TEST_F(YouthConfigErrors, TraitShiftOutOfRange) {
    const int line = write_with("  ses_trait_shift: 0.15\n", "  ses_trait_shift: 15\n");
    expect_error(load_error(), line, "population.ses_trait_shift", "value 15 is out of range [-5, 5]");
}

TEST_F(YouthConfigErrors, MortalityMustBePositive) {
    const int line = write_with("mortality: {a: 9.5e-6, b: 0.107}", "mortality: {a: 0, b: 0.107}");
    expect_error(load_error(), line, "demography.mortality.a", "must be greater than 0");
    write_with("mortality: {a: 9.5e-6, b: 0.107}", "mortality: {a: 9.5e-6, b: -0.1}");
    expect_error(load_error(), line, "demography.mortality.b", "value -0.1 is out of range [0, 1]");
}

TEST_F(YouthConfigErrors, AMisspeltMortalityKeyIsNamed) {
    const int line = write_with("mortality: {a: 9.5e-6, b: 0.107}", "mortality: {a: 9.5e-6, bb: 0.107}");
    expect_error(load_error(), line, "demography.mortality.b",
                 "missing required key (is 'bb' on line " + std::to_string(line) + " a misspelling?)");
}

TEST_F(YouthConfigErrors, SchoolStartOnADayTheMonthHasNot) {
    const int line = write_with("school_start: {month: 8, day: 15}", "school_start: {month: 2, day: 30}");
    expect_error(load_error(), line, "demography.school_start.day", "month 2 has no day 30");
    write_with("school_start: {month: 8, day: 15}", "school_start: {month: 13, day: 15}");
    expect_error(load_error(), line, "demography.school_start.month", "value 13 is out of range [1, 12]");
}

TEST_F(YouthConfigErrors, BirthsAreFinite) {
    const int line = write_with("births_per_1000: 10.5 ", "births_per_1000: .inf ");
    expect_error(load_error(), line, "demography.births_per_1000", "expected a number, got '.inf'");
}

TEST_F(YouthConfigErrors, MigrationBandsWithAGap) {
    const int line = write_with("{from: 6, to: 15, out_per_year: 0.03", "{from: 7, to: 15, out_per_year: 0.03");
    expect_error(load_error(), line, "demography.migration[1].from",
                 "migration bands must be contiguous from 0 without gaps or overlaps: expected 6");
}

TEST_F(YouthConfigErrors, MigrationBandsThatOverlap) {
    const int line = write_with("{from: 16, to: 19, out_per_year: 0.05", "{from: 15, to: 19, out_per_year: 0.05");
    expect_error(load_error(), line, "demography.migration[2].from",
                 "migration bands must be contiguous from 0 without gaps or overlaps: expected 16");
}

TEST_F(YouthConfigErrors, MigrationBandsNotFromZero) {
    const int line = write_with("{from: 0, to: 5, out_per_year: 0.05", "{from: 1, to: 5, out_per_year: 0.05");
    expect_error(load_error(), line, "demography.migration[0].from", "expected 0");
}

TEST_F(YouthConfigErrors, MigrationBandThatEndsBeforeItStarts) {
    write_with({{"{from: 6, to: 15, out_per_year: 0.03", "{from: 6, to: 5, out_per_year: 0.03"}});
    expect_error(load_error(), line_of("{from: 6, to: 5,"), "demography.migration[1].to",
                 "the band ends before it starts");
}

TEST_F(YouthConfigErrors, InMigrantSharesNotSummingToOne) {
    write_with("out_per_year: 0.05, in_share: 0.10}", "out_per_year: 0.05, in_share: 0.11}");
    expect_error(load_error(), line_of("  migration:\n") + 1, "demography.migration", "in_share sums to 1.01, not 1");
}

TEST_F(YouthConfigErrors, MigrationThatStopsShortOfTheOldest) {
    write_with("{from: 65, to: 100, out_per_year: 0.01", "{from: 65, to: 90, out_per_year: 0.01");
    expect_error(load_error(), line_of("  migration:\n") + 1, "demography.migration",
                 "the bands end at 90; they must reach the oldest age of population.age_bands (100)");
}

TEST_F(YouthConfigErrors, InvertedAges) {
    const int line = write_with("  ages: [10, 24]\n  offending_from_age", "  ages: [24, 10]\n  offending_from_age");
    expect_error(load_error(), line, "youth_development.ages", "the youngest age 24 is above the oldest 10");
}

TEST_F(YouthConfigErrors, AgesThatAreNotAPairOfWholeYears) {
    const int line = write_with("  ages: [10, 24]\n  neighbour_age_gap", "  ages: [10.5, 24]\n  neighbour_age_gap");
    expect_error(load_error(), line, "peer_network.ages", "expected [youngest, oldest] whole years");
    write_with("  ages: [13, 24]\n  alcohol:", "  ages: [13]\n  alcohol:");
    expect_error(load_error(), line_of("  ages: [13]\n"), "substance_use.ages", "expected [youngest, oldest]");
    write_with("  ages: [12, 35]\n", "  ages: [12, 135]\n");
    expect_error(load_error(), line_of("  ages: [12, 135]\n"), "recruitment.ages[1]",
                 "value 135 is out of range [0, 120]");
}

TEST_F(YouthConfigErrors, MaturationAgesMustIncrease) {
    const int line = write_with("[13, 0.33], [17, 0.0]", "[13, 0.33], [13, 0.0]");
    expect_error(load_error(), line, "youth_development.maturation[2]", "ages must increase strictly: 13 follows 13");
}

TEST_F(YouthConfigErrors, MaturationPointsArePairs) {
    const int line = write_with("[10, 0.5], [13, 0.33]", "[10, 0.5, 1], [13, 0.33]");
    expect_error(load_error(), line, "youth_development.maturation[0]", "");
}

TEST_F(YouthConfigErrors, ADriverWithAMisspeltKey) {
    const int line = write_with("exposure: {effect: 0.15,", "exposure: {efect: 0.15,");
    expect_error(load_error(), line, "youth_development.exposure.effect",
                 "missing required key (is 'efect' on line " + std::to_string(line) + " a misspelling?)");
}

TEST_F(YouthConfigErrors, ANegativeDriverEffect) {
    const int line = write_with("delinquent_peers: {effect: 0.8,", "delinquent_peers: {effect: -0.8,");
    expect_error(load_error(), line, "youth_development.delinquent_peers.effect", "value -0.8 is out of range [0, 10]");
}

TEST_F(YouthConfigErrors, UnknownDevelopmentKeySuggestsTheClosest) {
    const int line = write_with("  adjustment_weeks: 52 ", "  adjustment_weks: 52\n  adjustment_weeks: 52 ");
    expect_error(load_error(), line, "youth_development.adjustment_weks",
                 "unknown key 'adjustment_weks' (did you mean 'adjustment_weeks'?)");
}

TEST_F(YouthConfigErrors, AdjustmentUnderAWeek) {
    const int line = write_with("  adjustment_weeks: 52 ", "  adjustment_weeks: 0.5 ");
    expect_error(load_error(), line, "youth_development.adjustment_weeks", "value 0.5 is out of range [1, 5200]");
}

TEST_F(YouthConfigErrors, RegularUseAboveAnyUse) {
    const int line = write_with("{age: 15, any: 0.37, regular: 0.08}", "{age: 15, any: 0.37, regular: 0.5}");
    expect_error(load_error(), line, "substance_use.alcohol[1].regular",
                 "regular use (0.5) cannot exceed any use (0.37)");
}

TEST_F(YouthConfigErrors, ProfileAgesMustIncrease) {
    const int line = write_with("{age: 17, any: 0.15,", "{age: 15, any: 0.15,");
    expect_error(load_error(), line, "substance_use.narcotics[2].age", "ages must increase strictly: 15 follows 15");
}

TEST_F(YouthConfigErrors, UseThatFallsWithAge) {
    const int line = write_with("{age: 24, any: 0.85, regular: 0.28}", "{age: 24, any: 0.75, regular: 0.28}");
    expect_error(load_error(), line, "substance_use.alcohol[4].any",
                 "use cannot fall with age: 0.75 at 24 after 0.8 at 20");
}

TEST_F(YouthConfigErrors, UseAboveOne) {
    const int line = write_with("{age: 24, any: 0.30, regular: 0.05}", "{age: 24, any: 1.30, regular: 0.05}");
    expect_error(load_error(), line, "substance_use.narcotics[4].any", "value 1.30 is out of range [0, 1]");
}

TEST_F(YouthConfigErrors, AnEmptyProfile) {
    write_with({{"  narcotics:\n    - {age: 13, any: 0.01, regular: 0.0}\n", "  narcotics: []\n"},
                {"    - {age: 15, any: 0.06, regular: 0.02}\n", ""},
                {"    - {age: 17, any: 0.15, regular: 0.04}\n", ""},
                {"    - {age: 20, any: 0.25, regular: 0.06}\n", ""},
                {"    - {age: 24, any: 0.30, regular: 0.05}\n", ""}});
    expect_error(load_error(), line_of("  narcotics: []"), "substance_use.narcotics",
                 "at least one {age, any, regular}");
}

TEST_F(YouthConfigErrors, InitialNetworkInAnUnknownDistrict) {
    const int line = write_with("    Tjärna Ängar: {members: 25,", "    Tjärna Änger: {members: 25,");
    expect_error(load_error(), line, "recruitment.initial.Tjärna Änger",
                 "no district named 'Tjärna Änger' (a name or a RegSO code) (did you mean 'Tjärna Ängar'?)");
}

TEST_F(YouthConfigErrors, InitialNetworkListingADistrictTwice) {
    const int line = write_with("    Bullermyren: {members: 4,",
                                "    2081R013: {members: 1, associates: 1}\n    Bullermyren: {members: 4,");
    expect_error(load_error(), line, "recruitment.initial.2081R013",
                 "district Tjärna Ängar (2081R013) is listed twice");
}

TEST_F(YouthConfigErrors, NegativeInitialMembers) {
    const int line = write_with("Mjälga-Centrum: {members: 2,", "Mjälga-Centrum: {members: -2,");
    expect_error(load_error(), line, "recruitment.initial.Mjälga-Centrum.members",
                 "value -2 is out of range [0, 1e+06]");
}

TEST_F(YouthConfigErrors, InitialNetworkWithAMisspeltKey) {
    const int line =
        write_with("Mjälga-Centrum: {members: 2, associates: 6}", "Mjälga-Centrum: {members: 2, asociates: 6}");
    expect_error(load_error(), line, "recruitment.initial.Mjälga-Centrum.associates",
                 "missing required key (is 'asociates' on line " + std::to_string(line) + " a misspelling?)");
}

TEST_F(YouthConfigErrors, ContactWithAnUnknownKey) {
    const int line = write_with("per_presence: 0.0013}", "per_presence: 0.0013, per_member: 0.1}");
    expect_error(load_error(), line, "recruitment.contact.per_member", "unknown key 'per_member'");
}

TEST_F(YouthConfigErrors, NegativeRates) {
    const int line = write_with("associate: {rate: 0.01,", "associate: {rate: -0.01,");
    expect_error(load_error(), line, "recruitment.associate.rate", "value -0.01 is out of range [0, inf)");
    write_with("  member_exit_per_year: 0.1\n", "  member_exit_per_year: -1\n");
    expect_error(load_error(), line_of("member_exit_per_year: -1"), "recruitment.member_exit_per_year", "out of range");
}

TEST_F(YouthConfigErrors, AgeingOutFromAFractionalAge) {
    const int line = write_with("ageing_out: {from: 30,", "ageing_out: {from: 30.5,");
    expect_error(load_error(), line, "recruitment.ageing_out.from", "expected an integer, got '30.5'");
}

TEST_F(YouthConfigErrors, ArrestExitShareAboveOne) {
    const int line = write_with("  arrest_exit_share: 0.05 ", "  arrest_exit_share: 1.2 ");
    expect_error(load_error(), line, "recruitment.arrest_exit_share", "value 1.2 is out of range [0, 1]");
}

TEST_F(YouthConfigErrors, VenueAlcoholReductionAboveOne) {
    const int line = write_with("venue_alcohol_reduction: 0.3 ", "venue_alcohol_reduction: 1.3 ");
    expect_error(load_error(), line, "social_measures.venue_alcohol_reduction", "value 1.3 is out of range [0, 1]");
}

TEST_F(YouthConfigErrors, SocialMeasuresWithAMisspeltKey) {
    const int line = write_with("  mentoring_morality: 0.3 ", "  mentor_morality: 0.3 ");
    expect_error(load_error(), line_of("social_measures:\n") + 1, "social_measures.mentoring_morality",
                 "missing required key (is 'mentor_morality' on line " + std::to_string(line) + " a misspelling?)");
}

TEST_F(YouthConfigErrors, PreventionEffectAboveOne) {
    const int line = write_with("  prevention_effect: 0.2 ", "  prevention_effect: 2 ");
    expect_error(load_error(), line, "substance_use.prevention_effect", "value 2 is out of range [0, 1]");
}

}  // namespace
}  // namespace trygg
