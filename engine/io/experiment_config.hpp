#pragma once
// An experiment file (configs/experiments/*.yaml): scenarios to compare, replicates,
// horizon and seed shared by all of them, and optionally a sweep over city-config
// parameters, every scenario run at every sweep point.
//
//   scenarios: [../../scenarios/baseline.yaml, ../../scenarios/combined.yaml]
//   replicates: 10
//   weeks: 52
//   seed: 20251
//   sweep:
//     method: grid            # every combination; or latin_hypercube with `points`
//     parameters:
//       offending.displacement: [0.0, 0.25, 0.5]          # grid: the values
//       field_workers.youth_guardian_weight: [3, 6, 9]
//       # latin_hypercube, morris, sobol: [low, high] per parameter
//
// Sensitivity designs (experiment/design.hpp, docs/comparison.md):
//     method: morris          # trajectories: r (default 10), levels: p (default 4, even),
//                             # candidates: M (optional: keep the r of M that spread best)
//     method: sobol           # base_samples: N, the rows of A and B; N (k + 2) points
//
// The same seed and replicate numbers in every scenario and point: common random numbers.
#include "experiment/design.hpp"
#include "io/city_config.hpp"
#include "io/scenario_config.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace trygg {

struct SweepPoint {
    std::vector<ParameterOverride> values;  // one per swept parameter
    std::vector<double> numbers;            // the same values as numbers
};

// One run of the experiment: a scenario at a sweep point.
struct ExperimentRunSpec {
    std::string group;  // "baseline", or "baseline.p004" at sweep point 4
    ScenarioConfig scenario;
    SweepPoint point;
};

struct ExperimentConfig {
    std::filesystem::path file;
    std::string text;
    int replicates = 0;
    int weeks = 0;
    std::uint64_t seed = 0;
    // A shared warm-up: the state file (trygg run --save-state) every run continues from;
    // `weeks` is then the whole horizon, the warm-up's weeks included. Empty: none.
    std::filesystem::path warm_up;
    std::vector<std::string> sweep_paths;
    SweepDesign design;                   // the sweep's points and their roles (no parameters: no sweep)
    std::vector<ExperimentRunSpec> runs;  // scenarios in file order, each over all points
};

inline constexpr int kMaxSweepPoints = 10000;
inline constexpr int kDefaultMorrisTrajectories = 10;
inline constexpr int kDefaultMorrisLevels = 4;
inline constexpr int kMaxMorrisCandidates = 1000;

// The group of a scenario's run at sweep point `point`: "baseline.p004".
std::string sweep_group(const std::string& scenario, std::size_t point);

// ConfigError (file, line, key) for anything wrong: a scenario file that cannot be read (its
// own errors name it), two scenarios with one name, an empty or unknown sweep method, a grid
// value list that is empty, an inverted range, Morris levels that are odd or fewer than 2,
// fewer than 2 trajectories or base samples, a design of more than kMaxSweepPoints points. A sweep path that does not
// exist in the city config is reported when the runs are prepared (prepare_run), at this file's line.
ExperimentConfig load_experiment_config(const std::filesystem::path& file);

}  // namespace trygg
