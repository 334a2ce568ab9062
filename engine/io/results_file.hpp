#pragma once
// The HDF5 file a run leaves behind: provenance, the raster, the district table and the crime
// counts, laid out so that netCDF-4 tools (ncdump, xarray, R's ncdf4, QGIS) open it directly.
// docs/hdf5-layout.md describes every path for users of the file.
#include <filesystem>

#include "sim/results.hpp"

namespace trygg {

// Bumped whenever a path, type or dimension order changes, so old readers fail loudly instead
// of misreading a newer file.
inline constexpr int kSchemaVersion = 1;

// Writes everything to "<out>.tmp-<pid>" in the same directory, closes it, then renames it to
// `out` (atomic on POSIX), so an interrupted run never leaves a half-written file at `out`.
// On any failure the temporary file is removed and the exception propagates: std::runtime_error
// for I/O trouble, trygg::LogicError when the arrays do not match their stated dimensions.
void write_run_file(const std::filesystem::path& out, const RunProvenance& provenance, const GridDescription& grid,
                    const DistrictTable& districts, const RunResults& results);

struct RunFile {
    RunProvenance provenance;
    GridDescription grid;
    DistrictTable districts;
    RunResults results;
};

// Reads back what write_run_file wrote (for tests, `trygg compare` and resume). A missing file,
// a file that is not HDF5, one whose root attribute schema_version is missing or differs from
// kSchemaVersion, or one whose datasets do not have the expected shapes is an InputError that
// names the file.
RunFile read_run_file(const std::filesystem::path& in);

}  // namespace trygg
