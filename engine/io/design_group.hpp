#pragma once
// Writing the /design group into an experiment file being written (io/run_file_write.cpp); kept
// apart from design_file.hpp so that readers of a design do not include HDF5.
#include "experiment/design.hpp"
#include "io/hdf5_handle.hpp"

namespace trygg {

void write_sweep_design(hid_t root, const SweepDesign& design, const h5::ErrorContext& ctx);

}  // namespace trygg
