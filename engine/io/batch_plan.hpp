#pragma once
// What a folder of batch parts (OUT.h5.parts/) needs to become the batch's file on its own:
// the experiment's identity, its runs in file order with the provenance each kept part must
// carry, their sweep points and the sweep's design. Every process that writes parts into the
// folder (a batch, a Slurm shard, an MPI rank 0) leaves it there as experiment.h5, so that
// `trygg merge OUT.h5.parts` assembles the file from a clean shell, on any machine, without
// the experiment's YAML, scenarios or city data.
#include "experiment/design.hpp"
#include "sim/results.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

// Bumped when the plan's layout changes; another version is refused by name.
inline constexpr int kBatchPlanVersion = 1;

struct BatchPlanRun {
    std::string group;                     // "baseline", "baseline.p004"
    RunProvenance part;                    // what each kept part says (replicates 1, first_replicate aside)
    std::vector<std::string> sweep_paths;  // the run's sweep point (empty: no sweep)
    std::vector<double> sweep_values;
};

struct BatchPlan {
    std::string identity;  // the experiment's fingerprint (trygg, experiment, scenarios, sweep points)
    std::string trygg_version;
    std::string git_commit;
    std::string experiment_file;
    std::string experiment_yaml;  // the experiment's text
    std::uint64_t seed = 0;
    int replicates = 0;
    int weeks = 0;
    int threads = 0;  // of the process that wrote the plan
    std::vector<BatchPlanRun> runs;
    std::optional<SweepDesign> design;  // a sweep's design (none: no sweep)
};

// Writes atomically (io/atomic_file): OutputError on failure.
void write_batch_plan(const std::filesystem::path& out, const BatchPlan& plan);

// InputError naming the file for a missing file, one that is not a plan of this version, or
// one whose runs are not what trygg writes.
BatchPlan read_batch_plan(const std::filesystem::path& in);

}  // namespace trygg
