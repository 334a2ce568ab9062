#include "io/schema_recorder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <array>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/yaml_reader.hpp"

namespace trygg {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

// Records `read` over each text (parsed as doc0.yaml, doc1.yaml, …) and returns the schema.
Json recorded(const std::vector<std::string>& texts, const std::function<void(const ConfigMap&)>& read) {
    SchemaRecording recording;
    for (std::size_t k = 0; k < texts.size(); ++k) {
        const std::string label = "doc" + std::to_string(k) + ".yaml";
        recording.watch(label, FileKind::Scenario);
        const YamlDocument doc = YamlDocument::parse(texts[k], label);
        read(doc.root());
        doc.root().finish();
    }
    return Json::parse(recording.json(FileKind::Scenario));
}

TEST(SchemaRecorder, NumbersKeepTheirTypeAndRange) {
    const Json s = recorded({"share: 0.4\ncount: 3\nscale: -2\n"}, [](const ConfigMap& m) {
        (void)m.number("share", Range::unit());
        (void)m.integer("count", {1, 100});
        (void)m.number("scale");
    });
    EXPECT_EQ(s["$schema"], "http://json-schema.org/draft-07/schema#");
    EXPECT_EQ(s["properties"]["share"], (Json{{"type", "number"}, {"minimum", 0}, {"maximum", 1}}));
    EXPECT_EQ(s["properties"]["count"], (Json{{"type", "integer"}, {"minimum", 1}, {"maximum", 100}}));
    // An unbounded number has no bounds (infinite ones are not JSON).
    EXPECT_EQ(s["properties"]["scale"], (Json{{"type", "number"}}));
    EXPECT_EQ(s["additionalProperties"], false);
}

TEST(SchemaRecorder, RequiredOnlyWhenEveryMappingReadItWithARequiredGetter) {
    const Json s = recorded({"a: 1\nb: 2\nc: 3\n", "a: 1\nc: 3\n"}, [](const ConfigMap& m) {
        (void)m.number("a");
        if (m.has("b")) (void)m.number("b");  // probed: read in a branch only
        (void)m.optional_number("c", Range::any());
        (void)m.optional_number("d", Range::any());  // asked for, never given: still a key
    });
    EXPECT_EQ(s["required"], Json::array({"a"}));
    EXPECT_TRUE(s["properties"].contains("b"));
    EXPECT_TRUE(s["properties"].contains("d"));
}

TEST(SchemaRecorder, AKeyOneDocumentLacksIsOptional) {
    const Json s = recorded({"method: x\npoints: 5\n", "method: y\n"}, [](const ConfigMap& m) {
        if (m.string("method") == "x") (void)m.integer("points", {2, 10});
    });
    EXPECT_EQ(s["required"], Json::array({"method"}));
    EXPECT_EQ(s["properties"]["points"]["type"], "integer");
}

TEST(SchemaRecorder, RangesOfOneKeyReadInTwoPlacesAreJoined) {
    int calls = 0;
    const Json s = recorded({"x: 1\n", "x: 2\n"}, [&calls](const ConfigMap& m) {
        (void)m.number("x", calls++ == 0 ? Range{0, 5} : Range{-1, 2});
    });
    EXPECT_EQ(s["properties"]["x"], (Json{{"type", "number"}, {"minimum", -1}, {"maximum", 5}}));
}

TEST(SchemaRecorder, AKeyReadTwoWaysIsEitherOfThem) {
    const Json s = recorded({"where: adaptive\n", "where: {district: A}\n"}, [](const ConfigMap& m) {
        if (!m.holds_map("where")) {
            (void)m.string("where");
        } else {
            (void)m.map("where").string("district");
        }
    });
    ASSERT_TRUE(s["properties"]["where"].contains("anyOf"));
    const Json& any = s["properties"]["where"]["anyOf"];
    ASSERT_EQ(any.size(), 2u);
    EXPECT_EQ(any[0]["type"], Json::array({"string", "number", "boolean"}));
    EXPECT_EQ(any[1]["properties"]["district"]["type"], Json::array({"string", "number", "boolean"}));
    EXPECT_EQ(any[1]["additionalProperties"], false);
}

TEST(SchemaRecorder, AMappingKeyedByNamesTakesAnyNameWithOneShape) {
    const Json s =
        recorded({"districts:\n  A1: {name: a, share: 0.5}\n  B2: {name: b, share: 0.1}\n"}, [](const ConfigMap& m) {
            const ConfigMap d = m.map("districts");
            for (const auto& code : d.keys()) {
                (void)d.map(code).string("name");
                (void)d.map(code).number("share", Range::unit());
            }
        });
    const Json& districts = s["properties"]["districts"];
    EXPECT_FALSE(districts.contains("properties"));
    EXPECT_EQ(districts["additionalProperties"]["required"], Json::array({"name", "share"}));
    EXPECT_EQ(districts["additionalProperties"]["properties"]["share"]["maximum"], 1);
}

TEST(SchemaRecorder, SequencesOfMappingsTuplesDatesAndRawValues) {
    const Json s = recorded({"items: [{n: 1}, {n: 2, extra: true}]\npolygon: [[15.4, 60.5]]\nstart: 2025-01-06\n"
                             "overrides: {offending.search: 0.3}\n"},
                            [](const ConfigMap& m) {
                                for (const auto& item : m.maps("items")) {
                                    (void)item.integer("n", {0, 9});
                                    (void)item.optional_boolean("extra");
                                }
                                (void)m.number_tuples("polygon", 2, {Range{-180, 180}, Range{-90, 90}});
                                (void)m.date("start");
                                const ConfigMap o = m.map("overrides");
                                for (const auto& path : o.keys()) (void)o.raw(path);
                            });
    const Json& items = s["properties"]["items"];
    EXPECT_EQ(items["type"], "array");
    EXPECT_EQ(items["items"]["required"], Json::array({"n"}));
    EXPECT_EQ(items["items"]["properties"]["extra"]["type"], "boolean");
    const Json& vertex = s["properties"]["polygon"]["items"];
    EXPECT_EQ(vertex["minItems"], 2);
    EXPECT_EQ(vertex["maxItems"], 2);
    EXPECT_EQ(vertex["items"][1]["maximum"], 90);
    EXPECT_EQ(s["properties"]["start"]["pattern"], "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    // A parameter override's value is checked by the city reader: any value here.
    EXPECT_FALSE(s["properties"]["overrides"]["additionalProperties"].contains("type"));
}

TEST(SchemaRecorder, AChoiceIsAnEnumOfItsNames) {
    constexpr std::array<std::string_view, 2> kMethods = {"grid", "sobol"};
    constexpr std::array<std::string_view, 2> kMore = {"sobol", "morris"};
    int calls = 0;
    // Every name is chosen somewhere: a name no document chooses is an error (below).
    const Json s = recorded(
        {"method: grid\nlight: grid\n", "method: morris\n", "method: sobol\nlight: sobol\n"}, [&](const ConfigMap& m) {
            (void)m.choice("method", calls++ == 0 ? std::span<const std::string_view>(kMethods) : kMore);
            (void)m.optional_choice("light", kMethods);
        });
    EXPECT_EQ(s["properties"]["method"], (Json{{"enum", {"grid", "sobol", "morris"}}}));
    EXPECT_EQ(s["required"], Json::array({"method"}));
}

TEST(SchemaRecorder, AListOfChoicesIsAnArrayOfTheEnumAndNeedNotUseEveryName) {
    constexpr std::array<std::string_view, 3> kDays = {"mon", "tue", "wed"};
    const Json s = recorded({"days: [mon]\n"}, [&](const ConfigMap& m) { (void)m.choices("days", kDays, "day"); });
    EXPECT_EQ(s["properties"]["days"], (Json{{"type", "array"}, {"items", {{"enum", {"mon", "tue", "wed"}}}}}));
}

TEST(SchemaRecorder, TheFirstChoiceSaysWhichKeysGoWithEachName) {
    constexpr std::array<std::string_view, 3> kKinds = {"lighting", "patrols", "awareness"};
    const Json s = recorded({"items:\n  - {kind: lighting, intensity: 0.9}\n  - {kind: patrols, units: 2}\n"
                             "  - {kind: awareness}\n"},
                            [&](const ConfigMap& m) {
                                for (const auto& item : m.maps("items")) {
                                    const auto kind = item.choice("kind", kKinds);
                                    (void)item.optional_string("source");
                                    if (kind == 0) (void)item.number("intensity", Range::unit());
                                    if (kind == 1) (void)item.integer("units", {1, 9});
                                }
                            });
    const Json& item = s["properties"]["items"]["items"];
    EXPECT_EQ(item["required"], Json::array({"kind"}));
    const Json& variants = item["allOf"];
    ASSERT_EQ(variants.size(), 3u);
    EXPECT_EQ(variants[0]["if"], (Json{{"properties", {{"kind", {{"const", "lighting"}}}}}, {"required", {"kind"}}}));
    EXPECT_EQ(variants[0]["then"]["propertyNames"]["enum"], Json::array({"kind", "source", "intensity"}));
    EXPECT_EQ(variants[0]["then"]["required"], Json::array({"kind", "intensity"}));
    EXPECT_EQ(variants[1]["then"]["propertyNames"]["enum"], Json::array({"kind", "source", "units"}));
    EXPECT_EQ(variants[2]["then"]["propertyNames"]["enum"], Json::array({"kind", "source"}));
}

TEST(SchemaRecorder, AChoiceThatChangesNothingAddsNoVariants) {
    constexpr std::array<std::string_view, 2> kCorrections = {"fdr", "none"};
    const Json s =
        recorded({"correction: fdr\nalpha: 0.05\n", "correction: none\nalpha: 0.1\n"}, [&](const ConfigMap& m) {
            (void)m.choice("correction", kCorrections);
            (void)m.number("alpha", Range::unit());
        });
    EXPECT_FALSE(s.contains("allOf"));
}

TEST(SchemaRecorder, ANameNoDocumentChoseIsAnError) {
    constexpr std::array<std::string_view, 2> kCorrections = {"fdr", "none"};
    SchemaRecording recording;
    recording.watch("doc.yaml", FileKind::Scenario);
    const YamlDocument doc = YamlDocument::parse("lagesbild: {correction: fdr}\n", "doc.yaml");
    (void)doc.root().map("lagesbild").choice("correction", kCorrections);
    try {
        (void)recording.json(FileKind::Scenario);
        FAIL() << "expected a LogicError";
    } catch (const LogicError& e) {
        EXPECT_THAT(e.what(), HasSubstr("no document chooses 'none' for 'lagesbild.correction'"));
    }
}

TEST(SchemaRecorder, AMappingReadAlikeInTwoPlacesIsDefinedOnce) {
    const Json s = recorded({"summer: {first: 06-15, last: 08-15}\nwinter: {first: 12-20, last: 01-06}\n"
                             "other: {first: 01-01}\n"},
                            [](const ConfigMap& m) {
                                for (const std::string_view key : {"summer", "winter"}) {
                                    (void)m.map(key).string("first");
                                    (void)m.map(key).string("last");
                                }
                                (void)m.map("other").string("first");
                            });
    EXPECT_EQ(s["properties"]["summer"], (Json{{"$ref", "#/definitions/summer"}}));
    EXPECT_EQ(s["properties"]["winter"], (Json{{"$ref", "#/definitions/summer"}}));
    EXPECT_EQ(s["definitions"]["summer"]["required"], Json::array({"first", "last"}));
    // Read once, or read differently: written in place.
    EXPECT_EQ(s["properties"]["other"]["required"], Json::array({"first"}));
    EXPECT_EQ(s["definitions"].size(), 1u);
}

TEST(SchemaRecorder, AMappingNoDocumentReachedIsAnError) {
    SchemaRecording recording;
    recording.watch("doc.yaml", FileKind::Scenario);
    const YamlDocument doc = YamlDocument::parse("items: []\n", "doc.yaml");
    (void)doc.root().maps("items");
    try {
        (void)recording.json(FileKind::Scenario);
        FAIL() << "expected a LogicError";
    } catch (const LogicError& e) {
        EXPECT_THAT(e.what(), HasSubstr("'items[]': add an example that reaches it"));
    }
}

TEST(SchemaRecorder, AKeyOnlyProbedIsAnError) {
    SchemaRecording recording;
    recording.watch("doc.yaml", FileKind::Scenario);
    const YamlDocument doc = YamlDocument::parse("name: x\n", "doc.yaml");
    (void)doc.root().string("name");
    if (doc.root().has("open")) (void)doc.root().numbers("open", {0, 24});  // a branch no document reaches
    try {
        (void)recording.json(FileKind::Scenario);
        FAIL() << "expected a LogicError";
    } catch (const LogicError& e) {
        EXPECT_THAT(e.what(), HasSubstr("'open'"));
    }
}

TEST(SchemaRecorder, ReadsOnlyWatchedDocumentsAndOneRecordingAtATime) {
    SchemaRecording recording;
    EXPECT_THROW(SchemaRecording second, LogicError);
    const YamlDocument doc = YamlDocument::parse("a: 1\n", "other.yaml");
    (void)doc.root().number("a");
    EXPECT_THROW((void)recording.json(FileKind::Scenario), LogicError);
}

TEST(SchemaRecorder, FixedKeysAndNamesInOneMappingAreABug) {
    SchemaRecording recording;
    recording.watch("doc.yaml", FileKind::Scenario);
    const YamlDocument doc = YamlDocument::parse("a: 1\n", "doc.yaml");
    (void)doc.root().number("a");
    EXPECT_THROW((void)doc.root().keys(), LogicError);
}

TEST(SchemaRecorder, ReadersBehaveTheSameWithoutARecording) {
    const YamlDocument doc = YamlDocument::parse("a: 1\nwhere: {district: A}\n", "doc.yaml");
    EXPECT_EQ(doc.root().number("a"), 1.0);
    EXPECT_EQ(doc.root().map("where").given_keys(), std::vector<std::string>{"district"});
}

}  // namespace
}  // namespace trygg
