#pragma once
// The state file of `trygg run --save-state` / `--from-state` (docs/hdf5-layout.md, "State
// files"): every replicate's whole simulation state after W weeks (sim/replicate_state.hpp),
// with what it may be continued with: the same trygg build, city, model parameters, start
// date, seed and replicates, and the same interventions before any a branch adds.
#include "io/run_setup.hpp"
#include "io/scenario_config.hpp"
#include "sim/replicate_state.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace trygg {

// Bumped whenever the layout of the file changes; a reader refuses any other.
inline constexpr std::int32_t kStateFormatVersion = 1;

struct StateHeader {
    std::string trygg_version;  // version and git commit: the arrays are this build's
    std::string city;           // FNV-1a of the city config, its data files and the scenario's parameters
    std::string start_date;     // ISO date of the first simulated day
    std::uint64_t seed = 0;
    int replicates = 0;
    int weeks = 0;                           // weeks simulated
    bool events = false;                     // the event log was kept (a continuation with --events needs it)
    std::vector<std::string> interventions;  // per item: its name and fingerprint
};

struct StateFile {
    StateHeader header;
    std::vector<ReplicateState> replicates;
};

// What a run of `scenario` on `setup` is, for its state (weeks: those it simulates; `extra`:
// a sweep point's overrides, as given to prepare_run).
StateHeader state_header(const ScenarioConfig& scenario, const RunSetup& setup, int weeks, bool events,
                         const std::vector<ParameterOverride>& extra = {});

// Written to a temporary file and renamed when complete; OutputError when it cannot be.
void write_state_file(const std::filesystem::path& path, const StateFile& state);
// InputError naming the file for anything that is not a complete state file of this format.
StateFile read_state_file(const std::filesystem::path& path);

// InputError, one line beginning with `subject` (the command and the state file), when a run
// described by `now` (its weeks: the
// horizon after the continuation) cannot continue `saved`: another trygg, city or model
// parameters, start date, seed, replicate count; interventions of the state changed, or one
// a branch adds that starts before the state's last week ends or moves with the EST picture
// (adaptive units are steered weekly from the first week, so the state would lack their past).
void check_continuation(const std::string& subject, const StateHeader& saved, const StateHeader& now,
                        const ModelParams& params);

}  // namespace trygg
