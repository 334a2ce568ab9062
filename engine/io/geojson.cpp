#include "io/geojson.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace trygg {
namespace {

using nlohmann::json;

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string() + ": cannot open file");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int line_at(const std::string& text, std::size_t byte) {
    int line = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) line += text[i] == '\n';
    return line;
}

json parse(const std::filesystem::path& file) {
    const std::string text = read_text(file);
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        throw InputError(file.string() + ":" + std::to_string(line_at(text, e.byte)) + ": not valid JSON: " + e.what());
    } catch (const json::exception& e) {  // a number too large for a double (1e400): out_of_range
        throw InputError(file.string() + ": not valid JSON: " + e.what());
    }
}

[[noreturn]] void fail(const std::filesystem::path& file, std::size_t feature, const std::string& problem) {
    throw InputError(file.string() + ": feature " + std::to_string(feature) + ": " + problem);
}

Ring read_ring(const json& coords, const Projection& proj, const std::filesystem::path& file, std::size_t f) {
    if (!coords.is_array() || coords.size() < 4) fail(file, f, "a polygon ring needs at least 4 positions");
    for (const auto& pos : coords) {
        if (!pos.is_array() || pos.size() < 2 || !pos[0].is_number() || !pos[1].is_number()) {
            fail(file, f, "a position must be [x, y] numbers");
        }
    }
    // RFC 7946 §3.1.6: a ring is closed, its last position equal to its first.
    if (coords.front()[0] != coords.back()[0] || coords.front()[1] != coords.back()[1]) {
        fail(file, f, "a polygon ring must end where it starts (RFC 7946 §3.1.6)");
    }
    Ring ring;
    for (std::size_t k = 0; k + 1 < coords.size(); ++k) {
        ring.push_back(proj(coords[k][0].get<double>(), coords[k][1].get<double>()));
    }
    return ring;
}

std::string type_of(const json& object) {
    const auto it = object.find("type");
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json& coordinates_of(const json& geometry, const std::filesystem::path& file, std::size_t f) {
    const auto it = geometry.find("coordinates");
    if (it == geometry.end() || !it->is_array()) fail(file, f, "the geometry has no coordinates array");
    return *it;
}

Polygon read_polygon(const json& rings, const Projection& proj, const std::filesystem::path& file, std::size_t f) {
    if (!rings.is_array() || rings.empty()) fail(file, f, "a Polygon needs at least one ring");
    Polygon p;
    p.outer = read_ring(rings[0], proj, file, f);
    for (std::size_t k = 1; k < rings.size(); ++k) p.holes.push_back(read_ring(rings[k], proj, file, f));
    return p;
}

}  // namespace

std::string geojson_crs(const std::filesystem::path& file) {
    const json doc = parse(file);
    if (doc.contains("crs") && doc["crs"].is_object() && doc["crs"].contains("properties") &&
        doc["crs"]["properties"].contains("name") && doc["crs"]["properties"]["name"].is_string()) {
        return doc["crs"]["properties"]["name"].get<std::string>();
    }
    return "OGC:CRS84";  // RFC 7946: longitude, latitude on WGS 84
}

AreaCollection read_geojson_areas(const std::filesystem::path& file, const Projection& proj) {
    const json doc = parse(file);
    if (!doc.is_object() || type_of(doc) != "FeatureCollection" || !doc.contains("features") ||
        !doc["features"].is_array()) {
        throw InputError(file.string() + ": expected a GeoJSON FeatureCollection");
    }
    AreaCollection out;
    if (doc.contains("crs")) out.crs = geojson_crs(file);
    std::size_t f = 0;
    for (const auto& feature : doc["features"]) {
        AreaFeature area;
        if (!feature.is_object() || !feature.contains("geometry") || !feature["geometry"].is_object()) {
            fail(file, f, "missing geometry");
        }
        const auto& geometry = feature["geometry"];
        const std::string type = type_of(geometry);
        if (type == "Polygon") {
            area.shape.push_back(read_polygon(coordinates_of(geometry, file, f), proj, file, f));
        } else if (type == "MultiPolygon") {
            for (const auto& poly : coordinates_of(geometry, file, f))
                area.shape.push_back(read_polygon(poly, proj, file, f));
        } else {
            fail(file, f, "geometry type '" + type + "' is not an area (Polygon or MultiPolygon)");
        }
        if (feature.contains("properties") && feature["properties"].is_object()) {
            for (const auto& [key, value] : feature["properties"].items()) {
                if (value.is_string())
                    area.properties[key] = value.get<std::string>();
                else if (value.is_number_integer())
                    area.properties[key] = std::to_string(value.get<long long>());
                else if (value.is_number())
                    area.properties[key] = value.dump();
                else if (value.is_boolean())
                    area.properties[key] = value.get<bool>() ? "true" : "false";
            }
        }
        out.features.push_back(std::move(area));
        ++f;
    }
    if (out.features.empty()) throw InputError(file.string() + ": the FeatureCollection has no features");
    return out;
}

}  // namespace trygg
