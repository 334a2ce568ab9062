#pragma once
// Who the victim of a crime is (DESIGN §3.3, §3.5): a resident, a business or a visitor,
// chosen by crime type among the targets at the site that hour.
#include "model/crime_type.hpp"
#include "model/occupancy.hpp"
#include "model/offending.hpp"
#include "model/reporting.hpp"
#include "model/sites.hpp"

namespace trygg {

// The victim group of a crime of `type` at `site`, from a uniform draw `u`. Drug offences
// have no victim (VictimGroup::Count).
VictimGroup victim_of(CrimeType type, const OffendingParams& p, const Sites& sites, const Occupancy& occ,
                      std::int32_t site, double u);

}  // namespace trygg
