#include "world/rasterise.hpp"

#include <algorithm>
#include <cmath>

namespace trygg {
namespace {

// Scanline fill: for each row, the x where the row's centre line crosses an edge; cells
// whose centres fall between the 1st and 2nd, 3rd and 4th, … crossing are inside (even-odd,
// so holes need no special case). O(edges × rows) instead of a point test per cell.
void add_crossings(const Ring& ring, double y, std::vector<double>& xs) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Point a = ring[i];
        const Point b = ring[j];
        if ((a.y > y) != (b.y > y)) xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
    }
}

void fill_area(const Grid& grid, const Shape& shape, std::int32_t id, std::vector<std::int32_t>& raster) {
    const Box box = bounds(shape);
    const int row_lo = std::max(0, static_cast<int>(std::floor((box.min_y - grid.south) / grid.cell_size)));
    const int row_hi = std::min(grid.ny - 1, static_cast<int>(std::floor((box.max_y - grid.south) / grid.cell_size)));
    std::vector<double> xs;
    for (int row = row_lo; row <= row_hi; ++row) {
        const double y = grid.south + (row + 0.5) * grid.cell_size;
        xs.clear();
        for (const auto& poly : shape) {
            add_crossings(poly.outer, y, xs);
            for (const auto& hole : poly.holes) add_crossings(hole, y, xs);
        }
        std::sort(xs.begin(), xs.end());
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
            // Cells with centre x in [xs[k], xs[k+1]).
            const int c0 = std::max(0, static_cast<int>(std::ceil((xs[k] - grid.west) / grid.cell_size - 0.5)));
            const int c1 =
                std::min(grid.nx - 1, static_cast<int>(std::ceil((xs[k + 1] - grid.west) / grid.cell_size - 0.5)) - 1);
            for (int col = c0; col <= c1; ++col) {
                auto& cell = raster[static_cast<std::size_t>(grid.index(col, row))];
                if (cell < 0) cell = id;
            }
        }
    }
}

}  // namespace

std::vector<std::int32_t> rasterise(const Grid& grid, const std::vector<Shape>& areas) {
    std::vector<std::int32_t> raster(static_cast<std::size_t>(grid.cells()), -1);
    for (std::size_t i = 0; i < areas.size(); ++i) {
        fill_area(grid, areas[i], static_cast<std::int32_t>(i), raster);
    }
    return raster;
}

}  // namespace trygg
