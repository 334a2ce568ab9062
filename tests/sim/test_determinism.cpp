#include "sim/run.hpp"

#include "fixtures.hpp"
#include "io/results_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

RunOutput run(int replicates, int threads, std::uint64_t seed = 77, int weeks = 3) {
    const Timeline timeline = testing::borlange_timeline(weeks);
    return run_scenario(borlange_city(), borlange_config().params, timeline, {seed, replicates, threads});
}

// DESIGN §8: same seed and inputs ⇒ the same bytes at any thread count. The serial run is
// the oracle for the parallel ones.
TEST(Determinism, OneTwoAndThreeThreadsGiveIdenticalResults) {
    const RunOutput serial = run(2, 1);
    ASSERT_GT(serial.agent_hours, 0);
    std::int64_t crimes = 0;
    for (auto c : serial.results.crimes_true) crimes += c;
    ASSERT_GT(crimes, 0) << "a run without crime cannot show determinism";
    for (int threads : {2, 3}) {
        const RunOutput parallel = run(2, threads);
        EXPECT_EQ(parallel.results.crimes_true, serial.results.crimes_true) << threads << " threads";
        EXPECT_EQ(parallel.results.crimes_cells, serial.results.crimes_cells) << threads << " threads";
        EXPECT_EQ(parallel.grid.population, serial.grid.population);
    }
}

TEST(Determinism, WrittenDatasetsAreIdenticalAcrossThreadCounts) {
    // Per process: the same test of another build (ASan, TSan) may run at the same time.
    const auto dir = std::filesystem::temp_directory_path() / ("trygg_test_determinism_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    RunProvenance prov;
    prov.seed = 77;
    for (int threads : {1, 3}) {
        const RunOutput out = run(1, threads);
        prov.threads = threads;
        write_run_file(dir / ("t" + std::to_string(threads) + ".h5"), prov, out.grid, out.districts, out.results);
    }
    const RunFile a = read_run_file(dir / "t1.h5");
    const RunFile b = read_run_file(dir / "t3.h5");
    EXPECT_EQ(a.results.crimes_true, b.results.crimes_true);
    EXPECT_EQ(a.results.crimes_cells, b.results.crimes_cells);
    EXPECT_EQ(a.grid.district, b.grid.district);
    std::filesystem::remove_all(dir);
}

TEST(Determinism, ReplicateRIsTheSameWhateverTheNumberOfReplicates) {
    // Common random numbers: replicate r draws the same streams in every run.
    const RunOutput one = run(1, 2);
    const RunOutput three = run(3, 2);
    const auto per_replicate = one.results.crimes_true.size();
    EXPECT_TRUE(
        std::equal(one.results.crimes_true.begin(), one.results.crimes_true.end(), three.results.crimes_true.begin()));
    EXPECT_NE(
        std::vector<std::int32_t>(three.results.crimes_true.begin(),
                                  three.results.crimes_true.begin() + static_cast<std::ptrdiff_t>(per_replicate)),
        std::vector<std::int32_t>(three.results.crimes_true.begin() + static_cast<std::ptrdiff_t>(per_replicate),
                                  three.results.crimes_true.begin() + 2 * static_cast<std::ptrdiff_t>(per_replicate)));
}

TEST(Determinism, OtherSeedOtherResults) {
    EXPECT_NE(run(1, 2, 77).results.crimes_cells, run(1, 2, 78).results.crimes_cells);
}

}  // namespace
}  // namespace trygg
