#include "experiment/trajectory_spread.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace trygg {

double trajectory_distance(std::span<const double> a, std::span<const double> b, std::size_t k) {
    const std::size_t points = a.size() / k;
    double sum = 0.0;
    for (std::size_t i = 0; i < points; ++i) {
        for (std::size_t j = 0; j < points; ++j) {
            double squared = 0.0;
            for (std::size_t z = 0; z < k; ++z) {
                const double d = a[i * k + z] - b[j * k + z];
                squared += d * d;
            }
            sum += std::sqrt(squared);
        }
    }
    return sum;
}

std::vector<std::size_t> spread_trajectories(const std::vector<std::vector<double>>& candidates, std::size_t k,
                                             std::size_t r) {
    const std::size_t m = candidates.size();
    std::vector<std::size_t> chosen(std::min(r, m));
    if (r >= m || r < 2) {
        std::iota(chosen.begin(), chosen.end(), std::size_t{0});
        return chosen;
    }
    std::vector<double> squared(m * m, 0.0);  // d² between candidates
    for (std::size_t a = 0; a < m; ++a) {
        for (std::size_t b = a + 1; b < m; ++b) {
            const double d = trajectory_distance(candidates[a], candidates[b], k);
            squared[a * m + b] = squared[b * m + a] = d * d;
        }
    }
    std::vector<bool> taken(m, false);
    std::size_t first = 0, second = 1;
    for (std::size_t a = 0; a < m; ++a) {
        for (std::size_t b = a + 1; b < m; ++b) {
            if (squared[a * m + b] > squared[first * m + second]) first = a, second = b;
        }
    }
    chosen = {first, second};
    taken[first] = taken[second] = true;
    std::vector<double> to_chosen(m, 0.0);  // Σ d² from each candidate to those chosen
    for (std::size_t c = 0; c < m; ++c) to_chosen[c] = squared[c * m + first] + squared[c * m + second];
    while (chosen.size() < r) {
        std::size_t best = m;
        for (std::size_t c = 0; c < m; ++c) {
            if (!taken[c] && (best == m || to_chosen[c] > to_chosen[best])) best = c;
        }
        chosen.push_back(best);
        taken[best] = true;
        for (std::size_t c = 0; c < m; ++c) to_chosen[c] += squared[c * m + best];
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

}  // namespace trygg
