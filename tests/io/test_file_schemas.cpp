#include "io/file_schemas.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "io/experiment_config.hpp"
#include "io/scenario_config.hpp"
#include "io/validation_config.hpp"

namespace trygg {
namespace {

const SchemaSources& sources() {
    static const SchemaSources s = schema_sources(TRYGG_SOURCE_DIR);
    return s;
}

// The committed schemas (what `trygg schema` prints) are exactly what the readers ask of the
// shipped files and examples now: a key a reader starts to read, a range it changes or a key
// it drops fails here until tools/schemas records them again.
TEST(FileSchemas, CommittedSchemasAreWhatTheReadersAsk) {
    const auto recorded = record_schemas(sources());
    for (std::size_t k = 0; k < kFileKindNames.size(); ++k) {
        const std::string file = "schemas/" + std::string(kFileKindNames[k]) + ".schema.json";
        const std::string committed = testing::read_text(testing::source_path(file));
        if (committed == recorded[k]) continue;
        // What changed, as a JSON patch from the committed schema to the recording.
        const auto patch = nlohmann::json::diff(nlohmann::json::parse(committed), nlohmann::json::parse(recorded[k]));
        ADD_FAILURE() << file << " is not what the readers ask for now: run tools/schemas and commit it. Changes: "
                      << patch.dump().substr(0, 2000);
    }
}

// Branches chosen by a value rather than by a key's presence are reached only if some
// source takes them: every intervention kind and `where` form, every sweep method and every
// finding statistic.
TEST(FileSchemas, SourcesReachEveryKindMethodAndStatistic) {
    const SchemaSources& s = sources();
    std::set<int> kinds;
    std::set<std::string> forms;
    for (const auto& f : s.scenarios) {
        for (const auto& item : load_scenario_config(f).interventions) {
            kinds.insert(static_cast<int>(item.item.kind));
            if (item.item.adaptive) forms.insert("adaptive");
            if (!item.district.empty()) forms.insert("district");
            if (!item.places.empty()) forms.insert("places");
            if (!item.polygon.empty()) forms.insert("polygon");
            if (!item.cells.empty()) forms.insert("cells");
        }
    }
    EXPECT_EQ(kinds.size(), static_cast<std::size_t>(kInterventionKinds));
    EXPECT_EQ(forms, (std::set<std::string>{"adaptive", "cells", "district", "places", "polygon"}));
    std::set<int> methods;
    for (const auto& f : s.experiments) {
        const ExperimentConfig e = load_experiment_config(f);
        if (!e.sweep_paths.empty()) methods.insert(static_cast<int>(e.design.method));
    }
    EXPECT_EQ(methods.size(), 4u);  // grid, Latin hypercube, Morris, Sobol'
    std::set<int> statistics;
    for (const auto& f : s.studies) {
        for (const auto& finding : load_study_config(f).findings)
            statistics.insert(static_cast<int>(finding.spec.statistic));
    }
    EXPECT_EQ(statistics.size(), 6u);  // every Statistic (experiment/validation.hpp)
}

TEST(FileSchemas, SourcesAreTheShippedFilesAndExamples) {
    const SchemaSources& s = sources();
    auto names = [](const std::vector<std::filesystem::path>& files) {
        std::set<std::string> out;
        for (const auto& f : files) out.insert(f.parent_path().filename().string() + "/" + f.filename().string());
        return out;
    };
    EXPECT_EQ(names(s.cities), std::set<std::string>{"configs/borlange.yaml"});
    EXPECT_TRUE(names(s.scenarios).count("scenarios/baseline.yaml"));
    EXPECT_TRUE(names(s.scenarios).count("scenarios/combined.yaml"));
    EXPECT_TRUE(names(s.scenarios).count("city/place_opening.yaml"));  // an example
    EXPECT_TRUE(names(s.experiments).count("experiments/demo.yaml"));
    EXPECT_TRUE(names(s.studies).count("validation/street_lighting.yaml"));
    EXPECT_FALSE(names(s.studies).count("scenarios/baseline.yaml"));
}

}  // namespace
}  // namespace trygg
