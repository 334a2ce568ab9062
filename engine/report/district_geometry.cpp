#include "report/district_geometry.hpp"

#include "io/geojson.hpp"
#include "io/projection.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

namespace trygg {
namespace {

namespace fs = std::filesystem;

// 5 decimals of a degree: about 1 m, finer than the 100 m grid, and a third of the bytes.
double rounded(double degrees) {
    return std::round(degrees * 1e5) / 1e5;
}

// Twice the signed area in the (longitude, latitude) plane: > 0 counter-clockwise.
double signed_area2(const Ring& ring) {
    double a = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        a += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return a;
}

// Vega draws GeoJSON with d3-geo's spherical geometry, where a ring's winding says which side is
// inside: exterior rings clockwise, holes counter-clockwise (the reverse of RFC 7946). A ring
// the other way round would fill the whole globe but the polygon, so rings are put right here.
Json ring_json(Ring ring, bool clockwise = true) {
    if (ring.size() > 2 && (signed_area2(ring) < 0.0) != clockwise) std::reverse(ring.begin(), ring.end());
    Json coordinates = Json::array();
    for (const Point& p : ring) coordinates.push_back({rounded(p.x), rounded(p.y)});
    if (!ring.empty()) coordinates.push_back({rounded(ring.front().x), rounded(ring.front().y)});
    return coordinates;
}

Json shape_json(const Shape& shape) {
    Json polygons = Json::array();
    for (const Polygon& polygon : shape) {
        Json rings = Json::array({ring_json(polygon.outer)});
        for (const Ring& hole : polygon.holes) rings.push_back(ring_json(hole, false));
        polygons.push_back(std::move(rings));
    }
    return Json{{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
}

}  // namespace

DistrictGeometry district_geometry(const RunProvenance& provenance) {
    DistrictGeometry g;
    std::string areas_file, areas_crs, code_property;
    try {
        const YAML::Node geography = YAML::Load(provenance.city_yaml)["geography"];
        if (!geography || !geography["areas_file"] || !geography["district_code_property"]) {
            g.missing = "no_areas_in_city";
            return g;
        }
        areas_file = geography["areas_file"].as<std::string>();
        areas_crs = geography["areas_crs"] ? geography["areas_crs"].as<std::string>() : "OGC:CRS84";
        code_property = geography["district_code_property"].as<std::string>();
    } catch (const YAML::Exception&) {
        g.missing = "no_areas_in_city";
        return g;
    }
    fs::path file = areas_file;
    if (file.is_relative()) file = fs::path(provenance.city_file).parent_path() / file;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        g.missing = "areas_file_not_found";
        return g;
    }
    try {
        const Projection to_wgs84(areas_crs, "OGC:CRS84");
        for (const AreaFeature& f : read_geojson_areas(file, to_wgs84).features) {
            const auto code = f.properties.find(code_property);
            if (code == f.properties.end()) continue;
            g.features.push_back(
                {{"type", "Feature"}, {"properties", {{"district", code->second}}}, {"geometry", shape_json(f.shape)}});
        }
    } catch (const std::exception&) {
        g.features = Json::array();
        g.missing = "areas_file_unreadable";
    }
    if (g.features.empty() && g.missing.empty()) g.missing = "areas_file_unreadable";
    return g;
}

Json cell_features(const GridDescription& grid, const std::vector<double>& values) {
    Json features = Json::array();
    if (values.size() != static_cast<std::size_t>(grid.nx) * static_cast<std::size_t>(grid.ny)) return features;
    const Projection to_wgs84("EPSG:3006", "OGC:CRS84");
    const double half = grid.cell_size / 2.0;
    for (int y = 0; y < grid.ny; ++y) {
        for (int x = 0; x < grid.nx; ++x) {
            const double v =
                values[static_cast<std::size_t>(y) * static_cast<std::size_t>(grid.nx) + static_cast<std::size_t>(x)];
            if (!(v > 0.0)) continue;
            const double e = grid.x0 + x * grid.cell_size, n = grid.y0 + y * grid.cell_size;
            const Ring ring{to_wgs84(e - half, n - half), to_wgs84(e + half, n - half), to_wgs84(e + half, n + half),
                            to_wgs84(e - half, n + half)};
            features.push_back({{"type", "Feature"},
                                {"properties", {{"value", std::round(v * 1000.0) / 1000.0}}},
                                {"geometry", {{"type", "Polygon"}, {"coordinates", Json::array({ring_json(ring)})}}}});
        }
    }
    return features;
}

}  // namespace trygg
