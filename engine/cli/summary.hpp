#pragma once
// The table `trygg run` prints: crimes per district and type per year, mean over replicates.
#include "sim/results.hpp"

#include <cstdint>
#include <iosfwd>
#include <vector>

namespace trygg {

// Mean over replicates of crimes per year, [district][type]; weeks scale to 52. `counts` is
// one of the results' [replicate][week][district][type] arrays.
std::vector<double> yearly_means(const RunResults& results, const std::vector<std::int32_t>& counts);
void print_summary(std::ostream& out, const RunResults& results, const DistrictTable& districts);

}  // namespace trygg
