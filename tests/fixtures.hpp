#pragma once
// Shared fixtures: the shipped Borlänge config and city, loaded once per test binary.
#include "core/timeline.hpp"
#include "io/city_config.hpp"
#include "world/city.hpp"

#include <map>
#include <memory>
#include <string>

namespace trygg::testing {

inline std::string source_path(const std::string& relative) {
    return std::string(TRYGG_SOURCE_DIR) + "/" + relative;
}

inline const CityConfig& borlange_config() {
    static const CityConfig config = load_city_config(source_path("configs/borlange.yaml"));
    return config;
}

// The Borlänge city rasterised at `cell_size` metres (100 as shipped, 250 also supported).
inline const City& borlange_city(double cell_size = 100.0) {
    static std::map<double, std::unique_ptr<City>> cities;
    auto& slot = cities[cell_size];
    if (!slot) {
        CitySpec spec = borlange_config().spec;
        spec.cell_size_m = cell_size;
        slot = std::make_unique<City>(build_city(std::move(spec)));
    }
    return *slot;
}

// Weeks from Monday 2025-01-06, the baseline's start.
inline Timeline borlange_timeline(int weeks, Date start = {2025, 1, 6}) {
    const City& city = borlange_city();
    return build_timeline(start, weeks, city.location, city.school_holidays);
}

}  // namespace trygg::testing
