#pragma once
// A validation study file (validation/*.yaml): a published evaluation restated as a design
// trygg can run in Borlänge, and the figures to check (experiment/validation.hpp; the keys
// in docs/validation.md).
//
//   title: Street lighting
//   sources: ["Chalfin, A., Hansen, B., Weisburd, J. & Wu, R. (2022). …"]
//   design: >
//     what the study did, and how the Borlänge replication chooses its areas
//   baseline: ../scenarios/baseline.yaml
//   treated: scenarios/lighting_estates.yaml      # for effects; absent for patterns
//   weeks: 52
//   replicates: 8
//   seed: 2022
//   findings:
//     - name: night
//       label: Outdoor crime in the dark, lit estates
//       statistic: percent_change   # wdq, knox_ratio, cells_holding, share, yearly_count
//       area: treated               # study_area, districts, treated, buffer, rest
//       types: [robbery, assault, other_theft, vehicle_theft, vandalism]
//       light: dark                 # any, dark, daylight
//       published: {estimate: -36, interval: [-52, -20], source: Chalfin et al. 2022}
//       expect: overlap             # or gap, with `gap:` naming the missing mechanism
#include "experiment/validation.hpp"
#include "io/scenario_config.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace trygg {

// Districts are named in the file but known only once the city is built: the runner
// resolves them and reports an unknown name at this place.
struct DistrictNames {
    std::vector<std::string> names;
    std::string file;
    int line = 0;
    std::string key;  // dotted path, for the message
};

struct FindingConfig {
    FindingSpec spec;
    DistrictNames districts;
};

struct StudyConfig {
    std::filesystem::path file;
    std::string name;  // the file's stem
    std::string title;
    std::vector<std::string> sources;
    std::string design;
    ScenarioConfig baseline;
    std::optional<ScenarioConfig> treated;
    int weeks = 0;
    int replicates = 0;
    std::uint64_t seed = 0;
    double buffer_m = kDefaultBufferM;
    std::vector<FindingConfig> findings;
};

inline constexpr int kMaxValidationReplicates = 1000;

// ConfigError (file, line, key) for anything wrong: an unknown key (closest valid name), an
// unknown statistic, area, crime type or day, a finding that needs a treated run in a study
// without one, an inverted interval, an expected gap without its reason.
StudyConfig load_study_config(const std::filesystem::path& file);

// The district indices of `names` among the city's; ConfigError at the names' place for one
// that is not there (with the closest name).
std::vector<int> resolve_districts(const DistrictNames& names, const std::vector<std::string>& city_districts);

}  // namespace trygg
