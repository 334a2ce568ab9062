#include "io/yaml_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <array>
#include <fstream>
#include <functional>

#include "core/error.hpp"

namespace trygg {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kFile = "city.yaml";

ConfigMap root_of(const std::string& text) {
    return YamlDocument::parse(text, kFile).root();
}

ConfigError error_from(const std::function<void()>& action) {
    return testing::config_error_from(action);
}

// The error names the file, the line and the key, on one line, in the documented format.
void expect_error(const ConfigError& e, const std::string& file, int line, const std::string& key,
                  const std::string& problem) {
    EXPECT_EQ(e.file(), file);
    EXPECT_EQ(e.line(), line);
    EXPECT_EQ(e.key(), key);
    std::string where = file;
    if (line > 0) where += ":" + std::to_string(line);
    if (!key.empty()) where += ": " + key;
    EXPECT_THAT(e.what(), HasSubstr(where + ": "));
    EXPECT_THAT(e.what(), HasSubstr(problem));
    EXPECT_THAT(e.what(), Not(HasSubstr("\n")));
}

// ---- documents ----

TEST(YamlDocument, MissingFile) {
    const std::string file = "/nonexistent/trygg/city.yaml";
    const ConfigError e = error_from([&] { YamlDocument::load(file); });
    expect_error(e, file, 0, "", "cannot open file: No such file or directory");
}

TEST(YamlDocument, DirectoryIsNotAFile) {
    const std::string dir = ::testing::TempDir();
    const ConfigError e = error_from([&] { YamlDocument::load(dir); });
    EXPECT_THAT(e.what(), HasSubstr("cannot open file"));
}

TEST(YamlDocument, LoadsAFileAndKeepsItsText) {
    const std::filesystem::path file = std::filesystem::path(::testing::TempDir()) / "trygg_yaml_reader_load.yaml";
    const std::string text = "# comment stays in the text\nseed: 42\n";
    std::ofstream(file) << text;
    const YamlDocument doc = YamlDocument::load(file);
    EXPECT_EQ(doc.text(), text);
    EXPECT_EQ(doc.path(), file);
    EXPECT_EQ(doc.root().integer("seed", Range::at_least(0)), 42);
    EXPECT_EQ(doc.root().file(), file.string());
    std::filesystem::remove(file);
}

TEST(YamlDocument, ParseKeepsTextAndLabel) {
    const YamlDocument doc = YamlDocument::parse("a: 1\n", "scenario text");
    EXPECT_EQ(doc.text(), "a: 1\n");
    EXPECT_EQ(doc.path(), std::filesystem::path("scenario text"));
    EXPECT_EQ(doc.root().file(), "scenario text");
}

TEST(YamlDocument, UnclosedBracketPointsAtItsLine) {
    // yaml-cpp notices only at the end of the file (line 4); the bracket is on line 3.
    const ConfigError e = error_from([] { root_of("a: 1\nb: 2\nc: [1, 2\n"); });
    expect_error(e, kFile, 3, "", "invalid YAML: '[' is never closed");
    const ConfigError later = error_from([] { root_of("a: 1\nb: 2\nc: [1, 2\nd: 4\ne: 5\n"); });
    EXPECT_EQ(later.line(), 3);
    const ConfigError brace = error_from([] { root_of("a: 1\nb: '[x'\nc: {x: 1\n\n"); });
    expect_error(brace, kFile, 3, "", "'{' is never closed");
}

TEST(YamlDocument, SyntaxErrorLine) {
    const ConfigError e = error_from([] { root_of("a: 1\nb: 2\n  c: 3\n"); });
    expect_error(e, kFile, 3, "", "invalid YAML: ");
    const ConfigError tab = error_from([] { root_of("a: 1\n\tb: 2\n"); });
    expect_error(tab, kFile, 2, "", "invalid YAML: ");
}

TEST(YamlDocument, TopLevelMustBeAMapping) {
    expect_error(error_from([] { root_of("- 1\n- 2\n"); }), kFile, 1, "",
                 "expected a mapping at the top level, got a sequence");
    expect_error(error_from([] { root_of(""); }), kFile, 0, "", "expected a mapping at the top level");
    expect_error(error_from([] { root_of("# only a comment\n"); }), kFile, 0, "",
                 "expected a mapping at the top level");
    expect_error(error_from([] { root_of("just text\n"); }), kFile, 1, "",
                 "expected a mapping at the top level, got 'just text'");
}

TEST(YamlDocument, MoreThanOneDocumentIsAnError) {
    expect_error(error_from([] { root_of("a: 1\n---\nb: 2\n"); }), kFile, 2, "",
                 "expected a single YAML document, but a second one starts here");
}

TEST(YamlDocument, StrayCommaIsASyntaxErrorNotAHang) {
    // yaml-cpp 0.7's LoadAll loops forever on this input.
    expect_error(error_from([] { root_of(",seed: 1\n"); }), kFile, 1, "", "invalid YAML: unexpected ','");
    expect_error(error_from([] { root_of("a: 1\n...\n,\n"); }), kFile, 3, "", "invalid YAML: unexpected ','");
}

TEST(YamlDocument, DuplicateKeyIsAnError) {
    expect_error(error_from([] { root_of("seed: 1\nweeks: 2\nseed: 3\n"); }), kFile, 3, "seed",
                 "duplicate key (first given on line 1)");
    // In a nested map it is found when the map is opened.
    const ConfigMap root = root_of("geo:\n  x: 1\n  x: 2\n");
    expect_error(error_from([&] { root.map("geo"); }), kFile, 3, "geo.x", "duplicate key");
}

TEST(YamlDocument, RootIsSharedBetweenCalls) {
    const YamlDocument doc = YamlDocument::parse("a: 1\n", kFile);
    EXPECT_EQ(doc.root().number("a"), 1.0);
    EXPECT_NO_THROW(doc.root().finish());
}

// ---- required values ----

TEST(ConfigMap, ReadsTypedValues) {
    const ConfigMap root = root_of(
        "cell_size_m: 250\n"
        "share: 0.25\n"
        "neg: -1.5e2\n"
        "plus: +3\n"
        "count: 12\n"
        "enabled: true\n"
        "off: False\n"
        "name: Stockholm\n"
        "code: 0180\n"
        "quoted: \"2081R013\"\n"
        "start: 2024-03-04\n"
        "weights: [0.5, 1, 2e-1]\n"
        "names:\n  - Skarpnäck\n  - Farsta\n");
    EXPECT_EQ(root.number("cell_size_m", {1, 10000}), 250.0);
    EXPECT_EQ(root.number("share", Range::unit()), 0.25);
    EXPECT_EQ(root.number("neg"), -150.0);
    EXPECT_EQ(root.number("plus"), 3.0);
    EXPECT_EQ(root.integer("count", {0, 100}), 12);
    EXPECT_TRUE(root.boolean("enabled"));
    EXPECT_FALSE(root.boolean("off"));
    EXPECT_EQ(root.string("name"), "Stockholm");
    EXPECT_EQ(root.string("code"), "0180");  // a number is accepted as its text, as written
    EXPECT_EQ(root.string("quoted"), "2081R013");
    EXPECT_EQ(root.date("start"), "2024-03-04");
    EXPECT_EQ(root.numbers("weights", Range::unit()), (std::vector<double>{0.5, 1.0, 0.2}));
    EXPECT_EQ(root.strings("names"), (std::vector<std::string>{"Skarpnäck", "Farsta"}));
    EXPECT_NO_THROW(root.finish());
}

TEST(ConfigMap, MissingRequiredKey) {
    const ConfigMap root = root_of("seed: 1\ngeography:\n  crs: EPSG:3006\n");
    const ConfigMap geo = root.map("geography");
    expect_error(error_from([&] { geo.number("cell_size_m"); }), kFile, 3, "geography.cell_size_m",
                 "missing required key");
    expect_error(error_from([&] { root.string("name"); }), kFile, 1, "name", "missing required key");
}

TEST(ConfigMap, MissingKeyPointsAtALikelyMisspelling) {
    const ConfigMap root = root_of("seed: 1\ncolective_efficacy: 0.4\n");
    const ConfigError e = error_from([&] { root.number("collective_efficacy"); });
    expect_error(e, kFile, 1, "collective_efficacy",
                 "missing required key (is 'colective_efficacy' on line 2 a misspelling?)");
}

TEST(ConfigMap, StringWhereNumberExpected) {
    const ConfigMap root = root_of("a: 1\ncell_size_m: abc\n");
    expect_error(error_from([&] {
                     root.number("cell_size_m", {1, 1000});
                 }),
                 kFile, 2, "cell_size_m", "expected a number, got 'abc'");
}

TEST(ConfigMap, QuotedNumberIsAString) {
    const ConfigMap root = root_of("share: \"0.5\"\n");
    expect_error(error_from([&] { root.number("share"); }), kFile, 1, "share",
                 "expected a number, got the string '0.5'");
}

TEST(ConfigMap, NullIsNotADefault) {
    const ConfigMap root = root_of("a: 1\nshare:\nweeks: 4\n");
    expect_error(error_from([&] { root.number("share", Range::unit()); }), kFile, 2, "share",
                 "expected a number, got nothing (null)");
    // Present-but-null is an error for the optional form too, not "absent".
    expect_error(error_from([&] { root.optional_number("share", Range::unit()); }), kFile, 2, "share",
                 "expected a number");
}

TEST(ConfigMap, InfinityAndNanAreNotNumbers) {
    const ConfigMap root = root_of("a: .inf\nb: nan\nc: 1e999\n");
    EXPECT_THAT(error_from([&] { root.number("a"); }).what(), HasSubstr("expected a number"));
    EXPECT_THAT(error_from([&] { root.number("b"); }).what(), HasSubstr("expected a number"));
    EXPECT_THAT(error_from([&] { root.number("c"); }).what(), HasSubstr("expected a number"));
}

TEST(ConfigMap, FloatWhereIntegerExpected) {
    const ConfigMap root = root_of("x: 0\nweeks: 2.5\nflag: true\nword: abc\n");
    expect_error(error_from([&] {
                     root.integer("weeks", {1, 52});
                 }),
                 kFile, 2, "weeks", "expected an integer, got '2.5'");
    expect_error(error_from([&] {
                     root.integer("flag", {0, 1});
                 }),
                 kFile, 3, "flag", "expected an integer, got 'true'");
    expect_error(error_from([&] { root.integer("word", {0, 1}); }), kFile, 4, "word", "expected an integer, got 'abc'");
}

TEST(ConfigMap, NumberWhereBooleanExpected) {
    const ConfigMap root = root_of("enabled: 1\nlegacy: yes\n");
    expect_error(error_from([&] { root.boolean("enabled"); }), kFile, 1, "enabled",
                 "expected a boolean (true or false), got '1'");
    // YAML 1.1 spellings are rejected rather than guessed.
    expect_error(error_from([&] { root.boolean("legacy"); }), kFile, 2, "legacy",
                 "expected a boolean (true or false), got 'yes'");
}

TEST(ConfigMap, WrongShapes) {
    const ConfigMap root = root_of(
        "name:\n  first: a\n"    // lines 1-2
        "geo: 5\n"               // line 3
        "weights: 0.5\n"         // line 4
        "villages: {a: 1}\n"     // line 5
        "start: 2023-02-29\n");  // line 6
    expect_error(error_from([&] { root.string("name"); }), kFile, 2, "name", "expected a string, got a mapping");
    expect_error(error_from([&] { root.map("geo"); }), kFile, 3, "geo", "expected a mapping, got '5'");
    expect_error(error_from([&] { root.numbers("weights", Range::unit()); }), kFile, 4, "weights",
                 "expected a sequence of numbers, got '0.5'");
    expect_error(error_from([&] { root.maps("villages"); }), kFile, 5, "villages",
                 "expected a sequence of mappings, got a mapping");
    expect_error(error_from([&] { root.date("start"); }), kFile, 6, "start",
                 "expected a date (YYYY-MM-DD), got '2023-02-29'");
}

TEST(ConfigMap, BadItemInASequenceNamesItsIndex) {
    const ConfigMap root = root_of("weights:\n  - 0.5\n  - lots\n  - 1\n");
    expect_error(error_from([&] { root.numbers("weights", Range::unit()); }), kFile, 3, "weights[1]",
                 "expected a number, got 'lots'");
    const ConfigMap flow = root_of("a: 1\nweights: [0.5, 1.5]\n");
    expect_error(error_from([&] { flow.numbers("weights", Range::unit()); }), kFile, 2, "weights[1]",
                 "value 1.5 is out of range [0, 1]");
}

// ---- ranges ----

TEST(ConfigMap, OutOfRangeAtBothEnds) {
    const ConfigMap root = root_of("low: -0.1\nhigh: 1.5\nweeks: 0\nmany: 53\n");
    expect_error(error_from([&] { root.number("low", Range::unit()); }), kFile, 1, "low",
                 "value -0.1 is out of range [0, 1]");
    expect_error(error_from([&] { root.number("high", Range::unit()); }), kFile, 2, "high",
                 "value 1.5 is out of range [0, 1]");
    expect_error(error_from([&] {
                     root.integer("weeks", {1, 52});
                 }),
                 kFile, 3, "weeks", "value 0 is out of range [1, 52]");
    expect_error(error_from([&] {
                     root.integer("many", {1, 52});
                 }),
                 kFile, 4, "many", "value 53 is out of range [1, 52]");
}

TEST(ConfigMap, BoundsAreInclusive) {
    const ConfigMap root = root_of("zero: 0\none: 1\nfirst: 1\nlast: 52\n");
    EXPECT_EQ(root.number("zero", Range::unit()), 0.0);
    EXPECT_EQ(root.number("one", Range::unit()), 1.0);
    EXPECT_EQ(root.integer("first", {1, 52}), 1);
    EXPECT_EQ(root.integer("last", {1, 52}), 52);
}

TEST(ConfigMap, OneSidedRangeIsShownOpen) {
    const ConfigMap root = root_of("size: -5\n");
    expect_error(error_from([&] { root.number("size", Range::at_least(0)); }), kFile, 1, "size",
                 "value -5 is out of range [0, inf)");
}

TEST(ConfigMap, ChoiceGivesTheIndexOfItsName) {
    constexpr std::array<std::string_view, 3> kMethods = {"grid", "morris", "sobol"};
    const ConfigMap root = root_of("method: sobol\nother: grid\n");
    EXPECT_EQ(root.choice("method", kMethods), 2u);
    EXPECT_EQ(root.optional_choice("other", kMethods), std::optional<std::size_t>(0));
    EXPECT_EQ(root.optional_choice("absent", kMethods), std::nullopt);
    root.finish();
}

TEST(ConfigMap, UnknownChoiceNamesTheListAndTheClosest) {
    constexpr std::array<std::string_view, 3> kMethods = {"grid", "morris", "sobol"};
    const ConfigMap root = root_of("method: gird\nnothing:\nlist: [grid]\n");
    expect_error(error_from([&] { root.choice("method", kMethods); }), kFile, 1, "method",
                 "unknown method 'gird', expected grid, morris or sobol (did you mean 'grid'?)");
    expect_error(error_from([&] { root.optional_choice("nothing", kMethods); }), kFile, 2, "nothing",
                 "expected a string, got nothing (null)");
    expect_error(error_from([&] { root.choice("list", kMethods); }), kFile, 3, "list",
                 "expected a string, got a sequence");
}

TEST(ConfigMap, ALongListOfChoicesIsLeftToTheSuggestion) {
    constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const ConfigMap root = root_of("day: frj\n");
    const ConfigError e = error_from([&] { root.choice("day", kDays); });
    expect_error(e, kFile, 1, "day", "unknown day 'frj' (did you mean 'fri'?)");
    EXPECT_THAT(e.what(), Not(HasSubstr("expected")));
}

TEST(ConfigMap, ChoicesGiveTheIndicesOfAListOfNames) {
    constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const ConfigMap root = root_of("days: [fri, mon]\nnone: []\nbad:\n  - sat\n  - frj\nword: fri\n");
    EXPECT_EQ(root.choices("days", kDays, "day"), (std::vector<std::size_t>{4, 0}));
    EXPECT_TRUE(root.choices("none", kDays, "day").empty());
    expect_error(error_from([&] { root.choices("bad", kDays, "day", ", expected mon … sun"); }), kFile, 5, "bad[1]",
                 "unknown day 'frj', expected mon … sun (did you mean 'fri'?)");
    expect_error(error_from([&] { root.choices("word", kDays, "day"); }), kFile, 6, "word",
                 "expected a sequence of strings, got 'fri'");
}

// ---- unknown keys ----

TEST(ConfigMap, UnknownKeyWithSuggestion) {
    const ConfigMap root = root_of("seed: 1\ncolective_efficacy: 0.4\n");
    root.integer("seed", Range::any());
    root.optional_number("collective_efficacy", Range::unit());
    expect_error(error_from([&] { root.finish(); }), kFile, 2, "colective_efficacy",
                 "unknown key 'colective_efficacy' (did you mean 'collective_efficacy'?)");
}

TEST(ConfigMap, UnknownKeyWithoutCloseCandidate) {
    const ConfigMap root = root_of("seed: 1\nweeks: 4\nbanana: 3\n");
    root.integer("seed", Range::any());
    root.integer("weeks", {1, 52});
    const ConfigError e = error_from([&] { root.finish(); });
    expect_error(e, kFile, 3, "banana", "unknown key 'banana'");
    EXPECT_THAT(e.what(), Not(HasSubstr("did you mean")));
}

TEST(ConfigMap, UnknownKeyReportsTheFirstInFileOrder) {
    const ConfigMap root = root_of("zeta: 1\nseed: 1\nalpha: 2\n");
    root.integer("seed", Range::any());
    expect_error(error_from([&] { root.finish(); }), kFile, 1, "zeta", "unknown key 'zeta'");
}

TEST(ConfigMap, UnknownKeyInNestedMap) {
    const ConfigMap root = root_of(
        "geography:\n"
        "  cell_size_m: 250\n"
        "  cel_size_m: 100\n");
    const ConfigMap geo = root.map("geography");
    geo.number("cell_size_m", {1, 1000});
    expect_error(error_from([&] { geo.finish(); }), kFile, 3, "geography.cel_size_m",
                 "unknown key 'cel_size_m' (did you mean 'cell_size_m'?)");
}

TEST(ConfigMap, UnknownKeyInSequenceItem) {
    const ConfigMap root = root_of(
        "villages:\n"          // 1
        "  - name: Tyresö\n"   // 2
        "    radius: 500\n"    // 3
        "  - name: Vaxholm\n"  // 4
        "    radius: 300\n"    // 5
        "    raduis: 200\n");  // 6
    const std::vector<ConfigMap> villages = root.maps("villages");
    ASSERT_EQ(villages.size(), 2u);
    for (const ConfigMap& v : villages) {
        v.string("name");
        v.number("radius", Range::at_least(0));
    }
    EXPECT_EQ(villages[1].path("radius"), "villages[1].radius");
    expect_error(error_from([&] { villages[1].finish(); }), kFile, 6, "villages[1].raduis",
                 "unknown key 'raduis' (did you mean 'radius'?)");
}

TEST(ConfigMap, MissingKeyInSequenceItem) {
    const ConfigMap root = root_of("villages:\n  - name: A\n  - name: B\n    lat: 59.3\n");
    const std::vector<ConfigMap> villages = root.maps("villages");
    expect_error(error_from([&] {
                     villages[0].number("lat", {-90, 90});
                 }),
                 kFile, 2, "villages[0].lat", "missing required key");
}

TEST(ConfigMap, ParentFinishChecksNestedMaps) {
    const ConfigMap root = root_of("geo:\n  cell: 1\n  extra: 2\n");
    root.map("geo").number("cell");
    // The child's finish() was never called; the parent's catches the leftover.
    expect_error(error_from([&] { root.finish(); }), kFile, 3, "geo.extra", "unknown key 'extra'");
}

TEST(ConfigMap, FinishPassesWhenEverythingIsConsumed) {
    const ConfigMap root = root_of(
        "seed: 7\n"
        "geography:\n  cell_size_m: 250\n"
        "villages:\n  - lat: 59.1\n"
        "optional_flag: false\n");
    root.integer("seed", Range::at_least(0));
    root.map("geography").number("cell_size_m", {1, 1000});
    for (const ConfigMap& v : root.maps("villages")) v.number("lat", {-90, 90});
    EXPECT_EQ(root.optional_boolean("optional_flag"), false);
    EXPECT_EQ(root.optional_integer("absent", {0, 1}), std::nullopt);
    EXPECT_NO_THROW(root.finish());
    EXPECT_NO_THROW(root.finish());  // repeatable
}

TEST(ConfigMap, CopiesShareTracking) {
    const ConfigMap root = root_of("a: 1\nb: 2\n");
    const ConfigMap copy = root;
    copy.number("a");  // consumed through the copy...
    root.number("b");
    EXPECT_NO_THROW(root.finish());  // ...is consumed for the original too
}

TEST(ConfigMap, RepeatedMapCallsShareState) {
    const ConfigMap root = root_of("geo:\n  a: 1\n");
    root.map("geo").number("a");
    EXPECT_NO_THROW(root.map("geo").finish());
}

TEST(ConfigMap, HasMarksKnownButDoesNotConsume) {
    const ConfigMap root = root_of("mode: fast\nmdoe: slow\n");
    EXPECT_TRUE(root.has("mode"));
    EXPECT_FALSE(root.has("absent"));
    // "mode" was looked at but not read: reported without a pointless self-suggestion.
    const ConfigError e = error_from([&] { root.finish(); });
    expect_error(e, kFile, 1, "mode", "key 'mode' is not used here");
    root.string("mode");
    // Now the typo is the leftover, and "mode" is a candidate for it.
    expect_error(error_from([&] { root.finish(); }), kFile, 2, "mdoe", "unknown key 'mdoe' (did you mean 'mode'?)");
}

// ---- optional values ----

TEST(ConfigMap, OptionalValues) {
    const ConfigMap root = root_of("share: 0.5\nweeks: 3\nname: x\nflag: true\nstart: 2024-01-01\nsub:\n  k: 1\n");
    EXPECT_EQ(root.optional_number("share", Range::unit()), 0.5);
    EXPECT_EQ(root.optional_integer("weeks", {1, 52}), 3);
    EXPECT_EQ(root.optional_string("name"), "x");
    EXPECT_EQ(root.optional_boolean("flag"), true);
    EXPECT_EQ(root.optional_date("start"), "2024-01-01");
    const std::optional<ConfigMap> sub = root.optional_map("sub");
    ASSERT_TRUE(sub.has_value());
    EXPECT_EQ(sub->number("k"), 1.0);
    EXPECT_EQ(root.optional_number("nope", Range::unit()), std::nullopt);
    EXPECT_EQ(root.optional_string("nope"), std::nullopt);
    EXPECT_FALSE(root.optional_map("nope").has_value());
    EXPECT_NO_THROW(root.finish());
}

TEST(ConfigMap, OptionalValueIsStillChecked) {
    const ConfigMap root = root_of("share: 2\n");
    expect_error(error_from([&] { root.optional_number("share", Range::unit()); }), kFile, 1, "share",
                 "value 2 is out of range [0, 1]");
}

// ---- keys, paths, lines, fail ----

TEST(ConfigMap, KeysPreserveFileOrder) {
    const ConfigMap root = root_of("districts:\n  2081R013: {}\n  0180A: {}\n  1280X: {}\n");
    const ConfigMap districts = root.map("districts");
    EXPECT_EQ(districts.keys(), (std::vector<std::string>{"2081R013", "0180A", "1280X"}));
    // keys() consumes nothing.
    expect_error(error_from([&] { districts.finish(); }), kFile, 2, "districts.2081R013", "unknown key '2081R013'");
}

TEST(ConfigMap, PathsAndLines) {
    const ConfigMap root = root_of("a: 1\ndistricts:\n  2081R013:\n    name: Borlänge\n");
    const ConfigMap district = root.map("districts").map("2081R013");
    EXPECT_EQ(district.path("name"), "districts.2081R013.name");
    EXPECT_EQ(district.path(""), "districts.2081R013");
    EXPECT_EQ(district.line("name"), 4);
    EXPECT_EQ(district.line("absent"), 4);  // the mapping starts at its first key
    EXPECT_EQ(root.line("a"), 1);
    EXPECT_EQ(district.file(), kFile);
}

TEST(ConfigMap, FailReportsAtTheValue) {
    const ConfigMap root = root_of("seed: 1\ndistrict: Atlantis\n");
    expect_error(error_from([&] { root.fail("district", "no such district"); }), kFile, 2, "district",
                 "no such district");
    expect_error(error_from([&] { root.fail("absent", "needed when x is set"); }), kFile, 1, "absent",
                 "needed when x is set");
}

TEST(ConfigMap, FailItemReportsAtTheItem) {
    const ConfigMap root = root_of("places:\n  - Slussen\n  - Atlantis\n");
    const std::vector<std::string> places = root.strings("places");
    expect_error(error_from([&] { root.fail_item("places", 1, "unknown place 'Atlantis'"); }), kFile, 3, "places[1]",
                 "unknown place 'Atlantis'");
}

TEST(ConfigMap, LongValuesAreCutInMessages) {
    const ConfigMap root = root_of("a: " + std::string(200, 'x') + "\nb: |\n  line one\n  line two\n");
    const ConfigError long_one = error_from([&] { root.number("a"); });
    EXPECT_THAT(long_one.what(), HasSubstr("...'"));
    EXPECT_LT(std::string(long_one.what()).size(), 120u);
    const ConfigError multi = error_from([&] { root.number("b"); });
    EXPECT_THAT(multi.what(), HasSubstr("got the string 'line one...'"));
    EXPECT_THAT(multi.what(), Not(HasSubstr("\n")));
}

TEST(ConfigMap, ControlCharactersInKeysAreEscaped) {
    const ConfigMap root = root_of("\"a\\nb\": 1\n");
    expect_error(error_from([&] { root.finish(); }), kFile, 1, "a\\nb", "unknown key 'a\\nb'");
}

}  // namespace
}  // namespace trygg
