#pragma once
// The table `trygg sensitivity` prints: a heading that says what the indices mean, then one
// block per subject and outcome with a row per parameter, most important first.
#include "io/sensitivity_file.hpp"

#include <iosfwd>

namespace trygg {

void print_sensitivity_table(std::ostream& out, const SensitivityReport& report);

}  // namespace trygg
