#include "batch/batch.hpp"

#include "batch/assembly.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/batch_plan.hpp"
#include "io/memory_budget.hpp"
#include "io/output_path.hpp"
#include "io/provenance.hpp"
#include "io/results_file.hpp"
#include "io/version.hpp"
#include "sim/run.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <mutex>
#include <sstream>

namespace trygg {
namespace {

namespace fs = std::filesystem;

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string fingerprint(const ExperimentConfig& e) {
    std::ostringstream s;
    s << "trygg " << kVersion << " " << kGitCommit << "\n" << e.text << "\n";
    for (const auto& run : e.runs) {
        s << "## " << run.group << "\n" << run.scenario.text;
        for (const auto& v : run.point.values) s << v.path << "=" << v.yaml << "\n";
    }
    return s.str();
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A short, stable name for the fingerprint (FNV-1a, 64 bits), carried by every kept part so
// that a part of another experiment is told apart even when its scenario is the same file.
std::string identity_of(const std::string& fingerprint) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : fingerprint) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

// The status file for scripts: one small JSON object, replaced atomically.
void write_status_file(const fs::path& path, const std::string& state, std::int64_t done, std::int64_t total,
                       double elapsed, const fs::path& output) {
    std::ostringstream s;
    s << "{\"state\": \"" << state << "\", \"replicates_done\": " << done << ", \"replicates_total\": " << total
      << ", \"elapsed_s\": " << static_cast<long long>(elapsed) << ", \"output\": \"" << output.string() << "\"}\n";
    write_text_atomically(path, s.str());
}

// A run of the experiment (its scenario carries the experiment's seed, replicates and weeks),
// with the experiment and sweep point it belongs to; `replicates` 1 for a kept part.
RunProvenance provenance_of(const ExperimentRunSpec& run, const RunSetup& setup, const ExperimentConfig& e,
                            const std::string& identity, int replicates, int threads, double seconds) {
    RunProvenance p = run_provenance(run.scenario, setup, threads, seconds);
    p.scenario_yaml += "# ---- experiment " + e.file.string() + " ----\n";
    if (!e.warm_up.empty()) p.scenario_yaml += "# continued from the warm-up state " + e.warm_up.string() + "\n";
    for (const auto& v : run.point.values) p.scenario_yaml += "# sweep: " + v.path + " = " + v.yaml + "\n";
    p.scenario_yaml += "# experiment identity: " + identity + "\n";
    p.replicates = replicates;
    return p;
}

// The outputs never replace the experiment, a scenario, a city config or a data file.
void check_batch_outputs(const ExperimentConfig& e, const std::vector<RunSetup>& setups, const BatchFiles& f) {
    std::vector<RoledPath> inputs{{"the experiment", e.file}};
    if (!e.warm_up.empty()) inputs.push_back({"the warm-up state", e.warm_up});
    for (std::size_t k = 0; k < e.runs.size(); ++k) {
        for (RoledPath& in : inputs_of(e.runs[k].scenario, setups[k])) inputs.push_back(std::move(in));
    }
    check_outputs_apart(
        {{"--output", f.output}, {"the status file", f.status}, {"the folder of kept replicates", f.parts}}, inputs,
        "trygg batch");
}

// While simulating, each replicate running holds its state and its output. The assembly
// streams the parts (batch/assembly): one replicate read whole, then one dataset at a time,
// beside the compressed file image (a few kB to a few MB per replicate-year, far below one
// replicate's arrays: 100 one-week replicates, 1.2 GB as arrays, make a 2.5 MB file).
// The image is what still grows with the replicates: it is counted at kImageShare of the
// arrays it holds, twice (the image and the copy saved from it). kImageShare: measured 0.2–
// 0.4 % (bench/README.md: 1,000 replicate-years in a 90 MB file); 1 % assumed, leaving room
// for runs that compress less (the event log).
// A warm-up's states (`state_bytes`) are held throughout.
void check_batch_memory(const ExperimentConfig& e, const std::vector<RunSetup>& setups, int threads,
                        std::uint64_t limit, double state_bytes) {
    double largest_result = 0.0, largest_working = 0.0;
    for (const RunSetup& setup : setups) {
        largest_result = std::max(largest_result, static_cast<double>(result_bytes_per_replicate(setup, e.weeks)));
        largest_working = std::max(largest_working, static_cast<double>(working_bytes_per_replicate(setup)));
    }
    const double tasks = static_cast<double>(e.runs.size()) * e.replicates;
    const double simulating = std::min(tasks, static_cast<double>(threads)) * (largest_working + 2.0 * largest_result);
    constexpr double kImageShare = 0.01;
    const double assembling = 3.0 * largest_result + 2.0 * kImageShare * tasks * largest_result;
    check_memory(std::max(simulating, assembling) + state_bytes, limit, "trygg batch",
                 std::to_string(e.runs.size()) + " run(s) × " + std::to_string(e.replicates) + " replicate(s) × " +
                     std::to_string(e.weeks) + " weeks on " + std::to_string(threads) + " thread(s)",
                 "run fewer replicates, weeks or threads");
}

// What the parts folder carries so that `trygg merge` needs nothing else (io/batch_plan).
BatchPlan plan_of(const ExperimentConfig& e, const std::vector<RunSetup>& setups, int threads) {
    BatchPlan plan;
    plan.identity = fingerprint(e);
    const std::string identity = identity_of(plan.identity);
    plan.trygg_version = kVersion;
    plan.git_commit = kGitCommit;
    plan.experiment_file = e.file.string();
    plan.experiment_yaml = e.text;
    plan.seed = e.seed;
    plan.replicates = e.replicates;
    plan.weeks = e.weeks;
    plan.threads = threads;
    for (std::size_t k = 0; k < e.runs.size(); ++k) {
        BatchPlanRun run;
        run.group = e.runs[k].group;
        run.part = provenance_of(e.runs[k], setups[k], e, identity, 1, threads, 0.0);
        for (const auto& v : e.runs[k].point.values) run.sweep_paths.push_back(v.path);
        run.sweep_values = e.runs[k].point.numbers;
        plan.runs.push_back(std::move(run));
    }
    if (e.design.dimensions() > 0) plan.design = e.design;
    return plan;
}

// The kept parts of an interrupted batch, or a fresh folder for them; `shared`: shards of the
// same batch make it and write into it at the same time. Parts of another experiment (or
// another trygg) must never be mixed into this one's file.
void open_parts_folder(const BatchPlan& plan, const BatchFiles& f, bool resume, bool shared,
                       const std::string& command) {
    std::error_code ec;
    if (fs::exists(f.parts, ec)) {
        if (!resume && !shared) {
            throw InputError(command + ": " + f.parts.string() +
                             " holds replicates of an interrupted batch: finish it with --resume, or remove it");
        }
        // A shard that starts while another is making the folder may find no identity yet.
        if (shared && !fs::exists(f.manifest, ec)) write_text_atomically(f.manifest, plan.identity);
        if (read_file(f.manifest) != plan.identity) {
            throw InputError(command + ": " + f.parts.string() +
                             " was made by another experiment (or another trygg): remove it to start afresh");
        }
    } else {
        fs::create_directories(f.parts);
        write_text_atomically(f.manifest, plan.identity);
    }
    if (!fs::exists(f.plan, ec)) write_batch_plan(f.plan, plan);
    for (const auto& run : plan.runs) fs::create_directories(f.parts / run.group);
}

}  // namespace

BatchFiles BatchFiles::for_output(const fs::path& output) {
    BatchFiles f;
    f.output = output;
    f.parts = output.string() + ".parts";
    f.status = output.string() + ".status.json";
    f.manifest = f.parts / "experiment.txt";
    f.plan = f.parts / "experiment.h5";
    return f;
}

BatchFiles BatchFiles::for_shard(const fs::path& output, BatchShare share) {
    BatchFiles f = for_output(output);
    f.status = output.string() + ".shard-" + std::to_string(share.index) + "-of-" + std::to_string(share.count) +
               ".status.json";
    return f;
}

Batch::Batch(ExperimentConfig experiment, BatchFiles files, int threads, std::uint64_t memory_limit)
    : experiment_(std::move(experiment)), files_(std::move(files)), threads_(threads), setup_started_(now_seconds()) {
    check_output_path(files_.output, "trygg batch");
    // Everything is loaded and checked before the first replicate runs.
    for (const auto& run : experiment_.runs) setups_.push_back(prepare_run(run.scenario, run.point.values));
    check_batch_outputs(experiment_, setups_, files_);
    double state_bytes = 0.0;
    if (!experiment_.warm_up.empty()) {
        warm_up_ = read_state_file(experiment_.warm_up);
        for (std::size_t k = 0; k < experiment_.runs.size(); ++k) {
            const auto& run = experiment_.runs[k];
            check_continuation(
                "trygg batch: warm_up " + experiment_.warm_up.string() + " (run " + run.group + ")", warm_up_->header,
                state_header(run.scenario, setups_[k], experiment_.weeks, false, run.point.values), setups_[k].params);
        }
        for (const auto& r : warm_up_->replicates)
            for (const auto& b : r.bytes) state_bytes += static_cast<double>(b.size());
    }
    check_batch_memory(experiment_, setups_, threads_, memory_limit, state_bytes);
    identity_ = identity_of(fingerprint(experiment_));
}

std::vector<BatchTask> Batch::open_parts(bool resume) {
    const BatchPlan plan = plan_of(experiment_, setups_, threads_);
    open_parts_folder(plan, files_, resume, false, "trygg batch");
    std::vector<BatchTask> todo;
    std::error_code ec;
    for (std::size_t k = 0; k < plan.runs.size(); ++k) {
        for (int r = 0; r < experiment_.replicates; ++r) {
            const fs::path part = part_path(files_.parts, plan.runs[k].group, r);
            if (!fs::exists(part, ec)) {
                todo.push_back({k, r});
                continue;
            }
            check_part(part, plan.runs[k], r, "trygg batch", "remove it, and --resume runs it again");
        }
    }
    return todo;
}

void Batch::write_status(const std::string& state, std::int64_t done) const {
    const auto total = static_cast<std::int64_t>(experiment_.runs.size()) * experiment_.replicates;
    write_status_file(files_.status, state, done, total, now_seconds() - setup_started_, files_.output);
}

BatchResult Batch::simulate(const std::vector<BatchTask>& todo, std::int64_t kept_before, const BatchHooks& hooks,
                            bool status) {
    const ExperimentConfig& experiment = experiment_;
    const BatchFiles& files = files_;
    const int threads = threads_;
    const auto total = kept_before + static_cast<std::int64_t>(todo.size());
    std::atomic<std::int64_t> done{kept_before};
    // A warm-up's weeks are done already.
    const int warm_weeks = warm_up_ ? warm_up_->header.weeks : 0;
    std::atomic<std::int64_t> weeks_done{done.load() * experiment.weeks +
                                         static_cast<std::int64_t>(todo.size()) * warm_weeks};
    const std::int64_t weeks_total = total * experiment.weeks;
    std::mutex status_mutex;
    auto elapsed = [&] { return now_seconds() - setup_started_; };
    auto report = [&](const std::string& state) {
        if (status) write_status_file(files.status, state, done, total, elapsed(), files.output);
    };
    report("running");

    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    {
        const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                        static_cast<std::size_t>(threads));
        tbb::task_arena arena(threads);
        arena.execute([&] {
            tbb::parallel_for(std::size_t{0}, todo.size(), std::size_t{1}, [&](std::size_t t) {
                if (stop || (hooks.stop_requested && hooks.stop_requested())) {
                    stop = true;
                    return;
                }
                try {
                    const BatchTask task = todo[t];
                    const auto& run = experiment.runs[task.run];
                    const RunSetup& setup = setups_[task.run];
                    RunOptions options{experiment.seed, 1, threads, false, task.replicate};
                    if (warm_up_) {
                        options.from_state = &warm_up_->replicates;
                        options.from_week = warm_weeks;
                    }
                    const RunOutput result = run_replicates(setup.city, setup.params, setup.timeline, options,
                                                            [&](std::int64_t, std::int64_t) {
                                                                const std::int64_t w = ++weeks_done;
                                                                if (hooks.progress)
                                                                    hooks.progress(w, weeks_total, done.load(), total);
                                                            });
                    RunProvenance provenance = provenance_of(run, setup, experiment, identity_, 1, threads, 0.0);
                    provenance.first_replicate = task.replicate;
                    write_run_file(part_path(files.parts, run.group, task.replicate), provenance, result.grid,
                                   result.districts, result.results);
                    const std::int64_t kept = ++done;
                    const std::lock_guard lock(status_mutex);
                    report("running");
                    if (hooks.replicate_kept) hooks.replicate_kept(kept, total);
                } catch (...) {
                    const std::lock_guard lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                    stop = true;
                }
            });
        });
    }
    if (failure) {
        try {
            report("failed");
        } catch (const OutputError&) {
            // The failure itself (a full disk, most likely) is the one to report.
        }
        std::rethrow_exception(failure);
    }
    if (done < total) {
        report("interrupted");
        return {BatchEnd::Interrupted, done.load(), total, elapsed()};
    }
    return {BatchEnd::Done, done.load(), total, elapsed()};
}

BatchResult Batch::assemble(const std::string& command_line) {
    const BatchPlan plan = plan_of(experiment_, setups_, threads_);
    const double seconds = now_seconds() - setup_started_;
    assemble_parts(plan, files_.parts, files_.output, command_line, threads_, seconds);
    std::error_code ec;
    fs::remove_all(files_.parts, ec);
    const auto total = static_cast<std::int64_t>(experiment_.runs.size()) * experiment_.replicates;
    write_status_file(files_.status, "done", total, total, seconds, files_.output);
    return {BatchEnd::Done, total, total, seconds};
}

BatchResult Batch::run(bool resume, const std::string& command_line, const BatchHooks& hooks) {
    const std::vector<BatchTask> todo = open_parts(resume);
    const auto total = static_cast<std::int64_t>(experiment_.runs.size()) * experiment_.replicates;
    const BatchResult simulated = simulate(todo, total - static_cast<std::int64_t>(todo.size()), hooks);
    if (simulated.end != BatchEnd::Done) return simulated;
    return assemble(command_line);
}

BatchResult Batch::run_share(BatchShare share, bool resume, const BatchHooks& hooks) {
    const std::string command =
        "trygg batch --shard " + std::to_string(share.index) + "/" + std::to_string(share.count);
    const BatchPlan plan = plan_of(experiment_, setups_, threads_);
    open_parts_folder(plan, files_, resume, true, command);
    std::vector<BatchTask> todo;
    std::int64_t kept = 0;
    std::error_code ec;
    const int replicates = experiment_.replicates;
    for (std::size_t k = 0; k < plan.runs.size(); ++k) {
        for (int r = 0; r < replicates; ++r) {
            if (!share.holds(static_cast<std::int64_t>(k) * replicates + r)) continue;
            const fs::path part = part_path(files_.parts, plan.runs[k].group, r);
            if (!fs::exists(part, ec)) {
                todo.push_back({k, r});
                continue;
            }
            if (!resume) {
                throw InputError(command + ": " + part.string() +
                                 " is kept already: add --resume to reuse this share's kept replicates, or remove "
                                 "them");
            }
            check_part(part, plan.runs[k], r, command, "remove it, and --resume runs it again");
            ++kept;
        }
    }
    const BatchResult simulated = simulate(todo, kept, hooks);
    if (simulated.end == BatchEnd::Done) {
        write_status_file(files_.status, "done", simulated.replicates_done, simulated.replicates_total,
                          simulated.seconds, files_.output);
    }
    return simulated;
}

}  // namespace trygg
