#include "population/roles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace trygg {
namespace {

std::vector<int> places_of(const City& city, std::initializer_list<PlaceType> types) {
    std::vector<int> out;
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        if (std::find(types.begin(), types.end(), city.places[p].type) != types.end())
            out.push_back(static_cast<int>(p));
    }
    return out;
}

int nearest(const City& city, const std::vector<int>& candidates, Point from, double* dist = nullptr) {
    int best = -1;
    double best_d = std::numeric_limits<double>::infinity();
    for (int p : candidates) {
        const double d = distance(city.places[static_cast<std::size_t>(p)].where, from);
        if (d < best_d) {
            best_d = d;
            best = p;
        }
    }
    if (dist) *dist = best_d;
    return best;
}

// Gravity choice: weight × exp(-distance / scale).
int choose_by_gravity(const City& city, const std::vector<int>& candidates, Point from, double scale, bool by_jobs,
                      double u) {
    double total = 0.0;
    std::vector<double> w(candidates.size());
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const auto& place = city.places[static_cast<std::size_t>(candidates[k])];
        w[k] = (by_jobs ? place.jobs : 1.0) * std::exp(-distance(place.where, from) / scale);
        total += w[k];
    }
    if (total <= 0) return -1;
    double target = u * total;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        if ((target -= w[k]) < 0) return candidates[k];
    }
    return candidates.back();
}

}  // namespace

RoleAssigner::RoleAssigner(const City& city, const PopulationParams& params,
                           const std::vector<std::int32_t>& home_cells)
    : city_(city),
      params_(params),
      schools_(places_of(city, {PlaceType::School})),
      schools_79_(places_of(city, {PlaceType::School79})),
      gymnasia_(places_of(city, {PlaceType::UpperSecondary})),
      universities_(places_of(city, {PlaceType::University})),
      cell_cum_(static_cast<std::size_t>(city.grid.cells()), 0.0) {
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        if (city.places[p].jobs > 0) job_places_.push_back(static_cast<int>(p));
    }
    // Jobs spread over populated cells (shops, care, schools' staff) follow the population.
    for (auto c : home_cells) cell_cum_[static_cast<std::size_t>(c)] += 1.0;
    std::partial_sum(cell_cum_.begin(), cell_cum_.end(), cell_cum_.begin());
}

void RoleAssigner::assign(Population& pop, std::size_t i, int school_age, DrawSequence& u) const {
    const int age = school_age;
    const int home = pop.home_cell[i];
    const Point at = city_.grid.centre(home);
    const auto& district =
        city_.districts[static_cast<std::size_t>(city_.cell_district[static_cast<std::size_t>(home)])];
    auto place_cell = [&](int place) { return place < 0 ? home : city_.place_cell[static_cast<std::size_t>(place)]; };

    Schedule s = Schedule::Pensioner;
    std::int32_t anchor = home;
    pop.school_place[i] = -1;
    if (age <= 5) {
        s = Schedule::Preschool;
        pop.school_place[i] = nearest(city_, schools_, at);
    } else if (age <= 12) {
        s = Schedule::ChildPupil;
        pop.school_place[i] = nearest(city_, schools_, at);
    } else if (age <= 15) {
        s = Schedule::TeenPupil;
        double d79 = 0.0;
        const int p79 = nearest(city_, schools_79_, at, &d79);
        // A 7–9 school within 3 km takes the pupil; otherwise the nearest school does.
        pop.school_place[i] = (p79 >= 0 && d79 < 3000.0) ? p79 : nearest(city_, schools_, at);
    } else if (age <= 19 && u.uniform() < params_.upper_secondary_enrolment) {
        s = Schedule::UpperSecondary;
        pop.school_place[i] = choose_by_gravity(city_, gymnasia_, at, params_.job_distance_scale_m, false, u.uniform());
    } else if (age <= 64) {
        if (age >= 20 && age <= 24 && u.uniform() < params_.university_share_20_24 && !universities_.empty()) {
            s = Schedule::University;
            anchor = place_cell(nearest(city_, universities_, at));
        } else if (age >= 18 && u.uniform() < district.employment_rate) {
            s = Schedule::Worker;
            if (u.uniform() < params_.out_commute_share) {
                anchor = kOutsideCity;
            } else if (u.uniform() < params_.distributed_jobs_share || job_places_.empty()) {
                const double target = u.uniform() * cell_cum_.back();
                anchor = static_cast<std::int32_t>(std::upper_bound(cell_cum_.begin(), cell_cum_.end(), target) -
                                                   cell_cum_.begin());
            } else {
                anchor = place_cell(
                    choose_by_gravity(city_, job_places_, at, params_.job_distance_scale_m, true, u.uniform()));
            }
        } else {
            s = Schedule::NotEmployed;
        }
    }
    if (pop.school_place[i] >= 0) anchor = place_cell(pop.school_place[i]);
    pop.schedule[i] = static_cast<std::uint8_t>(s);
    pop.anchor_cell[i] = anchor;
}

Leisure draw_leisure(const PopulationParams& p, int age, double u) {
    if (age < 12 || age > 20) return Leisure::Neutral;
    return u < p.structured_share                          ? Leisure::Structured
           : u < p.structured_share + p.unstructured_share ? Leisure::Unstructured
                                                           : Leisure::Homebody;
}

void draw_traits(Population& pop, std::size_t i, double ses_index, const PopulationParams& p, DrawSequence& u) {
    // Boys and young people in disadvantaged areas have, on average, weaker self-control and
    // moral rules (Wikström et al. 2012, the Peterborough study); the shifts are calibrated
    // so that the first year's offenders by sex and district match Brå's suspects.
    const double sex = pop.male[i] ? p.male_trait_shift : -p.male_trait_shift;
    const double ses = p.ses_trait_shift * ses_index;
    pop.self_control[i] = static_cast<float>(u.normal() - sex + ses);
    pop.morality[i] = static_cast<float>(u.normal() - sex + ses);
    pop.morality_base[i] = pop.morality[i];
    const double sigma = p.propensity_sigma;
    pop.intensity[i] = static_cast<float>(std::exp(sigma * u.normal() - sigma * sigma / 2.0));
    pop.school_engagement[i] = static_cast<float>(u.normal());
    pop.leisure[i] = static_cast<std::uint8_t>(draw_leisure(p, pop.age[i], u.uniform()));
}

void assign_roles(Population& pop, const City& city, const PopulationParams& params, const CounterRng& rng) {
    const RoleAssigner roles(city, params, pop.home_cell);
    for (std::size_t i = 0; i < pop.size(); ++i) {
        DrawSequence u(rng, Stream::Anchors, static_cast<std::uint32_t>(i));
        roles.assign(pop, i, pop.age[i], u);
        const auto& district =
            city.districts[static_cast<std::size_t>(city.cell_district[static_cast<std::size_t>(pop.home_cell[i])])];
        draw_traits(pop, i, district.ses_index, params, u);
    }
}

}  // namespace trygg
