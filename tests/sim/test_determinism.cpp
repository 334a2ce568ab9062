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

// Every dataset written, with every mechanism acting: five weeks of adaptive patrols and
// field workers steered weekly by the picture, a Friday programme, lighting, and social
// measures taking participants, with the event log — at 1 and 3 threads.
void expect_written_datasets_identical_across_thread_counts(const City& city) {
    // Per process: the same test of another build (ASan, TSan) may run at the same time.
    const auto dir = std::filesystem::temp_directory_path() / ("trygg_test_determinism_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    ModelParams params = testing::every_layer_params(city);
    Intervention exit = params.interventions.back();  // the family support, for its place and ages
    exit.name = "exit programme";
    exit.kind = InterventionKind::ExitProgramme;
    exit.min_age = 15;
    exit.max_age = 35;
    params.interventions.push_back(exit);
    RunProvenance prov;
    prov.seed = 77;
    for (int threads : {1, 3}) {
        const RunOutput out = run_scenario(city, params, testing::borlange_timeline(5), {77, 1, threads, true});
        prov.threads = threads;
        write_run_file(dir / ("t" + std::to_string(threads) + ".h5"), prov, out.grid, out.districts, out.results);
    }
    const RunFile a = read_run_file(dir / "t1.h5");
    const RunFile b = read_run_file(dir / "t3.h5");
    testing::expect_same_results(a.results, b.results);
    EXPECT_EQ(a.grid.district, b.grid.district);
    EXPECT_EQ(a.grid.population, b.grid.population);
    std::int64_t participants = 0, patrolled = 0;
    for (auto n : a.results.youth.participants) participants += n;
    for (auto n : a.results.patrol_weeks) patrolled += n;
    EXPECT_GT(participants, 0) << "the social measures must have acted";
    EXPECT_GT(patrolled, 0);
    std::filesystem::remove_all(dir);
}

TEST(Determinism, WrittenDatasetsAreIdenticalAcrossThreadCounts) {
    expect_written_datasets_identical_across_thread_counts(borlange_city());
}

// The same on a twentieth of Borlänge's residents (2,571 people on the same polygons, places
// and units): every mechanism still acts (the asserts above), and ThreadSanitizer, which
// slows a run 10–20 times, takes about 2 minutes over it where the quarter city took 10, so CI
// runs this one under TSan (tools/sanitize).
TEST(Determinism, ASmallCityIsIdenticalAcrossThreadCountsInEveryDataset) {
    expect_written_datasets_identical_across_thread_counts(testing::scaled_borlange_city(0.05));
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
