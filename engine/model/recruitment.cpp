#include "model/recruitment.hpp"

#include "core/clock.hpp"

#include <algorithm>
#include <cmath>

namespace trygg {
namespace {

double chance(double rate) {
    return -std::expm1(-std::max(0.0, rate));
}

}  // namespace

Network next_network_state(const RecruitmentParams& p, Network now, const RecruitmentInputs& in, double u) {
    const double year = 1.0 / kWeeksPerYear;
    switch (now) {
        case Network::None: {
            if (in.age < p.min_age || in.age > p.max_age) return Network::None;
            const double rate = p.contact_per_tie * in.ties_in_network +
                                p.contact_per_exposure * in.member_exposure_hours / 10.0 +
                                p.contact_per_presence * in.district_members_per_1000;
            return u < chance(rate) ? Network::Contact : Network::None;
        }
        case Network::Contact: {
            double rate = p.associate_rate * std::exp(p.associate_slope * (in.sat_index - in.threshold));
            if (in.debt) rate *= p.debt_factor;
            const double up = chance(rate);
            if (u < up) return Network::Associate;
            return u < up + chance(p.contact_lapse_per_year * year) ? Network::None : Network::Contact;
        }
        case Network::Associate: {
            const double up = chance(p.member_rate * std::exp(p.associate_slope * (in.sat_index - in.threshold)) +
                                     p.member_per_tie * in.ties_to_members);
            if (u < up) return Network::Member;
            return u < up + chance(p.associate_lapse_per_year * year) ? Network::None : Network::Associate;
        }
        default: {
            double rate = p.member_exit_per_year + p.ageing_out_per_year * std::max(0, in.age - p.ageing_out_from);
            if (in.exit_programme) rate *= p.exit_programme_factor;
            return u < chance(rate * year) ? Network::None : Network::Member;
        }
    }
}

}  // namespace trygg
