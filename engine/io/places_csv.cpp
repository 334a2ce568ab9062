#include "io/places_csv.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <charconv>
#include <cmath>
#include <fstream>

namespace trygg {

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quoted) {
            if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                fields.back() += ch;
            }
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            fields.emplace_back();
        } else if (ch != '\r') {
            fields.back() += ch;
        }
    }
    return fields;
}

namespace {

double parse_degrees(const std::string& text, double lo, double hi, const std::string& where,
                     const std::string& column) {
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        throw InputError(where + ": " + column + ": expected a number, got '" + text + "'");
    }
    if (value < lo || value > hi) {
        throw InputError(where + ": " + column + ": value " + text + " is out of range [" +
                         std::to_string(static_cast<int>(lo)) + ", " + std::to_string(static_cast<int>(hi)) + "]");
    }
    return value;
}

}  // namespace

std::vector<PlaceRecord> read_places_csv(const std::filesystem::path& file, const Projection& projection) {
    std::ifstream in(file);
    if (!in) throw InputError(file.string() + ": cannot open file");
    std::string line;
    if (!std::getline(in, line)) throw InputError(file.string() + ":1: the file is empty; expected a header row");
    const auto header = split_csv_line(line);
    auto column = [&](const std::string& name) {
        for (std::size_t k = 0; k < header.size(); ++k) {
            if (header[k] == name) return k;
        }
        throw InputError(file.string() + ":1: missing column '" + name + "'");
    };
    const std::size_t c_name = column("name"), c_type = column("type"), c_lat = column("lat"), c_lon = column("lon");
    std::vector<std::string> type_names;
    for (auto n : place_type_names()) type_names.emplace_back(n);

    std::vector<PlaceRecord> out;
    int number = 1;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line == "\r") continue;
        const auto fields = split_csv_line(line);
        const std::string where = file.string() + ":" + std::to_string(number);
        if (fields.size() != header.size()) {
            throw InputError(where + ": expected " + std::to_string(header.size()) + " fields, found " +
                             std::to_string(fields.size()));
        }
        PlaceRecord rec;
        rec.line = number;
        rec.place.name = fields[c_name];
        if (rec.place.name.empty()) throw InputError(where + ": name: empty place name");
        if (!place_type_from_name(fields[c_type], rec.place.type)) {
            throw InputError(where + ": type: unknown place type '" + fields[c_type] + "'" +
                             did_you_mean(fields[c_type], type_names));
        }
        const double lat = parse_degrees(fields[c_lat], -90, 90, where, "lat");
        const double lon = parse_degrees(fields[c_lon], -180, 180, where, "lon");
        rec.place.where = projection(lon, lat);
        out.push_back(std::move(rec));
    }
    return out;
}

}  // namespace trygg
