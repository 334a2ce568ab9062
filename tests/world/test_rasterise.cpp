#include "world/rasterise.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace trygg {
namespace {

Ring square(double x0, double y0, double side) {
    return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}};
}

int count(const std::vector<std::int32_t>& r, std::int32_t id) {
    return static_cast<int>(std::count(r.begin(), r.end(), id));
}

TEST(Rasterise, AlignedSquareFillsExactlyItsCells) {
    const Grid g = grid_covering({0, 0, 2000, 2000}, 100);
    const auto r = rasterise(g, {Shape{Polygon{square(300, 300, 1000), {}}}});
    EXPECT_EQ(count(r, 0), 100);
    EXPECT_EQ(r[static_cast<std::size_t>(*g.cell_at({350, 350}))], 0);
    EXPECT_EQ(r[static_cast<std::size_t>(*g.cell_at({250, 350}))], -1);
}

TEST(Rasterise, HolesAreLeftOutAndOverlapsGoToTheFirstArea) {
    const Grid g = grid_covering({0, 0, 2000, 2000}, 100);
    const Shape ring{Polygon{square(0, 0, 1000), {square(200, 200, 400)}}};
    const Shape later{Polygon{square(500, 500, 1000), {}}};
    const auto r = rasterise(g, {ring, later});
    EXPECT_EQ(count(r, 0), 100 - 16);
    EXPECT_EQ(r[static_cast<std::size_t>(*g.cell_at({350, 350}))], -1);  // the hole
    EXPECT_EQ(r[static_cast<std::size_t>(*g.cell_at({750, 750}))], 0);   // overlap: first wins
    // The later square loses the 25 overlapping cells but one of them lies in the first
    // area's hole, so it keeps that one.
    EXPECT_EQ(count(r, 1), 100 - 25 + 1);
}

TEST(Rasterise, ScanlineAgreesWithPointInPolygonForATiltedShape) {
    // A square of 1 km² turned 45°: the scanline fill must pick exactly the cells whose
    // centres a point-in-polygon test puts inside, and their area approximates the shape's
    // (the 80 boundary cells of 50 m make this lattice 5 % over: 420 cells, not 400).
    const Grid g = grid_covering({-1000, -1000, 1000, 1000}, 50);
    const double h = 707.1067811865476;
    const Shape diamond{Polygon{{{0, -h}, {h, 0}, {0, h}, {-h, 0}}, {}}};
    const auto r = rasterise(g, {diamond});
    for (int c = 0; c < g.cells(); ++c) {
        ASSERT_EQ(r[static_cast<std::size_t>(c)] == 0, contains(diamond, g.centre(c))) << "cell " << c;
    }
    EXPECT_NEAR(count(r, 0), 400, 0.06 * 400);
}

}  // namespace
}  // namespace trygg
