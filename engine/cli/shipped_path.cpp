#include "cli/shipped_path.hpp"

#include <system_error>

namespace trygg {

namespace fs = std::filesystem;

std::optional<fs::path> installed_data_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return std::nullopt;
    const fs::path data = exe.parent_path().parent_path() / "share" / "trygg";
    if (!fs::is_directory(data, ec)) return std::nullopt;
    return data;
}

fs::path shipped_path(const std::string& path) {
    const fs::path given(path);
    std::error_code ec;
    if (given.empty() || given.is_absolute() || fs::exists(given, ec)) return given;
    if (const auto data = installed_data_dir()) {
        const fs::path installed = *data / given;
        if (fs::exists(installed, ec)) return installed;
    }
    return given;
}

}  // namespace trygg
