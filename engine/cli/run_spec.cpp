#include "cli/run_spec.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace trygg {

RunSpec parse_run_spec(const std::string& spec) {
    std::error_code ec;
    const auto colon = spec.rfind(':');
    if (std::filesystem::exists(spec, ec) || colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) {
        return {spec, ""};
    }
    return {spec.substr(0, colon), spec.substr(colon + 1)};
}

RunFile read_named_run(const RunSpec& spec) {
    const std::vector<std::string> groups = list_run_groups(spec.file);
    std::string names;
    for (const auto& g : groups) names += (names.empty() ? "" : ", ") + g;
    if (spec.group.empty() && !groups.empty()) {
        throw InputError(spec.file + ": an experiment file; name one of its runs as " + spec.file +
                         ":GROUP (it has: " + names + ")");
    }
    if (!spec.group.empty() && std::find(groups.begin(), groups.end(), spec.group) == groups.end()) {
        throw InputError(spec.file + ": no run group '" + spec.group + "'" +
                         (groups.empty() ? " (the file holds a single run)" : " (it has: " + names + ")"));
    }
    return read_run_file(spec.file, spec.group);
}

}  // namespace trygg
