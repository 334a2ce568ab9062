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

double prevalence(const PopulationParams& p, int age) {
    for (const auto& b : p.age_bands) {
        if (age >= b.from && age <= b.to) return b.offender_prevalence;
    }
    return 0.0;
}

}  // namespace

void assign_roles(Population& pop, const City& city, const PopulationParams& params, const CounterRng& rng) {
    const auto schools = places_of(city, {PlaceType::School});
    const auto schools_79 = places_of(city, {PlaceType::School79});
    const auto gymnasia = places_of(city, {PlaceType::UpperSecondary});
    const auto universities = places_of(city, {PlaceType::University});
    std::vector<int> job_places;
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        if (city.places[p].jobs > 0) job_places.push_back(static_cast<int>(p));
    }
    // Jobs spread over populated cells (shops, care, schools' staff) follow the population.
    std::vector<double> cell_cum(static_cast<std::size_t>(city.grid.cells()), 0.0);
    for (std::size_t i = 0; i < pop.size(); ++i) cell_cum[static_cast<std::size_t>(pop.home_cell[i])] += 1.0;
    std::partial_sum(cell_cum.begin(), cell_cum.end(), cell_cum.begin());

    const double w = params.self_control_weight;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        DrawSequence u(rng, Stream::Anchors, static_cast<std::uint32_t>(i));
        const int age = pop.age[i];
        const int home = pop.home_cell[i];
        const Point at = city.grid.centre(home);
        const auto& district =
            city.districts[static_cast<std::size_t>(city.cell_district[static_cast<std::size_t>(home)])];
        auto place_cell = [&](int place) {
            return place < 0 ? home : city.place_cell[static_cast<std::size_t>(place)];
        };

        Schedule s = Schedule::Pensioner;
        std::int32_t anchor = home;
        if (age <= 5) {
            s = Schedule::Preschool;
            pop.school_place[i] = nearest(city, schools, at);
        } else if (age <= 12) {
            s = Schedule::ChildPupil;
            pop.school_place[i] = nearest(city, schools, at);
        } else if (age <= 15) {
            s = Schedule::TeenPupil;
            double d79 = 0.0;
            const int p79 = nearest(city, schools_79, at, &d79);
            // A 7–9 school within 3 km takes the pupil; otherwise the nearest school does.
            pop.school_place[i] = (p79 >= 0 && d79 < 3000.0) ? p79 : nearest(city, schools, at);
        } else if (age <= 19 && u.uniform() < params.upper_secondary_enrolment) {
            s = Schedule::UpperSecondary;
            pop.school_place[i] =
                choose_by_gravity(city, gymnasia, at, params.job_distance_scale_m, false, u.uniform());
        } else if (age <= 64) {
            if (age >= 20 && age <= 24 && u.uniform() < params.university_share_20_24 && !universities.empty()) {
                s = Schedule::University;
                anchor = place_cell(nearest(city, universities, at));
            } else if (age >= 18 && u.uniform() < district.employment_rate) {
                s = Schedule::Worker;
                if (u.uniform() < params.out_commute_share) {
                    anchor = kOutsideCity;
                } else if (u.uniform() < params.distributed_jobs_share || job_places.empty()) {
                    const double target = u.uniform() * cell_cum.back();
                    anchor = static_cast<std::int32_t>(std::upper_bound(cell_cum.begin(), cell_cum.end(), target) -
                                                       cell_cum.begin());
                } else {
                    anchor = place_cell(
                        choose_by_gravity(city, job_places, at, params.job_distance_scale_m, true, u.uniform()));
                }
            } else {
                s = Schedule::NotEmployed;
            }
        }
        if (pop.school_place[i] >= 0) anchor = place_cell(pop.school_place[i]);
        pop.schedule[i] = static_cast<std::uint8_t>(s);
        pop.anchor_cell[i] = anchor;

        double factor = 1.0;
        if (age >= 12 && age <= 20) {
            pop.self_control[i] = static_cast<float>(u.normal());
            pop.morality[i] = static_cast<float>(u.normal());
            const double z = (pop.self_control[i] + pop.morality[i]) / std::sqrt(2.0);
            factor = std::exp(-w * z - w * w / 2.0);  // mean 1 over z ~ N(0,1)
            const double l = u.uniform();
            pop.leisure[i] = static_cast<std::uint8_t>(l < params.structured_share ? Leisure::Structured
                                                       : l < params.structured_share + params.unstructured_share
                                                           ? Leisure::Unstructured
                                                           : Leisure::Homebody);
        }
        if (age >= 12) {
            const double p = prevalence(params, age) * factor *
                             (pop.male[i] ? params.offender_male_factor : params.offender_female_factor) *
                             std::exp(-params.ses_offender_gain * district.ses_index);
            if (u.uniform() < p) {
                const double sigma = params.propensity_sigma;
                pop.propensity[i] = static_cast<float>(std::exp(sigma * u.normal() - sigma * sigma / 2.0));
                // An active criminal career goes with a lifestyle of unstructured time with
                // peers, out late (Wikström et al. 2012: lifestyle risk); adult offenders take
                // the unstructured leisure pattern, youth keep theirs.
                if (age > 20) pop.leisure[i] = static_cast<std::uint8_t>(Leisure::Unstructured);
            }
        }
    }
}

}  // namespace trygg
