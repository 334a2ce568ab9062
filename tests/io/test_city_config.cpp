// The city config: the real configs/borlange.yaml loads with the facts the model relies on,
// and every kind of bad input in a copy of it is one ConfigError naming the file, the line
// and the dotted key (with the closest valid name for a typo), never a silent default.
#include "io/city_config.hpp"

#include "core/error.hpp"
#include "world/geometry.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "io/city_config_errors.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

namespace trygg {
namespace {

using testing::config_error_from;
using testing::read_text;
using testing::write_text;

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using testing::CityConfigErrors;
using testing::count_of;
using testing::kConfig;
using testing::line_at;

// ---- the real config ----

class BorlangeConfig : public ::testing::Test {
protected:
    // Loaded once for the suite: the checks below only read it.
    static void SetUpTestSuite() { config_ = std::make_unique<CityConfig>(load_city_config(kConfig)); }
    static void TearDownTestSuite() { config_.reset(); }
    static const CityConfig& config() { return *config_; }

private:
    static inline std::unique_ptr<CityConfig> config_;
};

TEST_F(BorlangeConfig, KeepsTheFileAndItsText) {
    EXPECT_EQ(config().file, kConfig);
    EXPECT_EQ(config().text, read_text(kConfig));
    EXPECT_EQ(config().spec.name, "Borlänge");
    EXPECT_NEAR(config().spec.location.lat_deg, 60.4833, 1e-9);
    EXPECT_NEAR(config().spec.location.lon_deg, 15.4333, 1e-9);
    EXPECT_EQ(config().spec.cell_size_m, 100.0);
}

TEST_F(BorlangeConfig, HasSeventeenDistrictsAndTwentySevenDesos) {
    EXPECT_EQ(config().spec.districts.size(), 17u);
    EXPECT_EQ(config().spec.desos.size(), 27u);
    // Every DeSO belongs to a listed district, and every district has a DeSO.
    for (const auto& deso : config().spec.desos) {
        const bool listed = std::any_of(config().spec.districts.begin(), config().spec.districts.end(),
                                        [&](const DistrictSpec& d) { return d.code == deso.district_code; });
        EXPECT_TRUE(listed) << deso.code << " in " << deso.district_code;
        EXPECT_GT(area(deso.shape), 0.0) << deso.code;
    }
    for (const auto& district : config().spec.districts) {
        const bool has_deso = std::any_of(config().spec.desos.begin(), config().spec.desos.end(),
                                          [&](const DesoSpec& d) { return d.district_code == district.code; });
        EXPECT_TRUE(has_deso) << district.code;
    }
}

TEST_F(BorlangeConfig, PopulationIsThe2024Count) {
    const int total = std::accumulate(config().spec.desos.begin(), config().spec.desos.end(), 0,
                                      [](int sum, const DesoSpec& d) { return sum + d.population; });
    EXPECT_EQ(total, 51425);
}

TEST_F(BorlangeConfig, TjarnaAngarIsDistrict2081R013) {
    const auto& districts = config().spec.districts;
    const auto it = std::find_if(districts.begin(), districts.end(),
                                 [](const DistrictSpec& d) { return d.name == "Tjärna Ängar"; });
    ASSERT_NE(it, districts.end());
    EXPECT_EQ(it->code, "2081R013");
    EXPECT_DOUBLE_EQ(it->ses_index, -1.6);
    EXPECT_DOUBLE_EQ(it->collective_efficacy, 0.35);
    EXPECT_DOUBLE_EQ(it->employment_rate, 0.48);
    EXPECT_DOUBLE_EQ(it->street_lighting, 0.5);
}

TEST_F(BorlangeConfig, HasThirtyPlacesWithOverridesApplied) {
    const auto& places = config().spec.places;
    EXPECT_EQ(places.size(), 30u);
    auto find = [&](const std::string& name) {
        const auto it = std::find_if(places.begin(), places.end(), [&](const Place& p) { return p.name == name; });
        EXPECT_NE(it, places.end()) << name;
        return it;
    };
    const auto ssab = find("SSAB Domnarvet (Västra porten)");
    if (ssab != places.end()) {
        EXPECT_EQ(ssab->type, PlaceType::Industrial);
        EXPECT_DOUBLE_EQ(ssab->jobs, 2200.0);  // the override, not the type's 1200
        EXPECT_DOUBLE_EQ(ssab->cameras, 0.6);  // the type's value
    }
    const auto kupolen = find("Kupolen");
    if (kupolen != places.end()) {
        EXPECT_EQ(kupolen->type, PlaceType::ShoppingCentre);
        EXPECT_DOUBLE_EQ(kupolen->jobs, 900.0);
        EXPECT_EQ(kupolen->open_from, 10);
        EXPECT_EQ(kupolen->open_to, 20);
    }
    const auto& shopping = config().spec.place_types[static_cast<std::size_t>(PlaceType::ShoppingCentre)];
    EXPECT_DOUBLE_EQ(shopping.shops, 60.0);
    EXPECT_FLOAT_EQ(shopping.visitor_profile[16], 1.0f);
}

TEST_F(BorlangeConfig, VillagesLieInsideTheirDesos) {
    const auto& spec = config().spec;
    EXPECT_EQ(spec.villages.size(), 13u);
    for (const auto& v : spec.villages) {
        const auto deso = std::find_if(spec.desos.begin(), spec.desos.end(),
                                       [&](const DesoSpec& d) { return d.code == v.deso_code; });
        ASSERT_NE(deso, spec.desos.end()) << v.name;
        EXPECT_TRUE(contains(deso->shape, v.centre)) << v.name << " outside " << v.deso_code;
    }
    EXPECT_EQ(spec.spread_evenly, std::vector<std::string>{"2081A0010"});
}

TEST_F(BorlangeConfig, ReadsCalendarPopulationAndRoutines) {
    const auto& h = config().spec.school_holidays;
    EXPECT_EQ(h.sportlov_iso_week, 9);
    EXPECT_EQ(h.hostlov_iso_week, 44);
    EXPECT_EQ(h.sommarlov_first.month, 6);
    EXPECT_EQ(h.sommarlov_first.day, 13);
    EXPECT_EQ(h.jullov_last.month, 1);
    EXPECT_EQ(h.jullov_last.day, 7);
    const auto& pop = config().params.population;
    EXPECT_EQ(pop.age_bands.size(), 10u);
    const double shares = std::accumulate(pop.age_bands.begin(), pop.age_bands.end(), 0.0,
                                          [](double s, const AgeBand& b) { return s + b.share; });
    EXPECT_NEAR(shares, 1.0, 0.002);
    // Absent night factors are 1; present ones are read.
    const auto& teen = config().params.routine.schedules[2].blocks[3];  // teen_pupil hangout
    EXPECT_DOUBLE_EQ(teen.weekend_night_factor, 1.3);
    const auto& preschool_main = config().params.routine.schedules[0].blocks[0];
    EXPECT_DOUBLE_EQ(preschool_main.probability[1], 0.85);
    EXPECT_DOUBLE_EQ(preschool_main.weekend_night_factor, 1.0);
}

// ---- bad input in a copy of the config (io/city_config_errors.hpp) ----

TEST_F(CityConfigErrors, UnmodifiedCopyLoads) {
    write_text(config_path(), original_);
    const CityConfig c = load_city_config(config_path());
    EXPECT_EQ(c.spec.desos.size(), 27u);
    EXPECT_EQ(c.spec.places.size(), 30u);
}

TEST_F(CityConfigErrors, MissingConfigFile) {
    const ConfigError e = load_error();
    EXPECT_EQ(e.file(), label());
    EXPECT_THAT(e.what(), HasSubstr(label() + ": cannot open file"));
}

TEST_F(CityConfigErrors, UnclosedFlowMappingPointsAtItsBrace) {
    const int line = write_with("street_lighting: 0.5}\n  2081R014:", "street_lighting: 0.5\n  2081R014:");
    const ConfigError e = load_error();
    expect_error(e, line, "", "invalid YAML");
    EXPECT_THAT(e.what(), HasSubstr("'{' is never closed"));
}

TEST_F(CityConfigErrors, UnclosedFlowSequence) {
    const int line = write_with("hostlov_week: 44\n", "hostlov_week: [44\n");
    const ConfigError e = load_error();
    expect_error(e, line, "", "invalid YAML");
    EXPECT_THAT(e.what(), HasSubstr("'[' is never closed"));
}

TEST_F(CityConfigErrors, UnquotedColonInAValue) {
    const int line = write_with("name: Borlänge\n", "name: Borlänge: the town\n");
    const ConfigError e = load_error();
    expect_error(e, line, "", "invalid YAML");
}

TEST_F(CityConfigErrors, DuplicateKey) {
    const int line = write_with("  crs: EPSG:3006 ", "  crs: EPSG:3006\n  crs: EPSG:3006 ");
    const ConfigError e = load_error();
    expect_error(e, line + 1, "geography.crs", "duplicate key (first given on line " + std::to_string(line) + ")");
}

TEST_F(CityConfigErrors, WrongTypeIsNamedWithItsValue) {
    const int line = write_with("cell_size_m: 100 ", "cell_size_m: abc ");
    expect_error(load_error(), line, "geography.cell_size_m", "expected a number, got 'abc'");
}

TEST_F(CityConfigErrors, BooleanWhereANumberBelongs) {
    const int line = write_with("peer_cap: 5", "peer_cap: true");
    expect_error(load_error(), line, "offending.peer_cap", "expected an integer, got 'true'");
}

TEST_F(CityConfigErrors, NullValueIsNotADefault) {
    const int line = write_with("  peer_gain: 1.0                  #", "  peer_gain:                  #");
    expect_error(load_error(), line, "offending.peer_gain", "expected a number, got nothing (null)");
}

TEST_F(CityConfigErrors, OutOfRange) {
    const int line =
        write_with("ses_index: -1.6, collective_efficacy: 0.35,", "ses_index: -1.6, collective_efficacy: 1.5,");
    expect_error(load_error(), line, "districts.2081R013.collective_efficacy", "value 1.5 is out of range [0, 1]");
}

// population.scale (a larger synthetic city for benchmarks) is optional, positive and finite,
// and at most 64 × the data.
TEST_F(CityConfigErrors, PopulationScaleMustBePositiveFiniteAndAtMost64) {
    for (const char* bad : {"0", "-1", "65", ".inf", ".nan", "x"}) {
        SCOPED_TRACE(bad);
        const int line = write_with("  male_share: 0.505", std::string("  scale: ") + bad + "\n  male_share: 0.505");
        const ConfigError e = load_error();
        EXPECT_EQ(e.line(), line);
        EXPECT_EQ(e.key(), "population.scale");
        EXPECT_THAT(e.what(), ::testing::Not(::testing::HasSubstr("\n")));
    }
}

TEST_F(CityConfigErrors, PopulationScaleIsReadAndDefaultsToTheData) {
    write_with("  male_share: 0.505", "  scale: 4\n  male_share: 0.505");
    EXPECT_EQ(load_city_config(config_path()).spec.population_scale, 4.0);
    EXPECT_EQ(load_city_config(kConfig).spec.population_scale, 1.0);
}

TEST_F(CityConfigErrors, UnknownKeySuggestsTheClosest) {
    const int line = write_with("collective_efficacy: 0.35,", "collective_efficacy: 0.35, colective_efficacy: 0.35,");
    expect_error(load_error(), line, "districts.2081R013.colective_efficacy",
                 "unknown key 'colective_efficacy' (did you mean 'collective_efficacy'?)");
}

TEST_F(CityConfigErrors, MisspelledRequiredKeyPointsAtTheMisspelling) {
    // The required key is missing, so the reader fails there, at the mapping, and names the
    // line of the likely misspelling rather than leaving it for the unknown-key check.
    const int line = write_with("collective_efficacy: 0.35,", "colective_efficacy: 0.35,");
    expect_error(load_error(), line, "districts.2081R013.collective_efficacy",
                 "missing required key (is 'colective_efficacy' on line " + std::to_string(line) + " a misspelling?)");
}

TEST_F(CityConfigErrors, UnknownTopLevelKeySuggestsTheClosest) {
    const int line = write_with("\nsettlements:\n", "\nsettlement_rules: 1\nsettlements:\n") + 1;
    expect_error(load_error(), line, "settlement_rules",
                 "unknown key 'settlement_rules' (did you mean 'settlements'?)");
}

TEST_F(CityConfigErrors, MisspelledPlaceType) {
    const int line = write_with("  shopping_centre: {jobs: 900", "  shoping_centre: {jobs: 900");
    // Reported at the place_types mapping (its first line), naming the misspelt key's line.
    expect_error(load_error(), line_of("  travel_centre:   {"), "place_types.shopping_centre",
                 "missing required key (is 'shoping_centre' on line " + std::to_string(line) + " a misspelling?)");
}

TEST_F(CityConfigErrors, ExtraPlaceTypeSuggestsTheClosest) {
    const int line = write_with("  local_centre:    {", "  shoping_centre: {jobs: 1}\n  local_centre:    {");
    expect_error(load_error(), line, "place_types.shoping_centre",
                 "unknown key 'shoping_centre' (did you mean 'shopping_centre'?)");
}

TEST_F(CityConfigErrors, NeighbourhoodPlaceOfAnUnknownTypeSuggestsTheClosest) {
    const int line =
        write_with("  local_shop: {residents_per_place: 1000}", "  local_shops: {residents_per_place: 1000}");
    expect_error(load_error(), line, "neighbourhood_places.local_shops",
                 "no place type 'local_shops' (did you mean 'local_shop'?)");
}

TEST_F(CityConfigErrors, NeighbourhoodPlacesNeedAtLeastOneResidentEach) {
    const int line = write_with("  local_stop: {residents_per_place: 300}", "  local_stop: {residents_per_place: 0}");
    expect_error(load_error(), line, "neighbourhood_places.local_stop.residents_per_place", "out of range");
}

TEST_F(CityConfigErrors, NeighbourhoodPlaceRuleWithAMisspeltKey) {
    const int line = write_with("  local_stop: {residents_per_place: 300}", "  local_stop: {residents_per_plce: 300}");
    const ConfigError e = load_error();
    EXPECT_EQ(e.line(), line);
    EXPECT_THAT(e.what(), HasSubstr("residents_per_place"));
}

TEST_F(CityConfigErrors, PoliceDeterrenceAboveOne) {
    const int line = write_with("  deterrence: 0.4089", "  deterrence: 1.5");
    expect_error(load_error(), line, "police.deterrence", "out of range");
}

TEST_F(CityConfigErrors, DistrictNotInTheAreasFileSuggestsTheClosestCode) {
    const int line = write_with("  2081R013: {", "  2081R13: {");
    expect_error(load_error(), line, "districts.2081R13",
                 "district 2081R13 is not in the areas file (did you mean '2081R013'?)");
}

TEST_F(CityConfigErrors, DistrictInTheAreasFileButNotInTheConfig) {
    write_with(
        "  2081R017: {name: Övre Tjärna, ses_index: 0.5, collective_efficacy: 0.66, "
        "employment_rate: 0.81, street_lighting: 0.6}\n",
        "");
    expect_error(load_error(), line_of("  2081R001: {"), "districts",
                 "the areas file has district 2081R017, which is not listed here");
}

TEST_F(CityConfigErrors, PlaceOverrideForAnUnknownPlaceSuggestsTheClosest) {
    const int line = write_with("  Stora Enso Kvarnsveden: {jobs: 500}", "  Stora Enso Kvarnsvedn: {jobs: 500}");
    const ConfigError e = load_error();
    expect_error(e, line, "places.Stora Enso Kvarnsvedn",
                 "no place named 'Stora Enso Kvarnsvedn' in " + (dir_ / "data" / "borlange_places.csv").string() +
                     " (did you mean 'Stora Enso Kvarnsveden'?)");
}

TEST_F(CityConfigErrors, UnknownKeyInAPlaceOverride) {
    const int line = write_with("  Borlänge sjukhus: {jobs: 1500}", "  Borlänge sjukhus: {jobs: 1500, camera: 0.5}");
    expect_error(load_error(), line, "places.Borlänge sjukhus.camera",
                 "unknown key 'camera' (did you mean 'cameras'?)");
}

TEST_F(CityConfigErrors, VillageOutsideItsDeso) {
    const int line = write_with("{name: Romme, deso: 2081C1010, latitude: 60.427,",
                                "{name: Romme, deso: 2081C1010, latitude: 60.600,");
    expect_error(load_error(), line, "settlements.villages[9].latitude", "lies outside its DeSO 2081C1010");
}

TEST_F(CityConfigErrors, VillageInAnUnknownDeso) {
    const int line = write_with("{name: Romme, deso: 2081C1010,", "{name: Romme, deso: 2081C101,");
    expect_error(load_error(), line, "settlements.villages[9].deso", "no DeSO 2081C101 (did you mean '2081C1010'?)");
}

TEST_F(CityConfigErrors, SpreadEvenlyNamesAnUnknownDeso) {
    const int line = write_with("spread_evenly: [2081A0010]", "spread_evenly: [2081A001]");
    expect_error(load_error(), line, "settlements.spread_evenly[0]", "no DeSO 2081A001 (did you mean '2081A0010'?)");
}

TEST_F(CityConfigErrors, UnknownVisitorProfileSuggestsTheClosest) {
    const int line =
        write_with("visitors_peak: 1500, visitor_profile: shopping,", "visitors_peak: 1500, visitor_profile: shoping,");
    expect_error(load_error(), line, "place_types.shopping_centre.visitor_profile",
                 "no visitor profile 'shoping' (did you mean 'shopping'?)");
}

TEST_F(CityConfigErrors, VisitorProfileOfTheWrongLength) {
    const int line = write_with("  leisure:   [0,0,0,0,0,0,0,0,0,", "  leisure:   [0,0,0,0,0,0,0,0,");
    expect_error(load_error(), line, "visitor_profiles.leisure", "expected 24 hourly shares, got 23");
}

TEST_F(CityConfigErrors, MissingAreasFile) {
    const int line = write_with("areas_file: data/borlange_deso.geojson", "areas_file: data/borlange_desos.geojson");
    expect_error(load_error(), line, "geography.areas_file",
                 "file not found: " + (dir_ / "data" / "borlange_desos.geojson").string());
}

TEST_F(CityConfigErrors, MissingPlacesFile) {
    const int line = write_with("places_file: data/borlange_places.csv", "places_file: data/places.csv");
    expect_error(load_error(), line, "geography.places_file",
                 "file not found: " + (dir_ / "data" / "places.csv").string());
}

TEST_F(CityConfigErrors, AreasFileThatIsADirectory) {
    const int line = write_with("areas_file: data/borlange_deso.geojson", "areas_file: data");
    expect_error(load_error(), line, "geography.areas_file", "file not found: ");
}

TEST_F(CityConfigErrors, BrokenAreasFileNamesBothFiles) {
    const fs::path areas = dir_ / "data" / "borlange_deso.geojson";
    write_text(areas, "{\"type\": \"FeatureCollection\",\n \"features\": [,]}\n");
    const int line = write_with("areas_file: data/borlange_deso.geojson", "areas_file:   data/borlange_deso.geojson");
    const ConfigError e = load_error();
    expect_error(e, line, "geography.areas_file", areas.string() + ":2: not valid JSON");
}

TEST_F(CityConfigErrors, MissingFeaturePropertySuggestsTheClosest) {
    const int line = write_with("district_code_property: regso ", "district_code_property: regsoo ");
    expect_error(load_error(), line, "geography.district_code_property",
                 "has no property 'regsoo' (did you mean 'regso'?)");
}

TEST_F(CityConfigErrors, PopulationPropertyThatIsNotACount) {
    const int line = write_with("population_property: pop_2024", "population_property: regso_namn");
    expect_error(load_error(), line, "geography.population_property", "not a whole number");
}

TEST_F(CityConfigErrors, BrokenPlacesFileNamesBothFilesAndTheLine) {
    const fs::path places = dir_ / "data" / "borlange_places.csv";
    std::string csv = read_text(places);
    const std::string from = "Kupolen,shopping_centre,";
    ASSERT_EQ(count_of(csv, from), 1u);
    const int csv_line = line_at(csv, csv.find(from));
    csv.replace(csv.find(from), from.size(), "Kupolen,shoping_centre,");
    write_text(places, csv);
    const int line = write_with("places_file: data/borlange_places.csv", "places_file:  data/borlange_places.csv");
    expect_error(load_error(), line, "geography.places_file",
                 places.string() + ":" + std::to_string(csv_line) +
                     ": type: unknown place type 'shoping_centre' (did you mean 'shopping_centre'?)");
}

TEST_F(CityConfigErrors, UnknownCrs) {
    const int line = write_with("areas_crs: EPSG:4326", "areas_crs: EPSG:99999");
    expect_error(load_error(), line, "geography.areas_crs", "cannot transform coordinates from 'EPSG:99999'");
}

TEST_F(CityConfigErrors, AgeBandSharesNotSummingToOne) {
    write_with("{from: 0, to: 5, share: 0.068}", "{from: 0, to: 5, share: 0.168}");
    expect_error(load_error(), line_of("    - {from: 0, to: 5, share:"), "population.age_bands", "shares sum to 1.1");
}

TEST_F(CityConfigErrors, AgeBandsWithAGap) {
    const int line = write_with("{from: 6, to: 11,", "{from: 7, to: 11,");
    expect_error(load_error(), line, "population.age_bands[1].from", "age bands must be contiguous from 0: expected 6");
}

TEST_F(CityConfigErrors, ScheduleBlockWithTwoProbabilities) {
    const int line =
        write_with("main: {p: [0.90, 0.85, 0.0], start: [7.5, 0.7]", "main: {p: [0.90, 0.85], start: [7.5, 0.7]");
    expect_error(load_error(), line, "routines.schedules.preschool.main.p", "expected three probabilities");
}

TEST_F(CityConfigErrors, ScheduleProbabilityOutOfRange) {
    const int line =
        write_with("main: {p: [0.90, 0.85, 0.0], start: [7.5, 0.7]", "main: {p: [0.90, 1.85, 0.0], start: [7.5, 0.7]");
    expect_error(load_error(), line, "routines.schedules.preschool.main.p[1]", "value 1.85 is out of range [0, 1]");
}

TEST_F(CityConfigErrors, MissingSchedule) {
    const int first = write_with("    pensioner:\n", "    pensioners:\n");
    expect_error(load_error(), line_of("    preschool:\n"), "routines.schedules.pensioner",
                 "missing required key (is 'pensioners' on line " + std::to_string(first) + " a misspelling?)");
}

TEST_F(CityConfigErrors, OpeningHoursThatAreNotWhole) {
    const int open_line = write_with("open: [9, 20], open_weekends: true, visitors_peak: 40,",
                                     "open: [9.5, 20], open_weekends: true, visitors_peak: 40,");
    expect_error(load_error(), open_line, "place_types.local_centre.open", "expected whole hours");
}

// Month-day dates in the school calendar: anything but a real "MM-DD" is rejected, never
// read as a default date.
TEST_F(CityConfigErrors, BadMonthDayDates) {
    for (const std::string bad :
         {"06-31", "13-01", "00-10", "6-13", "06/13", "0613", "ab-cd", "06-1x", "x6-13", "+6-13", ""}) {
        SCOPED_TRACE("first: \"" + bad + "\"");
        const int line = write_with("sommarlov: {first: \"06-13\"", "sommarlov: {first: \"" + bad + "\"");
        expect_error(load_error(), line, "calendar.school_holidays.sommarlov.first",
                     "expected a month and day written \"MM-DD\", got '" + bad + "'");
    }
}

TEST_F(CityConfigErrors, IsoWeekOutOfRange) {
    const int line = write_with("sportlov_week: 9", "sportlov_week: 54");
    expect_error(load_error(), line, "calendar.school_holidays.sportlov_week", "value 54 is out of range [1, 53]");
}

TEST_F(CityConfigErrors, MissingCrimeType) {
    const int line = write_with("    robbery:       {", "    robery:       {");
    expect_error(load_error(), line_of("    burglary:      {"), "offending.types.robbery",
                 "missing required key (is 'robery' on line " + std::to_string(line) + " a misspelling?)");
}

TEST_F(CityConfigErrors, EmptyFile) {
    write_text(config_path(), "");
    const ConfigError e = load_error();
    EXPECT_EQ(e.file(), label());
    EXPECT_THAT(e.what(), HasSubstr("expected a mapping at the top level"));
}

// The reporting, near-repeat, arrest and lägesbild sections.
TEST_F(CityConfigErrors, EstReporterWithAnUnknownCrimeType) {
    const int line = write_with("{name: Tunabyggen, crime_types: [vandalism, burglary]",
                                "{name: Tunabyggen, crime_types: [vandalsim, burglary]");
    expect_error(load_error(), line, "reporting.est_reporters[0].crime_types[0]", "did you mean 'vandalism'?");
}

TEST_F(CityConfigErrors, EstReporterWithAnUnknownPlaceType) {
    const int line = write_with("place_types: [youth_centre]", "place_types: [youth_center]");
    expect_error(load_error(), line, "reporting.est_reporters[5].place_types[0]", "did you mean 'youth_centre'?");
}

TEST_F(CityConfigErrors, EstReporterInAnUnknownDistrict) {
    const int line = write_with("districts: [2081R013, 2081R001", "districts: [2081R031, 2081R001");
    expect_error(load_error(), line, "reporting.est_reporters[0].districts[0]", "no district 2081R031");
}

TEST_F(CityConfigErrors, PoliceShareOutOfRange) {
    const int line = write_with("    burglary: 0.80", "    burglary: 1.80");
    expect_error(load_error(), line, "reporting.police.burglary", "out of range");
}

TEST_F(CityConfigErrors, NearRepeatForAnUnknownCrimeType) {
    const int line = write_with("  robbery:       {theta: 0.8", "  robery:       {theta: 0.8");
    expect_error(load_error(), line, "near_repeat.robery", "did you mean 'robbery'?");
}

TEST_F(CityConfigErrors, UnknownHotspotCorrection) {
    const int line = write_with("  correction: fdr", "  correction: fdrr");
    expect_error(load_error(), line, "lagesbild.correction", "did you mean 'fdr'?");
}

TEST_F(CityConfigErrors, ArrestSpellOutOfRange) {
    const int line = write_with("  spell_days_mean: 10", "  spell_days_mean: -1");
    expect_error(load_error(), line, "arrests.spell_days_mean", "out of range");
}

}  // namespace
}  // namespace trygg
