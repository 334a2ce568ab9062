#include "io/harm_config.hpp"

#include "io/yaml_reader.hpp"
#include "model/crime_type.hpp"

#include <limits>

namespace trygg {

namespace {

// A weight above a lifetime in prison (100 years of days) is a typo, not an index.
constexpr double kMaxWeight = 36525.0;

HarmIndex read(const YamlDocument& doc) {
    const ConfigMap root = doc.root();
    HarmIndex h;
    h.name = root.string("name");
    if (h.name.empty() || h.name.find_first_of(" \t,\"") != std::string::npos) {
        root.fail("name", "must be one word (letters, digits, _ or -), got '" + h.name + "'");
    }
    h.unit = root.string("unit");
    h.source = root.string("source");
    const ConfigMap weights = root.map("weights");
    for (const auto type : kCrimeTypeNames) {
        const std::string key(type);
        h.weights.push_back({key, weights.number(key, {0.0, kMaxWeight}), "from " + doc.path().string()});
    }
    root.finish();
    return h;
}

}  // namespace

HarmIndex load_harm_index(const std::filesystem::path& file) {
    return read(YamlDocument::load(file));
}

HarmIndex parse_harm_index(std::string text, const std::string& label) {
    return read(YamlDocument::parse(std::move(text), label));
}

}  // namespace trygg
