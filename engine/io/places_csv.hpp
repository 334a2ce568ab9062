#pragma once
// Places from a CSV with a header row and at least the columns name, type, lat, lon
// (WGS 84 degrees); other columns (notes, source) are kept out of the model.
#include "io/projection.hpp"
#include "world/place.hpp"

#include <filesystem>
#include <vector>

namespace trygg {

struct PlaceRecord {
    Place place;  // name, type and projected position; the rest comes from the config
    int line = 0;
};

std::vector<PlaceRecord> read_places_csv(const std::filesystem::path& file, const Projection& projection);

// One CSV record split into fields (RFC 4180 quoting); exposed for tests.
std::vector<std::string> split_csv_line(const std::string& line);

}  // namespace trygg
