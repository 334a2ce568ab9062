#include "model/incidents.hpp"

#include <algorithm>

namespace trygg {
namespace {

double incident_targets(IncidentType type, const OffendingParams& p, const Sites& sites, const Occupancy& occ,
                        const Setting& s) {
    const auto k = static_cast<std::size_t>(s.site);
    const std::int32_t* c = occ.site_counts(s.site);
    auto n = [&](Presence kind) { return static_cast<double>(c[static_cast<int>(kind)]); };
    switch (type) {
        case IncidentType::Disorder:  // those disturbed: people out, and neighbours at home
            return n(Presence::PublicAdult) + n(Presence::PublicYouth) + n(Presence::Visitor) +
                   p.home_guardian_weight * n(Presence::HomeAdult);
        case IncidentType::Fire:  // bins and storage at the homes and places, and parked cars
            return sites.homes[k] + p.vandalism_place_weight * sites.places[k] +
                   p.cars_per_resident * n(Presence::HomeAdult);
        default:
            return 0.0;
    }
}

}  // namespace

IncidentRates incident_rates(const IncidentParams& ip, const OffendingParams& p, const Sites& sites,
                             const Occupancy& occ, const Setting& s, double propensity, double peer) {
    IncidentRates r;
    for (int t = 0; t < kIncidentTypes; ++t) {
        const auto type = static_cast<IncidentType>(t);
        const CrimeTypeParams& tp = ip.types[static_cast<std::size_t>(t)];
        if (tp.base_rate <= 0) continue;
        const double o = incident_targets(type, p, sites, occ, s);
        if (o <= 0) continue;
        double setting = 1.0;
        if (type == IncidentType::Disorder && sites.nightlife[static_cast<std::size_t>(s.site)] &&
            (p.nightlife_from <= p.nightlife_to ? s.clock_hour >= p.nightlife_from && s.clock_hour < p.nightlife_to
                                                : s.clock_hour >= p.nightlife_from || s.clock_hour < p.nightlife_to)) {
            setting += ip.nightlife_disorder_factor * sites.alcohol_service[static_cast<std::size_t>(s.site)];
        }
        const double rate = tp.base_rate * propensity * o / (o + tp.opportunity_half) * setting * peer *
                            (1.0 - deterrence_of(tp, p, sites, occ, s));
        r.rate[static_cast<std::size_t>(t)] = rate;
        r.total += rate;
    }
    return r;
}

IncidentType pick_incident(const IncidentRates& r, double u) {
    return u * r.total < r.rate[0] ? IncidentType::Disorder : IncidentType::Fire;
}

}  // namespace trygg
