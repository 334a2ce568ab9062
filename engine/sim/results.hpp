#pragma once
// What a run produces, as plain arrays ready for any writer. The core fills these; the io
// layer turns them into HDF5. Layouts are row-major in the order the comment gives.
#include <cstdint>
#include <string>
#include <vector>

namespace trygg {

// Provenance of a run: enough to reproduce it and to know what produced a file.
struct RunProvenance {
    std::string trygg_version;
    std::string git_commit;
    std::string city_file;       // path as given
    std::string scenario_file;   // path as given
    std::string city_yaml;       // the city config's full text
    std::string scenario_yaml;   // the scenario's full text, with command-line overrides applied
    std::string start_date;      // ISO date of the first simulated day
    std::uint64_t seed = 0;
    int replicates = 0;
    int weeks = 0;
    int threads = 0;
    double wall_seconds = 0.0;
};

// The raster every per-cell output lives on (SWEREF99 TM, EPSG:3006, metres).
struct GridDescription {
    int nx = 0;
    int ny = 0;
    double x0 = 0.0;          // easting of the centre of column 0 [m]
    double y0 = 0.0;          // northing of the centre of row 0 (the southernmost row) [m]
    double cell_size = 0.0;   // [m]
    std::vector<std::int32_t> district;    // [y][x] district index, -1 outside every district
    std::vector<std::int32_t> deso;        // [y][x] DeSO index, -1 outside
    std::vector<std::int32_t> population;  // [y][x] synthetic residents (replicate 0)
};

struct DistrictTable {
    std::vector<std::string> names;
    std::vector<std::string> codes;
    std::vector<std::int32_t> population;  // residents in the input data
};

struct RunResults {
    int replicates = 0;
    int weeks = 0;
    int districts = 0;
    int crime_types = 0;
    int ny = 0;
    int nx = 0;
    std::vector<std::string> crime_type_names;
    std::vector<std::int32_t> crimes_true;   // [replicate][week][district][crime_type]
    std::vector<std::int32_t> crimes_cells;  // [replicate][crime_type][y][x], over the horizon
};

}  // namespace trygg
