#pragma once
// Checks, before any simulation, that an output file can be written: its directory exists
// and takes a new file, and an existing file there is a regular file (the finished output is
// renamed over it, which would replace a device or a link's target). Throws InputError
// prefixed with `command`.
#include <filesystem>
#include <string>

namespace trygg {

void check_output_path(const std::filesystem::path& out, const std::string& command);

}  // namespace trygg
