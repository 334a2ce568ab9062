#include "model/destinations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace trygg {
namespace {

// The guided scan must pick what std::upper_bound over the row's thresholds picks, for every
// 16-bit draw: rows of 1 to 120 entries with random weights (zeros included, which add no
// entry; a few heavy entries spanning several guide buckets), and an empty row between.
TEST(ChoiceTable, GuidedPickIsUpperBoundForEveryDraw) {
    std::mt19937 gen(7);
    std::uniform_real_distribution<double> weight(0.0, 1.0);
    ChoiceTable table;
    for (int n = 1; n <= 120; ++n) {
        std::vector<std::int32_t> sites;
        std::vector<double> weights;
        for (int k = 0; k < n; ++k) {
            sites.push_back(1000 * n + k);
            weights.push_back(k % 7 == 3 ? 0.0 : weight(gen) * (k % 5 == 0 ? 100.0 : 1.0));
        }
        table.add_row(sites, weights);
        if (n == 60) table.add_row({1, 2}, {0.0, 0.0});
    }
    ASSERT_EQ(table.rows(), 121u);
    ASSERT_EQ(table.bounds.size(), table.rows());
    std::vector<std::uint32_t> thresholds;
    for (const auto& e : table.entries) thresholds.push_back(e.threshold);
    for (std::size_t row = 0; row < table.rows(); ++row) {
        const auto first = thresholds.begin() + table.bounds[row][0];
        const auto last = thresholds.begin() + table.bounds[row][1];
        if (first == last) {
            EXPECT_EQ(table.pick(row, 0), -1);
            EXPECT_EQ(table.pick(row, 65535), -1);
            continue;
        }
        for (std::uint32_t u = 0; u < 65536; ++u) {
            const auto it = std::upper_bound(first, last, u);
            ASSERT_NE(it, last);
            const std::uint32_t lower = it == first ? 0u : *(it - 1);
            double residual = -1.0;
            ASSERT_EQ(table.pick(row, u, residual),
                      table.entries[static_cast<std::size_t>(it - thresholds.begin())].site)
                << "row " << row << ", draw " << u;
            ASSERT_EQ(residual, static_cast<double>(u - lower) / static_cast<double>(*it - lower));
        }
    }
}

}  // namespace
}  // namespace trygg
