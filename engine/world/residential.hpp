#pragma once
// Where a DeSO's residents may live: every cell of an urban DeSO alike (SCB gives no finer
// counts), or the villages of a rural one with a scattered share elsewhere. Used by the
// population synthesis to place homes and by the city to place neighbourhood services
// where the homes will be.
#include "world/city.hpp"

#include <vector>

namespace trygg {

struct HomeCells {
    std::vector<int> cells;
    std::vector<double> cumulative;  // cumulative weight, last entry = 1
};

// Cells of DeSO `deso` where its residents may live, with the weight of each.
HomeCells home_cells_of(const City& city, int deso);

}  // namespace trygg
