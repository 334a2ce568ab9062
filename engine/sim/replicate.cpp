#include "sim/replicate.hpp"

#include "core/clock.hpp"
#include "core/parallel.hpp"
#include "model/aftermath.hpp"
#include "model/day_plan.hpp"
#include "model/day_tables.hpp"
#include "model/destinations.hpp"
#include "model/incidents.hpp"
#include "model/near_repeat.hpp"
#include "model/occupancy.hpp"
#include "model/offending.hpp"
#include "model/search.hpp"
#include "model/sites.hpp"
#include "model/victims.hpp"
#include "model/visitors.hpp"
#include "policy/deployment.hpp"
#include "population/synthesis.hpp"
#include "sim/replicate_state.hpp"
#include "sim/youth_layer.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/partitioner.h>

#include <array>
#include <cmath>

namespace trygg {

// The plain structs of a replicate's state (sim/replicate_state.hpp): everything of the
// population, the routine agents and the offenders' day can change; of the sites, only the
// collective efficacy the safety layer writes back (the deployment rebuilds lighting and
// cameras at the next hour; the rest is built from the city).
template <class Archive>
void persist(Archive& a, Population& p) {
    a.field("age", p.age);
    a.field("male", p.male);
    a.field("household", p.household);
    a.field("home_cell", p.home_cell);
    a.field("schedule", p.schedule);
    a.field("anchor_cell", p.anchor_cell);
    a.field("school_place", p.school_place);
    a.field("birthday", p.birthday);
    a.field("propensity", p.propensity);
    a.field("self_control", p.self_control);
    a.field("morality", p.morality);
    a.field("morality_base", p.morality_base);
    a.field("intensity", p.intensity);
    a.field("school_engagement", p.school_engagement);
    a.field("leisure", p.leisure);
    a.field("alcohol", p.alcohol);
    a.field("narcotics", p.narcotics);
    a.field("drug_debt", p.drug_debt);
    a.field("network", p.network);
    a.field("ties", p.ties);
    a.field("household_cell", p.household_cell);
}
template <class Archive>
void persist(Archive& a, RoutineAgents& r) {
    a.field("routine_class", r.routine_class);
    a.field("age_group", r.age_group);
    a.field("age", r.age);
    a.field("home_site", r.home_site);
    a.field("anchor_site", r.anchor_site);
    a.field("offender_rank", r.offender_rank);
    a.list("offenders", r.offenders);
}
template <class Archive>
void persist(Archive& a, Sites& s) {
    a.field("collective_efficacy", s.collective_efficacy);
}
template <class Archive>
void persist(Archive& a, OffenderDay& d) {
    a.list("segments", d.segments);  // [offender rank][kMaxSegments]
    a.list("count", d.count);
}
// The model day's moves still to come: a week ends at Sunday 23:00, inside Sunday's model
// day (04:00–03:59), whose plan the hours to Monday 04:00 still follow.
template <class Archive>
void persist(Archive& a, MoveBuckets& m) {
    a.field("by_hour", m.by_hour);
    a.field("change", m.change);
}

namespace {

// Persons per planning chunk. Fixed, so chunk boundaries — and the order in which moves
// are applied — never depend on the number of threads.
constexpr std::size_t kChunk = 2048;
// Clock hour at which the safety layer counts who is out in public (NTU asks about being
// out late in one's own area).
constexpr int kNightCount = 22;

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
    CityReplicate(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key, bool keep_events,
                  HourStepObserver* observer)
        : observer_(observer),
          city_(city),
          params_(params),
          timeline_(timeline),
          rng_(key),
          population_(synthesise_population(city, params.population, key)),
          youth_(city, params, timeline, rng_, population_),
          safety_(city, params, timeline, rng_, population_),
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
                      params.offending.diffusion_of_benefit, params.social.venue_alcohol_reduction, timeline),
          chunks_((population_.size() + kChunk - 1) / kChunk) {
        youth_.attach(sites_);
        safety_.attach(sites_, youth_);
        size_offender_day();
        free_from_.assign(population_.size(), 0);
        exposure_view_.structured_programme_hours = static_cast<float>(params.social.structured_programme_hours);
        exposure_view_.low_structure_exposure = static_cast<float>(params.social.low_structure_exposure);
        youth_.set_field_workers(deployment_.field_worker_sites());
        point_exposure_view();
    }

    // The day planner's view of the youth layer's exposure arrays.
    void point_exposure_view() {
        auto& e = youth_.exposure();
        exposure_view_.criminogenic_hours = e.criminogenic_hours.data();
        exposure_view_.member_hours = e.member_hours.data();
        exposure_view_.structured_hours = e.structured_hours.data();
        exposure_view_.programme_hours = e.programme_hours.data();
        exposure_view_.sites = e.sites.data();
        exposure_view_.met_field_workers = e.met_field_workers.data();
        exposure_view_.leisure_site = e.leisure_site.data();
    }

    // The schedule: every phase of an hour, a day and a week, in order (DESIGN §3.2).
    //   hour  step_hour: measures and units; arrivals and departures; visitors; offending
    //   day   at 04:00 (kModelDayStart): the near-repeat fields take in yesterday's crimes;
    //         on Mondays, the youth layer's week (ageing, moves, the school year, measures,
    //         substance use, development, recruitment, who offends), then the safety
    //         layer's (signals, worry, who avoids the night, collective efficacy; at a
    //         quarter's end the risk-area indicator); rumours spread a day; everyone's plan
    //         for the model day
    //   week  after Sunday's last hour: close_week: patrol tally, the lägesbild, the EST
    //         meeting steering the mobile units
    //
    // `resume.from` (a state saved after `resume.from_week` weeks): the run goes on from the
    // first hour after them, as the unbroken run would. `resume.save`: the state at the end
    // of the horizon, before the last week's tallies are closed (which the unbroken run does
    // on the next Monday).
    ReplicateOutput run(const WeekDone& on_week, const ReplicateResume& resume) {
        const int hours = timeline_.hours();
        int first_hour = 0;
        if (resume.from) {
            restore(*resume.from);
            first_hour = resume.from_week * kHoursPerWeek;
            if (first_hour <= 0 || first_hour >= hours)
                throw LogicError("run_replicate: the state's week is outside the horizon");
        } else {
            // 00:00–03:59 of the first day: everyone at home, no plan made yet.
            for (int hour = 0; hour < std::min(kModelDayStart, hours); ++hour) step_hour(hour, -1);
        }
        // A resumed run starts inside Sunday's model day, with its plan restored.
        const int first_day = resume.from ? (first_hour - kModelDayStart) / kHoursPerDay : 0;
        for (int day = first_day; day < tables_.days; ++day) {
            const bool resumed_day = resume.from && day == first_day;
            if (!resumed_day) begin_day(day);
            const int first_bucket = resumed_day ? first_hour - (day * kHoursPerDay + kModelDayStart) : 0;
            for (int bucket = first_bucket; bucket < kDayHours; ++bucket) {
                const int hour = day * kHoursPerDay + kModelDayStart + bucket;
                if (hour >= hours) break;
                step_hour(hour, bucket);
                if (ends_week(hour)) {
                    close_week();
                    if (on_week) on_week((hour + 1) / kHoursPerWeek);
                }
            }
        }
        if (resume.save) save(*resume.save);
        youth_.finish();
        safety_.finish(youth_);
        release_day_plans();
        return output(hours);
    }

    // Every array of the replicate that the hours change (sim/replicate_state.hpp).
    template <class Archive>
    void persist(Archive& a) {
        a.nested("population", population_);
        a.nested("youth", youth_);
        a.nested("safety", safety_);
        a.nested("sites", sites_);
        a.nested("agents", agents_);
        a.nested("occupancy", occupancy_);
        a.nested("near_repeat", near_repeat_);
        a.nested("ledger", ledger_);
        a.nested("lagesbild", lagesbild_);
        a.nested("deployment", deployment_);
        a.field("patrol_weeks", patrol_weeks_);
        std::size_t chunks = chunks_.size();
        a.field("chunks", chunks);
        if (chunks != chunks_.size()) throw InputError("the state's population is of another size");
        for (std::size_t c = 0; c < chunks; ++c) a.nested("chunk." + std::to_string(c), chunks_[c]);
        a.nested("offender_day", offender_day_);
        a.field("free_from", free_from_);
        a.field("arrests", arrests_);
        a.field("crimes", crimes_);
        a.grown("incidents_true", incidents_true_);
        a.grown("incidents_reported", incidents_reported_);
        a.grown("incidents_est", incidents_est_);
        a.field("youth_public", youth_public_);
    }

private:
    void save(ReplicateState& state) {
        state = {};
        StateWriter writer(state);
        persist(writer);
    }

    void restore(const ReplicateState& state) {
        StateReader reader(state);
        persist(reader);
        reader.finish();
        // What points into the restored arrays, and what the deployment counts from them.
        point_exposure_view();
        youth_.set_field_workers(deployment_.field_worker_sites());
        deployment_.count_programme_youth(agents_);
        // The resumed model day's offenders out in public, hour by hour, from its restored plan.
        index_public_hours();
    }

    ReplicateOutput output(int hours) const {
        ReplicateOutput out;
        out.youth = youth_.tallies();
        out.safety = safety_.tallies();
        out.incidents_true = incidents_true_;
        out.incidents_reported = incidents_reported_;
        out.incidents_est = incidents_est_;
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
        out.picture = lagesbild_.picture();
        out.patrol_weeks = patrol_weeks_;
        out.by_hour = ledger_.by_hour();
        out.youth_public = youth_public_;
        out.treated = deployment_.treated_cells();
        out.residents.assign(static_cast<std::size_t>(city_.grid.cells()), 0);
        for (auto c : population_.home_cell) ++out.residents[static_cast<std::size_t>(c)];
        out.agent_hours = static_cast<std::int64_t>(population_.size()) * hours;
        return out;
    }

    // After the last hour nothing reads the day plans (moves, offender segments, who is out
    // when) or the choice tables that made them: their memory back before output() copies
    // the tallies, a copy that otherwise set the replicate's peak (bench/README.md, cost
    // against population: 19 MB at 16 times Borlänge).
    void release_day_plans() {
        chunks_ = {};
        offender_day_ = {};
        for (auto& hour : in_public_) hour = {};
        destinations_ = {};
    }

    // The model day begins at 04:00, with everyone at home. After the week's social step,
    // three things that share no state run side by side: the near-repeat fields take in the
    // previous model day's crimes (their own arrays), rumours spread a day (the safety
    // layer's hearing and spreading arrays), and everyone's plan is made (from the routine
    // agents, into the moves, the offenders' segments and the young people's exposure).
    // Each reads only what none of the others writes, so the results do not depend on their
    // order; on one thread they run one after the other. Rumours and the near-repeat update
    // are serial or short, and the planner's chunks fill the other thread meanwhile.
    void begin_day(int day) {
        if (day > 0 && day % kDaysPerWeek == 0) social_week(day / kDaysPerWeek, day);
        tbb::parallel_invoke(
            [&] {
                if (day > 0) near_repeat_.end_of_day();
            },
            [&] { safety_.rumour_day(day); }, [&] { plan_day(day); });
        stop_if_cancelled();
        index_public_hours();
    }

    // Monday 04:00: the week of the youth layer, then what depends on who is who.
    void social_week(int week, int day) {
        youth_.step(week, day, agents_, sites_, occupancy_);
        safety_.step(week, youth_);
        deployment_.count_programme_youth(agents_);
        size_offender_day();
    }

    void size_offender_day() {
        offender_day_.segments.resize(agents_.offenders.size() * kMaxSegments);
        offender_day_.count.assign(agents_.offenders.size(), 0);
    }

    // After the week's last hour: the EST meeting.
    void close_week() {
        count_patrolled_week();
        lagesbild_.close_week();  // the week's picture, for the EST meeting …
        // … which steers the mobile units, each by the crimes of its hours
        deployment_.steer([&](const auto& works) { return lagesbild_.hotspots_in(works); });
        youth_.set_field_workers(deployment_.field_worker_sites());
    }

    // The hour, phase by phase.
    void step_hour(int hour, int bucket) {
        deployment_.begin_hour(hour);          // 0. measures and units of this hour
        if (bucket >= 0) move_people(bucket);  // 1. arrivals and departures of this hour
        admit_visitors(hour);                  // 2. visitor flows into the centre and its places
        observe(hour);                         //    (a reference model may look on: tests/reference)
        commit_offences(hour);                 // 3. the situational offending rule
        if (hour % kHoursPerDay == kNightCount) safety_.count_night(occupancy_);  // 4. who is out late
        youth_public_[static_cast<std::size_t>(hour % kHoursPerWeek)] += occupancy_.total(Presence::PublicYouth);
    }

    // At 04:00: every person's blocks for the model day, in parallel over fixed chunks.
    void plan_day(int day) {
        const std::vector<ProgrammeDay> programmes = deployment_.programmes_on(day, tables_);
        const DayPlanContext ctx{city_,
                                 tables_,
                                 destinations_,
                                 agents_,
                                 params_.routine,
                                 rng_,
                                 &programmes,
                                 &deployment_.reach(),
                                 &exposure_view_,
                                 params_.development.min_age,
                                 params_.development.max_age,
                                 safety_.avoids_night(),
                                 params_.safety.avoid_from_hour};
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
        if (observer_) observer_->day_planned(day, ctx);
    }

    void observe(int hour) const {
        if (observer_)
            observer_->offences_due(hour, HourStepState{population_, agents_, sites_, youth_, safety_, occupancy_,
                                                        near_repeat_, lagesbild_});
    }

    void move_people(int bucket) {
        for (const auto& chunk : chunks_) occupancy_.apply(chunk, bucket);
    }

    void admit_visitors(int hour) {
        visitors_.apply(occupancy_, hour % 24, tables_.weekend[static_cast<std::size_t>(hour / 24)] != 0);
    }

    void commit_offences(int hour) {
        const int clock = hour % kHoursPerDay;
        // Hours 00–03 belong to the previous model day, whose plan is still current.
        const int day_clock = model_clock(clock);
        const DayInfo& day = timeline_.days[static_cast<std::size_t>(hour / kHoursPerDay)];
        const DayInfo& evening = clock < kModelDayStart && hour >= kHoursPerDay
                                     ? timeline_.days[static_cast<std::size_t>(hour / kHoursPerDay - 1)]
                                     : day;
        Setting setting;
        setting.clock_hour = clock;
        setting.darkness = timeline_.darkness[static_cast<std::size_t>(hour)];
        setting.weekend = tables_.weekend[static_cast<std::size_t>(hour / kHoursPerDay)] != 0;
        setting.festive_night = evening.festive_night && (clock >= 18 || clock < kModelDayStart);
        const auto& offenders = agents_.offenders;
        for (const PublicHour& out : in_public_[static_cast<std::size_t>(day_clock - kModelDayStart)]) {
            const std::size_t rank = out.rank;
            const std::uint32_t person = offenders[rank];
            if (hour < free_from_[person]) continue;  // arrested: off the street
            const Segment* seg = &offender_day_.segments[rank * kMaxSegments + out.segment];
            std::int32_t site = seg->site;
            if (params_.offending.search > 0) {
                const auto m = rng_.words(Stream::Offending, person, static_cast<std::uint32_t>(hour), 2);
                if (to_unit(m[0]) < params_.offending.search)
                    site = neighbourhood_.attractive(site, near_repeat_, to_unit(m[1]));
            }
            setting.site = site;
            youth_.seen_in_public(site, person);
            if (population_.network[person] == static_cast<std::uint8_t>(Network::Member))
                safety_.member_in_public(site);
            const bool youth = agents_.age_group[person] != static_cast<std::uint8_t>(AgeGroup::Adult);
            deployment_.add_units(setting, site, youth);
            const std::int32_t cell = sites_.cell[static_cast<std::size_t>(site)];
            OffenceRates rates = rates_of(person, setting, youth, hour);
            maybe_incident(hour, rank, setting, rates.peer);
            scale_by_near_repeat(rates, near_repeat_, cell);
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

    // Displacement: deterred here, the offender tries one of the eight neighbouring cells that
    // anyone uses (chosen with the spare bits of the deciding draw) and meets its setting.
    void displace(int hour, std::size_t rank, std::int32_t site, Setting setting, bool youth, std::uint32_t bits) {
        setting.site = neighbourhood_.any(site, bits);
        if (setting.site < 0) return;
        deployment_.add_units(setting, setting.site, youth);
        const std::uint32_t person = agents_.offenders[rank];
        OffenceRates rates = rates_of(person, setting, youth, hour);
        scale_by_near_repeat(rates, near_repeat_, sites_.cell[static_cast<std::size_t>(setting.site)]);
        if (rates.total <= 0) return;
        const auto w = rng_.words(Stream::Offending, person, static_cast<std::uint32_t>(hour), 1);
        if (to_unit(w[0]) < -std::expm1(-rates.total)) {
            record_crime(hour, rank, setting.site, pick_type(rates, to_unit(w[1])), to_unit(w[2]));
        }
    }

    // Disorder and fires by the offender this hour (model/incidents.hpp), on their own stream:
    // whether one happens never changes the crime draws.
    void maybe_incident(int hour, std::size_t rank, const Setting& setting, double peer) {
        const std::uint32_t person = agents_.offenders[rank];
        const IncidentRates r = incident_rates(params_.incidents, params_.offending, sites_, occupancy_, setting,
                                               population_.propensity[person], peer);
        if (r.total <= 0) return;
        const auto w = rng_.words(Stream::Incidents, person, static_cast<std::uint32_t>(hour), 0);
        if (to_unit(w[0]) >= -std::expm1(-r.total)) return;
        const IncidentType type = pick_incident(r, to_unit(w[1]));
        const auto k = static_cast<std::size_t>(setting.site);
        const std::int32_t cell = sites_.cell[k];
        const std::int32_t district = city_.cell_district[static_cast<std::size_t>(cell)];
        ReportContext context;
        context.incident = static_cast<int>(type);
        context.place_types = sites_.place_types[k];
        context.district = district;
        context.young_offender = agents_.age[person] < 21;
        context.collective_efficacy = sites_.collective_efficacy[k];
        const std::uint32_t reported_by = draw_incident_reports(params_.reporting, context, rng_, person, hour);
        lagesbild_.add(cell, reported_by != 0, hour);  // the EST picture counts disorder and fires too
        safety_.record_incident(type, district, hour, crimes_++);
        if (district < 0) return;
        const auto at = (static_cast<std::size_t>(hour / kHoursPerWeek) * city_.districts.size() +
                         static_cast<std::size_t>(district)) *
                            kIncidentTypes +
                        static_cast<std::size_t>(type);
        ++incidents_true_[at];
        if (reported_by & 1u) ++incidents_reported_[at];
        if (reported_by != 0) ++incidents_est_[at];
    }

    OffenceRates rates_of(std::uint32_t person, const Setting& setting, bool youth, int hour) const {
        return offence_rates(params_.offending, sites_, occupancy_, setting, population_.propensity[person], youth,
                             youth_.violence_factor(person) * safety_.retaliation_factor(person, hour),
                             youth_.drug_factor(person));
    }

    // The crime's aftermath: its victim, who learns of it, whether the offender is caught.
    void record_crime(int hour, std::size_t rank, std::int32_t site, CrimeType type, double victim_draw) {
        const std::uint32_t person = agents_.offenders[rank];
        const bool by_member = population_.network[person] == static_cast<std::uint8_t>(Network::Member);
        const auto k = static_cast<std::size_t>(site);
        CrimeEvent e;
        e.hour = hour;
        e.cell = sites_.cell[k];
        e.district = city_.cell_district[static_cast<std::size_t>(e.cell)];
        e.type = type;
        e.offender = person;
        e.victim = victim_of(type, params_.offending, sites_, occupancy_, site, victim_draw);
        ReportContext context;
        context.type = type;
        context.place_types = sites_.place_types[k];
        context.district = e.district;
        context.young_offender = agents_.age[person] < 21;
        context.collective_efficacy = sites_.collective_efficacy[k];
        ArrestChance chance;
        chance.camera_coverage =
            sites_.cameras[k] * (sites_.monitored[k] ? 1.0 : params_.offending.unmonitored_camera_factor);
        chance.police_factor = deployment_.arrest_factor(site);
        const Aftermath after = draw_aftermath(params_.reporting, params_.arrests, context, chance, rng_, person, hour);
        e.reported_by = after.reported_by;
        if (after.arrested) {
            e.arrested = true;
            ++arrests_;
            free_from_[person] = hour + after.spell_hours;
            youth_.arrested(person, after.exit_draw);
        }
        youth_.record_offence(hour, site, person, e.reported_by != 0);
        safety_.record_crime(e, by_member, crimes_++);
        near_repeat_.record(type, e.cell);
        lagesbild_.add(e.cell, e.reported_by != 0, e.hour);
        ledger_.record(e);
    }

    // After the day's plan: for each hour of the model day, the offenders out in public, by
    // rank, with the segment they are in (the first that holds the hour, as a scan of their
    // day would find). The hour step then visits only these, in the same rank order, instead
    // of scanning every offender's day every hour (most are at home, at work or at school).
    void index_public_hours() {
        for (auto& hour : in_public_) hour.clear();
        for (std::size_t rank = 0; rank < offender_day_.count.size(); ++rank) {
            std::uint32_t seen = 0;  // bit b: hour kModelDayStart + b already has its segment
            for (std::uint8_t k = 0; k < offender_day_.count[rank]; ++k) {
                const Segment& s = offender_day_.segments[rank * kMaxSegments + k];
                for (int h = s.start; h < s.end; ++h) {
                    const std::uint32_t bit = 1u << (h - kModelDayStart);
                    if (seen & bit) continue;
                    seen |= bit;
                    if (s.site >= 0 && is_public(s.kind))
                        in_public_[static_cast<std::size_t>(h - kModelDayStart)].push_back(
                            {static_cast<std::uint32_t>(rank), k});
                }
            }
        }
    }

    HourStepObserver* observer_;  // tests/reference, or none
    const City& city_;
    const ModelParams& params_;
    const Timeline& timeline_;
    CounterRng rng_;
    Population population_;
    YouthLayer youth_;
    SafetyLayer safety_;
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
    SiteNeighbourhood neighbourhood_{city_.grid, sites_};
    std::vector<std::int32_t> patrol_weeks_ =
        std::vector<std::int32_t>(static_cast<std::size_t>(city_.grid.cells()), 0);
    std::vector<MoveBuckets> chunks_;
    OffenderDay offender_day_;
    struct PublicHour {
        std::uint32_t rank;
        std::uint8_t segment;
    };
    std::array<std::vector<PublicHour>, kDayHours> in_public_;  // [model-day hour − 4], by rank
    std::vector<int> free_from_;  // [person] first hour back on the street after an arrest
    WeekExposureView exposure_view_;
    std::int64_t arrests_ = 0;
    std::uint32_t crimes_ = 0;  // true crimes and incidents so far: each victim's draw has its own counter
    std::vector<std::int32_t> incidents_true_ = incident_tally(), incidents_reported_ = incident_tally(),
                              incidents_est_ = incident_tally();  // [week][district][incident type]
    std::vector<std::int32_t> incident_tally() const {
        return std::vector<std::int32_t>(
            static_cast<std::size_t>(timeline_.weeks) * city_.districts.size() * kIncidentTypes, 0);
    }
    std::vector<std::int64_t> youth_public_ = std::vector<std::int64_t>(kHoursPerWeek, 0);  // [hour of week]
};

}  // namespace

ReplicateOutput run_replicate(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key,
                              const WeekDone& on_week, bool keep_events, HourStepObserver* observer,
                              const ReplicateResume& resume) {
    CityReplicate replicate(city, params, timeline, key, keep_events, observer);
    return replicate.run(on_week, resume);
}

}  // namespace trygg
