#pragma once
// GeoJSON import of area polygons (RFC 7946), the format planners have: a FeatureCollection
// of Polygon or MultiPolygon features with properties. Coordinates are transformed with
// the given projection as they are read.
#include "io/projection.hpp"
#include "world/geometry.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

struct AreaFeature {
    std::map<std::string, std::string> properties;  // scalars as text (numbers without a trailing .0)
    Shape shape;                                    // projected
};

struct AreaCollection {
    std::optional<std::string> crs;  // the file's "crs" member name, if any (GeoJSON 2008 style)
    std::vector<AreaFeature> features;
};

// The CRS a GeoJSON file declares (RFC 7946 files declare none: CRS84), without reading
// the geometry. Throws InputError for a missing or malformed file.
std::string geojson_crs(const std::filesystem::path& file);

AreaCollection read_geojson_areas(const std::filesystem::path& file, const Projection& projection);

}  // namespace trygg
