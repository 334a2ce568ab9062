#pragma once
// An independent reference model of the hour step (OpenMM's reference platform): a deliberately
// naive, serial recomputation of every hour, by plain loops over people, that the fast engine
// (sim/replicate.cpp) must match draw for draw.
//
// What it recomputes on its own, from the model's documented rules (docs/model.md §4–§6b):
// - each person's day (reference_planner.hpp: blocks, times, destinations, closed venues,
//   avoiding the night, programmes), from the routine parameters with no day tables and no
//   choice tables, compared with the engine's planner run for that person alone;
// - who is where: each person's slot every hour from that person's own plan (no move buckets,
//   no chunks, no incremental counts: everyone is counted afresh every hour), visitors from
//   the places' traits, and the occupancy per site and kind, compared with the engine's;
// - the sites' lighting, cameras and monitoring each hour from the scenario's items, their
//   windows (its own reading of "the small hours belong to the evening before") and the camera
//   posts on duty (no signature, no rebuild-on-change), compared with the engine's; patrol,
//   field-worker and camera-post beats (3×3 cells around each unit) and their shifts; each
//   week, adaptive units sent to the EST picture's hotspots for their hours, units of one
//   kind and hours sharing them out best first;
// - the offenders' hour: arrest spells, the search move towards attractive cells, the
//   setting (darkness, weekend, festive night, units on duty), the near-repeat factor, the
//   deciding draw, the type, displacement to a neighbouring cell and its second draw;
// - the near-repeat fields B per type, updated once a model day at 04:00 (spread η to the
//   four neighbours with reflecting edges, decay ω, θ per crime of the day), by a plain loop,
//   compared with the engine's every hour;
// - every crime: hour, cell, district, type, offender, victim group, who reported it, arrest;
// - disorder and fires (their own stream, drawn where the offender stands after the search
//   move, whatever the crime rates), tallied by week, district and type with who knew.
//
// What it shares with the engine, and why:
// - the day's planning inputs from the engine's planning context: the routine agents, today's
//   programmes with their uptake and catchments (the deployment's) and who avoids the night
//   (the safety layer's);
// - the per-event formulas, which retyping would only copy: offence_rates (the rate of each
//   type at a setting, given the counts this model made), incident_rates, victim_of,
//   draw_aftermath and draw_incident_reports (reporting and arrest draws), spread_benefit
//   (diffusion of benefit over the sites it rebuilt), and build_sites for the static
//   description of the sites;
// - what the weekly and daily layers keep, read from the engine each hour: the population
//   and routine agents (who offends, ages, homes), the sites' collective efficacy, members'
//   violence and drug factors and retaliation after rumours, and the EST picture's hotspots
//   for a unit's hours (Lagesbild::hotspots_in: the kernel density is not recomputed);
// - the Philox streams (core/rng.hpp), keyed as documented: (DayPlan, person, day) for the
//   plans; (Offending, person, hour) lane 0 for the deciding draw, lane 1 for a displaced try,
//   lane 2 for the search move; (Incidents, person, hour) for disorder and fires.
//
// Its own arithmetic picks the type, the search move and the destinations by comparing with
// running sums where the engine subtracts or looks up tables; the two can part only at a
// rounding step (about 1e-16 a draw).
//
// Left out (not checked here): the weekly layers themselves (including the young people's
// weekly exposure the planner adds up), the lägesbild's hotspots themselves, responsible
// alcohol service and the industrial holiday (the small city's weeks have neither).
#include "core/rng.hpp"
#include "core/timeline.hpp"
#include "reference/reference_planner.hpp"
#include "sim/crime_ledger.hpp"
#include "sim/model_params.hpp"
#include "sim/replicate.hpp"
#include "world/city.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace trygg::reference {

// How often the mechanisms acted in the reference's crimes: a check that the comparison
// covers them.
struct Coverage {
    int crimes = 0;
    int searched = 0;       // committed after the search move took the offender next door
    int displaced = 0;      // committed on a displaced second try
    int near_repeat = 0;    // where the type's near-repeat factor was above 1
    int lit_by_item = 0;    // in the dark at a site the scenario's lighting raised
    int under_cameras = 0;  // at a site of the scenario's cameras while on
    int patrolled = 0;      // on a patrol's beat on duty
    int field_workers = 0;  // on the field workers' beat on duty
    int arrests = 0;
    int arrested_skips = 0;      // offender-hours in public skipped for an arrest spell
    int programme_evenings = 0;  // planned evenings out that went on to a programme (a move away to away)
    int steered = 0;             // weekly moves of adaptive units to new cells
};

class ReferenceHourStep final : public HourStepObserver {
public:
    ReferenceHourStep(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key);

    void day_planned(int day, const DayPlanContext& context) override;
    void offences_due(int hour, const HourStepState& state) override;

    const std::vector<CrimeEvent>& events() const { return events_; }
    // Disorder and fires, [week][district][incident type]: all, known to the police, to EST.
    const std::vector<std::int32_t>& incidents_true() const { return incidents_true_; }
    const std::vector<std::int32_t>& incidents_reported() const { return incidents_reported_; }
    const std::vector<std::int32_t>& incidents_est() const { return incidents_est_; }
    const Coverage& coverage() const { return coverage_; }
    // Hours whose occupancy (or lighting and cameras) differed from the engine's, and the first.
    int occupancy_mismatches() const { return occupancy_mismatches_; }
    int site_mismatches() const { return site_mismatches_; }
    int plan_inconsistencies() const { return plan_inconsistencies_; }
    int field_mismatches() const { return field_mismatches_; }
    // Person-days whose plan differed from the engine planner's.
    int planner_mismatches() const { return planner_mismatches_; }
    const std::string& first_mismatch() const { return first_mismatch_; }

private:
    enum class Unit { Patrol, FieldWorkers, Cameras };
    struct Beat {
        Unit unit = Unit::Patrol;
        ActiveWindow when;
        int units = 0;
        bool adaptive = false;             // moved weekly to the EST picture's hotspots
        std::vector<int> cells;            // where the units stand
        std::vector<std::uint8_t> covers;  // [site]
        float coverage = 0.0f;             // camera posts
        bool monitored = false;
        bool on_duty = false;
    };
    void cover(Beat& b) const;
    void steer(const Lagesbild& picture);
    // Setting up from the engine's first hour (the population is the replicate's).
    void start(const HourStepState& state);
    bool window_covers(const ActiveWindow& w, int hour) const;
    void count_people(int hour, const HourStepState& state);
    void rebuild_sites(int hour, const HourStepState& state);
    void end_of_model_day();
    void compare_fields(int hour, const NearRepeatField& engine);
    std::vector<std::int32_t> neighbours(std::int32_t site) const;
    double attractiveness(std::int32_t cell) const;
    void offend(int hour, std::uint32_t person, std::int32_t site, const HourStepState& state, const Occupancy& occ);
    struct Try {
        double total = 0.0, undeterred = 0.0;
        std::array<double, kCrimeTypes> rate{};
        Setting setting;
        double peer = 1.0;  // the peer factor in the rates
        bool patrol = false, field_workers = false;
    };
    Try rates_at(int hour, std::uint32_t person, std::int32_t site, const HourStepState& state,
                 const Occupancy& occ) const;
    void record(int hour, std::uint32_t person, std::int32_t site, const Try& t, double type_draw, double victim_draw,
                const HourStepState& state, const Occupancy& occ, bool searched, bool displaced);
    void mismatch(int& counter, const std::string& what);
    void incident(int hour, std::uint32_t person, const Try& here, const HourStepState& state, const Occupancy& occ);

    const City& city_;
    const ModelParams& params_;
    const Timeline& timeline_;
    CounterRng rng_;
    bool started_ = false;
    Sites base_;   // the sites as built, before any item
    Sites sites_;  // this hour's
    std::vector<Beat> beats_;
    int planned_day_ = -1;
    std::vector<std::vector<PlannedMove>> plans_;               // [person] the model day's moves, in order
    std::vector<std::int32_t> where_;                           // [person] slot this hour, -1 outside the city
    std::vector<std::int32_t> counts_;                          // [site][Presence] this hour
    std::vector<std::uint8_t> lit_by_item_, camera_item_;       // [site] raised by an active item this hour
    std::array<std::vector<double>, kCrimeTypes> field_;        // [type][cell] near-repeat B, empty when off
    std::array<std::vector<std::int32_t>, kCrimeTypes> today_;  // [type] cells of the model day's crimes
    std::vector<int> free_from_;                                // [person] first hour back after an arrest
    std::vector<CrimeEvent> events_;
    std::vector<std::int32_t> incidents_true_, incidents_reported_, incidents_est_;
    Coverage coverage_;
    int occupancy_mismatches_ = 0, site_mismatches_ = 0, plan_inconsistencies_ = 0, field_mismatches_ = 0,
        planner_mismatches_ = 0;
    std::unique_ptr<ReferencePlanner> planner_;
    std::string first_mismatch_;
};

}  // namespace trygg::reference
