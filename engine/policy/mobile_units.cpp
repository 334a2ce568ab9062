#include "policy/mobile_units.hpp"

#include <algorithm>

namespace trygg {

MobileUnits::MobileUnits(const City& city, const Sites& sites, int units, std::vector<int> cells, bool adaptive)
    : city_(city),
      sites_(sites),
      units_(units),
      adaptive_(adaptive),
      cells_(std::move(cells)),
      covered_(static_cast<std::size_t>(sites.size()), 0) {
    cover();
}

void MobileUnits::steer(const std::vector<int>& hotspot_cells) {
    if (!adaptive_ || hotspot_cells.empty()) return;
    const auto n = std::min<std::ptrdiff_t>(units_, static_cast<std::ptrdiff_t>(hotspot_cells.size()));
    if (std::equal(cells_.begin(), cells_.end(), hotspot_cells.begin(), hotspot_cells.begin() + n) &&
        static_cast<std::ptrdiff_t>(cells_.size()) == n) {
        return;
    }
    cells_.assign(hotspot_cells.begin(), hotspot_cells.begin() + n);
    ++moves_;
    cover();
}

void MobileUnits::cover() {
    std::fill(covered_.begin(), covered_.end(), 0);
    const auto& grid = city_.grid;
    for (int cell : cells_) {
        for (int dr = -1; dr <= 1; ++dr) {
            for (int dc = -1; dc <= 1; ++dc) {
                const int r = grid.row(cell) + dr, c = grid.col(cell) + dc;
                if (r < 0 || c < 0 || r >= grid.ny || c >= grid.nx) continue;
                const std::int32_t s = sites_.of_cell(grid.index(c, r));
                if (s >= 0) covered_[static_cast<std::size_t>(s)] = 1;
            }
        }
    }
}

}  // namespace trygg
