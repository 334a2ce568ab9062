#pragma once
// One replicate of the city: a fresh synthetic population and one pass over the horizon.
#include "core/rng.hpp"
#include "core/timeline.hpp"
#include "model/day_plan.hpp"
#include "model/lagesbild.hpp"
#include "model/near_repeat.hpp"
#include "model/occupancy.hpp"
#include "model/sites.hpp"
#include "sim/crime_ledger.hpp"
#include "sim/model_params.hpp"
#include "sim/replicate_state.hpp"
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

// What the hour step reads from the rest of the replicate before an hour's offences, and the
// occupancy it keeps: the population and routine agents (the youth layer changes them
// weekly), the sites (the deployment's lighting and cameras, the safety layer's collective
// efficacy), the layers' per-person factors, the occupancy after the hour's moves and
// visitors, the near-repeat fields and the EST picture that steers the adaptive units.
struct HourStepState {
    const Population& population;
    const RoutineAgents& agents;
    const Sites& sites;
    const YouthLayer& youth;
    const SafetyLayer& safety;
    const Occupancy& occupancy;
    const NearRepeatField& near_repeat;
    const Lagesbild& lagesbild;  // the EST picture of the week closed last
};

// Watches a replicate's hour step without changing it, for the independent reference model of
// tests/reference (OpenMM's reference platform): the reference plans each person from the same
// context, then recomputes every hour by plain loops and checks the engine's results.
class HourStepObserver {
public:
    virtual ~HourStepObserver() = default;
    // At 04:00, after the engine planned model day `day` from `context`.
    virtual void day_planned(int day, const DayPlanContext& context) = 0;
    // In simulation hour `hour`, after its moves and visitors, just before its offences (an
    // arrest may end a membership, so the layers' factors are read before any crime).
    virtual void offences_due(int hour, const HourStepState& state) = 0;
};

// Checkpoint and branch (sim/replicate_state.hpp): continue from a state saved at the end of
// week `from_week` (the replicate is built afresh, then the state restored into it), and/or
// save the state at the end of the horizon.
struct ReplicateResume {
    const ReplicateState* from = nullptr;
    int from_week = 0;  // weeks the state has simulated
    ReplicateState* save = nullptr;
};

// Runs replicate `key.replicate`. Results depend only on (city, params, timeline, key) —
// never on the number of threads — and a run resumed from a state saved after W weeks gives
// the results of the unbroken run (its output holds every week, the saved ones too).
ReplicateOutput run_replicate(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key,
                              const WeekDone& on_week = {}, bool keep_events = false,
                              HourStepObserver* observer = nullptr, const ReplicateResume& resume = {});

}  // namespace trygg
