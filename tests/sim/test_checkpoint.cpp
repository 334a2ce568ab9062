// Checkpoint and branch (issue 13 item 5, DESIGN §8): a run continued from a state saved
// after W weeks is the unbroken run, in every result; a branch that adds interventions dated
// at the branch is the unbroken run of the branch's plan.
#include "sim/run.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

std::vector<int> cells_of(const std::string& district) {
    return testing::cells_of_district(borlange_city(), district);
}

// Every layer acting: adaptive police patrols and field workers steered weekly, lighting,
// social measures taking participants, with the event log.
ModelParams warm_up_params() {
    return testing::every_layer_params(borlange_city());
}

RunOutput run(const ModelParams& params, int weeks, int threads, std::vector<ReplicateState>* save = nullptr,
              const std::vector<ReplicateState>* from = nullptr, int from_week = 0, bool events = true) {
    RunOptions options{91, 2, threads, events};
    options.save_state = save;
    options.from_state = from;
    options.from_week = from_week;
    return run_scenario(borlange_city(), params, testing::borlange_timeline(weeks), options);
}

// 14 weeks, then 13 more: the state is saved inside a quarter (the first closed at week 13)
// and the continuation closes the next one, so the quarterly tallies and the risk-area
// indicator's history cross the checkpoint. Continued on another thread count.
TEST(Checkpoint, ContinuedRunIsTheUnbrokenRun) {
    const ModelParams params = warm_up_params();
    std::vector<ReplicateState> state;
    const RunOutput warm_up = run(params, 14, 2, &state);
    ASSERT_EQ(state.size(), 2u);
    // Saving the state changes nothing of the warm-up's own results.
    testing::expect_same_results(warm_up.results, run(params, 14, 2).results);
    const RunOutput continued = run(params, 27, 1, nullptr, &state, 14);
    const RunOutput unbroken = run(params, 27, 2);
    testing::expect_same_results(continued.results, unbroken.results);
    EXPECT_EQ(continued.grid.population, unbroken.grid.population);
    EXPECT_EQ(continued.agent_hours, unbroken.agent_hours);
    std::int64_t participants = 0;
    for (auto n : unbroken.results.youth.participants) participants += n;
    EXPECT_GT(participants, 0) << "the social measures must have acted";
    EXPECT_FALSE(unbroken.results.events.hour.empty());
}

// The branch adds lighting elsewhere, awareness work and school support, from the first day after the
// state (day 7 W): equal to the unbroken run of the branch's plan, whose new items wait.
TEST(Checkpoint, BranchIsTheUnbrokenRunWithItsItemsDatedAtTheBranch) {
    const ModelParams warm = warm_up_params();
    constexpr int kWeeks = 3;
    std::vector<ReplicateState> state;
    static_cast<void>(run(warm, kWeeks, 2, &state));
    ModelParams branch = warm;
    Intervention light;
    light.name = "lighting Mjälga-Centrum";
    light.kind = InterventionKind::Lighting;
    light.cells = cells_of("Mjälga-Centrum");
    light.intensity = 0.9;
    light.when.first_day = 7 * kWeeks;
    Intervention school;
    school.name = "school support";
    school.kind = InterventionKind::SchoolSupport;
    school.cells = cells_of("Tjärna Ängar");
    school.min_age = 12;
    school.max_age = 15;
    school.target = Target::All;
    school.participants = 40;
    school.when.first_day = 7 * kWeeks;
    // The first awareness work of the plan: arrays the warm-up's plan did not need.
    Intervention awareness;
    awareness.name = "awareness work";
    awareness.kind = InterventionKind::AwarenessWork;
    awareness.cells = cells_of("Tjärna Ängar");
    awareness.when.first_day = 7 * kWeeks;
    branch.interventions.push_back(light);
    branch.interventions.push_back(awareness);
    branch.interventions.push_back(school);
    const RunOutput continued = run(branch, kWeeks + 3, 2, nullptr, &state, kWeeks);
    const RunOutput unbroken = run(branch, kWeeks + 3, 2);
    testing::expect_same_results(continued.results, unbroken.results);
    std::int64_t school_participants = 0;
    const std::size_t items = branch.interventions.size();
    for (std::size_t k = items - 1; k < unbroken.results.youth.participants.size(); k += items)
        school_participants += unbroken.results.youth.participants[k];
    EXPECT_GT(school_participants, 0) << "the branch's measure must have acted";
}

// A state saved with the event log, continued without it: no events, as the unbroken run.
TEST(Checkpoint, AContinuationWithoutTheEventLogKeepsNone) {
    const ModelParams params = borlange_config().params;
    std::vector<ReplicateState> state;
    static_cast<void>(run(params, 2, 2, &state));
    const RunOutput continued = run(params, 3, 2, nullptr, &state, 2, false);
    EXPECT_TRUE(continued.results.events.hour.empty());
    testing::expect_same_results(continued.results, run(params, 3, 2, nullptr, nullptr, 0, false).results);
}

// A state the model cannot take: a field missing, or one of another size, is an InputError.
TEST(Checkpoint, AStateOfAnotherModelIsRefused) {
    const ModelParams params = borlange_config().params;
    std::vector<ReplicateState> state;
    static_cast<void>(run(params, 1, 2, &state));
    std::vector<ReplicateState> lacking = state;
    lacking[0].names.pop_back();
    lacking[0].bytes.pop_back();
    EXPECT_THROW(run(params, 2, 2, nullptr, &lacking, 1), InputError);
    std::vector<ReplicateState> resized = state;
    resized[1].bytes[0].push_back(0);
    EXPECT_THROW(run(params, 2, 2, nullptr, &resized, 1), InputError);
    std::vector<ReplicateState> extra = state;
    extra[0].names.push_back("unknown");
    extra[0].bytes.emplace_back();
    EXPECT_THROW(run(params, 2, 2, nullptr, &extra, 1), InputError);
}

}  // namespace
}  // namespace trygg
