#include "io/scenario_config.hpp"

#include "core/text.hpp"
#include "io/yaml_reader.hpp"

namespace trygg {

ScenarioConfig load_scenario_config(const std::filesystem::path& file) {
    const YamlDocument doc = YamlDocument::load(file);
    const ConfigMap root = doc.root();
    ScenarioConfig s;
    s.file = file;
    s.text = doc.text();
    s.city_file = root.string("city");
    if (s.city_file.is_relative()) s.city_file = file.parent_path() / s.city_file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(s.city_file, ec))
        root.fail("city", "file not found: " + s.city_file.string());
    const auto start = parse_date(root.date("start_date"));
    if (!start) root.fail("start_date", "years run from 0001 to 9999");
    s.start_date = *start;
    s.weeks = static_cast<int>(root.integer("weeks", {1, kMaxWeeks}));
    s.replicates = static_cast<int>(root.integer("replicates", {1, kMaxReplicates}));
    // Seeds up to 2^53 so that every seed survives a round trip through JSON and Python.
    s.seed = static_cast<std::uint64_t>(root.integer("seed", {0, 9007199254740992.0}));
    const std::string steering = root.string("steering");
    if (steering != "static" && steering != "adaptive") {
        root.fail("steering", "expected 'static' or 'adaptive', got '" + steering + "'" +
                                  did_you_mean(steering, {"static", "adaptive"}));
    }
    s.adaptive_steering = steering == "adaptive";
    (void)root.optional_string("description");
    root.finish();
    return s;
}

}  // namespace trygg
