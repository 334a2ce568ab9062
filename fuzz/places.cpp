// libFuzzer target `places`: the places CSV (configs/data/borlange_places.csv) →
// read_places_csv with the shipped config's projection (WGS 84 → SWEREF99 TM).
#include "fuzz_support.hpp"
#include "io/places_csv.hpp"
#include "io/projection.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const trygg::Projection projection("EPSG:4326", "EPSG:3006");
    const auto file = trygg::fuzz::write_input("configs/fuzz_places.csv", data, size);
    trygg::fuzz::expect_typed_errors([&] { (void)trygg::read_places_csv(file, projection); });
    return 0;
}
