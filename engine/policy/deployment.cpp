#include "policy/deployment.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace trygg {
namespace {

// The city's own police as a unit group: one cell per patrol, cycling through the static
// places (adaptive patrols start there too, until the first picture exists).
std::vector<int> police_cells(const City& city, const PolicingParams& p) {
    std::vector<int> cells;
    for (int k = 0; k < p.patrols && !p.static_places.empty(); ++k) {
        const int place = p.static_places[static_cast<std::size_t>(k) % p.static_places.size()];
        cells.push_back(city.place_cell[static_cast<std::size_t>(place)]);
    }
    return cells;
}

}  // namespace

Deployment::Deployment(const City& city, Sites& sites, const RoutineAgents& agents, const InterventionPlan& plan,
                       const PolicingParams& police, const FieldWorkerParams& field_workers,
                       double diffusion_of_benefit, double venue_alcohol_reduction, const Timeline& timeline)
    : city_(city),
      sites_(sites),
      plan_(plan),
      police_(police),
      field_workers_(field_workers),
      diffusion_(diffusion_of_benefit),
      venue_alcohol_reduction_(venue_alcohol_reduction),
      timeline_(timeline),
      base_lighting_(sites.lighting),
      base_cameras_(sites.cameras),
      base_monitored_(sites.monitored),
      treated_(static_cast<std::size_t>(city.grid.cells()), 0) {
    if (police.patrols > 0) {
        ActiveWindow shift;
        shift.from_hour = police.shift_from;
        shift.to_hour = police.shift_to;
        groups_.push_back(UnitGroup{InterventionKind::Patrols, shift, 0.0, false, /*city_police=*/true,
                                    MobileUnits(city, sites, police.patrols, police_cells(city, police),
                                                police.steering == Steering::Adaptive)});
    }
    for (std::size_t i = 0; i < plan.size(); ++i) {
        const Intervention& item = plan[i];
        if (is_mobile(item.kind)) {
            groups_.push_back(UnitGroup{item.kind, item.when, item.intensity, item.monitored, false,
                                        MobileUnits(city, sites, item.units, item.cells, item.adaptive)});
            mark_treated(groups_.back());
        } else if (item.kind == InterventionKind::Programme) {
            programmes_.push_back(static_cast<int>(i));
        } else if (acts_on_residents(item.kind)) {
            for (int c : item.cells) treated_[static_cast<std::size_t>(c)] = 1;
        } else if (is_social(item.kind)) {
            // Social measures act on young people in the youth layer; responsible alcohol
            // service acts on the night-life sites of its area, like a fixed item.
            for (int c : item.cells) treated_[static_cast<std::size_t>(c)] = 1;
            if (item.kind == InterventionKind::AndtsPrevention && item.setting == PreventionSetting::Venues)
                fixed_.push_back(static_cast<int>(i));
        } else {
            fixed_.push_back(static_cast<int>(i));
            for (int c : item.cells) treated_[static_cast<std::size_t>(c)] = 1;
        }
    }
    // Programme catchments: home sites within reach of the venue.
    reach_.home_site.assign(static_cast<std::size_t>(sites.size()), 0);
    const auto& grid = city.grid;
    for (std::size_t k = 0; k < programmes_.size(); ++k) {
        const Intervention& item = plan[static_cast<std::size_t>(programmes_[k])];
        const int venue = city.place_cell[static_cast<std::size_t>(item.place)];
        for (std::int32_t s = 0; s < sites.size(); ++s) {
            const int cell = sites.cell[static_cast<std::size_t>(s)];
            const double dx = (grid.col(cell) - grid.col(venue)) * grid.cell_size;
            const double dy = (grid.row(cell) - grid.row(venue)) * grid.cell_size;
            if (std::hypot(dx, dy) > item.catchment_m) continue;
            reach_.home_site[static_cast<std::size_t>(s)] |= 1u << k;
            treated_[static_cast<std::size_t>(cell)] = 1;
        }
    }
    count_programme_youth(agents);
    active_fixed_.assign(fixed_.size(), 0);
    rebuild_sites();
}

void Deployment::count_programme_youth(const RoutineAgents& agents) {
    // Who the programmes can draw, by routine class: their expected attendance follows.
    programme_youth_.assign(programmes_.size(), std::vector<double>(static_cast<std::size_t>(kRoutineClasses), 0.0));
    for (std::size_t k = 0; k < programmes_.size(); ++k) {
        const Intervention& item = plan_[static_cast<std::size_t>(programmes_[k])];
        for (std::size_t i = 0; i < agents.size(); ++i) {
            if (agents.age[i] < item.min_age || agents.age[i] > item.max_age) continue;
            if (!(reach_.home_site[static_cast<std::size_t>(agents.home_site[i])] & (1u << k))) continue;
            programme_youth_[k][agents.routine_class[i]] += 1.0;
        }
    }
}

bool Deployment::covers(const ActiveWindow& when, int hour) const {
    return when.covers(hour, [&](int day) { return timeline_.days[static_cast<std::size_t>(day)].weekday; });
}

void Deployment::begin_hour(int hour) {
    // What the sites depend on: the fixed items active now, the camera posts on duty and
    // where they stand. Rebuild only when that changes (a few times a day at most).
    std::uint64_t signature = 1469598103934665603ull;  // FNV-1a over the state
    auto mix = [&](std::uint64_t v) { signature = (signature ^ v) * 1099511628211ull; };
    for (std::size_t k = 0; k < fixed_.size(); ++k) {
        active_fixed_[k] = covers(plan_[static_cast<std::size_t>(fixed_[k])].when, hour) ? 1 : 0;
        mix(active_fixed_[k]);
    }
    for (auto& g : groups_) {
        g.on_duty = g.units.units() > 0 && covers(g.when, hour);
        if (g.kind == InterventionKind::MobileCameras) {
            mix(g.on_duty ? 1 : 0);
            mix(static_cast<std::uint64_t>(g.units.moves()));
        }
    }
    if (signature != signature_) {
        signature_ = signature;
        rebuild_sites();
    }
}

void Deployment::rebuild_sites() {
    sites_.lighting = base_lighting_;
    sites_.cameras = base_cameras_;
    sites_.monitored = base_monitored_;
    std::fill(sites_.alcohol_service.begin(), sites_.alcohol_service.end(), 1.0f);
    for (std::size_t k = 0; k < fixed_.size(); ++k) {
        if (!active_fixed_[k]) continue;
        const Intervention& item = plan_[static_cast<std::size_t>(fixed_[k])];
        const auto level = static_cast<float>(item.intensity);
        for (int c : item.cells) {
            const std::int32_t s = sites_.of_cell(c);
            if (s < 0) continue;
            const auto ks = static_cast<std::size_t>(s);
            if (item.kind == InterventionKind::AndtsPrevention) {
                sites_.alcohol_service[ks] = static_cast<float>(1.0 - venue_alcohol_reduction_);
            } else if (item.kind == InterventionKind::Lighting) {
                sites_.lighting[ks] = std::max(sites_.lighting[ks], level);
            } else {
                sites_.cameras[ks] = std::max(sites_.cameras[ks], level);
                sites_.monitored[ks] = sites_.monitored[ks] || item.monitored;
            }
        }
    }
    for (const auto& g : groups_) {
        if (g.kind != InterventionKind::MobileCameras || !g.on_duty) continue;
        for (std::int32_t s = 0; s < sites_.size(); ++s) {
            if (!g.units.at(s)) continue;
            const auto ks = static_cast<std::size_t>(s);
            sites_.cameras[ks] = std::max(sites_.cameras[ks], static_cast<float>(g.intensity));
            sites_.monitored[ks] = sites_.monitored[ks] || g.monitored;
        }
    }
    spread_benefit(sites_, city_.grid, diffusion_);
}

void Deployment::add_units(Setting& setting, std::int32_t site, bool youth) const {
    double guardians = 0.0;
    bool patrol = false;
    for (const auto& g : groups_) {
        if (!g.on_duty || !g.units.at(site)) continue;
        if (g.kind == InterventionKind::Patrols) {
            guardians += police_.guardian_weight;
            patrol = true;
        } else if (g.kind == InterventionKind::FieldWorkers) {
            guardians += youth ? field_workers_.youth_guardian_weight : field_workers_.adult_guardian_weight;
        }
    }
    setting.unit_guardians = guardians;
    setting.police_deterrence = patrol ? police_.deterrence : 0.0;
    setting.drug_detection = patrol ? 1.0 + police_.drug_detection : 1.0;
}

double Deployment::arrest_factor(std::int32_t site) const {
    for (const auto& g : groups_) {
        if (g.kind == InterventionKind::Patrols && g.on_duty && g.units.at(site)) return 1.0 + police_.arrest_gain;
    }
    return 1.0;
}

void Deployment::steer(const HotspotsFor& hotspots) {
    // Adaptive units of one kind and hours share out their picture's hotspots, best first:
    // the city's patrols take the first, a scenario's extra patrols of the same hours the
    // next, so two patrols do not stand on one beat. Units of different kinds (patrols,
    // field workers, camera posts) may share a hotspot.
    struct Picture {
        std::vector<int> hotspots;
        std::size_t next = 0;  // the first hotspot no unit has taken yet
    };
    std::map<std::tuple<int, int, int, int>, Picture> pictures;  // by kind, hours and weekdays
    for (auto& g : groups_) {
        if (!g.units.adaptive()) continue;
        // The unit's clock hours and weekdays, on any date: last week's crimes steer this week.
        ActiveWindow hours = g.when;
        hours.first_day = 0;
        hours.last_day = INT_MAX;
        auto [it, fresh] =
            pictures.try_emplace({static_cast<int>(g.kind), hours.from_hour, hours.to_hour, hours.weekdays});
        Picture& picture = it->second;
        if (fresh) picture.hotspots = hotspots([&](int hour) { return covers(hours, hour); });
        if (picture.hotspots.empty()) continue;  // nothing known in its hours: it stays
        std::vector<int> share;
        for (int u = 0; u < g.units.units(); ++u)
            share.push_back(picture.hotspots[picture.next++ % picture.hotspots.size()]);
        const int before = g.units.moves();
        g.units.steer(share);
        if (g.units.moves() != before) mark_treated(g);
    }
}

bool Deployment::patrolled(std::int32_t site) const {
    for (const auto& g : groups_) {
        if (g.kind == InterventionKind::Patrols && g.units.at(site)) return true;
    }
    return false;
}

std::vector<float> Deployment::field_worker_sites() const {
    std::vector<float> at(static_cast<std::size_t>(sites_.size()), 0.0f);
    for (const auto& g : groups_) {
        if (g.kind != InterventionKind::FieldWorkers) continue;
        for (std::int32_t s = 0; s < sites_.size(); ++s) {
            if (g.units.at(s)) at[static_cast<std::size_t>(s)] = 1.0f;
        }
    }
    return at;
}

void Deployment::mark_treated(const UnitGroup& group) {
    if (group.city_police) return;  // today's police are not a measure of the scenario
    for (std::int32_t s = 0; s < sites_.size(); ++s) {
        if (group.units.at(s)) treated_[static_cast<std::size_t>(sites_.cell[static_cast<std::size_t>(s)])] = 1;
    }
}

std::vector<ProgrammeDay> Deployment::programmes_on(int day, const DayTables& tables) const {
    std::vector<ProgrammeDay> out;
    const int weekday = timeline_.days[static_cast<std::size_t>(day)].weekday;
    for (std::size_t k = 0; k < programmes_.size(); ++k) {
        const Intervention& item = plan_[static_cast<std::size_t>(programmes_[k])];
        const ActiveWindow& w = item.when;
        if (!w.runs_on(day, weekday)) continue;
        ProgrammeDay p;
        p.site = sites_.of_cell(city_.place_cell[static_cast<std::size_t>(item.place)]);
        p.from = w.from_hour;
        p.to = std::min(w.to_hour <= w.from_hour ? w.to_hour + 24 : w.to_hour, 28);
        p.bit = 1u << k;
        p.min_age = static_cast<std::uint8_t>(item.min_age);
        p.max_age = static_cast<std::uint8_t>(item.max_age);
        double out_that_evening = 0.0;
        for (int rc = 0; rc < kRoutineClasses; ++rc) {
            const double p_out = tables.row(day, rc)[static_cast<int>(Block::Hangout)] / 65536.0;
            out_that_evening += programme_youth_[k][static_cast<std::size_t>(rc)] * p_out;
        }
        double uptake = item.uptake;
        const double expected = uptake * out_that_evening;
        if (expected > item.capacity && expected > 0) uptake *= item.capacity / expected;
        p.low_structure = item.structure == Structure::Low;
        p.uptake16 = static_cast<std::uint16_t>(std::min(65535.0, std::floor(uptake * 65536.0)));
        out.push_back(p);
    }
    return out;
}

}  // namespace trygg
