#pragma once
// Area polygons to a raster: a cell belongs to the area whose polygon contains the cell's
// centre (the rule GDAL's rasterize uses by default). Cells whose centre lies in no area
// get -1; where polygons overlap, the first area wins.
#include "world/grid.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

std::vector<std::int32_t> rasterise(const Grid& grid, const std::vector<Shape>& areas);

}  // namespace trygg
