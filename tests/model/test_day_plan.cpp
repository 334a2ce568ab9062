#include "model/day_plan.hpp"

#include "fixtures.hpp"
#include "model/occupancy.hpp"

#include <gtest/gtest.h>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

// Everything the day planner needs for Borlänge, for one replicate.
struct PlannerWorld {
    explicit PlannerWorld(RoutineParams routine, const City& in = borlange_city(), int weeks = 2)
        : city(in),
          params(std::move(routine)),
          timeline(testing::borlange_timeline(weeks)),
          population(testing::borlange_people(city, {9, 0})),
          sites(build_sites(city, population)),
          agents(build_routine_agents(population, sites)),
          destinations(build_destinations(city, sites, params)),
          tables(build_day_tables(timeline, params)),
          rng({9, 0}),
          chunks((population.size() + 999) / 1000) {
        offenders.segments.resize(agents.offenders.size() * kMaxSegments);
        offenders.count.assign(agents.offenders.size(), 0);
    }
    void plan(int day) {
        const DayPlanContext ctx{city, tables, destinations, agents, params, rng};
        for (std::size_t c = 0; c < chunks.size(); ++c) {
            chunks[c].clear();
            plan_day(ctx, day, c * 1000, std::min(population.size(), c * 1000 + 1000), chunks[c], offenders);
        }
    }
    void apply(Occupancy& occ, int bucket) const {
        for (const auto& c : chunks) occ.apply(c.by_hour[static_cast<std::size_t>(bucket)]);
    }
    // People of a presence kind everywhere, for one model day's hour bucket.
    std::int64_t total(const Occupancy& occ, Presence kind) const {
        std::int64_t n = 0;
        for (std::int32_t s = 0; s < sites.size(); ++s) n += occ.at(s, kind);
        return n;
    }

    const City& city;
    RoutineParams params;
    Timeline timeline;
    Population population;
    Sites sites;
    RoutineAgents agents;
    Destinations destinations;
    DayTables tables;
    CounterRng rng;
    std::vector<MoveBuckets> chunks;
    OffenderDay offenders;
};

std::int64_t persons_outside(const PlannerWorld& w, const Occupancy& occ) {
    return static_cast<std::int64_t>(w.population.size()) - occ.residents_present();
}

TEST(DayPlan, EveryoneIsSomewhereEveryHourAndHomeAgainAtFour) {
    PlannerWorld w(borlange_config().params.routine);
    Occupancy occ(w.sites, w.agents);
    const auto at_start = occ.raw();
    for (int day = 0; day < 7; ++day) {
        w.plan(day);
        for (int b = 0; b < kDayHours; ++b) {
            w.apply(occ, b);
            for (auto v : occ.raw()) ASSERT_GE(v, 0) << "day " << day << " bucket " << b;
            // Out-commuters are outside the city, everyone else is counted once.
            ASSERT_GE(persons_outside(w, occ), 0);
        }
        EXPECT_EQ(occ.raw(), at_start) << "day " << day;
    }
}

TEST(DayPlan, WorkersGoToWorkOnWeekdaysNotOnSundays) {
    PlannerWorld w(borlange_config().params.routine);
    auto indoor_adults_at_ten = [&](int day) {
        Occupancy occ(w.sites, w.agents);
        w.plan(day);
        for (int b = 0; b <= 10 - 4; ++b) w.apply(occ, b);
        return w.total(occ, Presence::IndoorsAdult) + persons_outside(w, occ);
    };
    const auto tuesday = indoor_adults_at_ten(8);  // 2025-01-14
    const auto sunday = indoor_adults_at_ten(6);   // 2025-01-12
    // About 0.86 of ~23,000 workers at work on a weekday vs 0.12 on Sundays.
    EXPECT_GT(tuesday, 3 * sunday);
    EXPECT_GT(tuesday, 12000);
}

TEST(DayPlan, PupilsAreAtSchoolOnSchoolDaysOnly) {
    PlannerWorld w(borlange_config().params.routine);
    auto minors_indoors_at_ten = [&](int day) {
        Occupancy occ(w.sites, w.agents);
        w.plan(day);
        for (int b = 0; b <= 6; ++b) w.apply(occ, b);
        return w.total(occ, Presence::IndoorsMinor);
    };
    // 2025-01-07 is in jullov (to 01-07), 2025-01-08 the first school day.
    EXPECT_GT(minors_indoors_at_ten(2), 2 * minors_indoors_at_ten(1));
}

TEST(DayPlan, ClosedVenuesSendYouthOutside) {
    // The mechanism behind "open the sports hall on Friday nights": when no supervised
    // activity is open, youth who wanted one spend the time with peers outside instead.
    RoutineParams params = borlange_config().params.routine;
    PlannerWorld open(params);
    auto youth_outside_at_19 = [](PlannerWorld& w, int day) {
        Occupancy occ(w.sites, w.agents);
        w.plan(day);
        for (int b = 0; b <= 19 - 4; ++b) w.apply(occ, b);
        return w.total(occ, Presence::PublicYouth);
    };
    const auto with_venues = youth_outside_at_19(open, 9);  // Wednesday
    City shut = borlange_city();
    for (auto& p : shut.places) {
        if (p.type == PlaceType::SportsHall || p.type == PlaceType::YouthCentre) p.open_from = p.open_to = 0;
    }
    PlannerWorld closed(params, shut);
    const auto without_venues = youth_outside_at_19(closed, 9);
    EXPECT_GT(without_venues, with_venues + 50);
}

TEST(DayPlan, OffenderSegmentsMatchTheirPlans) {
    PlannerWorld w(borlange_config().params.routine);
    w.plan(4);  // Friday
    ASSERT_FALSE(w.agents.offenders.empty());
    int with_segments = 0;
    for (std::size_t r = 0; r < w.agents.offenders.size(); ++r) {
        const int n = w.offenders.count[r];
        with_segments += n > 0;
        int previous_end = 4;
        for (int k = 0; k < n; ++k) {
            const Segment& s = w.offenders.segments[r * kMaxSegments + static_cast<std::size_t>(k)];
            ASSERT_LT(s.start, s.end);
            ASSERT_GE(s.start, previous_end);  // blocks never overlap
            ASSERT_LE(s.end, 27);
            previous_end = s.end;
        }
    }
    EXPECT_GT(with_segments, static_cast<int>(w.agents.offenders.size() / 2));
}

}  // namespace
}  // namespace trygg
