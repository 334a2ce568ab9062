#pragma once
// The HDF5 file a run leaves behind: provenance, the raster, the district table and the crime
// counts, laid out so that netCDF-4 tools (ncdump, xarray, R's ncdf4, QGIS) open it directly.
// docs/hdf5-layout.md describes every path for users of the file; io/run_file_layout.hpp
// declares them for the writer and the reader.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "experiment/design.hpp"
#include "sim/results.hpp"

namespace trygg {

// Bumped whenever a path, type or dimension order changes, so old readers fail loudly instead
// of misreading a newer file. 2 added the youth layer's tallies (/youth/members …,
// /offending/by_age, /interventions/participants and the level, year and age dimensions);
// 3 the safety layer's (/safety/…, /risk_area/… and the quarter, signal and component
// dimensions).
inline constexpr int kSchemaVersion = 3;
// The oldest layout this trygg still reads: a schema 1 file (written before the youth layer)
// reads with empty youth and safety tallies, a schema 2 file with empty safety tallies, so old runs can still be
// compared. Other versions are rejected.
inline constexpr int kOldestReadableSchemaVersion = 1;
// Ages of /offending/by_age: 0 … 100 completed years.
inline constexpr int kOffendingAges = 101;

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

// Reads back what write_run_file wrote (for tests, `trygg compare` and resume), or with
// `group` one run of an experiment file. A missing file, a file that is not HDF5, one whose
// root attribute schema_version is missing or outside kOldestReadableSchemaVersion …
// kSchemaVersion, a group the file
// does not have, or datasets without the expected shapes: an InputError that names the file.
// What read_run_file reads: everything, or everything but the EST picture's and the patrols'
// per-cell arrays (crimes_cells_est, hotspots_est, kde_top_est, patrol_weeks, left empty), which
// `trygg report` does not use: in a whole-city run they are half of what is decompressed.
enum class RunArrays { All, WithoutEstMaps };

RunFile read_run_file(const std::filesystem::path& in, const std::string& group = "",
                      RunArrays arrays = RunArrays::All);

// Only the provenance of a single-run file (its root attributes), without reading the data:
// InputError as read_run_file.
RunProvenance read_run_provenance(const std::filesystem::path& in);

// An experiment file (`trygg batch`): the dimension scales, grid, districts and crime types
// at the root, shared by every run; one group per scenario and sweep point with a run file's
// layout inside (docs/hdf5-layout.md).
struct ExperimentProvenance {
    std::string trygg_version;
    std::string git_commit;
    std::string experiment_file;
    std::string experiment_yaml;
    std::uint64_t seed = 0;
    int replicates = 0;
    int weeks = 0;
    int threads = 0;
    double wall_seconds = 0.0;
};

struct ExperimentRun {
    std::string group;  // group name: the scenario's, with ".p007" for sweep point 7
    RunProvenance provenance;
    std::vector<std::string> sweep_paths;  // parameter paths of the sweep point (empty: none)
    std::vector<double> sweep_values;
};

// Writes atomically, like write_run_file. `load(k)` hands over run k's results when its group
// is written, so the runs need not all be in memory at once; every run must have the same
// replicates, weeks, districts, crime types and grid. A sweep's `design` goes to /design
// (io/design_file.hpp).
void write_experiment_file(const std::filesystem::path& out, const ExperimentProvenance& provenance,
                           const GridDescription& grid, const DistrictTable& districts,
                           const std::vector<ExperimentRun>& runs, const std::function<RunResults(std::size_t)>& load,
                           const SweepDesign* design = nullptr);

// The root attributes of an experiment file: InputError as read_run_file.
ExperimentProvenance read_experiment_provenance(const std::filesystem::path& in);
// The same file from a batch's kept parts (run files of one replicate each, `part(k, r)` holding
// run k's replicate r), streamed: replicate 0 of each run is read whole to lay out its group,
// every later one is copied into it dataset by dataset, so at most one replicate (and one of
// its datasets) is in memory however many replicates there are; the file image itself grows
// with the output (create_file keeps it in memory until it is saved). The datasets are those
// write_experiment_file writes from every replicate at once (tests/batch). InputError naming a
// part that does not fit the others (another shape, another run).
void write_experiment_file_from_parts(const std::filesystem::path& out, const ExperimentProvenance& provenance,
                                      const std::vector<ExperimentRun>& runs, int replicates,
                                      const std::function<std::filesystem::path(std::size_t, int)>& part,
                                      const SweepDesign* design = nullptr);

// The run groups of an experiment file in the order written; empty for a single-run file.
std::vector<std::string> list_run_groups(const std::filesystem::path& in);

}  // namespace trygg
