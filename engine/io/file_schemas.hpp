#pragma once
// The JSON Schema of each file kind (`trygg schema`), recorded by running the readers over
// the shipped files and over examples (schemas/examples/) that reach the branches no shipped
// file does: every intervention kind, sweep method and finding statistic. The recorded
// schemas are committed as schemas/KIND.schema.json, which trygg embeds; tools/schemas
// records them again, and a test fails when the committed ones differ from a recording.
#include "io/schema_recorder.hpp"

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

struct SchemaSources {
    std::vector<std::filesystem::path> cities;       // configs/*.yaml
    std::vector<std::filesystem::path> scenarios;    // scenarios/, validation/scenarios/, examples
    std::vector<std::filesystem::path> experiments;  // configs/experiments/, examples
    std::vector<std::filesystem::path> studies;      // validation/, examples
    // Scenarios whose overrides are applied to each city config: they reach the city
    // reader's optional branches (a place's opening hours, say) no shipped config uses.
    std::vector<std::filesystem::path> city_overrides;
};

// The shipped files and examples under the source tree, each list in name order. InputError
// when the directory is not a source tree (no schemas/examples/, or no files of a kind).
SchemaSources schema_sources(const std::filesystem::path& source_dir);

// Reads every source with the real readers while recording; the schema text of each kind in
// kFileKindNames order. Any ConfigError of a source propagates: the sources must be valid.
std::array<std::string, 4> record_schemas(const SchemaSources& sources);

}  // namespace trygg
