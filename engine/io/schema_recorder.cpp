#include "io/schema_recorder.hpp"

#include "core/error.hpp"
#include "io/schema_tree.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

namespace trygg {

using detail::Alternative;
using detail::Declared;
using detail::Property;
using detail::SchemaNode;

struct SchemaRecording::Tree {
    std::map<std::string, FileKind> watched;  // normalised file label -> kind
    std::map<FileKind, std::unique_ptr<SchemaNode>> roots;
};

namespace {

thread_local SchemaRecording::Tree* active = nullptr;

std::string normalised(const std::string& label) {
    std::error_code ec;
    const auto p = std::filesystem::weakly_canonical(std::filesystem::path(label), ec);
    return ec ? label : p.string();
}

std::string kind_name(FileKind kind) {
    return std::string(kFileKindNames[static_cast<std::size_t>(kind)]);
}

Property& property(SchemaNode& node, std::string_view key) {
    const std::string_view name = node.keyed ? std::string_view() : key;
    for (Property& p : node.properties) {
        if (p.key == name) return p;
    }
    node.properties.push_back(Property{std::string(name), {}, {}, {}, {}, {}});
    return node.properties.back();
}

Range widest(Range a, Range b) {
    return {std::min(a.min, b.min), std::max(a.max, b.max)};
}

void note_read(SchemaNode& node, Property& p, int instance, bool required) {
    p.seen_in.insert(instance);
    if (required && !node.keyed) p.required_in.insert(instance);
}

}  // namespace

SchemaRecording::SchemaRecording() : tree_(std::make_unique<Tree>()) {
    if (active) throw LogicError("schema: a recording is already active on this thread");
    active = tree_.get();
}

SchemaRecording::~SchemaRecording() {
    active = nullptr;
}

void SchemaRecording::watch(const std::filesystem::path& file, FileKind kind) {
    tree_->watched[normalised(file.string())] = kind;
}

std::string SchemaRecording::json(FileKind kind) const {
    const auto it = tree_->roots.find(kind);
    if (it == tree_->roots.end()) throw LogicError("schema: no " + kind_name(kind) + " file was read");
    return detail::schema_json(*it->second, kind_name(kind));
}

namespace detail {

std::string child_path(const SchemaNode& node, std::string_view key, bool sequence) {
    std::string path = node.path;
    if (!path.empty()) path += ".";
    path += node.keyed ? std::string("*") : std::string(key);
    return sequence ? path + "[]" : path;
}

SchemaNode* schema_root(const std::string& file_label) {
    if (!active) return nullptr;
    const auto it = active->watched.find(normalised(file_label));
    if (it == active->watched.end()) return nullptr;
    auto& root = active->roots[it->second];
    if (!root) root = std::make_unique<SchemaNode>();
    return root.get();
}

int schema_instance(SchemaNode* node) {
    return node ? node->instances++ : 0;
}

void schema_value(SchemaNode* node, int instance, std::string_view key, Declared type, bool required, Range first,
                  Range rest, std::size_t size, std::span<const std::string_view> names) {
    if (!node) return;
    Property& p = property(*node, key);
    note_read(*node, p, instance, required);
    for (Alternative& a : p.alternatives) {
        if (a.shape != Alternative::Shape::Value || a.type != type || a.size != size) continue;
        a.first = widest(a.first, first);
        a.rest = widest(a.rest, rest);
        for (const auto name : names) {
            if (std::find(a.names.begin(), a.names.end(), name) == a.names.end()) a.names.emplace_back(name);
        }
        return;
    }
    Alternative a;
    a.type = type;
    a.first = first;
    a.rest = rest;
    a.size = size;
    a.names.assign(names.begin(), names.end());
    p.alternatives.push_back(std::move(a));
}

SchemaNode* schema_map(SchemaNode* node, int instance, std::string_view key, bool sequence, bool required) {
    if (!node) return nullptr;
    Property& p = property(*node, key);
    note_read(*node, p, instance, required);
    const auto shape = sequence ? Alternative::Shape::Maps : Alternative::Shape::Map;
    for (Alternative& a : p.alternatives) {
        if (a.shape == shape) return a.node.get();
    }
    Alternative a;
    a.shape = shape;
    a.node = std::make_unique<SchemaNode>();
    a.node->path = child_path(*node, key, sequence);
    p.alternatives.push_back(std::move(a));
    return p.alternatives.back().node.get();
}

void schema_probe(SchemaNode* node, int instance, std::string_view key) {
    if (!node || node->keyed) return;
    Property& p = property(*node, key);
    p.probed_in.insert(instance);
    p.seen_in.insert(instance);
}

void schema_chosen(SchemaNode* node, int instance, std::string_view key, std::string_view name) {
    if (!node) return;
    property(*node, key).chosen.emplace(name);
    if (node->keyed) return;
    if (node->discriminator.empty()) node->discriminator = key;
    if (node->discriminator == key) node->chosen.emplace(instance, name);
}

void schema_keyed(SchemaNode* node) {
    if (!node || node->keyed) return;
    const bool fixed_keys = std::any_of(node->properties.begin(), node->properties.end(),
                                        [](const Property& p) { return !p.alternatives.empty(); });
    if (fixed_keys) {
        throw LogicError("schema: '" + node->path + "' is read both by fixed keys and as keyed by names");
    }
    node->properties.clear();
    node->keyed = true;
}

}  // namespace detail
}  // namespace trygg
