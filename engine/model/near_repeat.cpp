#include "model/near_repeat.hpp"

namespace trygg {

NearRepeatField::NearRepeatField(const std::array<NearRepeatParams, kCrimeTypes>& params, int nx, int ny)
    : params_(params), nx_(nx), ny_(ny) {
    const auto cells = static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny);
    for (int t = 0; t < kCrimeTypes; ++t) {
        if (!params_[static_cast<std::size_t>(t)].enabled) continue;
        b_[static_cast<std::size_t>(t)].assign(cells, 0.0);
        next_[static_cast<std::size_t>(t)].assign(cells, 0.0);
    }
}

void NearRepeatField::end_of_day() {
    for (int t = 0; t < kCrimeTypes; ++t) {
        const auto k = static_cast<std::size_t>(t);
        const NearRepeatParams& p = params_[k];
        if (!p.enabled) continue;
        // One step of one day; the city's edge reflects, so B does not leak out of it.
        const FieldParams field{p.eta, p.omega_per_day, p.theta, 1.0};
        spread_and_decay(field, Boundary::Reflecting, nx_, ny_, b_[k], next_[k]);
        add_crimes(field, today_[k], next_[k]);
        today_[k].clear();
        b_[k].swap(next_[k]);
    }
}

}  // namespace trygg
