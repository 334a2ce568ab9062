#pragma once
// `trygg run SCENARIO.yaml`: one scenario, R replicates, one HDF5 file, a summary table.
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int run_command(const std::vector<std::string>& args, const std::string& command_line, std::ostream& out,
                std::ostream& err);
void print_run_help(std::ostream& out);

}  // namespace trygg
