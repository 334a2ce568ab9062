#pragma once
// Checks, before any simulation, that an output file can be written and that writing it
// loses nothing.
#include "io/run_setup.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trygg {

// The output's directory exists and takes a new file, and an existing file there is a regular
// file (the finished output is renamed over it, which would replace a device or a link's
// target). Throws InputError prefixed with `command`.
void check_output_path(const std::filesystem::path& out, const std::string& command);

// A file a command reads or writes, and what it is to the command ("--output", "the scenario").
struct RoledPath {
    std::string role;
    std::filesystem::path path;
};

// An output must never replace one of the command's inputs (`trygg run x.yaml -o x.yaml`
// would replace the scenario with HDF5) or another of its outputs (`--csv f --json f` would
// keep only one). Paths are compared by what the file system says they are, so "./x.yaml",
// "../dir/x.yaml", a hard link or a symbolic link to x.yaml are all x.yaml. InputError,
// prefixed with `command`, for the first clash.
void check_outputs_apart(const std::vector<RoledPath>& outputs, const std::vector<RoledPath>& inputs,
                         const std::string& command);

// Every file a run of `scenario` reads: the scenario, the files it extends, the city config
// and the city's data files.
std::vector<RoledPath> inputs_of(const ScenarioConfig& scenario, const RunSetup& setup);

}  // namespace trygg
