#pragma once
// A run named on the command line: "file.h5" (a run file) or "file.h5:group" (one run of an
// experiment file), as `trygg compare` and `trygg report` take them.
#include "io/comparison_file.hpp"
#include "io/results_file.hpp"

#include <string>

namespace trygg {

// "file.h5" or "file.h5:group". A path that exists as given is a file even if it has a colon.
ComparedFile parse_run_spec(const std::string& spec);

// "file.h5" or "file.h5:group", for messages and labels.
std::string label_of(const ComparedFile& f);

// Reads the run. An experiment file holds several runs and no run at its root, so a bare
// experiment file is an InputError listing its groups; so is a group the file does not have.
// Otherwise InputError as read_run_file (missing file, not HDF5, another schema version).
RunFile read_run(const ComparedFile& f, RunArrays arrays = RunArrays::All);

}  // namespace trygg
