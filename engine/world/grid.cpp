#include "world/grid.hpp"

#include <cmath>

namespace trygg {

std::optional<int> Grid::cell_at(Point p) const {
    const double fx = std::floor((p.x - west) / cell_size);
    const double fy = std::floor((p.y - south) / cell_size);
    if (fx < 0 || fy < 0 || fx >= nx || fy >= ny) return std::nullopt;
    return index(static_cast<int>(fx), static_cast<int>(fy));
}

Grid grid_covering(const Box& box, double cell_size) {
    Grid g;
    g.cell_size = cell_size;
    g.west = std::floor(box.min_x / cell_size) * cell_size;
    g.south = std::floor(box.min_y / cell_size) * cell_size;
    g.nx = static_cast<int>(std::ceil((box.max_x - g.west) / cell_size));
    g.ny = static_cast<int>(std::ceil((box.max_y - g.south) / cell_size));
    return g;
}

}  // namespace trygg
