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

// One share of a batch's (run, replicate) tasks, for Slurm job arrays (`--shard K/N`): with the
// tasks numbered run-major (run k, replicate r is task k·R + r), share K of N holds the tasks
// whose number mod N is K − 1. Every task is in exactly one share, and shares differ in size
// by at most one task.
struct BatchShare {
    int index = 1;  // K, 1 … count
    int count = 1;  // N

    bool holds(std::int64_t task) const { return task % count == index - 1; }
};

// Where a batch keeps what it has done, and what it writes besides the file itself.
struct BatchFiles {
    std::filesystem::path output;    // OUT.h5
    std::filesystem::path parts;     // OUT.h5.parts/: one file per finished replicate
    std::filesystem::path status;    // OUT.h5.status.json (a shard's: OUT.h5.shard-K-of-N.status.json)
    std::filesystem::path manifest;  // OUT.h5.parts/experiment.txt: which experiment the parts belong to
    std::filesystem::path plan;      // OUT.h5.parts/experiment.h5: how they become OUT.h5 (io/batch_plan)

    static BatchFiles for_output(const std::filesystem::path& output);
    // A shard's: the same parts, a status file of its own.
    static BatchFiles for_shard(const std::filesystem::path& output, BatchShare share);
};

// A (run, replicate) of the batch.
struct BatchTask {
    std::size_t run = 0;
    int replicate = 0;
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

    // A shard's part of run(): simulates the tasks of `share` not kept yet into the parts
    // folder, which other shards share, and assembles nothing (`trygg merge` does, once every
    // shard is done). The folder may exist already when it holds this experiment's parts;
    // this share's own kept parts are reused with `resume` and refused without it.
    // BatchResult counts this share's tasks.
    BatchResult run_share(BatchShare share, bool resume, const BatchHooks& hooks = {});

    // The steps of run(), for drivers that spread the tasks over processes (cluster/mpi_batch):
    // open_parts() once, by one process, before any part is written: opens (or, with `resume`,
    // checks and reuses) the parts folder, writes the experiment's identity and plan into it,
    // and returns the tasks not kept yet, run-major. simulate() keeps each of `tasks` as a part
    // (`kept_before` of the batch's tasks are kept already; `status` false: this process writes
    // no status file). assemble() writes OUT.h5 from the complete parts folder and removes it.
    std::vector<BatchTask> open_parts(bool resume);
    BatchResult simulate(const std::vector<BatchTask>& tasks, std::int64_t kept_before, const BatchHooks& hooks,
                         bool status = true);
    BatchResult assemble(const std::string& command_line);

    // The status file's last word, for drivers: "interrupted" or "failed" with the count kept.
    void write_status(const std::string& state, std::int64_t done) const;

private:
    ExperimentConfig experiment_;
    BatchFiles files_;
    int threads_;
    std::vector<RunSetup> setups_;
    std::optional<StateFile> warm_up_;  // the experiment's shared warm-up, if it names one
    std::string identity_;              // the experiment's fingerprint, hashed: every kept part carries it
    double setup_started_ = 0.0;        // steady-clock seconds when the batch was set up
};

}  // namespace trygg
