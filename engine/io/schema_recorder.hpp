#pragma once
// Editor support (`trygg schema`): the JSON Schema of each file kind, from the readers' own
// declarations. While a SchemaRecording is alive on a thread, every ConfigMap getter also
// notes what it asked for — the key, its type, its range, whether it is required — in one
// schema tree per file kind. Running the real readers over documents that reach every branch
// gives a schema that cannot disagree with the getter calls that check the files.
//
// What a recording knows is what the readers asked of the documents read:
// - a key is required when every mapping of its place read it with a required getter and no
//   reader only probed it (has(), holds_map()): a probed key is read in some branch only;
// - a mapping whose keys were listed with keys() is keyed by names (districts by code), so
//   its entries become additionalProperties; every other mapping forbids unknown keys, as
//   finish() does;
// - a choice() is an enum of its names, choices() an array of them. The first choice a
//   mapping reads (an intervention's kind) splits it: for each name, the keys read and
//   required by the mappings that chose it (if/then: a lighting item takes `intensity`, not
//   `units`). Every name of every choice must be chosen by some document, so that the
//   branches it selects are reached;
// - a value checked after it was read (a district or place name) is recorded as the scalar
//   it was read as; a raw() value (a scenario's parameter override) as any value;
// - a mapping read alike in several places (a routine block) is written once, under
//   "definitions", and referred to by "$ref" (schema_json.cpp).
#include "io/yaml_reader.hpp"

#include <array>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace trygg {

enum class FileKind { City, Scenario, Experiment, Study };
inline constexpr std::array<std::string_view, 4> kFileKindNames = {"city", "scenario", "experiment", "study"};

class SchemaRecording {
public:
    // Starts recording on this thread; at most one recording at a time (LogicError otherwise).
    SchemaRecording();
    ~SchemaRecording();
    SchemaRecording(const SchemaRecording&) = delete;
    SchemaRecording& operator=(const SchemaRecording&) = delete;

    // Documents loaded from this file (or parsed under this label) are recorded as `kind`;
    // others (a city config a scenario names, say) are read but not recorded.
    void watch(const std::filesystem::path& file, FileKind kind);

    // The JSON Schema (draft-07) of the kind, as indented JSON text with a final newline.
    std::string json(FileKind kind) const;

    struct Tree;

private:
    std::unique_ptr<Tree> tree_;
};

namespace detail {

// What a getter declared about one key.
enum class Declared { Number, Integer, Boolean, String, Date, Choice, Numbers, Strings, Choices, Tuples, Any };

struct SchemaNode;  // one mapping's place in a schema tree

// The hooks yaml_reader.cpp calls; all are no-ops on a null node. Each mapping read is an
// instance of its node (instance ids come from schema_instance()).
SchemaNode* schema_root(const std::string& file_label);  // null unless recording and watched
int schema_instance(SchemaNode* node);
void schema_value(SchemaNode* node, int instance, std::string_view key, Declared type, bool required,
                  Range first = Range::any(), Range rest = Range::any(), std::size_t size = 0,
                  std::span<const std::string_view> names = {});
// The node of a mapping under `key`, or of the mappings of a sequence under it.
SchemaNode* schema_map(SchemaNode* node, int instance, std::string_view key, bool sequence, bool required);
void schema_probe(SchemaNode* node, int instance, std::string_view key);  // has(), holds_map(): read in a branch only
// A choice() read `name`: the first choice read in a mapping decides which keys go with it.
void schema_chosen(SchemaNode* node, int instance, std::string_view key, std::string_view name);
void schema_keyed(SchemaNode* node);  // keys(): a mapping keyed by names

}  // namespace detail
}  // namespace trygg
