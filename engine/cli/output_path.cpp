#include "cli/output_path.hpp"

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
