#pragma once
// Where an offender looks for a target beyond the cell they are in (DESIGN §3.5): drawn to
// attractive neighbouring cells (Short et al. 2008: burglars step towards high A), and,
// deterred, trying a neighbouring cell instead (displacement; Guerette & Bowers 2009).
#include "model/near_repeat.hpp"
#include "model/sites.hpp"
#include "world/grid.hpp"

#include <array>
#include <cstdint>

namespace trygg {

class SiteNeighbourhood {
public:
    SiteNeighbourhood(const Grid& grid, const Sites& sites) : grid_(grid), sites_(sites) {}

    // The sites of the eight cells around `site` (those anyone uses); returns how many.
    int around(std::int32_t site, std::array<std::int32_t, 8>& out) const;
    // A neighbouring site with probability ∝ its attractiveness 1 + ΣB; `site` if none.
    std::int32_t attractive(std::int32_t site, const NearRepeatField& field, double u) const;
    // A neighbouring site chosen uniformly from 16 random bits; -1 if none.
    std::int32_t any(std::int32_t site, std::uint32_t bits16) const;

private:
    const Grid& grid_;
    const Sites& sites_;
};

}  // namespace trygg
