#pragma once
// HDF5 output of `trygg short2008`: the final fields and the per-step series of the
// Short et al. 2008 lattice model, with the parameters as attributes (netCDF-4 compatible).
#include "model/short2008.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace trygg {

struct Short2008Output {
    Short2008Params params;
    std::uint64_t seed = 0;
    int steps = 0;
    int threads = 0;
    double wall_seconds = 0.0;
    std::string trygg_version;
    std::string git_commit;
    std::vector<double> a, b;              // [y][x]
    std::vector<std::int32_t> burglars;    // [y][x]
    std::vector<double> mean_b;            // [step]
    std::vector<double> mean_burglars;     // [step]
    std::vector<std::int32_t> burglaries;  // [step]
};

void write_short2008_file(const std::filesystem::path& out, const Short2008Output& run);

}  // namespace trygg
