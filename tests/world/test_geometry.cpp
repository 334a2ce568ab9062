#include "world/geometry.hpp"
#include "world/grid.hpp"

#include <gtest/gtest.h>

namespace trygg {
namespace {

Ring square(double x0, double y0, double side) {
    return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}};
}

TEST(Geometry, AreaSubtractsHoles) {
    Polygon p{square(0, 0, 100), {square(25, 25, 50)}};
    EXPECT_DOUBLE_EQ(area(p), 100.0 * 100.0 - 50.0 * 50.0);
    EXPECT_DOUBLE_EQ(area(Shape{p, Polygon{square(1000, 0, 10), {}}}), 7500.0 + 100.0);
}

TEST(Geometry, ContainsRespectsHolesAndIslands) {
    const Shape s{Polygon{square(0, 0, 100), {square(25, 25, 50)}}, Polygon{square(200, 0, 10), {}}};
    EXPECT_TRUE(contains(s, {10, 10}));
    EXPECT_FALSE(contains(s, {50, 50}));  // in the hole
    EXPECT_TRUE(contains(s, {205, 5}));   // on the island
    EXPECT_FALSE(contains(s, {150, 50}));
}

TEST(Grid, CoveringGridSnapsToCellMultiples) {
    const Grid g = grid_covering({1010.0, 2260.0, 1990.0, 2740.0}, 250.0);
    EXPECT_DOUBLE_EQ(g.west, 1000.0);
    EXPECT_DOUBLE_EQ(g.south, 2250.0);
    EXPECT_EQ(g.nx, 4);  // 1000..2000
    EXPECT_EQ(g.ny, 2);  // 2250..2750
    EXPECT_EQ(g.cell_at({1001, 2251}), 0);
    EXPECT_EQ(g.cell_at({1999, 2749}), 7);
    EXPECT_FALSE(g.cell_at({999, 2300}).has_value());
    EXPECT_DOUBLE_EQ(g.centre(5).x, 1375.0);
    EXPECT_DOUBLE_EQ(g.centre(5).y, 2625.0);
}

}  // namespace
}  // namespace trygg
