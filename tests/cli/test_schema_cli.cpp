// `trygg schema KIND`: the JSON Schema of each file kind, for editors.
#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

namespace trygg::testing {
namespace {

using ::testing::HasSubstr;

class SchemaCli : public TryggCli {};

TEST_F(SchemaCli, PrintsTheCommittedSchemaOfEachKindAsJson) {
    for (const std::string kind : {"city", "scenario", "experiment", "study"}) {
        const Outcome o = trygg("schema " + kind);
        ASSERT_EQ(o.status, 0) << kind << ": " << o.err;
        EXPECT_TRUE(o.err.empty()) << o.err;
        const auto schema = nlohmann::json::parse(o.out);  // throws on anything but JSON
        EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        EXPECT_EQ(schema["title"], "trygg " + kind + " file");
        EXPECT_EQ(o.out, read_text(source_path("schemas/" + kind + ".schema.json"))) << kind;
    }
    EXPECT_TRUE(written().empty());
}

TEST_F(SchemaCli, AScenarioSchemaKnowsTheInterventionKeys) {
    const auto schema = nlohmann::json::parse(trygg("schema scenario").out);
    const auto& item = schema["properties"]["interventions"]["items"];
    EXPECT_EQ(item["additionalProperties"], false);
    EXPECT_EQ(item["properties"]["intensity"]["maximum"], 1);
    EXPECT_EQ(item["properties"]["units"]["type"], "integer");
}

TEST_F(SchemaCli, RecordsAfreshFromASourceTree) {
    const Outcome o = trygg("schema experiment --record " + quoted(TRYGG_SOURCE_DIR));
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(o.out, read_text(source_path("schemas/experiment.schema.json")));
}

TEST_F(SchemaCli, UnknownKindSuggestsTheClosest) {
    expect_bad_input(trygg("schema scenaro"), {"unknown file kind 'scenaro'", "did you mean 'scenario'?",
                                               "city, scenario, experiment or study"});
}

TEST_F(SchemaCli, KindIsRequired) {
    expect_bad_input(trygg("schema"), {"which file kind?", "city, scenario, experiment or study"});
}

TEST_F(SchemaCli, RecordingNeedsASourceTree) {
    expect_bad_input(trygg("schema city --record ."), {"expected trygg's source tree"});
}

TEST_F(SchemaCli, HelpShowsHowToUseIt) {
    const Outcome o = trygg("help schema");
    EXPECT_EQ(o.status, 0);
    EXPECT_THAT(o.out, HasSubstr("trygg schema city|scenario|experiment|study"));
    EXPECT_THAT(o.out, HasSubstr("docs/scenarios.md"));
    EXPECT_THAT(trygg("--help").out, HasSubstr("schema"));
}

}  // namespace
}  // namespace trygg::testing
