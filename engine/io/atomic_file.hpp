#pragma once
// Writing an output file so that its final name only ever holds a complete file: write to
// "<out>.tmp-<pid>" in the same directory, fsync, rename (atomic on POSIX). On failure the
// temporary file is removed and an OutputError naming `out` and the reason propagates (other
// exceptions, such as a LogicError or bad_alloc, propagate unchanged).
#include <filesystem>
#include <functional>
#include <span>
#include <string_view>

namespace trygg {

void write_atomically(const std::filesystem::path& out,
                      const std::function<void(const std::filesystem::path& tmp)>& write);

// `bytes` into `path` (created, or truncated), every write checked: OutputError on failure
// (disk full, file-size limit, read-only place), with the system's reason.
void write_bytes(const std::filesystem::path& path, std::span<const char> bytes);

// A text file (CSV, JSON, status), written atomically.
void write_text_atomically(const std::filesystem::path& out, std::string_view text);

}  // namespace trygg
