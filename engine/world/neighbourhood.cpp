#include "world/neighbourhood.hpp"

#include "world/residential.hpp"

#include <cmath>
#include <limits>

namespace trygg {
namespace {

double squared(Point a, Point b) {
    return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

std::size_t nearest(const std::vector<Point>& centres, Point p) {
    std::size_t best = 0;
    double best_d = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < centres.size(); ++j) {
        const double d = squared(centres[j], p);
        if (d < best_d) {
            best_d = d;
            best = j;
        }
    }
    return best;
}

// Weighted k-means (Lloyd) of the points `at` with weights `weight` (all positive), with a
// deterministic start: the point nearest the weighted centroid, then repeatedly the point
// with the largest weight × squared distance to the centres so far (a derandomised
// k-means++).
std::vector<Point> cluster_centres(const std::vector<Point>& at, const std::vector<double>& weight, std::size_t k) {
    Point mean{0.0, 0.0};
    double total = 0.0;
    for (std::size_t i = 0; i < at.size(); ++i) {
        mean.x += weight[i] * at[i].x;
        mean.y += weight[i] * at[i].y;
        total += weight[i];
    }
    std::vector<Point> centres{at[nearest(at, {mean.x / total, mean.y / total})]};
    std::vector<double> gap(at.size(), std::numeric_limits<double>::infinity());
    while (centres.size() < k) {
        std::size_t far = 0;
        double far_score = -1.0;
        for (std::size_t i = 0; i < at.size(); ++i) {
            gap[i] = std::min(gap[i], squared(at[i], centres.back()));
            const double score = weight[i] * gap[i];
            if (score > far_score) {
                far_score = score;
                far = i;
            }
        }
        centres.push_back(at[far]);
    }
    constexpr int kIterations = 30;  // Lloyd converges in a few for these small sets
    for (int it = 0; it < kIterations; ++it) {
        std::vector<Point> sum(k, Point{0.0, 0.0});
        std::vector<double> mass(k, 0.0);
        for (std::size_t i = 0; i < at.size(); ++i) {
            const auto j = nearest(centres, at[i]);
            sum[j].x += weight[i] * at[i].x;
            sum[j].y += weight[i] * at[i].y;
            mass[j] += weight[i];
        }
        for (std::size_t j = 0; j < k; ++j) {
            if (mass[j] > 0) centres[j] = {sum[j].x / mass[j], sum[j].y / mass[j]};
        }
    }
    return centres;
}

}  // namespace

std::vector<Place> neighbourhood_places(const City& city, const std::vector<NeighbourhoodRule>& rules) {
    std::vector<Place> out;
    for (std::size_t d = 0; d < city.desos.size(); ++d) {
        const auto& deso = city.desos[d];
        if (deso.population <= 0) continue;
        const HomeCells homes = home_cells_of(city, static_cast<int>(d));
        if (homes.cells.empty()) continue;
        // Home cells and their shares of the DeSO's residents (all positive).
        std::vector<Point> at;
        std::vector<double> weight;
        double previous = 0.0;
        for (std::size_t i = 0; i < homes.cells.size(); ++i) {
            at.push_back(city.grid.centre(homes.cells[i]));
            weight.push_back(homes.cumulative[i] - previous);
            previous = homes.cumulative[i];
        }
        for (const auto& rule : rules) {
            const auto k = static_cast<std::size_t>(std::lround(deso.population / rule.residents_per_place));
            if (k == 0) continue;
            const auto centres = cluster_centres(at, weight, std::min(k, at.size()));
            for (std::size_t j = 0; j < centres.size(); ++j) {
                // Snap to a home cell: the mean of a cluster may fall in a lake or a park.
                const Point where = at[nearest(at, centres[j])];
                const auto& traits = city.place_types[static_cast<std::size_t>(rule.type)];
                out.push_back(
                    typical_place(std::string(name_of(rule.type)) + " " + deso.code + "/" + std::to_string(j + 1),
                                  rule.type, where, traits));
            }
        }
    }
    return out;
}

}  // namespace trygg
