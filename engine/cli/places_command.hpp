#pragma once
// `trygg places CITY.yaml`: the places of a city as the model builds them — the named ones
// and the neighbourhood places synthesised where the homes are — with the names, cells and
// positions a scenario uses to place measures.
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int places_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
void print_places_help(std::ostream& out);

}  // namespace trygg
