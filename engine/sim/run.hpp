#pragma once
// A run: R replicates of one scenario, concurrently, each with agents in parallel inside.
#include "core/timeline.hpp"
#include "sim/model_params.hpp"
#include "sim/replicate.hpp"
#include "sim/results.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <functional>

namespace trygg {

struct RunOptions {
    std::uint64_t seed = 0;
    int replicates = 1;
    int threads = 1;          // worker threads of the run's own task arena
    bool event_log = false;   // keep every crime event (researchers' event log)
    int first_replicate = 0;  // replicates first … first + replicates − 1 (their random streams)
    // Checkpoint and branch: go on from each replicate's state saved after `from_week` weeks
    // (indexed by replicate number: first_replicate + r), and/or keep each replicate's state
    // at the end (indexed from 0).
    const std::vector<ReplicateState>* from_state = nullptr;
    int from_week = 0;
    std::vector<ReplicateState>* save_state = nullptr;
};

// Progress in replicate-weeks done of replicate-weeks in all; called from any thread,
// serialised by the caller's callback if it needs to be.
using Progress = std::function<void(std::int64_t done, std::int64_t total)>;

struct RunOutput {
    RunResults results;
    GridDescription grid;
    DistrictTable districts;
    std::int64_t agent_hours = 0;
};

RunOutput run_scenario(const City& city, const ModelParams& params, const Timeline& timeline, const RunOptions& options,
                       const Progress& progress = {});

// The same inside the caller's task arena (options.threads is not used): for a batch that
// runs many scenarios and replicates at once in one arena.
RunOutput run_replicates(const City& city, const ModelParams& params, const Timeline& timeline,
                         const RunOptions& options, const Progress& progress = {});

// Appends the replicates of `part` (a later part of a run of the same scenario) to `all`:
// a batch puts each run back together from its kept replicates, one at a time, so it never
// holds all parts and the whole at once. Throws LogicError when `part` differs in anything
// but its replicates.
void append_replicates(RunResults& all, const RunResults& part);

}  // namespace trygg
