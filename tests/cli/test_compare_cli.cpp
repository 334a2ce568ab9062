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

// ---- harm, hotspots on BASE's yardstick, ranking ----

// A third run: patrols prevent fewer crimes (burglaries 95 instead of 75–81) for 0.5 MSEK.
SyntheticRun patrol_run(int replicates) {
    auto [base, other] = lighting_runs(replicates);
    other.label = "patrols";
    other.provenance.scenario_file = "scenarios/patrols.yaml";
    for (int r = 0; r < replicates; ++r) {
        other.results.crimes_true[other.weekly(r, 0, 0, 0)] = 95 + r;
        other.results.crimes_cells[other.cell(r, 0, 2, 2)] = 95 + r;
    }
    other.results.interventions.name = {"Patrols"};
    other.results.interventions.kind = {"patrols"};
    other.results.interventions.investment_sek = {0.0};
    other.results.interventions.running_sek_per_year = {0.5e6 * 365.0 / 14.0};
    other.results.interventions.cost_sek = {0.5e6};
    return other;
}

void write_experiment(const fs::path& file, int replicates) {
    const auto [base, lighting] = lighting_runs(replicates);
    const SyntheticRun patrols = patrol_run(replicates);
    ExperimentProvenance provenance;
    provenance.trygg_version = "test";
    provenance.experiment_file = "experiments/strategies.yaml";
    provenance.replicates = replicates;
    provenance.weeks = 2;
    const std::vector<ExperimentRun> runs{{"baseline", base.provenance, {}, {}},
                                          {"lighting", lighting.provenance, {}, {}},
                                          {"patrols", patrols.provenance, {}, {}}};
    write_experiment_file(file, provenance, base.grid, base.districts, runs, [&](std::size_t k) {
        return k == 0 ? base.results : k == 1 ? lighting.results : patrols.results;
    });
}

TEST_F(CompareCli, TwoRunsAlsoGiveHarmPresentValuesAndBaselineHotspots) {
    const Outcome o = trygg("compare base.h5 lighting.h5 --csv out.csv --json out.json");
    ASSERT_EQ(o.status, 0) << o.err;
    for (const std::string part :
         {"Harm (index brottsbalken_minimum_days, days of imprisonment per crime", "harm over the horizon",
          "Present values (discount rate 3.5 % a year", "cost per crime prevented (present values): ",
          "cost per unit of harm prevented (present values): ", "Hotspots on BASE's yardstick",
          "not compared: base.h5 has no weekly picture", "BASE's top cells: the 1 with the most crime in BASE",
          "(each run's own weekly test, what EST sees"}) {
        EXPECT_THAT(o.out, HasSubstr(part));
    }
    // 29.5 burglaries prevented at 182 days each.
    EXPECT_THAT(o.out, HasSubstr("-5369 ("));
    const std::string csv = read_text(work() / "out.csv");
    EXPECT_THAT(csv, HasSubstr("\nharm_true,total,19565.0000,14196.0000,-5369.0000,"));
    EXPECT_THAT(csv, HasSubstr("\ncrime_share_in_baseline_top_cells,total,"));
    const std::string json = read_text(work() / "out.json");
    EXPECT_THAT(json, HasSubstr("\"index\": \"brottsbalken_minimum_days\""));
    EXPECT_THAT(json, HasSubstr("\"discount_rate\": 0.035"));
    EXPECT_THAT(json, HasSubstr("\"baseline_rule\": false"));
}

// With both runs' weekly pictures the table and files give the baseline-yardstick rows: BASE's
// centre cell holds 50 crimes a week (its persistent hotspot), OTHER's 10.
TEST_F(CompareCli, HotspotsOnTheBaselinesYardstickWhenBothRunsHaveTheirWeeks) {
    auto [base, other] = lighting_runs(4);
    for (SyntheticRun* run : {&base, &other}) {
        RunResults& r = run->results;
        r.has_picture = true;
        r.picture.gi_band_m = 100.0;
        r.picture.alpha = 0.05;
        for (int rep = 0; rep < 4; ++rep) {
            for (int w = 0; w < 2; ++w) {
                for (const auto& [cell, count] : {std::pair{0, 1}, std::pair{12, run == &base ? 50 : 10}}) {
                    r.picture.replicate.push_back(rep);
                    r.picture.week.push_back(w);
                    r.picture.cell.push_back(cell);
                    r.picture.count.push_back(count);
                }
            }
        }
    }
    write(work() / "base_w.h5", base);
    write(work() / "lighting_w.h5", other);
    ours_.insert("base_w.h5");
    ours_.insert("lighting_w.h5");
    const Outcome o = trygg("compare base_w.h5 lighting_w.h5 --csv out.csv --json out.json");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("persistent hotspots (cells)"));
    EXPECT_THAT(o.out, HasSubstr("vanished (persistent in BASE)"));
    EXPECT_THAT(o.out, ::testing::Not(HasSubstr("not compared: ")));
    const std::string csv = read_text(work() / "out.csv");
    EXPECT_THAT(csv, HasSubstr("\nhotspot_cell_weeks_baseline_rule,total,"));
    EXPECT_THAT(csv, HasSubstr("\nhotspots_persistent_new,total,0.0000,0.0000,"));
    EXPECT_THAT(read_text(work() / "out.json"), HasSubstr("\"baseline_rule\": true"));
}

TEST_F(CompareCli, AnotherHarmTableAndDiscountRate) {
    std::string table = read_text(fs::path(TRYGG_SOURCE_DIR) / "configs/harm/brottsbalken_minimum_days.yaml");
    table.replace(table.find("burglary: 182"), 13, "burglary: 100");
    testing::write_text(work() / "harm.yaml", table);
    ours_.insert("harm.yaml");
    const Outcome o = trygg("compare base.h5 lighting.h5 --harm harm.yaml --discount-rate 0 --csv out.csv -q");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(read_text(work() / "out.csv"), HasSubstr("\nharm_true,total,10750.0000,7800.0000,-2950.0000,"));
    EXPECT_THAT(read_text(work() / "out.csv"), HasSubstr("\nharm_true_pv,total,10750.0000,7800.0000,-2950.0000,"));
}

TEST_F(CompareCli, RanksSeveralStrategies) {
    write(work() / "patrols.h5", patrol_run(4));
    ours_.insert("patrols.h5");
    const Outcome o = trygg("compare base.h5 lighting.h5 patrols.h5 --csv rank.csv --json rank.json");
    ASSERT_EQ(o.status, 0) << o.err;
    for (const std::string part :
         {"Ranking of 2 strategies against BASE base.h5: 4 paired replicate(s)", "P(best) in replicates",
          "true crimes prevented over the horizon", "harm prevented per million kronor"}) {
        EXPECT_THAT(o.out, HasSubstr(part));
    }
    const std::string csv = read_text(work() / "rank.csv");
    EXPECT_THAT(csv, StartsWith("criterion,unit,strategy,rank,mean,low,high,p_best_replicates,p_best_bootstrap,"
                                "pairing\n"));
    // Lighting prevents 29.5 in every replicate's mean and more than patrols in each: best always.
    EXPECT_THAT(csv, HasSubstr("\ncrimes_prevented,crimes,lighting.h5,1,29.5000,"));
    EXPECT_THAT(csv, HasSubstr(",1.0000,1.0000,paired\n"));
    EXPECT_THAT(csv, HasSubstr("\ncrimes_prevented,crimes,patrols.h5,2,"));
    const std::string json = read_text(work() / "rank.json");
    EXPECT_THAT(json, HasSubstr("\"format\": \"trygg-ranking/1\""));
    EXPECT_THAT(json, HasSubstr("\"label\": \"patrols.h5\""));
    EXPECT_THAT(json, HasSubstr("\"format\": \"trygg-compare/1\""));  // each strategy's comparison
}

TEST_F(CompareCli, RanksTheGroupsOfAnExperimentAgainstItsBaseline) {
    write_experiment(work() / "exp.h5", 4);
    ours_.insert("exp.h5");
    const Outcome o = trygg("compare exp.h5 --csv rank.csv");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("Ranking of 2 strategies against BASE exp.h5:baseline"));
    const std::string csv = read_text(work() / "rank.csv");
    EXPECT_THAT(csv, HasSubstr("\ncrimes_prevented,crimes,exp.h5:lighting,1,29.5000,"));
    EXPECT_THAT(csv, HasSubstr("\ncrimes_prevented,crimes,exp.h5:patrols,2,"));
    // Another baseline: patrols, against which lighting still prevents crime.
    const Outcome p = trygg("compare exp.h5 --baseline patrols -q --csv other.csv");
    ASSERT_EQ(p.status, 0) << p.err;
    EXPECT_THAT(read_text(work() / "other.csv"), HasSubstr("\ncrimes_prevented,crimes,exp.h5:lighting,1,"));
    fs::remove(work() / "rank.csv");
    fs::remove(work() / "other.csv");
    expect_bad_input(trygg("compare exp.h5 --baseline base"),
                     {"exp.h5: no run group 'base' to compare the others with (it has: baseline, lighting, patrols)"});
}

TEST_F(CompareCli, BadInputOfTheRanking) {
    write(work() / "patrols.h5", patrol_run(4));
    ours_.insert("patrols.h5");
    // A missing partner among several.
    expect_bad_input(trygg("compare base.h5 lighting.h5 missing.h5 --csv out.csv"),
                     {"trygg compare: ", "missing.h5: no such file"});
    // A partner that is not paired with BASE.
    auto seeded = patrol_run(4);
    seeded.provenance.seed = 7;
    write(work() / "seed7.h5", seeded);
    ours_.insert("seed7.h5");
    expect_bad_input(trygg("compare base.h5 lighting.h5 seed7.h5"),
                     {"base.h5 and seed7.h5 are not paired (seed 1 and 7)", "--unpaired"});
    const Outcome unpaired = trygg("compare base.h5 lighting.h5 seed7.h5 --unpaired --csv out.csv -q");
    ASSERT_EQ(unpaired.status, 0) << unpaired.err;
    EXPECT_THAT(read_text(work() / "out.csv"), HasSubstr(",unpaired\n"));
    fs::remove(work() / "out.csv");
    // An experiment file without a group called baseline, and --baseline with several runs.
    expect_bad_input(trygg("compare base.h5 lighting.h5 --baseline baseline"), {"--baseline names a group"});
    expect_bad_input(trygg("compare lighting.h5"), {"lighting.h5 is a single run: give two runs"});
}

TEST_F(CompareCli, BadHarmTableOrDiscountRate) {
    std::string table = read_text(fs::path(TRYGG_SOURCE_DIR) / "configs/harm/brottsbalken_minimum_days.yaml");
    table.replace(table.find("robbery:"), 8, "robery:");
    testing::write_text(work() / "typo.yaml", table);
    ours_.insert("typo.yaml");
    expect_bad_input(trygg("compare base.h5 lighting.h5 --harm typo.yaml --csv out.csv"),
                     {"trygg compare: typo.yaml:", "weights.robbery", "'robery' on line 25 a misspelling"});
    expect_bad_input(trygg("compare base.h5 lighting.h5 --harm nothere.yaml"), {"nothere.yaml"});
    for (const std::string rate : {"-0.01", "nan", "inf", "3.5"}) {
        expect_bad_input(trygg("compare base.h5 lighting.h5 --discount-rate " + rate),
                         {"--discount-rate: value", "must be a share from 0 to 1"});
    }
    expect_bad_input(trygg("compare base.h5 lighting.h5 --discount-rate lots"), {"discount-rate", "lots"});
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
