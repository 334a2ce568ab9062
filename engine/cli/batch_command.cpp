#include "cli/batch_command.hpp"

#include "cli/app.hpp"
#include "cli/memory_budget.hpp"
#include "cli/options.hpp"
#include "cli/output_path.hpp"
#include "cli/progress.hpp"
#include "cli/provenance.hpp"
#include "cli/shipped_path.hpp"
#include "cli/version.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/experiment_config.hpp"
#include "io/results_file.hpp"
#include "io/run_setup.hpp"
#include "sim/run.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <boost/program_options.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace trygg {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

// Ctrl-C or SIGTERM (a scheduler's kill, a shutdown) once: start no new replicate, let the
// running ones finish and be kept, and say "interrupted" in the status file. Twice: the
// default action, at once (what is kept stays kept). Only async-signal-safe calls here.
volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void on_interrupt(int) {
    g_interrupted = 1;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    constexpr char kMessage[] =
        "\ntrygg batch: stopping after the replicates that are running (Ctrl-C again to stop at once)\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
}

struct BatchArgs {
    std::string experiment;
    std::string output;
    std::optional<long long> threads;
    std::optional<std::string> max_memory;
    bool resume = false;
    bool check = false;
    bool quiet = false;
};

po::options_description batch_options() {
    po::options_description o("Options");
    o.add_options()("output,o", po::value<std::string>(),
                    "HDF5 file to write (default: EXPERIMENT name + .h5 in the current directory)")(
        "threads,t", po::value<long long>(), "worker threads (default: all cores); results do not depend on it")(
        "max-memory", po::value<std::string>(),
        "refuse a batch that would need more memory than this, e.g. 16G (default: the physical memory)")(
        "resume", "finish an interrupted batch from the replicates it kept in OUT.h5.parts/")(
        "check", "read and check the experiment and every scenario and sweep point, list the runs, simulate nothing")(
        "quiet,q", "no progress line and no closing summary")("help,h", "this text");
    return o;
}

BatchArgs parse(const std::vector<std::string>& args, std::ostream& out, bool& help) {
    const po::variables_map vm = parse_command_line(args, batch_options(), {"experiment"}, "batch");
    help = vm.count("help") > 0;
    if (help) {
        print_batch_help(out);
        return {};
    }
    BatchArgs a;
    if (!vm.count("experiment")) {
        throw InputError("trygg batch: no experiment file given (e.g. trygg batch configs/experiments/strategy.yaml)");
    }
    a.experiment = shipped_path(vm["experiment"].as<std::string>()).string();
    if (vm.count("output")) a.output = vm["output"].as<std::string>();
    if (vm.count("threads")) a.threads = vm["threads"].as<long long>();
    if (vm.count("max-memory")) a.max_memory = vm["max-memory"].as<std::string>();
    a.resume = vm.count("resume") > 0;
    a.check = vm.count("check") > 0;
    a.quiet = vm.count("quiet") > 0;
    return a;
}

// What the kept replicates were made by: they are reused only for the very same batch.
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
    for (const auto& v : run.point.values) p.scenario_yaml += "# sweep: " + v.path + " = " + v.yaml + "\n";
    p.replicates = replicates;
    return p;
}

// Where a batch keeps what it has done, and what it writes besides the file itself.
struct BatchFiles {
    fs::path output, parts, status, manifest;
};

// The outputs never replace the experiment, a scenario, a city config or a data file.
void check_batch_outputs(const ExperimentConfig& e, const std::vector<RunSetup>& setups, const BatchFiles& f) {
    std::vector<RoledPath> inputs{{"the experiment", e.file}};
    for (std::size_t k = 0; k < e.runs.size(); ++k) {
        for (RoledPath& in : inputs_of(e.runs[k].scenario, setups[k])) inputs.push_back(std::move(in));
    }
    check_outputs_apart(
        {{"--output", f.output}, {"the status file", f.status}, {"the folder of kept replicates", f.parts}}, inputs,
        "trygg batch");
}

// While simulating, each replicate running holds its state and its output; at the end one
// run's replicates are put together at a time, the kept part being read beside the whole.
void check_batch_memory(const ExperimentConfig& e, const std::vector<RunSetup>& setups, int threads,
                        std::uint64_t limit) {
    double largest_result = 0.0, largest_working = 0.0;
    for (const RunSetup& setup : setups) {
        largest_result = std::max(largest_result, static_cast<double>(result_bytes_per_replicate(setup, e.weeks)));
        largest_working = std::max(largest_working, static_cast<double>(working_bytes_per_replicate(setup)));
    }
    const double tasks = static_cast<double>(e.runs.size()) * e.replicates;
    const double simulating = std::min(tasks, static_cast<double>(threads)) * (largest_working + 2.0 * largest_result);
    const double assembling = (e.replicates + 2.0) * largest_result;
    check_memory(std::max(simulating, assembling), limit, "trygg batch",
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

// "morris, 6 trajectories × 16 points, 4 levels (Δ = 0.667)", for --check.
std::string design_summary(const SweepDesign& d) {
    std::ostringstream s;
    s << name_of(d.method) << ", " << d.size() << " point(s) over " << d.dimensions() << " parameter(s)";
    if (d.method == SweepMethod::Morris) {
        s << ": " << d.trajectories << " trajectories of " << d.dimensions() + 1 << " points, " << d.levels
          << " levels";
        if (d.candidates > 0) s << ", chosen for spread from " << d.candidates << " candidates";
    } else if (d.method == SweepMethod::Sobol) {
        s << ": " << d.base_samples << " rows of A, B and " << d.dimensions() << " AB_i";
    }
    return s.str();
}

}  // namespace

void print_batch_help(std::ostream& out) {
    out << "Usage: trygg batch EXPERIMENT.yaml -o OUT.h5 [options]\n"
           "\n"
           "Runs every scenario of the experiment file at every point of its sweep (grid, Latin\n"
           "hypercube, or a Morris or Sobol' sensitivity design over city-config parameters), all\n"
           "replicates, concurrently on all cores, and writes one HDF5 file with a group per run\n"
           "(\"baseline\", \"combined\", or \"baseline.p004\" at sweep point 4) over shared dimension\n"
           "scales, and the sweep's design (each point's values and role) in /design, which\n"
           "`trygg sensitivity OUT.h5` turns into Morris or Sobol' indices. Replicate r uses the\n"
           "same random numbers in every run (common random numbers), so `trygg compare\n"
           "OUT.h5:baseline OUT.h5:combined` pairs them and its intervals are narrow.\n"
           "\n"
           "Nothing is lost: each finished replicate is kept in OUT.h5.parts/ until the file is\n"
           "complete. Ctrl-C or SIGTERM stops it after the replicates that are running (status 130);\n"
           "after that or a kill, the same command with --resume checks every kept replicate, runs\n"
           "only what is missing and writes the same datasets as an uninterrupted batch.\n"
           "OUT.h5.status.json holds the state (running, interrupted, failed, done) and replicates\n"
           "done, for scripts.\n"
           "\n"
        << batch_options()
        << "\n"
           "A relative EXPERIMENT path (configs/experiments/demo.yaml) is looked up in the working\n"
           "directory, then in the installation's share/trygg.\n"
           "\n"
           "Example:\n"
           "  trygg batch configs/experiments/strategy.yaml -o results/strategy.h5\n"
           "  trygg compare results/strategy.h5:baseline results/strategy.h5:combined\n";
}

int batch_command(const std::vector<std::string>& args, const std::string& command_line, std::ostream& out,
                  std::ostream& err) {
    bool help = false;
    const BatchArgs a = parse(args, out, help);
    if (help) return 0;
    const auto started = std::chrono::steady_clock::now();
    const ExperimentConfig experiment = load_experiment_config(a.experiment);
    BatchFiles files;
    files.output = a.output.empty() ? fs::path(experiment.file.stem().string() + ".h5") : fs::path(a.output);
    files.parts = files.output.string() + ".parts";
    files.status = files.output.string() + ".status.json";
    files.manifest = files.parts / "experiment.txt";
    const fs::path& output = files.output;
    const fs::path& parts = files.parts;
    check_output_path(output, "trygg batch");
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    if (a.threads && (*a.threads < 1 || *a.threads > 1024)) {
        throw InputError("trygg batch: --threads: value " + std::to_string(*a.threads) + " is out of range [1, 1024]");
    }
    const int threads = a.threads ? static_cast<int>(*a.threads) : static_cast<int>(cores);

    // Everything is loaded and checked before the first replicate runs.
    std::vector<RunSetup> setups;
    for (const auto& run : experiment.runs) setups.push_back(prepare_run(run.scenario, run.point.values));
    check_batch_outputs(experiment, setups, files);
    check_batch_memory(experiment, setups, threads, memory_limit(a.max_memory, "trygg batch"));
    if (a.check) {
        out << experiment.file.string() << ": " << experiment.runs.size() << " run(s) × " << experiment.replicates
            << " replicate(s) × " << experiment.weeks << " weeks, seed " << experiment.seed << "\n";
        if (!experiment.sweep_paths.empty()) out << "  sweep: " << design_summary(experiment.design) << "\n";
        for (std::size_t k = 0; k < experiment.runs.size(); ++k) {
            const auto& run = experiment.runs[k];
            out << "  " << run.group << ": " << run.scenario.file.string() << ", "
                << setups[k].params.interventions.size() << " intervention(s)";
            for (const auto& v : run.point.values) out << ", " << v.path << " = " << v.yaml;
            out << "\n";
        }
        return 0;
    }

    open_parts(experiment, files, a.resume);
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
            RunProvenance expected = provenance_of(experiment.runs[k], setups[k], experiment, 1, threads, 0.0);
            expected.first_replicate = r;
            check_part(part, expected);
        }
    }
    std::atomic<std::int64_t> done{total - static_cast<std::int64_t>(todo.size())};
    std::atomic<std::int64_t> weeks_done{done.load() * experiment.weeks};
    const std::int64_t weeks_total = total * experiment.weeks;
    std::mutex status_mutex;
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    write_status(files.status, "running", done, total, 0.0, output);

    ProgressLine progress(err, !a.quiet && stderr_is_terminal(), "trygg batch");
    auto note = [&] { return std::to_string(done.load()) + "/" + std::to_string(total) + " replicates"; };
    g_interrupted = 0;
    const auto previous_int = std::signal(SIGINT, on_interrupt);
    const auto previous_term = std::signal(SIGTERM, on_interrupt);
    std::exception_ptr failure;
    std::mutex failure_mutex;
    {
        const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                        static_cast<std::size_t>(threads));
        tbb::task_arena arena(threads);
        arena.execute([&] {
            tbb::parallel_for(std::size_t{0}, todo.size(), std::size_t{1}, [&](std::size_t t) {
                if (g_interrupted) return;
                try {
                    const Task task = todo[t];
                    const auto& run = experiment.runs[task.run];
                    const RunSetup& setup = setups[task.run];
                    RunOptions options{experiment.seed, 1, threads, false, task.replicate};
                    const RunOutput result = run_replicates(
                        setup.city, setup.params, setup.timeline, options,
                        [&](std::int64_t, std::int64_t) { progress.update(++weeks_done, weeks_total, note()); });
                    RunProvenance provenance = provenance_of(run, setup, experiment, 1, threads, 0.0);
                    provenance.first_replicate = task.replicate;
                    write_run_file(part_path(parts, run.group, task.replicate), provenance, result.grid,
                                   result.districts, result.results);
                    ++done;
                    const std::lock_guard lock(status_mutex);
                    write_status(files.status, "running", done, total, elapsed(), output);
                } catch (...) {
                    const std::lock_guard lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                    g_interrupted = 1;
                }
            });
        });
    }
    std::signal(SIGINT, previous_int);
    std::signal(SIGTERM, previous_term);
    progress.finish();
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
        err << "trygg batch: interrupted; " << done << " of " << total << " replicates are kept in " << parts.string()
            << "; run the same command with --resume to finish\n";
        return kExitInterrupted;
    }

    // Assemble: one group per run, replicates in order, read back from the kept parts.
    const RunFile first = read_run_file(part_path(parts, experiment.runs.front().group, 0));
    const double seconds = elapsed();
    std::vector<ExperimentRun> runs;
    for (std::size_t k = 0; k < experiment.runs.size(); ++k) {
        const auto& run = experiment.runs[k];
        ExperimentRun group;
        group.group = run.group;
        group.provenance = provenance_of(run, setups[k], experiment, replicates, threads, seconds);
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
    if (!a.quiet) {
        out << "Wrote " << output.string() << ": " << experiment.runs.size() << " run(s) × " << replicates
            << " replicate(s) × " << experiment.weeks << " weeks, " << threads << " thread(s), "
            << format_duration(seconds) << "\n";
        for (const auto& run : experiment.runs) out << "  group " << run.group << "\n";
    }
    return 0;
}

}  // namespace trygg
