#pragma once
// `trygg schema KIND`: the JSON Schema of a city config, scenario, experiment or validation
// study, for editors (docs/scenarios.md shows how to point one at it).
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int schema_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
void print_schema_help(std::ostream& out);

}  // namespace trygg
