#include "model/reporting.hpp"

#include "fixtures.hpp"
#include "model/lagesbild.hpp"
#include "policy/intervention.hpp"
#include "policy/mobile_units.hpp"
#include "population/synthesis.hpp"
#include "world/place.hpp"

#include <gtest/gtest.h>

#include "core/parallel.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdlib>

namespace trygg {
namespace {

ReportingParams params() {
    ReportingParams p;
    p.police.fill(0.5);
    p.police[static_cast<std::size_t>(CrimeType::Drugs)] = 1.0;
    p.found_by_police[static_cast<std::size_t>(CrimeType::Drugs)] = true;
    p.efficacy_reference = 0.6;
    p.efficacy_exponent = 1.0;
    return p;
}

TEST(Reporting, LowCollectiveEfficacyLowersReportingButNotWhatPoliceFind) {
    const ReportingParams p = params();
    ReportContext c;
    c.type = CrimeType::Assault;
    c.collective_efficacy = 0.6;
    EXPECT_DOUBLE_EQ(police_probability(p, c), 0.5);
    c.collective_efficacy = 0.3;
    EXPECT_DOUBLE_EQ(police_probability(p, c), 0.25);
    c.collective_efficacy = 0.9;  // more willing than at the reference: 0.5 × 0.9 / 0.6
    EXPECT_DOUBLE_EQ(police_probability(p, c), 0.75);
    c.type = CrimeType::Drugs;
    c.collective_efficacy = 0.1;
    EXPECT_DOUBLE_EQ(police_probability(p, c), 1.0);
}

// The willingness factor can lift the share above 1 where efficacy is high; the probability
// is capped there. Hand-built so that the uncapped value is well above 1 (0.8 × (1.0 / 0.4)²
// = 5), and just below the cap the factor still acts.
TEST(Reporting, HighCollectiveEfficacyCapsTheProbabilityAtOne) {
    ReportingParams p = params();
    p.police[static_cast<std::size_t>(CrimeType::Burglary)] = 0.8;
    p.efficacy_reference = 0.4;
    p.efficacy_exponent = 2.0;
    ReportContext c;
    c.type = CrimeType::Burglary;
    c.collective_efficacy = 1.0;
    EXPECT_EQ(police_probability(p, c), 1.0);  // uncapped: 5.0
    c.collective_efficacy = 0.44;              // uncapped: 0.8 × 1.1² = 0.968, below the cap
    EXPECT_NEAR(police_probability(p, c), 0.968, 1e-12);
    // Incidents (calls) are capped the same way.
    p.police_incidents[0] = 0.9;
    c.incident = 0;
    c.collective_efficacy = 1.0;
    EXPECT_EQ(police_probability(p, c), 1.0);  // uncapped: 5.625
}

TEST(Reporting, ActorsSeeOnlyTheirDomain) {
    EstReporter keolis;
    keolis.crime_types = 1u << static_cast<unsigned>(CrimeType::Assault);
    keolis.place_types = 1u << static_cast<unsigned>(PlaceType::TravelCentre);
    ReportContext c;
    c.type = CrimeType::Assault;
    c.place_types = 1u << static_cast<unsigned>(PlaceType::TravelCentre);
    EXPECT_TRUE(sees(keolis, c));
    c.place_types = 1u << static_cast<unsigned>(PlaceType::School);
    EXPECT_FALSE(sees(keolis, c));
    c.place_types = 1u << static_cast<unsigned>(PlaceType::TravelCentre);
    c.type = CrimeType::Burglary;
    EXPECT_FALSE(sees(keolis, c));

    EstReporter school;
    school.crime_types = 1u << static_cast<unsigned>(CrimeType::Assault);
    school.young_offenders_only = true;
    c.type = CrimeType::Assault;
    c.young_offender = false;
    EXPECT_FALSE(sees(school, c));
    c.young_offender = true;
    EXPECT_TRUE(sees(school, c));

    EstReporter housing;
    housing.crime_types = 1u << static_cast<unsigned>(CrimeType::Vandalism);
    housing.districts = {3};
    c.type = CrimeType::Vandalism;
    c.district = 3;
    EXPECT_TRUE(sees(housing, c));
    c.district = 4;
    EXPECT_FALSE(sees(housing, c));
}

// A cluster of crimes in one corner of a quiet raster is a hotspot in the week's picture;
// what EST does not know of, its picture cannot show.
TEST(Lagesbild, FindsAClusterAndCountsItsWeeks) {
    const RasterShape raster{30, 30, 100.0};
    LagesbildParams p{250.0, 0.05, Correction::FalseDiscoveryRate, 300.0, 3};
    Lagesbild picture(raster, std::vector<std::uint8_t>(900, 1), p);
    const int cluster = 5 * 30 + 5;
    for (int week = 0; week < 2; ++week) {
        for (int k = 0; k < 12; ++k)
            picture.add(cluster + (k % 3) + 30 * (k / 3 % 2), /*known_to_est=*/week == 0, /*clock_hour=*/14);
        picture.add(20 * 30 + 20, true, 14);  // a lone crime elsewhere
        picture.close_week();
    }
    ASSERT_EQ(picture.weeks().size(), 2u);
    EXPECT_GT(picture.weeks()[0].true_cells, 0);
    EXPECT_EQ(picture.weeks()[0].both, picture.weeks()[0].true_cells);
    EXPECT_EQ(picture.frequency_true()[static_cast<std::size_t>(cluster)], 2);
    EXPECT_EQ(picture.frequency_est()[static_cast<std::size_t>(cluster)], 1);  // week 2: EST never heard of it
    EXPECT_EQ(picture.frequency_true()[20 * 30 + 20], 0);                      // one crime is not a hotspot
    // KDE top-k of the EST picture: the cluster's cells in week 1 only, the lone crime's
    // cell in week 2, when it is all EST knows.
    int cluster_weeks = 0;
    for (int dy = 0; dy < 2; ++dy) {
        for (int dx = 0; dx < 3; ++dx) {
            const int weeks = picture.kde_frequency_est()[static_cast<std::size_t>(cluster + dx + 30 * dy)];
            EXPECT_LE(weeks, 1);
            cluster_weeks += weeks;
        }
    }
    EXPECT_GE(cluster_weeks, 1);
    EXPECT_EQ(picture.kde_frequency_est()[20 * 30 + 20], 1);
}

// Units are steered by the crimes of their hours: a daytime cluster fills the week's
// picture, but the evening crimes elsewhere are where the evening shift is sent; the
// hotspots are a beat apart; hours with no crime known to EST name none. Hours are the
// run's (day 0 a Monday).
// When another replicate of the same parallel loop fails (out of memory), TBB cancels the
// group, and the week's nested search for hotspots returns without having run. close_week
// must stop rather than read the pictures it never got (it segfaulted with two threads).
TEST(Lagesbild, AWeekClosedInACancelledGroupStopsInsteadOfReadingNothing) {
    const RasterShape raster{30, 30, 100.0};
    LagesbildParams p{250.0, 0.05, Correction::FalseDiscoveryRate, 300.0, 3};
    Lagesbild picture(raster, std::vector<std::uint8_t>(900, 1), p);
    picture.add(5 * 30 + 5, true, 14);
    bool stopped = false;
    tbb::task_group_context group;
    tbb::task_arena arena(2);
    arena.execute([&] {
        tbb::parallel_for(
            tbb::blocked_range<int>(0, 1),
            [&](const tbb::blocked_range<int>&) {
                group.cancel_group_execution();  // what a failing sibling task does
                try {
                    picture.close_week();
                } catch (const TaskCancelled&) {
                    stopped = true;
                }
            },
            tbb::simple_partitioner(), group);
    });
    EXPECT_TRUE(stopped);
    EXPECT_TRUE(picture.weeks().empty()) << "a cancelled week must not be counted";
}

TEST(Lagesbild, HotspotsInTheHoursOfTheUnits) {
    const RasterShape raster{30, 30, 100.0};
    LagesbildParams p{250.0, 0.05, Correction::FalseDiscoveryRate, 300.0, 2};
    Lagesbild picture(raster, std::vector<std::uint8_t>(900, 1), p);
    const auto clock = [](int from, int to) {
        return [=](int hour) {
            const int c = hour % 24;
            return from < to ? c >= from && c < to : c >= from || c < to;
        };
    };
    const int day_spot = 5 * 30 + 5, night_spot = 20 * 30 + 20, friday_spot = 25 * 30 + 5;
    for (int k = 0; k < 10; ++k) picture.add(day_spot, true, 13);                 // shop theft at noon
    for (int k = 0; k < 4; ++k) picture.add(night_spot, true, k == 0 ? 23 : 25);  // Monday 23:00, Tuesday 01:00
    picture.add(night_spot + 1, true, 22);                                    // next to the night spot: inside its beat
    picture.add(night_spot + 5, false, 22);                                   // not known to EST: cannot steer
    picture.add(night_spot + 8, true, 26);                                    // 02:00 is past a 16–02 shift
    for (int k = 0; k < 6; ++k) picture.add(friday_spot, true, 4 * 24 + 20);  // Friday 20:00
    EXPECT_TRUE(picture.hotspots_in(clock(16, 2)).empty());                   // nothing before the week closes
    picture.close_week();
    EXPECT_EQ(picture.last_top_est().front(), day_spot);
    const auto evening = picture.hotspots_in(clock(16, 2));
    ASSERT_EQ(evening.size(), 2u);
    EXPECT_EQ(evening[0], friday_spot);  // six crimes against the night spot's four and one
    EXPECT_EQ(evening[1], night_spot);
    // Monday to Thursday evenings only: the Friday cluster does not show, nor the 02:00 crime.
    const auto weekday_evenings = picture.hotspots_in([&](int hour) { return clock(16, 2)(hour) && hour < 4 * 24; });
    ASSERT_FALSE(weekday_evenings.empty());
    EXPECT_EQ(weekday_evenings[0], night_spot);
    const auto gap = [](int a, int b) { return std::max(std::abs(a % 30 - b % 30), std::abs(a / 30 - b / 30)); };
    for (int c : weekday_evenings) EXPECT_LE(gap(c, night_spot), 3) << c;
    EXPECT_EQ(picture.hotspots_in(clock(0, 24)).front(), day_spot);
    EXPECT_TRUE(picture.hotspots_in(clock(4, 8)).empty());
    // The next week's picture replaces it.
    picture.add(day_spot, true, 7 * 24 + 9);
    picture.close_week();
    EXPECT_TRUE(picture.hotspots_in(clock(16, 2)).empty());
}

// Adaptive steering moves mobile units to the picture's hotspots each week; static units
// stay where they were put. A unit covers its cell and the eight around it.
TEST(MobileUnits, AdaptiveUnitsFollowTheHotspotsStaticOnesStay) {
    const City& city = testing::borlange_city();
    const Population pop = synthesise_population(city, testing::borlange_config().params.population, {1, 0});
    const Sites sites = build_sites(city, pop);
    const int hotspot = city.place_cell[0];
    const int other = city.place_cell[5];
    const std::vector<int> start = {city.place_cell[2], city.place_cell[3]};
    MobileUnits fixed(city, sites, 2, start, /*adaptive=*/false);
    fixed.steer({hotspot, other});
    EXPECT_EQ(fixed.cells(), start);
    EXPECT_EQ(fixed.moves(), 0);
    MobileUnits adaptive(city, sites, 2, start, /*adaptive=*/true);
    adaptive.steer({hotspot, other, city.place_cell[7]});
    EXPECT_EQ(adaptive.cells(), (std::vector<int>{hotspot, other}));
    EXPECT_EQ(adaptive.moves(), 1);
    adaptive.steer({});  // no picture this week: stay
    EXPECT_EQ(adaptive.cells(), (std::vector<int>{hotspot, other}));
    EXPECT_EQ(adaptive.at(sites.of_cell(hotspot)), 1);
    EXPECT_EQ(adaptive.at(sites.of_cell(start[0])), start[0] == hotspot || start[0] == other ? 1 : 0);
    const int beside = city.grid.index(city.grid.col(hotspot) + 1, city.grid.row(hotspot));
    if (sites.of_cell(beside) >= 0) {
        EXPECT_EQ(adaptive.at(sites.of_cell(beside)), 1);
    }
}

// A window's small hours belong to the evening before: a Friday 22–02 window covers Friday
// 22:00 and Saturday 01:00 but not Friday 01:00; dates bound it.
TEST(ActiveWindow, EveningWindowsRunPastMidnightOnTheirEveningsWeekday) {
    ActiveWindow w;
    w.from_hour = 22;
    w.to_hour = 2;
    w.weekdays = 1u << 4;  // Friday
    w.first_day = 0;
    w.last_day = 13;
    // Model day 0 is a Monday: day 4 a Friday.
    auto weekday = [](int day) { return day % 7 + 1; };
    EXPECT_TRUE(w.covers(4 * 24 + 22, weekday));
    EXPECT_TRUE(w.covers(5 * 24 + 1, weekday));
    EXPECT_FALSE(w.covers(4 * 24 + 1, weekday));
    EXPECT_FALSE(w.covers(4 * 24 + 21, weekday));
    EXPECT_FALSE(w.covers(3 * 24 + 22, weekday));
    EXPECT_TRUE(w.covers(11 * 24 + 23, weekday));
    EXPECT_FALSE(w.covers(18 * 24 + 23, weekday));  // past last_day
    EXPECT_EQ(w.days_in(10), 10);
    EXPECT_EQ(w.days_in(100), 14);
}

}  // namespace
}  // namespace trygg
