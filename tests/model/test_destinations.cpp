#include "model/destinations.hpp"

#include "core/error.hpp"

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

// The matrix must pick what ChoiceTable picks from the same weights, residual included, for
// every 16-bit draw: rows with zeros (leading, inside and trailing), heavy candidates spanning
// several buckets, tails so light that their thresholds round to 65536 before the last
// candidate (the 16-bit tail), one candidate of all the weight, and rows of no weight.
TEST(ChoiceMatrix, PicksAsChoiceTableForEveryDraw) {
    constexpr int kCandidates = 90;
    std::mt19937 gen(11);
    std::uniform_real_distribution<double> weight(0.0, 1.0);
    std::vector<std::int32_t> candidates;
    for (int k = 0; k < kCandidates; ++k) candidates.push_back(500 + 3 * k);
    std::vector<std::vector<double>> rows;
    for (int r = 0; r < 40; ++r) {
        std::vector<double> w(kCandidates);
        for (int k = 0; k < kCandidates; ++k) {
            w[k] = k % 7 == 3 ? 0.0 : weight(gen) * (k % 5 == 0 ? 100.0 : 1.0);
            if (r % 4 == 1 && k > 20) w[k] *= 1e-9;  // a tail below one part in 65536
            if (r % 4 == 2 && (k < 10 || k > 80)) w[k] = 0.0;
        }
        rows.push_back(w);
    }
    rows.push_back(std::vector<double>(kCandidates, 0.0));  // no weight
    std::vector<double> one(kCandidates, 0.0);
    one[41] = 2.5;
    rows.push_back(one);
    std::vector<double> last(kCandidates, 0.0);
    last[kCandidates - 1] = 1.0;
    last[0] = 1.0;
    rows.push_back(last);

    ChoiceTable table;
    ChoiceMatrix matrix(rows.size(), candidates);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        table.add_row(candidates, rows[r]);
        matrix.set_row(r, rows[r]);
    }
    ASSERT_EQ(matrix.rows(), rows.size());
    bool tail_seen = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        tail_seen = tail_seen || (matrix.guide[r].first[0] != ChoiceMatrix::kEmpty && matrix.guide[r].full < 80);
        for (std::uint32_t u = 0; u < 65536; ++u) {
            double expected_residual = -1.0, residual = -2.0;
            const std::int32_t expected = table.pick(r, u, expected_residual);
            if (expected < 0) {
                ASSERT_EQ(matrix.pick(r, u, residual), -1) << "row " << r << ", draw " << u;
                continue;
            }
            ASSERT_EQ(matrix.pick(r, u, residual), expected) << "row " << r << ", draw " << u;
            ASSERT_EQ(residual, expected_residual) << "row " << r << ", draw " << u;
        }
    }
    EXPECT_TRUE(tail_seen);  // the rows with light tails reached 65536 early
}

TEST(ChoiceMatrix, RefusesMoreCandidatesThan16BitPositions) {
    EXPECT_NO_THROW(ChoiceMatrix(1, std::vector<std::int32_t>(65534, 0)));
    EXPECT_THROW(ChoiceMatrix(1, std::vector<std::int32_t>(65535, 0)), InputError);
}

// Reserving room changes nothing picked.
TEST(ChoiceTable, ReserveKeepsTheTable) {
    ChoiceTable reserved, grown;
    reserved.reserve(2, 8);  // two sentinels, two and four entries
    for (ChoiceTable* t : {&reserved, &grown}) {
        t->add_row({4, 5, 6}, {1.0, 0.0, 3.0});
        t->add_row({7, 8, 9, 10}, {1.0, 1.0, 1.0, 1.0});
    }
    ASSERT_EQ(reserved.entries.size(), grown.entries.size());
    ASSERT_EQ(reserved.entries.capacity(), 8u);  // it never grew
    for (std::size_t i = 0; i < grown.entries.size(); ++i) {
        EXPECT_EQ(reserved.entries[i].threshold, grown.entries[i].threshold);
        EXPECT_EQ(reserved.entries[i].site, grown.entries[i].site);
    }
}

}  // namespace
}  // namespace trygg
