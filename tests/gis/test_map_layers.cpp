// A run's maps as layers (gis/map_layers.hpp), on a hand-made run: which cells become
// features, what the districts carry, and what stops an export of another city's run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "experiment/synthetic_runs.hpp"
#include "gis/map_layers.hpp"

#include <algorithm>
#include <cmath>

namespace trygg::testing {
namespace {

using ::testing::HasSubstr;

RunFile run_of(const SyntheticRun& s) {
    return {s.provenance, s.grid, s.districts, s.results};
}

Shape square(double x, double y, double side) {
    return {Polygon{{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}}, {}}};
}

// District 2081R001 is two DeSOs side by side, 2081R013 one; a third DeSO belongs to no
// district of the run.
std::vector<DesoSpec> desos() {
    return {{"2081C0001", "2081R001", 100, square(0, 0, 100)},
            {"2081C0002", "2081R001", 100, square(100, 0, 100)},
            {"2081C0003", "2081R013", 100, square(0, 100, 200)},
            {"2081C0004", "2081R099", 100, square(0, 300, 200)}};
}

const LayerField& field(const FeatureLayer& layer, const std::string& name) {
    const auto it =
        std::find_if(layer.fields.begin(), layer.fields.end(), [&](const auto& f) { return f.name == name; });
    if (it == layer.fields.end()) throw std::runtime_error("no field " + name);
    return *it;
}

std::vector<std::string> field_names(const FeatureLayer& layer) {
    std::vector<std::string> names;
    for (const auto& f : layer.fields) names.push_back(f.name);
    return names;
}

TEST(MapLayers, EachDistrictGathersItsDesosAndCarriesItsOutcomesWithIntervals) {
    SyntheticRun s = synthetic_run("base", 2, 13);
    s.results.crimes_true[s.weekly(0, 0, 1, 0)] = 10;
    const FeatureLayer layer = district_layer(run_of(s), desos(), "areas.geojson");
    EXPECT_EQ(layer.name, "districts");
    ASSERT_EQ(layer.shapes.size(), 2u);
    EXPECT_EQ(layer.shapes[0].size(), 2u) << "both DeSOs of 2081R001";
    EXPECT_EQ(layer.shapes[1].size(), 1u);
    EXPECT_TRUE(layer.dissolve);
    EXPECT_EQ(field(layer, "code").texts, (std::vector<std::string>{"2081R001", "2081R013"}));
    EXPECT_EQ(field(layer, "name").texts[1], "Tjärna Ängar");
    EXPECT_EQ(*field(layer, "population").numbers[0], 5000);
    // 10 crimes in one of two replicates' quarter: 40 and 0 a year per 4,000: mean 5 per 1,000.
    EXPECT_DOUBLE_EQ(*field(layer, "crimes_per_1000").numbers[1], 5.0);
    EXPECT_TRUE(field(layer, "crimes_per_1000_high").numbers[1]);
    const auto names = field_names(layer);
    for (const std::string expected : {"burglary_per_1000_low", "resident_victims_per_1000", "risk_score_high",
                                       "risk_listed_share", "unsafe_share", "risk_class", "risk_class_name"}) {
        EXPECT_THAT(names, ::testing::Contains(expected));
    }
    EXPECT_THAT(names, ::testing::Not(::testing::Contains("risk_listed_share_low"))) << "a share of replicates";
    EXPECT_EQ(field(layer, "risk_class_name").texts[0], "none");
}

TEST(MapLayers, ADistrictWithoutPolygonsIsBadInputNamingTheAreasAndTheDistrict) {
    SyntheticRun s = synthetic_run("base", 1);
    s.districts.codes[1] = "2081R055";
    try {
        district_layer(run_of(s), desos(), "city.yaml (its areas_file)");
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("city.yaml (its areas_file)"));
        EXPECT_THAT(e.what(), HasSubstr("2081R055 (Tjärna Ängar)"));
    }
}

TEST(MapLayers, HotspotCellsAreThoseHotInAnyWeekOfAnyReplicateWithTheirMeanWeeks) {
    SyntheticRun s = synthetic_run("base", 2, 10, 4, 5);
    const auto at = [&](int rep, int y, int x) { return static_cast<std::size_t>((rep * 4 + y) * 5 + x); };
    s.results.hotspots_true[at(0, 1, 2)] = 4;  // hot in replicate 0 only
    s.results.hotspots_est[at(1, 3, 0)] = 2;   // only in the EST picture
    s.results.crimes_cells[s.cell(0, 0, 1, 2)] = 6;
    s.results.crimes_cells[s.cell(1, 1, 1, 2)] = 2;
    const FeatureLayer layer = hotspot_cell_layer(run_of(s));
    ASSERT_EQ(layer.shapes.size(), 2u);
    EXPECT_EQ(field(layer, "column").numbers[0], 2);
    EXPECT_EQ(field(layer, "row").numbers[0], 1);
    EXPECT_DOUBLE_EQ(*field(layer, "hotspot_weeks_true").numbers[0], 2.0);
    EXPECT_DOUBLE_EQ(*field(layer, "hotspot_share_true").numbers[0], 0.2);
    EXPECT_DOUBLE_EQ(*field(layer, "crimes").numbers[0], 4.0) << "(6 + 2) / 2 replicates";
    EXPECT_DOUBLE_EQ(*field(layer, "hotspot_weeks_est").numbers[1], 1.0);
    EXPECT_EQ(field(layer, "district").texts[1], "Centrum");
    // The cell's square: centre (x0 + 2·100, y0 + 1·100), 100 m sides, counter-clockwise.
    const Ring& ring = layer.shapes[0].front().outer;
    ASSERT_EQ(ring.size(), 4u);
    EXPECT_DOUBLE_EQ(ring[0].x, s.grid.x0 + 150.0);
    EXPECT_DOUBLE_EQ(ring[0].y, s.grid.y0 + 50.0);
    EXPECT_DOUBLE_EQ(ring[2].x, s.grid.x0 + 250.0);
    EXPECT_DOUBLE_EQ(ring[2].y, s.grid.y0 + 150.0);
    EXPECT_GT((ring[1].x - ring[0].x) * (ring[2].y - ring[1].y), 0.0) << "counter-clockwise";
}

TEST(MapLayers, InterventionCellsAreTheTreatedOnes) {
    SyntheticRun s = synthetic_run("base", 1, 2, 3, 3);
    s.results.treated[4] = 1;
    s.results.treated[8] = 1;
    const FeatureLayer layer = intervention_cell_layer(run_of(s));
    ASSERT_EQ(layer.shapes.size(), 2u);
    EXPECT_EQ(field(layer, "column").numbers[1], 2);
    EXPECT_EQ(field(layer, "row").numbers[1], 2);
}

TEST(MapLayers, RastersAreMeansOverReplicatesWithNoDataOutsideTheDistricts) {
    SyntheticRun s = synthetic_run("base", 2, 2, 2, 3);
    s.grid.district[5] = -1;
    s.results.crimes_cells[s.cell(0, 1, 0, 1)] = 3;
    s.results.crimes_cells[s.cell(1, 1, 0, 1)] = 5;
    s.results.crimes_cells[s.cell(1, 0, 0, 1)] = 2;
    s.results.hotspots_true[1] = 2;
    const auto rasters = run_rasters(run_of(s));
    ASSERT_EQ(rasters.size(), 2u);
    EXPECT_EQ(rasters[0].name, "crimes");
    ASSERT_EQ(rasters[0].bands.size(), 3u) << "all types, then each";
    EXPECT_FLOAT_EQ(rasters[0].bands[0].values[1], 5.0f);
    EXPECT_FLOAT_EQ(rasters[0].bands[1].values[1], 1.0f);
    EXPECT_FLOAT_EQ(rasters[0].bands[2].values[1], 4.0f);
    EXPECT_EQ(rasters[0].bands[2].name, "robbery");
    EXPECT_TRUE(std::isnan(rasters[0].bands[0].values[5]));
    EXPECT_EQ(rasters[1].name, "hotspot_frequency");
    EXPECT_FLOAT_EQ(rasters[1].bands[0].values[1], 1.0f);
}

}  // namespace
}  // namespace trygg::testing
