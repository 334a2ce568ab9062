#include "model/policing.hpp"

#include "world/place.hpp"

#include <algorithm>

namespace trygg {

Patrols::Patrols(const City& city, const Sites& sites, const PolicingParams& params)
    : city_(city), sites_(sites), params_(params), covered_(static_cast<std::size_t>(sites.size()), 0) {
    // Until the first picture exists, adaptive patrols start where static ones stand.
    for (int k = 0; k < params.patrols && !params.static_places.empty(); ++k) {
        const int place = params.static_places[static_cast<std::size_t>(k) % params.static_places.size()];
        cells_.push_back(city.place_cell[static_cast<std::size_t>(place)]);
    }
    cover();
}

bool Patrols::on_duty(int clock_hour) const {
    return params_.patrols > 0 && is_open(params_.shift_from, params_.shift_to, true, false, clock_hour);
}

void Patrols::steer(const std::vector<int>& hotspot_cells) {
    if (params_.steering != Steering::Adaptive || hotspot_cells.empty()) return;
    cells_.assign(hotspot_cells.begin(),
                  hotspot_cells.begin() +
                      std::min<std::ptrdiff_t>(params_.patrols, static_cast<std::ptrdiff_t>(hotspot_cells.size())));
    cover();
}

void Patrols::cover() {
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
