// libFuzzer target `scenario`: a scenario file (scenarios/*.yaml) → load_scenario_config with
// its extends chain (the input sits beside the shipped scenarios), then resolve_interventions
// on the Borlänge city, built once: districts, places, polygons, cells and the overlap rule.
#include "fuzz_support.hpp"
#include "io/city_config.hpp"
#include "io/scenario_config.hpp"
#include "world/city.hpp"

namespace {

struct Borlange {
    trygg::CityConfig config;
    trygg::City city;
};

const Borlange& borlange() {
    static const Borlange* const b = [] {
        auto* out = new Borlange;
        out->config = trygg::load_city_config(trygg::fuzz::workspace() / "configs" / "borlange.yaml");
        out->city = trygg::build_city(out->config.spec);
        return out;
    }();
    return *b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Borlange& b = borlange();
    const auto file = trygg::fuzz::write_input("scenarios/fuzz_scenario.yaml", data, size);
    trygg::fuzz::expect_typed_errors([&] {
        const trygg::ScenarioConfig scenario = trygg::load_scenario_config(file);
        (void)trygg::resolve_interventions(scenario, b.city, b.config.grid_crs);
    });
    return 0;
}
