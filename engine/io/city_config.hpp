#pragma once
// The city config (configs/borlange.yaml): geography, calendar, districts, villages,
// population, routines, places and the offending rule, read into plain structs and
// validated key by key. Relative file names are relative to the config file.
#include "sim/model_params.hpp"
#include "world/city.hpp"

#include <filesystem>
#include <string>

namespace trygg {

struct CityConfig {
    std::filesystem::path file;
    std::string text;  // the file as written, for provenance
    CitySpec spec;
    ModelParams params;
};

// Throws ConfigError (file, line, key) for anything wrong in the config, and for data files
// that contradict it (a district code the polygons do not have, an unknown place name).
CityConfig load_city_config(const std::filesystem::path& file);

}  // namespace trygg
