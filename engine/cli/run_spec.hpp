#pragma once
// Naming one run on the command line: "file.h5" (a run file) or "file.h5:group" (one run of an
// experiment file), as trygg export takes it.
#include "io/results_file.hpp"

#include <string>

namespace trygg {

struct RunSpec {
    std::string file;
    std::string group;  // empty: the file holds a single run
};

// A path that exists as given is a file even if it has a colon.
RunSpec parse_run_spec(const std::string& spec);

// The run, or an InputError naming the file: an experiment file without a group (the
// message lists its runs), a group the file does not have, and read_run_file's errors (a
// missing file, not HDF5, another schema version).
RunFile read_named_run(const RunSpec& spec);

}  // namespace trygg
