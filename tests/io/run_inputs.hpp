#pragma once
// A small run with every field of a run file set to something distinctive, for the tests of
// the run file (test_results_file.cpp) and of its declared layout (test_run_file_layout.cpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/results.hpp"

namespace trygg::test_data {

struct Inputs {
    RunProvenance provenance;
    GridDescription grid;
    DistrictTable districts;
    RunResults results;
};

// A run small enough to check by eye but with every field set to something distinctive:
// UTF-8 names, a seed above 2^63, -1 cells outside the districts.
inline Inputs make_inputs(int replicates, int weeks, int ny, int nx) {
    Inputs in;
    RunProvenance& p = in.provenance;
    p.trygg_version = "0.1.0";
    p.git_commit = "0123456789ab";
    p.city_file = "configs/borlänge.yaml";
    p.scenario_file = "scenarios/baseline.yaml";
    p.city_yaml = "city: Borlänge\ndistricts:\n  - Tjärna Ängar\n  - Centrum\n";
    p.scenario_yaml = "weeks: 3\npolice:\n  patrols: 4\n";
    p.start_date = "2024-01-01";
    p.seed = 0xFEDCBA9876543210ULL;
    p.replicates = replicates;
    p.weeks = weeks;
    p.threads = 8;
    p.wall_seconds = 12.25;

    GridDescription& g = in.grid;
    g.nx = nx;
    g.ny = ny;
    g.x0 = 532150.0;
    g.y0 = 6701050.0;
    g.cell_size = 100.0;
    const auto cells = static_cast<std::size_t>(nx * ny);
    for (std::size_t i = 0; i < cells; ++i) {
        const auto k = static_cast<std::int32_t>(i);
        g.district.push_back(k % 3 == 2 ? -1 : k % 2);
        g.deso.push_back(k % 5 == 4 ? -1 : k % 4);
        g.population.push_back((k * 37) % 101);
    }

    in.districts.names = {"Tjärna Ängar", "Centrum"};
    in.districts.codes = {"2081-TÄ", "2081-C"};
    in.districts.population = {4210, 5123};

    RunResults& r = in.results;
    r.replicates = replicates;
    r.weeks = weeks;
    r.districts = 2;
    r.crime_types = 2;
    r.ny = ny;
    r.nx = nx;
    r.crime_type_names = {"bostadsinbrott", "rån"};
    r.crimes_true.resize(static_cast<std::size_t>(replicates * weeks * 2 * 2));
    for (std::size_t i = 0; i < r.crimes_true.size(); ++i) {
        r.crimes_true[i] = static_cast<std::int32_t>((i * 7) % 11);
    }
    r.crimes_cells.resize(static_cast<std::size_t>(replicates * 2) * cells);
    for (std::size_t i = 0; i < r.crimes_cells.size(); ++i) {
        r.crimes_cells[i] = static_cast<std::int32_t>((i * 3) % 5);
    }
    // Registered and EST counts are subsets of the true ones.
    r.crimes_reported = r.crimes_true;
    r.crimes_est = r.crimes_true;
    for (std::size_t i = 0; i < r.crimes_true.size(); ++i) {
        r.crimes_reported[i] = r.crimes_true[i] / 2;
        r.crimes_est[i] = r.crimes_true[i] - r.crimes_true[i] / 4;
    }
    r.crimes_cells_est = r.crimes_cells;
    for (auto& v : r.crimes_cells_est) v /= 2;
    r.victim_group_names = {"resident", "business", "visitor"};
    r.victims.resize(static_cast<std::size_t>(replicates * 3 * 2));
    for (std::size_t i = 0; i < r.victims.size(); ++i) r.victims[i] = static_cast<std::int32_t>(i % 7);
    r.reporter_names = {"police", "Tunabyggen", "fältgruppen"};
    r.arrests.assign(static_cast<std::size_t>(replicates), 3);
    r.hotspots_true.assign(static_cast<std::size_t>(replicates) * cells, 0);
    for (std::size_t i = 0; i < r.hotspots_true.size(); i += 3) r.hotspots_true[i] = 2;
    r.hotspots_est = r.hotspots_true;
    r.kde_top_est.assign(r.hotspots_true.size(), 1);
    r.patrol_weeks.assign(r.hotspots_true.size(), 2);
    r.weekly_hotspots_true.assign(static_cast<std::size_t>(replicates * weeks), 4);
    r.weekly_hotspots_est.assign(r.weekly_hotspots_true.size(), 3);
    r.weekly_hotspots_both.assign(r.weekly_hotspots_true.size(), 2);
    r.cell_shares = {0.01, 0.5, 1.0};
    r.crime_shares = {0.25, 0.5};
    r.concentration.assign(static_cast<std::size_t>(replicates) * 3, 0.75);
    r.cells_holding.assign(static_cast<std::size_t>(replicates) * 2, 0.02);
    r.crimes_by_hour.resize(static_cast<std::size_t>(replicates) * 24 * 2);
    for (std::size_t i = 0; i < r.crimes_by_hour.size(); ++i) r.crimes_by_hour[i] = static_cast<std::int32_t>(i % 5);
    r.youth_public_hours.resize(static_cast<std::size_t>(replicates) * 168);
    for (std::size_t i = 0; i < r.youth_public_hours.size(); ++i)
        r.youth_public_hours[i] = static_cast<std::int64_t>(i);
    r.interventions.name = {"Lighting of paths", "Night patrols"};
    r.interventions.kind = {"lighting", "patrols"};
    r.interventions.investment_sek = {4.0e6, 0.0};
    r.interventions.running_sek_per_year = {2.0e5, 1.5e6};
    r.interventions.cost_sek = {4.2e6, 1.5e6};
    r.treated.assign(cells, 0);
    r.treated[cells > 1 ? 1 : 0] = 1;  // a grid of one cell has only cell 0

    // The youth layer's tallies, each with its own pattern so a swapped dataset shows.
    auto& y = r.youth;
    const auto weekly = static_cast<std::size_t>(replicates * weeks * 2);
    auto pattern = [](std::size_t n, int a, int m) {
        std::vector<std::int32_t> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::int32_t>((i * static_cast<std::size_t>(a)) % m);
        return v;
    };
    y.members = pattern(weekly, 3, 17);
    y.associates = pattern(weekly, 5, 23);
    y.recruits = pattern(weekly, 1, 3);
    y.offences = pattern(weekly, 7, 13);
    y.school_failure = pattern(weekly, 11, 19);
    y.propensity_mean.resize(weekly);
    for (std::size_t i = 0; i < weekly; ++i) y.propensity_mean[i] = 0.1f + 0.01f * static_cast<float>(i % 50);
    y.substance_levels = {"alcohol_experimenting", "alcohol_regular", "narcotics_experimenting", "narcotics_regular"};
    y.substance_use = pattern(weekly * 4, 13, 29);
    y.years = (weeks + 51) / 52;
    y.offences_by_age = pattern(static_cast<std::size_t>(replicates * y.years * 101), 1, 41);
    y.residents_by_age = pattern(static_cast<std::size_t>(replicates * y.years * 101), 5, 43);
    y.substance_by_age = pattern(static_cast<std::size_t>(replicates * y.years * 101 * 4), 2, 47);
    y.participants = pattern(static_cast<std::size_t>(replicates * weeks) * r.interventions.size(), 2, 31);

    // The safety layer's tallies, likewise.
    auto& f = r.safety;
    f.quarters = (weeks + 12) / 13;
    f.signal_names = {"violence", "disorder", "network", "dealing", "night_presence", "victimisation", "turnover"};
    f.component_names = {"public_violence", "open_dealing", "unreported", "members", "recruitment", "unsafe"};
    auto floats = [](std::size_t n, float a) {
        std::vector<float> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = a * static_cast<float>(i % 37);
        return v;
    };
    const auto quarterly = static_cast<std::size_t>(replicates * f.quarters * 2);
    f.signals = floats(weekly * f.signal_names.size(), 0.25f);
    f.unsafe_weekly = floats(weekly, 0.01f);
    f.unsafe_share = floats(quarterly, 0.02f);
    f.avoided_share = floats(quarterly, 0.015f);
    f.gang_problems = floats(quarterly, 0.005f);
    f.dealing_problems = floats(quarterly, 0.004f);
    f.collective_efficacy = floats(quarterly, 0.02f);
    f.risk_score = floats(quarterly, 0.125f);
    f.risk_class.resize(quarterly);
    for (std::size_t i = 0; i < quarterly; ++i) f.risk_class[i] = static_cast<std::int8_t>(i % 4);
    f.components = floats(quarterly * f.component_names.size(), 0.5f);
    f.risk_trend.resize(static_cast<std::size_t>(replicates * 2));
    for (std::size_t i = 0; i < f.risk_trend.size(); ++i) f.risk_trend[i] = static_cast<std::int8_t>(i % 3) - 1;
    f.rumours_started = pattern(weekly, 3, 5);
    f.rumours_exposed = pattern(weekly, 7, 61);
    r.incident_type_names = {"disorder", "fire"};
    r.incidents_true = pattern(weekly * 2, 5, 13);
    r.incidents_reported = pattern(weekly * 2, 2, 5);
    r.incidents_est = pattern(weekly * 2, 3, 7);
    return in;
}

}  // namespace trygg::test_data
