#pragma once
// Disorder and deliberately set fires (DESIGN §3.6, §3.8): incidents that are not counted as
// crimes but that EST's actors report each week — ordningsstörningar (noise, intoxication,
// youth gatherings that disturb) and fires in bins, cars and cellars. They happen through the
// offending rule's own terms, per offender-hour in public space:
//
//   rate(type) = base(type) × propensity × opportunity(site, hour, type) × peer_factor
//                × (1 − deterrence(site, hour, type))
//
// Disorder's targets are the people around to be disturbed (in public and at home), with the
// night-life factor where alcohol is served at night; fires' are the homes' bins and storage
// and the parked cars. Guardians, lighting and cameras deter them as they deter crimes, with
// their own scales. *Simplified:* only the model's offenders (those for whom crime is an
// option, and network members) cause incidents; the drunk reveller who is no offender is
// left out, so disorder is tied to the same people as crime.
#include "model/incident_type.hpp"
#include "model/offending.hpp"

#include <array>

namespace trygg {

struct IncidentParams {
    std::array<CrimeTypeParams, kIncidentTypes> types{};  // base rate, opportunity, deterrence scales
    double nightlife_disorder_factor = 0.0;               // × disorder at night-life sites in night-life hours
};

struct IncidentRates {
    std::array<double, kIncidentTypes> rate{};
    double total = 0.0;
};

// Rates of an offender-hour at the setting; `peer` is the offending rule's peer factor.
IncidentRates incident_rates(const IncidentParams& ip, const OffendingParams& p, const Sites& sites,
                             const Occupancy& occ, const Setting& s, double propensity, double peer);

// The type of an incident that happens, with probability ∝ its rate, from a uniform draw.
IncidentType pick_incident(const IncidentRates& r, double u);

}  // namespace trygg
