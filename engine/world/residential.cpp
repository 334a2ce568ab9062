#include "world/residential.hpp"

#include <numeric>

namespace trygg {

HomeCells home_cells_of(const City& city, int deso) {
    HomeCells out;
    std::vector<int> own;
    for (int c = 0; c < city.grid.cells(); ++c) {
        if (city.cell_deso[static_cast<std::size_t>(c)] == deso) own.push_back(c);
    }
    std::vector<std::size_t> villages;
    double village_weight = 0.0;
    for (std::size_t v = 0; v < city.villages.size(); ++v) {
        if (city.village_deso[v] == deso) {
            villages.push_back(v);
            village_weight += city.villages[v].weight;
        }
    }
    std::vector<double> weight;
    if (villages.empty() || village_weight <= 0) {
        out.cells = own;
        weight.assign(own.size(), 1.0);
    } else {
        // Scattered farms everywhere in the DeSO, the rest in the villages' cells.
        const double scattered = city.rural_scattered_share;
        std::vector<double> w(city.grid.cells(), 0.0);
        for (int c : own) w[static_cast<std::size_t>(c)] += scattered / static_cast<double>(own.size());
        for (std::size_t v : villages) {
            const auto& village = city.villages[v];
            std::vector<int> inside;
            for (int c : own) {
                if (distance(city.grid.centre(c), village.centre) <= village.radius_m) inside.push_back(c);
            }
            if (inside.empty()) inside.push_back(*city.grid.cell_at(village.centre));
            const double share = (1.0 - scattered) * village.weight / village_weight;
            for (int c : inside) w[static_cast<std::size_t>(c)] += share / static_cast<double>(inside.size());
        }
        for (int c : own) {
            if (w[static_cast<std::size_t>(c)] > 0) {
                out.cells.push_back(c);
                weight.push_back(w[static_cast<std::size_t>(c)]);
            }
        }
    }
    out.cumulative.resize(weight.size());
    std::partial_sum(weight.begin(), weight.end(), out.cumulative.begin());
    for (auto& c : out.cumulative) c /= out.cumulative.back();
    return out;
}

}  // namespace trygg
