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
// every comparison in this file is paired on seed 4242 (by default two replicates for a
// year, one for a shorter run).
RunOutput run_city(const City& city, const std::function<void(ModelParams&)>& change = {}, int weeks = 52,
                   int replicates = 0, Date start = {2025, 1, 6}) {
    ModelParams params = borlange_config().params;
    if (change) change(params);
    if (replicates == 0) replicates = weeks == 52 ? 2 : 1;
    return run_scenario(city, params, testing::borlange_timeline(weeks, start),
                        {4242, replicates, 2, /*event_log=*/true});
}

// True crimes per replicate in `district`: in the dark (more than half the hour in darkness)
// and in full daylight (no darkness at all, so lighting cannot act). Twilight hours are in
// neither.
struct Split {
    std::vector<double> dark, light;
    std::vector<double> dark_property;  // in the dark, the types lighting deters most (effect ≥ 0.3)
};

Split by_darkness(const RunOutput& out, const City& city, int district, const Timeline& timeline) {
    Split s;
    s.dark.assign(static_cast<std::size_t>(out.results.replicates), 0.0);
    s.light = s.dark;
    s.dark_property = s.dark;
    const auto& types = borlange_config().params.offending.types;
    const auto& e = out.results.events;
    for (std::size_t i = 0; i < e.size(); ++i) {
        if (city.cell_district[static_cast<std::size_t>(e.cell[i])] != district) continue;
        const float dark = timeline.darkness[static_cast<std::size_t>(e.hour[i])];
        const auto r = static_cast<std::size_t>(e.replicate[i]);
        if (dark > 0.5f) s.dark[r] += 1.0;
        if (dark > 0.5f && types[static_cast<std::size_t>(e.crime_type[i])].lighting_effect >= 0.3)
            s.dark_property[r] += 1.0;
        if (dark == 0.0f) s.light[r] += 1.0;
    }
    return s;
}

// after[r] / before[r] − 1 for each replicate r.
std::vector<double> changes(const std::vector<double>& before, const std::vector<double>& after) {
    std::vector<double> c(before.size());
    for (std::size_t r = 0; r < c.size(); ++r) c[r] = after[r] / before[r] - 1.0;
    return c;
}

int district_named(const City& city, const std::string& name) {
    for (std::size_t d = 0; d < city.districts.size(); ++d) {
        if (city.districts[d].name == name) return static_cast<int>(d);
    }
    ADD_FAILURE() << "no district " << name;
    return -1;
}

TEST(Situational, LightingLowersCrimeInTheDarkAndNotInDaylight) {
    const City& base = borlange_city();
    City lit = base;
    const int tjarna = district_named(base, "Tjärna Ängar");
    lit.districts[static_cast<std::size_t>(tjarna)].street_lighting = 1.0;  // from 0.5
    // The dark half of the year, October to March, when most of the dark hours' crime
    // happens (about 220 crimes in the dark in the district per replicate, against 290 in a
    // whole year): 12 paired replicate half-years, about 25–40 s.
    constexpr int kReplicates = 12, kWeeks = 26;
    constexpr Date kStart{2025, 10, 6};
    const Timeline timeline = testing::borlange_timeline(kWeeks, kStart);
    const Split before = by_darkness(run_city(base, {}, kWeeks, kReplicates, kStart), base, tjarna, timeline);
    const Split after = by_darkness(run_city(lit, {}, kWeeks, kReplicates, kStart), lit, tjarna, timeline);
    const auto dark = testing::mean_se(changes(before.dark, after.dark));
    const auto property = testing::mean_se(changes(before.dark_property, after.dark_property));
    const auto light = testing::mean_se(changes(before.light, after.light));
    for (std::size_t r = 0; r < before.dark.size(); ++r) {
        std::printf("  replicate %zu: dark %.0f → %.0f (property %.0f → %.0f), daylight %.0f → %.0f\n", r,
                    before.dark[r], after.dark[r], before.dark_property[r], after.dark_property[r], before.light[r],
                    after.light[r]);
    }
    std::printf(
        "Tjärna Ängar, lighting 0.5 → 1, %d paired replicates of October–March: crime in the dark %+.1f %% "
        "(s.e. %.1f), property crime in the dark %+.1f %% (s.e. %.1f), in full daylight %+.1f %% (s.e. %.1f)\n",
        kReplicates, 100 * dark.mean, 100 * dark.se, 100 * property.mean, 100 * property.se, 100 * light.mean,
        100 * light.se);
    // docs/model.md §6, "Situational measures": about −13.5 % of all crime in the dark and
    // −29 % of the property crime lighting deters most (measured −13.5 %, s.e. 0.4, and
    // −29.1 %, s.e. 1.6, and +0.0 %, s.e. 0.5, in full daylight, with the lighting effects
    // fitted by history matching, docs/calibration.md; with the assumed values before, −4 % and
    // −8 %). The property crime's effect is the sharp test: tolerance max(3 s.e., 2.5 points),
    // so lighting at half strength (−15 %) fails. All crime in the dark: max(3 s.e., 2 points).
    EXPECT_NEAR(property.mean, -0.29, std::max(3.0 * property.se, 0.025));
    EXPECT_NEAR(dark.mean, -0.135, std::max(3.0 * dark.se, 0.02));
    // Lighting deters × darkness, so in full daylight it cannot act: the paired runs differ
    // there only by the noise of their divergence after the first crime prevented in the dark.
    // (Over a whole year daylight crime fell by 1.0 %, s.e. 0.4, over 4 replicates: not the
    // lights themselves — most likely residents who feel safer under them staying out on
    // light summer evenings, as guardians (model/insecurity). From October to March the
    // evenings are dark.) Tolerance max(3 s.e., 1 point).
    EXPECT_NEAR(light.mean, 0.0, std::max(3.0 * light.se, 0.01));
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
    // Per replicate: crimes of `type` in the covered cells.
    auto count = [&](const RunOutput& out, CrimeType type) {
        std::vector<double> n(static_cast<std::size_t>(out.results.replicates), 0.0);
        const auto& e = out.results.events;
        for (std::size_t i = 0; i < e.size(); ++i) {
            if (e.crime_type[i] == static_cast<int>(type) && covered[static_cast<std::size_t>(e.cell[i])])
                n[static_cast<std::size_t>(e.replicate[i])] += 1.0;
        }
        return n;
    };
    constexpr int kReplicates = 4;
    const RunOutput before = run_city(base, {}, 52, kReplicates);
    const RunOutput after = run_city(watched, {}, 52, kReplicates);
    const auto vehicle_before = count(before, CrimeType::VehicleTheft);
    const auto assault_before = count(before, CrimeType::Assault);
    const auto vehicle = testing::mean_se(changes(vehicle_before, count(after, CrimeType::VehicleTheft)));
    const auto assault = testing::mean_se(changes(assault_before, count(after, CrimeType::Assault)));
    std::printf(
        "cameras at the Kupolen area's places, %d paired replicate-years: vehicle crime %+.1f %% (s.e. %.1f; "
        "%.0f a year before), assault %+.1f %% (s.e. %.1f; %.0f before)\n",
        kReplicates, 100 * vehicle.mean, 100 * vehicle.se, testing::mean_se(vehicle_before).mean, 100 * assault.mean,
        100 * assault.se, testing::mean_se(assault_before).mean);
    // docs/model.md §6, "Situational measures": vehicle crime about −61 %, assault about −5 %
    // (Welsh & Farrington 2009: car parks about −50 %, violence about 0). Measured on seed 4242
    // with the cameras' effect on vehicle crime fitted by history matching (0.81,
    // docs/calibration.md): vehicle −61.5 % (s.e. 2.7), assault −4.8 % (s.e. 1.6); with the
    // assumed 0.5 before, seeds 4242–4244 gave −30 to −37 % and −3 to −7 %. Tolerance max(3
    // s.e. of the paired replicate changes, 8 points for vehicle crime, 5 for assault): cameras
    // at half strength on vehicle crime (about −31 %) fail, and so would cameras acting on
    // violence as much as on vehicles.
    constexpr double kDocumentedVehicle = -0.61, kDocumentedAssault = -0.05;
    EXPECT_NEAR(vehicle.mean, kDocumentedVehicle, std::max(3.0 * vehicle.se, 0.08));
    EXPECT_NEAR(assault.mean, kDocumentedAssault, std::max(3.0 * assault.se, 0.05));
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
    // Seen with seed 4242: +0.90 with diffusion (buffer −2.9 %), +0.06 with displacement
    // (buffer −0.5 %: offenders deterred inside the district mostly move to cells still
    // inside it, so the buffer barely changes; Situational.DisplacementGivesDeterred-
    // OffencesASecondChanceNextDoor is the test that displacement acts at all). Paired runs
    // keep the quotient's noise near ±0.1, hence the margins.
    EXPECT_GT(*diffusing, 0.3);                // the light spills over: crime falls in the buffer too
    EXPECT_LT(*displacing, *diffusing - 0.3);  // deterred offenders move next door instead
}

// Displacement (docs/model.md §5, "Displacement and diffusion of benefit"): an offence that
// deterrence prevented is tried again in a neighbouring cell with probability `displacement`
// (0.25 in the city config), so with it on the city has more crime than with it off: the
// deterred offences that succeed next door. The WDQ of one lit district cannot show this (its
// deterred offenders mostly move to cells still inside it, so the WDQ with displacement is
// about that with displacement and diffusion both off), and over a year the rise (+1.0 %,
// s.e. 0.35 over 4 replicate-years) drowns in the noise of paired runs drifting apart after
// the first extra crime (arrests, near repeat, the youth layer). Over two weeks the paired
// runs have hardly drifted, so the difference is mostly the displaced crimes themselves:
// many short paired replicates, displacement at its configured value against 0.
TEST(Situational, DisplacementGivesDeterredOffencesASecondChanceNextDoor) {
    constexpr int kReplicates = 32, kWeeks = 2;
    auto totals = [](double displacement) {
        const RunOutput out = run_city(
            borlange_city(), [&](ModelParams& p) { p.offending.displacement = displacement; }, kWeeks, kReplicates);
        std::vector<double> t(kReplicates, 0.0);
        const auto& c = out.results.crimes_true;
        const auto per_rep = c.size() / kReplicates;
        for (std::size_t k = 0; k < c.size(); ++k) t[k / per_rep] += c[k];
        return t;
    };
    const double configured = borlange_config().params.offending.displacement;
    const std::vector<double> off = totals(0.0), on = totals(configured);
    std::vector<double> added(off.size());
    for (std::size_t r = 0; r < off.size(); ++r) {
        added[r] = on[r] - off[r];
        std::printf("  replicate %zu: %.0f → %.0f\n", r, off[r], on[r]);
    }
    const auto rise = testing::mean_se(added), base = testing::mean_se(off);
    std::printf("true crime in %d weeks, displacement 0 → %.2f: %+.2f crimes (s.e. %.2f) on %.0f\n", kWeeks, configured,
                rise.mean, rise.se, base.mean);
    // docs/model.md §5: about 4.1 more crimes in two weeks, +1 % (with the fitted config,
    // docs/calibration.md, the 32 of seed 4242: +4.12, s.e. 0.47, on 343; with the assumed
    // values before, 24 replicates of seeds 4242, 4243 and 4244: +3.79, +3.67 and +3.17, s.e.
    // 0.46–0.64, and the 32 of seed 4242: +3.75, s.e. 0.52). Tolerance
    // max(3 s.e., 1 crime): displacement at half strength (about +2.1) fails, and so does
    // none at all; and the rise is at least 4 s.e.
    EXPECT_NEAR(rise.mean, 4.1, std::max(3.0 * rise.se, 1.0));
    EXPECT_GT(rise.mean, 4.0 * rise.se);
}

// Offenders drawn to attractive cells (Short et al. 2008): with search on, burglars seek out
// the cells around recent burglaries, and repeats near them become more frequent than with
// search off — the same seed, the same base rates.
TEST(Situational, SearchDrawsOffendersToRecentCrime) {
    // The burglary Knox ratio of four replicate-years varies by about ±0.2 from seed to seed,
    // as much as the effect: with the near-repeat field fitted by history matching
    // (docs/calibration.md: θ 4.1, weaker than the assumed 7) the rise from search 0 to 1 on
    // the same seeds was +0.16, +0.42, +0.59 and +0.50 for seeds 4242–4245 at four replicates
    // each, and +0.12 (1.86 → 1.98) for seed 4242 at the eight replicates run here. Search
    // switched off gives exactly 0, so the bound is a rise of at least 0.05: it catches the
    // mechanism removed, not its size (docs/model.md §5 says so).
    auto ratio_with_search = [](double search) {
        ModelParams params = borlange_config().params;
        params.offending.search = search;
        const RunOutput out =
            run_scenario(borlange_city(), params, testing::borlange_timeline(52), {4242, 8, 2, /*event_log=*/true});
        return testing::knox(out.results, CrimeType::Burglary, 0, 1, 0.0, 7.0).ratio();
    };
    const double without = ratio_with_search(0.0);
    const double with = ratio_with_search(1.0);
    std::printf("burglary near-repeat ratio: %.2f without search, %.2f with offenders searching attractive cells\n",
                without, with);
    EXPECT_GT(with, without + 0.05);
}

// Drug offences are found, not reported: more patrols find more (DESIGN §6.6), whatever the
// patrols deter elsewhere. docs/model.md §6b: about 650 registered a year without patrols and
// 730 with six (× 1.12; measured 651 and 730, × 1.122 with s.e. 0.007 over these four
// replicates, with the fitted config of docs/calibration.md; with the assumed values before,
// 609 and 706, × 1.161 with s.e. 0.012 over six replicates).
// Two replicates of one seed were not enough: the old bound (> × 1.1) passed on seed 4242 and
// failed on the next two seeds. Now four paired replicate-years (each its own population,
// like a seed of its own); the replicates' ratios were 1.12–1.21. Network members deal where
// they live, mostly away from the patrols' beats in the centre, so the rise is modest.
TEST(Situational, DrugOffencesRiseWithPolicePresence) {
    constexpr int kReplicates = 4;
    auto registered_drugs = [](int patrols) {
        const RunOutput out = run_city(
            borlange_city(), [&](ModelParams& p) { p.policing.patrols = patrols; }, 52, kReplicates);
        std::vector<double> n(kReplicates, 0.0);
        const auto& r = out.results.crimes_reported;
        const auto per_rep = r.size() / kReplicates;
        for (std::size_t k = static_cast<std::size_t>(CrimeType::Drugs); k < r.size(); k += kCrimeTypes)
            n[k / per_rep] += r[k];
        return n;
    };
    const std::vector<double> none = registered_drugs(0);
    const std::vector<double> many = registered_drugs(6);
    std::vector<double> ratio(kReplicates);
    for (std::size_t r = 0; r < ratio.size(); ++r) {
        ratio[r] = many[r] / none[r];
        std::printf("  replicate %zu: %.0f → %.0f registered drug offences (× %.3f)\n", r, none[r], many[r], ratio[r]);
        EXPECT_GT(ratio[r], 1.0) << "replicate " << r;
    }
    const auto rise = testing::mean_se(ratio), without = testing::mean_se(none), with = testing::mean_se(many);
    std::printf("registered drug offences a year: %.0f without patrols, %.0f with six: × %.3f (s.e. %.3f)\n",
                without.mean, with.mean, rise.mean, rise.se);
    // Tolerance max(3 s.e. of the replicates' ratios, 0.06): drug detection at half strength
    // (about × 1.06) fails. The counts themselves within max(3 s.e., 8 %) of the documented ones.
    constexpr double kDocumentedWithout = 650.0, kDocumentedWith = 730.0;
    EXPECT_NEAR(rise.mean, kDocumentedWith / kDocumentedWithout, std::max(3.0 * rise.se, 0.06));
    EXPECT_NEAR(without.mean, kDocumentedWithout, std::max(3.0 * without.se, 0.08 * kDocumentedWithout));
    EXPECT_NEAR(with.mean, kDocumentedWith, std::max(3.0 * with.se, 0.08 * kDocumentedWith));
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
