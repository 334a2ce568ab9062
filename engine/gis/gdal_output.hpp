#pragma once
// Writes map layers with GDAL: vector layers to a GeoPackage (all in one file) or to RFC 7946
// GeoJSON (one file per layer, WGS 84), rasters to GeoTIFF in the run's CRS. Any GDAL failure
// is an OutputError naming the file and GDAL's reason; nothing is printed by GDAL itself.
// The caller writes to a temporary path and renames (gis/map_export.hpp).
#include "gis/map_layers.hpp"

#include <filesystem>
#include <vector>

namespace trygg {

void write_geopackage(const std::filesystem::path& file, const std::vector<FeatureLayer>& layers);

// RFC 7946: longitude, latitude in WGS 84 (GDAL reprojects from kRunFileCrs), outer rings
// counter-clockwise, 7 decimals (about 1 cm).
void write_geojson(const std::filesystem::path& file, const FeatureLayer& layer);

// Float32, one band per RasterBand, north-up (the first row is the northernmost), the grid's
// north-west corner as origin, cell-size pixels, NaN as no-data, deflate-compressed.
void write_geotiff(const std::filesystem::path& file, const RasterLayer& raster, const GridDescription& grid);

}  // namespace trygg
