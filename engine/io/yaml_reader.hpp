#pragma once
// Config files flow YAML -> plain structs -> validated once. A parser pulls each key it
// understands out of a ConfigMap with a typed getter and then calls finish(): any key left
// over is an error (with a "did you mean" suggestion), so a typo can never be silently
// replaced by a default. Every bad input becomes one ConfigError line naming the file, the
// line and the dotted key path.
//
// yaml-cpp stays out of this header so only yaml_reader.cpp pays for it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

// Inclusive bounds for a number. Infinite bounds are allowed (one-sided ranges).
struct Range {
    double min;
    double max;

    static constexpr Range any() {
        return {-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    }
    static constexpr Range at_least(double lo) { return {lo, std::numeric_limits<double>::infinity()}; }
    static constexpr Range unit() { return {0.0, 1.0}; }
};

namespace detail {
struct YamlMapState;  // tracking state of one mapping; defined in yaml_reader.cpp
struct YamlSource;    // the file label and text shared by every map of a document
}  // namespace detail

// One YAML mapping being consumed. Copies share the tracking state, so a ConfigMap can be
// passed by value to a sub-parser and the parent still sees what was consumed.
class ConfigMap {
public:
    // Required values. A missing key reports the line of the mapping; a value of the wrong
    // type (a null `key:` included) or out of range reports the line of the value.
    double number(std::string_view key) const;  // any finite number
    double number(std::string_view key, Range r) const;
    std::int64_t integer(std::string_view key, Range r) const;         // rejects 2.5, "abc", true
    bool boolean(std::string_view key) const;                          // true/false (any case) only
    std::string string(std::string_view key) const;                    // any scalar; 123 gives "123"
    std::string date(std::string_view key) const;                      // a calendar date written YYYY-MM-DD
    std::vector<double> numbers(std::string_view key, Range r) const;  // sequence of numbers
    std::vector<std::string> strings(std::string_view key) const;      // sequence of scalars
    // Sequence of fixed-size number tuples, e.g. a polygon's [lon, lat] vertices; element 0
    // is checked against r[0], the others against r[1].
    std::vector<std::vector<double>> number_tuples(std::string_view key, std::size_t size,
                                                   std::array<Range, 2> r) const;
    // One of a few names (a sweep method, a kind of intervention): its index in `names`.
    // Anything else is refused with the closest name, and with the list when it is short:
    // "unknown method 'gird', expected grid, latin_hypercube, morris or sobol (did you mean 'grid'?)".
    std::size_t choice(std::string_view key, std::span<const std::string_view> names) const;
    // A sequence of such names (weekdays, crime types): their indices, in order. An unknown one
    // is refused at its item as "unknown `what` 'x'", then `expected` (", expected mon … sun")
    // and the closest name.
    std::vector<std::size_t> choices(std::string_view key, std::span<const std::string_view> names,
                                     std::string_view what, std::string_view expected = {}) const;
    ConfigMap map(std::string_view key) const;                // nested mapping
    std::vector<ConfigMap> maps(std::string_view key) const;  // sequence of mappings

    // The value as YAML text, whatever it is (consumes the key; missing is an error): for
    // values passed on to another document, such as a scenario's parameter overrides.
    std::string raw(std::string_view key) const;

    // Whether the key's value is a mapping (false when absent). Consumes nothing.
    bool holds_map(std::string_view key) const;
    bool holds_sequence(std::string_view key) const;  // same for a sequence

    // Whether the key is present. Marks it as known (for suggestions) but not consumed.
    bool has(std::string_view key) const;

    // Optional values: std::nullopt when the key is absent; the caller decides (and
    // documents) any default. A key that is present is checked exactly like the required
    // form: a null value (`key:` with nothing) is a type error, not "absent".
    std::optional<double> optional_number(std::string_view key, Range r) const;
    std::optional<std::int64_t> optional_integer(std::string_view key, Range r) const;
    std::optional<std::string> optional_string(std::string_view key) const;
    std::optional<bool> optional_boolean(std::string_view key) const;
    std::optional<std::string> optional_date(std::string_view key) const;
    std::optional<ConfigMap> optional_map(std::string_view key) const;
    std::optional<std::size_t> optional_choice(std::string_view key, std::span<const std::string_view> names) const;

    // Keys in file order, for mappings keyed by names (district codes, say). Consumes nothing.
    // A recorded schema (schema_recorder.hpp) takes every entry of such a mapping as a name.
    std::vector<std::string> keys() const;
    // The same list, to see which of several alternative keys a mapping holds (`where:` gives
    // one of district, places, polygon or cells): the mapping is not keyed by names.
    std::vector<std::string> given_keys() const;

    // Throws a ConfigError for the first key (in file order) that was never consumed:
    // "unknown key 'colective_efficacy' (did you mean 'collective_efficacy'?)", suggesting
    // among the keys the parser asked for. Then does the same for every nested map handed
    // out by map()/maps()/optional_map(), so a forgotten child finish() cannot hide a typo.
    // Calling it more than once is harmless.
    void finish() const;

    // Report a domain problem (a district code not in the GeoJSON, say) at the key's value,
    // or at the mapping when the key is absent. An empty key names the mapping itself.
    [[noreturn]] void fail(std::string_view key, const std::string& problem) const;
    // A problem of several keys together ("structured + unstructured shares exceed 1"): blamed
    // on the first of them whose value was set from elsewhere (a scenario's override), since
    // that is the change that broke it; otherwise on `keys[0]`.
    [[noreturn]] void fail_together(std::initializer_list<std::string_view> keys, const std::string& problem) const;
    // Same for item `index` (0-based) of the sequence under `key`, e.g. one name in a list.
    [[noreturn]] void fail_item(std::string_view key, std::size_t index, const std::string& problem) const;
    int line(std::string_view key) const;  // 1-based line of the value, or of the mapping
    // Dotted path from the document root: "districts.2081R013.name", "villages[2].lat"
    // (sequence indices are 0-based). An empty key gives the mapping's own path.
    std::string path(std::string_view key) const;
    const std::string& file() const;

private:
    friend class YamlDocument;
    explicit ConfigMap(std::shared_ptr<detail::YamlMapState> state);
    std::shared_ptr<detail::YamlMapState> state_;
};

// A parsed YAML file whose top level is a mapping.
class YamlDocument {
public:
    // Missing/unreadable file, YAML syntax error (with its line), more than one document,
    // empty file or a top level that is not a mapping: all ConfigError.
    static YamlDocument load(const std::filesystem::path& file);
    // Same, from text; `file_label` stands in for the file name in messages.
    static YamlDocument parse(std::string text, std::string file_label);

    // Sets the value at a dotted path ("offending.displacement") to `yaml_value` (YAML text),
    // as if the file said so: a scenario overriding a city-config parameter. Call it before
    // reading the document. Messages about the value name `label` and `line`, not this file.
    // Every mapping on the path must exist (ConfigError at label:line naming the closest
    // existing key otherwise); the last key may be new, and the parser then judges it.
    void set(std::string_view dotted_path, const std::string& yaml_value, const std::string& label, int line);

    const std::string& text() const;            // the full original text, for provenance
    const std::filesystem::path& path() const;  // the file, or the label given to parse()
    // The top-level mapping. Every call returns the same tracking state.
    ConfigMap root() const;

private:
    static YamlDocument from_source(std::shared_ptr<detail::YamlSource> source);
    YamlDocument(std::shared_ptr<detail::YamlSource> source, std::shared_ptr<detail::YamlMapState> root);
    std::shared_ptr<detail::YamlSource> source_;
    std::shared_ptr<detail::YamlMapState> root_;
};

}  // namespace trygg
