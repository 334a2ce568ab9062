#pragma once
// Shared fixtures: the shipped Borlänge config and city, loaded once per test binary.
#include "core/error.hpp"
#include "core/timeline.hpp"
#include "io/city_config.hpp"
#include "model/crime_type.hpp"
#include "model/development.hpp"
#include "population/synthesis.hpp"
#include "sim/results.hpp"
#include "world/city.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace trygg::testing {

inline std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << file;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    ASSERT_TRUE(out) << "cannot write " << file;
}

// Runs `action`, which must throw a ConfigError, and hands the error back for checks.
inline ConfigError config_error_from(const std::function<void()>& action) {
    try {
        action();
    } catch (const ConfigError& e) {
        return e;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected a ConfigError, got: " << e.what();
        return ConfigError("", -1, "", "wrong exception");
    }
    ADD_FAILURE() << "expected a ConfigError, nothing was thrown";
    return ConfigError("", -1, "", "nothing thrown");
}

inline std::string source_path(const std::string& relative) {
    return std::string(TRYGG_SOURCE_DIR) + "/" + relative;
}

inline const CityConfig& borlange_config() {
    static const CityConfig config = load_city_config(source_path("configs/borlange.yaml"));
    return config;
}

// The Borlänge city rasterised at `cell_size` metres (100 as shipped, 250 also supported).
// The index of the shipped config's district `name` (a failure if there is none).
inline std::size_t district_index(const std::string& name) {
    const auto& d = borlange_config().spec.districts;
    const auto it = std::find_if(d.begin(), d.end(), [&](const DistrictSpec& s) { return s.name == name; });
    EXPECT_NE(it, d.end()) << name;
    return static_cast<std::size_t>(it - d.begin());
}

inline const City& borlange_city(double cell_size = 100.0) {
    static std::map<double, std::unique_ptr<City>> cities;
    auto& slot = cities[cell_size];
    if (!slot) {
        CitySpec spec = borlange_config().spec;
        spec.cell_size_m = cell_size;
        slot = std::make_unique<City>(build_city(std::move(spec)));
    }
    return *slot;
}

// Borlänge's polygons with `scale` times its residents (population.scale, world/city.hpp): a
// smaller city where a sanitizer's slowdown would make the whole one too long for CI.
inline const City& scaled_borlange_city(double scale) {
    static std::map<double, std::unique_ptr<City>> cities;
    auto& slot = cities[scale];
    if (!slot) {
        CitySpec spec = borlange_config().spec;
        spec.population_scale = scale;
        slot = std::make_unique<City>(build_city(std::move(spec)));
    }
    return *slot;
}

// The cells of the district named `district` in `city`.
inline std::vector<int> cells_of_district(const City& city, const std::string& district) {
    std::vector<int> cells;
    for (std::size_t c = 0; c < city.cell_district.size(); ++c) {
        if (city.cell_district[c] >= 0 &&
            city.districts[static_cast<std::size_t>(city.cell_district[c])].name == district)
            cells.push_back(static_cast<int>(c));
    }
    return cells;
}

// Every layer acting, for the tests that compare whole runs (thread counts, checkpoints):
// adaptive police patrols and field workers steered weekly by the picture, lighting of
// Tjärna Ängar, and family support taking 30 referred participants aged 10–15 there.
inline ModelParams every_layer_params(const City& city) {
    ModelParams params = borlange_config().params;
    params.policing.steering = Steering::Adaptive;
    const std::vector<int> tjarna = cells_of_district(city, "Tjärna Ängar");
    Intervention light;
    light.name = "lighting";
    light.kind = InterventionKind::Lighting;
    light.cells = tjarna;
    light.intensity = 0.9;
    Intervention workers;
    workers.name = "field workers";
    workers.kind = InterventionKind::FieldWorkers;
    workers.adaptive = true;
    workers.units = 2;
    workers.when.from_hour = 18;
    workers.when.to_hour = 23;
    Intervention family;
    family.name = "family support";
    family.kind = InterventionKind::FamilySupport;
    family.cells = tjarna;
    family.min_age = 10;
    family.max_age = 15;
    family.target = Target::Referrals;
    family.participants = 30;
    params.interventions = {light, workers, family};
    return params;
}

// A synthetic Borlänge population with its offenders marked as at the start of a run (the
// youth layer does this in a replicate; kernels tested on their own need it done here).
inline Population borlange_people(const City& city, RngKey key) {
    Population pop = synthesise_population(city, borlange_config().params.population, key);
    set_offenders(borlange_config().params.development, pop);
    return pop;
}

// Every dataset of two runs is the same (determinism and resume tests): each array of the
// results, the event log, the interventions and the youth and safety layers' tallies.
inline void expect_same_results(const RunResults& a, const RunResults& b) {
    EXPECT_EQ(a.replicates, b.replicates);
    EXPECT_EQ(a.weeks, b.weeks);
    EXPECT_EQ(a.crimes_true, b.crimes_true);
    EXPECT_EQ(a.crimes_reported, b.crimes_reported);
    EXPECT_EQ(a.crimes_est, b.crimes_est);
    EXPECT_EQ(a.crimes_cells, b.crimes_cells);
    EXPECT_EQ(a.crimes_cells_est, b.crimes_cells_est);
    EXPECT_EQ(a.victims, b.victims);
    EXPECT_EQ(a.arrests, b.arrests);
    EXPECT_EQ(a.hotspots_true, b.hotspots_true);
    EXPECT_EQ(a.hotspots_est, b.hotspots_est);
    EXPECT_EQ(a.kde_top_est, b.kde_top_est);
    EXPECT_EQ(a.weekly_hotspots_true, b.weekly_hotspots_true);
    EXPECT_EQ(a.weekly_hotspots_est, b.weekly_hotspots_est);
    EXPECT_EQ(a.weekly_hotspots_both, b.weekly_hotspots_both);
    EXPECT_EQ(a.patrol_weeks, b.patrol_weeks);
    EXPECT_EQ(a.concentration, b.concentration);
    EXPECT_EQ(a.cells_holding, b.cells_holding);
    EXPECT_EQ(a.crimes_by_hour, b.crimes_by_hour);
    EXPECT_EQ(a.youth_public_hours, b.youth_public_hours);
    EXPECT_EQ(a.treated, b.treated);
    EXPECT_EQ(a.interventions.name, b.interventions.name);
    EXPECT_EQ(a.interventions.cost_sek, b.interventions.cost_sek);
    EXPECT_EQ(a.interventions.first_day, b.interventions.first_day);
    EXPECT_EQ(a.interventions.last_day, b.interventions.last_day);
    EXPECT_EQ(a.has_picture, b.has_picture);
    EXPECT_EQ(a.picture.replicate, b.picture.replicate);
    EXPECT_EQ(a.picture.week, b.picture.week);
    EXPECT_EQ(a.picture.cell, b.picture.cell);
    EXPECT_EQ(a.picture.count, b.picture.count);
    const auto &y = a.youth, &z = b.youth;
    EXPECT_EQ(y.members, z.members);
    EXPECT_EQ(y.associates, z.associates);
    EXPECT_EQ(y.recruits, z.recruits);
    EXPECT_EQ(y.substance_use, z.substance_use);
    EXPECT_EQ(y.offences, z.offences);
    EXPECT_EQ(y.propensity_mean, z.propensity_mean);
    EXPECT_EQ(y.school_failure, z.school_failure);
    EXPECT_EQ(y.offences_by_age, z.offences_by_age);
    EXPECT_EQ(y.residents_by_age, z.residents_by_age);
    EXPECT_EQ(y.substance_by_age, z.substance_by_age);
    EXPECT_EQ(y.participants, z.participants);
    const auto &s = a.safety, &t = b.safety;
    EXPECT_EQ(s.signals, t.signals);
    EXPECT_EQ(s.unsafe_weekly, t.unsafe_weekly);
    EXPECT_EQ(s.unsafe_share, t.unsafe_share);
    EXPECT_EQ(s.avoided_share, t.avoided_share);
    EXPECT_EQ(s.gang_problems, t.gang_problems);
    EXPECT_EQ(s.dealing_problems, t.dealing_problems);
    EXPECT_EQ(s.collective_efficacy, t.collective_efficacy);
    EXPECT_EQ(s.risk_score, t.risk_score);
    EXPECT_EQ(s.risk_class, t.risk_class);
    EXPECT_EQ(s.components, t.components);
    EXPECT_EQ(s.risk_trend, t.risk_trend);
    EXPECT_EQ(s.rumours_started, t.rumours_started);
    EXPECT_EQ(s.rumours_exposed, t.rumours_exposed);
    EXPECT_EQ(a.incident_type_names, b.incident_type_names);
    EXPECT_EQ(a.incidents_true, b.incidents_true);
    EXPECT_EQ(a.incidents_reported, b.incidents_reported);
    EXPECT_EQ(a.incidents_est, b.incidents_est);
    const auto &e = a.events, &f = b.events;
    EXPECT_EQ(e.replicate, f.replicate);
    EXPECT_EQ(e.hour, f.hour);
    EXPECT_EQ(e.cell, f.cell);
    EXPECT_EQ(e.crime_type, f.crime_type);
    EXPECT_EQ(e.offender, f.offender);
    EXPECT_EQ(e.victim_group, f.victim_group);
    EXPECT_EQ(e.reported_by, f.reported_by);
    EXPECT_EQ(e.arrested, f.arrested);
}

// The mean of per-replicate values and its standard error (sample sd / √n): the noise band
// of the statistical tests that compare a measured effect with its documented size.
struct MeanSe {
    double mean = 0.0;
    double se = 0.0;
};

inline MeanSe mean_se(const std::vector<double>& v) {
    MeanSe m;
    const auto n = static_cast<double>(v.size());
    for (double x : v) m.mean += x / n;
    if (v.size() < 2) return m;
    double ss = 0.0;
    for (double x : v) ss += (x - m.mean) * (x - m.mean);
    m.se = std::sqrt(ss / (n - 1.0) / n);
    return m;
}

// Weeks from Monday 2025-01-06, the baseline's start.
inline Timeline borlange_timeline(int weeks, Date start = {2025, 1, 6}) {
    const City& city = borlange_city();
    return build_timeline(start, weeks, city.location, city.school_holidays);
}

// Knox-style near-repeat count on an event log: pairs of crimes of `type` whose cells are
// min_ring..max_ring cells apart (Chebyshev distance) and whose second crime follows within
// (from_day, to_day], against the same pairs at lags of 28–56 days scaled to that window.
struct KnoxCount {
    double near = 0.0;
    double control = 0.0;
    double ratio() const { return near / control; }
};

inline KnoxCount knox(const RunResults& r, CrimeType type, int min_ring, int max_ring, double from_day, double to_day) {
    const auto& e = r.events;
    KnoxCount k;
    for (int rep = 0; rep < r.replicates; ++rep) {
        std::vector<std::pair<double, std::int32_t>> crimes;
        for (std::size_t i = 0; i < e.size(); ++i) {
            if (e.replicate[i] == rep && e.crime_type[i] == static_cast<int>(type))
                crimes.emplace_back(e.hour[i] / 24.0, e.cell[i]);
        }
        std::sort(crimes.begin(), crimes.end());
        for (std::size_t i = 0; i < crimes.size(); ++i) {
            for (std::size_t j = i + 1; j < crimes.size(); ++j) {
                const double lag = crimes[j].first - crimes[i].first;
                if (lag > 56.0) break;
                const int dx = std::abs(crimes[j].second % r.nx - crimes[i].second % r.nx);
                const int dy = std::abs(crimes[j].second / r.nx - crimes[i].second / r.nx);
                const int ring = std::max(dx, dy);
                if (ring < min_ring || ring > max_ring) continue;
                if (lag > from_day && lag <= to_day) k.near += 1.0;
                if (lag > 28.0 && lag <= 56.0) k.control += (to_day - from_day) / 28.0;
            }
        }
    }
    return k;
}

}  // namespace trygg::testing
