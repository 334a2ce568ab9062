#pragma once
// The city config (configs/borlange.yaml): geography, calendar, districts, villages,
// population, routines, places and the offending rule, read into plain structs and
// validated key by key. Relative file names are relative to the config file.
#include "sim/model_params.hpp"
#include "world/city.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trygg {

// Where a value came from, for messages after parsing.
struct Blame {
    std::string file;
    int line = 0;
    std::string path;  // dotted key path in that file
};

// One city-config parameter set by a scenario or a sweep.
struct ParameterOverride {
    std::string path;  // "offending.displacement"
    std::string yaml;  // the value as YAML text
    Blame blame;       // where it was set
};

struct CityConfig {
    std::filesystem::path file;
    std::vector<std::filesystem::path> files;  // every file read: the config and its data files
    std::string text;                          // the file as written, for provenance
    std::string grid_crs;                      // geography.crs: the CRS of the grid (EPSG:3006)
    CitySpec spec;
    ModelParams params;
};

// Throws ConfigError (file, line, key) for anything wrong in the config, and for data files
// that contradict it (a district code the polygons do not have, an unknown place name).
// `overrides` replace values first; a bad overridden value is blamed on its own file and line.
CityConfig load_city_config(const std::filesystem::path& file, const std::vector<ParameterOverride>& overrides = {});

}  // namespace trygg
