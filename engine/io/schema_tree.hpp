#pragma once
// The schema tree a recording builds (schema_recorder.cpp) and writes out as JSON Schema
// (schema_json.cpp). Internal to those two files.
#include "io/schema_recorder.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace trygg::detail {

// One way a key was read: a value of a declared type, one mapping, or a sequence of them.
struct Alternative {
    enum class Shape { Value, Map, Maps };
    Shape shape = Shape::Value;
    Declared type = Declared::Any;     // for Shape::Value
    Range first = Range::any();        // a number's range; a tuple's first element
    Range rest = Range::any();         // a tuple's other elements
    std::size_t size = 0;              // a tuple's size
    std::vector<std::string> names;    // a choice's names
    std::unique_ptr<SchemaNode> node;  // for Shape::Map and Shape::Maps
};

struct Property {
    std::string key;
    std::vector<Alternative> alternatives;
    std::set<int> required_in;     // instances that read the key with a required getter
    std::set<int> seen_in;         // instances that read or probed it
    std::set<int> probed_in;       // instances that probed it (has(), holds_map()): read in a branch only
    std::set<std::string> chosen;  // the names a choice() of this key read
};

struct SchemaNode {
    std::string path;  // for messages: "districts.*", "interventions[]"
    int instances = 0;
    bool keyed = false;                // keyed by names: one property, "", for every entry
    std::vector<Property> properties;  // first-asked order
    // The first choice() of a mapping (an intervention's kind, a finding's statistic, a
    // sweep's method) usually decides which other keys the reader asks: the name each
    // instance chose, so that the schema can say which keys go with which name.
    std::string discriminator;
    std::map<int, std::string> chosen;  // instance -> name
};

// "districts.*", "interventions[]": a child's path for messages and definition names.
std::string child_path(const SchemaNode& node, std::string_view key, bool sequence);

// The JSON Schema (draft-07) of a recorded root, as indented text with a final newline.
// LogicError for a mapping, key or choice name no document reached.
std::string schema_json(const SchemaNode& root, const std::string& kind);

}  // namespace trygg::detail
