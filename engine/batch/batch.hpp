#pragma once
// A batch (`trygg batch EXPERIMENT.yaml -o OUT.h5`): every scenario of an experiment at every
// sweep point, all replicates, concurrently; one HDF5 file with a group per run. Each finished
// replicate is kept in OUT.h5.parts/ until the file is complete, so an interrupted batch (a
// stop request, a kill, a power cut) resumes and ends with the same datasets as an
// uninterrupted one; OUT.h5.status.json tells scripts how far it is.
//
// A library of its own above io so that tests, benchmarks and other front ends (a cluster
// driver) run batches without the binary; the command line (cli/batch_command) only parses
// options, handles signals and prints.
#include "io/experiment_config.hpp"
#include "io/run_setup.hpp"
#include "io/state_file.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

// Where a batch keeps what it has done, and what it writes besides the file itself.
struct BatchFiles {
    std::filesystem::path output;    // OUT.h5
    std::filesystem::path parts;     // OUT.h5.parts/: one file per finished replicate
    std::filesystem::path status;    // OUT.h5.status.json
    std::filesystem::path manifest;  // OUT.h5.parts/experiment.txt: which experiment the parts belong to

    static BatchFiles for_output(const std::filesystem::path& output);
};

enum class BatchEnd { Done, Interrupted };

struct BatchResult {
    BatchEnd end = BatchEnd::Done;
    std::int64_t replicates_done = 0;
    std::int64_t replicates_total = 0;
    double seconds = 0.0;  // wall time since the batch was set up
};

// What the caller hears while a batch runs, and how it asks it to stop. Both may be empty.
struct BatchHooks {
    // Checked before each replicate starts: true lets the running ones finish and be kept,
    // starts no more, and ends the batch as Interrupted. Called from worker threads.
    std::function<bool()> stop_requested;
    // After every simulated week of any replicate. Called from worker threads.
    std::function<void(std::int64_t weeks_done, std::int64_t weeks_total, std::int64_t replicates_done,
                       std::int64_t replicates_total)>
        progress;
    // After each replicate is kept as a part, with the count kept so far. Called from worker
    // threads, under the batch's status lock (one call at a time).
    std::function<void(std::int64_t replicates_done, std::int64_t replicates_total)> replicate_kept;
};

class Batch {
public:
    // Prepares every run (city, parameters, timeline) and checks, before anything is
    // simulated, that no output replaces an input and that the batch fits in `memory_limit`
    // bytes: InputError otherwise. `threads` ≥ 1.
    Batch(ExperimentConfig experiment, BatchFiles files, int threads, std::uint64_t memory_limit);

    const ExperimentConfig& experiment() const { return experiment_; }
    const std::vector<RunSetup>& setups() const { return setups_; }
    const BatchFiles& files() const { return files_; }
    int threads() const { return threads_; }

    // Simulates every (run, replicate) not kept yet, keeping each as a part, then writes
    // OUT.h5 (replicates in order, read back from the parts) and removes the parts. With
    // `resume`, the parts of an interrupted batch are checked (same experiment, replicate,
    // scenario, city, seed, start date and horizon) and reused; without it, existing parts
    // are an InputError. `command_line` is recorded in the file's provenance. A failure
    // (OutputError when a part cannot be written, say) stops the batch after the running
    // replicates and is rethrown; the status file then says "failed".
    BatchResult run(bool resume, const std::string& command_line, const BatchHooks& hooks = {});

private:
    ExperimentConfig experiment_;
    BatchFiles files_;
    int threads_;
    std::vector<RunSetup> setups_;
    std::optional<StateFile> warm_up_;  // the experiment's shared warm-up, if it names one
    double setup_started_ = 0.0;        // steady-clock seconds when the batch was set up
};

}  // namespace trygg
