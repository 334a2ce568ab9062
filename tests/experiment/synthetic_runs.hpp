#pragma once
// A run made by hand for the comparison tests: every array of a RunResults present (so
// write_run_file accepts it), the youth tallies among them, and all counts zero, for the test
// to fill in what it checks. A test that adds interventions sizes youth.participants too.
// Grid: ny × nx cells of 100 m, all in the study area; district 0 west of the middle, 1 east.
#include "experiment/compare.hpp"
#include "sim/results.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace trygg::testing {

struct SyntheticRun {
    std::string label;
    RunProvenance provenance;
    GridDescription grid;
    DistrictTable districts;
    RunResults results;

    ComparedRun compared() const { return {label, grid, districts, results}; }

    // Index into crimes_true / crimes_reported / crimes_est.
    std::size_t weekly(int replicate, int week, int district, int type) const {
        const RunResults& r = results;
        return ((static_cast<std::size_t>(replicate) * static_cast<std::size_t>(r.weeks) +
                 static_cast<std::size_t>(week)) *
                    static_cast<std::size_t>(r.districts) +
                static_cast<std::size_t>(district)) *
                   static_cast<std::size_t>(r.crime_types) +
               static_cast<std::size_t>(type);
    }
    // Index into victims [replicate][group][district].
    std::size_t victim(int replicate, int group, int district) const {
        return (static_cast<std::size_t>(replicate) * results.victim_group_names.size() +
                static_cast<std::size_t>(group)) *
                   static_cast<std::size_t>(results.districts) +
               static_cast<std::size_t>(district);
    }
    // Index into crimes_by_hour [replicate][clock hour][type].
    std::size_t by_hour(int replicate, int hour, int type) const {
        return (static_cast<std::size_t>(replicate) * 24 + static_cast<std::size_t>(hour)) *
                   static_cast<std::size_t>(results.crime_types) +
               static_cast<std::size_t>(type);
    }
    // Index into weekly_hotspots_true [replicate][week].
    std::size_t week(int replicate, int week) const {
        return static_cast<std::size_t>(replicate) * static_cast<std::size_t>(results.weeks) +
               static_cast<std::size_t>(week);
    }
    // Index into youth_public_hours [replicate][hour of week].
    std::size_t youth(int replicate, int hour_of_week) const {
        return static_cast<std::size_t>(replicate) * 168 + static_cast<std::size_t>(hour_of_week);
    }
    // Index into the youth tallies [replicate][week][district] (members, recruits, offences …).
    std::size_t youth_week(int replicate, int week, int district) const {
        const RunResults& r = results;
        return (static_cast<std::size_t>(replicate) * static_cast<std::size_t>(r.weeks) +
                static_cast<std::size_t>(week)) *
                   static_cast<std::size_t>(r.districts) +
               static_cast<std::size_t>(district);
    }
    // Index into youth.substance_use [replicate][week][district][level].
    std::size_t substance(int replicate, int week, int district, int level) const {
        return youth_week(replicate, week, district) * results.youth.substance_levels.size() +
               static_cast<std::size_t>(level);
    }
    // Index into crimes_cells.
    std::size_t cell(int replicate, int type, int y, int x) const {
        const RunResults& r = results;
        return ((static_cast<std::size_t>(replicate) * static_cast<std::size_t>(r.crime_types) +
                 static_cast<std::size_t>(type)) *
                    static_cast<std::size_t>(r.ny) +
                static_cast<std::size_t>(y)) *
                   static_cast<std::size_t>(r.nx) +
               static_cast<std::size_t>(x);
    }
};

inline SyntheticRun synthetic_run(const std::string& label, int replicates, int weeks = 2, int ny = 5, int nx = 5) {
    SyntheticRun s;
    s.label = label;
    const auto R = static_cast<std::size_t>(replicates);
    const auto W = static_cast<std::size_t>(weeks);
    const auto cells = static_cast<std::size_t>(ny) * static_cast<std::size_t>(nx);

    RunProvenance& p = s.provenance;
    p.trygg_version = "test";
    p.git_commit = "unknown";
    p.city_file = "configs/borlange.yaml";
    p.scenario_file = "scenarios/" + label + ".yaml";
    p.start_date = "2025-01-06";
    p.seed = 1;
    p.replicates = replicates;
    p.weeks = weeks;
    p.threads = 1;

    GridDescription& g = s.grid;
    g.nx = nx;
    g.ny = ny;
    g.x0 = 532050.0;
    g.y0 = 6700050.0;
    g.cell_size = 100.0;
    for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) g.district.push_back(2 * x < nx ? 0 : 1);
    }
    g.deso = g.district;
    g.population.assign(cells, 10);

    s.districts.names = {"Centrum", "Tjärna Ängar"};
    s.districts.codes = {"2081R001", "2081R013"};
    s.districts.population = {5000, 4000};

    RunResults& r = s.results;
    r.replicates = replicates;
    r.weeks = weeks;
    r.districts = 2;
    r.crime_types = 2;
    r.ny = ny;
    r.nx = nx;
    r.crime_type_names = {"burglary", "robbery"};
    r.crimes_true.assign(R * W * 2 * 2, 0);
    r.crimes_reported = r.crimes_true;
    r.crimes_est = r.crimes_true;
    r.crimes_cells.assign(R * 2 * cells, 0);
    r.crimes_cells_est = r.crimes_cells;
    r.victim_group_names = {"resident", "business", "visitor"};
    r.victims.assign(R * 3 * 2, 0);
    r.reporter_names = {"police"};
    r.arrests.assign(R, 0);
    r.hotspots_true.assign(R * cells, 0);
    r.hotspots_est = r.hotspots_true;
    r.kde_top_est = r.hotspots_true;
    r.patrol_weeks = r.hotspots_true;
    r.weekly_hotspots_true.assign(R * W, 0);
    r.weekly_hotspots_est = r.weekly_hotspots_true;
    r.weekly_hotspots_both = r.weekly_hotspots_true;
    r.cell_shares = {0.5, 1.0};
    r.concentration.assign(R * 2, 0.0);
    r.crime_shares = {0.5};
    r.cells_holding.assign(R, 0.0);
    r.crimes_by_hour.assign(R * 24 * 2, 0);
    r.youth_public_hours.assign(R * 168, 0);
    r.treated.assign(cells, 0);
    auto& y = r.youth;
    y.members.assign(R * W * 2, 0);
    y.associates = y.members;
    y.recruits = y.members;
    y.offences = y.members;
    y.school_failure = y.members;
    y.propensity_mean.assign(R * W * 2, 0.0f);
    y.substance_levels = {"alcohol_experimenting", "alcohol_regular", "narcotics_experimenting", "narcotics_regular"};
    y.substance_use.assign(R * W * 2 * 4, 0);
    y.years = (weeks + 51) / 52;
    y.offences_by_age.assign(R * static_cast<std::size_t>(y.years) * 101, 0);
    y.residents_by_age.assign(y.offences_by_age.size(), 0);
    y.substance_by_age.assign(y.offences_by_age.size() * 4, 0);
    y.participants.clear();  // no interventions
    auto& f = r.safety;
    f.quarters = (weeks + 12) / 13;
    const auto Q = static_cast<std::size_t>(f.quarters);
    f.signal_names = {"violence", "disorder", "network", "dealing", "night_presence", "victimisation", "turnover"};
    f.component_names = {"public_violence", "open_dealing", "unreported", "members", "recruitment", "unsafe"};
    f.signals.assign(R * W * 2 * f.signal_names.size(), 0.0f);
    f.unsafe_weekly.assign(R * W * 2, 0.0f);
    f.unsafe_share.assign(R * Q * 2, 0.0f);
    f.avoided_share = f.unsafe_share;
    f.gang_problems = f.unsafe_share;
    f.dealing_problems = f.unsafe_share;
    f.collective_efficacy = f.unsafe_share;
    f.risk_score = f.unsafe_share;
    f.risk_class.assign(R * Q * 2, 0);
    f.components.assign(R * Q * 2 * f.component_names.size(), 0.0f);
    f.risk_trend.assign(R * 2, 0);
    f.rumours_started.assign(R * W * 2, 0);
    f.rumours_exposed.assign(R * W * 2, 0);
    r.incident_type_names = {"disorder", "fire"};
    r.incidents_true.assign(R * W * 2 * 2, 0);
    r.incidents_reported = r.incidents_true;
    r.incidents_est = r.incidents_true;
    return s;
}

// The comparison's estimate of `outcome` / `key`, or a test failure when it has none.
inline const Estimate& outcome_of(const Comparison& c, const std::string& outcome, const std::string& key) {
    for (const Estimate& e : c.outcomes) {
        if (e.outcome == outcome && e.key == key) return e;
    }
    ADD_FAILURE() << "no outcome " << outcome << "/" << key;
    static const Estimate none;
    return none;
}

}  // namespace trygg::testing
