#pragma once
// Writing an output file so that its final name only ever holds a complete file: write to
// "<out>.tmp-<pid>" in the same directory, fsync, rename (atomic on POSIX). On failure the
// temporary file is removed and the exception propagates.
#include <filesystem>
#include <functional>

namespace trygg {

void write_atomically(const std::filesystem::path& out,
                      const std::function<void(const std::filesystem::path& tmp)>& write);

}  // namespace trygg
