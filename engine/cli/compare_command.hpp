#pragma once
// `trygg compare BASE OTHER`: what OTHER's measures changed against BASE, replicate by
// replicate, as a table for planners and optionally as CSV and JSON.
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int compare_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
void print_compare_help(std::ostream& out);

}  // namespace trygg
