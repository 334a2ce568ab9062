#pragma once
// Collective efficacy per district moves, slowly (Sampson, Raudenbush & Earls 1997; DESIGN
// §3.8): residents' trust and willingness to intervene fall with victimisation, insecurity,
// disorder, residential turnover and visible network presence, and recover as they fall.
// Each week the district's efficacy moves 1/weeks_to_settle of the way to its target:
//
//   target = initial − Σ_k effect_k × (driver_k − status quo_k)
//                    + tenure effect × (share of residents in rebuilt homes)
//                    + civil-society effect × (share of residents its work reaches)   clamped to [floor, ceiling]
//
// The status quo is what the district's residents lived with when its initial efficacy was
// measured: the baseline's first-year drivers (tools/status_quo.py writes them into the
// city config). A baseline run therefore keeps each district near its initial efficacy, and
// a run whose measures lower crime, insecurity or disorder for years raises it. Guardianship
// and reporting read the sites' efficacy, so the change feeds back into crime.
#include "model/insecurity.hpp"

#include <algorithm>
#include <vector>

namespace trygg {

// What moves efficacy, per district (rates per 1,000 residents a week, shares 0..1).
struct EfficacyDrivers {
    double victimisation = 0.0;  // crimes against residents
    double unsafe = 0.0;         // share of residents 16–84 unsafe out late
    double disorder = 0.0;       // vandalism and arson
    double network = 0.0;        // network member-hours in public
    double turnover = 0.0;       // residents moving out or dying, replaced by newcomers
    double tenure = 0.0;         // share of residents in rebuilt homes (housing development; status quo 0)
    double civil_society = 0.0;  // share of residents where civil-society work runs (status quo 0)
};

struct CollectiveEfficacyParams {
    double weeks_to_settle = 1.0;  // time constant of the move towards the target
    double victimisation_effect = 0.0;
    double insecurity_effect = 0.0;
    double disorder_effect = 0.0;
    double network_effect = 0.0;
    double turnover_effect = 0.0;
    double tenure_effect = 0.0;         // + per unit of the rebuilt share: mixed tenure, owners who stay
    double civil_society_effect = 0.0;  // + per unit share of residents reached by civil-society work
    double floor = 0.05;
    double ceiling = 0.95;
    std::vector<EfficacyDrivers> status_quo;  // [district]
};

inline double efficacy_target(const CollectiveEfficacyParams& p, double initial, const EfficacyDrivers& now,
                              const EfficacyDrivers& status_quo) {
    const double t = initial - p.victimisation_effect * (now.victimisation - status_quo.victimisation) -
                     p.insecurity_effect * (now.unsafe - status_quo.unsafe) -
                     p.disorder_effect * (now.disorder - status_quo.disorder) -
                     p.network_effect * (now.network - status_quo.network) -
                     p.turnover_effect * (now.turnover - status_quo.turnover) +
                     p.tenure_effect * (now.tenure - status_quo.tenure) +
                     p.civil_society_effect * (now.civil_society - status_quo.civil_society);
    return std::clamp(t, p.floor, p.ceiling);
}

// One week's move of `current` towards `target`.
inline double settle(const CollectiveEfficacyParams& p, double current, double target) {
    return current + (target - current) / p.weeks_to_settle;
}

}  // namespace trygg
