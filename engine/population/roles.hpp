#pragma once
// Second stage of synthesis: what each person does (schedule), where (work or school
// place), and their traits — given age, home and district. The same rules give a person a
// new role when the school year moves their cohort on or an in-migrant arrives.
#include "core/rng.hpp"
#include "population/population.hpp"
#include "population/synthesis.hpp"
#include "world/city.hpp"

#include <vector>

namespace trygg {

class RoleAssigner {
public:
    RoleAssigner(const City& city, const PopulationParams& params, const std::vector<std::int32_t>& home_cells);
    // Schedule, school place and anchor of person i, whose cohort is `school_age` (the age
    // reached in the calendar year the school year starts: Swedish schools go by birth year).
    void assign(Population& pop, std::size_t i, int school_age, DrawSequence& u) const;

private:
    const City& city_;
    const PopulationParams& params_;
    std::vector<int> schools_, schools_79_, gymnasia_, universities_, job_places_;
    std::vector<double> cell_cum_;  // [cell] cumulative residents: distributed jobs follow them
};

// Leisure pattern of a 12–20-year-old (Neutral outside those ages).
Leisure draw_leisure(const PopulationParams& p, int age, double u);
// Self-control, morality, offending intensity, school engagement and leisure of person i.
void draw_traits(Population& pop, std::size_t i, double ses_index, const PopulationParams& p, DrawSequence& u);

void assign_roles(Population& pop, const City& city, const PopulationParams& params, const CounterRng& rng);

}  // namespace trygg
