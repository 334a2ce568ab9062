// The trygg binary end to end: exit status 0 for success, 2 for every kind of bad input
// with exactly one line on stderr naming the file, line and key, and never an output file
// (or a leftover temporary) when the run did not succeed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"
#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>

#include <sys/stat.h>

#include <sys/wait.h>
#include <unistd.h>

namespace {

using trygg::testing::read_text;
using trygg::testing::write_text;

namespace fs = std::filesystem;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

const fs::path kSource = TRYGG_SOURCE_DIR;
const fs::path kBaseline = kSource / "scenarios" / "baseline.yaml";
const fs::path kCity = kSource / "configs" / "borlange.yaml";

using trygg::testing::count_lines;
using trygg::testing::Outcome;
using trygg::testing::quoted;

// Each test runs the binary in its own scratch directory.
class Cli : public trygg::testing::TryggCli {
protected:
    fs::path put_scenario(const std::string& name, const std::string& body) {
        return put(name, "city: " + kCity.string() + "\n" + body + "steering: static\n");
    }

    // A copy of the real city config with one edit (which must match exactly once) and
    // its data files referred to by absolute path. Returns the 1-based line of the edit.
    int put_city(const std::string& from, const std::string& to) {
        std::string text = read_text(kCity);
        for (const std::string data : {"data/borlange_deso.geojson", "data/borlange_places.csv"}) {
            const auto pos = text.find(data);
            EXPECT_NE(pos, std::string::npos) << data;
            if (pos != std::string::npos) text.replace(pos, data.size(), (kCity.parent_path() / data).string());
        }
        int line = -1;
        const auto pos = text.find(from);
        EXPECT_NE(pos, std::string::npos) << from;
        EXPECT_EQ(text.find(from, pos + 1), std::string::npos) << "ambiguous edit: " << from;
        if (pos != std::string::npos) {
            line =
                1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
            text.replace(pos, from.size(), to);
        }
        put("city.yaml", text);
        put("scenario.yaml",
            "city: city.yaml\nstart_date: 2025-01-06\nweeks: 2\nreplicates: 1\nseed: 1\nsteering: static\n");
        return line;
    }
};

// ---- help and commands ----

TEST_F(Cli, HelpExitsZeroAndNamesTheRunCommand) {
    const Outcome o = trygg("--help");
    EXPECT_EQ(o.status, 0);
    EXPECT_THAT(o.out, HasSubstr("trygg run SCENARIO.yaml"));
    EXPECT_THAT(o.out, HasSubstr("Exit status"));
    EXPECT_THAT(o.err, IsEmpty());
    EXPECT_EQ(trygg("-h").status, 0);
    EXPECT_EQ(trygg("help").status, 0);
}

TEST_F(Cli, HelpRunDescribesItsOptions) {
    for (const std::string args : {"help run", "run --help"}) {
        SCOPED_TRACE(args);
        const Outcome o = trygg(args);
        EXPECT_EQ(o.status, 0);
        EXPECT_THAT(o.out, HasSubstr("Usage: trygg run SCENARIO.yaml"));
        EXPECT_THAT(o.out, HasSubstr("--replicates"));
        EXPECT_THAT(o.err, IsEmpty());
    }
}

TEST_F(Cli, VersionPrintsTheName) {
    const Outcome o = trygg("--version");
    EXPECT_EQ(o.status, 0);
    EXPECT_THAT(o.out, StartsWith("trygg "));
    EXPECT_EQ(count_lines(o.out), 1);
    EXPECT_EQ(trygg("-V").status, 0);
}

TEST_F(Cli, NoArgumentsIsBadInput) {
    const Outcome o = trygg("");
    EXPECT_EQ(o.status, 2);
    EXPECT_THAT(o.out, IsEmpty());
    EXPECT_THAT(o.err, HasSubstr("Usage"));  // the usage text, on stderr
}

TEST_F(Cli, UnknownCommand) {
    expect_bad_input(trygg("simulate"), {"unknown command 'simulate'"});
}

TEST_F(Cli, RunWithoutAScenario) {
    expect_bad_input(trygg("run"), {"no scenario file given"});
}

TEST_F(Cli, RunWithAMissingScenarioFile) {
    const Outcome o = trygg("run missing.yaml");
    expect_bad_input(o, {"missing.yaml", "cannot open file"});
    EXPECT_FALSE(fs::exists(work() / "missing.h5"));
}

TEST_F(Cli, RunWithTwoScenarios) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " " + quoted(kBaseline.string())), {"trygg run: "});
}

TEST_F(Cli, UnknownOption) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --replicas 2 -o out.h5"),
                     {"unrecognised option '--replicas'"});
}

// ---- command-line values ----

TEST_F(Cli, WeeksZero) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --weeks 0 -o out.h5"), {"--weeks", "out of range"});
}

TEST_F(Cli, ThreadsNotANumber) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --threads abc -o out.h5"), {"threads", "abc"});
}

TEST_F(Cli, ThreadsZero) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --threads 0 -o out.h5"),
                     {"--threads", "out of range"});
}

TEST_F(Cli, ReplicatesTooMany) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --replicates 10001 -o out.h5"),
                     {"--replicates", "out of range"});
}

TEST_F(Cli, NegativeSeed) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --seed -1 -o out.h5"), {"seed"});
}

TEST_F(Cli, OutputIntoAMissingDirectory) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --weeks 2 --replicates 1 -o nodir/out.h5"),
                     {"--output", "directory does not exist: nodir"});
    EXPECT_FALSE(fs::exists(work() / "nodir"));
}

TEST_F(Cli, OutputThatIsADirectory) {
    fs::create_directories(work() / "results");
    ours_.insert("results");
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --weeks 2 --replicates 1 -o results"),
                     {"--output", "is a directory"});
}

// ---- scenario files ----

TEST_F(Cli, ScenarioWhoseCityFileDoesNotExist) {
    put("scenario.yaml",
        "start_date: 2025-01-06\ncity: nowhere/city.yaml\nweeks: 2\nreplicates: 1\nseed: 1\nsteering: static\n");
    expect_bad_input(trygg("run scenario.yaml"), {"scenario.yaml:2: city: file not found: ", "nowhere/city.yaml"});
}

TEST_F(Cli, ScenarioWithAMisspeltRequiredKey) {
    put_scenario("scenario.yaml", "start_date: 2025-01-06\nweeks: 2\nreplicats: 1\nseed: 1\n");
    expect_bad_input(trygg("run scenario.yaml"),
                     {"scenario.yaml:4: replicats: unknown key 'replicats' (did you mean 'replicates'?)"});
}

TEST_F(Cli, ScenarioWithAnUnknownKey) {
    put_scenario("scenario.yaml", "start_date: 2025-01-06\nweeks: 2\nreplicates: 1\nreplicats: 4\nseed: 1\n");
    expect_bad_input(trygg("run scenario.yaml"),
                     {"scenario.yaml:5: replicats: unknown key 'replicats' (did you mean 'replicates'?)"});
}

TEST_F(Cli, ScenarioWithAnImpossibleDate) {
    put_scenario("scenario.yaml", "start_date: 2025-02-30\nweeks: 2\nreplicates: 1\nseed: 1\n");
    expect_bad_input(trygg("run scenario.yaml"),
                     {"scenario.yaml:2: start_date: expected a date (YYYY-MM-DD)", "2025-02-30"});
}

TEST_F(Cli, ScenarioWithWeeksOutOfRange) {
    put_scenario("scenario.yaml", "start_date: 2025-01-06\nweeks: 0\nreplicates: 1\nseed: 1\n");
    expect_bad_input(trygg("run scenario.yaml"), {"scenario.yaml:3: weeks: value 0 is out of range [1, 523]"});
}

TEST_F(Cli, ScenarioWithATextSeed) {
    put_scenario("scenario.yaml", "start_date: 2025-01-06\nweeks: 2\nreplicates: 1\nseed: \"1\"\n");
    expect_bad_input(trygg("run scenario.yaml"), {"scenario.yaml:5: seed: expected an integer"});
}

TEST_F(Cli, ScenarioThatIsNotYaml) {
    put("scenario.yaml", "city: [unclosed\nweeks: 2\n");
    expect_bad_input(trygg("run scenario.yaml"), {"scenario.yaml:1: invalid YAML"});
}

TEST_F(Cli, EmptyScenario) {
    put("scenario.yaml", "");
    expect_bad_input(trygg("run scenario.yaml"), {"scenario.yaml: expected a mapping at the top level"});
}

// ---- city config through a scenario ----

TEST_F(Cli, CityConfigOutOfRange) {
    const int line =
        put_city("ses_index: -1.6, collective_efficacy: 0.35,", "ses_index: -1.6, collective_efficacy: 1.5,");
    expect_bad_input(
        trygg("run scenario.yaml"),
        {"city.yaml:" + std::to_string(line) + ": districts.2081R013.collective_efficacy: value 1.5 is out of range"});
}

TEST_F(Cli, CityConfigTypoSuggestsTheKey) {
    const int line = put_city("  peer_cap: 5", "  peer_cap: 5\n  peer_gian: 1.0");
    expect_bad_input(trygg("run scenario.yaml"),
                     {"city.yaml:" + std::to_string(line + 1) +
                      ": offending.peer_gian: unknown key 'peer_gian' (did you mean 'peer_gain'?)"});
}

TEST_F(Cli, CityConfigDistrictNotInTheAreas) {
    const int line = put_city("  2081R013: {", "  2081R31: {");
    expect_bad_input(trygg("run scenario.yaml"), {"city.yaml:" + std::to_string(line) +
                                                  ": districts.2081R31: district 2081R31 is not in the areas file"});
}

// A place outside every district passes the config reader and is caught when the city is
// built: still exit 2 and one line naming the config and the place.
TEST_F(Cli, PlaceOutsideTheMunicipality) {
    std::string csv = read_text(kCity.parent_path() / "data" / "borlange_places.csv");
    const std::string from = "Dala Airport,airport,60.43001,15.50765";
    ASSERT_NE(csv.find(from), std::string::npos);
    csv.replace(csv.find(from), from.size(), "Dala Airport,airport,59.0,15.50765");
    const fs::path places = put("places.csv", csv);
    put_city("places_file: " + (kCity.parent_path() / "data" / "borlange_places.csv").string(),
             "places_file: " + places.string());
    expect_bad_input(trygg("run scenario.yaml"), {"places.csv:30: lat: ", "Dala Airport", "outside every area"});
}

// Known shortcomings, kept as disabled tests until fixed (see the report).

// PROJ prints its own "proj_create: crs not found" to stderr before trygg's line.
TEST_F(Cli, UnknownCrsIsOneLine) {
    const int line = put_city("areas_crs: EPSG:4326", "areas_crs: EPSG:99999");
    expect_bad_input(trygg("run scenario.yaml"), {"city.yaml:" + std::to_string(line) + ": geography.areas_crs: "});
}

// An output the process cannot create is found only after the whole simulation, and is
// reported as an internal error (exit 1) instead of bad input (exit 2) before the run.
TEST_F(Cli, UncreatableOutputIsBadInput) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --weeks 2 --replicates 1 -o /proc/trygg_out.h5"),
                     {"/proc/trygg_out.h5"});
}

// ---- a good run ----

TEST_F(Cli, TinyRunWritesOneFileAndNothingElse) {
    const Outcome o =
        trygg("run " + quoted(kBaseline.string()) + " --weeks 2 --replicates 1 --threads 2 -o OUT.h5 --quiet");
    EXPECT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.err, IsEmpty());
    EXPECT_THAT(o.out, IsEmpty());                          // --quiet: no summary
    EXPECT_EQ(written(), std::set<std::string>{"OUT.h5"});  // no OUT.h5.tmp-* left behind
    ASSERT_TRUE(fs::exists(work() / "OUT.h5"));
    EXPECT_GT(fs::file_size(work() / "OUT.h5"), 0u);
    EXPECT_EQ(read_text(work() / "OUT.h5").substr(0, 8), std::string("\x89HDF\r\n\x1a\n", 8));
}

TEST_F(Cli, RunPrintsASummaryAndTheDefaultOutputName) {
    put_scenario("short.yaml", "start_date: 2025-01-06\nweeks: 2\nreplicates: 1\nseed: 7\n");
    const Outcome o = trygg("run short.yaml --threads 2");
    EXPECT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("Wrote short.h5"));
    EXPECT_EQ(written(), std::set<std::string>{"short.h5"});
}

TEST_F(Cli, ASecondRunReplacesTheFile) {
    const std::string args =
        "run " + quoted(kBaseline.string()) + " --weeks 2 --replicates 1 --threads 2 -o OUT.h5 --quiet";
    ASSERT_EQ(trygg(args).status, 0);
    const Outcome o = trygg(args);
    EXPECT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(written(), std::set<std::string>{"OUT.h5"});
}

TEST_F(Cli, BadInputLeavesAnExistingOutputAlone) {
    put("OUT.h5", "previous results");
    put_scenario("scenario.yaml", "start_date: 2025-01-06\nweeks: 2\nreplicates: 1\nseed: -5\n");
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"), {"scenario.yaml:5: seed"});
    EXPECT_EQ(read_text(work() / "OUT.h5"), "previous results");
}

}  // namespace

namespace trygg {
namespace {

// The finished file is renamed over the output path: that must never replace a device,
// a pipe or a link's target.
TEST_F(Cli, OutputThatIsNotARegularFileIsRefused) {
    const fs::path fifo = work() / "pipe.h5";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    ours_.insert("pipe.h5");
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --weeks 2 -o pipe.h5"),
                     {"pipe.h5", "not a regular file"});
    EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST_F(Cli, AbbreviatedOptionsAreNotGuessed) {
    expect_bad_input(trygg("run " + quoted(kBaseline.string()) + " --replicate 2 -o OUT.h5"), {"replicate"});
}

TEST_F(Cli, ARunPastTheYear9999IsRefused) {
    put_scenario("late.yaml", "start_date: 9999-12-01\nweeks: 10\nreplicates: 1\nseed: 1\n");
    expect_bad_input(trygg("run late.yaml -o OUT.h5"), {"9999"});
}

TEST_F(Cli, Short2008WritesFieldsAndSeries) {
    const Outcome o = trygg("short2008 --size 16 --steps 50 --seed 3 --threads 2 -o lattice.h5");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("homogeneous equilibrium"));
    EXPECT_EQ(written(), std::set<std::string>{"lattice.h5"});
    const h5::ErrorContext ctx(work() / "lattice.h5", h5::Mode::Reading);
    h5::File file = h5::open_file_read_only(work() / "lattice.h5", ctx);
    const auto b = h5::read_float64(file.get(), "short2008/B", std::array<hsize_t, 2>{16, 16}, ctx);
    const auto a = h5::read_float64(file.get(), "short2008/A", std::array<hsize_t, 2>{16, 16}, ctx);
    EXPECT_DOUBLE_EQ(a[5] - b[5], 1.0 / 30.0);
    const auto burglaries = h5::read_int32(file.get(), "short2008/burglaries", std::array<hsize_t, 1>{50}, ctx);
    const auto mean_b = h5::read_float64(file.get(), "short2008/mean_B", std::array<hsize_t, 1>{50}, ctx);
    EXPECT_GT(mean_b.front(), 0.1);
    h5::Group group = h5::open_group(file.get(), "short2008", ctx);
    EXPECT_DOUBLE_EQ(h5::read_float64_attribute(group.get(), "eta", ctx), 0.03);
    EXPECT_EQ(h5::read_int32_attribute(group.get(), "steps", ctx), 50);
}

TEST_F(Cli, Short2008RejectsBadParameters) {
    expect_bad_input(trygg("short2008 --eta 1.5 -o x.h5"), {"--eta", "out of range"});
    expect_bad_input(trygg("short2008 --size 2 -o x.h5"), {"--size"});
    expect_bad_input(trygg("short2008 --dt 0 -o x.h5"), {"--dt"});
    expect_bad_input(trygg("short2008 --omega 200 -o x.h5"), {"--omega"});
    expect_bad_input(trygg("short2008 --steps 0 -o x.h5"), {"--steps"});
    expect_bad_input(trygg("short2008 --eta abc -o x.h5"), {"eta"});
    expect_bad_input(trygg("short2008 --et 0.2 -o x.h5"), {"et"});
    expect_bad_input(trygg("short2008 -o missing_dir/x.h5"), {"missing_dir"});
}

// Infinity and NaN ran and wrote fields of NaN; the documented largest lattice died of
// bad_alloc. Both are refused before anything runs.
TEST_F(Cli, Short2008RefusesNonFiniteNumbersAndLatticesTooLargeForMemory) {
    expect_bad_input(trygg("short2008 --theta inf -o x.h5"), {"--theta: must be a finite number, got inf"});
    expect_bad_input(trygg("short2008 --theta nan -o x.h5"), {"--theta: must be a finite number, got nan"});
    expect_bad_input(trygg("short2008 --gamma inf -o x.h5"), {"--gamma: must be a finite number"});
    expect_bad_input(trygg("short2008 --size 65536 -o x.h5 --max-memory 64G"),
                     {"a 65536 × 65536 lattice over 100000 steps needs about ", "more than the 64.0 GB",
                      "choose a smaller --size or fewer --steps"});
}

TEST_F(Cli, SteeringMustBeStaticOrAdaptive) {
    put("scenario.yaml",
        "city: " + kCity.string() + "\nstart_date: 2025-01-06\nweeks: 2\nreplicates: 1\nseed: 1\nsteering: adaptiv\n");
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"), {"scenario.yaml:6: steering: ", "did you mean 'adaptive'?"});
}

TEST_F(Cli, AdaptiveSteeringRuns) {
    put("scenario.yaml",
        "city: " + kCity.string() + "\nstart_date: 2025-01-06\nweeks: 3\nreplicates: 1\nseed: 1\nsteering: adaptive\n");
    const Outcome o = trygg("run scenario.yaml -o OUT.h5 --quiet");
    EXPECT_EQ(o.status, 0) << o.err;
}

// ---- scenarios with interventions: every kind of bad input ----

class Scenarios : public Cli {
protected:
    // A scenario extending the shipped baseline, with `body` after the extends line.
    void put_extending(const std::string& body) {
        put("scenario.yaml", "extends: " + kBaseline.string() + "\n" + body);
    }
    static std::string lighting(const std::string& where, const std::string& extra = "") {
        return "interventions:\n"
               "  - name: Lights\n"
               "    kind: lighting\n"
               "    where: " +
               where + "\n" + extra +
               "    intensity: 0.9\n"
               "    cost: {investment_sek: 1000, running_sek_per_year: 10}\n";
    }
};

TEST_F(Scenarios, AnInterventionInADistrictThatDoesNotExist) {
    put_extending(lighting("{district: Tjärna Änger}"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:5: interventions[0].where.district: no district named 'Tjärna Änger'",
                      "did you mean 'Tjärna Ängar'?"});
}

TEST_F(Scenarios, InvertedDates) {
    put_extending(lighting("{district: Tjärna Ängar}", "    when: {start: 2025-06-01, end: 2025-03-01}\n"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:6: interventions[0].when.end: ends before it starts (2025-06-01)"});
}

TEST_F(Scenarios, OverlappingItemsOfOneKindAtOnePlace) {
    put_extending(lighting("{district: Tjärna Ängar}", "    when: {start: 2025-01-06, end: 2025-06-30}\n") +
                  "  - name: More lights\n"
                  "    kind: lighting\n"
                  "    where: {district: 2081R013}\n"
                  "    when: {start: 2025-06-01}\n"
                  "    intensity: 1.0\n"
                  "    cost: {investment_sek: 0, running_sek_per_year: 0}\n");
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:12: interventions[1].when: 'More lights' overlaps 'Lights' (scenario.yaml:3)"});
}

// Small hours belong to the evening before (docs/scenarios.md): Monday 22–02 acts on Tuesday
// 00–02, so a Tuesday 00–03 item at the same place overlaps it; Monday 00–03 does not.
TEST_F(Scenarios, OverlapFollowsTheEveningTheSmallHoursBelongTo) {
    auto two_items = [&](const std::string& second_days) {
        put_extending(lighting("{district: Tjärna Ängar}", "    when: {hours: [22, 2], days: [mon]}\n") +
                      "  - name: Night lights\n"
                      "    kind: lighting\n"
                      "    where: {district: Tjärna Ängar}\n"
                      "    when: {hours: [0, 3], days: [" +
                      second_days +
                      "]}\n"
                      "    intensity: 1.0\n"
                      "    cost: {investment_sek: 0, running_sek_per_year: 0}\n");
    };
    two_items("tue");
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:12: interventions[1].when: 'Night lights' overlaps 'Lights' (scenario.yaml:3)"});
    two_items("mon");
    const Outcome o = trygg("run scenario.yaml -o OUT.h5 -q --weeks 1 --replicates 1");
    EXPECT_EQ(o.status, 0) << o.err;
}

// 1e308 SEK a year became inf SEK over the horizon.
TEST_F(Scenarios, ACostBeyondAnyBudgetIsRefused) {
    put_extending(
        "interventions:\n"
        "  - name: Lights\n"
        "    kind: lighting\n"
        "    where: {district: Tjärna Ängar}\n"
        "    intensity: 0.9\n"
        "    cost: {investment_sek: 0, running_sek_per_year: 1e308}\n");
    expect_bad_input(
        trygg("run scenario.yaml -o OUT.h5"),
        {"scenario.yaml:7: interventions[0].cost.running_sek_per_year: value 1e308 is out of range [0, 1e+12]"});
}

// A chain of extends is read by recursion: 10,000 files deep overflowed the stack.
TEST_F(Scenarios, AnExtendsChainDeeperThan32FilesIsRefused) {
    put("s0.yaml", "extends: " + kBaseline.string() + "\n");
    for (int k = 1; k <= 40; ++k) {
        put("s" + std::to_string(k) + ".yaml",
            "# level " + std::to_string(k) + "\nextends: s" + std::to_string(k - 1) + ".yaml\n");
    }
    expect_bad_input(trygg("run s40.yaml -o OUT.h5"),
                     {"s9.yaml:2: extends: the chain of extended scenarios is more than 32 files deep"});
    const Outcome o = trygg("run s30.yaml -o OUT.h5 -q --weeks 1 --replicates 1");
    EXPECT_EQ(o.status, 0) << o.err;
}

TEST_F(Scenarios, NegativeCost) {
    put_extending(
        "interventions:\n"
        "  - name: Lights\n"
        "    kind: lighting\n"
        "    where: {district: Tjärna Ängar}\n"
        "    intensity: 0.9\n"
        "    cost: {investment_sek: -5, running_sek_per_year: 10}\n");
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:7: interventions[0].cost.investment_sek: value -5 is out of range [0, 1e+12]"});
}

TEST_F(Scenarios, UnknownKindSuggestsTheClosest) {
    put_extending(
        "interventions:\n  - name: Cams\n    kind: fixed_camera\n    where: {district: Forssa}\n"
        "    cost: {investment_sek: 0, running_sek_per_year: 0}\n");
    expect_bad_input(
        trygg("run scenario.yaml -o OUT.h5"),
        {"scenario.yaml:4: interventions[0].kind: unknown kind 'fixed_camera'", "did you mean 'fixed_cameras'?"});
}

TEST_F(Scenarios, AKeyThatDoesNotBelongToTheKind) {
    put_extending(lighting("{district: Tjärna Ängar}", "    units: 3\n"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"), {"scenario.yaml:6: interventions[0].units: "});
}

TEST_F(Scenarios, AProgrammeNeedsAVenue) {
    put_extending(
        "interventions:\n  - name: Late nights\n    kind: programme\n    where: {places: [Kupolen]}\n"
        "    when: {hours: [19, 24], days: [fri]}\n    ages: [13, 20]\n    catchment_m: 2000\n"
        "    uptake: 0.3\n    capacity: 100\n    cost: {investment_sek: 0, running_sek_per_year: 0}\n");
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"interventions[0].where.places[0]: 'Kupolen' is a shopping_centre, not a venue"});
}

TEST_F(Scenarios, AnUnknownDay) {
    put_extending(lighting("{district: Tjärna Ängar}", "    when: {days: [fri, saturday]}\n"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:6: interventions[0].when.days[1]: unknown day 'saturday', expected mon … sun"});
}

TEST_F(Scenarios, APolygonOutsideTheGrid) {
    put_extending(lighting("{polygon: [[18.0, 59.3], [18.1, 59.3], [18.1, 59.4]]}"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:5: interventions[0].where.polygon: the polygon covers no cell"});
}

TEST_F(Scenarios, ACellOutsideTheGrid) {
    put_extending(lighting("{cells: [[5, 5], [100000, 3]]}"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"interventions[0].where.cells[1]: cell [100000, 3] is outside the grid"});
}

TEST_F(Scenarios, AScenarioThatExtendsItself) {
    put("a.yaml", "extends: b.yaml\n");
    put("b.yaml", "extends: [" + kBaseline.string() + ", a.yaml]\n");
    expect_bad_input(trygg("run a.yaml -o OUT.h5"),
                     {"b.yaml:1: extends[1]: the scenario extends itself (a.yaml → b.yaml → a.yaml)"});
}

TEST_F(Scenarios, AnOverridePathThatDoesNotExist) {
    put_extending("overrides:\n  offending.displacment: 0.3\n");
    expect_bad_input(
        trygg("run scenario.yaml -o OUT.h5"),
        {"scenario.yaml:3: offending.displacment: unknown key 'displacment'", "did you mean 'displacement'?"});
    put_extending("overrides:\n  ofending.displacement: 0.3\n");
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:3: ofending.displacement: no key 'ofending' in ", "did you mean 'offending'?"});
}

TEST_F(Scenarios, ABadOverrideValueIsBlamedOnTheScenario) {
    put_extending("overrides:\n  offending.displacement: 1.5\n");
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:3: offending.displacement: value 1.5 is out of range [0, 1]"});
}

// A social measure in Tjärna Ängar: line 3 name, 4 kind, 5 where, 6 ages, 7 target,
// 8 participants, 9 cost, then `extra` (line 10).
std::string social_measure(const std::string& kind, const std::string& target, const std::string& extra = "") {
    return "interventions:\n"
           "  - name: Support\n"
           "    kind: " +
           kind +
           "\n"
           "    where: {district: Tjärna Ängar}\n"
           "    ages: [13, 17]\n"
           "    target: " +
           target +
           "\n"
           "    participants: 30\n"
           "    cost: {investment_sek: 0, running_sek_per_year: 1.0e6}\n" +
           extra;
}

TEST_F(Scenarios, ASocialMeasureWithAnUnknownTarget) {
    put_extending(social_measure("family_support", "risk"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:7: interventions[0].target: unknown target 'risk', expected all, risk_score or "
                      "referrals"});
}

TEST_F(Scenarios, ARiskScoreWithoutThatTarget) {
    put_extending(social_measure("mentoring", "all", "    risk_score: 0.5\n"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:10: interventions[0].risk_score: only with target: risk_score"});
}

TEST_F(Scenarios, AKeyOfAnotherKindNamesTheKind) {
    put_extending(social_measure("exit_programme", "referrals", "    setting: venues\n"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:10: interventions[0].setting: 'setting' does not apply to kind exit_programme"});
}

TEST_F(Scenarios, PreventionAtVenuesWhereThereAreNone) {
    put_extending(social_measure("andts_prevention", "all", "    setting: venues\n"));
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:5: interventions[0].where: 'Support' works at night-life venues"});
}

TEST_F(Scenarios, AnUnknownProgrammeStructure) {
    put_extending(
        "interventions:\n  - name: Drop-in\n    kind: programme\n    where: {places: [Maserhallen]}\n"
        "    when: {hours: [19, 24], days: [fri]}\n    ages: [13, 20]\n    catchment_m: 2000\n"
        "    uptake: 0.3\n    capacity: 100\n    structure: loose\n"
        "    cost: {investment_sek: 0, running_sek_per_year: 0}\n");
    expect_bad_input(trygg("run scenario.yaml -o OUT.h5"),
                     {"scenario.yaml:11: interventions[0].structure: unknown structure 'loose', expected high or low"});
}

TEST_F(Scenarios, AYouthSectionOutOfRangeInTheCity) {
    const int line = put_city("  arrest_exit_share: 0.05 ", "  arrest_exit_share: 2 ");
    expect_bad_input(
        trygg("run scenario.yaml -o OUT.h5"),
        {"city.yaml:" + std::to_string(line) + ": recruitment.arrest_exit_share: value 2 is out of range"});
}

// Shares that together exceed 1 because the scenario changed one of them: the scenario's
// line is to blame, not the city config's line of the other share.
TEST_F(Scenarios, ATogetherCheckBrokenByAnOverrideIsBlamedOnTheScenario) {
    put_extending("overrides:\n  population.youth_leisure.structured: 0.9\n");
    expect_bad_input(
        trygg("run scenario.yaml -o OUT.h5"),
        {"scenario.yaml:3: population.youth_leisure.structured: structured + unstructured shares exceed 1"});
}

TEST_F(Scenarios, InheritedKeysAndTheShippedScenariosRun) {
    // Everything but the interventions comes from the baseline; the shipped scenarios parse
    // and run (one week, one replicate).
    for (const std::string name :
         {"lighting_tjarna", "cameras_centre", "friday_nights", "adaptive_patrols", "combined"}) {
        SCOPED_TRACE(name);
        const fs::path file = kSource / "scenarios" / (name + ".yaml");
        const Outcome o = trygg("run " + quoted(file.string()) + " -o " + name + ".h5 --weeks 1 --replicates 1 -q");
        EXPECT_EQ(o.status, 0) << o.err;
    }
}

TEST_F(Scenarios, TheSummaryListsTheMeasuresAndTheirCost) {
    const Outcome o = trygg("run " + quoted((kSource / "scenarios" / "lighting_tjarna.yaml").string()) +
                            " -o lit.h5 --weeks 1 --replicates 1");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("Measures (cost over the run, SEK)"));
    EXPECT_THAT(o.out, HasSubstr("Path and centre lighting, Tjärna Ängar (lighting)"));
    // 4.2 MSEK investment plus 7 days of 120,000 SEK a year.
    EXPECT_THAT(o.out, HasSubstr("4202301"));
}

// ---- batch: experiments, sweeps, resume ----

class Batch : public Cli {
protected:
    void put_experiment(const std::string& name, const std::string& scenarios, int replicates, int weeks,
                        const std::string& sweep = "") {
        put(name, "scenarios: [" + scenarios + "]\nreplicates: " + std::to_string(replicates) +
                      "\nweeks: " + std::to_string(weeks) + "\nseed: 11\n" + sweep);
    }
    // The same datasets in the same groups of two experiment files in work/.
    void expect_same_runs(const std::string& file_a, const std::string& file_b,
                          std::initializer_list<std::string> groups) const {
        for (const std::string& group : groups) {
            SCOPED_TRACE(group);
            const RunResults a = read_run_file(work() / file_a, group).results;
            const RunResults b = read_run_file(work() / file_b, group).results;
            testing::expect_same_results(a, b);
        }
    }
};

TEST_F(Batch, AThreeByThreeGridOfTenReplicatesInOneCall) {
    put_experiment("sweep.yaml", kBaseline.string(), 10, 1,
                   "sweep:\n  method: grid\n  parameters:\n    offending.displacement: [0.0, 0.25, 0.5]\n"
                   "    offending.diffusion_of_benefit: [0.0, 0.2, 0.4]\n");
    const Outcome o = trygg("batch sweep.yaml -o sweep.h5 -q");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto groups = list_run_groups(work() / "sweep.h5");
    ASSERT_EQ(groups.size(), 9u);
    EXPECT_EQ(groups.front(), "baseline.p000");
    EXPECT_EQ(groups.back(), "baseline.p008");
    for (const auto& g : groups) {
        const RunFile run = read_run_file(work() / "sweep.h5", g);
        EXPECT_EQ(run.results.replicates, 10) << g;
    }
    // Nothing left behind but the file and its status.
    EXPECT_EQ(written(), (std::set<std::string>{"sweep.h5", "sweep.h5.status.json"}));
    EXPECT_THAT(read_text(work() / "sweep.h5.status.json"), HasSubstr("\"state\": \"done\""));
}

// A sweep changes what it sweeps: points with different values of a parameter give different
// results, points with the same value the same results, and a point equals a plain run of a
// scenario that overrides the parameter to that value (same seed: replicate r draws the same
// numbers). Two weeks, two replicates, displacement 0 against 1: every deterred offence gets a
// second try next door, about 4 % more crime (measured 324 → 337 and 359 → 372), several
// times the few crimes by which paired runs drift apart in two weeks (docs/model.md §5).
TEST_F(Batch, ASweptParameterChangesTheResultsAndOnlyIt) {
    put_experiment("sweep.yaml", kBaseline.string(), 2, 2,
                   "sweep:\n  method: grid\n  parameters:\n    offending.displacement: [0.0, 1.0, 0.0]\n");
    ASSERT_EQ(trygg("batch sweep.yaml -o sweep.h5 -q").status, 0);
    const RunResults zero = read_run_file(work() / "sweep.h5", "baseline.p000").results;
    const RunResults full = read_run_file(work() / "sweep.h5", "baseline.p001").results;
    const RunResults zero_again = read_run_file(work() / "sweep.h5", "baseline.p002").results;
    auto totals = [](const RunResults& r) {
        std::vector<long> t(static_cast<std::size_t>(r.replicates), 0);
        const auto per_rep = r.crimes_true.size() / t.size();
        for (std::size_t k = 0; k < r.crimes_true.size(); ++k) t[k / per_rep] += r.crimes_true[k];
        return t;
    };
    const auto t0 = totals(zero), t1 = totals(full);
    for (std::size_t rep = 0; rep < t0.size(); ++rep) {
        std::printf("replicate %zu: %ld crimes with displacement 0, %ld with 1\n", rep, t0[rep], t1[rep]);
        EXPECT_GT(t1[rep], t0[rep]) << "deterred offences tried again next door add crime";
    }
    testing::expect_same_results(zero, zero_again);
    // The same point as a scenario's override, run on its own.
    put("full.yaml", "extends: " + kBaseline.string() + "\noverrides:\n  offending.displacement: 1.0\n");
    ASSERT_EQ(trygg("run full.yaml -o full.h5 -q --weeks 2 --replicates 2 --seed 11").status, 0);
    EXPECT_EQ(read_run_file(work() / "full.h5").results.crimes_true, full.crimes_true);
}

TEST_F(Batch, ResumedAfterAKillItEqualsAnUninterruptedBatch) {
    const std::string scenarios = kBaseline.string() + ", " + (kSource / "scenarios" / "lighting_tjarna.yaml").string();
    put_experiment("exp.yaml", scenarios, 4, 2);
    ASSERT_EQ(trygg("batch exp.yaml -o whole.h5 -q --threads 2").status, 0);

    // Start the same batch, kill it once a replicate is kept, then resume.
    const std::string command = "cd " + quoted(work().string()) + " && (" + quoted(TRYGG_BINARY) +
                                " batch exp.yaml -o cut.h5 -q --threads 1 >/dev/null 2>&1 & echo $! > pid; "
                                "for i in $(seq 600); do grep -qs '\"replicates_done\": [1-9]' cut.h5.status.json "
                                "&& break; sleep 0.05; done; kill -9 $(cat pid))";
    ASSERT_EQ(std::system(command.c_str()), 0);
    ours_.insert("pid");
    EXPECT_FALSE(fs::exists(work() / "cut.h5"));
    EXPECT_TRUE(fs::exists(work() / "cut.h5.parts"));
    EXPECT_THAT(read_text(work() / "cut.h5.status.json"), HasSubstr("\"state\": \"running\""));

    const Outcome refused = trygg("batch exp.yaml -o cut.h5 -q");
    EXPECT_EQ(refused.status, 2);
    EXPECT_THAT(refused.err, HasSubstr("--resume"));
    const Outcome resumed = trygg("batch exp.yaml -o cut.h5 -q --resume --threads 2");
    ASSERT_EQ(resumed.status, 0) << resumed.err;
    EXPECT_FALSE(fs::exists(work() / "cut.h5.parts"));
    expect_same_runs("whole.h5", "cut.h5", {"baseline", "lighting_tjarna"});
}

// Ctrl-C: no new replicate starts, the running ones are kept, status 130 and a status file
// that says so; --resume then finishes the batch.
TEST_F(Batch, CtrlCKeepsWhatIsDoneAndResumeFinishesIt) {
    put_experiment("exp.yaml", kBaseline.string(), 4, 2);
    const std::string command = "cd " + quoted(work().string()) + " && (" + quoted(TRYGG_BINARY) +
                                " batch exp.yaml -o cut.h5 -q --threads 1 >/dev/null 2>&1 & pid=$!; "
                                "for i in $(seq 600); do grep -qs '\"replicates_done\": [1-9]' cut.h5.status.json "
                                "&& break; sleep 0.05; done; kill -INT $pid; wait $pid; echo $? > status)";
    ASSERT_EQ(std::system(command.c_str()), 0);
    ours_.insert("status");
    EXPECT_EQ(read_text(work() / "status"), "130\n");
    EXPECT_THAT(read_text(work() / "cut.h5.status.json"), HasSubstr("\"state\": \"interrupted\""));
    EXPECT_FALSE(fs::exists(work() / "cut.h5"));
    const Outcome resumed = trygg("batch exp.yaml -o cut.h5 -q --resume");
    ASSERT_EQ(resumed.status, 0) << resumed.err;
    EXPECT_EQ(read_run_file(work() / "cut.h5", "baseline").results.replicates, 4);
    EXPECT_THAT(read_text(work() / "cut.h5.status.json"), HasSubstr("\"state\": \"done\""));
}

// The shipped experiments read and check (every scenario, every sweep point) without
// simulating; --check writes nothing.
TEST_F(Batch, TheShippedExperimentsCheck) {
    for (const std::string name : {"strategy", "displacement_sweep", "demo"}) {
        SCOPED_TRACE(name);
        const fs::path file = kSource / "configs" / "experiments" / (name + ".yaml");
        const Outcome o = trygg("batch " + quoted(file.string()) + " --check");
        EXPECT_EQ(o.status, 0) << o.err;
        EXPECT_THAT(o.out, HasSubstr("combined"));
    }
    const Outcome sweep = trygg(
        "batch " + quoted((kSource / "configs" / "experiments" / "displacement_sweep.yaml").string()) + " --check");
    EXPECT_THAT(sweep.out, HasSubstr("18 run(s) × 10 replicate(s) × 52 weeks"));
    EXPECT_THAT(sweep.out, HasSubstr("combined.p008: "));
    EXPECT_THAT(written(), ::testing::IsEmpty());
}

// More bad input to batch: no scenarios, threads out of range, and kept replicates that
// another experiment made (they must never be mixed into this one's file).
TEST_F(Batch, MoreBadInput) {
    put("empty.yaml", "scenarios: []\nreplicates: 2\nweeks: 1\nseed: 1\n");
    expect_bad_input(trygg("batch empty.yaml -o OUT.h5"), {"empty.yaml:1: scenarios: no scenarios"});
    put_experiment("exp.yaml", kBaseline.string(), 2, 1);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5 --threads 0"), {"--threads: value 0 is out of range [1, 1024]"});
    fs::create_directories(work() / "OUT.h5.parts");
    ours_.insert("OUT.h5.parts");
    put("OUT.h5.parts/experiment.txt", "made by something else\n");
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5 --resume"),
                     {"OUT.h5.parts was made by another experiment (or another trygg): remove it"});
}

// tools/sweep_effects.py pairs each sweep point of one scenario with the same point of
// another and prints the change per point.
TEST_F(Batch, SweepEffectsPairsThePointsOfTwoScenarios) {
    if (std::system("/usr/bin/python3 -c 'import h5py, numpy' >/dev/null 2>&1") != 0) GTEST_SKIP() << "no h5py";
    put_experiment("exp.yaml", kBaseline.string() + ", " + (kSource / "scenarios" / "lighting_tjarna.yaml").string(), 2,
                   1, "sweep:\n  method: grid\n  parameters:\n    offending.displacement: [0.0, 0.5]\n");
    ASSERT_EQ(trygg("batch exp.yaml -o sweep.h5 -q").status, 0);
    const std::string script = (kSource / "tools" / "sweep_effects.py").string();
    const std::string command = "cd " + quoted(work().string()) + " && /usr/bin/python3 " + quoted(script) +
                                " sweep.h5 baseline lighting_tjarna --csv effects.csv > table.txt 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << read_text(work() / "table.txt");
    const std::string table = read_text(work() / "table.txt");
    EXPECT_THAT(table, HasSubstr("p000  offending.displacement=0 "));
    EXPECT_THAT(table, HasSubstr("p001  offending.displacement=0.5 "));
    const std::string csv = read_text(work() / "effects.csv");
    EXPECT_THAT(csv, StartsWith("point,parameters,base_mean,other_mean,change,change_low,change_high,percent,"));
    EXPECT_EQ(count_lines(csv), 3);
}

// DESIGN §8: the same seed and inputs give the same datasets at any thread count, with
// scenarios and replicates running side by side.
TEST_F(Batch, ResultsDoNotDependOnTheNumberOfThreads) {
    // Three weeks: the adaptive units are steered twice, and the youth layer's weekly step
    // (ageing, moves, development, recruitment) runs twice.
    put_experiment("exp.yaml", kBaseline.string() + ", " + (kSource / "scenarios" / "adaptive_patrols.yaml").string(),
                   3, 3);
    ASSERT_EQ(trygg("batch exp.yaml -o one.h5 -q --threads 1").status, 0);
    ASSERT_EQ(trygg("batch exp.yaml -o three.h5 -q --threads 3").status, 0);
    expect_same_runs("one.h5", "three.h5", {"baseline", "adaptive_patrols"});
}

TEST_F(Batch, ASweepOverAPathThatDoesNotExist) {
    put_experiment("exp.yaml", kBaseline.string(), 2, 1,
                   "sweep:\n  method: grid\n  parameters:\n    offending.displacemnt: [0.1, 0.2]\n");
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"),
                     {"exp.yaml:8: offending.displacemnt: unknown key 'displacemnt'", "did you mean 'displacement'?"});
    put_experiment("exp.yaml", kBaseline.string(), 2, 1,
                   "sweep:\n  method: grid\n  parameters:\n    policing.patrol: [1, 2]\n");
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:8: policing.patrol: no key 'policing' in "});
}

TEST_F(Batch, BadExperimentFiles) {
    put_experiment("exp.yaml", kBaseline.string(), 2, 1,
                   "sweep:\n  method: gird\n  parameters: {offending.search: [0.1]}\n");
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:6: sweep.method: ", "did you mean 'grid'?"});
    put_experiment("exp.yaml", kBaseline.string(), 2, 1,
                   "sweep:\n  method: latin_hypercube\n  points: 4\n  parameters: {offending.search: [0.5, 0.1]}\n");
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"sweep.parameters.offending.search: expected [low, high]"});
    put_experiment("exp.yaml", kBaseline.string() + ", " + kBaseline.string(), 2, 1);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"),
                     {"exp.yaml:1: scenarios[1]: a second scenario named 'baseline'"});
    put_experiment("exp.yaml", "missing.yaml", 2, 1);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:1: scenarios[0]: file not found"});
    expect_bad_input(trygg("batch"), {"no experiment file given"});
    expect_bad_input(trygg("batch exp.yaml --resum"), {"resum"});
}

}  // namespace
}  // namespace trygg
