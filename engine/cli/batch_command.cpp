#include "cli/batch_command.hpp"

#include "batch/batch.hpp"
#include "cli/app.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/shipped_path.hpp"
#include "cluster/mpi_batch.hpp"
#include "core/error.hpp"
#include "io/experiment_config.hpp"
#include "io/memory_budget.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>
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
    std::optional<BatchShare> shard;
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
        "shard", po::value<std::string>(),
        "K/N: run only share K of N of the (run, replicate) tasks into OUT.h5.parts/ and write no file; "
        "`trygg merge OUT.h5.parts` assembles it once all N shares are done (Slurm job arrays)")(
        "check", "read and check the experiment and every scenario and sweep point, list the runs, simulate nothing")(
        "quiet,q", "no progress line and no closing summary")("help,h", "this text");
    return o;
}

// "K/N" with 1 ≤ K ≤ N: both whole numbers, nothing else.
BatchShare parse_shard(const std::string& text) {
    auto number = [](const std::string& digits) -> long long {
        if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos)
            return -1;
        return std::stoll(digits);
    };
    const auto slash = text.find('/');
    const long long k = slash == std::string::npos ? -1 : number(text.substr(0, slash));
    const long long n = slash == std::string::npos ? -1 : number(text.substr(slash + 1));
    if (k < 1 || n < 1 || k > n) {
        throw InputError("trygg batch: --shard: '" + text +
                         "' is not a share K/N of the tasks with 1 <= K <= N (e.g. --shard 2/8: the second of 8)");
    }
    return {static_cast<int>(k), static_cast<int>(n)};
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
    if (vm.count("shard")) a.shard = parse_shard(vm["shard"].as<std::string>());
    a.resume = vm.count("resume") > 0;
    a.check = vm.count("check") > 0;
    a.quiet = vm.count("quiet") > 0;
    return a;
}

// What the kept replicates were made by: they are reused only for the very same batch.
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
           "On a cluster (docs/cluster.md): `--shard K/N` runs share K of N of the tasks into\n"
           "OUT.h5.parts/ (one Slurm job-array task each, on any nodes that see the folder), and\n"
           "`trygg merge OUT.h5.parts -o OUT.h5` assembles the file once every share is done. Or\n"
           "`mpiexec -n N trygg batch EXPERIMENT.yaml -o OUT.h5` (a trygg built with MPI) spreads the\n"
           "tasks over N ranks, each on its node's share of the cores, and rank 0 writes the file.\n"
           "Either way the datasets are those of a single-process batch.\n"
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

namespace {

void print_check(const Batch& batch, std::ostream& out) {
    const ExperimentConfig& experiment = batch.experiment();
    out << experiment.file.string() << ": " << experiment.runs.size() << " run(s) × " << experiment.replicates
        << " replicate(s) × " << experiment.weeks << " weeks, seed " << experiment.seed << "\n";
    if (!experiment.sweep_paths.empty()) out << "  sweep: " << design_summary(experiment.design) << "\n";
    for (std::size_t k = 0; k < experiment.runs.size(); ++k) {
        const auto& run = experiment.runs[k];
        out << "  " << run.group << ": " << run.scenario.file.string() << ", "
            << batch.setups()[k].params.interventions.size() << " intervention(s)";
        for (const auto& v : run.point.values) out << ", " << v.path << " = " << v.yaml;
        out << "\n";
    }
}

// Runs `body` with Ctrl-C and SIGTERM asking the batch to stop, restoring the handlers after.
template <typename Body>
auto with_stop_signals(Body&& body) {
    g_interrupted = 0;
    const auto previous_int = std::signal(SIGINT, on_interrupt);
    const auto previous_term = std::signal(SIGTERM, on_interrupt);
    struct Restore {
        decltype(previous_int) int_handler, term_handler;
        ~Restore() {
            std::signal(SIGINT, int_handler);
            std::signal(SIGTERM, term_handler);
        }
    } restore{previous_int, previous_term};
    return body();
}

// The worker threads: --threads, or this process's share of the machine's cores (all of them,
// unless mpiexec started several ranks on it).
int worker_threads(const BatchArgs& a) {
    if (a.threads && (*a.threads < 1 || *a.threads > 1024)) {
        throw InputError("trygg batch: --threads: value " + std::to_string(*a.threads) + " is out of range [1, 1024]");
    }
    if (a.threads) return static_cast<int>(*a.threads);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return std::max(1, static_cast<int>(cores) / ranks_on_this_node());
}

// mpiexec started several ranks: refused without MPI (each would run the whole batch into the
// same files) and with --shard (two ways of splitting the tasks at once).
bool spread_over_ranks(const BatchArgs& a) {
    const int ranks = launched_ranks();
    if (ranks <= 1) return false;
    if (!built_with_mpi()) {
        throw InputError("trygg batch: started as one of " + std::to_string(ranks) +
                         " MPI ranks, but this trygg was built without MPI (TRYGG_MPI): run it without mpiexec, "
                         "or split the batch with --shard K/N");
    }
    if (a.shard) {
        throw InputError(
            "trygg batch: --shard splits the tasks between separate jobs; under mpiexec the ranks "
            "split them already: leave out one of the two");
    }
    return true;
}

int report_interrupted(const Batch& batch, const BatchResult& result, std::ostream& err) {
    err << "trygg batch: interrupted; " << result.replicates_done << " of " << result.replicates_total
        << " replicates are kept in " << batch.files().parts.string()
        << "; run the same command with --resume to finish\n";
    return kExitInterrupted;
}

}  // namespace

int batch_command(const std::vector<std::string>& args, const std::string& command_line, std::ostream& out,
                  std::ostream& err) {
    bool help = false;
    const BatchArgs a = parse(args, out, help);
    if (help) return 0;
    const bool ranked = spread_over_ranks(a);
    ExperimentConfig loaded = load_experiment_config(a.experiment);
    const fs::path output = a.output.empty() ? fs::path(loaded.file.stem().string() + ".h5") : fs::path(a.output);
    const int threads = worker_threads(a);
    const BatchFiles files = a.shard ? BatchFiles::for_shard(output, *a.shard) : BatchFiles::for_output(output);
    Batch batch(std::move(loaded), files, threads, memory_limit(a.max_memory, "trygg batch"));
    const ExperimentConfig& experiment = batch.experiment();
    if (a.check) {
        print_check(batch, out);
        return 0;
    }

    ProgressLine progress(err, !a.quiet && stderr_is_terminal(), "trygg batch");
    BatchHooks hooks;
    hooks.stop_requested = [] { return g_interrupted != 0; };
    hooks.progress = [&](std::int64_t weeks_done, std::int64_t weeks_total, std::int64_t done, std::int64_t total) {
        progress.update(weeks_done, weeks_total, std::to_string(done) + "/" + std::to_string(total) + " replicates");
    };
    struct FinishProgress {
        ProgressLine& line;
        ~FinishProgress() { line.finish(); }
    } finish{progress};
    BatchResult result;
    if (ranked) {
        const RankedBatch ranks =
            with_stop_signals([&] { return run_batch_on_ranks(batch, a.resume, command_line, hooks); });
        if (ranks.refused_by_rank0) return kExitBadInput;  // rank 0 says why
        if (ranks.rank != 0) return ranks.result.end == BatchEnd::Interrupted ? kExitInterrupted : kExitOk;
        result = ranks.result;
    } else if (a.shard) {
        result = with_stop_signals([&] { return batch.run_share(*a.shard, a.resume, hooks); });
    } else {
        result = with_stop_signals([&] { return batch.run(a.resume, command_line, hooks); });
    }
    progress.finish();
    if (result.end == BatchEnd::Interrupted) return report_interrupted(batch, result, err);
    if (a.quiet) return 0;
    if (a.shard) {
        out << "Kept share " << a.shard->index << "/" << a.shard->count << " of " << output.string() << ": "
            << result.replicates_total << " replicate(s) in " << batch.files().parts.string() << ", "
            << format_duration(result.seconds) << "; once every share is done: trygg merge "
            << batch.files().parts.string() << " -o " << output.string() << "\n";
        return 0;
    }
    out << "Wrote " << output.string() << ": " << experiment.runs.size() << " run(s) × " << experiment.replicates
        << " replicate(s) × " << experiment.weeks << " weeks, " << threads << " thread(s)"
        << (ranked ? " on each of " + std::to_string(launched_ranks()) + " MPI ranks" : std::string()) << ", "
        << format_duration(result.seconds) << "\n";
    for (const auto& run : experiment.runs) out << "  group " << run.group << "\n";
    return 0;
}

}  // namespace trygg
