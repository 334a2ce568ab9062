// libFuzzer target `geojson`: area polygons (configs/data/borlange_deso.geojson) →
// geojson_crs and read_geojson_areas with the shipped config's projection (WGS 84 → SWEREF99 TM).
#include "io/geojson.hpp"
#include "fuzz_support.hpp"
#include "io/projection.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const trygg::Projection projection("EPSG:4326", "EPSG:3006");
    const auto file = trygg::fuzz::write_input("configs/fuzz_areas.geojson", data, size);
    trygg::fuzz::expect_typed_errors([&] { (void)trygg::geojson_crs(file); });
    trygg::fuzz::expect_typed_errors([&] { (void)trygg::read_geojson_areas(file, projection); });
    return 0;
}
