#include "sim/replicate.hpp"

#include "model/day_plan.hpp"
#include "model/day_tables.hpp"
#include "model/destinations.hpp"
#include "model/occupancy.hpp"
#include "model/offending.hpp"
#include "model/sites.hpp"
#include "model/visitors.hpp"
#include "population/synthesis.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <cmath>

namespace trygg {
namespace {

// Persons per planning chunk. Fixed, so chunk boundaries — and the order in which moves
// are applied — never depend on the number of threads.
constexpr std::size_t kChunk = 2048;

bool is_public(Presence k) {
    return k == Presence::PublicAdult || k == Presence::PublicYouth || k == Presence::PublicChild;
}

class CityReplicate {
public:
    CityReplicate(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key)
        : city_(city), params_(params), timeline_(timeline), rng_(key),
          population_(synthesise_population(city, params.population, key)),
          sites_(build_sites(city, population_)),
          agents_(build_routine_agents(population_, sites_)),
          destinations_(build_destinations(city, sites_, params.routine)),
          tables_(build_day_tables(timeline, params.routine)),
          occupancy_(sites_, agents_),
          visitors_(city, sites_),
          tally_(timeline.weeks, static_cast<int>(city.districts.size()), city.grid.cells()),
          chunks_((population_.size() + kChunk - 1) / kChunk) {
        offender_day_.segments.resize(agents_.offenders.size() * kMaxSegments);
        offender_day_.count.assign(agents_.offenders.size(), 0);
    }

    ReplicateOutput run(const WeekDone& on_week) {
        const int hours = timeline_.hours();
        // 00:00–03:59 of the first day: everyone at home, no plan made yet.
        for (int hour = 0; hour < std::min(4, hours); ++hour) step_hour(hour, -1);
        for (int day = 0; day < tables_.days; ++day) {
            plan_day(day);
            for (int bucket = 0; bucket < kDayHours; ++bucket) {
                const int hour = day * 24 + 4 + bucket;
                if (hour >= hours) break;
                step_hour(hour, bucket);
                if ((hour + 1) % (24 * 7) == 0 && on_week) on_week((hour + 1) / (24 * 7));
            }
        }
        ReplicateOutput out;
        out.weekly = tally_.weekly();
        out.by_cell = tally_.by_cell();
        out.residents.assign(static_cast<std::size_t>(city_.grid.cells()), 0);
        for (auto c : population_.home_cell) ++out.residents[static_cast<std::size_t>(c)];
        out.agent_hours = static_cast<std::int64_t>(population_.size()) * hours;
        return out;
    }

private:
    // The hour, phase by phase.
    void step_hour(int hour, int bucket) {
        if (bucket >= 0) move_people(bucket);  // 1. arrivals and departures of this hour
        admit_visitors(hour);                  // 2. visitor flows into the centre and its places
        commit_offences(hour);                 // 3. the situational offending rule
    }

    // At 04:00: every person's blocks for the model day, in parallel over fixed chunks.
    void plan_day(int day) {
        const DayPlanContext ctx{city_, tables_, destinations_, agents_, params_.routine, rng_};
        tbb::parallel_for(
            tbb::blocked_range<std::size_t>(0, chunks_.size(), 1),
            [&](const tbb::blocked_range<std::size_t>& r) {
                for (std::size_t c = r.begin(); c != r.end(); ++c) {
                    chunks_[c].clear();
                    const std::size_t first = c * kChunk;
                    const std::size_t last = std::min(first + kChunk, population_.size());
                    trygg::plan_day(ctx, day, first, last, chunks_[c], offender_day_);
                }
            },
            tbb::simple_partitioner());
    }

    void move_people(int bucket) {
        for (const auto& chunk : chunks_) occupancy_.apply(chunk.by_hour[static_cast<std::size_t>(bucket)]);
    }

    void admit_visitors(int hour) {
        visitors_.apply(occupancy_, hour % 24, tables_.weekend[static_cast<std::size_t>(hour / 24)] != 0);
    }

    void commit_offences(int hour) {
        const int clock = hour % 24;
        // Hours 00–03 belong to the previous model day, whose plan is still current.
        const int model_clock = clock < 4 ? clock + 24 : clock;
        const DayInfo& day = timeline_.days[static_cast<std::size_t>(hour / 24)];
        const DayInfo& evening = clock < 4 && hour >= 24 ? timeline_.days[static_cast<std::size_t>(hour / 24 - 1)] : day;
        Setting setting;
        setting.clock_hour = clock;
        setting.darkness = timeline_.darkness[static_cast<std::size_t>(hour)];
        setting.weekend = tables_.weekend[static_cast<std::size_t>(hour / 24)] != 0;
        setting.festive_night = evening.festive_night && (clock >= 18 || clock < 4);
        const auto& offenders = agents_.offenders;
        for (std::size_t rank = 0; rank < offenders.size(); ++rank) {
            const Segment* seg = current_segment(rank, model_clock);
            if (!seg || seg->site < 0 || !is_public(seg->kind)) continue;
            const std::uint32_t person = offenders[rank];
            setting.site = seg->site;
            const bool youth = agents_.age_group[person] != static_cast<std::uint8_t>(AgeGroup::Adult);
            const OffenceRates rates = offence_rates(params_.offending, sites_, occupancy_, setting,
                                                     population_.propensity[person], youth);
            if (rates.total <= 0) continue;
            const auto w = rng_.words(Stream::Offending, person, static_cast<std::uint32_t>(hour));
            if (to_unit(w[0]) >= -std::expm1(-rates.total)) continue;
            double pick = to_unit(w[1]) * rates.total;
            int type = 0;
            while (type + 1 < kCrimeTypes && (pick -= rates.rate[static_cast<std::size_t>(type)]) >= 0) ++type;
            while (rates.rate[static_cast<std::size_t>(type)] <= 0) --type;  // rounding at the top end
            const std::int32_t cell = sites_.cell[static_cast<std::size_t>(seg->site)];
            tally_.record({hour, cell, city_.cell_district[static_cast<std::size_t>(cell)], static_cast<CrimeType>(type), person});
        }
    }

    const Segment* current_segment(std::size_t rank, int model_clock) const {
        const std::size_t n = offender_day_.count[rank];
        for (std::size_t k = 0; k < n; ++k) {
            const Segment& s = offender_day_.segments[rank * kMaxSegments + k];
            if (model_clock >= s.start && model_clock < s.end) return &s;
        }
        return nullptr;
    }

    const City& city_;
    const ModelParams& params_;
    const Timeline& timeline_;
    CounterRng rng_;
    Population population_;
    Sites sites_;
    RoutineAgents agents_;
    Destinations destinations_;
    DayTables tables_;
    Occupancy occupancy_;
    VisitorFlow visitors_;
    CrimeTally tally_;
    std::vector<MoveBuckets> chunks_;
    OffenderDay offender_day_;
};

}  // namespace

ReplicateOutput run_replicate(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key,
                              const WeekDone& on_week) {
    CityReplicate replicate(city, params, timeline, key);
    return replicate.run(on_week);
}

}  // namespace trygg
