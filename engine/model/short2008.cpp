#include "model/short2008.hpp"

#include "core/parallel.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <numeric>

namespace trygg {

namespace {

// Burglars per chunk: fixed, so the split (and the order of the moved list) never depends
// on the number of threads.
constexpr std::size_t kChunk = 16384;

// 1 − exp(−x) for the small x of one step; the series is exact to 1e-9 below x = 0.05.
inline double burgle_probability(double x) {
    if (x < 0.05) return x * (1.0 - x * (0.5 - x * (1.0 / 6.0 - x * (1.0 / 24.0))));
    return -std::expm1(-x);
}

}  // namespace

double Short2008Params::equilibrium_burglars() const {
    const double a = a0 + equilibrium_b();
    return gamma * dt / -std::expm1(-a * dt);
}

Short2008::Short2008(const Short2008Params& params, std::uint64_t seed)
    : p_(params), rng_({seed, 0}), size_(params.size) {
    const auto cells = static_cast<std::size_t>(size_) * static_cast<std::size_t>(size_);
    b_.assign(cells, p_.equilibrium_b());
    b_next_.assign(cells, 0.0);
    sum_b_ = p_.equilibrium_b() * static_cast<double>(cells);
}

std::vector<double> Short2008::a() const {
    std::vector<double> a(b_.size());
    for (std::size_t k = 0; k < a.size(); ++k) a[k] = p_.a0 + b_[k];
    return a;
}

std::vector<std::int32_t> Short2008::burglars() const {
    std::vector<std::int32_t> n(b_.size(), 0);
    for (auto packed : pos_) ++n[(packed >> 16) * static_cast<std::uint32_t>(size_) + (packed & 0xffffu)];
    return n;
}

void Short2008::move_burglars(std::size_t first, std::size_t last, std::vector<std::uint32_t>& moved,
                              std::vector<std::uint32_t>& burgled) {
    const auto L = static_cast<std::uint32_t>(size_);
    const double a0 = p_.a0;
    for (std::size_t i = first; i < last;) {
        // One Philox call serves four burglars: word k for burglar 4c + k.
        const auto words = rng_.words(Stream::LatticeMove, static_cast<std::uint32_t>(i / 4), t_);
        for (std::size_t k = i % 4; k < 4 && i < last; ++k, ++i) {
            const std::uint32_t packed = pos_[i];
            const std::uint32_t x = packed & 0xffffu, y = packed >> 16;
            const std::uint32_t s = y * L + x;
            const std::uint32_t yn = y + 1 == L ? 0 : y + 1, ys = y == 0 ? L - 1 : y - 1;
            const std::uint32_t xw = x == 0 ? L - 1 : x - 1, xe = x + 1 == L ? 0 : x + 1;
            const std::uint32_t dest[4] = {yn * L + x, ys * L + x, y * L + xw, y * L + xe};
            const std::uint32_t dest_packed[4] = {yn << 16 | x, ys << 16 | x, y << 16 | xw, y << 16 | xe};
            const double p = burgle_probability((a0 + b_[s]) * p_.dt);
            // Below p the burglar burgles; otherwise the word, rescaled to [0, 1), picks
            // the neighbour with probability A_k / Σ A.
            const double u = static_cast<double>(words[k]);
            const double threshold = p * 0x1p32;
            if (u < threshold) {
                burgled.push_back(s);
                continue;
            }
            // Neighbour d is chosen when (u − threshold) / ((1 − p) 2^32) falls in its share of
            // Σ A; multiplied out, so that no division is needed.
            double w0 = a0 + b_[dest[0]], w1 = a0 + b_[dest[1]], w2 = a0 + b_[dest[2]], w3 = a0 + b_[dest[3]];
            if (!(w0 + w1 + w2 + w3 > 0)) w0 = w1 = w2 = w3 = 1.0;  // nothing attracts: a plain random walk
            const double pick = (u - threshold) * (w0 + w1 + w2 + w3);
            const double unit = (1.0 - p) * 0x1p32;
            const double c0 = w0 * unit, c1 = c0 + w1 * unit, c2 = c1 + w2 * unit;
            // Branch-free: the four outcomes are near-equally likely, so a branch would
            // mispredict about every other burglar.
            const int d = static_cast<int>(pick >= c0) + static_cast<int>(pick >= c1) + static_cast<int>(pick >= c2);
            moved.push_back(dest_packed[d]);
        }
    }
}

// New burglars: Poisson(L² Γ δt) a step (~3 at L = 128), at uniform sites; one draw per
// block of rows, none per site (the rate is ~2e-4 per site and step). Blocks keep each
// Poisson mean ≤ 64, where inversion is exact and fast.
void Short2008::spawn(std::vector<std::uint32_t>& out) const {
    const double per_row = size_ * p_.gamma * p_.dt;
    const int rows_per_block = std::max(1, std::min(size_, static_cast<int>(64.0 / std::max(per_row, 1e-12))));
    for (int y0 = 0, block = 0; y0 < size_; y0 += rows_per_block, ++block) {
        const int rows = std::min(rows_per_block, size_ - y0);
        RowWords words(rng_, Stream::LatticeSpawn, static_cast<std::uint32_t>(block), t_);
        const double lambda = per_row * rows;
        const double u = to_unit(words.next());
        double term = std::exp(-lambda), cdf = term;
        int count = 0;
        while (u >= cdf && count < 100000) {
            ++count;
            term *= lambda / count;
            cdf += term;
        }
        const auto sites = static_cast<double>(rows) * size_;
        for (int k = 0; k < count; ++k) {
            const auto offset = static_cast<std::uint32_t>(to_unit(words.next()) * sites);
            const auto L = static_cast<std::uint32_t>(size_);
            out.push_back((static_cast<std::uint32_t>(y0) + offset / L) << 16 | (offset % L));
        }
    }
}

// On a large lattice B no longer fits in cache: visiting burglars row by row turns random
// reads of B into nearly sequential ones. A stable counting sort by row, so the order stays
// a function of the previous order alone.
void Short2008::sort_by_row(std::vector<std::uint32_t>& pos) {
    row_start_.assign(static_cast<std::size_t>(size_) + 1, 0);
    for (auto packed : pos) ++row_start_[(packed >> 16) + 1];
    std::partial_sum(row_start_.begin(), row_start_.end(), row_start_.begin());
    sorted_.resize(pos.size());
    for (auto packed : pos) sorted_[row_start_[packed >> 16]++] = packed;
    pos.swap(sorted_);
}

void Short2008::step() {
    const std::size_t n = pos_.size();
    const std::size_t chunks = std::max<std::size_t>(1, (n + kChunk - 1) / kChunk);
    if (chunks_.size() < chunks) chunks_.resize(chunks);
    auto run_chunk = [&](std::size_t c) {
        chunks_[c].moved.clear();
        chunks_[c].burgled.clear();
        move_burglars(c * kChunk, std::min(n, (c + 1) * kChunk), chunks_[c].moved, chunks_[c].burgled);
    };
    if (chunks == 1) {
        run_chunk(0);
    } else {
        tbb::parallel_for(std::size_t{0}, chunks, run_chunk);
        stop_if_cancelled();
    }
    // Survivors in chunk order, then the newcomers.
    pos_next_.clear();
    burglaries_ = 0;
    for (std::size_t c = 0; c < chunks; ++c) {
        pos_next_.insert(pos_next_.end(), chunks_[c].moved.begin(), chunks_[c].moved.end());
        burglaries_ += static_cast<std::int64_t>(chunks_[c].burgled.size());
    }
    spawn(pos_next_);
    if (size_ >= 256) sort_by_row(pos_next_);
    const FieldParams field{p_.eta, p_.omega, p_.theta, p_.dt};
    spread_and_decay(field, Boundary::Periodic, size_, size_, b_, b_next_);
    for (std::size_t c = 0; c < chunks; ++c) add_crimes(field, chunks_[c].burgled, b_next_);
    sum_b_ = total_after_update(field, sum_b_, burglaries_);
    std::swap(b_, b_next_);
    std::swap(pos_, pos_next_);
    ++t_;
}

double top_share(const std::vector<double>& field, double fraction) {
    std::vector<double> sorted = field;
    const auto k = std::max<std::size_t>(1, static_cast<std::size_t>(fraction * static_cast<double>(sorted.size())));
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k - 1), sorted.end(),
                     std::greater<>());
    double top = 0.0;
    for (std::size_t i = 0; i < k; ++i) top += sorted[i];
    return top / std::accumulate(sorted.begin(), sorted.end(), 0.0);
}

}  // namespace trygg
