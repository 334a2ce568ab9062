#pragma once
// The square raster everything spatial lives on. Row 0 is the southernmost row, so that
// row index grows with northing like the y coordinate (as QGIS and xarray expect of a
// coordinate that increases).
#include "world/geometry.hpp"

#include <cstdint>
#include <optional>

namespace trygg {

struct Grid {
    double west = 0.0;       // easting of the western edge [m]
    double south = 0.0;      // northing of the southern edge [m]
    double cell_size = 0.0;  // [m]
    int nx = 0;
    int ny = 0;

    int cells() const { return nx * ny; }
    int index(int col, int row) const { return row * nx + col; }
    int col(int cell) const { return cell % nx; }
    int row(int cell) const { return cell / nx; }
    Point centre(int cell) const {
        return {west + (col(cell) + 0.5) * cell_size, south + (row(cell) + 0.5) * cell_size};
    }
    std::optional<int> cell_at(Point p) const;
    double cell_area_km2() const { return cell_size * cell_size * 1e-6; }
};

// The smallest grid covering `box`, its edges snapped to multiples of the cell size, so
// that grids of 250 m line up with SCB's national 250 m statistics grid in SWEREF99 TM.
Grid grid_covering(const Box& box, double cell_size);

}  // namespace trygg
