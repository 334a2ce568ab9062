// Resuming a batch from the replicates it kept: every kept part is checked for the replicate
// and run it holds before anything is simulated, and SIGTERM stops a batch as Ctrl-C does,
// with a status file that says so.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"
#include "io/results_file.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::Outcome;
using testing::quoted;
using testing::read_text;

const fs::path kSource = TRYGG_SOURCE_DIR;
const fs::path kBaseline = kSource / "scenarios" / "baseline.yaml";

class Resume : public testing::TryggCli {
protected:
    void SetUp() override {
        TryggCli::SetUp();
        put("exp.yaml", "scenarios: [" + kBaseline.string() + "]\nreplicates: 3\nweeks: 2\nseed: 11\n");
    }
    // Starts `trygg batch exp.yaml -o OUT` on one thread, sends `signal` once a replicate is
    // kept, and returns the exit status.
    int interrupt(const std::string& out, const std::string& signal) {
        const std::string command =
            "cd " + quoted(work().string()) + " && (" + quoted(TRYGG_BINARY) + " batch exp.yaml -o " + out +
            " -q --threads 1 >/dev/null 2>&1 & pid=$!; for i in $(seq 600); do grep -qs '\"replicates_done\": [1-9]' " +
            out + ".status.json && break; sleep 0.05; done; kill -" + signal + " $pid; wait $pid; echo $? > status)";
        EXPECT_EQ(std::system(command.c_str()), 0);
        ours_.insert("status");
        return std::stoi(read_text(work() / "status"));
    }
};

TEST_F(Resume, SigtermStopsLikeCtrlCAndTheStatusSaysInterrupted) {
    EXPECT_EQ(interrupt("cut.h5", "TERM"), 130);
    EXPECT_THAT(read_text(work() / "cut.h5.status.json"), HasSubstr("\"state\": \"interrupted\""));
    EXPECT_FALSE(fs::exists(work() / "cut.h5"));
    const Outcome resumed = trygg("batch exp.yaml -o cut.h5 -q --resume");
    ASSERT_EQ(resumed.status, 0) << resumed.err;
    EXPECT_THAT(read_text(work() / "cut.h5.status.json"), HasSubstr("\"state\": \"done\""));
}

// r00000.h5 copied over r00001.h5 holds replicate 0: resuming must refuse it (naming the file
// and the replicate) before simulating, never write replicate 0 twice.
TEST_F(Resume, APartHoldingAnotherReplicateIsRefused) {
    ASSERT_EQ(interrupt("cut.h5", "TERM"), 130);
    const fs::path parts = work() / "cut.h5.parts" / "baseline";
    ASSERT_TRUE(fs::exists(parts / "r00000.h5"));
    fs::copy_file(parts / "r00000.h5", parts / "r00001.h5", fs::copy_options::overwrite_existing);
    const std::string status_before = read_text(work() / "cut.h5.status.json");
    const Outcome o = trygg("batch exp.yaml -o cut.h5 -q --resume");
    EXPECT_EQ(o.status, 2) << o.err;
    EXPECT_EQ(testing::count_lines(o.err), 1) << o.err;
    EXPECT_THAT(o.err, HasSubstr("cut.h5.parts/baseline/r00001.h5 holds replicate 0, not replicate 1: remove it"));
    EXPECT_EQ(read_text(work() / "cut.h5.status.json"), status_before) << "nothing may have been simulated";
    EXPECT_FALSE(fs::exists(work() / "cut.h5"));
}

// A part of another experiment's batch (another seed) dropped into this one's folder: one line,
// status 2, before anything is simulated (it was "internal error" after simulating everything).
TEST_F(Resume, APartOfAnotherExperimentIsRefusedBeforeSimulating) {
    put("other.yaml", "scenarios: [" + kBaseline.string() + "]\nreplicates: 3\nweeks: 2\nseed: 12\n");
    ASSERT_EQ(interrupt("cut.h5", "TERM"), 130);
    const std::string command = "cd " + quoted(work().string()) + " && (" + quoted(TRYGG_BINARY) +
                                " batch other.yaml -o other.h5 -q --threads 1 >/dev/null 2>&1 & pid=$!; "
                                "for i in $(seq 600); do grep -qs '\"replicates_done\": [1-9]' other.h5.status.json "
                                "&& break; sleep 0.05; done; kill -TERM $pid; wait $pid)";
    ASSERT_EQ(std::system(command.c_str()), 130 << 8);
    const fs::path mine = work() / "cut.h5.parts" / "baseline";
    const fs::path theirs = work() / "other.h5.parts" / "baseline";
    fs::copy_file(theirs / "r00000.h5", mine / "r00000.h5", fs::copy_options::overwrite_existing);
    const Outcome o = trygg("batch exp.yaml -o cut.h5 -q --resume");
    EXPECT_EQ(o.status, 2) << o.err;
    EXPECT_EQ(testing::count_lines(o.err), 1) << o.err;
    EXPECT_THAT(o.err, HasSubstr("cut.h5.parts/baseline/r00000.h5 is a replicate of another scenario, sweep point or "
                                 "experiment: remove it"));
    EXPECT_FALSE(fs::exists(work() / "cut.h5"));
}

}  // namespace
}  // namespace trygg
