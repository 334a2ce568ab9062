#pragma once
// The scenario's measures as the simulation meets them, hour by hour (DESIGN §3.11). The
// deployment owns every mobile unit (the city's police and the scenario's patrols, field
// workers and camera posts), switches the situational items on and off with their windows,
// and keeps the sites' lighting and camera coverage current. Nothing here touches a crime
// count: the offending rule reads the sites and what the units add to a setting.
#include "core/error.hpp"
#include "core/timeline.hpp"
#include "model/day_plan.hpp"
#include "model/day_tables.hpp"
#include "model/offending.hpp"
#include "model/policing.hpp"
#include "model/sites.hpp"
#include "policy/intervention.hpp"
#include "policy/mobile_units.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace trygg {

class Deployment {
public:
    // `sites` is the replicate's own: its lighting and camera coverage change with the items.
    // `agents` tell who lives within each programme's catchment.
    Deployment(const City& city, Sites& sites, const RoutineAgents& agents, const InterventionPlan& plan,
               const PolicingParams& police, const FieldWorkerParams& field_workers, double diffusion_of_benefit,
               double venue_alcohol_reduction, const Timeline& timeline);

    // Start of each simulated hour: which units are on duty; when the active situational
    // items change, recompute the sites' lighting and cameras.
    void begin_hour(int hour);
    // What the units on duty add at a site this hour, for an offender of this age group.
    void add_units(Setting& setting, std::int32_t site, bool youth) const;
    // × the arrest probability at a site this hour (patrols on duty).
    double arrest_factor(std::int32_t site) const;
    // Weekly, after the EST meeting: adaptive units move to the picture's hotspots for the
    // hours they work — `hotspots(works)` with works(hour) true in their clock hours and
    // weekdays, whatever the date (the city's patrols: the police shift, every day). Units of
    // one kind and the same hours share them out, best first.
    using HotspotsFor = std::function<std::vector<int>(const std::function<bool(int hour)>& works)>;
    void steer(const HotspotsFor& hotspots);
    // 1 where any police patrol stands this week (for /hotspots/patrol_weeks).
    bool patrolled(std::int32_t site) const;
    // [site] 1 where field workers stand this week: the young people they meet there can be
    // referred to the social measures (DESIGN §3.11: "field workers gain contacts").
    std::vector<float> field_worker_sites() const;
    // Cells any item acts on: static areas, venues, and every cell a unit has stood in.
    const std::vector<std::uint8_t>& treated_cells() const { return treated_; }
    // Which home sites each programme reaches (bit k: programme k), for the day planner.
    const ProgrammeReach& reach() const { return reach_; }
    // Programmes running on model day `day`, each with its uptake for that day: capped so that
    // the expected attendance — the young people of its catchment the day tables send out
    // that evening, × uptake — stays within its capacity.
    std::vector<ProgrammeDay> programmes_on(int day, const DayTables& tables) const;
    // Counts again who the programmes can draw, after the population has changed (weekly).
    void count_programme_youth(const RoutineAgents& agents);

    // Saving and restoring a replicate's state (sim/replicate_state.hpp). A branch's plan may
    // have more items after the saved ones: their unit groups come after the saved groups and
    // keep their fresh state; the treated cells are merged. The sites are rebuilt at the next
    // hour, and the programmes' youth is counted again by the caller (count_programme_youth)
    // from the restored agents, as on the Monday before.
    template <class Archive>
    void persist(Archive& a) {
        std::size_t groups = groups_.size();
        a.field("groups", groups);
        if (groups > groups_.size()) throw InputError("the state has more unit groups than this scenario's plan");
        for (std::size_t k = 0; k < groups; ++k) {
            a.nested("group." + std::to_string(k), groups_[k].units);
            a.field("group." + std::to_string(k) + ".on_duty", groups_[k].on_duty);
        }
        std::vector<std::uint8_t> treated = treated_;
        a.field("treated", treated);
        if constexpr (Archive::restoring) {
            if (treated.size() != treated_.size()) throw InputError("the state's treated cells are of another grid");
            for (std::size_t c = 0; c < treated.size(); ++c) treated_[c] |= treated[c];
            signature_ = ~0ull;
        }
    }

private:
    struct UnitGroup {
        InterventionKind kind;
        ActiveWindow when;
        double intensity = 0.0;  // camera coverage, for camera posts
        bool monitored = false;
        bool city_police = false;  // the city config's patrols, there in every scenario
        MobileUnits units;
        bool on_duty = false;
    };
    bool covers(const ActiveWindow& when, int hour) const;
    void rebuild_sites();
    void mark_treated(const UnitGroup& group);

    const City& city_;
    Sites& sites_;
    InterventionPlan plan_;  // a copy: small, and safe whatever the caller keeps
    PolicingParams police_;
    FieldWorkerParams field_workers_;
    double diffusion_ = 0.0;
    double venue_alcohol_reduction_ = 0.0;
    const Timeline& timeline_;
    std::vector<float> base_lighting_, base_cameras_;
    std::vector<std::uint8_t> base_monitored_;
    std::vector<int> fixed_;                            // plan indices of lighting and fixed cameras
    std::vector<int> programmes_;                       // plan indices of programmes (position k = bit k)
    std::vector<std::vector<double>> programme_youth_;  // [programme][routine class] people of its ages it reaches
    std::vector<UnitGroup> groups_;
    std::vector<std::uint8_t> active_fixed_;  // [fixed_ index] active this hour
    std::uint64_t signature_ = ~0ull;         // what the sites were last built for
    std::vector<std::uint8_t> treated_;       // [cell]
    ProgrammeReach reach_;
};

}  // namespace trygg
