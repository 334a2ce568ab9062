#include "model/attractiveness.hpp"

#include "core/parallel.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace trygg {
namespace {

// Built for AVX2 and for the baseline x86-64 alike, chosen at load time: the stencil is
// memory- and SIMD-bound, and AVX2 doubles its width. Same arithmetic, same results. Not under
// TSan: the load-time resolver would run instrumented before TSan's runtime is up (segfault).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
__attribute__((target_clones("avx2", "default")))
#endif
void update_rows(const FieldParams& p, Boundary boundary, int nx, int ny, const double* __restrict b,
                 double* __restrict out, int row_begin, int row_end) {
    const double keep = 1.0 - p.eta;
    const double share = p.eta / 4.0;
    const double decay = 1.0 - p.omega * p.dt;
    for (int y = row_begin; y < row_end; ++y) {
        const int yn = y + 1 < ny ? y + 1 : (boundary == Boundary::Periodic ? 0 : y);
        const int ys = y > 0 ? y - 1 : (boundary == Boundary::Periodic ? ny - 1 : y);
        const double* __restrict row = b + static_cast<std::ptrdiff_t>(y) * nx;
        const double* __restrict north = b + static_cast<std::ptrdiff_t>(yn) * nx;
        const double* __restrict south = b + static_cast<std::ptrdiff_t>(ys) * nx;
        double* __restrict o = out + static_cast<std::ptrdiff_t>(y) * nx;
        auto cell = [&](int x, double west, double east) {
            o[x] = (keep * row[x] + share * (north[x] + south[x] + west + east)) * decay;
        };
        if (nx == 1) {
            cell(0, row[0], row[0]);
        } else {
            cell(0, boundary == Boundary::Periodic ? row[nx - 1] : row[0], row[1]);
            // The interior: a plain stencil the compiler vectorises.
            for (int x = 1; x < nx - 1; ++x) {
                o[x] = (keep * row[x] + share * (north[x] + south[x] + row[x - 1] + row[x + 1])) * decay;
            }
            cell(nx - 1, row[nx - 2], boundary == Boundary::Periodic ? row[0] : row[nx - 1]);
        }
    }
}

}  // namespace

void spread_and_decay(const FieldParams& p, Boundary boundary, int nx, int ny, std::span<const double> b,
                      std::span<double> b_next) {
    // Below ~64k cells a parallel loop costs more than it saves.
    if (static_cast<long>(nx) * ny < 65536) {
        update_rows(p, boundary, nx, ny, b.data(), b_next.data(), 0, ny);
        return;
    }
    tbb::parallel_for(tbb::blocked_range<int>(0, ny, 32), [&](const tbb::blocked_range<int>& r) {
        update_rows(p, boundary, nx, ny, b.data(), b_next.data(), r.begin(), r.end());
    });
    stop_if_cancelled();
}

double total_after_update(const FieldParams& p, double total, std::int64_t events) {
    return total * (1.0 - p.omega * p.dt) + p.theta * static_cast<double>(events);
}

}  // namespace trygg
