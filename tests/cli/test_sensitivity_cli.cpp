// Sensitivity designs end to end: experiment files with sweep.method morris or sobol and every
// bad key of them, the /design a batch writes, and `trygg sensitivity` on a small Morris and
// Sobol' batch (whole city, 1 replicate, 1 week: each run costs about a second of setup).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"
#include "io/design_file.hpp"
#include "io/experiment_config.hpp"
#include "io/results_file.hpp"

#include <hdf5.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <utility>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using trygg::testing::count_lines;
using trygg::testing::Outcome;
using trygg::testing::quoted;
using trygg::testing::read_text;

const fs::path kSource = TRYGG_SOURCE_DIR;
const std::string kBaseline = (kSource / "scenarios" / "baseline.yaml").string();
const std::string kLighting = (kSource / "scenarios" / "lighting_tjarna.yaml").string();

// Displacement matters; the exit programme's factor acts only on participants of an exit
// programme, which neither scenario has, so it cannot change a single draw: its effects are 0.
const std::string kParameters =
    "  parameters:\n    offending.displacement: [0.0, 0.5]\n    recruitment.exit_programme_factor: [1.0, 5.0]\n";

class Sensitivity : public trygg::testing::TryggCli {
protected:
    // Lines 1–5 are fixed, so the sweep's keys start on line 6.
    void put_experiment(const std::string& scenarios, const std::string& sweep) {
        put("exp.yaml", "scenarios: [" + scenarios + "]\nreplicates: 1\nweeks: 1\nseed: 11\nsweep:\n" + sweep);
    }

    // A batch made once for the whole suite, copied into the test's work/ as `name`.
    void put_batch(const std::string& name, const std::string& experiment) {
        const fs::path made = made_batch(experiment);
        fs::copy_file(made, work() / name);
        ours_.insert(name);
    }

    // Experiment text → the batch file made from it, in its own directory.
    static std::map<std::string, fs::path>& made() {
        static std::map<std::string, fs::path> batches;
        return batches;
    }
    static fs::path made_batch(const std::string& experiment) {
        auto& made = Sensitivity::made();
        if (made.count(experiment)) return made.at(experiment);
        const fs::path dir = fs::temp_directory_path() /
                             ("trygg_sensitivity_" + std::to_string(::getpid()) + "_" + std::to_string(made.size()));
        fs::create_directories(dir);
        trygg::testing::write_text(dir / "exp.yaml", experiment);
        const std::string command = "cd " + quoted(dir.string()) + " && " + quoted(TRYGG_BINARY) +
                                    " batch exp.yaml -o batch.h5 -q >out.txt 2>&1";
        EXPECT_EQ(std::system(command.c_str()), 0) << read_text(dir / "out.txt");
        made[experiment] = dir / "batch.h5";
        return dir / "batch.h5";
    }
    static void TearDownTestSuite() {
        std::error_code ec;
        for (const auto& [text, file] : made()) fs::remove_all(file.parent_path(), ec);
        made().clear();
    }
};

const std::string kMorrisBatch = "scenarios: [" + kBaseline + ", " + kLighting +
                                 "]\nreplicates: 1\nweeks: 1\nseed: 11\nsweep:\n  method: morris\n  trajectories: "
                                 "2\n  levels: 4\n" +
                                 kParameters;

TEST_F(Sensitivity, HelpNamesTheCommand) {
    for (const std::string args : {"help sensitivity", "sensitivity --help"}) {
        const Outcome o = trygg(args);
        EXPECT_EQ(o.status, 0);
        EXPECT_THAT(o.out, HasSubstr("Usage: trygg sensitivity OUT.h5"));
        EXPECT_THAT(o.out, HasSubstr("--outcome"));
    }
    EXPECT_THAT(trygg("--help").out, HasSubstr("trygg sensitivity OUT.h5"));
}

// ---- experiment files ----

TEST_F(Sensitivity, BadMorrisAndSobolSweeps) {
    put_experiment(kBaseline, "  method: moris\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:6: sweep.method: ", "did you mean 'morris'?"});
    put_experiment(kBaseline, "  method: sobl\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:6: sweep.method: ", "did you mean 'sobol'?"});
    put_experiment(kBaseline, "  method: morris\n  levels: 5\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"),
                     {"exp.yaml:7: sweep.levels: Morris needs an even number of levels", "got 5"});
    put_experiment(kBaseline, "  method: morris\n  levels: 0\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:7: sweep.levels: ", "0"});
    put_experiment(kBaseline, "  method: morris\n  trajectories: 1\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:7: sweep.trajectories: ", "1"});
    put_experiment(kBaseline, "  method: sobol\n  base_samples: 1\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:7: sweep.base_samples: ", "1"});
    put_experiment(kBaseline, "  method: sobol\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:6: sweep.base_samples: missing required key"});
    put_experiment(kBaseline, "  method: morris\n  parameters:\n    offending.displacement: [0.5, 0.5]\n");
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"),
                     {"exp.yaml:8: sweep.parameters.offending.displacement: expected [low, high] with low < high"});
    put_experiment(kBaseline, "  method: sobol\n  base_samples: 4\n  parameters:\n    offending.search: [0.9, 0.1]\n");
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"),
                     {"exp.yaml:9: sweep.parameters.offending.search: expected [low, high] with low < high"});
    // r (k + 1) = 4000 × 3 and N (k + 2) = 3000 × 4 points: more than 10000.
    put_experiment(kBaseline, "  method: morris\n  trajectories: 4000\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"),
                     {"exp.yaml:7: sweep.trajectories: the Morris design", "has 12000 points; at most 10000"});
    put_experiment(kBaseline, "  method: sobol\n  base_samples: 3000\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"),
                     {"exp.yaml:7: sweep.base_samples: the Sobol' design", "has 12000 points; at most 10000"});
    // Boost's Sobol' table has 3667 dimensions: A and B of 1834 parameters would need 3668.
    std::string many = "  method: sobol\n  base_samples: 2\n  parameters:\n";
    for (int i = 0; i < 1834; ++i) many += "    p" + std::to_string(i) + ": [0, 1]\n";
    put_experiment(kBaseline, many);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"),
                     {"exp.yaml:9: sweep.parameters: a Sobol' design takes at most 1833 parameters"});
    put_experiment(kBaseline, "  method: morris\n  trajectories: 4\n  candidates: 4\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"),
                     {"exp.yaml:8: sweep.candidates: the trajectories are chosen from more candidates", "got 4"});
    put_experiment(kBaseline, "  method: morris\n  candidates: 5000\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:7: sweep.candidates: value 5000 is out of range"});
    // A key of another method is a typo here, not something to ignore.
    put_experiment(kBaseline, "  method: morris\n  points: 8\n" + kParameters);
    expect_bad_input(trygg("batch exp.yaml -o OUT.h5"), {"exp.yaml:7: sweep.points: unknown key 'points'"});
}

// --check lists the design and its points; r (k + 1) = 3 × 3 of Morris, N (k + 2) = 2 × 4 of Sobol'.
TEST_F(Sensitivity, CheckListsTheDesign) {
    put_experiment(kBaseline, "  method: morris\n  trajectories: 3\n" + kParameters);
    const Outcome morris = trygg("batch exp.yaml --check");
    ASSERT_EQ(morris.status, 0) << morris.err;
    EXPECT_THAT(morris.out, HasSubstr("9 run(s)"));
    EXPECT_THAT(morris.out, HasSubstr("sweep: morris, 9 point(s) over 2 parameter(s): 3 trajectories of 3 points"));
    put_experiment(kBaseline, "  method: morris\n  trajectories: 3\n  candidates: 30\n" + kParameters);
    EXPECT_THAT(trygg("batch exp.yaml --check").out,
                HasSubstr("3 trajectories of 3 points, 4 levels, chosen for spread from 30 candidates"));
    put_experiment(kBaseline, "  method: sobol\n  base_samples: 2\n" + kParameters);
    const Outcome sobol = trygg("batch exp.yaml --check");
    ASSERT_EQ(sobol.status, 0) << sobol.err;
    EXPECT_THAT(sobol.out, HasSubstr("sweep: sobol, 8 point(s) over 2 parameter(s): 2 rows of A, B and 2 AB_i"));
    // Row 0 is the Sobol' sequence's second point, (½, ½, ½, ½): A and B both at mid-range.
    EXPECT_THAT(sobol.out, HasSubstr("baseline.p000: " + kBaseline +
                                     ", 0 intervention(s), offending.displacement = 0.25, "
                                     "recruitment.exit_programme_factor = 3\n"));
}

// The shipped screening: the size its comment states, and every parameter path exists in
// the city config (--check prepares every run; on a copy with 2 trajectories of the baseline
// only, 70 runs instead of 420, since the paths are the same at every point).
TEST_F(Sensitivity, TheShippedScreeningChecks) {
    const fs::path file = kSource / "configs" / "experiments" / "morris_screening.yaml";
    const trygg::ExperimentConfig e = trygg::load_experiment_config(file);
    EXPECT_EQ(e.design.method, trygg::SweepMethod::Morris);
    EXPECT_EQ(e.design.dimensions(), 34u);
    EXPECT_EQ(e.design.trajectories, 6);
    EXPECT_EQ(e.design.candidates, 100);
    EXPECT_EQ(e.runs.size(), 420u);
    EXPECT_EQ(e.replicates * e.weeks * static_cast<int>(e.runs.size()), 87360);
    std::string text = read_text(file);
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"trajectories: 6", "trajectories: 2"},
                                   {"  - ../../scenarios/combined.yaml\n", ""},
                                   {"../../scenarios/baseline.yaml", kBaseline}}) {
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
    }
    put("screening.yaml", text);
    const Outcome o = trygg("batch screening.yaml --check");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("70 run(s) × 8 replicate(s) × 26 weeks"));
}

// ---- the batch file's design ----

TEST_F(Sensitivity, TheBatchRecordsTheDesign) {
    put_batch("m.h5", kMorrisBatch);
    const auto design = trygg::read_sweep_design(work() / "m.h5");
    ASSERT_TRUE(design);
    EXPECT_EQ(design->method, trygg::SweepMethod::Morris);
    EXPECT_EQ(design->parameters,
              (std::vector<std::string>{"offending.displacement", "recruitment.exit_programme_factor"}));
    EXPECT_EQ(design->low, (std::vector<double>{0.0, 1.0}));
    EXPECT_EQ(design->high, (std::vector<double>{0.5, 5.0}));
    EXPECT_EQ(design->trajectories, 2);
    EXPECT_EQ(design->levels, 4);
    EXPECT_EQ(design->seed, 11u);
    ASSERT_EQ(design->size(), 6u);
    // The same design as the experiment file gives (same seed ⇒ same design), point by point.
    const trygg::SweepDesign expected = trygg::morris_design(design->parameters, {0.0, 1.0}, {0.5, 5.0}, 2, 4, 11);
    EXPECT_EQ(design->values, expected.values);
    for (std::size_t p = 0; p < 6; ++p) {
        EXPECT_EQ(design->points[p].role, trygg::PointRole::Trajectory);
        EXPECT_EQ(design->points[p].block, static_cast<int>(p / 3));
        EXPECT_EQ(design->points[p].step, static_cast<int>(p % 3));
        EXPECT_EQ(design->points[p].parameter, expected.points[p].parameter);
        // The group of point p ran with the point's values (written as the shortest exact text).
        const auto run = trygg::read_run_file(work() / "m.h5", trygg::sweep_group("baseline", p));
        char value[32];
        const auto end = std::to_chars(value, value + sizeof value, design->value_at(p, 0)).ptr;
        EXPECT_THAT(run.provenance.scenario_yaml,
                    HasSubstr("# sweep: offending.displacement = " + std::string(value, end) + "\n"));
    }
}

// ---- trygg sensitivity ----

double csv_value(const std::string& csv, const std::string& row_prefix) {
    const auto at = csv.find("\n" + row_prefix + ",");
    EXPECT_NE(at, std::string::npos) << row_prefix;
    if (at == std::string::npos) return NAN;
    return std::stod(csv.substr(at + row_prefix.size() + 2));
}

TEST_F(Sensitivity, MorrisTableCsvAndJson) {
    put_batch("m.h5", kMorrisBatch);
    const Outcome o = trygg("sensitivity m.h5 --outcome total --outcome burglary --csv m.csv --json m.json");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("morris design over 2 parameter(s), 6 points (2 trajectories, 4 levels)"));
    EXPECT_THAT(o.out, HasSubstr("\nbaseline: total\n  parameter"));
    EXPECT_THAT(o.out, HasSubstr("mu* (95% interval)"));
    EXPECT_THAT(o.out, HasSubstr("mu (95% interval)"));
    EXPECT_THAT(o.out, HasSubstr("sigma (95% interval)"));
    EXPECT_THAT(o.out, HasSubstr("\nlighting_tjarna: burglary\n"));
    // The inert parameter: every elementary effect is exactly 0.
    EXPECT_THAT(o.out, HasSubstr("  recruitment.exit_programme_factor  0.0 (0.0 to 0.0)"));

    const std::string csv = read_text(work() / "m.csv");
    EXPECT_THAT(csv, StartsWith("method,subject,outcome,parameter,index,value,low,high\n"));
    // 2 scenarios × 2 outcomes × 2 parameters × 3 indices.
    EXPECT_EQ(count_lines(csv), 1 + 24);
    EXPECT_EQ(csv_value(csv, "morris,baseline,total,recruitment.exit_programme_factor,mu_star"), 0.0);
    EXPECT_EQ(csv_value(csv, "morris,baseline,total,recruitment.exit_programme_factor,sigma"), 0.0);

    // μ* of displacement worked out from the groups themselves: |Δ total| / |Δ unit| over the
    // two steps that changed it (one per trajectory), averaged.
    const auto design = trygg::read_sweep_design(work() / "m.h5");
    ASSERT_TRUE(design);
    double mu_star = 0.0;
    for (std::size_t p = 1; p < design->size(); ++p) {
        if (design->points[p].parameter != 0) continue;
        auto total = [&](std::size_t point) {
            const auto r = trygg::read_run_file(work() / "m.h5", trygg::sweep_group("baseline", point)).results;
            double sum = 0.0;
            for (const auto n : r.crimes_true) sum += n;
            return sum;
        };
        mu_star += std::fabs(total(p) - total(p - 1)) / std::fabs(design->unit_at(p, 0) - design->unit_at(p - 1, 0));
    }
    mu_star /= 2.0;
    EXPECT_NEAR(csv_value(csv, "morris,baseline,total,offending.displacement,mu_star"), mu_star, 1e-4 * (1 + mu_star));

    // The bootstrap has a fixed seed: the same file gives the same bytes.
    ASSERT_EQ(trygg("sensitivity m.h5 --outcome total --outcome burglary --csv again.csv -q").status, 0);
    EXPECT_EQ(read_text(work() / "again.csv"), csv);

    const std::string json = read_text(work() / "m.json");
    EXPECT_THAT(json, HasSubstr("\"format\": \"trygg-sensitivity/1\""));
    EXPECT_THAT(json, HasSubstr("\"method\": \"morris\""));
    EXPECT_THAT(json, HasSubstr("\"mu_star_low\""));
}

// The effect of lighting against the baseline at each point: one subject, the paired change.
TEST_F(Sensitivity, TheEffectOfOneScenarioAgainstAnother) {
    put_batch("m.h5", kMorrisBatch);
    const Outcome o = trygg("sensitivity m.h5 --base baseline --other lighting_tjarna --outcome total --csv e.csv");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("\nlighting_tjarna - baseline: total\n"));
    EXPECT_THAT(o.out, ::testing::Not(HasSubstr("\nbaseline: total")));
    EXPECT_EQ(count_lines(read_text(work() / "e.csv")), 1 + 6);
    EXPECT_EQ(csv_value(read_text(work() / "e.csv"),
                        "morris,lighting_tjarna - baseline,total,recruitment.exit_programme_factor,mu_star"),
              0.0);
}

TEST_F(Sensitivity, SobolTable) {
    put_batch("s.h5", "scenarios: [" + kBaseline +
                          "]\nreplicates: 1\nweeks: 1\nseed: 11\nsweep:\n  method: sobol\n  base_samples: 2\n" +
                          kParameters);
    const Outcome o = trygg("sensitivity s.h5 --outcome total --csv s.csv");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("sobol design over 2 parameter(s), 8 points (N = 2 rows of A and B)"));
    EXPECT_THAT(o.out, HasSubstr("S_i (95% interval)"));
    EXPECT_THAT(o.out, HasSubstr("S_Ti (95% interval)"));
    // f(AB_i) = f(A) in every row for the inert parameter: S_i = S_Ti = 0 exactly.
    EXPECT_THAT(o.out, HasSubstr("  recruitment.exit_programme_factor  0.000 (0.000 to 0.000)"));
    const std::string csv = read_text(work() / "s.csv");
    EXPECT_EQ(count_lines(csv), 1 + 4);
    EXPECT_EQ(csv_value(csv, "sobol,baseline,total,recruitment.exit_programme_factor,total"), 0.0);
}

TEST_F(Sensitivity, BadInput) {
    expect_bad_input(trygg("sensitivity"), {"trygg sensitivity: no batch file given"});
    expect_bad_input(trygg("sensitivity missing.h5"), {"trygg sensitivity: missing.h5: no such file"});
    put_batch("m.h5", kMorrisBatch);
    expect_bad_input(trygg("sensitivity m.h5 --outcome burglry"),
                     {"--outcome: no outcome 'burglry'", "did you mean 'burglary'?"});
    expect_bad_input(trygg("sensitivity m.h5 --base baselin --other lighting_tjarna"),
                     {"m.h5: --base: no scenario 'baselin'", "did you mean 'baseline'?"});
    expect_bad_input(trygg("sensitivity m.h5 --other lighting_tjarna"), {"--other needs --base"});
    expect_bad_input(trygg("sensitivity m.h5 --csv m.h5"), {"--csv m.h5 would replace m.h5"});
    put_batch("grid.h5", "scenarios: [" + kBaseline +
                             "]\nreplicates: 1\nweeks: 1\nseed: 11\nsweep:\n  method: grid\n  parameters:\n"
                             "    offending.displacement: [0.0, 0.5]\n");
    expect_bad_input(trygg("sensitivity grid.h5"), {"grid.h5: not a Morris or Sobol' batch: its sweep method is grid"});
    put_batch("plain.h5", "scenarios: [" + kBaseline + "]\nreplicates: 1\nweeks: 1\nseed: 11\n");
    expect_bad_input(trygg("sensitivity plain.h5"), {"plain.h5: not a Morris or Sobol' batch: it has no sweep design"});

    // A group removed from the file: an incomplete batch, never indices from part of a design.
    put_batch("cut.h5", kMorrisBatch);
    {
        const hid_t file = H5Fopen((work() / "cut.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        ASSERT_GE(file, 0);
        EXPECT_GE(H5Ldelete(file, "baseline.p003", H5P_DEFAULT), 0);
        H5Fclose(file);
    }
    expect_bad_input(trygg("sensitivity cut.h5"),
                     {"cut.h5: an incomplete batch: scenario 'baseline' has 5 of the design's 6 points "
                      "(baseline.p003 is missing)"});
}

}  // namespace
