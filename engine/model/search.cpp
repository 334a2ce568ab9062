#include "model/search.hpp"

namespace trygg {

int SiteNeighbourhood::around(std::int32_t site, std::array<std::int32_t, 8>& out) const {
    const int cell = sites_.cell[static_cast<std::size_t>(site)];
    int n = 0;
    for (int dr = -1; dr <= 1; ++dr) {
        for (int dc = -1; dc <= 1; ++dc) {
            const int r = grid_.row(cell) + dr, c = grid_.col(cell) + dc;
            if ((dr == 0 && dc == 0) || r < 0 || c < 0 || r >= grid_.ny || c >= grid_.nx) continue;
            const std::int32_t s = sites_.of_cell(grid_.index(c, r));
            if (s >= 0) out[static_cast<std::size_t>(n++)] = s;
        }
    }
    return n;
}

std::int32_t SiteNeighbourhood::attractive(std::int32_t site, const NearRepeatField& field, double u) const {
    std::array<std::int32_t, 8> near{};
    const int n = around(site, near);
    if (n == 0) return site;
    std::array<double, 8> weight{};
    double total = 0.0;
    for (int k = 0; k < n; ++k) {
        const auto kk = static_cast<std::size_t>(k);
        weight[kk] = field.attractiveness(sites_.cell[static_cast<std::size_t>(near[kk])]);
        total += weight[kk];
    }
    double pick = u * total;
    for (int k = 0; k < n; ++k) {
        if ((pick -= weight[static_cast<std::size_t>(k)]) < 0) return near[static_cast<std::size_t>(k)];
    }
    return near[static_cast<std::size_t>(n - 1)];
}

std::int32_t SiteNeighbourhood::any(std::int32_t site, std::uint32_t bits16) const {
    std::array<std::int32_t, 8> near{};
    const int n = around(site, near);
    if (n == 0) return -1;
    return near[static_cast<std::size_t>((bits16 & 0xffffu) % static_cast<std::uint32_t>(n))];
}

}  // namespace trygg
