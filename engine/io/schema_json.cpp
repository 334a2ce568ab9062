#include "core/error.hpp"
#include "io/schema_tree.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace trygg::detail {
namespace {

using Json = nlohmann::ordered_json;

// Whole bounds as integers, so that a schema says `"maximum": 24`, not 24.0.
Json bound(double v) {
    if (std::abs(v) <= 9007199254740992.0 && v == std::floor(v)) return static_cast<std::int64_t>(v);
    return v;
}

Json number_schema(const char* type, Range r) {
    Json j = {{"type", type}};
    if (std::isfinite(r.min)) j["minimum"] = bound(r.min);
    if (std::isfinite(r.max)) j["maximum"] = bound(r.max);
    return j;
}

// The reader's string() takes any scalar (123 reads as "123"), so a JSON number or boolean
// is a string's value too.
Json scalar_schema() {
    return {{"type", {"string", "number", "boolean"}}};
}

Json object_schema(const SchemaNode& node);

Json value_schema(const Alternative& a) {
    switch (a.shape) {
        case Alternative::Shape::Map:
            return object_schema(*a.node);
        case Alternative::Shape::Maps:
            return {{"type", "array"}, {"items", object_schema(*a.node)}};
        case Alternative::Shape::Value:
            break;
    }
    switch (a.type) {
        case Declared::Number:
            return number_schema("number", a.first);
        case Declared::Integer:
            return number_schema("integer", a.first);
        case Declared::Boolean:
            return {{"type", "boolean"}};
        case Declared::String:
            return scalar_schema();
        case Declared::Date:
            return {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
        case Declared::Choice:
            return {{"enum", a.names}};
        case Declared::Numbers:
            return {{"type", "array"}, {"items", number_schema("number", a.first)}};
        case Declared::Strings:
            return {{"type", "array"}, {"items", scalar_schema()}};
        case Declared::Choices:
            return {{"type", "array"}, {"items", {{"enum", a.names}}}};
        case Declared::Tuples: {
            Json items = Json::array();
            for (std::size_t k = 0; k < a.size; ++k)
                items.push_back(number_schema("number", k == 0 ? a.first : a.rest));
            return {{"type", "array"},
                    {"items", {{"type", "array"}, {"items", items}, {"minItems", a.size}, {"maxItems", a.size}}}};
        }
        case Declared::Any:
            return {{"description", "any value: passed on as written and checked where it is used"}};
    }
    throw LogicError("schema: unknown declared type");
}

// A name of a choice no document chose may lead the reader to keys no document reached.
void check_every_name_chosen(const SchemaNode& node, const Property& p) {
    for (const Alternative& a : p.alternatives) {
        if (a.type != Declared::Choice) continue;  // a list's names select no branch
        for (const auto& name : a.names) {
            if (p.chosen.count(name) == 0) {
                throw LogicError("schema: no document chooses '" + name + "' for '" + child_path(node, p.key, false) +
                                 "': add an example that does");
            }
        }
    }
}

Json property_schema(const Property& p) {
    if (p.alternatives.size() == 1) return value_schema(p.alternatives.front());
    Json any = Json::array();
    for (const auto& a : p.alternatives) any.push_back(value_schema(a));
    return {{"anyOf", any}};
}

// Required by these mappings: each read it with a required getter, none only probed it.
bool required_in_all(const Property& p, const std::set<int>& instances) {
    return std::includes(p.required_in.begin(), p.required_in.end(), instances.begin(), instances.end()) &&
           std::none_of(instances.begin(), instances.end(), [&](int i) { return p.probed_in.count(i) > 0; });
}

// For each name of the discriminating choice: the keys its mappings read (or probed) and the
// keys all of them required, where these differ from the mapping's keys as a whole. A key no
// mapping with that name asked for is one the reader refuses for it (`units` for lighting).
Json variants(const SchemaNode& node, const Json& required) {
    std::map<std::string, std::set<int>> instances;
    for (const auto& [instance, name] : node.chosen) instances[name].insert(instance);
    std::vector<std::string> names;  // in the choice's order
    for (const Property& p : node.properties) {
        if (p.key != node.discriminator) continue;
        for (const Alternative& a : p.alternatives) names = a.names;
    }
    Json all = Json::array();
    for (const std::string& name : names) {
        const auto found = instances.find(name);
        if (found == instances.end()) continue;
        Json allowed = Json::array();
        Json needed = Json::array();
        for (const Property& p : node.properties) {
            const bool seen =
                std::any_of(found->second.begin(), found->second.end(), [&](int i) { return p.seen_in.count(i) > 0; });
            if (seen) allowed.push_back(p.key);
            if (required_in_all(p, found->second)) needed.push_back(p.key);
        }
        if (allowed.size() == node.properties.size() && needed == required) continue;
        Json then = {{"propertyNames", {{"enum", allowed}}}};
        if (!needed.empty()) then["required"] = needed;
        all.push_back(
            {{"if", {{"properties", {{node.discriminator, {{"const", name}}}}}, {"required", {node.discriminator}}}},
             {"then", then}});
    }
    return all;
}

Json object_schema(const SchemaNode& node) {
    // A mapping no document reached would forbid every key: the examples must reach it.
    if (node.instances == 0 || (node.keyed && node.properties.empty())) {
        throw LogicError("schema: no document read " + (node.keyed ? "an entry of " : std::string()) + "'" + node.path +
                         "': add an example that reaches it");
    }
    Json j = {{"type", "object"}};
    if (node.keyed) {
        check_every_name_chosen(node, node.properties.front());
        j["additionalProperties"] = property_schema(node.properties.front());
        return j;
    }
    Json properties = Json::object();
    Json required = Json::array();
    for (const Property& p : node.properties) {
        // A key only asked about (has()) is read in a branch no document reached.
        if (p.alternatives.empty()) {
            throw LogicError("schema: no document reaches the code that reads '" + child_path(node, p.key, false) +
                             "': add an example that reaches it");
        }
        check_every_name_chosen(node, p);
        properties[p.key] = property_schema(p);
        if (p.probed_in.empty() && p.required_in.size() == static_cast<std::size_t>(node.instances)) {
            required.push_back(p.key);
        }
    }
    j["properties"] = properties;
    if (!required.empty()) j["required"] = required;
    j["additionalProperties"] = false;
    if (Json v = variants(node, required); !v.empty()) j["allOf"] = v;
    return j;
}

// ---- shared definitions ----

// A mapping read in many places the same way (a routine block, forty times in the city
// config) is written once under "definitions" and referred to by "$ref", named by the first
// place it appears.
class Definitions {
public:
    explicit Definitions(const Json& root) { count(root); }

    void share(Json& j, const std::string& path) {
        const std::string original = is_mapping(j) ? j.dump() : std::string();
        if (j.is_object()) {
            for (auto& [key, value] : j.items()) share(value, path.empty() ? key : path + "." + key);
        } else if (j.is_array()) {
            for (std::size_t k = 0; k < j.size(); ++k) share(j[k], path + "[" + std::to_string(k) + "]");
        }
        if (original.empty() || counts_[original] < 2) return;
        auto [it, added] = names_.emplace(original, std::string());
        if (added) {
            it->second = unique_name(name_of(path));
            shared_[it->second] = j;
        }
        j = Json{{"$ref", "#/definitions/" + it->second}};
    }

    const Json& shared() const { return shared_; }

private:
    static bool is_mapping(const Json& j) { return j.is_object() && j.contains("properties"); }

    void count(const Json& j) {
        if (is_mapping(j)) ++counts_[j.dump()];
        if (j.is_object() || j.is_array()) {
            for (const auto& value : j) count(value);
        }
    }

    // The schema path without its JSON Schema keywords: "routines.schedules.preschool.main".
    static std::string name_of(const std::string& path) {
        std::string name;
        std::size_t from = 0;
        bool skip = false;  // the part after "properties" is a key; the keywords themselves are not
        while (from <= path.size()) {
            const std::size_t dot = std::min(path.find('.', from), path.size());
            const std::string part = path.substr(from, dot - from);
            if (skip) {
                name += (name.empty() ? "" : ".") + part;
                skip = false;
            } else if (part == "properties") {
                skip = true;
            } else if (part == "additionalProperties") {
                name += name.empty() ? "*" : ".*";
            }
            from = dot + 1;
        }
        return name.empty() ? "root" : name;
    }

    // Keys never hold '/' or '~', which a "$ref" would have to escape; two mappings first
    // seen under one name (in two branches of an anyOf, say) are told apart by a number.
    std::string unique_name(const std::string& name) const {
        if (name.find_first_of("/~") != std::string::npos) throw LogicError("schema: key path '" + name + "'");
        std::string unique = name;
        for (int k = 2; shared_.contains(unique); ++k) unique = name + "-" + std::to_string(k);
        return unique;
    }

    std::map<std::string, int> counts_;
    std::map<std::string, std::string> names_;  // mapping text -> definition name
    Json shared_ = Json::object();
};

}  // namespace

std::string schema_json(const SchemaNode& root, const std::string& kind) {
    Json j = {{"$schema", "http://json-schema.org/draft-07/schema#"},
              {"title", "trygg " + kind + " file"},
              {"description", "Generated by recording what trygg's reader asks of the shipped " + kind +
                                  " files (tools/schemas); `trygg schema " + kind + "` prints it."}};
    j.update(object_schema(root));
    Definitions definitions(j);
    definitions.share(j, "");
    if (!definitions.shared().empty()) j["definitions"] = definitions.shared();
    return j.dump(2) + "\n";
}

}  // namespace trygg::detail
