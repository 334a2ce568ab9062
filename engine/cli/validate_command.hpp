#pragma once
// `trygg validate`: the virtual replications of published evaluations in validation/
// (experiment/validation.hpp, docs/validation.md).
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

// Exit status when every study ran but a finding no longer does what its file expects (an
// interval that should overlap the published one does not, or an expected gap closed).
inline constexpr int kExitValidationFailed = 5;

int validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
void print_validate_help(std::ostream& out);

}  // namespace trygg
