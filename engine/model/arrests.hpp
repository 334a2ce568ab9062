#pragma once
// Arrests (DESIGN §3.5): a share of offences leads to arrest, more where cameras watch; the
// arrested offender commits no offence for a spell (custody, remand, a short sentence).
// Repeat offenders exist because propensity is heavy-tailed: the prolific few return.
#include "model/crime_type.hpp"

#include <array>

namespace trygg {

struct ArrestParams {
    std::array<double, kCrimeTypes> probability{};  // share of offences of the type cleared by arrest
    double camera_gain = 0.0;                       // × (1 + gain × camera coverage) at the crime site (monitored)
    double spell_days_mean = 0.0;                   // mean days off the street, exponentially distributed
};

inline double arrest_probability(const ArrestParams& p, CrimeType type, double camera_coverage) {
    const double q = p.probability[static_cast<std::size_t>(type)] * (1.0 + p.camera_gain * camera_coverage);
    return q < 1.0 ? q : 1.0;
}

}  // namespace trygg
