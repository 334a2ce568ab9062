#include "reference/reference_model.hpp"

#include "core/clock.hpp"
#include "model/aftermath.hpp"
#include "model/incidents.hpp"
#include "model/offending.hpp"
#include "model/victims.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <sstream>

namespace trygg::reference {
namespace {

constexpr int kKinds = kPresenceKinds;

bool in_public(std::int32_t slot_index) {
    const auto kind = static_cast<Presence>(slot_index % kKinds);
    return kind == Presence::PublicAdult || kind == Presence::PublicYouth || kind == Presence::PublicChild;
}

bool adult(const RoutineAgents& a, std::size_t i) {
    return a.age_group[i] == static_cast<std::uint8_t>(AgeGroup::Adult);
}

}  // namespace

ReferenceHourStep::ReferenceHourStep(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key)
    : city_(city), params_(params), timeline_(timeline), rng_(key) {}

void ReferenceHourStep::mismatch(int& counter, const std::string& what) {
    if (counter++ == 0 && first_mismatch_.empty()) first_mismatch_ = what;
}

void ReferenceHourStep::start(const HourStepState& state) {
    started_ = true;
    base_ = build_sites(city_, state.population);
    planner_ = std::make_unique<ReferencePlanner>(city_, base_, params_.routine, timeline_, rng_);
    if (base_.cell != state.sites.cell) mismatch(site_mismatches_, "the sites are not the engine's");
    const std::size_t n = state.agents.size();
    plans_.assign(n, {});
    where_.assign(n, -1);
    free_from_.assign(n, 0);
    const std::size_t tally = static_cast<std::size_t>(timeline_.weeks) * city_.districts.size() * kIncidentTypes;
    incidents_true_.assign(tally, 0);
    incidents_reported_.assign(tally, 0);
    incidents_est_.assign(tally, 0);
    const auto ncells = static_cast<std::size_t>(city_.grid.cells());
    for (int t = 0; t < kCrimeTypes; ++t) {
        if (params_.near_repeat[static_cast<std::size_t>(t)].enabled)
            field_[static_cast<std::size_t>(t)].assign(ncells, 0.0);
    }
    // The city's police first, then the scenario's units in its order (the order they share
    // out the picture's hotspots in).
    auto beat = [&](std::vector<int> cells, const ActiveWindow& when, Unit unit, int units, bool adaptive) -> Beat& {
        Beat b;
        b.when = when;
        b.unit = unit;
        b.units = units;
        b.adaptive = adaptive;
        b.cells = std::move(cells);
        cover(b);
        beats_.push_back(std::move(b));
        return beats_.back();
    };
    const auto& police = params_.policing;
    if (police.patrols > 0) {
        std::vector<int> cells;  // in turn at the static places (adaptive patrols start there too)
        for (int k = 0; k < police.patrols && !police.static_places.empty(); ++k) {
            const int place = police.static_places[static_cast<std::size_t>(k) % police.static_places.size()];
            cells.push_back(city_.place_cell[static_cast<std::size_t>(place)]);
        }
        ActiveWindow shift;
        shift.from_hour = police.shift_from;
        shift.to_hour = police.shift_to;
        beat(cells, shift, Unit::Patrol, police.patrols, police.steering == Steering::Adaptive);
    }
    for (const Intervention& item : params_.interventions) {
        if (item.kind == InterventionKind::Patrols)
            beat(item.cells, item.when, Unit::Patrol, item.units, item.adaptive);
        if (item.kind == InterventionKind::FieldWorkers)
            beat(item.cells, item.when, Unit::FieldWorkers, item.units, item.adaptive);
        if (item.kind == InterventionKind::MobileCameras) {
            Beat& b = beat(item.cells, item.when, Unit::Cameras, item.units, item.adaptive);
            b.coverage = static_cast<float>(item.intensity);
            b.monitored = item.monitored;
        }
    }
}

// Each unit covers its cell and the eight around it.
void ReferenceHourStep::cover(Beat& b) const {
    b.covers.assign(static_cast<std::size_t>(base_.size()), 0);
    for (int cell : b.cells) {
        const int col = city_.grid.col(cell), row = city_.grid.row(cell);
        for (int r = row - 1; r <= row + 1; ++r) {
            for (int c = col - 1; c <= col + 1; ++c) {
                if (r < 0 || c < 0 || r >= city_.grid.ny || c >= city_.grid.nx) continue;
                const std::int32_t s = base_.of_cell(city_.grid.index(c, r));
                if (s >= 0) b.covers[static_cast<std::size_t>(s)] = 1;
            }
        }
    }
}

// The weekly EST meeting (docs/model.md §6b): each adaptive unit goes to the hotspots of the
// crimes EST knew of in its own hours and weekdays last week; units of one kind and the same
// hours share one list, best first, each taking the next; with no list they stay.
void ReferenceHourStep::steer(const Lagesbild& picture) {
    struct Shared {
        Unit unit;
        ActiveWindow hours;
        std::vector<int> hotspots;
        std::size_t next = 0;
    };
    std::vector<Shared> lists;
    for (Beat& b : beats_) {
        if (!b.adaptive) continue;
        ActiveWindow hours = b.when;  // its clock hours and weekdays, on any date
        hours.first_day = 0;
        hours.last_day = INT_MAX;
        auto it = std::find_if(lists.begin(), lists.end(), [&](const Shared& l) {
            return l.unit == b.unit && l.hours.from_hour == hours.from_hour && l.hours.to_hour == hours.to_hour &&
                   l.hours.weekdays == hours.weekdays;
        });
        if (it == lists.end()) {
            lists.push_back({b.unit, hours, picture.hotspots_in([&](int h) { return window_covers(hours, h); }), 0});
            it = lists.end() - 1;
        }
        if (it->hotspots.empty()) continue;
        std::vector<int> cells;
        for (int u = 0; u < b.units; ++u) cells.push_back(it->hotspots[it->next++ % it->hotspots.size()]);
        if (cells != b.cells) ++coverage_.steered;
        b.cells = std::move(cells);
        cover(b);
    }
}

// docs/model.md §6c and the scenario docs: clock hours [from, to), past midnight when to ≤ from,
// the small hours belonging to the evening before; days and weekdays are those of that evening.
bool ReferenceHourStep::window_covers(const ActiveWindow& w, int hour) const {
    const int clock = hour % kHoursPerDay;
    int day = hour / kHoursPerDay;
    if (w.from_hour < w.to_hour) {
        if (clock < w.from_hour || clock >= w.to_hour) return false;
    } else {
        if (clock >= w.to_hour && clock < w.from_hour) return false;
        if (clock < w.to_hour) day -= 1;  // after midnight: the evening before
    }
    if (day < 0 || day < w.first_day || day > w.last_day) return false;
    const int weekday = timeline_.days[static_cast<std::size_t>(day)].weekday;
    return ((w.weekdays >> (weekday - 1)) & 1u) != 0;
}

void ReferenceHourStep::day_planned(int day, const DayPlanContext& context) {
    // Each person's day from the reference's own planner, checked against the engine's
    // planner run for that person alone (without the young people's weekly exposure, which
    // the engine has added already).
    const PlanningDay planning{day, context.programmes, context.reach, context.avoids_night, context.avoid_from};
    DayPlanContext engine = context;
    engine.exposure = nullptr;
    const std::size_t n = context.agents.size();
    plans_.assign(n, {});
    MoveBuckets moves;
    OffenderDay offenders;
    offenders.segments.resize(context.agents.offenders.size() * kMaxSegments);
    offenders.count.assign(context.agents.offenders.size(), 0);
    for (std::size_t i = 0; i < n; ++i) {
        plans_[i] = planner_->plan(context.agents, i, planning);
        moves.clear();
        plan_day(engine, day, i, i + 1, moves, offenders);
        std::vector<PlannedMove> theirs;
        for (int b = 0; b < kDayHours; ++b) {
            for (const Move& m : moves.by_hour[static_cast<std::size_t>(b)]) theirs.push_back({b, m.from, m.to});
        }
        const auto same = [](const PlannedMove& x, const PlannedMove& y) {
            return x.bucket == y.bucket && x.from == y.from && x.to == y.to;
        };
        if (!std::equal(plans_[i].begin(), plans_[i].end(), theirs.begin(), theirs.end(), same)) {
            mismatch(planner_mismatches_, "day " + std::to_string(day) + ": person " + std::to_string(i) + " has " +
                                              std::to_string(theirs.size()) + " moves in the engine's plan, " +
                                              std::to_string(plans_[i].size()) + " in the reference's");
        }
        const std::int32_t home = context.agents.home_site[i];
        for (const PlannedMove& m : plans_[i]) {
            if (m.from >= 0 && m.to >= 0 && m.from / kKinds != home && m.to / kKinds != home)
                ++coverage_.programme_evenings;
        }
    }
    planned_day_ = day;
}

void ReferenceHourStep::count_people(int hour, const HourStepState& state) {
    const auto& a = state.agents;
    counts_.assign(static_cast<std::size_t>(base_.size()) * kKinds, 0);
    // Hours 00–03 belong to the previous model day; before the first 04:00 nobody has a plan.
    const int day = hour < kModelDayStart ? -1 : (hour - kModelDayStart) / kHoursPerDay;
    const int bucket = hour < kModelDayStart ? -1 : (hour - kModelDayStart) % kHoursPerDay;
    if (day >= 0 && day != planned_day_) mismatch(plan_inconsistencies_, "no plan for day " + std::to_string(day));
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Presence home = adult(a, i) ? Presence::HomeAdult : Presence::HomeMinor;
        std::int32_t at = slot(a.home_site[i], home);
        if (day >= 0) {
            for (const PlannedMove& m : plans_[i]) {
                if (m.bucket > bucket) break;
                if (m.from != at)
                    mismatch(plan_inconsistencies_, "person " + std::to_string(i) + " leaves a slot they are not in");
                at = m.to;
            }
        }
        where_[i] = at;
        if (at >= 0) ++counts_[static_cast<std::size_t>(at)];
    }
    // Visitors: each visited place's flow this clock hour, spread evenly over its footprint.
    const int clock = hour % kHoursPerDay;
    const DayInfo& today = timeline_.days[static_cast<std::size_t>(hour / kHoursPerDay)];
    const bool weekend = today.weekday >= 6 || today.public_holiday;
    for (std::size_t p = 0; p < city_.places.size(); ++p) {
        const Place& place = city_.places[p];
        const PlaceTypeTraits& t = city_.place_types[static_cast<std::size_t>(place.type)];
        if (t.visitors_peak <= 0 || !is_open(place.open_from, place.open_to, place.open_weekends, weekend, clock))
            continue;
        const auto& footprint = base_.place_footprint[p];
        const double share = 1.0 / static_cast<double>(footprint.size());
        for (std::int32_t s : footprint) {
            const double v = t.visitors_peak * share * t.visitor_profile[static_cast<std::size_t>(clock)] *
                             (weekend ? t.weekend_visitor_factor : 1.0);
            counts_[static_cast<std::size_t>(slot(s, Presence::Visitor))] += static_cast<std::int32_t>(std::lround(v));
        }
    }
    const auto& engine = state.occupancy.raw();
    if (engine != counts_) {
        std::size_t k = 0;
        while (k < counts_.size() && k < engine.size() && counts_[k] == engine[k]) ++k;
        std::ostringstream what;
        what << "hour " << hour << ": site " << k / kKinds << " kind " << k % kKinds << " holds "
             << (k < engine.size() ? engine[k] : -1) << " in the engine, " << (k < counts_.size() ? counts_[k] : -1)
             << " here";
        mismatch(occupancy_mismatches_, what.str());
    }
}

void ReferenceHourStep::rebuild_sites(int hour, const HourStepState& state) {
    sites_ = base_;
    sites_.collective_efficacy = state.sites.collective_efficacy;  // the safety layer's, weekly
    lit_by_item_.assign(static_cast<std::size_t>(base_.size()), 0);
    camera_item_.assign(static_cast<std::size_t>(base_.size()), 0);
    for (const Intervention& item : params_.interventions) {
        const bool light = item.kind == InterventionKind::Lighting;
        if ((!light && item.kind != InterventionKind::FixedCameras) || !window_covers(item.when, hour)) continue;
        const auto level = static_cast<float>(item.intensity);
        for (int c : item.cells) {
            const std::int32_t s = base_.of_cell(c);
            if (s < 0) continue;
            const auto k = static_cast<std::size_t>(s);
            if (light) {
                if (level > sites_.lighting[k]) lit_by_item_[k] = 1;
                sites_.lighting[k] = std::max(sites_.lighting[k], level);
            } else {
                if (level > sites_.cameras[k]) camera_item_[k] = 1;
                sites_.cameras[k] = std::max(sites_.cameras[k], level);
                sites_.monitored[k] = sites_.monitored[k] || item.monitored;
            }
        }
    }
    for (Beat& b : beats_) {
        b.on_duty = b.units > 0 && window_covers(b.when, hour);
        if (b.unit != Unit::Cameras || !b.on_duty) continue;
        for (std::size_t k = 0; k < b.covers.size(); ++k) {
            if (!b.covers[k]) continue;
            if (b.coverage > sites_.cameras[k]) camera_item_[k] = 1;
            sites_.cameras[k] = std::max(sites_.cameras[k], b.coverage);
            sites_.monitored[k] = sites_.monitored[k] || b.monitored;
        }
    }
    spread_benefit(sites_, city_.grid, params_.offending.diffusion_of_benefit);
    if (sites_.lighting != state.sites.lighting || sites_.cameras != state.sites.cameras ||
        sites_.monitored != state.sites.monitored) {
        mismatch(site_mismatches_, "hour " + std::to_string(hour) + ": lighting or cameras differ from the engine's");
    }
}

// One model day of the near-repeat fields: B ← [(1 − η) B + (η/4) Σ_4 neighbours B](1 − ω) + θ E,
// a missing neighbour at the city's edge counting as the cell itself.
void ReferenceHourStep::end_of_model_day() {
    const int nx = city_.grid.nx, ny = city_.grid.ny;
    for (int t = 0; t < kCrimeTypes; ++t) {
        auto& b = field_[static_cast<std::size_t>(t)];
        if (b.empty()) continue;
        const NearRepeatParams& p = params_.near_repeat[static_cast<std::size_t>(t)];
        std::vector<double> next(b.size());
        auto at = [&](int x, int y) {
            return b[static_cast<std::size_t>(y) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(x)];
        };
        for (int y = 0; y < ny; ++y) {
            for (int x = 0; x < nx; ++x) {
                const double north = at(x, y + 1 < ny ? y + 1 : y), south = at(x, y > 0 ? y - 1 : y);
                const double west = at(x > 0 ? x - 1 : x, y), east = at(x + 1 < nx ? x + 1 : x, y);
                next[static_cast<std::size_t>(y) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(x)] =
                    ((1.0 - p.eta) * at(x, y) + p.eta / 4.0 * (north + south + west + east)) * (1.0 - p.omega_per_day);
            }
        }
        for (std::int32_t cell : today_[static_cast<std::size_t>(t)]) next[static_cast<std::size_t>(cell)] += p.theta;
        today_[static_cast<std::size_t>(t)].clear();
        b = std::move(next);
    }
}

void ReferenceHourStep::compare_fields(int hour, const NearRepeatField& engine) {
    for (int t = 0; t < kCrimeTypes; ++t) {
        const auto& mine = field_[static_cast<std::size_t>(t)];
        const auto& theirs = engine.field(static_cast<CrimeType>(t));
        if (mine == theirs) continue;
        double worst = mine.size() == theirs.size() ? 0.0 : 1.0;
        for (std::size_t c = 0; c < std::min(mine.size(), theirs.size()); ++c)
            worst = std::max(worst, std::abs(mine[c] - theirs[c]));
        std::ostringstream what;
        what << "hour " << hour << ": near-repeat field of type " << t << " differs by up to " << worst;
        mismatch(field_mismatches_, what.str());
    }
}

std::vector<std::int32_t> ReferenceHourStep::neighbours(std::int32_t site) const {
    std::vector<std::int32_t> out;
    const int cell = base_.cell[static_cast<std::size_t>(site)];
    const int col = city_.grid.col(cell), row = city_.grid.row(cell);
    for (int r = row - 1; r <= row + 1; ++r) {
        for (int c = col - 1; c <= col + 1; ++c) {
            if ((r == row && c == col) || r < 0 || c < 0 || r >= city_.grid.ny || c >= city_.grid.nx) continue;
            const std::int32_t s = base_.of_cell(city_.grid.index(c, r));
            if (s >= 0) out.push_back(s);
        }
    }
    return out;
}

double ReferenceHourStep::attractiveness(std::int32_t cell) const {
    double a = 1.0;
    for (const auto& b : field_) {
        if (!b.empty()) a += b[static_cast<std::size_t>(cell)];
    }
    return a;
}

ReferenceHourStep::Try ReferenceHourStep::rates_at(int hour, std::uint32_t person, std::int32_t site,
                                                   const HourStepState& state, const Occupancy& occ) const {
    Try t;
    const int clock = hour % kHoursPerDay;
    const int day = hour / kHoursPerDay;
    const DayInfo& today = timeline_.days[static_cast<std::size_t>(day)];
    // A festive night runs from 18:00 to the model day's end; its small hours belong to the
    // evening before.
    const DayInfo& evening =
        clock < kModelDayStart && day > 0 ? timeline_.days[static_cast<std::size_t>(day - 1)] : today;
    Setting& s = t.setting;
    s.site = site;
    s.clock_hour = clock;
    s.darkness = timeline_.darkness[static_cast<std::size_t>(hour)];
    s.weekend = today.weekday >= 6 || today.public_holiday;
    s.festive_night = evening.festive_night && (clock >= 18 || clock < kModelDayStart);
    const bool youth = !adult(state.agents, person);
    for (const Beat& b : beats_) {
        if (!b.on_duty || !b.covers[static_cast<std::size_t>(site)]) continue;
        if (b.unit == Unit::Patrol) {
            s.unit_guardians += params_.policing.guardian_weight;
            t.patrol = true;
        } else if (b.unit == Unit::FieldWorkers) {
            s.unit_guardians +=
                youth ? params_.field_workers.youth_guardian_weight : params_.field_workers.adult_guardian_weight;
            t.field_workers = true;
        }
    }
    s.police_deterrence = t.patrol ? params_.policing.deterrence : 0.0;
    s.drug_detection = t.patrol ? 1.0 + params_.policing.drug_detection : 1.0;
    const double violence = state.youth.violence_factor(person) * state.safety.retaliation_factor(person, hour);
    const OffenceRates r = offence_rates(params_.offending, sites_, occ, s, state.population.propensity[person], youth,
                                         violence, state.youth.drug_factor(person));
    t.peer = r.peer;
    const std::int32_t cell = base_.cell[static_cast<std::size_t>(site)];
    for (int k = 0; k < kCrimeTypes; ++k) {
        const auto& b = field_[static_cast<std::size_t>(k)];
        const double f = b.empty() ? 1.0 : 1.0 + b[static_cast<std::size_t>(cell)];
        t.rate[static_cast<std::size_t>(k)] = r.rate[static_cast<std::size_t>(k)] * f;
        t.total += t.rate[static_cast<std::size_t>(k)];
        t.undeterred += r.undeterred[static_cast<std::size_t>(k)] * f;
    }
    return t;
}

void ReferenceHourStep::offend(int hour, std::uint32_t person, std::int32_t site, const HourStepState& state,
                               const Occupancy& occ) {
    bool searched = false;
    const double search = params_.offending.search;
    if (search > 0) {
        const auto m = rng_.words(Stream::Offending, person, static_cast<std::uint32_t>(hour), 2);
        if (to_unit(m[0]) < search) {
            // To a neighbouring cell anyone uses, with probability ∝ 1 + Σ B there.
            const auto near = neighbours(site);
            if (!near.empty()) {
                double total = 0.0;
                for (std::int32_t s : near) total += attractiveness(base_.cell[static_cast<std::size_t>(s)]);
                const double pick = to_unit(m[1]) * total;
                double upto = 0.0;
                std::int32_t chosen = near.back();
                for (std::int32_t s : near) {
                    upto += attractiveness(base_.cell[static_cast<std::size_t>(s)]);
                    if (pick < upto) {
                        chosen = s;
                        break;
                    }
                }
                searched = chosen != site;
                site = chosen;
            }
        }
    }
    const Try here = rates_at(hour, person, site, state, occ);
    incident(hour, person, here, state, occ);
    if (here.total <= 0) return;
    const auto w = rng_.words(Stream::Offending, person, static_cast<std::uint32_t>(hour));
    const double u = to_unit(w[0]);
    if (u < -std::expm1(-here.total)) {
        record(hour, person, site, here, to_unit(w[1]), to_unit(w[2]), state, occ, searched, false);
        return;
    }
    // Deterred (it would have happened without deterrence): perhaps next door instead.
    if (u >= -std::expm1(-here.undeterred) || to_unit(w[3]) >= params_.offending.displacement) return;
    const auto near = neighbours(site);
    if (near.empty()) return;
    const std::int32_t next = near[(w[3] & 0xffffu) % near.size()];
    const Try there = rates_at(hour, person, next, state, occ);
    if (there.total <= 0) return;
    const auto v = rng_.words(Stream::Offending, person, static_cast<std::uint32_t>(hour), 1);
    if (to_unit(v[0]) < -std::expm1(-there.total))
        record(hour, person, next, there, to_unit(v[1]), to_unit(v[2]), state, occ, searched, true);
}

void ReferenceHourStep::incident(int hour, std::uint32_t person, const Try& here, const HourStepState& state,
                                 const Occupancy& occ) {
    const IncidentRates r = incident_rates(params_.incidents, params_.offending, sites_, occ, here.setting,
                                           state.population.propensity[person], here.peer);
    if (r.total <= 0) return;
    const auto w = rng_.words(Stream::Incidents, person, static_cast<std::uint32_t>(hour));
    if (to_unit(w[0]) >= -std::expm1(-r.total)) return;
    const int type = to_unit(w[1]) * r.total < r.rate[0] ? 0 : 1;  // disorder or fire, ∝ rate
    const auto k = static_cast<std::size_t>(here.setting.site);
    ReportContext context;
    context.incident = type;
    context.place_types = sites_.place_types[k];
    context.district = city_.cell_district[static_cast<std::size_t>(base_.cell[k])];
    context.young_offender = state.agents.age[person] < 21;
    context.collective_efficacy = sites_.collective_efficacy[k];
    if (context.district < 0) return;
    const std::uint32_t known = draw_incident_reports(params_.reporting, context, rng_, person, hour);
    const std::size_t at = (static_cast<std::size_t>(hour / kHoursPerWeek) * city_.districts.size() +
                            static_cast<std::size_t>(context.district)) *
                               kIncidentTypes +
                           static_cast<std::size_t>(type);
    ++incidents_true_[at];
    if (known & 1u) ++incidents_reported_[at];
    if (known != 0) ++incidents_est_[at];
}

void ReferenceHourStep::record(int hour, std::uint32_t person, std::int32_t site, const Try& t, double type_draw,
                               double victim_draw, const HourStepState& state, const Occupancy& occ, bool searched,
                               bool displaced) {
    // The type, with probability ∝ its rate.
    const double pick = type_draw * t.total;
    int type = -1;
    double upto = 0.0;
    for (int k = 0; k < kCrimeTypes; ++k) {
        if (t.rate[static_cast<std::size_t>(k)] <= 0) continue;
        upto += t.rate[static_cast<std::size_t>(k)];
        type = k;
        if (pick < upto) break;
    }
    const auto k = static_cast<std::size_t>(site);
    CrimeEvent e;
    e.hour = hour;
    e.cell = base_.cell[k];
    e.district = city_.cell_district[static_cast<std::size_t>(e.cell)];
    e.type = static_cast<CrimeType>(type);
    e.offender = person;
    e.victim = victim_of(e.type, params_.offending, sites_, occ, site, victim_draw);
    ReportContext context;
    context.type = e.type;
    context.place_types = sites_.place_types[k];
    context.district = e.district;
    context.young_offender = state.agents.age[person] < 21;
    context.collective_efficacy = sites_.collective_efficacy[k];
    ArrestChance chance;
    chance.camera_coverage =
        sites_.cameras[k] * (sites_.monitored[k] ? 1.0 : params_.offending.unmonitored_camera_factor);
    chance.police_factor = t.patrol ? 1.0 + params_.policing.arrest_gain : 1.0;
    const Aftermath after = draw_aftermath(params_.reporting, params_.arrests, context, chance, rng_, person, hour);
    e.reported_by = after.reported_by;
    e.arrested = after.arrested;
    if (after.arrested) {
        free_from_[person] = hour + after.spell_hours;
        ++coverage_.arrests;
    }
    auto& field = field_[static_cast<std::size_t>(type)];
    if (!field.empty()) {
        if (field[static_cast<std::size_t>(e.cell)] > 0) ++coverage_.near_repeat;
        today_[static_cast<std::size_t>(type)].push_back(e.cell);
    }
    ++coverage_.crimes;
    coverage_.searched += searched ? 1 : 0;
    coverage_.displaced += displaced ? 1 : 0;
    coverage_.lit_by_item += lit_by_item_[k] && t.setting.darkness > 0 ? 1 : 0;
    coverage_.under_cameras += camera_item_[k];
    coverage_.patrolled += t.patrol ? 1 : 0;
    coverage_.field_workers += t.field_workers ? 1 : 0;
    events_.push_back(e);
}

void ReferenceHourStep::offences_due(int hour, const HourStepState& state) {
    if (!started_) start(state);
    // 04:00 of every model day but the first: the fields take in the day before's crimes.
    if (hour % kHoursPerDay == kModelDayStart && hour >= kHoursPerDay) end_of_model_day();
    if (hour > 0 && hour % kHoursPerWeek == 0) steer(state.lagesbild);  // after Sunday's last hour
    compare_fields(hour, state.near_repeat);
    count_people(hour, state);
    rebuild_sites(hour, state);
    const Occupancy occ(counts_);
    const auto& a = state.agents;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a.offender_rank[i] < 0) continue;  // no active criminal career
        const std::int32_t at = where_[i];
        if (at < 0 || !in_public(at)) continue;
        if (hour < free_from_[i]) {
            ++coverage_.arrested_skips;
            continue;
        }
        offend(hour, static_cast<std::uint32_t>(i), at / kKinds, state, occ);
    }
}

}  // namespace trygg::reference
