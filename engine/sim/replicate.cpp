#include "sim/replicate.hpp"

#include "core/parallel.hpp"
#include "model/day_plan.hpp"
#include "model/day_tables.hpp"
#include "model/destinations.hpp"
#include "model/near_repeat.hpp"
#include "model/occupancy.hpp"
#include "model/offending.hpp"
#include "model/sites.hpp"
#include "model/visitors.hpp"
#include "policy/deployment.hpp"
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

std::vector<std::uint8_t> study_area(const City& city) {
    std::vector<std::uint8_t> area(city.cell_district.size());
    for (std::size_t c = 0; c < area.size(); ++c) area[c] = city.cell_district[c] >= 0 ? 1 : 0;
    return area;
}

bool is_public(Presence k) {
    return k == Presence::PublicAdult || k == Presence::PublicYouth || k == Presence::PublicChild;
}

class CityReplicate {
public:
    CityReplicate(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key, bool keep_events)
        : city_(city),
          params_(params),
          timeline_(timeline),
          rng_(key),
          population_(synthesise_population(city, params.population, key)),
          sites_(build_sites(city, population_)),
          agents_(build_routine_agents(population_, sites_)),
          destinations_(build_destinations(city, sites_, params.routine)),
          tables_(build_day_tables(timeline, params.routine)),
          occupancy_(sites_, agents_),
          visitors_(city, sites_),
          near_repeat_(params.near_repeat, city.grid.nx, city.grid.ny),
          ledger_(timeline.weeks, static_cast<int>(city.districts.size()), city.grid.cells(), keep_events),
          lagesbild_(RasterShape{city.grid.nx, city.grid.ny, city.grid.cell_size}, study_area(city), params.lagesbild),
          deployment_(city, sites_, agents_, params.interventions, params.policing, params.field_workers,
                      params.offending.diffusion_of_benefit, timeline),
          chunks_((population_.size() + kChunk - 1) / kChunk) {
        offender_day_.segments.resize(agents_.offenders.size() * kMaxSegments);
        offender_day_.count.assign(agents_.offenders.size(), 0);
        free_from_.assign(agents_.offenders.size(), 0);
    }

    ReplicateOutput run(const WeekDone& on_week) {
        const int hours = timeline_.hours();
        // 00:00–03:59 of the first day: everyone at home, no plan made yet.
        for (int hour = 0; hour < std::min(4, hours); ++hour) step_hour(hour, -1);
        for (int day = 0; day < tables_.days; ++day) {
            if (day > 0) near_repeat_.end_of_day();  // the previous model day's crimes
            plan_day(day);
            for (int bucket = 0; bucket < kDayHours; ++bucket) {
                const int hour = day * 24 + 4 + bucket;
                if (hour >= hours) break;
                step_hour(hour, bucket);
                if ((hour + 1) % (24 * 7) == 0) {
                    count_patrolled_week();
                    lagesbild_.close_week();  // the week's picture, for the EST meeting …
                    // … which steers the mobile units, each by the crimes of its hours
                    deployment_.steer([&](const auto& works) { return lagesbild_.hotspots_in(works); });
                    if (on_week) on_week((hour + 1) / (24 * 7));
                }
            }
        }
        ReplicateOutput out;
        out.weekly = ledger_.weekly_true();
        out.weekly_reported = ledger_.weekly_reported();
        out.weekly_est = ledger_.weekly_est();
        out.by_cell = ledger_.cells_true();
        out.by_cell_est = ledger_.cells_est();
        out.victims = ledger_.victims();
        out.events = ledger_.events();
        out.arrests = arrests_;
        out.hotspots_true = lagesbild_.frequency_true();
        out.hotspots_est = lagesbild_.frequency_est();
        out.kde_top_est = lagesbild_.kde_frequency_est();
        out.weekly_hotspots = lagesbild_.weeks();
        out.patrol_weeks = patrol_weeks_;
        out.by_hour = ledger_.by_hour();
        out.youth_public = youth_public_;
        out.treated = deployment_.treated_cells();
        out.residents.assign(static_cast<std::size_t>(city_.grid.cells()), 0);
        for (auto c : population_.home_cell) ++out.residents[static_cast<std::size_t>(c)];
        out.agent_hours = static_cast<std::int64_t>(population_.size()) * hours;
        return out;
    }

private:
    // The hour, phase by phase.
    void step_hour(int hour, int bucket) {
        deployment_.begin_hour(hour);          // 0. measures and units of this hour
        if (bucket >= 0) move_people(bucket);  // 1. arrivals and departures of this hour
        admit_visitors(hour);                  // 2. visitor flows into the centre and its places
        commit_offences(hour);                 // 3. the situational offending rule
        youth_public_[static_cast<std::size_t>(hour % (24 * 7))] += occupancy_.total(Presence::PublicYouth);
    }

    // At 04:00: every person's blocks for the model day, in parallel over fixed chunks.
    void plan_day(int day) {
        const std::vector<ProgrammeDay> programmes = deployment_.programmes_on(day, tables_);
        const DayPlanContext ctx{city_,           tables_, destinations_, agents_,
                                 params_.routine, rng_,    &programmes,   &deployment_.reach()};
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
        stop_if_cancelled();  // half-planned days must not be simulated
    }

    void move_people(int bucket) {
        for (const auto& chunk : chunks_) occupancy_.apply(chunk, bucket);
    }

    void admit_visitors(int hour) {
        visitors_.apply(occupancy_, hour % 24, tables_.weekend[static_cast<std::size_t>(hour / 24)] != 0);
    }

    void commit_offences(int hour) {
        const int clock = hour % 24;
        // Hours 00–03 belong to the previous model day, whose plan is still current.
        const int model_clock = clock < 4 ? clock + 24 : clock;
        const DayInfo& day = timeline_.days[static_cast<std::size_t>(hour / 24)];
        const DayInfo& evening =
            clock < 4 && hour >= 24 ? timeline_.days[static_cast<std::size_t>(hour / 24 - 1)] : day;
        Setting setting;
        setting.clock_hour = clock;
        setting.darkness = timeline_.darkness[static_cast<std::size_t>(hour)];
        setting.weekend = tables_.weekend[static_cast<std::size_t>(hour / 24)] != 0;
        setting.festive_night = evening.festive_night && (clock >= 18 || clock < 4);
        const auto& offenders = agents_.offenders;
        for (std::size_t rank = 0; rank < offenders.size(); ++rank) {
            if (hour < free_from_[rank]) continue;  // arrested: off the street
            const Segment* seg = current_segment(rank, model_clock);
            if (!seg || seg->site < 0 || !is_public(seg->kind)) continue;
            const std::uint32_t person = offenders[rank];
            std::int32_t site = seg->site;
            if (params_.offending.search > 0) {
                const auto m = rng_.words(Stream::Offending, person, static_cast<std::uint32_t>(hour), 2);
                if (to_unit(m[0]) < params_.offending.search) site = attractive_neighbour(site, to_unit(m[1]));
            }
            setting.site = site;
            const bool youth = agents_.age_group[person] != static_cast<std::uint8_t>(AgeGroup::Adult);
            deployment_.add_units(setting, site, youth);
            const std::int32_t cell = sites_.cell[static_cast<std::size_t>(site)];
            OffenceRates rates =
                offence_rates(params_.offending, sites_, occupancy_, setting, population_.propensity[person], youth);
            apply_near_repeat(rates, cell);
            if (rates.total <= 0) continue;
            const auto w = rng_.words(Stream::Offending, person, static_cast<std::uint32_t>(hour));
            const double u = to_unit(w[0]);
            if (u < -std::expm1(-rates.total)) {
                record_crime(hour, rank, site, pick_type(rates, to_unit(w[1])), to_unit(w[2]));
            } else if (u < -std::expm1(-rates.undeterred_total) && to_unit(w[3]) < params_.offending.displacement) {
                displace(hour, rank, site, setting, youth, w[3]);
            }
        }
    }

    void count_patrolled_week() {
        for (std::int32_t s = 0; s < sites_.size(); ++s) {
            if (deployment_.patrolled(s))
                ++patrol_weeks_[static_cast<std::size_t>(sites_.cell[static_cast<std::size_t>(s)])];
        }
    }

    // The sites of the eight cells around `site` (those anyone uses).
    int neighbours(std::int32_t site, std::array<std::int32_t, 8>& around) const {
        const int cell = sites_.cell[static_cast<std::size_t>(site)];
        const auto& grid = city_.grid;
        int n = 0;
        for (int dr = -1; dr <= 1; ++dr) {
            for (int dc = -1; dc <= 1; ++dc) {
                const int r = grid.row(cell) + dr, c = grid.col(cell) + dc;
                if ((dr == 0 && dc == 0) || r < 0 || c < 0 || r >= grid.ny || c >= grid.nx) continue;
                const std::int32_t s = sites_.of_cell(grid.index(c, r));
                if (s >= 0) around[static_cast<std::size_t>(n++)] = s;
            }
        }
        return n;
    }

    // A neighbouring site chosen with probability ∝ its attractiveness 1 + B.
    std::int32_t attractive_neighbour(std::int32_t site, double u) const {
        std::array<std::int32_t, 8> around{};
        const int n = neighbours(site, around);
        if (n == 0) return site;
        std::array<double, 8> weight{};
        double total = 0.0;
        for (int k = 0; k < n; ++k) {
            const auto kk = static_cast<std::size_t>(k);
            weight[kk] = near_repeat_.attractiveness(sites_.cell[static_cast<std::size_t>(around[kk])]);
            total += weight[kk];
        }
        double pick = u * total;
        for (int k = 0; k < n; ++k) {
            if ((pick -= weight[static_cast<std::size_t>(k)]) < 0) return around[static_cast<std::size_t>(k)];
        }
        return around[static_cast<std::size_t>(n - 1)];
    }

    static CrimeType pick_type(const OffenceRates& rates, double u) {
        double pick = u * rates.total;
        int type = 0;
        while (type + 1 < kCrimeTypes && (pick -= rates.rate[static_cast<std::size_t>(type)]) >= 0) ++type;
        while (rates.rate[static_cast<std::size_t>(type)] <= 0) --type;  // rounding at the top end
        return static_cast<CrimeType>(type);
    }

    // Displacement: deterred here, the offender tries one of the eight neighbouring cells that
    // anyone uses (chosen with the spare bits of the deciding draw) and meets its setting.
    void displace(int hour, std::size_t rank, std::int32_t site, Setting setting, bool youth, std::uint32_t bits) {
        std::array<std::int32_t, 8> around{};
        const int n = neighbours(site, around);
        if (n == 0) return;
        setting.site = around[static_cast<std::size_t>((bits & 0xffffu) % static_cast<std::uint32_t>(n))];
        deployment_.add_units(setting, setting.site, youth);
        const std::uint32_t person = agents_.offenders[rank];
        OffenceRates rates =
            offence_rates(params_.offending, sites_, occupancy_, setting, population_.propensity[person], youth);
        apply_near_repeat(rates, sites_.cell[static_cast<std::size_t>(setting.site)]);
        if (rates.total <= 0) return;
        const auto w = rng_.words(Stream::Offending, person, static_cast<std::uint32_t>(hour), 1);
        if (to_unit(w[0]) < -std::expm1(-rates.total)) {
            record_crime(hour, rank, setting.site, pick_type(rates, to_unit(w[1])), to_unit(w[2]));
        }
    }

    void apply_near_repeat(OffenceRates& rates, std::int32_t cell) const {
        rates.total = 0.0;
        rates.undeterred_total = 0.0;
        for (int t = 0; t < kCrimeTypes; ++t) {
            const double f = near_repeat_.factor(static_cast<CrimeType>(t), cell);
            rates.rate[static_cast<std::size_t>(t)] *= f;
            rates.undeterred[static_cast<std::size_t>(t)] *= f;
            rates.total += rates.rate[static_cast<std::size_t>(t)];
            rates.undeterred_total += rates.undeterred[static_cast<std::size_t>(t)];
        }
    }

    // The crime's aftermath: its victim, who learns of it, whether the offender is caught.
    void record_crime(int hour, std::size_t rank, std::int32_t site, CrimeType type, double victim_draw) {
        const std::uint32_t person = agents_.offenders[rank];
        const auto k = static_cast<std::size_t>(site);
        CrimeEvent e;
        e.hour = hour;
        e.cell = sites_.cell[k];
        e.district = city_.cell_district[static_cast<std::size_t>(e.cell)];
        e.type = type;
        e.offender = person;
        e.victim = victim_of(type, site, victim_draw);
        ReportContext context;
        context.type = type;
        context.place_types = sites_.place_types[k];
        context.district = e.district;
        context.young_offender = agents_.age[person] < 21;
        context.collective_efficacy = sites_.collective_efficacy[k];
        const auto w = rng_.words(Stream::Crime, person, static_cast<std::uint32_t>(hour), 0);
        const auto& reporting = params_.reporting;
        if (to_unit(w[0]) < police_probability(reporting, context)) e.reported_by |= 1u;
        for (std::size_t r = 0; r < reporting.est.size(); ++r) {
            if (!sees(reporting.est[r], context)) continue;
            const auto u =
                rng_.words(Stream::Crime, person, static_cast<std::uint32_t>(hour), static_cast<std::uint16_t>(1 + r));
            if (to_unit(u[0]) < reporting.est[r].probability) e.reported_by |= 1u << (r + 1);
        }
        const double cameras =
            sites_.cameras[k] * (sites_.monitored[k] ? 1.0 : params_.offending.unmonitored_camera_factor);
        const double police = deployment_.arrest_factor(site);
        if (to_unit(w[1]) < std::min(1.0, police * arrest_probability(params_.arrests, type, cameras))) {
            e.arrested = true;
            ++arrests_;
            const double days = -params_.arrests.spell_days_mean * std::log(1.0 - to_unit(w[2]));
            free_from_[rank] = hour + 1 + static_cast<int>(std::min(days * 24.0, 1e8));
        }
        near_repeat_.record(type, e.cell);
        lagesbild_.add(e.cell, e.reported_by != 0, e.hour);
        ledger_.record(e);
    }

    // Victim groups by crime type and by who is there (DESIGN §3.3).
    VictimGroup victim_of(CrimeType type, std::int32_t site, double u) const {
        const auto k = static_cast<std::size_t>(site);
        const std::int32_t* c = occupancy_.site_counts(site);
        auto n = [&](Presence kind) { return static_cast<double>(c[static_cast<int>(kind)]); };
        const double premises = sites_.shops[k] + params_.offending.vandalism_place_weight * sites_.places[k];
        auto share = [&](double part, double whole) { return whole > 0 ? part / whole : 0.0; };
        switch (type) {
            case CrimeType::ShopTheft:
                return VictimGroup::Business;
            case CrimeType::Drugs:
                return VictimGroup::Count;
            case CrimeType::BicycleTheft:
                return VictimGroup::Resident;
            case CrimeType::Burglary:
            case CrimeType::Vandalism:
                return u < share(premises, premises + sites_.homes[k]) ? VictimGroup::Business : VictimGroup::Resident;
            case CrimeType::VehicleTheft: {
                const double visitors = params_.offending.cars_per_visitor * n(Presence::Visitor);
                const double all = visitors + params_.offending.cars_per_resident * n(Presence::HomeAdult) +
                                   params_.offending.cars_per_worker * n(Presence::IndoorsAdult);
                return u < share(visitors, all) ? VictimGroup::Visitor : VictimGroup::Resident;
            }
            default: {  // crimes against persons in public space
                const double visitors = n(Presence::Visitor);
                return u < share(visitors, visitors + n(Presence::PublicAdult) + n(Presence::PublicYouth))
                           ? VictimGroup::Visitor
                           : VictimGroup::Resident;
            }
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
    NearRepeatField near_repeat_;
    CrimeLedger ledger_;
    Lagesbild lagesbild_;
    Deployment deployment_;
    std::vector<std::int32_t> patrol_weeks_ =
        std::vector<std::int32_t>(static_cast<std::size_t>(city_.grid.cells()), 0);
    std::vector<MoveBuckets> chunks_;
    OffenderDay offender_day_;
    std::vector<int> free_from_;  // [offender rank] first hour back on the street after an arrest
    std::int64_t arrests_ = 0;
    std::vector<std::int64_t> youth_public_ = std::vector<std::int64_t>(24 * 7, 0);  // [hour of week]
};

}  // namespace

ReplicateOutput run_replicate(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key,
                              const WeekDone& on_week, bool keep_events) {
    CityReplicate replicate(city, params, timeline, key, keep_events);
    return replicate.run(on_week);
}

}  // namespace trygg
