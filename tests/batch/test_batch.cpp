// The batch library (engine/batch) without the binary: a batch asked to stop keeps what it
// finished and a resumed batch ends with the datasets of an uninterrupted one; kept parts are
// never silently reused or mixed. The command line's own behaviour (signals, exit statuses,
// messages) is tested in tests/cli.
#include "batch/batch.hpp"
#include "batch/merge.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"
#include "io/results_file.hpp"
#include "sim/run.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <string>

namespace trygg::testing {
namespace {

namespace fs = std::filesystem;

class BatchLibrary : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("trygg_batch_library_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        // Two scenarios × three replicates × one week: six tasks, enough to stop in the middle.
        write_text(dir_ / "exp.yaml", "scenarios: [" + source_path("scenarios/baseline.yaml") + ", " +
                                          source_path("scenarios/lighting_tjarna.yaml") +
                                          "]\nreplicates: 3\nweeks: 1\nseed: 5\n");
    }
    void TearDown() override { fs::remove_all(dir_); }

    Batch batch(const std::string& output) const {
        return Batch(load_experiment_config(dir_ / "exp.yaml"), BatchFiles::for_output(dir_ / output), 1,
                     std::uint64_t{1} << 40);
    }

    fs::path dir_;
};

TEST_F(BatchLibrary, AStoppedBatchResumedEqualsAnUninterruptedOne) {
    const BatchResult whole = batch("whole.h5").run(false, "test");
    ASSERT_EQ(whole.end, BatchEnd::Done);
    EXPECT_EQ(whole.replicates_done, 6);
    EXPECT_FALSE(fs::exists(dir_ / "whole.h5.parts")) << "the parts are removed once the file is whole";

    // Ask it to stop once two replicates are kept: on one thread the third never starts.
    std::atomic<std::int64_t> kept{0};
    BatchHooks hooks;
    hooks.replicate_kept = [&](std::int64_t done, std::int64_t) { kept = done; };
    hooks.stop_requested = [&] { return kept >= 2; };
    const BatchResult cut = batch("cut.h5").run(false, "test", hooks);
    EXPECT_EQ(cut.end, BatchEnd::Interrupted);
    EXPECT_EQ(cut.replicates_done, 2);
    EXPECT_EQ(cut.replicates_total, 6);
    EXPECT_FALSE(fs::exists(dir_ / "cut.h5"));
    EXPECT_TRUE(fs::exists(dir_ / "cut.h5.parts" / "baseline" / "r00001.h5"));
    EXPECT_THAT(read_text(dir_ / "cut.h5.status.json"), ::testing::HasSubstr("\"state\": \"interrupted\""));

    // Without resume the kept parts are refused, with it they are reused.
    EXPECT_THROW(batch("cut.h5").run(false, "test"), InputError);
    const BatchResult resumed = batch("cut.h5").run(true, "test");
    ASSERT_EQ(resumed.end, BatchEnd::Done);
    for (const std::string group : {"baseline", "lighting_tjarna"}) {
        SCOPED_TRACE(group);
        expect_same_results(read_run_file(dir_ / "whole.h5", group).results,
                            read_run_file(dir_ / "cut.h5", group).results);
    }
}

// A part copied over another (replicate 0 as replicate 1) would put replicate 0 in the file
// twice: resuming refuses it and names the part.
TEST_F(BatchLibrary, APartHoldingAnotherReplicateIsRefusedOnResume) {
    std::atomic<std::int64_t> kept{0};
    BatchHooks hooks;
    hooks.replicate_kept = [&](std::int64_t done, std::int64_t) { kept = done; };
    hooks.stop_requested = [&] { return kept >= 2; };
    ASSERT_EQ(batch("cut.h5").run(false, "test", hooks).end, BatchEnd::Interrupted);
    const fs::path parts = dir_ / "cut.h5.parts" / "baseline";
    fs::copy_file(parts / "r00000.h5", parts / "r00001.h5", fs::copy_options::overwrite_existing);
    try {
        batch("cut.h5").run(true, "test");
        FAIL() << "a part holding replicate 0 under replicate 1's name was accepted";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), ::testing::HasSubstr("r00001.h5"));
        EXPECT_THAT(e.what(), ::testing::HasSubstr("holds replicate 0"));
    }
}

// The assembly streams the kept parts into the file one replicate at a time (io/results_file:
// write_experiment_file_from_parts). Its oracle is the simple path: every replicate of a run
// simulated in one call and held in memory together. Lighting in Tjärna Ängar marks treated
// cells, which the stream ORs over replicates.
TEST_F(BatchLibrary, TheStreamedFileEqualsEveryReplicateSimulatedAtOnce) {
    Batch whole = batch("whole.h5");
    ASSERT_EQ(whole.run(false, "test").end, BatchEnd::Done);
    for (std::size_t k = 0; k < whole.setups().size(); ++k) {
        const std::string group = whole.experiment().runs[k].group;
        SCOPED_TRACE(group);
        const RunSetup& setup = whole.setups()[k];
        const RunOutput all = run_replicates(setup.city, setup.params, setup.timeline, RunOptions{5, 3, 1, false, 0});
        const RunResults streamed = read_run_file(dir_ / "whole.h5", group).results;
        expect_same_results(all.results, streamed);
        EXPECT_EQ(all.results.picture.size(), streamed.picture.size());
    }
}

// A batch split into shares (Slurm's --shard K/N) keeps every task once, assembles nothing,
// and its parts merge into the file a single batch writes.
TEST_F(BatchLibrary, SharesMergedEqualTheWholeBatch) {
    ASSERT_EQ(batch("whole.h5").run(false, "test").end, BatchEnd::Done);
    for (int k = 1; k <= 4; ++k) {
        Batch shard(load_experiment_config(dir_ / "exp.yaml"), BatchFiles::for_shard(dir_ / "out.h5", {k, 4}), 1,
                    std::uint64_t{1} << 40);
        const BatchResult share = shard.run_share({k, 4}, false);
        EXPECT_EQ(share.end, BatchEnd::Done);
        EXPECT_EQ(share.replicates_total, k <= 2 ? 2 : 1) << "six tasks over four shares";
    }
    EXPECT_FALSE(fs::exists(dir_ / "out.h5"));
    const MergeResult merged = merge_parts(dir_ / "out.h5.parts", dir_ / "out.h5", "test");
    EXPECT_EQ(merged.runs, 2u);
    EXPECT_EQ(merged.replicates, 3);
    for (const std::string group : {"baseline", "lighting_tjarna"}) {
        SCOPED_TRACE(group);
        expect_same_results(read_run_file(dir_ / "whole.h5", group).results,
                            read_run_file(dir_ / "out.h5", group).results);
    }
}

// Nothing is simulated when the outputs would replace an input or the batch cannot fit.
TEST_F(BatchLibrary, ChecksComeBeforeAnyReplicateRuns) {
    EXPECT_THROW(Batch(load_experiment_config(dir_ / "exp.yaml"), BatchFiles::for_output(dir_ / "exp.yaml"), 1,
                       std::uint64_t{1} << 40),
                 InputError);
    EXPECT_THROW(Batch(load_experiment_config(dir_ / "exp.yaml"), BatchFiles::for_output(dir_ / "o.h5"), 1, 1000),
                 InputError);
    EXPECT_FALSE(fs::exists(dir_ / "o.h5.parts"));
}

}  // namespace
}  // namespace trygg::testing
