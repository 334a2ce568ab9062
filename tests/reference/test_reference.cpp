// The fast engine against the naive reference model of the hour step (reference_model.hpp),
// draw for draw, on a small city made in code, over six simulated weeks with lighting,
// cameras, a camera post, adaptive patrols, field workers and a drop-in acting. Each of these
// changes to the engine, tried one at a time, fails the tests: skipping the second chunk's
// moves at 17:00 (occupancy and crimes differ from hour 17); counting a window's small hours
// to their own day instead of the evening before (lighting differs from hour 0); keeping an
// offender out through the hour their block ends; adding a day's crimes to the near-repeat
// fields before they spread instead of after (the crimes differ from the second day); leaving
// a camera post's duty out of the deployment's rebuild signature (its cameras are missing from
// 20:00 of the first day); asking whether a venue is open an hour after the activity starts
// (967 person-days planned differently); sharing out the EST picture's hotspots from the
// second (the crimes differ from the first hour after the first meeting). Building the
// destinations' guide tables a bucket late crashes the engine.
#include "reference/reference_model.hpp"
#include "reference/small_city.hpp"
#include "sim/replicate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <iostream>
#include <string>

namespace trygg::reference {
namespace {

std::string describe(const CrimeEvent& e) {
    return "hour " + std::to_string(e.hour) + " cell " + std::to_string(e.cell) + " type " +
           std::to_string(static_cast<int>(e.type)) + " offender " + std::to_string(e.offender) + " victim " +
           std::to_string(static_cast<int>(e.victim)) + " reported " + std::to_string(e.reported_by) +
           (e.arrested ? " arrested" : "");
}

bool same(const CrimeEvent& a, const CrimeEvent& b) {
    return a.hour == b.hour && a.cell == b.cell && a.district == b.district && a.type == b.type &&
           a.offender == b.offender && a.victim == b.victim && a.reported_by == b.reported_by &&
           a.arrested == b.arrested;
}

void expect_engine_matches_reference(std::uint32_t replicate) {
    const City city = build_city(small_city_spec());
    const ModelParams params = small_city_params(city);
    const Timeline timeline = small_city_timeline(city, 6);
    const RngKey key{20261130, replicate};
    ReferenceHourStep reference(city, params, timeline, key);
    const ReplicateOutput out = run_replicate(city, params, timeline, key, {}, /*keep_events=*/true, &reference);

    EXPECT_EQ(reference.planner_mismatches(), 0) << reference.first_mismatch();
    EXPECT_EQ(reference.plan_inconsistencies(), 0) << reference.first_mismatch();
    EXPECT_EQ(reference.occupancy_mismatches(), 0) << reference.first_mismatch();
    EXPECT_EQ(reference.site_mismatches(), 0) << reference.first_mismatch();
    EXPECT_EQ(reference.field_mismatches(), 0) << reference.first_mismatch();
    // Every crime identical and in the same order (offenders in person order, hour by hour).
    const auto& mine = reference.events();
    const std::size_t n = std::min(out.events.size(), mine.size());
    std::size_t k = 0;
    while (k < n && same(out.events[k], mine[k])) ++k;
    EXPECT_EQ(k, std::max(out.events.size(), mine.size()))
        << "engine " << out.events.size() << " crimes, reference " << mine.size() << "; first difference at " << k
        << ": engine " << (k < out.events.size() ? describe(out.events[k]) : "none") << ", reference "
        << (k < mine.size() ? describe(mine[k]) : "none");

    // Disorder and fires, by week, district and type.
    EXPECT_EQ(out.incidents_true, reference.incidents_true());
    EXPECT_EQ(out.incidents_reported, reference.incidents_reported());
    EXPECT_EQ(out.incidents_est, reference.incidents_est());
    int incidents = 0;
    for (const std::int32_t count : reference.incidents_true()) incidents += count;
    EXPECT_GT(incidents, 20);

    // The comparison covers every mechanism: each acted on some crimes.
    const Coverage& c = reference.coverage();
    std::cout << "replicate " << replicate << ": " << c.crimes << " crimes, " << c.searched << " after a search move, "
              << c.displaced << " displaced, " << c.near_repeat << " with near repeat, " << c.lit_by_item
              << " lit by the item in the dark, " << c.under_cameras << " under the item's cameras, " << c.patrolled
              << " on the patrol's beat, " << c.field_workers << " by the field workers, " << c.arrests << " arrests, "
              << c.arrested_skips << " offender-hours in public skipped under arrest, " << c.programme_evenings
              << " evenings out ending at the drop-in, " << incidents << " disorder incidents and fires, " << c.steered
              << " moves of adaptive units\n";
    EXPECT_GE(c.crimes, 400);
    EXPECT_GT(c.searched, 0);
    EXPECT_GT(c.displaced, 0);
    EXPECT_GT(c.near_repeat, 0);
    EXPECT_GT(c.lit_by_item, 0);
    EXPECT_GT(c.under_cameras, 0);
    EXPECT_GT(c.patrolled, 0);
    EXPECT_GT(c.field_workers, 0);
    EXPECT_GT(c.arrests, 0);
    EXPECT_GT(c.arrested_skips, 0);
    EXPECT_GT(c.programme_evenings, 0);
    EXPECT_GT(c.steered, 0);
}

TEST(Reference, TheEngineMatchesTheNaiveHourStepDrawForDraw) {
    expect_engine_matches_reference(0);
}

TEST(Reference, AnotherReplicateMatchesToo) {
    expect_engine_matches_reference(1);
}

}  // namespace
}  // namespace trygg::reference
