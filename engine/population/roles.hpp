#pragma once
// Second stage of synthesis: what each person does (schedule), where (work or school
// place), and the youth state — given age, home and district.
#include "core/rng.hpp"
#include "population/population.hpp"
#include "population/synthesis.hpp"
#include "world/city.hpp"

namespace trygg {

void assign_roles(Population& pop, const City& city, const PopulationParams& params, const CounterRng& rng);

}  // namespace trygg
