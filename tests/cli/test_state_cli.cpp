// `trygg run --save-state` / `--from-state` end to end (issue 13 item 5): the continued run's
// file equals the unbroken run's in every dataset (the state's weeks included), a branch
// adds a dated item, and a state that must not be continued is one line with status 2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"
#include "io/results_file.hpp"
#include "io/state_file.hpp"

#include <filesystem>
#include <string>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kSource = TRYGG_SOURCE_DIR;
const fs::path kBaseline = kSource / "scenarios" / "baseline.yaml";

class State : public testing::TryggCli {
protected:
    // Two replicates of the shipped baseline, two weeks of warm-up saved.
    void warm_up() {
        put("base.yaml", "extends: " + kBaseline.string() + "\nreplicates: 2\nseed: 5\n");
        const auto o = trygg("run base.yaml --weeks 2 -o warm.h5 --save-state state.h5 -q -t 2");
        ASSERT_EQ(o.status, 0) << o.err;
        ours_.insert("warm.h5");
        ours_.insert("state.h5");
    }
};

TEST_F(State, AContinuedRunIsTheUnbrokenRunInEveryDataset) {
    warm_up();
    ASSERT_EQ(trygg("run base.yaml --from-state state.h5 --weeks 2 -o continued.h5 -q -t 1").status, 0);
    ASSERT_EQ(trygg("run base.yaml --weeks 4 -o unbroken.h5 -q -t 2").status, 0);
    const RunFile continued = read_run_file(work() / "continued.h5");
    const RunFile unbroken = read_run_file(work() / "unbroken.h5");
    EXPECT_EQ(continued.provenance.weeks, 4) << "the continued file holds every week from the start";
    testing::expect_same_results(continued.results, unbroken.results);
    EXPECT_EQ(continued.grid.population, unbroken.grid.population);
    EXPECT_THAT(continued.provenance.scenario_yaml, HasSubstr("continued from the state state.h5 after 2 weeks"));
    // A chain: the continuation saves its own state, which goes on again.
    ASSERT_EQ(trygg("run base.yaml --from-state state.h5 --weeks 1 -o c3.h5 --save-state s3.h5 -q").status, 0);
    ASSERT_EQ(trygg("run base.yaml --from-state s3.h5 --weeks 1 -o c4.h5 -q").status, 0);
    testing::expect_same_results(read_run_file(work() / "c4.h5").results, unbroken.results);
}

TEST_F(State, ABranchAddsAnItemDatedAtTheBranch) {
    warm_up();
    // 2025-01-06 + 2 weeks: the branch's lighting starts on its first day.
    put("branch.yaml",
        "extends: base.yaml\ninterventions:\n  - name: lighting\n    kind: lighting\n"
        "    where: {district: Tjärna Ängar}\n    intensity: 0.9\n    when: {start: 2025-01-20}\n"
        "    cost: {investment_sek: 0, running_sek_per_year: 0}\n");
    ASSERT_EQ(trygg("run branch.yaml --from-state state.h5 --weeks 2 -o branched.h5 -q").status, 0);
    ASSERT_EQ(trygg("run branch.yaml --weeks 4 -o unbroken.h5 -q").status, 0);
    testing::expect_same_results(read_run_file(work() / "branched.h5").results,
                                 read_run_file(work() / "unbroken.h5").results);
    ours_.insert("branched.h5");
    ours_.insert("unbroken.h5");
    put("early.yaml",
        "extends: base.yaml\ninterventions:\n  - name: lighting\n    kind: lighting\n"
        "    where: {district: Tjärna Ängar}\n    intensity: 0.9\n    when: {start: 2025-01-19}\n"
        "    cost: {investment_sek: 0, running_sek_per_year: 0}\n");
    expect_bad_input(trygg("run early.yaml --from-state state.h5 --weeks 2 -o x.h5 -q"),
                     {"--from-state state.h5: ", "intervention 'lighting' starts before the branch"});
}

// An experiment's runs continue a shared warm-up (`warm_up: STATE.h5`): each run's group
// equals the unbroken run of its scenario over the experiment's weeks.
TEST_F(State, AnExperimentBranchesFromASharedWarmUp) {
    warm_up();
    put("branch.yaml",
        "extends: base.yaml\ninterventions:\n  - name: lighting\n    kind: lighting\n"
        "    where: {district: Tjärna Ängar}\n    intensity: 0.9\n    when: {start: 2025-01-20}\n"
        "    cost: {investment_sek: 0, running_sek_per_year: 0}\n");
    put("exp.yaml", "scenarios: [base.yaml, branch.yaml]\nreplicates: 2\nweeks: 3\nseed: 5\nwarm_up: state.h5\n");
    const auto o = trygg("batch exp.yaml -o exp.h5 -q -t 2");
    ASSERT_EQ(o.status, 0) << o.err;
    ASSERT_EQ(trygg("run base.yaml --weeks 3 -o base3.h5 -q").status, 0);
    ASSERT_EQ(trygg("run branch.yaml --weeks 3 -o branch3.h5 -q").status, 0);
    ours_.insert("exp.h5");
    ours_.insert("exp.h5.status.json");
    ours_.insert("base3.h5");
    ours_.insert("branch3.h5");
    testing::expect_same_results(read_run_file(work() / "exp.h5", "base").results,
                                 read_run_file(work() / "base3.h5").results);
    testing::expect_same_results(read_run_file(work() / "exp.h5", "branch").results,
                                 read_run_file(work() / "branch3.h5").results);
    // The experiment's seed is not the warm-up's; a warm-up that is not there.
    put("other_seed.yaml", "scenarios: [base.yaml]\nreplicates: 2\nweeks: 3\nseed: 6\nwarm_up: state.h5\n");
    expect_bad_input(trygg("batch other_seed.yaml -o x.h5"),
                     {"trygg batch: warm_up ", "state.h5 (run base): seed 5, this run's 6"});
    put("missing.yaml", "scenarios: [base.yaml]\nreplicates: 2\nweeks: 3\nseed: 5\nwarm_up: nowhere.h5\n");
    expect_bad_input(trygg("batch missing.yaml -o x.h5"), {"missing.yaml:5", "warm_up", "file not found"});
}

TEST_F(State, AStateThatMustNotBeContinuedIsRefused) {
    warm_up();
    expect_bad_input(trygg("run base.yaml --from-state state.h5 --weeks 2 --seed 6 -o x.h5"),
                     {"--from-state state.h5: seed 5, this run's 6"});
    expect_bad_input(trygg("run base.yaml --from-state state.h5 --weeks 2 --replicates 1 -o x.h5"),
                     {"2 replicate(s), this run's 1"});
    // Another city: a parameter of the city config changed by the scenario.
    put("other.yaml", "extends: base.yaml\noverrides:\n  offending.displacement: 0.1\n");
    expect_bad_input(trygg("run other.yaml --from-state state.h5 --weeks 2 -o x.h5"),
                     {"another city or other model parameters"});
    // Another trygg: the same state, marked as written by another version.
    StateFile s = read_state_file(work() / "state.h5");
    s.header.trygg_version = "0.0.1 (elsewhere)";
    write_state_file(work() / "old.h5", s);
    ours_.insert("old.h5");
    expect_bad_input(trygg("run base.yaml --from-state old.h5 --weeks 2 -o x.h5"),
                     {"written by trygg 0.0.1 (elsewhere)"});
    // A truncated file.
    const std::string bytes = testing::read_text(work() / "state.h5");
    put("cut.h5", bytes.substr(0, bytes.size() / 2));
    expect_bad_input(trygg("run base.yaml --from-state cut.h5 --weeks 2 -o x.h5"), {"cut.h5"});
    // A run file is no state, and the state is an input: never written over.
    expect_bad_input(trygg("run base.yaml --from-state warm.h5 --weeks 2 -o x.h5"), {"not a trygg state file"});
    expect_bad_input(trygg("run base.yaml --from-state state.h5 --weeks 2 -o state.h5"),
                     {"--output state.h5 would replace state.h5"});
    expect_bad_input(trygg("run base.yaml --from-state state.h5 --weeks 2 -o x.h5 --save-state state.h5"),
                     {"--save-state state.h5 would replace state.h5"});
}

}  // namespace
}  // namespace trygg
