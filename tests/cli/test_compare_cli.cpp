// `trygg compare` end to end on run files written by hand: the table, the CSV and JSON files,
// runs inside an experiment file, and exit status 2 with one line for each kind of bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_fixture.hpp"
#include "experiment/synthetic_runs.hpp"
#include "fixtures.hpp"
#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <string>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::Outcome;
using testing::quoted;
using testing::read_text;
using ::testing::StartsWith;
using testing::synthetic_run;
using testing::SyntheticRun;

// BASE and OTHER of `replicates` replicates: OTHER lights the centre cell, where crime falls
// by 20–30 per replicate, and spends 1.5 MSEK on it.
std::pair<SyntheticRun, SyntheticRun> lighting_runs(int replicates) {
    SyntheticRun base = synthetic_run("baseline", replicates);
    SyntheticRun other = synthetic_run("lighting", replicates);
    for (int r = 0; r < replicates; ++r) {
        const int before = 100 + 5 * r, after = 75 + 6 * (r % 2);
        base.results.crimes_true[base.weekly(r, 0, 0, 0)] = before;
        other.results.crimes_true[other.weekly(r, 0, 0, 0)] = after;
        base.results.crimes_cells[base.cell(r, 0, 2, 2)] = before;
        other.results.crimes_cells[other.cell(r, 0, 2, 2)] = after;
        for (SyntheticRun* run : {&base, &other}) {
            run->results.crimes_cells[run->cell(r, 1, 0, 4)] = 200 + r;
            run->results.crimes_by_hour[run->by_hour(r, 22, 0)] = 40;
            run->results.victims[run->victim(r, 0, 0)] = 30;
        }
    }
    other.results.treated[2 * 5 + 2] = 1;
    other.results.interventions.name = {"Lighting of paths"};
    other.results.interventions.kind = {"lighting"};
    other.results.interventions.investment_sek = {1.0e6};
    other.results.interventions.running_sek_per_year = {5.0e5};
    other.results.interventions.cost_sek = {1.5e6};
    other.results.youth.participants.assign(static_cast<std::size_t>(replicates) * 2, 0);
    for (int r = 0; r < replicates; ++r) {
        base.results.youth.recruits[base.youth_week(r, 1, 1)] = 6;
        other.results.youth.recruits[other.youth_week(r, 1, 1)] = 4 + r % 2;
    }
    return {base, other};
}

void write(const fs::path& file, const SyntheticRun& run) {
    write_run_file(file, run.provenance, run.grid, run.districts, run.results);
}

class CompareCli : public testing::TryggCli {
protected:
    void SetUp() override {
        TryggCli::SetUp();
        const auto [base, other] = lighting_runs(4);
        write(work() / "base.h5", base);
        write(work() / "lighting.h5", other);
        write(work() / "short.h5", lighting_runs(3).second);
        ours_ = {"base.h5", "lighting.h5", "short.h5"};
    }
};

TEST_F(CompareCli, PrintsThePlannersTable) {
    const Outcome o = trygg("compare base.h5 lighting.h5");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.err, IsEmpty());
    for (const std::string part :
         {"4 paired replicate(s) × 2 weeks", "BASE   base.h5 (scenario scenarios/baseline.yaml)",
          "OTHER  lighting.h5 (scenario scenarios/lighting.yaml)", "All crimes (true)", "By crime type", "burglary",
          "By hour of day", "18-24", "Victims by group", "resident", "treated (1 cells)", "buffer (24 cells)",
          "displacement quotient (WDQ)", "extra cost 1 500 000 SEK", "cost per crime prevented: "}) {
        EXPECT_THAT(o.out, HasSubstr(part));
    }
    // Recruits 6 → 4.5 in Tjärna Ängar.
    for (const std::string part : {"Young people", "recruits (new members)", "Recruits by district", "Tjärna Ängar",
                                   "13–24 alcohol_regular", "propensity 12–20, last week", "-1.5 ("}) {
        EXPECT_THAT(o.out, HasSubstr(part));
    }
    // 107.5 → 78: a fall of 29.5 (−27.4 %).
    EXPECT_THAT(o.out, HasSubstr("107.5"));
    EXPECT_THAT(o.out, HasSubstr("-29.5 ("));
    EXPECT_THAT(o.out, HasSubstr("-27.4% ("));
    EXPECT_THAT(written(), IsEmpty());
}

TEST_F(CompareCli, WritesCsvAndJson) {
    const Outcome o = trygg("compare base.h5 lighting.h5 --csv out.csv --json out.json --buffer-m 100 --quiet");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, IsEmpty());
    EXPECT_THAT(o.err, IsEmpty());
    EXPECT_EQ(written(), (std::set<std::string>{"out.csv", "out.json"}));
    const std::string csv = read_text(work() / "out.csv");
    EXPECT_THAT(csv, StartsWith("outcome,key,base_mean,other_mean,change,change_low,change_high,percent,"));
    EXPECT_THAT(csv, HasSubstr("\ncrimes_true,total,107.5000,78.0000,-29.5000,"));
    const std::string json = read_text(work() / "out.json");
    EXPECT_THAT(json, HasSubstr("\"format\": \"trygg-compare/1\""));
    EXPECT_THAT(json, HasSubstr("\"buffer_m\": 100.0"));
}

TEST_F(CompareCli, ComparesRunsOfAnExperimentFile) {
    const auto runs_of = lighting_runs(4);
    const SyntheticRun& base = runs_of.first;
    const SyntheticRun& other = runs_of.second;
    ExperimentProvenance provenance;
    provenance.trygg_version = "test";
    provenance.experiment_file = "experiments/lighting.yaml";
    provenance.replicates = 4;
    provenance.weeks = 2;
    const std::vector<ExperimentRun> runs{{"baseline", base.provenance, {}, {}},
                                          {"lighting", other.provenance, {}, {}}};
    write_experiment_file(work() / "exp.h5", provenance, base.grid, base.districts, runs,
                          [&](std::size_t k) { return k == 0 ? base.results : other.results; });
    ours_.insert("exp.h5");
    const Outcome o = trygg("compare exp.h5:baseline exp.h5:lighting");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("OTHER  exp.h5:lighting (scenario scenarios/lighting.yaml)"));
    EXPECT_THAT(o.out, HasSubstr("-29.5 ("));
    expect_bad_input(trygg("compare exp.h5:baseline exp.h5:lightning"),
                     {"exp.h5: no run group 'lightning' (it has: baseline, lighting)"});
    expect_bad_input(trygg("compare exp.h5 exp.h5:lighting"),
                     {"exp.h5: an experiment file; name one of its runs as exp.h5:GROUP (it has: baseline, lighting)"});
}

// A file written before the youth layer (schema 1) still compares; the youth section is one line.
TEST_F(CompareCli, AFileWithoutYouthTalliesComparesWithoutThem) {
    const fs::path old = work() / "old.h5";
    fs::copy_file(work() / "base.h5", old);
    ours_.insert("old.h5");
    {
        h5::File file(H5Fopen(old.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        ASSERT_TRUE(file.valid());
        for (const char* path : {"/youth/members", "/youth/recruits", "/offending", "/interventions/participants"}) {
            ASSERT_GE(H5Ldelete(file.get(), path, H5P_DEFAULT), 0) << path;
        }
        h5::Attribute version(H5Aopen(file.get(), "schema_version", H5P_DEFAULT));
        const std::int32_t one = 1;
        ASSERT_GE(H5Awrite(version.get(), H5T_NATIVE_INT32, &one), 0);
    }
    const Outcome o = trygg("compare old.h5 lighting.h5 --csv out.csv");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("-29.5 ("));
    EXPECT_THAT(o.out, HasSubstr("Young people: not compared, old.h5 has no youth tallies"));
    EXPECT_THAT(o.out, ::testing::Not(HasSubstr("Recruits by district")));
    EXPECT_THAT(read_text(work() / "out.csv"), ::testing::Not(HasSubstr("youth_recruits")));
}

TEST_F(CompareCli, HelpExplainsPairingAndTheQuotient) {
    for (const std::string args : {"help compare", "compare --help"}) {
        SCOPED_TRACE(args);
        const Outcome o = trygg(args);
        EXPECT_EQ(o.status, 0);
        EXPECT_THAT(o.out, HasSubstr("Usage: trygg compare BASE OTHER"));
        EXPECT_THAT(o.out, HasSubstr("Paired"));
        EXPECT_THAT(o.out, HasSubstr("Bowers & Johnson"));
        EXPECT_THAT(o.out, HasSubstr("--buffer-m"));
        EXPECT_THAT(o.out, HasSubstr("Example"));
        EXPECT_THAT(o.err, IsEmpty());
    }
    EXPECT_THAT(trygg("--help").out, HasSubstr("trygg compare BASE.h5 OTHER.h5"));
}

// ---- bad input ----

TEST_F(CompareCli, MissingFile) {
    expect_bad_input(trygg("compare base.h5 missing.h5"), {"trygg compare: ", "missing.h5: no such file"});
}

TEST_F(CompareCli, UnknownGroup) {
    expect_bad_input(trygg("compare base.h5 lighting.h5:night"),
                     {"lighting.h5: no run group 'night' (the file holds a single run)"});
    // "x" is a dataset at the root of every run file (the easting axis), not a run.
    expect_bad_input(trygg("compare base.h5 lighting.h5:x"), {"lighting.h5: no run group 'x'"});
}

TEST_F(CompareCli, RunsThatCannotBePaired) {
    expect_bad_input(trygg("compare base.h5 short.h5"),
                     {"cannot compare base.h5 with short.h5: replicates differ (4 in base.h5, 3 in short.h5)"});
}

TEST_F(CompareCli, NegativeBuffer) {
    expect_bad_input(trygg("compare base.h5 lighting.h5 --buffer-m=-50"),
                     {"--buffer-m: value -50 must be 0 or more metres"});
    expect_bad_input(trygg("compare base.h5 lighting.h5 --buffer-m -50"), {"buffer-m"});
    expect_bad_input(trygg("compare base.h5 lighting.h5 --buffer-m wide"), {"buffer-m", "wide"});
}

TEST_F(CompareCli, UnknownOption) {
    expect_bad_input(trygg("compare base.h5 lighting.h5 --buffer 100"), {"unrecognised option '--buffer'"});
    expect_bad_input(trygg("compare base.h5 lighting.h5 --js out.json"), {"'--js'"});  // no guessing
}

TEST_F(CompareCli, OneRunOrThree) {
    expect_bad_input(trygg("compare base.h5"), {"give two runs"});
    expect_bad_input(trygg("compare base.h5 lighting.h5 short.h5"), {"trygg compare: "});
}

TEST_F(CompareCli, OutputIntoAMissingDirectory) {
    expect_bad_input(trygg("compare base.h5 lighting.h5 --csv nodir/out.csv"),
                     {"trygg compare: --csv: directory does not exist: nodir"});
    expect_bad_input(trygg("compare base.h5 lighting.h5 --json nodir/out.json"), {"--json"});
}

// A comparison that fails after the outputs were checked must not leave them behind.
TEST_F(CompareCli, IncomparableRunsWriteNoFiles) {
    expect_bad_input(trygg("compare base.h5 short.h5 --csv out.csv --json out.json"), {"cannot compare"});
}

// Runs with another seed (or start date, horizon, city) do not share random numbers: "paired"
// intervals would be wrong, so compare refuses them unless told --unpaired, and then says so.
TEST_F(CompareCli, RunsThatAreNotPairedNeedUnpaired) {
    auto [base, other] = lighting_runs(4);
    other.provenance.seed = 2;
    write(work() / "seed2.h5", other);
    ours_.insert("seed2.h5");
    expect_bad_input(trygg("compare base.h5 seed2.h5 --csv out.csv"),
                     {"trygg compare: base.h5 and seed2.h5 are not paired (seed 1 and 2)", "--unpaired"});
    const Outcome o = trygg("compare base.h5 seed2.h5 --unpaired --csv out.csv --json out.json");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("4 UNPAIRED (independent) replicate(s) × 2 weeks"));
    EXPECT_THAT(o.out, HasSubstr("unpaired 95% interval (Welch)"));
    EXPECT_THAT(read_text(work() / "out.csv"), HasSubstr(",4,unpaired\n"));
    EXPECT_THAT(read_text(work() / "out.json"), HasSubstr("\"pairing\": \"unpaired\""));
    const Outcome paired = trygg("compare base.h5 lighting.h5 -q --csv paired.csv");
    ASSERT_EQ(paired.status, 0) << paired.err;
    EXPECT_THAT(read_text(work() / "paired.csv"), HasSubstr(",4,paired\n"));
}

}  // namespace
}  // namespace trygg
