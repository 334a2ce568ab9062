// Situational measures act through the mechanisms, not as factors pasted onto results
// (DESIGN §6.7): better lighting lowers crime in the dark more than in daylight; cameras
// lower vehicle crime more than violence. Each comparison is paired (common random numbers:
// the same seed and replicates with and without the measure).
#include "sim/run.hpp"

#include "experiment/compare.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

// Replicate-years of `city` with the event log and the parameters changed by `change`;
// every comparison in this file is paired on seed 4242 (two replicates for a year, one for
// a shorter run).
RunOutput run_city(const City& city, const std::function<void(ModelParams&)>& change = {}, int weeks = 52) {
    ModelParams params = borlange_config().params;
    if (change) change(params);
    return run_scenario(city, params, testing::borlange_timeline(weeks),
                        {4242, weeks == 52 ? 2 : 1, 2, /*event_log=*/true});
}

struct Split {
    double dark = 0.0;
    double light = 0.0;
};

// True crimes in `district`, split by whether the hour was mostly dark.
Split by_darkness(const RunOutput& out, const City& city, int district) {
    const Timeline timeline = testing::borlange_timeline(52);
    Split s;
    const auto& e = out.results.events;
    for (std::size_t i = 0; i < e.size(); ++i) {
        if (city.cell_district[static_cast<std::size_t>(e.cell[i])] != district) continue;
        (timeline.darkness[static_cast<std::size_t>(e.hour[i])] > 0.5f ? s.dark : s.light) += 1.0;
    }
    return s;
}

int district_named(const City& city, const std::string& name) {
    for (std::size_t d = 0; d < city.districts.size(); ++d) {
        if (city.districts[d].name == name) return static_cast<int>(d);
    }
    ADD_FAILURE() << "no district " << name;
    return -1;
}

TEST(Situational, LightingLowersCrimeInTheDarkMoreThanInDaylight) {
    const City& base = borlange_city();
    City lit = base;
    const int tjarna = district_named(base, "Tjärna Ängar");
    lit.districts[static_cast<std::size_t>(tjarna)].street_lighting = 1.0;  // from 0.5
    const Split before = by_darkness(run_city(base), base, tjarna);
    const Split after = by_darkness(run_city(lit), lit, tjarna);
    const double dark_change = after.dark / before.dark - 1.0;
    const double light_change = after.light / before.light - 1.0;
    std::printf("Tjärna Ängar, lighting 0.5 → 1: crime in the dark %+.1f %%, in daylight %+.1f %%\n", 100 * dark_change,
                100 * light_change);
    // Paired runs share every draw until the first crime that lighting prevents, so the
    // daylight change is small noise from that divergence; lighting must cut crime in the dark
    // by clearly more (the effect is a few per cent of deterrence × darkness per crime type,
    // less the targets that residents who now feel safer bring out at night: model/insecurity).
    EXPECT_LT(dark_change, -0.02);
    EXPECT_LT(dark_change, light_change - 0.02);
}

TEST(Situational, CamerasLowerVehicleCrimeMoreThanViolence) {
    const City& base = borlange_city();
    City watched = base;
    const int centre = district_named(base, "Kupolen-Norra Backa-Hagalund-Ringen");
    std::vector<std::uint8_t> covered(static_cast<std::size_t>(base.grid.cells()), 0);
    for (std::size_t p = 0; p < watched.places.size(); ++p) {
        if (base.cell_district[static_cast<std::size_t>(base.place_cell[p])] != centre) continue;
        watched.places[p].cameras = 1.0;
        watched.places[p].cameras_monitored = true;
        for (int c : base.footprint(p)) covered[static_cast<std::size_t>(c)] = 1;
    }
    auto count = [&](const RunOutput& out, CrimeType type) {
        double n = 0.0;
        const auto& e = out.results.events;
        for (std::size_t i = 0; i < e.size(); ++i) {
            n += e.crime_type[i] == static_cast<int>(type) && covered[static_cast<std::size_t>(e.cell[i])];
        }
        return n;
    };
    const RunOutput before = run_city(base);
    const RunOutput after = run_city(watched);
    const double vehicle = count(after, CrimeType::VehicleTheft) / count(before, CrimeType::VehicleTheft) - 1.0;
    const double assault = count(after, CrimeType::Assault) / count(before, CrimeType::Assault) - 1.0;
    std::printf(
        "cameras at the Kupolen area's places: vehicle crime %+.1f %% (%.0f before), assault %+.1f %% (%.0f before)\n",
        100 * vehicle, count(before, CrimeType::VehicleTheft), 100 * assault, count(before, CrimeType::Assault));
    // Welsh & Farrington 2009: car parks about −50 %, violence about 0.
    EXPECT_LT(vehicle, -0.10);
    EXPECT_LT(vehicle, assault - 0.10);
}

// DESIGN §3.5: a deterred offender may try a neighbouring cell (displacement) and deterrence
// spills into neighbouring cells (diffusion of benefit); parameters decide which wins, so the
// model can show either. Measured as a planner would (issue: "displacement and diffusion
// measured by WDQ"): lighting Tjärna Ängar is a scenario item, and `compare_runs` splits the
// city into the treated district, a 200 m buffer and the rest, and gives the weighted
// displacement quotient (Bowers & Johnson 2003) against the same runs without the item.
TEST(Situational, DisplacementAndDiffusionOfBenefitShowInTheWeightedDisplacementQuotient) {
    const City& city = borlange_city();
    const int tjarna = district_named(city, "Tjärna Ängar");
    Intervention light;
    light.name = "Lighting, Tjärna Ängar";
    light.kind = InterventionKind::Lighting;
    light.intensity = 1.0;
    for (int c = 0; c < city.grid.cells(); ++c) {
        if (city.cell_district[static_cast<std::size_t>(c)] == tjarna) light.cells.push_back(c);
    }
    auto wdq = [&](double displacement, double diffusion) {
        auto setting = [&](ModelParams& p) {
            p.offending.displacement = displacement;
            p.offending.diffusion_of_benefit = diffusion;
        };
        const RunOutput before = run_city(city, setting);
        const RunOutput after = run_city(city, [&](ModelParams& p) {
            setting(p);
            p.interventions = {light};
        });
        const Comparison c = compare_runs({"base", before.grid, before.districts, before.results},
                                          {"lit", after.grid, after.districts, after.results}, 200.0);
        std::printf("displacement %.1f, diffusion %.1f: treated %+.1f %%, buffer %+.1f %%, WDQ %+.2f\n", displacement,
                    diffusion, c.areas.treated.percent.value_or(0.0), c.areas.buffer.percent.value_or(0.0),
                    c.areas.wdq.value.value_or(0.0));
        EXPECT_LT(c.areas.wdq.success, 0.0) << "lighting must lower crime in the treated area";
        return c.areas.wdq.value;
    };
    const auto displacing = wdq(1.0, 0.0);
    const auto diffusing = wdq(0.0, 1.0);
    ASSERT_TRUE(displacing && diffusing);
    // Seen with seed 4242: +0.72 with diffusion, +0.02 with displacement (offenders deterred
    // inside the district mostly move to cells still inside it, so the buffer barely
    // changes). Paired runs keep the quotient's noise near ±0.1, hence the margins.
    EXPECT_GT(*diffusing, 0.3);                // the light spills over: crime falls in the buffer too
    EXPECT_LT(*displacing, *diffusing - 0.3);  // deterred offenders move next door instead
}

// Offenders drawn to attractive cells (Short et al. 2008): with search on, burglars seek out
// the cells around recent burglaries, and repeats near them become more frequent than with
// search off — the same seed, the same base rates.
TEST(Situational, SearchDrawsOffendersToRecentCrime) {
    // Four replicates: the ratio of ~1,500 burglaries a pair of years varies by ±0.2 from seed
    // to seed, as much as the effect measured.
    auto ratio_with_search = [](double search) {
        ModelParams params = borlange_config().params;
        params.offending.search = search;
        const RunOutput out =
            run_scenario(borlange_city(), params, testing::borlange_timeline(52), {4242, 4, 2, /*event_log=*/true});
        return testing::knox(out.results, CrimeType::Burglary, 0, 1, 0.0, 7.0).ratio();
    };
    const double without = ratio_with_search(0.0);
    const double with = ratio_with_search(1.0);
    std::printf("burglary near-repeat ratio: %.2f without search, %.2f with offenders searching attractive cells\n",
                without, with);
    EXPECT_GT(with, without + 0.2);
}

// Drug offences are found, not reported: more patrols find more (DESIGN §6.6), whatever the
// patrols deter elsewhere. Paired runs, the same seed. At least 10 % more: network members
// deal where they live, mostly away from the patrols' beats in the centre, so extra patrols
// find a smaller share of all drug offences than when every offender was alike (+17 % with
// the youth layer's members, +20 % or more before).
TEST(Situational, DrugOffencesRiseWithPolicePresence) {
    auto registered_drugs = [](int patrols) {
        const RunOutput out = run_city(borlange_city(), [&](ModelParams& p) { p.policing.patrols = patrols; });
        double n = 0.0;
        const auto& r = out.results.crimes_reported;
        for (std::size_t k = static_cast<std::size_t>(CrimeType::Drugs); k < r.size(); k += kCrimeTypes) n += r[k];
        return n / 2.0;
    };
    const double none = registered_drugs(0);
    const double many = registered_drugs(6);
    std::printf("registered drug offences a year: %.0f without patrols, %.0f with six\n", none, many);
    EXPECT_GT(many, 1.1 * none);
}

// Adaptive patrols follow the weekly picture: over a year they stand in many more cells than
// static ones, and mostly where the EST picture's hotspots were.
TEST(Situational, AdaptivePatrolsCoverThePicturesHotspots) {
    auto run_with = [](Steering steering) {
        return run_city(
            borlange_city(), [&](ModelParams& p) { p.policing.steering = steering; }, 26);
    };
    const RunOutput fixed = run_with(Steering::Static);
    const RunOutput adaptive = run_with(Steering::Adaptive);
    auto cells_patrolled = [](const RunOutput& out) {
        return std::count_if(out.results.patrol_weeks.begin(), out.results.patrol_weeks.end(),
                             [](int w) { return w > 0; });
    };
    EXPECT_GT(cells_patrolled(adaptive), cells_patrolled(fixed));
    // Patrol-weeks in cells that were among the EST picture's top-k cells at some point.
    double on_hotspots = 0.0, all = 0.0;
    for (std::size_t c = 0; c < adaptive.results.patrol_weeks.size(); ++c) {
        all += adaptive.results.patrol_weeks[c];
        if (adaptive.results.kde_top_est[c] > 0) on_hotspots += adaptive.results.patrol_weeks[c];
    }
    EXPECT_GT(all, 0.0);
    EXPECT_GT(on_hotspots / all, 0.1);  // a beat is 9 cells, the patrol's own is a top cell
}

}  // namespace
}  // namespace trygg
