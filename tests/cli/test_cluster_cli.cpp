// Batches across machines: Slurm-style shards (`trygg batch --shard K/N`) merged with `trygg
// merge`, and MPI ranks (`mpiexec -n N trygg batch`), each compared dataset by dataset with a
// single-process batch of the same experiment (tests/cli/same_datasets.py, h5py); merge's
// refusals of parts that do not belong together; bad --shard values. Two scenarios × two
// replicates × one week: four tasks, so three shards or ranks get unequal shares.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"

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

// The environment of an mpiexec in a test. Open MPI's shared-memory transport falls back to
// copying in containers that forbid cross-process memory access (vader's CMA); in an ASan build
// (tools/sanitize) LeakSanitizer reports the buffers Open MPI keeps until exit, which
// tools/lsan-mpi.supp suppresses (the full unwinder lets it see their library frames).
std::string mpi_environment() {
    return "OMPI_MCA_btl_vader_single_copy_mechanism=none LSAN_OPTIONS=suppressions=" +
           quoted((kSource / "tools" / "lsan-mpi.supp").string()) + ":fast_unwind_on_malloc=0 ";
}

class Cluster : public testing::TryggCli {
protected:
    void SetUp() override {
        TryggCli::SetUp();
        put("exp.yaml", experiment(11));
    }
    static std::string experiment(int seed) {
        return "scenarios: [" + (kSource / "scenarios" / "baseline.yaml").string() + ", " +
               (kSource / "scenarios" / "lighting_tjarna.yaml").string() +
               "]\nreplicates: 2\nweeks: 1\nseed: " + std::to_string(seed) + "\n";
    }
    // Every dataset of work/A equals work/B's (attributes, which hold wall times, aside).
    void expect_same_datasets(const std::string& a, const std::string& b) const {
        // Debian's python3 (with python3-h5py, tools/deps), not whichever python3 comes first on PATH.
        const std::string command = "/usr/bin/python3 " +
                                    quoted((kSource / "tests" / "cli" / "same_datasets.py").string()) + " " +
                                    quoted((work() / a).string()) + " " + quoted((work() / b).string()) + " > " +
                                    quoted((dir_ / "same.txt").string()) + " 2>&1";
        EXPECT_EQ(std::system(command.c_str()), 0) << read_text(dir_ / "same.txt");
    }
    // The three shards of exp.yaml (or `file`) into OUT's parts folder.
    void run_shards(const std::string& out, const std::string& file = "exp.yaml", int count = 3) {
        for (int k = 1; k <= count; ++k) {
            const Outcome o = trygg("batch " + file + " --shard " + std::to_string(k) + "/" + std::to_string(count) +
                                    " -o " + out + " -q --threads 1");
            ASSERT_EQ(o.status, 0) << o.err;
        }
    }
    // Refused: status 2, one line naming each of `parts`, and no file written.
    static void expect_refused(const Outcome& o, std::initializer_list<std::string> parts) {
        EXPECT_EQ(o.status, 2) << o.err;
        EXPECT_EQ(testing::count_lines(o.err), 1) << o.err;
        for (const auto& part : parts) EXPECT_THAT(o.err, HasSubstr(part));
    }
};

TEST_F(Cluster, ThreeShardsMergedEqualASingleProcessBatch) {
    ASSERT_EQ(trygg("batch exp.yaml -o whole.h5 -q").status, 0);
    run_shards("out.h5");
    EXPECT_FALSE(fs::exists(work() / "out.h5")) << "a shard assembles nothing";
    EXPECT_THAT(read_text(work() / "out.h5.shard-2-of-3.status.json"), HasSubstr("\"state\": \"done\""));
    const Outcome merged = trygg("merge out.h5.parts -o out.h5");
    ASSERT_EQ(merged.status, 0) << merged.err;
    EXPECT_THAT(merged.out, HasSubstr("2 run(s) × 2 replicate(s) × 1 weeks"));
    expect_same_datasets("whole.h5", "out.h5");
    EXPECT_TRUE(fs::exists(work() / "out.h5.parts" / "experiment.h5")) << "merge keeps its input";
    // The default output is the folder's name without .parts, and it may be merged again.
    ASSERT_EQ(trygg("merge out.h5.parts/ -q").status, 0);
}

TEST_F(Cluster, MergeNamesAMissingShardsReplicates) {
    ASSERT_EQ(trygg("batch exp.yaml --shard 1/3 -o out.h5 -q").status, 0);
    ASSERT_EQ(trygg("batch exp.yaml --shard 3/3 -o out.h5 -q").status, 0);
    // Task 1 (baseline replicate 1) is shard 2's.
    expect_refused(trygg("merge out.h5.parts -o out.h5"),
                   {"out.h5.parts lacks 1 of 4 replicates (run baseline replicate 1)", "--resume"});
    EXPECT_FALSE(fs::exists(work() / "out.h5"));
}

TEST_F(Cluster, MergeRefusesADuplicatedOrMisnamedPart) {
    run_shards("out.h5");
    const fs::path baseline = work() / "out.h5.parts" / "baseline";
    fs::copy_file(baseline / "r00000.h5", baseline / "r00000 (copy).h5");
    expect_refused(trygg("merge out.h5.parts -o out.h5"), {"r00000 (copy).h5 is not named as a kept replicate"});
    fs::remove(baseline / "r00000 (copy).h5");
    fs::copy_file(baseline / "r00000.h5", baseline / "r00001.h5", fs::copy_options::overwrite_existing);
    expect_refused(trygg("merge out.h5.parts -o out.h5"),
                   {"baseline/r00001.h5 holds replicate 0, not replicate 1", "run its shard again with --resume"});
    fs::copy_file(baseline / "r00000.h5", baseline / "r00007.h5");
    expect_refused(trygg("merge out.h5.parts -o out.h5"), {"r00007.h5 holds replicate 7, but the experiment has 2"});
    EXPECT_FALSE(fs::exists(work() / "out.h5"));
}

TEST_F(Cluster, PartsOfAnotherExperimentAreRefused) {
    put("other.yaml", experiment(12));
    run_shards("out.h5");
    // A shard of another experiment into this one's folder is refused before it simulates.
    expect_refused(trygg("batch other.yaml --shard 1/3 -o out.h5 -q"), {"was made by another experiment"});
    // A part of another experiment (another seed) copied in is refused by the merge.
    ASSERT_EQ(trygg("batch other.yaml --shard 1/3 -o other.h5 -q --threads 1").status, 0);
    fs::copy_file(work() / "other.h5.parts" / "baseline" / "r00000.h5",
                  work() / "out.h5.parts" / "baseline" / "r00000.h5", fs::copy_options::overwrite_existing);
    expect_refused(trygg("merge out.h5.parts -o out.h5"),
                   {"baseline/r00000.h5 is a replicate of another scenario, sweep point or experiment"});
    // A folder that is not a batch's parts, and one that is not there.
    expect_refused(trygg("merge other.yaml -o x.h5"), {"other.yaml is not a folder"});
    expect_refused(trygg("merge nowhere.h5.parts"), {"nowhere.h5.parts: no such folder"});
    fs::create_directories(work() / "empty.h5.parts");
    expect_refused(trygg("merge empty.h5.parts"), {"holds no experiment.h5"});
    EXPECT_FALSE(fs::exists(work() / "out.h5"));
    EXPECT_FALSE(fs::exists(work() / "x.h5"));
}

// A part or a plan of another trygg, a part of another seed: attributes changed with h5py, as
// a part from another build or another batch would carry them.
TEST_F(Cluster, MergeRefusesAnotherTryggOrSeed) {
    run_shards("out.h5");
    const fs::path part = work() / "out.h5.parts" / "baseline" / "r00001.h5";
    auto set_attribute = [&](const fs::path& file, const std::string& assignment) {
        const std::string command =
            "/usr/bin/python3 -c " + quoted("import h5py, numpy; f = h5py.File(\"" + file.string() + "\", \"r+\"); " +
                                            assignment + "; f.close()");
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
    };
    fs::copy_file(part, dir_ / "kept.h5");
    set_attribute(part, "f.attrs[\"git_commit\"] = \"f00dfeed0000\"");
    expect_refused(trygg("merge out.h5.parts -o out.h5"), {"baseline/r00001.h5 was made by trygg", "(f00dfeed0000)"});
    fs::copy_file(dir_ / "kept.h5", part, fs::copy_options::overwrite_existing);
    set_attribute(part, "f.attrs.modify(\"seed\", numpy.uint64(99))");
    expect_refused(trygg("merge out.h5.parts -o out.h5"),
                   {"baseline/r00001.h5 was made with seed 99, the batch with seed 11"});
    fs::copy_file(dir_ / "kept.h5", part, fs::copy_options::overwrite_existing);
    set_attribute(work() / "out.h5.parts" / "experiment.h5", "f.attrs[\"trygg_version\"] = \"0.0.1\"");
    expect_refused(trygg("merge out.h5.parts -o out.h5"),
                   {"was made by trygg 0.0.1", "merge with the trygg that ran the shards"});
    EXPECT_FALSE(fs::exists(work() / "out.h5"));
}

TEST_F(Cluster, ARerunShardReusesItsPartsOnlyWithResume) {
    ASSERT_EQ(trygg("batch exp.yaml --shard 2/3 -o out.h5 -q").status, 0);
    expect_refused(trygg("batch exp.yaml --shard 2/3 -o out.h5 -q"), {"is kept already: add --resume"});
    const Outcome again = trygg("batch exp.yaml --shard 2/3 -o out.h5 -q --resume");
    EXPECT_EQ(again.status, 0) << again.err;
}

TEST_F(Cluster, BadShardValuesAreBadInput) {
    for (const std::string value : {"0/3", "4/3", "x/y", "1/0", "3", "1/3/5", "-1/3", "1/", "/3"}) {
        SCOPED_TRACE(value);
        expect_bad_input(trygg("batch exp.yaml --shard " + quoted(value) + " -o out.h5"),
                         {"--shard: '" + value + "' is not a share K/N"});
    }
}

TEST_F(Cluster, HelpNamesShardsMergeAndMpi) {
    const Outcome batch = trygg("help batch");
    EXPECT_EQ(batch.status, 0);
    EXPECT_THAT(batch.out, HasSubstr("--shard"));
    EXPECT_THAT(batch.out, HasSubstr("trygg merge OUT.h5.parts -o OUT.h5"));
    EXPECT_THAT(batch.out, HasSubstr("mpiexec -n N trygg batch"));
    for (const std::string args : {"help merge", "merge --help"}) {
        SCOPED_TRACE(args);
        const Outcome o = trygg(args);
        EXPECT_EQ(o.status, 0);
        EXPECT_THAT(o.out, HasSubstr("Usage: trygg merge OUT.h5.parts"));
    }
    EXPECT_THAT(trygg("--help").out, HasSubstr("trygg merge OUT.h5.parts"));
    expect_bad_input(trygg("merge"), {"no parts folder given"});
    expect_bad_input(trygg("merge somewhere -q"), {"does not end in .parts: name the file to write with -o"});
}

// Several ranks of a trygg without MPI would each run the whole batch into the same files;
// --shard under mpiexec would split the tasks twice. Both are refused before anything runs.
TEST_F(Cluster, SeveralRanksWithoutMpiOrWithAShardAreRefused) {
#ifdef TRYGG_HAVE_MPI
    if (std::system("command -v mpiexec >/dev/null 2>&1") != 0) GTEST_SKIP() << "mpiexec is not installed";
    // Every rank says it, and mpiexec adds its own lines: not one line here.
    const Outcome o = trygg("batch exp.yaml --shard 1/2 -o out.h5", mpi_environment() +
                                                                        "mpiexec --allow-run-as-root "
                                                                        "--oversubscribe -n 2");
    EXPECT_NE(o.status, 0);
    EXPECT_THAT(o.err, HasSubstr("under mpiexec the ranks split them already"));
#else
    // The launcher's environment without the launcher: what trygg looks at.
    expect_bad_input(trygg("batch exp.yaml -o out.h5", "OMPI_COMM_WORLD_SIZE=2"),
                     {"started as one of 2 MPI ranks, but this trygg was built without MPI", "--shard K/N"});
#endif
    EXPECT_FALSE(fs::exists(work() / "out.h5.parts"));
}

// ---- MPI ----

class ClusterMpi : public Cluster {
protected:
    void SetUp() override {
        Cluster::SetUp();
#ifndef TRYGG_HAVE_MPI
        GTEST_SKIP() << "trygg was built without MPI (TRYGG_MPI=OFF, or no MPI found): no mpiexec test";
#endif
        if (std::system("command -v mpiexec >/dev/null 2>&1") != 0) {
            GTEST_SKIP() << "mpiexec is not installed (Debian: apt-get install openmpi-bin)";
        }
    }
    // `mpiexec -n RANKS trygg ARGS` in work/. As root Open MPI needs --allow-run-as-root; more
    // ranks than cores need --oversubscribe.
    static std::string mpiexec(int ranks) {
        return "mpiexec --allow-run-as-root --oversubscribe -n " + std::to_string(ranks) + " ";
    }
    Outcome trygg_on_ranks(int ranks, const std::string& args) const {
        return trygg(args, mpi_environment() + mpiexec(ranks));
    }
};

TEST_F(ClusterMpi, OneTwoAndThreeRanksEqualASingleProcessBatch) {
    ASSERT_EQ(trygg("batch exp.yaml -o whole.h5 -q").status, 0);
    for (const int ranks : {1, 2, 3}) {
        SCOPED_TRACE(std::to_string(ranks) + " rank(s)");
        const std::string out = "mpi" + std::to_string(ranks) + ".h5";
        const Outcome o = trygg_on_ranks(ranks, "batch exp.yaml -o " + out + " -q --threads 1");
        ASSERT_EQ(o.status, 0) << o.err;
        expect_same_datasets("whole.h5", out);
        EXPECT_FALSE(fs::exists(work() / (out + ".parts"))) << "rank 0 removes the parts once the file is whole";
        EXPECT_THAT(read_text(work() / (out + ".status.json")), HasSubstr("\"state\": \"done\""));
    }
}

// A rank killed (SIGKILL) once a replicate is kept takes the job down; the kept replicates
// stay, and the same command with --resume ends with the datasets of an uninterrupted batch.
TEST_F(ClusterMpi, AKilledJobResumesToTheSameDatasets) {
    ASSERT_EQ(trygg("batch exp.yaml -o whole.h5 -q").status, 0);
    const std::string command =
        "cd " + quoted(work().string()) + " && (" + mpi_environment() + mpiexec(2) + quoted(TRYGG_BINARY) +
        " batch exp.yaml -o cut.h5 -q --threads 1 >/dev/null 2>&1 & job=$!; "
        "for i in $(seq 1200); do ls cut.h5.parts/*/r*.h5 >/dev/null 2>&1 && break; sleep 0.05; done; "
        "pkill -KILL -P $job -f 'trygg.*batch' || kill -KILL $job; wait $job; true)";
    ASSERT_EQ(std::system(command.c_str()), 0);
    ASSERT_FALSE(fs::exists(work() / "cut.h5")) << "the job was killed before it finished";
    ASSERT_TRUE(fs::exists(work() / "cut.h5.parts" / "experiment.h5"));
    const Outcome resumed = trygg_on_ranks(2, "batch exp.yaml -o cut.h5 -q --threads 1 --resume");
    ASSERT_EQ(resumed.status, 0) << resumed.err;
    expect_same_datasets("whole.h5", "cut.h5");
}

}  // namespace
}  // namespace trygg
