#include "io/file_schemas.hpp"

#include "core/error.hpp"
#include "io/city_config.hpp"
#include "io/experiment_config.hpp"
#include "io/scenario_config.hpp"
#include "io/validation_config.hpp"

#include <algorithm>

namespace trygg {
namespace {

namespace fs = std::filesystem;

// The .yaml files directly in `dir`, in name order (none when it does not exist).
std::vector<fs::path> yaml_files(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".yaml") out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void append(std::vector<fs::path>& to, const std::vector<fs::path>& more) {
    to.insert(to.end(), more.begin(), more.end());
}

}  // namespace

SchemaSources schema_sources(const fs::path& source_dir) {
    const fs::path examples = source_dir / "schemas" / "examples";
    SchemaSources s;
    s.cities = yaml_files(source_dir / "configs");
    append(s.scenarios, yaml_files(source_dir / "scenarios"));
    append(s.scenarios, yaml_files(source_dir / "validation" / "scenarios"));
    append(s.scenarios, yaml_files(examples / "scenario"));
    s.city_overrides = yaml_files(examples / "city");
    append(s.scenarios, s.city_overrides);
    append(s.experiments, yaml_files(source_dir / "configs" / "experiments"));
    append(s.experiments, yaml_files(examples / "experiment"));
    append(s.studies, yaml_files(source_dir / "validation"));
    append(s.studies, yaml_files(examples / "study"));
    // The examples are part of the recording: an installed share/trygg, without them, is no source.
    std::error_code ec;
    if (!fs::is_directory(examples, ec) || s.cities.empty() || s.experiments.empty() || s.studies.empty()) {
        throw InputError("no shipped configs, scenarios, experiments, studies and schema examples under '" +
                         source_dir.string() + "': expected trygg's source tree (with schemas/examples/)");
    }
    return s;
}

std::array<std::string, 4> record_schemas(const SchemaSources& sources) {
    SchemaRecording recording;
    for (const auto& f : sources.cities) recording.watch(f, FileKind::City);
    for (const auto& f : sources.scenarios) recording.watch(f, FileKind::Scenario);
    for (const auto& f : sources.experiments) recording.watch(f, FileKind::Experiment);
    for (const auto& f : sources.studies) recording.watch(f, FileKind::Study);

    for (const auto& f : sources.scenarios) (void)load_scenario_config(f);
    for (const auto& f : sources.cities) {
        (void)load_city_config(f);
        for (const auto& s : sources.city_overrides) (void)load_city_config(f, load_scenario_config(s).overrides);
    }
    for (const auto& f : sources.experiments) (void)load_experiment_config(f);
    for (const auto& f : sources.studies) (void)load_study_config(f);

    return {recording.json(FileKind::City), recording.json(FileKind::Scenario), recording.json(FileKind::Experiment),
            recording.json(FileKind::Study)};
}

}  // namespace trygg
