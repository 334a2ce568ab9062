#pragma once
// The sweep design in an experiment file (`trygg batch`): the /design group, so that the
// points' parameter values and their roles in a Morris or Sobol' design can be read back
// from the file alone (`trygg sensitivity`, h5py). docs/hdf5-layout.md describes the layout.
#include "experiment/design.hpp"
#include "io/hdf5_handle.hpp"

#include <filesystem>
#include <optional>

namespace trygg {

// Writes /design under `root` of a file being written.
void write_sweep_design(hid_t root, const SweepDesign& design, const h5::ErrorContext& ctx);

// The design of an experiment file, or none when the file has no /design (a batch without a
// sweep, a single run, or a file written before trygg recorded designs). InputError naming the
// file for a /design that is not what trygg writes.
std::optional<SweepDesign> read_sweep_design(const std::filesystem::path& in);

}  // namespace trygg
