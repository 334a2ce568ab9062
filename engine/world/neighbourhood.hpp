#pragma once
// Neighbourhood places: the everyday destinations below the key places a city lists by
// name — corner shops, kiosks, pizzerias, local bus stops. Nobody lists them for a whole
// town, yet they are where much of a neighbourhood's public life (and its crime) happens:
// crime concentrates at many small places, not only at a few large ones (Weisburd 2015,
// Criminology 53(2)). They are placed where the homes are, one per so many residents.
#include "world/city.hpp"

#include <vector>

namespace trygg {

// For every DeSO, round(residents / residents_per_place) places of each rule's type at the
// centres of a weighted k-means of its home cells (home_cells_of), each snapped to the
// nearest home cell, so they sit where the homes are and spread over them. Deterministic:
// the same city gives the same places. Named "<type> <DeSO code>/<k>", with the type's
// defaults (typical_place).
std::vector<Place> neighbourhood_places(const City& city, const std::vector<NeighbourhoodRule>& rules);

}  // namespace trygg
