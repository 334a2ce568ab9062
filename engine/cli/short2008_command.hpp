#pragma once
// `trygg short2008`: the Short et al. (2008) burglary lattice model on its own.
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int short2008_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
void print_short2008_help(std::ostream& out);

}  // namespace trygg
