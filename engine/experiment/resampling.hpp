#pragma once
// What the bootstraps of `trygg compare` and `trygg sensitivity` share: a portable uniform
// index and the quantile of a sorted sample.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace trygg {

// Uniform index in [0, n) by rejection. std::uniform_int_distribution's algorithm is left to
// the standard library, so its draws differ between libraries; mt19937_64's raw output does not.
inline std::size_t draw_index(std::mt19937_64& generator, std::uint64_t n) {
    constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t excess = (max % n + 1) % n;  // 2^64 mod n: the draws that would favour low indices
    std::uint64_t x = generator();
    while (x > max - excess) x = generator();
    return static_cast<std::size_t>(x % n);
}

// Linear interpolation between order statistics (type 7, as R's and numpy's default).
inline double quantile(const std::vector<double>& sorted, double p) {
    const double at = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(at));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (at - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace trygg
