#pragma once
// The attributes of a trygg HDF5 file that are not a dataset's: the root's schema version and
// conventions, and the provenance, each kind written by one function and read back by one from
// the declaration in run_file_layout.hpp.
#include <string>

#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"

namespace trygg {

// schema_version, Conventions, title ("trygg run", "trygg experiment") and crs.
void write_file_attributes(hid_t root, const std::string& title, const h5::ErrorContext& ctx);
// The file's layout version, when this trygg reads it; otherwise an InputError naming it.
int check_schema_version(hid_t root, const h5::ErrorContext& ctx);

// A run's provenance: on the root of a run file, on each run's group of an experiment file.
void write_provenance(hid_t object, const RunProvenance& p, const h5::ErrorContext& ctx);
RunProvenance read_provenance(hid_t object, const h5::ErrorContext& ctx);
// An experiment's, on the root of an experiment file.
void write_provenance(hid_t object, const ExperimentProvenance& p, const h5::ErrorContext& ctx);
ExperimentProvenance read_experiment_provenance(hid_t object, const h5::ErrorContext& ctx);

}  // namespace trygg
