#include "io/run_spec.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace trygg {

namespace fs = std::filesystem;

ComparedFile parse_run_spec(const std::string& spec) {
    std::error_code ec;
    const auto colon = spec.rfind(':');
    if (fs::exists(spec, ec) || colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) {
        return {spec, "", ""};
    }
    return {spec.substr(0, colon), spec.substr(colon + 1), ""};
}

std::string label_of(const ComparedFile& f) {
    return f.group.empty() ? f.file : f.file + ":" + f.group;
}

// A group name is checked against the runs, since the root also holds datasets such as "x".
RunFile read_run(const ComparedFile& f, RunArrays arrays) {
    const std::vector<std::string> groups = list_run_groups(f.file);
    std::string names;
    for (const auto& g : groups) names += (names.empty() ? "" : ", ") + g;
    if (f.group.empty() && !groups.empty()) {
        throw InputError(f.file + ": an experiment file; name one of its runs as " + f.file +
                         ":GROUP (it has: " + names + ")");
    }
    if (!f.group.empty() && std::find(groups.begin(), groups.end(), f.group) == groups.end()) {
        throw InputError(f.file + ": no run group '" + f.group + "'" +
                         (groups.empty() ? " (the file holds a single run)" : " (it has: " + names + ")"));
    }
    return read_run_file(f.file, f.group, arrays);
}

}  // namespace trygg
