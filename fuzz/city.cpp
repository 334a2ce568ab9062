// libFuzzer target `city`: the city config (configs/borlange.yaml) → load_city_config.
// The input sits in configs/ of the workspace, so `data/borlange_deso.geojson` and
// `data/borlange_places.csv` resolve to the shipped data files.
#include "fuzz_support.hpp"
#include "io/city_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = trygg::fuzz::write_input("configs/fuzz_city.yaml", data, size);
    trygg::fuzz::expect_typed_errors([&] { (void)trygg::load_city_config(file); });
    return 0;
}
