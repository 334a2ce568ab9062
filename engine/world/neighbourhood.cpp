#include "world/neighbourhood.hpp"

#include "world/residential.hpp"

#include <cmath>
#include <limits>

namespace trygg {
namespace {

struct Weighted {
    Point at;
    double weight = 0.0;
};

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

// Weighted k-means (Lloyd) with a deterministic start: the weighted centroid's nearest
// point, then repeatedly the point with the largest weight × squared distance to the
// centres so far (a derandomised k-means++).
std::vector<Point> cluster_centres(const std::vector<Weighted>& points, std::size_t k) {
    Point mean{0.0, 0.0};
    double total = 0.0;
    for (const auto& p : points) {
        mean.x += p.weight * p.at.x;
        mean.y += p.weight * p.at.y;
        total += p.weight;
    }
    mean = {mean.x / total, mean.y / total};
    std::vector<Point> centres;
    std::vector<Point> all;
    for (const auto& p : points) all.push_back(p.at);
    centres.push_back(all[nearest(all, mean)]);
    std::vector<double> gap(points.size(), std::numeric_limits<double>::infinity());
    while (centres.size() < k) {
        std::size_t far = 0;
        double far_score = -1.0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            gap[i] = std::min(gap[i], squared(points[i].at, centres.back()));
            const double score = points[i].weight * gap[i];
            if (score > far_score) {
                far_score = score;
                far = i;
            }
        }
        centres.push_back(points[far].at);
    }
    constexpr int kIterations = 30;  // Lloyd converges in a few for these small sets
    for (int it = 0; it < kIterations; ++it) {
        std::vector<Point> sum(k, Point{0.0, 0.0});
        std::vector<double> mass(k, 0.0);
        for (const auto& p : points) {
            const auto j = nearest(centres, p.at);
            sum[j].x += p.weight * p.at.x;
            sum[j].y += p.weight * p.at.y;
            mass[j] += p.weight;
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
        std::vector<Weighted> points;
        double previous = 0.0;
        for (std::size_t i = 0; i < homes.cells.size(); ++i) {
            points.push_back({city.grid.centre(homes.cells[i]), homes.cumulative[i] - previous});
            previous = homes.cumulative[i];
        }
        for (const auto& rule : rules) {
            const auto k = static_cast<std::size_t>(std::lround(deso.population / rule.residents_per_place));
            if (k == 0) continue;
            const auto centres = cluster_centres(points, std::min(k, points.size()));
            for (std::size_t j = 0; j < centres.size(); ++j) {
                // Snap to a home cell: the mean of a cluster may fall in a lake or a park.
                std::size_t best = 0;
                double best_d = std::numeric_limits<double>::infinity();
                for (std::size_t i = 0; i < points.size(); ++i) {
                    const double dist = squared(points[i].at, centres[j]);
                    if (points[i].weight > 0 && dist < best_d) {
                        best_d = dist;
                        best = i;
                    }
                }
                const auto& traits = city.place_types[static_cast<std::size_t>(rule.type)];
                out.push_back(
                    typical_place(std::string(name_of(rule.type)) + " " + deso.code + "/" + std::to_string(j + 1),
                                  rule.type, points[best].at, traits));
            }
        }
    }
    return out;
}

}  // namespace trygg
