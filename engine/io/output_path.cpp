#include "io/output_path.hpp"

#include "core/error.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace trygg {

void check_output_path(const std::filesystem::path& out, const std::string& command) {
    namespace fs = std::filesystem;
    const std::string prefix = command + ": --output: ";
    const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw InputError(prefix + "directory does not exist: " + dir.string());
    if (fs::is_directory(out, ec)) throw InputError(prefix + out.string() + " is a directory");
    const auto status = fs::symlink_status(out, ec);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        throw InputError(prefix + out.string() + " exists and is not a regular file");
    }
    const fs::path probe = out.string() + ".tmp-probe-" + std::to_string(::getpid());
    {
        std::ofstream test(probe);
        if (!test) throw InputError(prefix + "cannot create " + out.string() + ": " + std::strerror(errno));
    }
    fs::remove(probe, ec);
}

}  // namespace trygg

namespace trygg {
namespace {

namespace fs = std::filesystem;

// Two existing files are the same when the file system says so (device and inode, through
// links); otherwise when their absolute, normalised paths agree (an output not written yet).
bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) {
        const bool same = fs::equivalent(a, b, ec);
        if (!ec) return same;
    }
    const fs::path ca = fs::weakly_canonical(fs::absolute(a, ec), ec);
    const fs::path cb = fs::weakly_canonical(fs::absolute(b, ec), ec);
    return ca == cb;
}

}  // namespace

std::vector<RoledPath> inputs_of(const ScenarioConfig& scenario, const RunSetup& setup) {
    std::vector<RoledPath> inputs;
    for (const auto& file : scenario.files) {
        inputs.push_back({file == scenario.files.back() ? "the scenario" : "a scenario it extends", file});
    }
    for (const auto& file : setup.config.files) {
        inputs.push_back({file == setup.config.file ? "the city config" : "a data file of the city config", file});
    }
    return inputs;
}

void check_outputs_apart(const std::vector<RoledPath>& outputs, const std::vector<RoledPath>& inputs,
                         const std::string& command) {
    for (std::size_t k = 0; k < outputs.size(); ++k) {
        const RoledPath& out = outputs[k];
        for (const RoledPath& in : inputs) {
            if (same_file(out.path, in.path)) {
                throw InputError(command + ": " + out.role + " " + out.path.string() + " would replace " +
                                 in.path.string() + " (" + in.role + "), an input of this command: choose another " +
                                 "output file");
            }
        }
        for (std::size_t j = 0; j < k; ++j) {
            if (same_file(out.path, outputs[j].path)) {
                throw InputError(command + ": " + out.role + " and " + outputs[j].role + " are the same file (" +
                                 out.path.string() + "): one would replace the other");
            }
        }
    }
}

}  // namespace trygg
