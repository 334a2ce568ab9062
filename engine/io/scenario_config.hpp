#pragma once
// A scenario file: which city, when, how long, how many replicates, which seed — and, for
// anything but the baseline, the measures it adds and the parameters it changes.
//
//   extends: baseline.yaml          # everything of the baseline, then this file's changes
//   description: Lighting along Tjärna Ängar's paths
//   overrides:                      # city-config parameters, by dotted path
//     offending.displacement: 0.3
//   interventions:                  # the catalogue: docs/scenarios.md
//     - name: Path lighting, Tjärna Ängar
//       kind: lighting
//       where: {district: Tjärna Ängar}
//       when: {start: 2025-03-01}
//       intensity: 0.9
//       cost: {investment_sek: 4.0e6, running_sek_per_year: 1.5e5}
//
// Top-level keys of the file replace those of the scenario it extends; overrides replace
// the same path; interventions are added after the extended scenario's. What needs the city
// (district and place names, polygons, cells) is checked by resolve_interventions().
#include "core/calendar.hpp"
#include "io/city_config.hpp"
#include "policy/intervention.hpp"
#include "world/city.hpp"
#include "world/geometry.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

// An intervention as written: everything checkable without the city already checked.
struct InterventionSpec {
    Intervention item;  // kind, window hours and days, intensity, units, costs…
    Blame at;           // the item itself
    // Where, as written (exactly one is used; `adaptive` for mobile units).
    std::string district;
    Blame district_at;
    std::vector<std::string> places;
    std::vector<Blame> place_at;
    std::vector<GeoPoint> polygon;  // WGS 84 longitude/latitude
    Blame polygon_at;
    std::vector<std::array<int, 2>> cells;  // [column, row] of the grid
    std::vector<Blame> cell_at;
    Blame where_at;  // the `where` key itself
    // When, as written; days are counted from the run's start once that is known.
    std::optional<Date> start, end;
    Blame when_at;
};

struct ScenarioConfig {
    std::filesystem::path file;
    std::string name;                          // the file's stem: "baseline", "lighting_tjarna"
    std::string text;                          // every file of the extends chain, base first, for provenance
    std::vector<std::filesystem::path> files;  // every file of the extends chain, base first
    std::filesystem::path city_file;           // resolved relative to the file that names it
    Date start_date;
    int weeks = 0;
    int replicates = 0;
    std::uint64_t seed = 0;
    bool adaptive_steering = false;  // steering: adaptive (patrols follow the EST picture) or static
    std::string description;
    std::vector<ParameterOverride> overrides;
    std::vector<InterventionSpec> interventions;
};

inline constexpr int kMaxWeeks = 52 * 10 + 3;  // DESIGN §3.2: horizons up to 10 years
inline constexpr int kMaxReplicates = 10000;
inline constexpr double kMaxSeed = 9007199254740992.0;  // 2^53: survives JSON and Python
inline constexpr int kMaxExtendsDepth = 32;
inline constexpr double kMaxCostSek = 1e12;  // investment or running cost a year: about Sweden's yearly GDP / 6 //
                                             // files in one extends chain, the scenario included

// Reads the file and every file it extends. ConfigError (file, line, key) for anything
// wrong, including a chain that comes back to a file already in it.
ScenarioConfig load_scenario_config(const std::filesystem::path& file);

// The scenario's interventions on the built city, with dates counted from the start date
// (an item before or after the run simply never acts). `grid_crs` is the city config's grid CRS (for polygons).
// ConfigError naming the scenario file's line for a district or place that does not exist, a polygon or cell outside
// the grid, a programme at a place that is no venue for young people, ANDTS prevention at venues whose area has no
// night-life venue, or two items of the same kind acting on the same cells (and, for social measures, the same ages)
// at the same time.
InterventionPlan resolve_interventions(const ScenarioConfig& scenario, const City& city, const std::string& grid_crs);

}  // namespace trygg
