// The deployment switches measures on and off with their windows and puts units where they
// stand: what the offending rule then reads (site lighting and cameras, guardians a unit
// adds) must follow the plan hour by hour and never leak outside an item's place or time.
#include "policy/deployment.hpp"

#include "fixtures.hpp"
#include "population/synthesis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

struct World {
    const City& city = borlange_city();
    Population pop = testing::borlange_people(city, {3, 0});
    Sites sites = build_sites(city, pop);
    RoutineAgents agents = build_routine_agents(pop, sites);
    Timeline timeline = testing::borlange_timeline(2);  // day 0 is Monday 2025-01-06
};

// A site of `city` that is a home cell far from every place (so no place attribute is there).
std::int32_t quiet_site(const World& w) {
    for (std::int32_t s = 0; s < w.sites.size(); ++s) {
        if (w.sites.places[static_cast<std::size_t>(s)] == 0 && w.sites.cameras[static_cast<std::size_t>(s)] == 0 &&
            w.sites.residents[static_cast<std::size_t>(s)] > 50)
            return s;
    }
    ADD_FAILURE() << "no quiet site";
    return 0;
}

TEST(Deployment, FixedCamerasActOnlyInTheirCellsAndHours) {
    World w;
    const std::int32_t site = quiet_site(w);
    const int cell = w.sites.cell[static_cast<std::size_t>(site)];
    Intervention cams;
    cams.name = "cams";
    cams.kind = InterventionKind::FixedCameras;
    cams.cells = {cell};
    cams.intensity = 0.8;
    cams.monitored = true;
    cams.when.from_hour = 18;
    cams.when.to_hour = 2;
    cams.when.weekdays = 1u << 4;  // Friday evenings
    const InterventionPlan plan{cams};
    PolicingParams no_police;
    Deployment d(w.city, w.sites, w.agents, plan, no_police, {}, 0.0, 0.0, w.timeline);
    auto cameras_at = [&](int day, int clock) {
        d.begin_hour(day * 24 + clock);
        return w.sites.cameras[static_cast<std::size_t>(site)];
    };
    EXPECT_EQ(cameras_at(4, 17), 0.0f);  // Friday before the window
    EXPECT_EQ(cameras_at(4, 18), 0.8f);  // Friday evening
    EXPECT_EQ(w.sites.monitored[static_cast<std::size_t>(site)], 1);
    EXPECT_EQ(cameras_at(5, 1), 0.8f);  // the small hours belong to Friday
    EXPECT_EQ(cameras_at(5, 2), 0.0f);
    EXPECT_EQ(cameras_at(5, 20), 0.0f);   // Saturday evening: not in the days
    EXPECT_EQ(cameras_at(11, 20), 0.8f);  // next Friday
    EXPECT_EQ(d.treated_cells()[static_cast<std::size_t>(cell)], 1);
}

TEST(Deployment, LightingSpillsToNeighboursOnlyWithDiffusionOfBenefit) {
    World w;
    const std::int32_t site = quiet_site(w);
    const int cell = w.sites.cell[static_cast<std::size_t>(site)];
    Intervention light;
    light.name = "light";
    light.kind = InterventionKind::Lighting;
    light.cells = {cell};
    light.intensity = 1.0;
    const float before = w.sites.lighting[static_cast<std::size_t>(site)];
    ASSERT_LT(before, 1.0f);
    Deployment d(w.city, w.sites, w.agents, {light}, {}, {}, 0.5, 0.0, w.timeline);
    d.begin_hour(20);
    EXPECT_EQ(w.sites.lighting[static_cast<std::size_t>(site)], 1.0f);
    // A neighbour that someone uses gets half (diffusion 0.5), unless it is lit better anyway.
    const auto& g = w.city.grid;
    for (int dc = -1; dc <= 1; ++dc) {
        const std::int32_t n = w.sites.of_cell(g.index(g.col(cell) + dc, g.row(cell)));
        if (dc == 0 || n < 0) continue;
        EXPECT_GE(w.sites.lighting[static_cast<std::size_t>(n)], 0.5f);
    }
}

TEST(Deployment, UnitsAddGuardiansOnDutyWhereTheyStand) {
    World w;
    const std::int32_t site = quiet_site(w);
    const int cell = w.sites.cell[static_cast<std::size_t>(site)];
    Intervention workers;
    workers.name = "field workers";
    workers.kind = InterventionKind::FieldWorkers;
    workers.units = 1;
    workers.cells = {cell};
    workers.when.from_hour = 18;
    workers.when.to_hour = 24;
    Intervention patrol = workers;
    patrol.name = "patrol";
    patrol.kind = InterventionKind::Patrols;
    PolicingParams police = borlange_config().params.policing;
    police.patrols = 0;  // only the scenario's units
    FieldWorkerParams fw{6.0, 2.0};
    Deployment d(w.city, w.sites, w.agents, {workers, patrol}, police, fw, 0.0, 0.0, w.timeline);
    Setting s;
    d.begin_hour(20);
    d.add_units(s, site, /*youth=*/true);
    EXPECT_DOUBLE_EQ(s.unit_guardians, 6.0 + police.guardian_weight);
    EXPECT_DOUBLE_EQ(s.police_deterrence, police.deterrence);
    EXPECT_GT(s.police_deterrence, 0.0);
    EXPECT_DOUBLE_EQ(s.drug_detection, 1.0 + police.drug_detection);
    d.add_units(s, site, /*youth=*/false);
    EXPECT_DOUBLE_EQ(s.unit_guardians, 2.0 + police.guardian_weight);
    EXPECT_DOUBLE_EQ(d.arrest_factor(site), 1.0 + police.arrest_gain);
    d.begin_hour(10);  // off duty
    d.add_units(s, site, true);
    EXPECT_DOUBLE_EQ(s.unit_guardians, 0.0);
    EXPECT_DOUBLE_EQ(s.police_deterrence, 0.0);
    EXPECT_DOUBLE_EQ(d.arrest_factor(site), 1.0);
    // The scenario's patrol counts as patrolled; a quiet site elsewhere does not.
    EXPECT_TRUE(d.patrolled(site));
}

TEST(Deployment, AdaptiveCameraPostsMoveWithThePictureAndMarkWhereTheyStood) {
    World w;
    Intervention posts;
    posts.name = "posts";
    posts.kind = InterventionKind::MobileCameras;
    posts.units = 1;
    posts.adaptive = true;
    posts.intensity = 0.7;
    Deployment d(w.city, w.sites, w.agents, {posts}, {}, {}, 0.0, 0.0, w.timeline);
    const std::int32_t site = quiet_site(w);
    const int cell = w.sites.cell[static_cast<std::size_t>(site)];
    d.begin_hour(30);
    EXPECT_EQ(w.sites.cameras[static_cast<std::size_t>(site)], 0.0f);  // no picture yet: nowhere
    d.steer([&](const auto&) { return std::vector<int>{cell}; });
    d.begin_hour(31);
    EXPECT_EQ(w.sites.cameras[static_cast<std::size_t>(site)], 0.7f);
    EXPECT_EQ(d.treated_cells()[static_cast<std::size_t>(cell)], 1);
}

// Adaptive units of one kind and hours share out their picture's hotspots, best first: the
// city's three patrols take the first three, the scenario's two extra patrols of the same
// hours the next two; field workers, another kind, start again from the best.
TEST(Deployment, AdaptivePatrolsShareOutTheHotspotsAndOtherKindsStartAgain) {
    World w;
    const auto& grid = w.city.grid;
    std::vector<int> hotspots;  // six home cells, beats apart
    for (std::int32_t s = 0; s < w.sites.size() && hotspots.size() < 6; ++s) {
        const int c = w.sites.cell[static_cast<std::size_t>(s)];
        if (w.sites.residents[static_cast<std::size_t>(s)] == 0) continue;
        const bool apart = std::all_of(hotspots.begin(), hotspots.end(), [&](int h) {
            return std::max(std::abs(grid.col(c) - grid.col(h)), std::abs(grid.row(c) - grid.row(h))) >= 5;
        });
        if (apart) hotspots.push_back(c);
    }
    ASSERT_EQ(hotspots.size(), 6u);
    PolicingParams police = borlange_config().params.policing;
    police.patrols = 3;
    police.steering = Steering::Adaptive;
    Intervention extra;
    extra.name = "extra patrols";
    extra.kind = InterventionKind::Patrols;
    extra.units = 2;
    extra.adaptive = true;
    extra.when.from_hour = police.shift_from;  // the shift's hours: the same picture
    extra.when.to_hour = police.shift_to;
    Intervention workers = extra;
    workers.name = "field workers";
    workers.kind = InterventionKind::FieldWorkers;
    workers.units = 1;
    workers.when = ActiveWindow{};  // all day
    const FieldWorkerParams fw{6.0, 2.0};
    Deployment d(w.city, w.sites, w.agents, {extra, workers}, police, fw, 0.0, 0.0, w.timeline);
    int asked = 0;
    bool patrols_work_monday_night = false, workers_work_monday_noon = false;
    d.steer([&](const std::function<bool(int)>& works) {
        // The patrols (the shift) are asked first, then the field workers (all day).
        if (asked == 0) patrols_work_monday_night = works(22) && works(25) && !works(12);
        if (asked == 1) workers_work_monday_noon = works(12);
        ++asked;
        return hotspots;
    });
    EXPECT_EQ(asked, 2);  // one picture per kind and hours: the extra patrols share the shift's
    EXPECT_TRUE(patrols_work_monday_night);
    EXPECT_TRUE(workers_work_monday_noon);
    d.begin_hour(20);  // on duty: the police shift, and all day
    auto site_of = [&](int k) { return w.sites.of_cell(hotspots[static_cast<std::size_t>(k)]); };
    for (int k = 0; k < 5; ++k) EXPECT_TRUE(d.patrolled(site_of(k))) << "hotspot " << k;
    EXPECT_FALSE(d.patrolled(site_of(5)));
    Setting s;
    d.add_units(s, site_of(0), /*youth=*/true);
    EXPECT_DOUBLE_EQ(s.unit_guardians, police.guardian_weight + fw.youth_guardian_weight);
    d.add_units(s, site_of(3), /*youth=*/true);
    EXPECT_DOUBLE_EQ(s.unit_guardians, police.guardian_weight);  // one patrol, no field workers
}

}  // namespace
}  // namespace trygg
