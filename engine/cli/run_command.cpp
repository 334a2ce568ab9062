#include "cli/run_command.hpp"

#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/shipped_path.hpp"
#include "cli/summary.hpp"
#include "core/error.hpp"
#include "core/timeline.hpp"
#include "io/memory_budget.hpp"
#include "io/output_path.hpp"
#include "io/provenance.hpp"
#include "io/results_file.hpp"
#include "io/run_setup.hpp"
#include "io/scenario_config.hpp"
#include "io/state_file.hpp"
#include "sim/run.hpp"

#include <boost/program_options.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

namespace trygg {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

struct RunArgs {
    std::string scenario;
    std::string output;
    std::optional<long long> replicates, weeks, seed, threads;
    std::optional<std::string> max_memory;
    std::string save_state, from_state;
    bool quiet = false;
    bool events = false;
};

po::options_description run_options() {
    po::options_description o("Options");
    o.add_options()("output,o", po::value<std::string>(),
                    "HDF5 file to write (default: SCENARIO name + .h5 in the current directory)")(
        "replicates,r", po::value<long long>(), "replicates, overriding the scenario (1–10000)")(
        "weeks,w", po::value<long long>(), "horizon in weeks, overriding the scenario (1–523)")(
        "seed,s", po::value<long long>(), "random seed, overriding the scenario (0–2^53)")(
        "threads,t", po::value<long long>(), "worker threads (default: all cores); results do not depend on it")(
        "max-memory", po::value<std::string>(),
        "refuse a run whose results would need more memory than this, e.g. 16G (default: the physical memory)")(
        "save-state", po::value<std::string>(),
        "also write every replicate's whole state at the end to this HDF5 file, to continue or branch from")(
        "from-state", po::value<std::string>(),
        "continue the replicates of this state file (from --save-state); --weeks then counts the weeks added")(
        "events",
        "also write the event log: every crime with hour, cell, type, offender, victim group, reporters (/events)")(
        "quiet,q", "no progress line and no summary table")("help,h", "this text");
    return o;
}

long long checked(const std::optional<long long>& v, const char* name, long long lo, long long hi) {
    if (*v < lo || *v > hi) {
        throw InputError("trygg run: --" + std::string(name) + ": value " + std::to_string(*v) + " is out of range [" +
                         std::to_string(lo) + ", " + std::to_string(hi) + "]");
    }
    return *v;
}

RunArgs parse(const std::vector<std::string>& args, std::ostream& out, bool& help) {
    const po::variables_map vm = parse_command_line(args, run_options(), {"scenario"}, "run");
    help = vm.count("help") > 0;
    if (help) {
        print_run_help(out);
        return {};
    }
    RunArgs a;
    if (!vm.count("scenario"))
        throw InputError("trygg run: no scenario file given (e.g. trygg run scenarios/baseline.yaml)");
    a.scenario = shipped_path(vm["scenario"].as<std::string>()).string();
    if (vm.count("output")) a.output = vm["output"].as<std::string>();
    auto get = [&](const char* k) -> std::optional<long long> {
        if (vm.count(k)) return vm[k].as<long long>();
        return std::nullopt;
    };
    a.replicates = get("replicates");
    a.weeks = get("weeks");
    a.seed = get("seed");
    a.threads = get("threads");
    if (vm.count("max-memory")) a.max_memory = vm["max-memory"].as<std::string>();
    if (vm.count("save-state")) a.save_state = vm["save-state"].as<std::string>();
    if (vm.count("from-state")) a.from_state = vm["from-state"].as<std::string>();
    a.quiet = vm.count("quiet") > 0;
    a.events = vm.count("events") > 0;
    return a;
}

// Every replicate's results are held until the file is written, once per replicate and once
// more when they are put together; the replicates running at once also need their state.
// Checkpoints: every replicate's state read (`state_copies` 1) and/or kept to be written (1
// more), each about the working state of a replicate (29 MB for Borlänge, measured).
void check_run_memory(const RunSetup& setup, const ScenarioConfig& scenario, int threads, std::uint64_t limit,
                      int state_copies) {
    const double replicates = scenario.replicates;
    const double at_once = std::min(replicates, static_cast<double>(threads));
    const double working = static_cast<double>(working_bytes_per_replicate(setup));
    const double need = replicates * 2.0 * static_cast<double>(result_bytes_per_replicate(setup, scenario.weeks)) +
                        at_once * working + replicates * state_copies * working;
    check_memory(need, limit, "trygg run",
                 std::to_string(scenario.replicates) + " replicate(s) × " + std::to_string(scenario.weeks) + " weeks",
                 "run fewer replicates or weeks");
}

// Checkpoint and branch: the state continued (--from-state), the one kept (--save-state).
struct Checkpoints {
    std::optional<StateFile> from;
    StateFile saved;
};

// Reads --from-state. A continuation's --weeks counts the weeks it adds to the state's
// (without it, the scenario's horizon is the whole); its file holds them all.
Checkpoints read_checkpoints(const RunArgs& a, ScenarioConfig& scenario) {
    Checkpoints states;
    if (!a.from_state.empty()) states.from = read_state_file(a.from_state);
    const int saved_weeks = states.from ? states.from->header.weeks : 0;
    if (a.weeks) scenario.weeks = saved_weeks + static_cast<int>(checked(a.weeks, "weeks", 1, kMaxWeeks));
    if (scenario.weeks > kMaxWeeks)
        throw InputError("trygg run: --from-state " + a.from_state + ": its " + std::to_string(saved_weeks) +
                         " weeks and --weeks " + std::to_string(scenario.weeks - saved_weeks) + " exceed " +
                         std::to_string(kMaxWeeks) + " weeks in all");
    return states;
}

// No output replaces an input (the state continued included), and the state may be
// continued by this scenario.
void check_checkpoints(const RunArgs& a, const fs::path& output, const ScenarioConfig& scenario, const RunSetup& setup,
                       const Checkpoints& states) {
    std::vector<RoledPath> inputs = inputs_of(scenario, setup);
    if (states.from) inputs.push_back({"the state it continues (--from-state)", a.from_state});
    std::vector<RoledPath> outputs = {{"--output", output}};
    if (!a.save_state.empty()) outputs.push_back({"--save-state", a.save_state});
    check_outputs_apart(outputs, inputs, "trygg run");
    if (states.from)
        check_continuation("trygg run: --from-state " + a.from_state, states.from->header,
                           state_header(scenario, setup, scenario.weeks, a.events), setup.params);
}

}  // namespace

void print_run_help(std::ostream& out) {
    out << "Usage: trygg run SCENARIO.yaml [options]\n"
           "\n"
           "Simulates the scenario's city hour by hour over its horizon (start_date, weeks) for each\n"
           "replicate and writes one HDF5 file: weekly crimes per district and type, crimes per cell,\n"
           "the grid and districts, and full provenance. Then prints crimes per district and type per\n"
           "year, mean over replicates. The same seed gives the same datasets at any --threads.\n"
           "\n"
        << run_options()
        << "\n"
           "A relative SCENARIO path (scenarios/baseline.yaml) is looked up in the working directory,\n"
           "then in the installation's share/trygg.\n"
           "\n"
           "Checkpoint and branch: --save-state STATE.h5 keeps every replicate's whole state at the\n"
           "end; --from-state STATE.h5 continues it (same city, parameters, start date, seed and\n"
           "replicates) for --weeks more weeks, with the state's interventions and any new ones dated\n"
           "on or after the branch. The output holds every week from the start, the state's too, and\n"
           "equals the unbroken run in every dataset.\n"
           "\n"
           "Example:\n"
           "  trygg run scenarios/baseline.yaml -o results/baseline.h5 --replicates 4 --weeks 52\n"
           "  trygg run scenarios/baseline.yaml -o warm.h5 --weeks 104 --save-state warm_state.h5\n"
           "  trygg run scenarios/branch.yaml --from-state warm_state.h5 --weeks 52 -o branch.h5\n";
}

int run_command(const std::vector<std::string>& args, const std::string& command_line, std::ostream& out,
                std::ostream& err) {
    bool help = false;
    const RunArgs a = parse(args, out, help);
    if (help) return 0;
    const auto started = std::chrono::steady_clock::now();

    ScenarioConfig scenario = load_scenario_config(a.scenario);
    if (a.replicates) scenario.replicates = static_cast<int>(checked(a.replicates, "replicates", 1, kMaxReplicates));
    if (a.seed) scenario.seed = static_cast<std::uint64_t>(checked(a.seed, "seed", 0, 9007199254740992LL));
    Checkpoints states = read_checkpoints(a, scenario);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const int threads = a.threads ? static_cast<int>(checked(a.threads, "threads", 1, 1024)) : static_cast<int>(cores);
    const fs::path output = a.output.empty() ? fs::path(scenario.file.stem().string() + ".h5") : fs::path(a.output);
    check_output_path(output, "trygg run");
    if (!a.save_state.empty()) check_output_path(a.save_state, "trygg run");
    const RunSetup setup = prepare_run(scenario);
    check_checkpoints(a, output, scenario, setup, states);
    const int state_copies = (states.from ? 1 : 0) + (a.save_state.empty() ? 0 : 1);
    check_run_memory(setup, scenario, threads, memory_limit(a.max_memory, "trygg run"), state_copies);
    const City& city = setup.city;

    ProgressLine progress(err, !a.quiet && stderr_is_terminal(), "trygg run");
    RunOptions options{scenario.seed, scenario.replicates, threads, a.events};
    if (states.from) {
        options.from_state = &states.from->replicates;
        options.from_week = states.from->header.weeks;
    }
    if (!a.save_state.empty()) options.save_state = &states.saved.replicates;
    RunOutput result = run_scenario(city, setup.params, setup.timeline, options,
                                    [&](std::int64_t done, std::int64_t total) { progress.update(done, total); });
    progress.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    RunProvenance prov = run_provenance(scenario, setup, threads, seconds);
    prov.scenario_yaml += "\n# trygg command line: " + command_line + "\n";
    if (states.from)
        prov.scenario_yaml += "# continued from the state " + a.from_state + " after " +
                              std::to_string(states.from->header.weeks) + " weeks\n";
    write_run_file(output, prov, result.grid, result.districts, result.results);
    if (!a.save_state.empty()) {
        states.saved.header = state_header(scenario, setup, scenario.weeks, a.events);
        write_state_file(a.save_state, states.saved);
    }

    if (!a.quiet) {
        print_summary(out, result.results, result.districts);
        out << "\nWrote " << output.string() << ": " << scenario.replicates << " replicate(s) × " << scenario.weeks
            << " weeks, seed " << scenario.seed << ", " << threads << " thread(s), " << format_duration(seconds) << " ("
            << static_cast<long long>(static_cast<double>(result.agent_hours) / seconds / 1e6) << " M agent-hours/s)\n";
    }
    return 0;
}

}  // namespace trygg
