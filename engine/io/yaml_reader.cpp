#include "io/yaml_reader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <system_error>
#include <utility>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/schema_recorder.hpp"

namespace trygg {
namespace detail {

// A value set from elsewhere (a scenario's override of a city-config parameter): messages
// about it, and about anything under it, blame the place that set it.
struct Foreign {
    std::string path;
    std::string label;
    int line = 0;
};

struct YamlSource {
    std::string label;  // what messages call the file
    std::filesystem::path path;
    std::string text;
    std::vector<Foreign> foreign;
};

struct YamlEntry {
    std::string key;
    int key_line = 0;
    YAML::Node value;
    bool consumed = false;
};

struct YamlMapState {
    std::shared_ptr<const YamlSource> source;
    std::string path;                // dotted path from the root; "" for the root itself
    int line = 0;                    // where the mapping starts (its first key for a block mapping)
    std::vector<YamlEntry> entries;  // file order
    std::map<std::string, std::size_t, std::less<>> index;  // key -> entries position
    std::vector<std::string> known;                         // keys the parser asked for, in asking order
    // Nested maps handed out, by path: repeated map("x") calls share one state, and
    // finish() can check them all.
    std::vector<std::pair<std::string, std::shared_ptr<YamlMapState>>> children;
    // Where the getters' declarations go while a schema is recorded (schema_recorder.hpp).
    SchemaNode* schema = nullptr;
    int schema_instance = 0;
};

}  // namespace detail

namespace {

using detail::YamlEntry;
using detail::YamlMapState;
using detail::YamlSource;
using Declared = detail::Declared;

// Every getter declares what it asks for before it checks it: the schema a recording makes.
void declare(const YamlMapState& state, std::string_view key, Declared type, bool required, Range first = Range::any(),
             Range rest = Range::any(), std::size_t size = 0) {
    detail::schema_value(state.schema, state.schema_instance, key, type, required, first, rest, size);
}

int line_of(const YAML::Node& node) {
    const YAML::Mark mark = node.Mark();
    return mark.line >= 0 ? mark.line + 1 : 0;
}

// Every message is one line: control characters in keys or values are shown escaped.
std::string printable(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20 || byte == 0x7f) {
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xfu];
        } else {
            out += c;
        }
    }
    return out;
}

std::string join(const std::string& base, std::string_view key) {
    if (base.empty()) return printable(key);
    if (key.empty()) return base;
    return base + "." + printable(key);
}

std::string indexed(const std::string& base, std::size_t i) {
    return base + "[" + std::to_string(i) + "]";
}

// A value quoted for a one-line message: cut at the first newline and at 60 characters.
std::string shown(std::string_view text) {
    constexpr std::size_t kMaxShown = 60;
    std::string_view shown = text.substr(0, text.find('\n'));
    bool cut = shown.size() < text.size();
    if (shown.size() > kMaxShown) {
        shown = shown.substr(0, kMaxShown);
        cut = true;
    }
    return "'" + printable(shown) + (cut ? "...'" : "'");
}

// "1.5" written in quotes is a string: accepting it as a number would hide a mistake in
// whatever produced the file, so typed getters insist on plain scalars.
bool is_quoted(const YAML::Node& node) {
    return node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str";
}

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Null:
            return "nothing (null)";
        case YAML::NodeType::Sequence:
            return "a sequence";
        case YAML::NodeType::Map:
            return "a mapping";
        case YAML::NodeType::Scalar:
            return is_quoted(node) ? "the string " + shown(node.Scalar()) : shown(node.Scalar());
        case YAML::NodeType::Undefined:
            break;
    }
    return "nothing";
}

std::string format_bound(double bound) {
    if (std::isinf(bound)) return bound < 0 ? "-inf" : "inf";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, bound);
    return std::string(buffer, result.ptr);
}

// Infinite ends are shown open: "[0, inf)".
std::string format_range(Range r) {
    return (std::isinf(r.min) ? "(" : "[") + format_bound(r.min) + ", " + format_bound(r.max) +
           (std::isinf(r.max) ? ")" : "]");
}

void check_range_is_sane(Range r) {
    if (!(r.min <= r.max)) {
        throw LogicError("yaml_reader: empty or NaN range " + format_range(r));
    }
}

bool under(const std::string& path, const std::string& prefix) {
    return path.size() >= prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
           (path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[');
}

// The error for `path`, naming the file and line that gave its value.
ConfigError error_at(const YamlSource& source, int line, const std::string& path, const std::string& problem) {
    for (const auto& f : source.foreign) {
        if (under(path, f.path)) return ConfigError(f.label, f.line, path, problem);
    }
    return ConfigError(source.label, line, path, problem);
}

// One value with the place to blame for it.
struct Located {
    const YamlMapState* map;
    YAML::Node node;
    int line;
    std::string path;

    [[noreturn]] void fail(const std::string& problem) const { throw error_at(*map->source, line, path, problem); }
};

// The text of a plain (unquoted) scalar, or nullopt for anything else.
std::optional<std::string> plain_text(const YAML::Node& node) {
    if (!node.IsScalar() || is_quoted(node)) return std::nullopt;
    return node.Scalar();
}

// YAML allows a leading '+', std::from_chars does not.
std::string_view strip_plus(std::string_view text, bool& ok) {
    ok = true;
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        ok = !text.empty() && text.front() != '-';
    }
    return text;
}

std::optional<double> parse_double(std::string_view text) {
    bool ok = false;
    const std::string_view body = strip_plus(text, ok);
    if (!ok || body.empty()) return std::nullopt;
    double value = 0.0;
    const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
    // Infinity and NaN are never meaningful config values.
    if (ec != std::errc() || end != body.data() + body.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    bool ok = false;
    const std::string_view body = strip_plus(text, ok);
    if (!ok || body.empty()) return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
    if (ec != std::errc() || end != body.data() + body.size()) return std::nullopt;
    return value;
}

void check_range(const Located& v, double value, Range r) {
    if (value < r.min || value > r.max) {
        v.fail("value " + v.node.Scalar() + " is out of range " + format_range(r));
    }
}

double to_number(const Located& v, Range r) {
    check_range_is_sane(r);
    const std::optional<std::string> text = plain_text(v.node);
    const std::optional<double> value = text ? parse_double(*text) : std::nullopt;
    if (!value) v.fail("expected a number, got " + describe(v.node));
    check_range(v, *value, r);
    return *value;
}

std::int64_t to_integer(const Located& v, Range r) {
    check_range_is_sane(r);
    const std::optional<std::string> text = plain_text(v.node);
    const std::optional<std::int64_t> value = text ? parse_integer(*text) : std::nullopt;
    if (!value) v.fail("expected an integer, got " + describe(v.node));
    check_range(v, static_cast<double>(*value), r);
    return *value;
}

bool to_boolean(const Located& v) {
    // YAML 1.2 core schema only: yes/no/on/off (YAML 1.1) are rejected because "no" as a
    // Norwegian country code silently turning into false is the classic YAML trap.
    const std::optional<std::string> text = plain_text(v.node);
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    v.fail("expected a boolean (true or false), got " + describe(v.node));
}

std::string to_string(const Located& v) {
    if (!v.node.IsScalar()) v.fail("expected a string, got " + describe(v.node));
    return v.node.Scalar();
}

std::size_t to_choice(const Located& v, std::string_view key, std::span<const std::string_view> names) {
    // Longer lists (fifteen kinds of intervention) would not fit a line: the closest name does.
    constexpr std::size_t kListedNames = 6;
    const std::string value = to_string(v);
    const auto it = std::find(names.begin(), names.end(), value);
    if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
    const std::vector<std::string> options(names.begin(), names.end());
    std::string list;
    if (options.size() <= kListedNames) {
        for (std::size_t k = 0; k < options.size(); ++k) {
            list += (k == 0 ? ", expected " : k + 1 == options.size() ? " or " : ", ") + options[k];
        }
    }
    v.fail("unknown " + printable(key) + " " + shown(value) + list + did_you_mean(value, options));
}

bool is_calendar_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    auto digits = [&](std::size_t from, std::size_t count) -> int {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int year = digits(0, 4);
    const int month = digits(5, 2);
    const int day = digits(8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string to_date(const Located& v) {
    if (!v.node.IsScalar() || !is_calendar_date(v.node.Scalar())) {
        v.fail("expected a date (YYYY-MM-DD), got " + describe(v.node));
    }
    return v.node.Scalar();
}

std::shared_ptr<YamlMapState> build_map(const std::shared_ptr<const YamlSource>& source, const YAML::Node& node,
                                        const std::string& path) {
    auto state = std::make_shared<YamlMapState>();
    state->source = source;
    state->path = path;
    state->line = line_of(node);
    for (auto it = node.begin(); it != node.end(); ++it) {
        // Copies: `it->` yields a temporary proxy, so references to its members dangle.
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        const int key_line = line_of(key) > 0 ? line_of(key) : state->line;
        if (!key.IsScalar()) {
            throw ConfigError(source->label, key_line, path, "expected a name as key, got " + describe(key));
        }
        // yaml-cpp keeps duplicate keys and lookups would quietly take the first: reject.
        const std::string& name = key.Scalar();
        if (const auto found = state->index.find(name); found != state->index.end()) {
            throw ConfigError(
                source->label, key_line, join(path, name),
                "duplicate key (first given on line " + std::to_string(state->entries[found->second].key_line) + ")");
        }
        state->index.emplace(name, state->entries.size());
        state->entries.push_back(YamlEntry{name, key_line, value, false});
    }
    return state;
}

YamlEntry* find_entry(YamlMapState& state, std::string_view key) {
    const auto found = state.index.find(key);
    return found == state.index.end() ? nullptr : &state.entries[found->second];
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

void note_known(YamlMapState& state, std::string_view key) {
    if (!contains(state.known, key)) state.known.emplace_back(key);
}

// Marks the key known and, when present, consumed.
YamlEntry* take(YamlMapState& state, std::string_view key) {
    note_known(state, key);
    YamlEntry* entry = find_entry(state, key);
    if (entry) entry->consumed = true;
    return entry;
}

YamlEntry& take_required(YamlMapState& state, std::string_view key) {
    YamlEntry* entry = take(state, key);
    if (entry) return *entry;
    std::string problem = "missing required key";
    // The usual cause is a typo in the file; point at it now rather than leave it for
    // finish(), which would never be reached.
    std::vector<std::string> unclaimed;
    for (const YamlEntry& e : state.entries) {
        if (!e.consumed && !contains(state.known, e.key)) unclaimed.push_back(e.key);
    }
    if (const auto near = closest_name(key, unclaimed)) {
        problem += " (is '" + printable(*near) + "' on line " + std::to_string(find_entry(state, *near)->key_line) +
                   " a misspelling?)";
    }
    throw error_at(*state.source, state.line, join(state.path, key), problem);
}

// A null value (`key:` with nothing) carries the mark of the next token, so blame the key.
int value_line(const YamlEntry& entry) {
    const int line = line_of(entry.value);
    return entry.value.IsNull() || line == 0 ? entry.key_line : line;
}

Located locate(const YamlMapState& state, const YamlEntry& entry) {
    return Located{&state, entry.value, value_line(entry), join(state.path, entry.key)};
}

Located locate_item(const Located& sequence, const YAML::Node& item, std::size_t i) {
    const int line = line_of(item);
    return Located{sequence.map, item, line > 0 ? line : sequence.line, indexed(sequence.path, i)};
}

// `schema`: the mapping's node in a schema being recorded (null when none is).
std::shared_ptr<YamlMapState> child(YamlMapState& parent, const Located& v, detail::SchemaNode* schema) {
    for (const auto& [path, state] : parent.children) {
        if (path == v.path) return state;
    }
    if (!v.node.IsMap()) v.fail("expected a mapping, got " + describe(v.node));
    auto state = build_map(parent.source, v.node, v.path);
    state->schema = schema;
    state->schema_instance = detail::schema_instance(schema);
    parent.children.emplace_back(v.path, state);
    return state;
}

void finish_state(const YamlMapState& state) {
    for (const YamlEntry& entry : state.entries) {
        if (entry.consumed) continue;
        // A key the parser looked at with has() but then did not read is not a typo.
        const std::string problem =
            contains(state.known, entry.key)
                ? "key '" + printable(entry.key) + "' is not used here"
                : "unknown key '" + printable(entry.key) + "'" + did_you_mean(entry.key, state.known);
        throw error_at(*state.source, entry.key_line, join(state.path, entry.key), problem);
    }
    for (const auto& [path, nested] : state.children) finish_state(*nested);
}

// yaml-cpp reports an unclosed '[' or '{' where it gave up, often the end of the file; the
// line of the bracket itself is what the user needs. A light scan that knows about quotes
// and comments finds it; when it finds nothing, yaml-cpp's line stands. Plain scalars such
// as `name: a[1]` are not mistaken for brackets because a bracket only opens a collection
// where a value starts.
std::optional<int> unclosed_bracket_line(std::string_view text, int stop_line, int stop_column) {
    std::vector<int> open;  // lines of the open brackets, innermost last
    int line = 0;
    int column = 0;
    char last = '\n';   // last non-blank character on this line; '\n' at a line start
    bool blank = true;  // previous character was blank or a line start
    for (std::size_t i = 0; i < text.size(); ++i, ++column) {
        if (line > stop_line || (line == stop_line && column >= stop_column)) break;
        const char c = text[i];
        if (c == '\n') {
            ++line;
            column = -1;
            last = '\n';
            blank = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            blank = true;
            continue;
        }
        const bool in_flow = !open.empty();
        const bool value_start = in_flow ? (last == '\n' || last == '[' || last == '{' || last == ',' || last == ':')
                                         : (blank && (last == '\n' || last == ':' || last == '-' || last == '?'));
        if (c == '#' && blank) {
            while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
            continue;
        }
        if ((c == '"' || c == '\'') && value_start) {
            for (++i; i < text.size(); ++i) {
                if (text[i] == '\n') {
                    ++line;
                    column = -1;
                } else if (c == '"' && text[i] == '\\') {
                    ++i;
                } else if (text[i] == c) {
                    if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                        ++i;  // '' is an escaped quote inside single quotes
                    } else {
                        break;
                    }
                }
            }
        } else if ((c == '[' || c == '{') && value_start) {
            open.push_back(line);
        } else if ((c == ']' || c == '}') && in_flow) {
            open.pop_back();
        }
        last = c;
        blank = false;
    }
    if (open.empty()) return std::nullopt;
    return open.back() + 1;
}

ConfigError syntax_error(const std::string& label, const std::string& text, const YAML::ParserException& e) {
    const int reported = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    if (e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW || e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW) {
        const char bracket = e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW ? '[' : '{';
        if (const auto opened = unclosed_bracket_line(text, e.mark.line, e.mark.column)) {
            return ConfigError(label, *opened, "",
                               std::string("invalid YAML: '") + bracket + "' is never closed (" + e.msg + " at line " +
                                   std::to_string(reported) + ")");
        }
    }
    return ConfigError(label, reported, "", "invalid YAML: " + e.msg);
}

// Records where each document starts and where its first node is; ignores the rest.
class DocumentCounter : public YAML::EventHandler {
public:
    struct Document {
        std::size_t start = 0;
        std::optional<YAML::Mark> first_node;
    };
    std::vector<Document> documents;

    void OnDocumentStart(const YAML::Mark& mark) override {
        documents.push_back({static_cast<std::size_t>(mark.pos), std::nullopt});
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node_at(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node_at(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
        node_at(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        node_at(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        node_at(mark);
    }
    void OnMapEnd() override {}

private:
    void node_at(const YAML::Mark& mark) {
        if (!documents.empty() && !documents.back().first_node) documents.back().first_node = mark;
    }
};

// A config is one YAML document: anything after a second '---' would otherwise be dropped
// unseen. The documents are walked with yaml-cpp's event parser rather than LoadAll because
// yaml-cpp 0.7 stalls on a stray ',' where a document should start: it hands back the same
// empty document forever without consuming the token (LoadAll never returns). A repeated
// start position is that stall, and is reported as the syntax error it is.
void check_single_document(const std::string& label, const std::string& text) {
    std::istringstream input(text);
    YAML::Parser parser(input);
    DocumentCounter counter;
    for (int call = 0; call < 3 && parser.HandleNextDocument(counter); ++call) {
        const auto& docs = counter.documents;
        const std::size_t n = docs.size();
        if (n >= 2 && docs[n - 1].start == docs[n - 2].start) {
            const YAML::Mark at = docs[n - 1].first_node.value_or(YAML::Mark::null_mark());
            const std::size_t pos = at.pos >= 0 ? static_cast<std::size_t>(at.pos) : text.size();
            const std::string what =
                pos < text.size() ? "unexpected '" + printable(text.substr(pos, 1)) + "'" : "cannot read this";
            throw ConfigError(label, at.line >= 0 ? at.line + 1 : 0, "", "invalid YAML: " + what);
        }
    }
    if (counter.documents.size() >= 2) {
        // The document start mark is the '---' that opens it.
        const std::size_t second = counter.documents[1].start;
        const auto newlines = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(second), '\n');
        throw ConfigError(label, static_cast<int>(newlines) + 1, "",
                          "expected a single YAML document, but a second one starts here");
    }
}

}  // namespace

// ---- ConfigMap ----

ConfigMap::ConfigMap(std::shared_ptr<detail::YamlMapState> state) : state_(std::move(state)) {}

double ConfigMap::number(std::string_view key) const {
    return number(key, Range::any());
}

double ConfigMap::number(std::string_view key, Range r) const {
    declare(*state_, key, Declared::Number, true, r);
    return to_number(locate(*state_, take_required(*state_, key)), r);
}

std::int64_t ConfigMap::integer(std::string_view key, Range r) const {
    declare(*state_, key, Declared::Integer, true, r);
    return to_integer(locate(*state_, take_required(*state_, key)), r);
}

bool ConfigMap::boolean(std::string_view key) const {
    declare(*state_, key, Declared::Boolean, true);
    return to_boolean(locate(*state_, take_required(*state_, key)));
}

std::string ConfigMap::string(std::string_view key) const {
    declare(*state_, key, Declared::String, true);
    return to_string(locate(*state_, take_required(*state_, key)));
}

std::string ConfigMap::date(std::string_view key) const {
    declare(*state_, key, Declared::Date, true);
    return to_date(locate(*state_, take_required(*state_, key)));
}

std::vector<double> ConfigMap::numbers(std::string_view key, Range r) const {
    declare(*state_, key, Declared::Numbers, true, r);
    const Located v = locate(*state_, take_required(*state_, key));
    if (!v.node.IsSequence()) v.fail("expected a sequence of numbers, got " + describe(v.node));
    std::vector<double> out;
    std::size_t i = 0;
    for (auto it = v.node.begin(); it != v.node.end(); ++it, ++i) {
        out.push_back(to_number(locate_item(v, *it, i), r));
    }
    return out;
}

std::size_t ConfigMap::choice(std::string_view key, std::span<const std::string_view> names) const {
    detail::schema_value(state_->schema, state_->schema_instance, key, Declared::Choice, true, Range::any(),
                         Range::any(), 0, names);
    const std::size_t k = to_choice(locate(*state_, take_required(*state_, key)), key, names);
    detail::schema_chosen(state_->schema, state_->schema_instance, key, names[k]);
    return k;
}

std::optional<std::size_t> ConfigMap::optional_choice(std::string_view key,
                                                      std::span<const std::string_view> names) const {
    detail::schema_value(state_->schema, state_->schema_instance, key, Declared::Choice, false, Range::any(),
                         Range::any(), 0, names);
    const YamlEntry* entry = take(*state_, key);
    if (!entry) return std::nullopt;
    const std::size_t k = to_choice(locate(*state_, *entry), key, names);
    detail::schema_chosen(state_->schema, state_->schema_instance, key, names[k]);
    return k;
}

std::vector<std::size_t> ConfigMap::choices(std::string_view key, std::span<const std::string_view> names,
                                            std::string_view what, std::string_view expected) const {
    detail::schema_value(state_->schema, state_->schema_instance, key, Declared::Choices, true, Range::any(),
                         Range::any(), 0, names);
    const Located v = locate(*state_, take_required(*state_, key));
    if (!v.node.IsSequence()) v.fail("expected a sequence of strings, got " + describe(v.node));
    const std::vector<std::string> options(names.begin(), names.end());
    std::vector<std::size_t> out;
    std::size_t i = 0;
    for (auto it = v.node.begin(); it != v.node.end(); ++it, ++i) {
        const Located item = locate_item(v, *it, i);
        const std::string name = to_string(item);
        const auto found = std::find(names.begin(), names.end(), name);
        if (found == names.end()) {
            item.fail("unknown " + std::string(what) + " " + shown(name) + std::string(expected) +
                      did_you_mean(name, options));
        }
        out.push_back(static_cast<std::size_t>(found - names.begin()));
    }
    return out;
}

std::vector<std::vector<double>> ConfigMap::number_tuples(std::string_view key, std::size_t size,
                                                          std::array<Range, 2> r) const {
    declare(*state_, key, Declared::Tuples, true, r[0], r[1], size);
    const Located v = locate(*state_, take_required(*state_, key));
    const std::string want = "a sequence of [" + std::to_string(size) + " numbers] items";
    if (!v.node.IsSequence()) v.fail("expected " + want + ", got " + describe(v.node));
    std::vector<std::vector<double>> out;
    std::size_t i = 0;
    for (auto it = v.node.begin(); it != v.node.end(); ++it, ++i) {
        const Located item = locate_item(v, *it, i);
        if (!item.node.IsSequence() || item.node.size() != size) {
            item.fail("expected [" + std::to_string(size) + " numbers], got " + describe(item.node));
        }
        std::vector<double> tuple;
        std::size_t j = 0;
        for (auto e = item.node.begin(); e != item.node.end(); ++e, ++j) {
            tuple.push_back(to_number(locate_item(item, *e, j), r[std::min<std::size_t>(j, 1)]));
        }
        out.push_back(std::move(tuple));
    }
    return out;
}

std::vector<std::string> ConfigMap::strings(std::string_view key) const {
    declare(*state_, key, Declared::Strings, true);
    const Located v = locate(*state_, take_required(*state_, key));
    if (!v.node.IsSequence()) v.fail("expected a sequence of strings, got " + describe(v.node));
    std::vector<std::string> out;
    std::size_t i = 0;
    for (auto it = v.node.begin(); it != v.node.end(); ++it, ++i) {
        out.push_back(to_string(locate_item(v, *it, i)));
    }
    return out;
}

ConfigMap ConfigMap::map(std::string_view key) const {
    detail::SchemaNode* schema = detail::schema_map(state_->schema, state_->schema_instance, key, false, true);
    return ConfigMap(child(*state_, locate(*state_, take_required(*state_, key)), schema));
}

std::vector<ConfigMap> ConfigMap::maps(std::string_view key) const {
    detail::SchemaNode* schema = detail::schema_map(state_->schema, state_->schema_instance, key, true, true);
    const Located v = locate(*state_, take_required(*state_, key));
    if (!v.node.IsSequence()) v.fail("expected a sequence of mappings, got " + describe(v.node));
    std::vector<ConfigMap> out;
    std::size_t i = 0;
    for (auto it = v.node.begin(); it != v.node.end(); ++it, ++i) {
        out.push_back(ConfigMap(child(*state_, locate_item(v, *it, i), schema)));
    }
    return out;
}

bool ConfigMap::has(std::string_view key) const {
    detail::schema_probe(state_->schema, state_->schema_instance, key);
    note_known(*state_, key);
    return find_entry(*state_, key) != nullptr;
}

std::optional<double> ConfigMap::optional_number(std::string_view key, Range r) const {
    declare(*state_, key, Declared::Number, false, r);
    const YamlEntry* entry = take(*state_, key);
    if (!entry) return std::nullopt;
    return to_number(locate(*state_, *entry), r);
}

std::optional<std::int64_t> ConfigMap::optional_integer(std::string_view key, Range r) const {
    declare(*state_, key, Declared::Integer, false, r);
    const YamlEntry* entry = take(*state_, key);
    if (!entry) return std::nullopt;
    return to_integer(locate(*state_, *entry), r);
}

std::optional<std::string> ConfigMap::optional_string(std::string_view key) const {
    declare(*state_, key, Declared::String, false);
    const YamlEntry* entry = take(*state_, key);
    if (!entry) return std::nullopt;
    return to_string(locate(*state_, *entry));
}

std::optional<bool> ConfigMap::optional_boolean(std::string_view key) const {
    declare(*state_, key, Declared::Boolean, false);
    const YamlEntry* entry = take(*state_, key);
    if (!entry) return std::nullopt;
    return to_boolean(locate(*state_, *entry));
}

std::optional<std::string> ConfigMap::optional_date(std::string_view key) const {
    declare(*state_, key, Declared::Date, false);
    const YamlEntry* entry = take(*state_, key);
    if (!entry) return std::nullopt;
    return to_date(locate(*state_, *entry));
}

std::optional<ConfigMap> ConfigMap::optional_map(std::string_view key) const {
    detail::SchemaNode* schema = detail::schema_map(state_->schema, state_->schema_instance, key, false, false);
    const YamlEntry* entry = take(*state_, key);
    if (!entry) return std::nullopt;
    return ConfigMap(child(*state_, locate(*state_, *entry), schema));
}

bool ConfigMap::holds_map(std::string_view key) const {
    detail::schema_probe(state_->schema, state_->schema_instance, key);
    note_known(*state_, key);
    const YamlEntry* entry = find_entry(*state_, key);
    return entry && entry->value.IsMap();
}

bool ConfigMap::holds_sequence(std::string_view key) const {
    detail::schema_probe(state_->schema, state_->schema_instance, key);
    note_known(*state_, key);
    const YamlEntry* entry = find_entry(*state_, key);
    return entry && entry->value.IsSequence();
}

std::string ConfigMap::raw(std::string_view key) const {
    declare(*state_, key, Declared::Any, true);
    const YamlEntry& entry = take_required(*state_, key);
    YAML::Emitter out;
    out.SetMapFormat(YAML::Flow);
    out.SetSeqFormat(YAML::Flow);
    out << entry.value;
    return out.c_str();
}

std::vector<std::string> ConfigMap::keys() const {
    detail::schema_keyed(state_->schema);
    return given_keys();
}

std::vector<std::string> ConfigMap::given_keys() const {
    std::vector<std::string> out;
    out.reserve(state_->entries.size());
    for (const YamlEntry& entry : state_->entries) out.push_back(entry.key);
    return out;
}

void ConfigMap::finish() const {
    finish_state(*state_);
}

void ConfigMap::fail(std::string_view key, const std::string& problem) const {
    throw error_at(*state_->source, line(key), path(key), problem);
}

void ConfigMap::fail_together(std::initializer_list<std::string_view> keys, const std::string& problem) const {
    for (const std::string_view key : keys) {
        const std::string at = path(key);
        for (const auto& f : state_->source->foreign) {
            if (under(at, f.path)) throw ConfigError(f.label, f.line, at, problem);
        }
    }
    fail(*keys.begin(), problem);
}

void ConfigMap::fail_item(std::string_view key, std::size_t index, const std::string& problem) const {
    int where = line(key);
    if (const YamlEntry* entry = find_entry(*state_, key);
        entry && entry->value.IsSequence() && index < entry->value.size()) {
        const int item_line = line_of(entry->value[index]);
        if (item_line > 0) where = item_line;
    }
    throw error_at(*state_->source, where, indexed(path(key), index), problem);
}

int ConfigMap::line(std::string_view key) const {
    if (key.empty()) return state_->line;
    const YamlEntry* entry = find_entry(*state_, key);
    return entry ? value_line(*entry) : state_->line;
}

std::string ConfigMap::path(std::string_view key) const {
    return join(state_->path, key);
}

const std::string& ConfigMap::file() const {
    return state_->source->label;
}

// ---- YamlDocument ----

YamlDocument::YamlDocument(std::shared_ptr<detail::YamlSource> source, std::shared_ptr<detail::YamlMapState> root)
    : source_(std::move(source)), root_(std::move(root)) {}

YamlDocument YamlDocument::load(const std::filesystem::path& file) {
    const std::string label = file.string();
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        throw ConfigError(label, 0, "", "cannot open file: it is a directory");
    }
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        const int err = errno != 0 ? errno : ENOENT;
        throw ConfigError(label, 0, "", "cannot open file: " + std::generic_category().message(err));
    }
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw ConfigError(label, 0, "", "cannot read file");
    auto source = std::make_shared<detail::YamlSource>();
    source->label = label;
    source->path = file;
    source->text = std::move(content).str();
    return from_source(std::move(source));
}

YamlDocument YamlDocument::parse(std::string text, std::string file_label) {
    auto source = std::make_shared<detail::YamlSource>();
    source->path = file_label;
    source->label = std::move(file_label);
    source->text = std::move(text);
    return from_source(std::move(source));
}

YamlDocument YamlDocument::from_source(std::shared_ptr<detail::YamlSource> source) {
    const std::string& label = source->label;

    YAML::Node document;
    try {
        check_single_document(label, source->text);
        document = YAML::Load(source->text);
    } catch (const YAML::ParserException& e) {
        throw syntax_error(label, source->text, e);
    } catch (const YAML::Exception& e) {
        throw ConfigError(label, 0, "", std::string("invalid YAML: ") + e.what());
    }
    if (document.IsNull()) {
        throw ConfigError(label, 0, "", "expected a mapping at the top level, got an empty document");
    }
    if (!document.IsMap()) {
        throw ConfigError(label, line_of(document), "",
                          "expected a mapping at the top level, got " + describe(document));
    }
    // Every map of the document reads the source; only set() adds to it.
    auto root = build_map(source, document, "");
    root->schema = detail::schema_root(label);
    root->schema_instance = detail::schema_instance(root->schema);
    return YamlDocument(std::move(source), std::move(root));
}

const std::string& YamlDocument::text() const {
    return source_->text;
}

const std::filesystem::path& YamlDocument::path() const {
    return source_->path;
}

void YamlDocument::set(std::string_view dotted_path, const std::string& yaml_value, const std::string& label,
                       int line) {
    const std::string path(dotted_path);
    auto fail = [&](const std::string& at, const std::string& problem) { throw ConfigError(label, line, at, problem); };
    YAML::Node value;
    try {
        value = YAML::Load(yaml_value);
    } catch (const YAML::Exception& e) {
        fail(path, std::string("invalid value: ") + e.what());
    }
    std::vector<std::string> keys;
    for (std::size_t from = 0;;) {
        const std::size_t dot = path.find('.', from);
        keys.push_back(path.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
        if (dot == std::string::npos) break;
        from = dot + 1;
    }
    for (const auto& k : keys) {
        if (k.empty()) fail(path, "a parameter path is keys joined by '.', e.g. offending.displacement");
    }
    auto names_of = [](const YAML::Node& map) {
        std::vector<std::string> names;
        for (auto it = map.begin(); it != map.end(); ++it) names.push_back(it->first.as<std::string>());
        return names;
    };
    const std::string& file = source_->label;
    YamlMapState& root = *root_;
    YamlEntry* top = find_entry(root, keys[0]);
    if (keys.size() == 1) {
        if (top) {
            top->value = value;
        } else {
            root.index.emplace(keys[0], root.entries.size());
            root.entries.push_back(YamlEntry{keys[0], line, value, false});
        }
    } else {
        if (!top) {
            std::vector<std::string> names;
            for (const auto& e : root.entries) names.push_back(e.key);
            fail(path, "no key '" + keys[0] + "' in " + file + did_you_mean(keys[0], names));
        }
        YAML::Node node = top->value;
        std::string at = keys[0];
        for (std::size_t i = 1; i < keys.size(); ++i) {
            if (!node.IsMap()) fail(path, "'" + at + "' in " + file + " is not a mapping");
            if (i + 1 == keys.size()) {
                node[keys[i]] = value;
                break;
            }
            const YAML::Node& lookup = node;
            YAML::Node next = lookup[keys[i]];
            if (!next.IsDefined()) {
                fail(path,
                     "no key '" + keys[i] + "' under '" + at + "' in " + file + did_you_mean(keys[i], names_of(node)));
            }
            node.reset(next);
            at += "." + keys[i];
        }
    }
    source_->foreign.push_back(detail::Foreign{path, label, line});
}

ConfigMap YamlDocument::root() const {
    return ConfigMap(root_);
}

}  // namespace trygg
