// The shipped Borlänge city, checked against its own data: rasterisation conserves area
// and population at 100 m and 250 m, and every place lands in the district the data say.
#include "fixtures.hpp"
#include "io/places_csv.hpp"
#include "population/synthesis.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

class BorlangeGrid : public ::testing::TestWithParam<double> {};

TEST_P(BorlangeGrid, CellsPerDesoMatchItsArea) {
    const City& city = borlange_city(GetParam());
    std::vector<int> cells(city.desos.size(), 0);
    for (auto d : city.cell_deso) {
        if (d >= 0) ++cells[static_cast<std::size_t>(d)];
    }
    for (std::size_t d = 0; d < city.desos.size(); ++d) {
        const auto& deso = city.desos[d];
        const double km2 = area(deso.shape) * 1e-6;
        // Only boundary cells can be wrong, each by at most one cell; a quarter of the
        // perimeter's cell count, plus one, bounds the net error generously.
        const double boundary_km2 = perimeter(deso.shape) / city.grid.cell_size / 4.0 * city.grid.cell_area_km2();
        EXPECT_NEAR(cells[d] * city.grid.cell_area_km2(), km2, boundary_km2 + city.grid.cell_area_km2()) << deso.code;
    }
}

TEST_P(BorlangeGrid, SyntheticResidentsPerDistrictEqualTheData) {
    const City& city = borlange_city(GetParam());
    const Population pop = synthesise_population(city, borlange_config().params.population, {1, 0});
    std::vector<int> per_district(city.districts.size(), 0), expected(city.districts.size(), 0);
    for (auto c : pop.home_cell)
        ++per_district[static_cast<std::size_t>(city.cell_district[static_cast<std::size_t>(c)])];
    for (std::size_t d = 0; d < city.desos.size(); ++d)
        expected[static_cast<std::size_t>(city.deso_district[d])] += city.desos[d].population;
    EXPECT_EQ(per_district, expected);
}

INSTANTIATE_TEST_SUITE_P(CellSizes, BorlangeGrid, ::testing::Values(100.0, 250.0));

TEST(Borlange, SeventeenRegsoDistrictsIncludingTjarnaAngar) {
    const City& city = borlange_city();
    ASSERT_EQ(city.districts.size(), 17u);
    ASSERT_EQ(city.desos.size(), 27u);
    EXPECT_EQ(city.population(), 51425);
    int tjarna = -1;
    for (std::size_t k = 0; k < city.districts.size(); ++k) {
        if (city.districts[k].code == "2081R013") tjarna = static_cast<int>(k);
    }
    ASSERT_GE(tjarna, 0);
    EXPECT_EQ(city.districts[static_cast<std::size_t>(tjarna)].name, "Tjärna Ängar");
    // 0.33 km² at 100 m: about 33 cells.
    int cells = 0;
    for (auto d : city.cell_district) cells += d == tjarna;
    EXPECT_NEAR(cells, 33, 6);
}

TEST(Borlange, EveryPlaceFallsInTheDistrictTheDataGive) {
    const City& city = borlange_city();
    std::ifstream in(testing::source_path("configs/data/borlange_places.csv"));
    std::string line;
    std::getline(in, line);
    const auto header = split_csv_line(line);
    const auto column =
        static_cast<std::size_t>(std::find(header.begin(), header.end(), "district_regso") - header.begin());
    ASSERT_LT(column, header.size());
    std::map<std::string, std::string> expected;
    while (std::getline(in, line)) {
        const auto f = split_csv_line(line);
        expected[f[0]] = f[column];
    }
    // The file's places come first, then the neighbourhood places (tests/world).
    ASSERT_LT(expected.size(), city.places.size());
    for (std::size_t p = expected.size(); p < city.places.size(); ++p)
        EXPECT_EQ(expected.count(city.places[p].name), 0u) << city.places[p].name;
    // The point itself lies in the named district's polygons (its 100 m cell, whose centre
    // decides the cell's district, may fall just across a border).
    for (std::size_t p = 0; p < expected.size(); ++p) {
        std::string found;
        for (const auto& deso : city.desos) {
            if (contains(deso.shape, city.places[p].where)) found = deso.district_code;
        }
        EXPECT_EQ(found, expected[city.places[p].name]) << city.places[p].name;
    }
}

// A place's public life fills its footprint: Kupolen and its car parks, not one 100 m cell.
TEST(Borlange, PlaceFootprintsCoverTheirRadius) {
    const City& city = testing::borlange_city();
    std::size_t kupolen = city.places.size();
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        if (city.places[p].name == "Kupolen") kupolen = p;
    }
    ASSERT_LT(kupolen, city.places.size());
    const auto cells = city.footprint(kupolen);
    const double radius = city.place_types[static_cast<std::size_t>(PlaceType::ShoppingCentre)].footprint_m;
    ASSERT_GT(radius, 100.0);
    EXPECT_EQ(cells.front(), city.place_cell[kupolen]);
    // π r² / cell area cells, give or take the boundary.
    const double expected = 3.14159 * radius * radius / (city.grid.cell_size * city.grid.cell_size);
    EXPECT_NEAR(static_cast<double>(cells.size()), expected, 0.25 * expected);
    for (int c : cells) {
        EXPECT_LE(distance(city.grid.centre(c), city.grid.centre(cells.front())), radius + 1e-9);
        EXPECT_GE(city.cell_district[static_cast<std::size_t>(c)], 0);
    }
}

}  // namespace
}  // namespace trygg
