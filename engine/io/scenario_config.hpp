#pragma once
// A scenario file: which city, when, how long, how many replicates, which seed.
// scenarios/baseline.yaml is the baseline; later scenarios extend it with interventions.
#include "core/calendar.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace trygg {

struct ScenarioConfig {
    std::filesystem::path file;
    std::string text;                 // the file as written, for provenance
    std::filesystem::path city_file;  // resolved relative to the scenario file
    Date start_date;
    int weeks = 0;
    int replicates = 0;
    std::uint64_t seed = 0;
    bool adaptive_steering = false;  // steering: adaptive (patrols follow the EST picture) or static
};

inline constexpr int kMaxWeeks = 52 * 10 + 3;  // DESIGN §3.2: horizons up to 10 years
inline constexpr int kMaxReplicates = 10000;

ScenarioConfig load_scenario_config(const std::filesystem::path& file);

}  // namespace trygg
