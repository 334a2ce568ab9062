// Validation study files (io/validation_config.cpp): what reads, and every bad input as one
// ConfigError naming the study file, the line and the key. The whole-binary checks (exit 2,
// one line; exit 5 for a finding not as expected) are in tests/cli/test_validate_cli.cpp.
#include "io/validation_config.hpp"

#include "core/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <filesystem>
#include <string>

#include <unistd.h>

namespace trygg {
namespace {

using testing::config_error_from;
using ::testing::HasSubstr;
using testing::write_text;

namespace fs = std::filesystem;

class StudyConfigTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() / ("trygg_study_config_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    fs::path file() const { return dir_ / "study.yaml"; }

    // A study on the shipped baseline (and lighting as its treated run when `treated`), whose
    // findings are `findings` (starting on line 10).
    void write(const std::string& findings, bool treated = true) const {
        write_text(file(), "title: A study\nsources: [Someone 2020]\ndesign: how\nbaseline: " +
                               testing::source_path("scenarios/baseline.yaml") + "\n" +
                               (treated ? "treated: " + testing::source_path("scenarios/lighting_tjarna.yaml")
                                        : std::string("# no treated run")) +
                               "\nweeks: 4\nreplicates: 3\nseed: 7\nfindings:\n" + findings);
    }
    StudyConfig load(const std::string& findings, bool treated = true) const {
        write(findings, treated);
        return load_study_config(file());
    }
    ConfigError error(const std::string& findings, bool treated = true) const {
        write(findings, treated);
        return config_error_from([&] { load_study_config(file()); });
    }

    fs::path dir_;
};

const std::string kNight = R"(  - name: night
    label: At night
    statistic: percent_change
    area: treated
    types: [robbery, assault]
    light: dark
    hours: [22, 2]
    days: [fri, sat]
    published: {odds_ratio: 1.25, interval: [1.0, 1.6], source: Someone 2020}
)";

TEST_F(StudyConfigTest, ReadsAFindingAndSetsBothRunsToTheStudysReplicatesWeeksAndSeed) {
    const StudyConfig s = load(kNight);
    EXPECT_EQ(s.name, "study");
    ASSERT_TRUE(s.treated);
    EXPECT_EQ(s.baseline.replicates, 3);
    EXPECT_EQ(s.treated->weeks, 4);
    EXPECT_EQ(s.treated->seed, 7u);
    ASSERT_EQ(s.findings.size(), 1u);
    const FindingSpec& f = s.findings[0].spec;
    EXPECT_EQ(f.statistic, Statistic::PercentChange);
    EXPECT_EQ(f.crimes.area, AreaChoice::Treated);
    EXPECT_EQ(f.crimes.light, LightChoice::Dark);
    EXPECT_EQ(f.crimes.types, (std::vector<int>{6, 7}));
    EXPECT_EQ(f.crimes.hours, (std::vector<int>{22, 23, 0, 1}));
    EXPECT_EQ(f.crimes.weekdays, (std::vector<int>{5, 6}));
    // OR 1.25 is −20 %; its interval [1.0, 1.6] becomes [−37.5 %, 0 %].
    EXPECT_NEAR(f.published.estimate, -20.0, 1e-12);
    EXPECT_NEAR(f.published.interval.low, -37.5, 1e-12);
    EXPECT_NEAR(f.published.interval.high, 0.0, 1e-12);
    EXPECT_THAT(f.published.note, HasSubstr("1/OR"));
    EXPECT_TRUE(f.expect_overlap);
}

TEST_F(StudyConfigTest, ReadsYearlyCountsFromTheShippedTable) {
    const StudyConfig s = load(R"(  - name: burglary
    label: Burglary
    statistic: yearly_count
    count: reported
    types: [burglary]
    published: {from_csv: )" + testing::source_path("configs/data/borlange_registered_by_type.csv") +
                                   R"(, years: [2023, 2025]}
)",
                               false);
    const PublishedFigure& p = s.findings[0].spec.published;
    // 2023–2025: 491, 412, 280 (configs/data/borlange_registered_by_type.csv).
    EXPECT_NEAR(p.estimate, (491.0 + 412.0 + 280.0) / 3.0, 1e-9);
    EXPECT_EQ(p.interval.low, 280.0);
    EXPECT_EQ(p.interval.high, 491.0);
}

TEST_F(StudyConfigTest, EveryBadFindingIsOneLineNamingFileLineAndKey) {
    struct Case {
        std::string findings;
        bool treated;
        int line;
        std::string key, says;
    };
    const std::string head = "  - name: x\n    label: X\n";
    const std::string pub = "    published: {estimate: 1, interval: [0, 2], source: S}\n";
    const std::vector<Case> cases = {
        {head + "    statistic: percent_chnage\n" + pub, true, 12, "findings[0].statistic",
         "did you mean 'percent_change'"},
        {head + "    statistic: share\n    types: [burglery]\n    light: dark\n" + pub, true, 13,
         "findings[0].types[0]", "did you mean 'burglary'"},
        {head + "    statistic: percent_change\n" + pub, false, 12, "findings[0].statistic", "needs `treated:`"},
        {head + "    statistic: knox_ratio\n    area: buffer\n    band: {distance_m: [0, 100], days: [0, 7]}\n" + pub,
         false, 13, "findings[0].area", "needs `treated:`"},
        {head + "    statistic: yearly_count\n    published: {estimate: 1, interval: [2, 0], source: S}\n", true, 13,
         "findings[0].published.interval", "low ≤ high"},
        {head + "    statistic: yearly_count\n    published: {estimate: 5, interval: [0, 2], source: S}\n", true, 13,
         "findings[0].published.estimate", "outside its own interval"},
        {head + "    statistic: yearly_count\n    expect: gap\n" + pub, true, 10, "findings[0].gap", "missing"},
        {head + "    statistic: yearly_count\n    expect: overlapp\n" + pub, true, 13, "findings[0].expect",
         "did you mean 'overlap'"},
        {head + "    statistic: yearly_count\n    band: {distance_m: [0, 100], days: [0, 7]}\n" + pub, true, 13,
         "findings[0].band", "knox_ratio only"},
        {head + "    statistic: percent_change\n    count: youth_offences\n    types: [assault]\n" + pub, true, 14,
         "findings[0].types", "youth offences"},
        {head + "    statistic: share\n    hours: [3, 3]\n" + pub, true, 13, "findings[0].hours", "empty window"},
        {head + "    statistic: share\n    days: [fri, fry]\n" + pub, true, 13, "findings[0].days[1]", "mon … sun"},
        {head + "    statistic: yearly_count\n    published: {odds_ratio: 2, interval: [1, 3], source: S}\n", true, 13,
         "findings[0].published.odds_ratio", "percent change only"},
        {head + "    statistic: yearly_count\n    published: {from_csv: nowhere.csv, years: [2023, 2025]}\n", true, 13,
         "findings[0].published.from_csv", "one crime type"},
        {head + "    statistic: yearly_count\n    typs: [burglary]\n" + pub, true, 13, "findings[0].typs",
         "did you mean 'types'"},
        {head + "    statistic: wdq\n    area: treated\n" + pub, true, 13, "findings[0].area", "leave `area` out"},
        {head + "    statistic: share\n" + pub, true, 12, "findings[0].statistic", "needs hours, days or light"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.findings);
        const ConfigError e = error(c.findings, c.treated);
        EXPECT_EQ(e.file(), file().string());
        EXPECT_EQ(e.line(), c.line);
        EXPECT_EQ(e.key(), c.key);
        EXPECT_THAT(e.what(), HasSubstr(c.says));
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
    }
}

TEST_F(StudyConfigTest, ATreatedRunOfAnotherStartOrAStudyWithoutFindingsIsRefused) {
    write_text(dir_ / "later.yaml",
               "extends: " + testing::source_path("scenarios/baseline.yaml") + "\nstart_date: 2025-03-03\n");
    write_text(file(),
               "title: T\nsources: [S]\ndesign: D\nbaseline: " + testing::source_path("scenarios/baseline.yaml") +
                   "\ntreated: later.yaml\nweeks: 4\nreplicates: 3\nseed: 7\nfindings:\n" + kNight);
    EXPECT_THAT(config_error_from([&] { load_study_config(file()); }).what(), HasSubstr("would not be paired"));
    write_text(file(),
               "title: T\nsources: [S]\ndesign: D\nbaseline: missing.yaml\nweeks: 4\nreplicates: 3\n"
               "seed: 7\nfindings:\n" +
                   kNight);
    EXPECT_THAT(config_error_from([&] { load_study_config(file()); }).what(), HasSubstr("file not found"));
    write_text(file(),
               "title: T\nsources: [S]\ndesign: D\nbaseline: " + testing::source_path("scenarios/baseline.yaml") +
                   "\nweeks: 4\nreplicates: 1\nseed: 7\nfindings:\n" + kNight);
    EXPECT_EQ(config_error_from([&] { load_study_config(file()); }).key(), "replicates");
}

TEST(StudyDistricts, AnUnknownDistrictIsNamedWithTheClosestOne) {
    const DistrictNames names{{"Tjärna Ängar", "Tjarna Angar"}, "study.yaml", 14, "findings[0].districts"};
    const std::vector<std::string> city = {"Bullermyren", "Tjärna Ängar"};
    EXPECT_EQ(resolve_districts({{"Tjärna Ängar"}, "f", 1, "k"}, city), (std::vector<int>{1}));
    const ConfigError e = config_error_from([&] { resolve_districts(names, city); });
    EXPECT_EQ(e.line(), 14);
    EXPECT_THAT(e.what(), HasSubstr("did you mean 'Tjärna Ängar'"));
}

}  // namespace
}  // namespace trygg
