// The report layer without a browser: the map's geometry is where the grid says (EPSG:3006 →
// WGS 84, rings wound as Vega draws them), the run's own city config finds the DeSO polygons,
// the replicate statistics, and the page: every section in order, what a run lacks said by a
// reason, and data that cannot break out of its <script> element.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experiment/ranking.hpp"
#include "experiment/synthetic_runs.hpp"
#include "fixtures.hpp"
#include "io/projection.hpp"
#include "report/district_geometry.hpp"
#include "report/report_document.hpp"
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const fs::path kSource = TRYGG_SOURCE_DIR;

// Twice the signed area of a GeoJSON ring in the (longitude, latitude) plane: > 0 counter-clockwise.
double signed_area2(const Json& ring) {
    double a = 0.0;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        a += (ring[i - 1][0].get<double>() - ring[i][0].get<double>()) *
             (ring[i - 1][1].get<double>() + ring[i][1].get<double>());
    }
    return a;
}

GridDescription borlange_grid() {
    // The shipped city's grid: 338 × 380 cells of 100 m, SWEREF99 TM.
    GridDescription grid;
    grid.nx = 338;
    grid.ny = 380;
    grid.x0 = 503'050.0;
    grid.y0 = 6'682'050.0;
    grid.cell_size = 100.0;
    return grid;
}

TEST(ReportGeometry, HotspotCellsAreTheGridsCellsInWgs84) {
    GridDescription grid = borlange_grid();
    std::vector<double> values(static_cast<std::size_t>(grid.nx * grid.ny), 0.0);
    values[static_cast<std::size_t>(201 * grid.nx + 187)] = 0.25;
    values[static_cast<std::size_t>(5 * grid.nx + 3)] = 0.0004;  // under a thousandth: not drawn
    const HotspotRaster r = hotspot_raster(grid, values);
    EXPECT_EQ(r.cells, (std::vector<std::int32_t>{187, 201, 250}));
    EXPECT_EQ(r.control_columns, 35);  // corners 0 … 338, every 10th, and one beyond
    EXPECT_EQ(r.control_rows, 39);
    // Every corner the page interpolates is within 1e-6 degrees (about 5 cm) of PROJ's own answer.
    const Projection to_wgs84("EPSG:3006", "OGC:CRS84");
    for (const auto& [i, j] : {std::pair{0, 0}, std::pair{187, 201}, std::pair{188, 202}, std::pair{337, 379},
                               std::pair{338, 380}, std::pair{55, 333}}) {
        const Point exact = to_wgs84(grid.x0 + (i - 0.5) * grid.cell_size, grid.y0 + (j - 0.5) * grid.cell_size);
        const Point page = raster_corner(r, i, j);
        EXPECT_NEAR(page.x, exact.x, 1e-6) << i << "," << j;
        EXPECT_NEAR(page.y, exact.y, 1e-6) << i << "," << j;
    }
    // Cell (187, 201) is 100 m on a side: 0.000898 degrees of latitude, and of longitude
    // 100 m / (111.32 km · cos φ) at its latitude.
    const Point sw = raster_corner(r, 187, 201), nw = raster_corner(r, 187, 202), se = raster_corner(r, 188, 201);
    EXPECT_NEAR(nw.y - sw.y, 100.0 / 111'320.0, 2e-6);
    EXPECT_NEAR(se.x - sw.x, 100.0 / (111'320.0 * std::cos(sw.y * M_PI / 180.0)), 2e-5);
    // Borlänge's centre (60.4833 N, 15.4333 E) lies in the cell the grid puts it in.
    const Point centre = Projection("OGC:CRS84", "EPSG:3006")(15.4333, 60.4833);
    const double i = (centre.x - grid.x0) / grid.cell_size + 0.5, j = (centre.y - grid.y0) / grid.cell_size + 0.5;
    const Point back = raster_corner(r, i, j);
    EXPECT_NEAR(back.x, 15.4333, 1e-6);
    EXPECT_NEAR(back.y, 60.4833, 1e-6);
}

TEST(ReportGeometry, TheRasterAsThePagesJson) {
    GridDescription grid = borlange_grid();
    grid.nx = 2;
    grid.ny = 1;
    const Json j = raster_json(hotspot_raster(grid, {0.0, 1.0}));
    EXPECT_EQ(j["step"], kRasterControlStep);
    EXPECT_EQ(j["columns"], 2);
    EXPECT_EQ(j["rows"], 2);
    EXPECT_EQ(j["lon"].size(), 4U);
    EXPECT_EQ(j["cells"], Json::array({1, 0, 1000}));
}

RunProvenance borlange_provenance() {
    RunProvenance p;
    p.city_file = (kSource / "configs" / "borlange.yaml").string();
    p.city_yaml = testing::read_text(p.city_file);
    return p;
}

TEST(ReportGeometry, TheRunsCityConfigGivesEveryDistrictItsPolygons) {
    const DistrictGeometry g = district_geometry(borlange_provenance());
    ASSERT_EQ(g.missing, "");
    ASSERT_GE(g.features.size(), 17U);
    std::set<std::string> districts;
    for (const Json& f : g.features) {
        districts.insert(f["properties"]["district"].get<std::string>());
        ASSERT_EQ(f["geometry"]["type"], "MultiPolygon");
        for (const Json& polygon : f["geometry"]["coordinates"]) {
            EXPECT_LT(signed_area2(polygon[0]), 0.0) << "exterior rings clockwise";
            for (std::size_t h = 1; h < polygon.size(); ++h) EXPECT_GT(signed_area2(polygon[h]), 0.0) << "holes";
            // Borlänge municipality: 15.0–15.8 E, 60.3–60.7 N.
            for (const Json& point : polygon[0]) {
                EXPECT_NEAR(point[0].get<double>(), 15.4, 0.4);
                EXPECT_NEAR(point[1].get<double>(), 60.5, 0.2);
            }
        }
    }
    EXPECT_EQ(districts.size(), 17U) << "SCB's 17 RegSO in Borlänge";
    EXPECT_TRUE(districts.count("2081R013")) << "Tjärna Ängar";
}

TEST(ReportGeometry, WithoutTheAreasFileTheReasonIsGiven) {
    RunProvenance p = borlange_provenance();
    p.city_file = "/nonexistent/borlange.yaml";
    EXPECT_EQ(district_geometry(p).missing, "areas_file_not_found");
    p.city_yaml = "name: test\n";
    EXPECT_EQ(district_geometry(p).missing, "no_areas_in_city");
    p.city_yaml = "geography: [unbalanced\n";
    EXPECT_EQ(district_geometry(p).missing, "no_areas_in_city");
    EXPECT_TRUE(district_geometry(p).features.empty());
}

TEST(ReportStats, QuantilesInterpolateBetweenOrderStatistics) {
    EXPECT_DOUBLE_EQ(quantile_of({4.0, 1.0, 3.0, 2.0}, 0.5), 2.5);
    EXPECT_DOUBLE_EQ(quantile_of({4.0, 1.0, 3.0, 2.0}, 0.025), 1.075);
    EXPECT_DOUBLE_EQ(quantile_of({4.0, 1.0, 3.0, 2.0}, 0.975), 3.925);
    EXPECT_DOUBLE_EQ(quantile_of({7.0}, 0.975), 7.0);
    EXPECT_DOUBLE_EQ(quantile_of({}, 0.5), 0.0);
}

TEST(ReportStats, RatesAndDates) {
    // 10 crimes in 26 weeks among 5,000 residents: 4 per 1,000 a model year of 52 weeks.
    EXPECT_DOUBLE_EQ(per_thousand_a_year(10.0, 5000.0, 26), 4.0);
    EXPECT_DOUBLE_EQ(per_thousand_a_year(10.0, 0.0, 26), 0.0);
    EXPECT_EQ(iso_date_plus("2025-01-06", 7), "2025-01-13");
    EXPECT_EQ(iso_date_plus("2024-12-30", 7), "2025-01-06");
    EXPECT_EQ(iso_date_plus("2024-02-26", 7), "2024-03-04") << "2024 is a leap year";
    EXPECT_EQ(iso_date_plus("today", 7), "");
}

ReportInput synthetic_input(bool with_strategy) {
    ReportInput input;
    testing::SyntheticRun base = testing::synthetic_run("baseline", 3);
    base.districts.names[0] = "</script><script>alert(1)</script>";
    for (int r = 0; r < 3; ++r) base.results.crimes_true[base.weekly(r, 1, 0, 0)] = 10 + r;
    input.base = {{"base.h5", "", base.provenance.scenario_file},
                  "base.h5",
                  {base.provenance, base.grid, base.districts, base.results}};
    if (with_strategy) {
        testing::SyntheticRun other = testing::synthetic_run("lighting", 3);
        other.districts = base.districts;
        ReportedStrategy s;
        s.run = {{"lighting.h5", "", other.provenance.scenario_file},
                 "lighting.h5",
                 {other.provenance, other.grid, other.districts, other.results}};
        s.comparison = compare_runs(base.compared(), other.compared());
        input.strategies.push_back(std::move(s));
    }
    return input;
}

TEST(ReportDocument, EverySectionInPageOrderAndWhatARunLacks) {
    const Json data = Json::parse(report_data_json(synthetic_input(false)));
    EXPECT_EQ(data["format"], "trygg-report/1");
    EXPECT_EQ(data["language"], "sv");
    std::vector<std::string> ids;
    for (const Json& s : data["sections"]) ids.push_back(s["id"].get<std::string>());
    EXPECT_EQ(ids, (std::vector<std::string>{"summary", "map", "trends", "effects", "areas", "cost", "ranking", "harm",
                                             "hotspots", "outlook", "youth", "provenance"}));
    for (const Json& s : data["sections"]) {
        const std::string id = s["id"].get<std::string>();
        if (id == "effects" || id == "areas" || id == "cost" || id == "ranking" || id == "harm" || id == "hotspots") {
            EXPECT_EQ(s["available"], false) << id;
            EXPECT_EQ(s["reason"], "no_comparison") << id;
        } else {
            EXPECT_EQ(s["available"], true) << id;
        }
    }
    // The trends hold the replicates' band: 10, 11, 12 crimes in week 1 of the first district.
    for (const Json& s : data["sections"]) {
        if (s["id"] != "trends") continue;
        EXPECT_EQ(s["period"], "week");
        const Json& week1 = s["districts"][1];
        EXPECT_EQ(week1["date"], "2025-01-13");
        EXPECT_DOUBLE_EQ(week1["mean"].get<double>(), 11.0);
        EXPECT_DOUBLE_EQ(week1["low"].get<double>(), 10.05);
        EXPECT_DOUBLE_EQ(week1["high"].get<double>(), 11.95);
    }
}

// The summary names the scenario by its file, not by the folder it happened to be run from
// (a path that means nothing to a steering group); the provenance keeps the whole path.
TEST(ReportDocument, TheSummaryNamesTheScenarioByItsFileName) {
    ReportInput input = synthetic_input(false);
    input.base.run.provenance.scenario_file = "/home/analyst/trygg/scenarios/baseline.yaml";
    const Json summary = summary_section(input);
    EXPECT_EQ(summary["scenario_name"], "baseline.yaml");
    EXPECT_EQ(summary["scenario_file"], "/home/analyst/trygg/scenarios/baseline.yaml");
}

// Over two years the trends go by quarter (13 weeks): 105 weeks are 9 quarters, the last of one week.
TEST(ReportDocument, LongRunsTrendByQuarter) {
    testing::SyntheticRun run = testing::synthetic_run("baseline", 2, 105);
    for (int w = 0; w < 105; ++w) run.results.crimes_true[run.weekly(0, w, 1, 1)] = 1;
    ReportInput input;
    input.base = {{"long.h5", "", ""}, "long.h5", {run.provenance, run.grid, run.districts, run.results}};
    const Json trends = trends_section(input);
    EXPECT_EQ(trends["period"], "quarter");
    const Json& city = trends["city"];
    ASSERT_EQ(city.size(), 9U);
    EXPECT_EQ(city[0]["date"], "2025-01-06");
    EXPECT_EQ(city[1]["date"], "2025-04-07") << "13 weeks on";
    EXPECT_DOUBLE_EQ(city[0]["mean"].get<double>(), 6.5) << "13 crimes in replicate 0, none in replicate 1";
    EXPECT_DOUBLE_EQ(city[8]["mean"].get<double>(), 0.5) << "the last quarter has one week";
}

TEST(ReportDocument, AStrategyBringsItsEffectsAreasAndCost) {
    const Json data = Json::parse(report_data_json(synthetic_input(true)));
    for (const Json& s : data["sections"]) {
        const std::string id = s["id"].get<std::string>();
        if (id == "ranking") {
            EXPECT_EQ(s["available"], false) << "one strategy is no ranking";
            EXPECT_EQ(s["reason"], "one_strategy");
            continue;
        }
        EXPECT_EQ(s["available"], true) << id;
        if (id == "effects") {
            ASSERT_FALSE(s["rows"].empty());
            EXPECT_EQ(s["rows"][0]["strategy"], "lighting");
            EXPECT_EQ(s["pairing"], "paired");
        }
    }
}

// Two strategies against one baseline, three replicates: A prevents 5 burglaries in week 0 of
// every replicate, B 2, in the same cell. Neither costs anything.
ReportInput two_strategies() {
    ReportInput input;
    testing::SyntheticRun base = testing::synthetic_run("baseline", 3);
    for (int r = 0; r < 3; ++r) {
        base.results.crimes_true[base.weekly(r, 0, 0, 0)] = 20 + r;
        base.results.crimes_cells[base.cell(r, 0, 2, 1)] = 20 + r;
    }
    input.base = {{"exp.h5", "baseline", base.provenance.scenario_file},
                  "exp.h5:baseline",
                  {base.provenance, base.grid, base.districts, base.results}};
    for (const auto& [name, prevented] : {std::pair{"a", 5}, std::pair{"b", 2}}) {
        testing::SyntheticRun other = testing::synthetic_run(name, 3);
        for (int r = 0; r < 3; ++r) {
            other.results.crimes_true[other.weekly(r, 0, 0, 0)] = 20 + r - prevented;
            other.results.crimes_cells[other.cell(r, 0, 2, 1)] = 20 + r - prevented;
        }
        ReportedStrategy s;
        s.run = {{"exp.h5", name, other.provenance.scenario_file},
                 std::string("exp.h5:") + name,
                 {other.provenance, other.grid, other.districts, other.results}};
        s.comparison = compare_runs(base.compared(), other.compared());
        input.strategies.push_back(std::move(s));
    }
    std::vector<const RunResults*> runs;
    std::vector<double> costs;
    for (const ReportedStrategy& s : input.strategies) {
        runs.push_back(&s.run.run.results);
        costs.push_back(s.comparison.harm.cost_pv_sek);
    }
    input.ranking = rank_compared(input.base.run.results, runs, costs, CompareOptions{});
    return input;
}

TEST(ReportRanking, RanksTwoStrategiesWithIntervalsAndTheProbabilityOfBeingBest) {
    const Json s = ranking_section(two_strategies());
    ASSERT_EQ(s["available"], true);
    EXPECT_EQ(s["pairing"], "paired");
    EXPECT_EQ(s["replicates"], 3);
    EXPECT_DOUBLE_EQ(s["discount_rate"].get<double>(), kDefaultDiscountRate);
    EXPECT_EQ(s["harm_unit"], default_harm_index().unit);
    ASSERT_EQ(s["criteria"].size(), 4U);
    const Json& crimes = s["criteria"][0];
    EXPECT_EQ(crimes["criterion"], "crimes_prevented");
    ASSERT_EQ(crimes["rows"].size(), 2U);
    const Json& a = crimes["rows"][0];
    const Json& b = crimes["rows"][1];
    EXPECT_EQ(a["strategy"], "a");
    EXPECT_EQ(a["rank"], 1);
    EXPECT_EQ(b["rank"], 2);
    EXPECT_DOUBLE_EQ(a["mean"].get<double>(), 5.0);
    EXPECT_DOUBLE_EQ(b["mean"].get<double>(), 2.0);
    // The same change in every replicate: no spread, the interval is the mean.
    EXPECT_DOUBLE_EQ(a["low"].get<double>(), 5.0);
    EXPECT_DOUBLE_EQ(a["high"].get<double>(), 5.0);
    EXPECT_DOUBLE_EQ(a["p_best_replicates"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(b["p_best_replicates"].get<double>(), 0.0);
    EXPECT_DOUBLE_EQ(a["p_best_bootstrap"].get<double>(), 1.0);
    // Harm at present value: 182 days a burglary (Brottsbalken 8:4), week 0 at its middle.
    const Json& harm = s["criteria"][1];
    EXPECT_EQ(harm["criterion"], "harm_prevented_pv");
    EXPECT_NEAR(harm["rows"][0]["mean"].get<double>(), 5 * 182 * std::pow(1.035, -3.5 / 365.0), 1e-9);
    // Per million kronor: neither costs anything, so neither is ranked.
    for (std::size_t c = 2; c < 4; ++c) {
        for (const Json& row : s["criteria"][c]["rows"]) {
            EXPECT_TRUE(row["rank"].is_null()) << s["criteria"][c]["criterion"];
            EXPECT_TRUE(row["mean"].is_null());
        }
    }
}

TEST(ReportRanking, NeedsTwoStrategies) {
    EXPECT_EQ(ranking_section(synthetic_input(false))["reason"], "no_comparison");
    EXPECT_EQ(ranking_section(synthetic_input(true))["reason"], "one_strategy");
}

TEST(ReportHarm, HarmPreventedAtPresentValueAndTheRateStated) {
    const Json s = harm_section(two_strategies());
    ASSERT_EQ(s["available"], true);
    EXPECT_DOUBLE_EQ(s["discount_rate"].get<double>(), 0.035);
    EXPECT_EQ(s["index"]["name"], default_harm_index().name);
    EXPECT_FALSE(s["index"]["source"].get<std::string>().empty());
    ASSERT_EQ(s["index"]["weights"].size(), 2U) << "the run's two crime types";
    EXPECT_EQ(s["index"]["weights"][0]["crime_type"], "burglary");
    ASSERT_EQ(s["rows"].size(), 2U);
    const Json& a = s["rows"][0];
    EXPECT_EQ(a["strategy"], "a");
    EXPECT_DOUBLE_EQ(a["harm"]["change"].get<double>(), -5.0 * 182) << "undiscounted";
    EXPECT_NEAR(a["harm_pv"]["change"].get<double>(), -5.0 * 182 * std::pow(1.035, -3.5 / 365.0), 1e-9);
    EXPECT_DOUBLE_EQ(a["cost_pv_sek"].get<double>(), 0.0);
    EXPECT_EQ(a["per_crime_pv"]["reading"], "no_cost");
    EXPECT_TRUE(a["per_harm_pv"]["value"].is_null());
    // By type: the burglaries only (no robbery in either run).
    ASSERT_EQ(s["by_type"].size(), 2U);
    EXPECT_EQ(s["by_type"][0]["key"], "burglary");
}

TEST(ReportHotspots, OnTheBaselinesYardstickWithTheRelativePictureBeside) {
    const Json s = hotspots_section(two_strategies());
    ASSERT_EQ(s["available"], true);
    ASSERT_EQ(s["rows"].size(), 2U);
    const Json& a = s["rows"][0];
    EXPECT_EQ(a["top_cells"], 1) << "the one cell with crime holds it all";
    EXPECT_DOUBLE_EQ(a["top_crime_share"].get<double>(), 0.5);
    const Json& e = a["estimates"];
    ASSERT_TRUE(e.contains("crime_share_in_baseline_top_cells"));
    EXPECT_DOUBLE_EQ(e["crime_share_in_baseline_top_cells"]["base"].get<double>(), 1.0);
    ASSERT_TRUE(e.contains("crimes_true_in_baseline_top_cells"));
    EXPECT_DOUBLE_EQ(e["crimes_true_in_baseline_top_cells"]["change"].get<double>(), -5.0);
    EXPECT_TRUE(e.contains("hotspot_cell_weeks")) << "the relative picture, shown beside";
    EXPECT_EQ(s["baseline_rule"], a["weekly"]);
    EXPECT_EQ(hotspots_section(synthetic_input(false))["reason"], "no_comparison");
}

TEST(ReportDocument, ThePageIsSelfContainedAndItsDataStaysInItsElement) {
    ReportInput input = synthetic_input(true);
    input.language = ReportLanguage::English;
    const std::string html = report_html(input);
    EXPECT_THAT(html, HasSubstr("<html lang=\"en\">"));
    EXPECT_THAT(html, HasSubstr("content=\"default-src 'none'; script-src 'unsafe-inline'"));
    EXPECT_THAT(html, Not(HasSubstr("{{"))) << "a placeholder left unfilled";
    EXPECT_THAT(html, Not(HasSubstr("<script>alert(1)"))) << "a district name closed the data element";
    EXPECT_THAT(html, HasSubstr("\\u003c/script>\\u003cscript>alert(1)"));
    EXPECT_THAT(html, HasSubstr("vega.expressionInterpreter = expression;")) << "the CSP-safe expression evaluator";
    EXPECT_THAT(html, Not(HasSubstr("<script src="))) << "every script inline";
}

}  // namespace
}  // namespace trygg
