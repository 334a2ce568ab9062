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

HotspotRaster hotspot_raster(const GridDescription& grid, const std::vector<double>& values) {
    HotspotRaster r;
    if (values.size() != static_cast<std::size_t>(grid.nx) * static_cast<std::size_t>(grid.ny)) return r;
    const Projection to_wgs84("EPSG:3006", "OGC:CRS84");
    constexpr int step = kRasterControlStep;
    // Corners run 0 … nx: the last control column is at or beyond corner nx.
    r.control_columns = (grid.nx + step - 1) / step + 1;
    r.control_rows = (grid.ny + step - 1) / step + 1;
    for (int b = 0; b < r.control_rows; ++b) {
        for (int a = 0; a < r.control_columns; ++a) {
            const Point p =
                to_wgs84(grid.x0 + (a * step - 0.5) * grid.cell_size, grid.y0 + (b * step - 0.5) * grid.cell_size);
            r.control_lon.push_back(p.x);
            r.control_lat.push_back(p.y);
        }
    }
    for (int y = 0; y < grid.ny; ++y) {
        for (int x = 0; x < grid.nx; ++x) {
            const double v =
                values[static_cast<std::size_t>(y) * static_cast<std::size_t>(grid.nx) + static_cast<std::size_t>(x)];
            const auto thousandths = static_cast<std::int32_t>(std::lround(v * 1000.0));
            if (thousandths <= 0) continue;
            r.cells.insert(r.cells.end(), {x, y, thousandths});
        }
    }
    return r;
}

Point raster_corner(const HotspotRaster& r, double i, double j) {
    const double u = i / kRasterControlStep, w = j / kRasterControlStep;
    const int a = std::clamp(static_cast<int>(std::floor(u)), 0, r.control_columns - 2);
    const int b = std::clamp(static_cast<int>(std::floor(w)), 0, r.control_rows - 2);
    const double fu = u - a, fw = w - b;
    auto at = [&](const std::vector<double>& v, int aa, int bb) {
        return v[static_cast<std::size_t>(bb) * static_cast<std::size_t>(r.control_columns) +
                 static_cast<std::size_t>(aa)];
    };
    auto blend = [&](const std::vector<double>& v) {
        return (1 - fw) * ((1 - fu) * at(v, a, b) + fu * at(v, a + 1, b)) +
               fw * ((1 - fu) * at(v, a, b + 1) + fu * at(v, a + 1, b + 1));
    };
    return {blend(r.control_lon), blend(r.control_lat)};
}

Json raster_json(const HotspotRaster& r) {
    Json lon = Json::array(), lat = Json::array();
    // 7 decimals (1 cm): the control points carry the interpolation, so keep them exact.
    for (const double v : r.control_lon) lon.push_back(std::round(v * 1e7) / 1e7);
    for (const double v : r.control_lat) lat.push_back(std::round(v * 1e7) / 1e7);
    return Json{{"step", kRasterControlStep}, {"columns", r.control_columns}, {"rows", r.control_rows},
                {"lon", std::move(lon)},      {"lat", std::move(lat)},        {"cells", r.cells}};
}

}  // namespace trygg
