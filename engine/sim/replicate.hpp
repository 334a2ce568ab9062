#pragma once
// One replicate of the city: a fresh synthetic population and one pass over the horizon.
#include "core/rng.hpp"
#include "core/timeline.hpp"
#include "model/lagesbild.hpp"
#include "sim/crime_ledger.hpp"
#include "sim/model_params.hpp"
#include "sim/safety_layer.hpp"
#include "sim/youth_layer.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace trygg {

struct ReplicateOutput {
    std::vector<std::int32_t> weekly;             // [week][district][type], true events
    std::vector<std::int32_t> weekly_reported;    // [week][district][type], registered by the police
    std::vector<std::int32_t> weekly_est;         // [week][district][type], known to the EST picture
    std::vector<std::int32_t> by_cell;            // [type][cell], true events
    std::vector<std::int32_t> by_cell_est;        // [type][cell], known to the EST picture
    std::vector<std::int32_t> victims;            // [victim group][district]
    std::vector<CrimeEvent> events;               // when asked for
    std::vector<std::int32_t> hotspots_true;      // [cell] weeks the cell was a Gi* hotspot of true crime
    std::vector<std::int32_t> hotspots_est;       // [cell] … of the EST picture
    std::vector<std::int32_t> kde_top_est;        // [cell] weeks among the EST picture's top-k KDE cells
    std::vector<WeeklyHotspots> weekly_hotspots;  // [week]
    std::vector<PictureEntry> picture;            // the weekly true picture, sparse
    std::vector<std::int32_t> patrol_weeks;       // [cell] weeks the cell was in a patrol's beat
    std::vector<std::int32_t> residents;          // [cell] synthetic residents
    std::vector<std::int32_t> by_hour;            // [clock hour][type], true events in the study area
    std::vector<std::int64_t> youth_public;       // [hour of week] person-hours of 12–17-year-olds in public space
    std::vector<std::uint8_t> treated;            // [cell] cells the scenario's measures act on
    YouthTallies youth;                           // the youth layer's weekly tallies
    SafetyTallies safety;                         // insecurity, collective efficacy, the risk-area indicator
    // Disorder and fires, [week][district][incident type]: all, those that reached the
    // police, those known to any EST actor (the police included).
    std::vector<std::int32_t> incidents_true, incidents_reported, incidents_est;
    std::int64_t agent_hours = 0;
    std::int64_t arrests = 0;
};

// Called after each simulated week with the number of weeks done; may be called from a
// worker thread.
using WeekDone = std::function<void(int)>;

// Runs replicate `key.replicate`. Results depend only on (city, params, timeline, key) —
// never on the number of threads.
ReplicateOutput run_replicate(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key,
                              const WeekDone& on_week = {}, bool keep_events = false);

}  // namespace trygg
