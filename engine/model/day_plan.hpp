#pragma once
// The day planner: for every person and day, the blocks away from home, turned into moves
// between occupancy slots bucketed by hour. This is the hot kernel: one pass over the
// population per day, two Philox calls per person, no allocation and no virtual call.
// Occupancy is then updated on transitions only (DESIGN §7), a few times per person-day,
// instead of touching every agent every hour.
#include "core/clock.hpp"
#include "core/rng.hpp"
#include "model/day_tables.hpp"
#include "model/destinations.hpp"
#include "model/presence.hpp"
#include "population/population.hpp"
#include "world/city.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace trygg {

enum class AgeGroup : std::uint8_t { Child, Youth, Adult };  // <12, 12–17, 18+

// Per person, what the planner needs, in hot-loop form.
struct RoutineAgents {
    std::vector<std::uint8_t> routine_class;
    std::vector<std::uint8_t> age_group;
    std::vector<std::uint8_t> age;
    std::vector<std::int32_t> home_site;
    std::vector<std::int32_t> anchor_site;    // -1: outside the municipality
    std::vector<std::int32_t> offender_rank;  // -1: no active criminal career
    std::vector<std::uint32_t> offenders;     // [rank] person
    std::size_t size() const { return routine_class.size(); }
};
RoutineAgents build_routine_agents(const Population& pop, const Sites& sites);
// Person i's entry again from the population (after a birthday, a new school year, a move).
void refresh_agent(RoutineAgents& a, const Population& pop, const Sites& sites, std::size_t i);
// The offenders, in person order, from the population's propensities.
void rank_offenders(RoutineAgents& a, const Population& pop);

// One person moving between two occupancy slots; -1 is outside the city.
struct Move {
    std::int32_t from;
    std::int32_t to;
};

// Where an offender is during one block of the day (clock hours [start, end), 4..27).
struct Segment {
    std::int32_t site = -1;
    std::uint8_t start = 0;
    std::uint8_t end = 0;
    Presence kind = Presence::HomeAdult;
    std::uint8_t pad = 0;
};
// One per block, and one more: an evening out split by a programme (out, then at the venue).
inline constexpr int kMaxSegments = kBlocks + 1;
inline constexpr int kDayHours = kHoursPerDay;  // buckets: model-day hours 4..27

// Moves of one chunk of persons, by hour of the model day (bucket 0 = 04:00), and what they
// do to the city-wide count of each kind of presence. The counts are kept here, by the
// planner that runs in parallel, so that applying the moves in the serial hour step stays a
// bare pass over the moves.
struct MoveBuckets {
    std::array<std::vector<Move>, kDayHours> by_hour;
    std::array<PresenceCounts, kDayHours> change{};  // [bucket][kind] arrivals − departures

    void add(int bucket, Move m) {
        const auto b = static_cast<std::size_t>(bucket);
        // The vectors are kept from day to day, so each holds room for its hour's busiest day
        // so far (at 1 times Borlänge 1.36 times the busiest day's moves in all: the hours
        // peak on different days). Grown by doubling they held 2.1 times, by an eighth 1.6 (26
        // weeks at 1 and 16 times Borlänge; bench/README.md, cost against population).
        auto& moves = by_hour[b];
        if (moves.size() == moves.capacity()) moves.reserve(moves.size() + moves.size() / 8 + 64);
        moves.push_back(m);
        if (m.from >= 0) --change[b][static_cast<std::size_t>(m.from) % kPresenceKinds];
        if (m.to >= 0) ++change[b][static_cast<std::size_t>(m.to) % kPresenceKinds];
    }
    void clear() {
        for (auto& v : by_hour) v.clear();
        change = {};
    }
};

// Offender whereabouts for the current day, indexed by offender rank.
struct OffenderDay {
    std::vector<Segment> segments;    // [rank][kMaxSegments]
    std::vector<std::uint8_t> count;  // [rank]
};

// A programme (an evening opening of a sports hall or youth centre, DESIGN §3.11) running on
// one model day, in the day planner's terms: young people of the ages within its catchment
// who would have spent the evening out with peers come with probability uptake instead.
struct ProgrammeDay {
    std::int32_t site = -1;  // the venue's site
    int from = 0;            // model-day clock hours [from, to), 4..28
    int to = 0;
    std::uint32_t bit = 0;  // bit of the programme in ProgrammeReach::home_site
    std::uint8_t min_age = 0;
    std::uint8_t max_age = 0;
    std::uint16_t uptake16 = 0;  // probability of coming, scaled to 65536
    bool low_structure = false;  // a drop-in rather than an adult-led programme
};

// What a site holds for a young person spending time there, read together (one cache line
// for the planner's random access).
struct SiteExposure {
    float offenders = 0.0f;      // weight of the offenders seen there last week, 0..1
    float members = 0.0f;        // 1 where network members spent time last week
    float field_workers = 0.0f;  // 1 where field workers stand this week
};

// Where the planner adds young people's weekly exposure (the youth layer owns the arrays;
// persons are planned in disjoint ranges, so each entry has one writer).
struct WeekExposureView {
    float* criminogenic_hours = nullptr;        // [person]
    float* member_hours = nullptr;              // [person]
    float* structured_hours = nullptr;          // [person]
    float* programme_hours = nullptr;           // [person]
    const SiteExposure* sites = nullptr;        // [site] what a young person meets there
    std::uint8_t* met_field_workers = nullptr;  // [person] set when out where they stand
    std::int32_t* leisure_site = nullptr;       // [person] venue of structured leisure this week, or -1
    float structured_programme_hours = 1.0f;
    float low_structure_exposure = 1.0f;
};

// Which home sites lie within each programme's catchment (bit k: programme k).
struct ProgrammeReach {
    std::vector<std::uint32_t> home_site;  // [site]
};

struct DayPlanContext {
    const City& city;
    const DayTables& tables;
    const Destinations& destinations;
    const RoutineAgents& agents;
    const RoutineParams& params;
    const CounterRng& rng;
    const std::vector<ProgrammeDay>* programmes = nullptr;  // today's, or none
    const ProgrammeReach* reach = nullptr;
    WeekExposureView* exposure = nullptr;  // young people's week, or none
    int exposure_from = 10;                // ages whose exposure is kept
    int exposure_to = 24;
    // Residents who avoid going out at night for fear of crime (model/insecurity.hpp): their
    // blocks in public end by `avoid_from` (a model-day hour). Null: nobody avoids.
    const std::uint8_t* avoids_night = nullptr;
    int avoid_from = 21;
};

// Plans persons [first, last) for `day` into `moves` and `offenders`. Safe to run for
// disjoint person ranges concurrently (offender segments are indexed by rank).
void plan_day(const DayPlanContext& ctx, int day, std::size_t first, std::size_t last, MoveBuckets& moves,
              OffenderDay& offenders);

// The presence kind of a person in a setting.
Presence home_kind(AgeGroup g);
Presence indoors_kind(AgeGroup g);
Presence public_kind(AgeGroup g);

}  // namespace trygg
