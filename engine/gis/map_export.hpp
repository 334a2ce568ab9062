#pragma once
// `trygg export`'s output: the map layers in one of three forms. A GeoPackage is one file
// with the three vector layers; GeoJSON (one FeatureCollection per file, as RFC 7946 has it)
// and GeoTIFF (one raster per file) are folders of files. Either way nothing appears under
// the final name until it is complete: a file is written under a temporary name and
// renamed; a folder is written as a temporary folder that is renamed, or whose files are
// renamed into an existing folder one by one (other files there are left alone).
#include "gis/map_layers.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

enum class MapFormat { GeoPackage, GeoJson, GeoTiff };

// "gpkg", "geojson", "gtiff".
const std::vector<std::string>& map_format_names();
std::optional<MapFormat> map_format_from_name(const std::string& name);

// Whether the format writes a folder (GeoJSON, GeoTIFF) rather than one file.
bool writes_folder(MapFormat format);

// The files written, relative to `out` for a folder (for the summary and tests): a
// GeoPackage `out` itself, GeoJSON districts.geojson …, GeoTIFF crimes.tif ….
std::vector<std::filesystem::path> export_maps(const MapLayers& layers, MapFormat format,
                                               const std::filesystem::path& out);

}  // namespace trygg
