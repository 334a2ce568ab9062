// The city config's sections on how safe districts are and feel (io/safety_config.cpp): the
// shipped config reads as written, and every kind of bad input in a copy of it is one
// ConfigError naming the file, the line and the dotted key.
#include "io/safety_config.hpp"

#include "core/error.hpp"
#include "io/city_config.hpp"
#include "model/incident_type.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "io/city_config_errors.hpp"

#include <algorithm>
#include <string>

namespace trygg {
namespace {

using testing::borlange_config;
using testing::district_index;

TEST(BorlangeSafetyConfig, Insecurity) {
    const auto& p = borlange_config().params.safety;
    EXPECT_EQ(p.min_age, 16);
    EXPECT_EQ(p.max_age, 84);
    EXPECT_LT(p.unsafe_threshold, p.avoid_threshold);
    EXPECT_EQ(p.avoid_from_hour, 21);
    EXPECT_DOUBLE_EQ(p.female_shift, 0.45);
    EXPECT_DOUBLE_EQ(p.victim_memory_weeks, 26.0);
    EXPECT_DOUBLE_EQ(p.memory_weeks, 8.0);
}

// Every district has a status quo, and the one the board cares about shows more of every
// kind of trouble than the calmest.
TEST(BorlangeSafetyConfig, StatusQuoOfEveryDistrict) {
    const auto& c = borlange_config();
    ASSERT_EQ(c.params.safety.status_quo.size(), c.spec.districts.size());
    ASSERT_EQ(c.params.efficacy.status_quo.size(), c.spec.districts.size());
    const auto tjarna = district_index("Tjärna Ängar"), romme = district_index("Romme");
    const auto &t = c.params.safety.status_quo[tjarna], &r = c.params.safety.status_quo[romme];
    EXPECT_GT(t.violence, r.violence);
    EXPECT_GT(t.network, r.network);
    EXPECT_GT(t.victimisation, r.victimisation);
    EXPECT_GT(c.params.efficacy.status_quo[tjarna].unsafe, c.params.efficacy.status_quo[romme].unsafe);
    EXPECT_DOUBLE_EQ(c.params.efficacy.status_quo[tjarna].victimisation, t.victimisation);
}

TEST(BorlangeSafetyConfig, CollectiveEfficacyAndRiskArea) {
    const auto& c = borlange_config().params;
    EXPECT_DOUBLE_EQ(c.efficacy.weeks_to_settle, 156.0);
    EXPECT_DOUBLE_EQ(c.efficacy.floor, 0.05);
    EXPECT_DOUBLE_EQ(c.risk_area.ses_cutoff, -0.5);
    EXPECT_LT(c.risk_area.utsatt, c.risk_area.risk);
    EXPECT_LT(c.risk_area.risk, c.risk_area.sarskilt_utsatt);
    for (int k = 0; k < kRiskComponents; ++k) EXPECT_GT(c.risk_area.reference[static_cast<std::size_t>(k)], 0.0);
}

class SafetyConfigErrors : public testing::CityConfigErrors {};

TEST_F(SafetyConfigErrors, EverySectionIsRequired) {
    for (const std::string section : {"safety", "collective_efficacy", "risk_area"}) {
        SCOPED_TRACE(section);
        const std::string renamed = section.substr(0, section.size() - 1);
        const int line = write_with("\n" + section + ":\n", "\n" + renamed + ":\n") + 1;
        expect_error(load_error(), line_of("\nname: Borlänge\n") + 1, section,
                     "missing required key (is '" + renamed + "' on line " + std::to_string(line) + " a misspelling?)");
    }
}

TEST_F(SafetyConfigErrors, AMisspeltKeySuggestsTheClosest) {
    // A missing key is reported at its mapping, naming the misspelt one's line.
    const int line = write_with("  victim_memory_weeks: 26", "  victim_memory_week: 26");
    expect_error(load_error(), line_of("\nsafety:\n") + 2, "safety.victim_memory_weeks",
                 "missing required key (is 'victim_memory_week' on line " + std::to_string(line) + " a misspelling?)");
}

TEST_F(SafetyConfigErrors, AvoidingBelowFeelingUnsafe) {
    write_with("  avoid_threshold: ", "  avoid_threshold: -3 #");
    expect_error(load_error(), line_of("  avoid_threshold: -3"), "safety.avoid_threshold",
                 "avoid_threshold is below unsafe_threshold");
}

TEST_F(SafetyConfigErrors, InvertedAges) {
    const int line = write_with("  ages: [16, 84]", "  ages: [84, 16]");
    expect_error(load_error(), line, "safety.ages", "the youngest age 84 is above the oldest 16");
    write_with("  ages: [16, 84]", "  ages: [16.5, 84]");
    expect_error(load_error(), line, "safety.ages", "expected [youngest, oldest] whole years");
}

TEST_F(SafetyConfigErrors, ANegativeEffect) {
    const int line = write_with("  darkness_effect: 0.3", "  darkness_effect: -0.3");
    expect_error(load_error(), line, "safety.darkness_effect", "value -0.3 is out of range [0, 100]");
}

TEST_F(SafetyConfigErrors, MemoryUnderAWeek) {
    const int line = write_with("  memory_weeks: 8 ", "  memory_weeks: 0.5 ");
    expect_error(load_error(), line, "safety.memory_weeks", "must be at least 1");
    write_with("  victim_memory_weeks: 26", "  victim_memory_weeks: 0");
    expect_error(load_error(), line_of("  victim_memory_weeks: 0"), "safety.victim_memory_weeks",
                 "must be greater than 0");
}

TEST_F(SafetyConfigErrors, AvoidingFromAnHourThatIsNotInTheEvening) {
    const int line = write_with("  avoid_from_hour: 21", "  avoid_from_hour: 30");
    expect_error(load_error(), line, "safety.avoid_from_hour", "value 30 is out of range [12, 27]");
}

TEST_F(SafetyConfigErrors, StatusQuoOfAnUnknownDistrict) {
    const int line = write_with("    Tjärna Ängar: {violence:", "    Tjärna Änger: {violence:");
    expect_error(load_error(), line, "safety.status_quo.Tjärna Änger",
                 "no district named 'Tjärna Änger' (a name or a RegSO code) (did you mean 'Tjärna Ängar'?)");
}

TEST_F(SafetyConfigErrors, StatusQuoMissingADistrict) {
    const std::string& text = original_;
    const auto from = text.find("    Romme: {violence:");
    ASSERT_NE(from, std::string::npos);
    const std::string row = text.substr(from, text.find('\n', from) + 1 - from);
    write_with(row, "");
    expect_error(load_error(), line_of("  status_quo:") + 1, "safety.status_quo",
                 "district Romme (2081R010) has no status quo");
}

TEST_F(SafetyConfigErrors, StatusQuoListingADistrictTwice) {
    const int line = write_with("    Tolsbo-Strandbo",
                                "    2081R013: {violence: 0, disorder: 0, network: 0, dealing: 0, "
                                "night_presence: 0, victimisation: 0, unsafe: 0, turnover: 0}\n    Tolsbo-Strandbo");
    expect_error(load_error(), line, "safety.status_quo.2081R013", "district Tjärna Ängar (2081R013) is listed twice");
}

TEST_F(SafetyConfigErrors, StatusQuoWithAShareAboveOne) {
    const std::string& text = original_;
    const auto from = text.find("    Romme: {violence:");
    const auto unsafe = text.find("unsafe: ", from);
    const std::string piece = text.substr(unsafe, text.find(',', unsafe) - unsafe);
    const int line = write_with("    Romme: {violence:" + text.substr(from + 21, unsafe - from - 21) + piece,
                                "    Romme: {violence:" + text.substr(from + 21, unsafe - from - 21) + "unsafe: 1.5");
    expect_error(load_error(), line, "safety.status_quo.Romme.unsafe", "value 1.5 is out of range [0, 1]");
}

TEST_F(SafetyConfigErrors, EfficacyCeilingBelowItsFloor) {
    const int line = write_with("  ceiling: 0.95", "  ceiling: 0.01");
    expect_error(load_error(), line, "collective_efficacy.ceiling", "ceiling must be above floor");
}

TEST_F(SafetyConfigErrors, EfficacyThatSettlesInUnderAWeek) {
    const int line = write_with("  weeks_to_settle: 156", "  weeks_to_settle: 0.5");
    expect_error(load_error(), line, "collective_efficacy.weeks_to_settle", "must be at least 1 week");
}

TEST_F(SafetyConfigErrors, RiskThresholdsThatDoNotIncrease) {
    const int line = write_with("thresholds: {utsatt: 3.5, risk: 3.9", "thresholds: {utsatt: 3.9, risk: 3.5");
    expect_error(load_error(), line, "risk_area.thresholds.utsatt", "thresholds must increase");
}

TEST_F(SafetyConfigErrors, ARiskComponentMissingOrMisspelt) {
    const int line = write_with("    recruitment: {reference:", "    recruitmnt: {reference:");
    expect_error(load_error(), line_of("  components:") + 1, "risk_area.components.recruitment",
                 "missing required key (is 'recruitmnt' on line " + std::to_string(line) + " a misspelling?)");
}

TEST_F(SafetyConfigErrors, ARiskReferenceOfZero) {
    const std::string& text = original_;
    const auto from = text.find("    members: {reference: ");
    const std::string value = text.substr(from + 25, text.find(',', from) - from - 25);
    const int line = write_with("    members: {reference: " + value + ",", "    members: {reference: 0,");
    expect_error(load_error(), line, "risk_area.components.members.reference", "must be greater than 0");
}

TEST_F(SafetyConfigErrors, NoRiskComponentWeighs) {
    std::vector<std::pair<std::string, std::string>> edits;
    const std::string& text = original_;
    for (auto name : kRiskComponentNames) {
        const std::string key = "    " + std::string(name) + ": {reference: ";
        const auto at = text.find("weight: ", text.find(key));
        const std::string weight = text.substr(at, text.find('}', at) - at);
        const std::string head = text.substr(text.find(key), at - text.find(key));
        edits.emplace_back(head + weight + "}", head + "weight: 0}");
    }
    write_with(edits);
    expect_error(load_error(), line_of("  components:") + 1, "risk_area.components",
                 "at least one component needs a weight above 0");
}

TEST(BorlangeSafetyConfig, RumoursIncidentsAndTheirReporters) {
    const auto& c = borlange_config().params;
    EXPECT_DOUBLE_EQ(c.rumours.stop_per_day, 0.5);
    EXPECT_EQ(c.rumours.youth_min_age, 12);
    EXPECT_EQ(c.rumours.youth_max_age, 24);
    EXPECT_DOUBLE_EQ(c.rumours.official_stop_factor, 2.0);
    EXPECT_DOUBLE_EQ(c.efficacy.tenure_effect, 0.15);
    EXPECT_DOUBLE_EQ(c.efficacy.civil_society_effect, 0.05);
    EXPECT_DOUBLE_EQ(c.risk_area.trend_step, 0.1);
    EXPECT_GT(c.incidents.types[static_cast<std::size_t>(IncidentType::Disorder)].base_rate, 0.0);
    EXPECT_GT(c.incidents.types[static_cast<std::size_t>(IncidentType::Fire)].base_rate, 0.0);
    EXPECT_DOUBLE_EQ(c.reporting.police_incidents[static_cast<std::size_t>(IncidentType::Fire)], 0.5);
    int fire_service = 0;
    for (const auto& r : c.reporting.est) {
        if (r.name.find("Räddningstjänsten") == std::string::npos) continue;
        ++fire_service;
        EXPECT_EQ(r.crime_types, 0u);  // fires are incidents now, not a tenth of vandalism
        EXPECT_EQ(r.incidents, 1u << static_cast<unsigned>(IncidentType::Fire));
    }
    EXPECT_EQ(fire_service, 1);
}

TEST_F(SafetyConfigErrors, RumoursWithInvertedYouthAges) {
    const int line = write_with("  youth_ages: [12, 24]", "  youth_ages: [24, 12]");
    expect_error(load_error(), line, "rumours.youth_ages", "the youngest age 24 is above the oldest 12");
}

TEST_F(SafetyConfigErrors, RumoursThatNeverStop) {
    const int line = write_with("  stop_per_day: 0.5 ", "  stop_per_day: 0 ");
    expect_error(load_error(), line, "rumours.stop_per_day", "must be greater than 0");
}

TEST_F(SafetyConfigErrors, TooManyNeighbourhoodContacts) {
    const int line = write_with("  neighbour_contacts: 4 ", "  neighbour_contacts: 51 ");
    expect_error(load_error(), line, "rumours.neighbour_contacts", "value 51 is out of range [0, 50]");
}

TEST_F(SafetyConfigErrors, OfficialInformationThatLengthensRumours) {
    const int line = write_with("  official_stop_factor: 2.0", "  official_stop_factor: 0.5");
    expect_error(load_error(), line, "rumours.official_stop_factor", "value 0.5 is out of range [1, 100]");
}

TEST_F(SafetyConfigErrors, AnUnknownIncidentTypeSuggestsTheClosest) {
    const int line = write_with("incidents: [fire], probability: 0.9}", "incidents: [fires], probability: 0.9}");
    expect_error(load_error(), line, "reporting.est_reporters[7].incidents[0]",
                 "unknown incident type 'fires' (did you mean 'fire'?)");
}

TEST_F(SafetyConfigErrors, AReporterThatSeesNothing) {
    const int line = write_with("incidents: [fire], probability: 0.9}", "incidents: [], probability: 0.9}");
    expect_error(load_error(), line, "reporting.est_reporters[7].incidents",
                 "a reporter must see at least one crime type or incident type");
}

TEST_F(SafetyConfigErrors, PoliceIncidentsNeedEveryType) {
    const int line = write_with("police_incidents: {disorder: 0.25, fire: 0.5}", "police_incidents: {disorder: 0.25}");
    expect_error(load_error(), line, "reporting.police_incidents.fire", "missing required key");
}

TEST_F(SafetyConfigErrors, AnIncidentTypeWithAMisspeltScale) {
    const int line = write_with("    fire:     {base_rate:", "    fire:     {base_rat:");
    expect_error(load_error(), line, "incidents.types.fire.base_rate", "missing required key (is 'base_rat'");
}

TEST_F(SafetyConfigErrors, ATrendStepOfZero) {
    const int line = write_with("  trend_step: 0.1 ", "  trend_step: 0 ");
    expect_error(load_error(), line, "risk_area.trend_step", "must be greater than 0");
}

TEST_F(SafetyConfigErrors, CivilSocietyEffectThatIsNotANumber) {
    const int line = write_with("  civil_society_effect: 0.05", "  civil_society_effect: some");
    expect_error(load_error(), line, "collective_efficacy.civil_society_effect", "");
}

TEST_F(SafetyConfigErrors, ANegativeTenureEffect) {
    const int line = write_with("  tenure_effect: 0.15", "  tenure_effect: -0.15");
    expect_error(load_error(), line, "collective_efficacy.tenure_effect", "value -0.15 is out of range [0, 100]");
}

}  // namespace
}  // namespace trygg
