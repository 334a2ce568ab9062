// Scenario files with the social measures and the programme's structure
// (io/scenario_config.cpp): each new kind and key reads into the plain Intervention, and
// every bad one is one ConfigError naming the scenario file, the line and the dotted key.
// The whole-binary checks (exit status 2, one line) are in tests/cli/test_cli.cpp.
#include "io/scenario_config.hpp"

#include "core/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <filesystem>
#include <string>

#include <unistd.h>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;
using testing::config_error_from;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::write_text;

namespace fs = std::filesystem;

class ScenarioConfigTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() / ("trygg_scenario_config_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    fs::path file() const { return dir_ / "scenario.yaml"; }

    // A scenario on the shipped city whose interventions are `items` (starting on line 7).
    void write(const std::string& items) const {
        write_text(file(), "city: " + testing::source_path("configs/borlange.yaml") +
                               "\nstart_date: 2025-01-06\nweeks: 52\nreplicates: 1\nseed: 1\n"
                               "interventions:\n" +
                               items);
    }

    InterventionPlan plan(const std::string& items) const {
        write(items);
        return resolve_interventions(load_scenario_config(file()), borlange_city(), borlange_config().grid_crs);
    }

    ConfigError error(const std::string& items) const {
        write(items);
        return config_error_from(
            [&] { resolve_interventions(load_scenario_config(file()), borlange_city(), borlange_config().grid_crs); });
    }

    void expect_error(const ConfigError& e, int line, const std::string& key, const std::string& problem) const {
        EXPECT_EQ(e.file(), file().string());
        EXPECT_EQ(e.line(), line);
        EXPECT_EQ(e.key(), key);
        EXPECT_THAT(e.what(), HasSubstr(file().string() + ":" + std::to_string(line) + ": " + key + ": "));
        EXPECT_THAT(e.what(), HasSubstr(problem));
        EXPECT_THAT(e.what(), Not(HasSubstr("\n")));
    }

    fs::path dir_;
};

// A social measure of `kind`: line 7 name, 8 kind, 9 where, 10 when, 11 ages, 12 target,
// 13 participants, 14 cost, then `extra`.
std::string social(const std::string& kind, const std::string& extra = "", const std::string& target = "all",
                   const std::string& where = "{district: Tjärna Ängar}") {
    return "  - name: Measure\n"
           "    kind: " +
           kind +
           "\n"
           "    where: " +
           where +
           "\n"
           "    when: {start: 2025-08-18, end: 2026-06-12}\n"
           "    ages: [13, 17]\n"
           "    target: " +
           target +
           "\n"
           "    participants: 40\n"
           "    cost: {investment_sek: 0, running_sek_per_year: 1.2e6}\n" +
           extra;
}

// A programme at Maserhallen: line 7 name … line 14 cost, then `extra`.
std::string programme(const std::string& extra = "") {
    return "  - name: Fridays\n"
           "    kind: programme\n"
           "    where: {places: [Maserhallen]}\n"
           "    when: {hours: [19, 24], days: [fri]}\n"
           "    ages: [13, 20]\n"
           "    catchment_m: 2000\n"
           "    uptake: 0.3\n"
           "    cost: {investment_sek: 0, running_sek_per_year: 0}\n"
           "    capacity: 100\n" +
           extra;
}

// An item acting on residents (awareness_work, official_information, housing_development):
// line 7 name, 8 kind, 9 where, 10 when, 11 cost, then `extra`.
std::string residents(const std::string& kind, const std::string& extra = "",
                      const std::string& when = "{start: 2026-01-05, end: 2030-12-31}",
                      const std::string& where = "{district: Tjärna Ängar}") {
    return "  - name: Residents\n"
           "    kind: " +
           kind + "\n    where: " + where + "\n    when: " + when +
           "\n    cost: {investment_sek: 1.0e8, running_sek_per_year: 0}\n" + extra;
}

// ---- good input ----

TEST_F(ScenarioConfigTest, RumourWorkAndHousingRead) {
    for (const std::string kind : {"awareness_work", "official_information", "civil_society"}) {
        SCOPED_TRACE(kind);
        const InterventionPlan p = plan(residents(kind));
        ASSERT_EQ(p.size(), 1u);
        EXPECT_TRUE(acts_on_residents(p[0].kind));
        EXPECT_FALSE(p[0].cells.empty());
        EXPECT_EQ(p[0].when.first_day, 364);  // 2026-01-05
    }
    const InterventionPlan h = plan(residents("housing_development", "    share: 0.4\n    new_resident_ses: 0.2\n"));
    EXPECT_EQ(h[0].kind, InterventionKind::HousingDevelopment);
    EXPECT_DOUBLE_EQ(h[0].share, 0.4);
    EXPECT_DOUBLE_EQ(h[0].new_resident_ses, 0.2);
    EXPECT_EQ(h[0].when.last_day, 2185);  // 2030-12-31
}

TEST_F(ScenarioConfigTest, HousingNeedsItsEndAndAShare) {
    expect_error(
        error(residents("housing_development", "    share: 0.4\n    new_resident_ses: 0.2\n", "{start: 2026-01-05}")),
        10, "interventions[0].when", "a housing development needs its end");
    expect_error(error(residents("housing_development", "    share: 0\n    new_resident_ses: 0.2\n")), 12,
                 "interventions[0].share", "must be greater than 0");
    expect_error(error(residents("housing_development", "    share: 1.5\n    new_resident_ses: 0.2\n")), 12,
                 "interventions[0].share", "value 1.5 is out of range [0, 1]");
    expect_error(error(residents("housing_development", "    share: 0.4\n")), 7, "interventions[0].new_resident_ses",
                 "missing required key");
    expect_error(error(residents("housing_development", "    share: 0.4\n    new_resident_ses: 9\n")), 13,
                 "interventions[0].new_resident_ses", "value 9 is out of range [-5, 5]");
}

TEST_F(ScenarioConfigTest, ResidentItemsHaveNoHoursNorPlaces) {
    expect_error(error(residents("awareness_work", "", "{hours: [18, 22]}")), 10, "interventions[0].when.hours",
                 "'hours' does not apply to kind awareness_work: it acts on residents every day of its period");
    expect_error(error(residents("official_information", "", "{start: 2026-01-05}", "{places: [Kupolen]}")), 9,
                 "interventions[0].where.places", "kind official_information acts on the residents of an area");
    expect_error(error(residents("awareness_work", "", "{start: 2026-01-05}", "adaptive")), 9, "interventions[0].where",
                 "kind awareness_work acts on the residents of an area");
}

TEST_F(ScenarioConfigTest, HousingKeysBelongToHousing) {
    expect_error(error(residents("awareness_work", "    share: 0.4\n")), 12, "interventions[0].share",
                 "housing_development");
    expect_error(error(residents("official_information", "    intensity: 0.4\n")), 12, "interventions[0].intensity",
                 "lighting");
}

TEST_F(ScenarioConfigTest, EverySocialKindReads) {
    for (const std::string kind : {"school_support", "family_support", "mentoring", "exit_programme"}) {
        SCOPED_TRACE(kind);
        const InterventionPlan p = plan(social(kind));
        ASSERT_EQ(p.size(), 1u);
        EXPECT_EQ(kInterventionKindNames[static_cast<std::size_t>(p[0].kind)], kind);
        EXPECT_TRUE(is_social(p[0].kind));
        EXPECT_EQ(p[0].min_age, 13);
        EXPECT_EQ(p[0].max_age, 17);
        EXPECT_EQ(p[0].target, Target::All);
        EXPECT_EQ(p[0].participants, 40);
        EXPECT_DOUBLE_EQ(p[0].running_sek_per_year, 1.2e6);
        EXPECT_FALSE(p[0].cells.empty());  // the district's cells: whose homes are in the area
        // A social measure acts all day, every day of its dates.
        EXPECT_EQ(p[0].when.from_hour, 0);
        EXPECT_EQ(p[0].when.to_hour, 24);
        EXPECT_EQ(p[0].when.weekdays, 0x7f);
        EXPECT_EQ(p[0].when.first_day, 224);  // 2025-08-18
    }
}

TEST_F(ScenarioConfigTest, TargetsRiskScoreAndReferrals) {
    const auto risk = plan(social("mentoring", "    risk_score: 0.5\n", "risk_score"));
    EXPECT_EQ(risk[0].target, Target::RiskScore);
    EXPECT_DOUBLE_EQ(risk[0].risk_score, 0.5);
    const auto referred = plan(social("exit_programme", "", "referrals"));
    EXPECT_EQ(referred[0].target, Target::Referrals);
}

TEST_F(ScenarioConfigTest, SocialMeasuresTakePolygonsAndCells) {
    EXPECT_EQ(plan(social("family_support", "", "all", "{cells: [[50, 50], [51, 50]]}"))[0].cells.size(), 2u);
    const auto p = plan(social("school_support", "", "all",
                               "{polygon: [[15.39, 60.49], [15.41, 60.49], [15.41, 60.50], [15.39, 60.50]]}"));
    EXPECT_FALSE(p[0].cells.empty());
}

TEST_F(ScenarioConfigTest, AndtsPreventionInSchoolsAndAtVenues) {
    const auto schools = plan(social("andts_prevention", "    setting: schools\n"));
    EXPECT_EQ(schools[0].setting, PreventionSetting::Schools);
    const auto area = plan(social("andts_prevention", "    setting: venues\n", "all", "{district: Östermalm}"));
    EXPECT_EQ(area[0].setting, PreventionSetting::Venues);
    const auto venue =
        plan(social("andts_prevention", "    setting: venues\n", "all", "{places: [Stationsgatan / Borganäsvägen]}"));
    EXPECT_EQ(venue[0].setting, PreventionSetting::Venues);
    EXPECT_FALSE(venue[0].cells.empty());
}

TEST_F(ScenarioConfigTest, SocialMeasuresOfOneKindForDifferentAgesDoNotOverlap) {
    const std::string older = social("mentoring");
    std::string younger = older;
    younger.replace(younger.find("ages: [13, 17]"), 14, "ages: [10, 12]");
    EXPECT_EQ(plan(older + younger).size(), 2u);
    // Schools and venues are different settings.
    const auto both = plan(social("andts_prevention", "    setting: schools\n", "all", "{district: Östermalm}") +
                           social("andts_prevention", "    setting: venues\n", "all", "{district: Östermalm}"));
    EXPECT_EQ(both.size(), 2u);
}

TEST_F(ScenarioConfigTest, ProgrammeStructureIsHighUnlessSaidOtherwise) {
    EXPECT_EQ(plan(programme())[0].structure, Structure::High);
    EXPECT_EQ(plan(programme("    structure: high\n"))[0].structure, Structure::High);
    EXPECT_EQ(plan(programme("    structure: low\n"))[0].structure, Structure::Low);
}

// ---- bad input ----

TEST_F(ScenarioConfigTest, UnknownSocialKindSuggestsTheClosest) {
    expect_error(error(social("family_suport")), 8, "interventions[0].kind",
                 "unknown kind 'family_suport' (did you mean 'family_support'?)");
}

TEST_F(ScenarioConfigTest, UnknownTargetListsTheChoices) {
    expect_error(error(social("mentoring", "", "referral")), 12, "interventions[0].target",
                 "unknown target 'referral', expected all, risk_score or referrals (did you mean 'referrals'?)");
}

TEST_F(ScenarioConfigTest, TargetIsRequired) {
    std::string item = social("school_support");
    item.erase(item.find("    target: all\n"), 16);
    expect_error(error(item), 7, "interventions[0].target", "missing required key");
}

TEST_F(ScenarioConfigTest, RiskScoreIsRequiredWithThatTarget) {
    expect_error(error(social("mentoring", "", "risk_score")), 7, "interventions[0].risk_score",
                 "missing required key");
}

TEST_F(ScenarioConfigTest, RiskScoreIsRefusedWithAnotherTarget) {
    expect_error(error(social("mentoring", "    risk_score: 0.5\n", "referrals")), 15, "interventions[0].risk_score",
                 "only with target: risk_score (this item's target is referrals)");
}

TEST_F(ScenarioConfigTest, RiskScoreOutOfRange) {
    expect_error(error(social("mentoring", "    risk_score: 50\n", "risk_score")), 15, "interventions[0].risk_score",
                 "value 50 is out of range [-10, 10]");
}

TEST_F(ScenarioConfigTest, ParticipantsAreRequiredAndCounted) {
    std::string item = social("family_support");
    item.replace(item.find("participants: 40"), 16, "participants: 0");
    expect_error(error(item), 13, "interventions[0].participants", "value 0 is out of range [1, 1e+05]");
    item.replace(item.find("participants: 0"), 15, "participants: 2.5");
    expect_error(error(item), 13, "interventions[0].participants", "expected an integer, got '2.5'");
    item.erase(item.find("    participants: 2.5\n"), 22);
    expect_error(error(item), 7, "interventions[0].participants", "missing required key");
}

TEST_F(ScenarioConfigTest, SocialAgesAreRequiredAndOrdered) {
    std::string item = social("school_support");
    item.replace(item.find("ages: [13, 17]"), 14, "ages: [17, 13]");
    expect_error(error(item), 11, "interventions[0].ages", "the youngest age 17 is above the oldest 13");
    item.replace(item.find("ages: [17, 13]"), 14, "ages: [13]");
    expect_error(error(item), 11, "interventions[0].ages", "expected [youngest, oldest] whole years");
    item.erase(item.find("    ages: [13]\n"), 15);
    expect_error(error(item), 7, "interventions[0].ages", "missing required key");
}

TEST_F(ScenarioConfigTest, SettingIsRequiredForAndtsPrevention) {
    expect_error(error(social("andts_prevention")), 7, "interventions[0].setting", "missing required key");
}

TEST_F(ScenarioConfigTest, UnknownSetting) {
    expect_error(error(social("andts_prevention", "    setting: bars\n")), 15, "interventions[0].setting",
                 "unknown setting 'bars', expected schools or venues");
}

TEST_F(ScenarioConfigTest, SettingDoesNotApplyToOtherKinds) {
    expect_error(error(social("mentoring", "    setting: schools\n")), 15, "interventions[0].setting",
                 "'setting' does not apply to kind mentoring (it is a key of andts_prevention)");
}

TEST_F(ScenarioConfigTest, KeysOfOtherKindsAreRefusedNamingTheKind) {
    expect_error(error(social("school_support", "    units: 3\n")), 15, "interventions[0].units",
                 "'units' does not apply to kind school_support (it is a key of mobile_cameras, patrols, "
                 "field_workers)");
    expect_error(error(social("exit_programme", "    capacity: 30\n")), 15, "interventions[0].capacity",
                 "'capacity' does not apply to kind exit_programme (it is a key of programme)");
    expect_error(error(programme("    target: all\n")), 16, "interventions[0].target",
                 "'target' does not apply to kind programme");
    expect_error(error(social("mentoring", "    structure: low\n")), 15, "interventions[0].structure",
                 "'structure' does not apply to kind mentoring (it is a key of programme)");
}

TEST_F(ScenarioConfigTest, ATypoInASocialKeySuggestsTheClosest) {
    expect_error(error(social("mentoring", "    participant: 4\n")), 15, "interventions[0].participant",
                 "unknown key 'participant' (did you mean 'participants'?)");
}

TEST_F(ScenarioConfigTest, SocialMeasuresHaveNoHours) {
    std::string item = social("family_support");
    const std::string dates = "when: {start: 2025-08-18, end: 2026-06-12}";
    item.replace(item.find(dates), dates.size(), "when: {hours: [18, 22]}");
    expect_error(error(item), 10, "interventions[0].when.hours",
                 "'hours' does not apply to kind family_support: a social measure acts week by week");
    item.replace(item.find("when: {hours: [18, 22]}"), 23, "when: {days: [fri]}");
    expect_error(error(item), 10, "interventions[0].when.days", "'days' does not apply to kind family_support");
}

TEST_F(ScenarioConfigTest, SocialMeasuresAreNotAdaptiveNorAtPlaces) {
    expect_error(error(social("mentoring", "", "all", "adaptive")), 9, "interventions[0].where",
                 "a mentoring item acts on the young people living in an area");
    expect_error(error(social("school_support", "", "all", "{places: [Maserskolan]}")), 9,
                 "interventions[0].where.places", "a school_support item acts on the young people living in an area");
}

TEST_F(ScenarioConfigTest, PreventionInSchoolsIsNotAtPlaces) {
    expect_error(error(social("andts_prevention", "    setting: schools\n", "all", "{places: [Maserskolan]}")), 9,
                 "interventions[0].where", "places name night-life venues: only with setting: venues");
}

TEST_F(ScenarioConfigTest, PreventionAtAPlaceThatIsNoVenue) {
    expect_error(error(social("andts_prevention", "    setting: venues\n", "all", "{places: [Kupolen]}")), 9,
                 "interventions[0].where.places[0]", "'Kupolen' is a shopping_centre, not a night-life venue");
}

TEST_F(ScenarioConfigTest, PreventionAtVenuesInAnAreaWithoutAny) {
    expect_error(error(social("andts_prevention", "    setting: venues\n")), 9, "interventions[0].where",
                 "'Measure' works at night-life venues (setting: venues), but its area has none");
}

TEST_F(ScenarioConfigTest, SocialMeasuresOfOneKindForTheSameAgesOverlap) {
    expect_error(error(social("mentoring") + social("mentoring")), 18, "interventions[1].when",
                 "'Measure' overlaps 'Measure'");
}

TEST_F(ScenarioConfigTest, UnknownStructure) {
    expect_error(error(programme("    structure: medium\n")), 16, "interventions[0].structure",
                 "unknown structure 'medium', expected high or low");
}

}  // namespace
}  // namespace trygg
