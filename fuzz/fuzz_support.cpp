#include "fuzz_support.hpp"

#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace trygg::fuzz {
namespace {

void link_each(const fs::path& from_dir, const fs::path& to_dir, const std::string& extension) {
    fs::create_directories(to_dir);
    for (const auto& entry : fs::directory_iterator(from_dir)) {
        if (entry.path().extension() == extension) fs::create_symlink(entry.path(), to_dir / entry.path().filename());
    }
}

fs::path make_workspace() {
    std::string pattern = (fs::temp_directory_path() / "trygg-fuzz-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data())) throw std::runtime_error("fuzz: cannot create a temporary directory");
    const fs::path root(buffer.data());
    const fs::path source(TRYGG_SOURCE_DIR);
    link_each(source / "scenarios", root / "scenarios", ".yaml");
    link_each(source / "configs" / "experiments", root / "configs" / "experiments", ".yaml");
    link_each(source / "validation", root / "validation", ".yaml");
    link_each(source / "validation" / "scenarios", root / "validation" / "scenarios", ".yaml");
    fs::create_symlink(source / "configs" / "borlange.yaml", root / "configs" / "borlange.yaml");
    fs::create_directory_symlink(source / "configs" / "data", root / "configs" / "data");
    return root;
}

}  // namespace

const fs::path& workspace() {
    // Never destroyed, so the exit handler that removes it can still read its name.
    static const fs::path* const root = [] {
        const auto* r = new fs::path(make_workspace());
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(workspace(), ec);
        });
        return r;
    }();
    return *root;
}

fs::path write_input(const std::string& relative, const std::uint8_t* data, std::size_t size) {
    const fs::path path = workspace() / relative;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) throw std::runtime_error("fuzz: cannot write " + path.string());
    return path;
}

}  // namespace trygg::fuzz
