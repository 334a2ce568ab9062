#pragma once
// The sweep design in an experiment file (`trygg batch`): the /design group, so that the
// points' parameter values and their roles in a Morris or Sobol' design can be read back
// from the file alone (`trygg sensitivity`, h5py). docs/hdf5-layout.md describes the layout.
#include "experiment/design.hpp"

#include <filesystem>
#include <optional>

namespace trygg {

// (Written by write_experiment_file, through io/design_group.hpp.)
//
// The design of an experiment file, or none when the file has no /design (a batch without a
// sweep, a single run, or a file written before trygg recorded designs). InputError naming the
// file for a missing file, one that is not HDF5, or a /design that is not what trygg writes.
std::optional<SweepDesign> read_sweep_design(const std::filesystem::path& in);

}  // namespace trygg
