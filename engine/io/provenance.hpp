#pragma once
// What a run file says about how it was made: this trygg, the scenario and city texts, the
// seed, replicates, horizon, threads and wall time (docs/hdf5-layout.md, root attributes).
#include "io/run_setup.hpp"
#include "sim/results.hpp"

namespace trygg {

// The scenario's replicates, weeks and seed as given; callers add to scenario_yaml what
// else shaped the run (the command line, the experiment and sweep point).
RunProvenance run_provenance(const ScenarioConfig& scenario, const RunSetup& setup, int threads, double seconds);

}  // namespace trygg
