// The comparison's CSV and JSON: the documented header and keys, one row per outcome and
// area, fixed number formatting, nulls where a value is undefined, and atomic writing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experiment/synthetic_runs.hpp"
#include "fixtures.hpp"
#include "io/comparison_file.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::read_text;
using testing::synthetic_run;
using testing::SyntheticRun;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Totals 10, 12, 14 → 8, 11, 11 (worked by hand in test_compare.cpp), all in the treated centre
// cell; 100 crimes in a corner of the rest; a 100 m buffer of 4 cells without crime.
Comparison three_replicates() {
    SyntheticRun base = synthetic_run("base", 3);
    SyntheticRun other = synthetic_run("other", 3);
    const int before[] = {10, 12, 14}, after[] = {8, 11, 11};
    for (int r = 0; r < 3; ++r) {
        base.results.crimes_true[base.weekly(r, 0, 0, 0)] = before[r];
        other.results.crimes_true[other.weekly(r, 0, 0, 0)] = after[r];
        base.results.crimes_cells[base.cell(r, 0, 2, 2)] = before[r];
        other.results.crimes_cells[other.cell(r, 0, 2, 2)] = after[r];
        base.results.crimes_cells[base.cell(r, 0, 0, 0)] = 100;
        other.results.crimes_cells[other.cell(r, 0, 0, 0)] = 100;
        base.results.youth.recruits[base.youth_week(r, 1, 1)] = before[r];
        other.results.youth.recruits[other.youth_week(r, 1, 1)] = after[r];
    }
    other.results.treated[2 * 5 + 2] = 1;
    other.results.interventions.name = {"lighting"};
    other.results.interventions.cost_sek = {1.5e6};
    return compare_runs(base.compared(), other.compared(), 100.0);
}

const ComparedFile kBase{"base.h5", "", "scenarios/baseline.yaml"};
const ComparedFile kOther{"experiment.h5", "lighting", "scenarios/lighting.yaml"};

TEST(ComparisonCsv, HeaderAndOneRowPerOutcomeAndArea) {
    const Comparison c = three_replicates();
    const auto lines = lines_of(comparison_csv(c));
    ASSERT_EQ(lines.size(), c.outcomes.size() + 1);
    EXPECT_EQ(lines[0],
              "outcome,key,base_mean,other_mean,change,change_low,change_high,percent,percent_low,percent_high,"
              "replicates,pairing");
    // −2 ± 4.3027/√3 = −2 ± 2.48416; percent of 12.
    EXPECT_EQ(lines[1], "crimes_true,total,12.0000,10.0000,-2.0000,-4.4842,0.4842,-16.6667,-37.3680,4.0347,3,paired");
    EXPECT_THAT(lines, ::testing::Contains("crimes_true_by_area,treated,12.0000,10.0000,-2.0000,-4.4842,0.4842,"
                                           "-16.6667,-37.3680,4.0347,3,paired"));
    EXPECT_THAT(lines, ::testing::Contains(::testing::StartsWith("crimes_true_by_area,buffer,")));
    EXPECT_THAT(lines, ::testing::Contains(::testing::StartsWith("crimes_true_by_area,rest,")));
    EXPECT_THAT(lines, ::testing::Contains(::testing::StartsWith("crimes_true_by_district,Tjärna Ängar,")));
    // Zero base: no percent, empty fields.
    EXPECT_THAT(lines, ::testing::Contains("crimes_reported,total,0.0000,0.0000,0.0000,0.0000,0.0000,,,,3,paired"));
    // Young people: each outcome for the city, then by district; recruits as crimes_true above.
    EXPECT_THAT(lines, ::testing::Contains("youth_recruits,total,12.0000,10.0000,-2.0000,-4.4842,0.4842,-16.6667,"
                                           "-37.3680,4.0347,3,paired"));
    EXPECT_THAT(lines, ::testing::Contains("youth_recruits_by_district,Tjärna Ängar,12.0000,10.0000,-2.0000,-4.4842,"
                                           "0.4842,-16.6667,-37.3680,4.0347,3,paired"));
    EXPECT_THAT(lines, ::testing::Contains(
                           "youth_recruits_by_district,Centrum,0.0000,0.0000,0.0000,0.0000,0.0000,,,,3,paired"));
    for (const char* outcome :
         {"youth_members_at_horizon", "youth_members_last_year", "youth_offences", "youth_propensity_mean",
          "youth_substance_use_alcohol_experimenting", "youth_substance_use_alcohol_regular",
          "youth_substance_use_narcotics_experimenting", "youth_substance_use_narcotics_regular"}) {
        EXPECT_THAT(lines, ::testing::Contains(::testing::StartsWith(std::string(outcome) + ",total,")));
        EXPECT_THAT(lines,
                    ::testing::Contains(::testing::StartsWith(std::string(outcome) + "_by_district,Tjärna Ängar,")));
    }
    // The areas stay last.
    EXPECT_THAT(lines.back(), ::testing::StartsWith("crimes_true_by_area,rest,"));
}

TEST(ComparisonCsv, KeysWithCommasAreQuoted) {
    Comparison c;
    Estimate e;
    e.outcome = "crimes_true_by_district";
    e.key = "Gylle, \"södra\"";
    e.replicates = 1;
    c.outcomes.push_back(e);
    const auto lines = lines_of(comparison_csv(c));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[1], "crimes_true_by_district,\"Gylle, \"\"södra\"\"\",0.0000,0.0000,0.0000,,,,,,1,paired");
}

TEST(ComparisonJson, ParsesBackWithTheDocumentedKeys) {
    const Comparison c = three_replicates();
    const auto j = nlohmann::json::parse(comparison_json(c, kBase, kOther));
    EXPECT_EQ(j["format"], "trygg-compare/1");
    EXPECT_EQ(j["base"]["file"], "base.h5");
    EXPECT_EQ(j["base"]["group"], "");
    EXPECT_EQ(j["other"]["group"], "lighting");
    EXPECT_EQ(j["other"]["scenario_file"], "scenarios/lighting.yaml");
    EXPECT_EQ(j["pairing"], "paired");
    EXPECT_EQ(j["replicates"], 3);
    EXPECT_EQ(j["weeks"], 2);

    ASSERT_TRUE(j["outcomes"].is_array());
    ASSERT_EQ(j["outcomes"].size(), c.outcomes.size());
    const auto& total = j["outcomes"][0];
    std::vector<std::string> keys;
    for (const auto& [key, value] : total.items()) keys.push_back(key);
    EXPECT_EQ(keys,
              (std::vector<std::string>{"base_mean", "change", "change_high", "change_low", "key", "other_mean",
                                        "outcome", "pairing", "percent", "percent_high", "percent_low", "replicates"}));
    EXPECT_EQ(total["outcome"], "crimes_true");
    EXPECT_EQ(total["key"], "total");
    EXPECT_DOUBLE_EQ(total["change"].get<double>(), -2.0);
    EXPECT_DOUBLE_EQ(total["change_low"].get<double>(), -4.4842);
    EXPECT_DOUBLE_EQ(total["percent"].get<double>(), -16.6667);
    EXPECT_EQ(total["replicates"], 3);

    const auto& areas = j["areas"];
    EXPECT_DOUBLE_EQ(areas["buffer_m"].get<double>(), 100.0);
    EXPECT_EQ(areas["treated"]["cells"], 1);
    EXPECT_EQ(areas["buffer"]["cells"], 4);
    EXPECT_EQ(areas["rest"]["cells"], 20);
    EXPECT_DOUBLE_EQ(areas["treated"]["change"].get<double>(), -2.0);
    for (const char* key : {"value", "low", "high", "meaning"}) EXPECT_TRUE(areas["wdq"].contains(key)) << key;
    // No crime in the buffer: the quotient is 0 (no displacement, no diffusion).
    EXPECT_DOUBLE_EQ(areas["wdq"]["value"].get<double>(), 0.0);
    EXPECT_TRUE(areas["wdq"]["meaning"].is_string());

    const auto& cost = j["cost"];
    for (const char* key : {"sek", "prevented", "sek_per_crime_prevented", "low", "high", "note"}) {
        EXPECT_TRUE(cost.contains(key)) << key;
    }
    EXPECT_DOUBLE_EQ(cost["sek"].get<double>(), 1.5e6);
    EXPECT_DOUBLE_EQ(cost["prevented"].get<double>(), 2.0);
    // The change's interval reaches above 0, so no cost per crime prevented.
    EXPECT_TRUE(cost["sek_per_crime_prevented"].is_null());
    EXPECT_TRUE(cost["low"].is_null());
    EXPECT_THAT(cost["note"].get<std::string>(), HasSubstr("not determined"));

    const auto& youth = j["youth"];
    EXPECT_EQ(youth["compared"], true);
    EXPECT_EQ(youth["last_year_weeks"], 2);
    EXPECT_TRUE(youth["note"].is_string());
    const auto row = std::find_if(j["outcomes"].begin(), j["outcomes"].end(), [](const auto& e) {
        return e["outcome"] == "youth_recruits_by_district" && e["key"] == "Tjärna Ängar";
    });
    ASSERT_NE(row, j["outcomes"].end());
    EXPECT_DOUBLE_EQ((*row)["change"].get<double>(), -2.0);
    EXPECT_DOUBLE_EQ((*row)["change_high"].get<double>(), 0.4842);
}

TEST(ComparisonJson, RunsWithoutYouthTalliesSayWhy) {
    SyntheticRun base = synthetic_run("base", 2);
    SyntheticRun old = synthetic_run("old.h5", 2);
    old.results.youth = {};
    const auto j = nlohmann::json::parse(comparison_json(compare_runs(base.compared(), old.compared()), kBase, kBase));
    EXPECT_EQ(j["youth"]["compared"], false);
    EXPECT_THAT(j["youth"]["note"].get<std::string>(), HasSubstr("old.h5 has no youth tallies"));
}

TEST(ComparisonJson, UndefinedValuesAreNull) {
    SyntheticRun base = synthetic_run("base", 1);
    const Comparison c = compare_runs(base.compared(), base.compared());
    const auto j = nlohmann::json::parse(comparison_json(c, kBase, kBase));
    const auto& total = j["outcomes"][0];
    EXPECT_TRUE(total["change_low"].is_null());
    EXPECT_TRUE(total["percent"].is_null());            // base mean 0
    EXPECT_TRUE(j["areas"]["wdq"]["value"].is_null());  // nothing treated
}

TEST(ComparisonFiles, WrittenWholeAndTheSameEachTime) {
    const fs::path dir = fs::temp_directory_path() / ("trygg_comparison_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const Comparison c = three_replicates();
    write_comparison_csv(dir / "c.csv", c);
    write_comparison_json(dir / "c.json", c, kBase, kOther);
    EXPECT_EQ(read_text(dir / "c.csv"), comparison_csv(c));
    EXPECT_EQ(read_text(dir / "c.json"), comparison_json(c, kBase, kOther));
    EXPECT_EQ(comparison_json(three_replicates(), kBase, kOther), read_text(dir / "c.json"));
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"c.csv", "c.json"}));  // no temporary left
    fs::remove_all(dir);
}

}  // namespace
}  // namespace trygg
