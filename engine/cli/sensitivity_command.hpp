#pragma once
// `trygg sensitivity OUT.h5`: Morris or Sobol' indices of a batch run over a sensitivity
// design (sweep method morris or sobol), for each scenario's crimes or for the paired effect
// of one scenario against another, as a table and optionally as CSV and JSON.
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int sensitivity_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
void print_sensitivity_help(std::ostream& out);

}  // namespace trygg
