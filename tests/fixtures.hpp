#pragma once
// Shared fixtures: the shipped Borlänge config and city, loaded once per test binary.
#include "core/error.hpp"
#include "core/timeline.hpp"
#include "io/city_config.hpp"
#include "world/city.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>

namespace trygg::testing {

inline std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << file;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    ASSERT_TRUE(out) << "cannot write " << file;
}

// Runs `action`, which must throw a ConfigError, and hands the error back for checks.
inline ConfigError config_error_from(const std::function<void()>& action) {
    try {
        action();
    } catch (const ConfigError& e) {
        return e;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected a ConfigError, got: " << e.what();
        return ConfigError("", -1, "", "wrong exception");
    }
    ADD_FAILURE() << "expected a ConfigError, nothing was thrown";
    return ConfigError("", -1, "", "nothing thrown");
}

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
