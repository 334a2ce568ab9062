#include "batch/batch.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"
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

fs::path part_path(const fs::path& parts, const std::string& group, int replicate) {
    char name[32];
    std::snprintf(name, sizeof name, "r%05d.h5", replicate);
    return parts / group / name;
}

// The status file for scripts: one small JSON object, replaced atomically.
void write_status(const fs::path& path, const std::string& state, std::int64_t done, std::int64_t total, double elapsed,
                  const fs::path& output) {
    std::ostringstream s;
    s << "{\"state\": \"" << state << "\", \"replicates_done\": " << done << ", \"replicates_total\": " << total
      << ", \"elapsed_s\": " << static_cast<long long>(elapsed) << ", \"output\": \"" << output.string() << "\"}\n";
    write_text_atomically(path, s.str());
}

// A run of the experiment (its scenario carries the experiment's seed, replicates and weeks),
// with the experiment and sweep point it belongs to; `replicates` 1 for a kept part.
RunProvenance provenance_of(const ExperimentRunSpec& run, const RunSetup& setup, const ExperimentConfig& e,
                            int replicates, int threads, double seconds) {
    RunProvenance p = run_provenance(run.scenario, setup, threads, seconds);
    p.scenario_yaml += "# ---- experiment " + e.file.string() + " ----\n";
    if (!e.warm_up.empty()) p.scenario_yaml += "# continued from the warm-up state " + e.warm_up.string() + "\n";
    for (const auto& v : run.point.values) p.scenario_yaml += "# sweep: " + v.path + " = " + v.yaml + "\n";
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

// While simulating, each replicate running holds its state and its output; at the end one
// run's replicates are put together at a time, the kept part being read beside the whole.
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
    const double assembling = (e.replicates + 2.0) * largest_result;
    check_memory(std::max(simulating, assembling) + state_bytes, limit, "trygg batch",
                 std::to_string(e.runs.size()) + " run(s) × " + std::to_string(e.replicates) + " replicate(s) × " +
                     std::to_string(e.weeks) + " weeks on " + std::to_string(threads) + " thread(s)",
                 "run fewer replicates, weeks or threads");
}

// The kept parts of an interrupted batch, or a fresh folder for them. Parts of another
// experiment (or another trygg) must never be mixed into this one's file.
void open_parts(const ExperimentConfig& e, const BatchFiles& f, bool resume) {
    const std::string print = fingerprint(e);
    std::error_code ec;
    if (fs::exists(f.parts, ec)) {
        if (!resume) {
            throw InputError("trygg batch: " + f.parts.string() +
                             " holds replicates of an interrupted batch: finish it with --resume, or remove it");
        }
        if (read_file(f.manifest) != print) {
            throw InputError("trygg batch: " + f.parts.string() +
                             " was made by another experiment (or another trygg): remove it to start afresh");
        }
    } else {
        fs::create_directories(f.parts);
        write_text_atomically(f.manifest, print);
    }
    for (const auto& run : e.runs) fs::create_directories(f.parts / run.group);
}

// A kept part must hold exactly the replicate its name says, of this very run: a part copied
// over another (r00000.h5 over r00001.h5) would otherwise put replicate 0 in the file twice.
void check_part(const fs::path& file, const RunProvenance& expected) {
    const RunProvenance p = read_run_provenance(file);
    auto refuse = [&](const std::string& problem) {
        throw InputError("trygg batch: " + file.string() + " " + problem + ": remove it, and --resume runs it again");
    };
    if (p.replicates != 1 || p.first_replicate != expected.first_replicate) {
        refuse("holds replicate " + std::to_string(p.first_replicate) +
               (p.replicates == 1 ? "" : " and " + std::to_string(p.replicates - 1) + " more") + ", not replicate " +
               std::to_string(expected.first_replicate));
    }
    if (p.scenario_yaml != expected.scenario_yaml)
        refuse("is a replicate of another scenario, sweep point or experiment");
    if (p.city_yaml != expected.city_yaml) refuse("was made with another city config");
    if (p.seed != expected.seed || p.weeks != expected.weeks || p.start_date != expected.start_date) {
        refuse("was made with another seed, start date or horizon");
    }
}

}  // namespace

BatchFiles BatchFiles::for_output(const fs::path& output) {
    BatchFiles f;
    f.output = output;
    f.parts = output.string() + ".parts";
    f.status = output.string() + ".status.json";
    f.manifest = f.parts / "experiment.txt";
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
}

BatchResult Batch::run(bool resume, const std::string& command_line, const BatchHooks& hooks) {
    const ExperimentConfig& experiment = experiment_;
    const BatchFiles& files = files_;
    const fs::path& output = files.output;
    const fs::path& parts = files.parts;
    const int threads = threads_;
    open_parts(experiment, files, resume);
    struct Task {
        std::size_t run;
        int replicate;
    };
    std::vector<Task> todo;
    const int replicates = experiment.replicates;
    const auto total = static_cast<std::int64_t>(experiment.runs.size()) * replicates;
    std::error_code ec;
    for (std::size_t k = 0; k < experiment.runs.size(); ++k) {
        for (int r = 0; r < replicates; ++r) {
            const fs::path part = part_path(parts, experiment.runs[k].group, r);
            if (!fs::exists(part, ec)) {
                todo.push_back({k, r});
                continue;
            }
            RunProvenance expected = provenance_of(experiment.runs[k], setups_[k], experiment, 1, threads, 0.0);
            expected.first_replicate = r;
            check_part(part, expected);
        }
    }
    std::atomic<std::int64_t> done{total - static_cast<std::int64_t>(todo.size())};
    // A warm-up's weeks are done already.
    const int warm_weeks = warm_up_ ? warm_up_->header.weeks : 0;
    std::atomic<std::int64_t> weeks_done{done.load() * experiment.weeks +
                                         static_cast<std::int64_t>(todo.size()) * warm_weeks};
    const std::int64_t weeks_total = total * experiment.weeks;
    std::mutex status_mutex;
    auto elapsed = [&] { return now_seconds() - setup_started_; };
    write_status(files.status, "running", done, total, elapsed(), output);

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
                    const Task task = todo[t];
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
                    RunProvenance provenance = provenance_of(run, setup, experiment, 1, threads, 0.0);
                    provenance.first_replicate = task.replicate;
                    write_run_file(part_path(parts, run.group, task.replicate), provenance, result.grid,
                                   result.districts, result.results);
                    const std::int64_t kept = ++done;
                    const std::lock_guard lock(status_mutex);
                    write_status(files.status, "running", done, total, elapsed(), output);
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
            write_status(files.status, "failed", done, total, elapsed(), output);
        } catch (const OutputError&) {
            // The failure itself (a full disk, most likely) is the one to report.
        }
        std::rethrow_exception(failure);
    }
    if (done < total) {
        write_status(files.status, "interrupted", done, total, elapsed(), output);
        return {BatchEnd::Interrupted, done.load(), total, elapsed()};
    }

    // Assemble: one group per run, replicates in order, read back from the kept parts.
    const RunFile first = read_run_file(part_path(parts, experiment.runs.front().group, 0));
    const double seconds = elapsed();
    std::vector<ExperimentRun> runs;
    for (std::size_t k = 0; k < experiment.runs.size(); ++k) {
        const auto& run = experiment.runs[k];
        ExperimentRun group;
        group.group = run.group;
        group.provenance = provenance_of(run, setups_[k], experiment, replicates, threads, seconds);
        for (const auto& v : run.point.values) group.sweep_paths.push_back(v.path);
        group.sweep_values = run.point.numbers;
        runs.push_back(std::move(group));
    }
    ExperimentProvenance prov;
    prov.trygg_version = kVersion;
    prov.git_commit = kGitCommit;
    prov.experiment_file = experiment.file.string();
    prov.experiment_yaml = experiment.text + "\n# trygg command line: " + command_line + "\n";
    prov.seed = experiment.seed;
    prov.replicates = replicates;
    prov.weeks = experiment.weeks;
    prov.threads = threads;
    prov.wall_seconds = seconds;
    write_experiment_file(
        output, prov, first.grid, first.districts, runs,
        [&](std::size_t k) {
            RunResults all = read_run_file(part_path(parts, experiment.runs[k].group, 0)).results;
            for (int r = 1; r < replicates; ++r) {
                append_replicates(all, read_run_file(part_path(parts, experiment.runs[k].group, r)).results);
            }
            return all;
        },
        &experiment.design);
    fs::remove_all(parts, ec);
    write_status(files.status, "done", total, total, seconds, output);
    return {BatchEnd::Done, total, total, seconds};
}

}  // namespace trygg
