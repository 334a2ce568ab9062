#include "model/offending.hpp"

#include <algorithm>
#include <cmath>

namespace trygg {
namespace {

bool in_hours(int from, int to, int hour) {
    return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
}

// Raw target counts, before saturation.
double targets(CrimeType type, const OffendingParams& p, const Sites& sites, const Occupancy& occ, const Setting& s) {
    const auto k = static_cast<std::size_t>(s.site);
    const std::int32_t* c = occ.site_counts(s.site);
    auto n = [&](Presence kind) { return static_cast<double>(c[static_cast<int>(kind)]); };
    const double in_public = n(Presence::PublicAdult) + n(Presence::PublicYouth) + n(Presence::Visitor);
    switch (type) {
        case CrimeType::Burglary: {
            // Homes nobody is in: the classic target is the home empty in daytime.
            const double residents = sites.residents[k];
            if (residents <= 0) return 0.0;
            const double home = n(Presence::HomeAdult) + n(Presence::HomeMinor);
            return sites.homes[k] * std::clamp(1.0 - home / residents, 0.0, 1.0);
        }
        case CrimeType::VehicleTheft:
            return p.cars_per_resident * n(Presence::HomeAdult) + p.cars_per_worker * n(Presence::IndoorsAdult) +
                   p.cars_per_visitor * n(Presence::Visitor);
        case CrimeType::BicycleTheft:
            return p.bikes_per_person *
                   (n(Presence::IndoorsAdult) + n(Presence::IndoorsMinor) + n(Presence::PublicAdult) +
                    n(Presence::PublicYouth) + n(Presence::PublicChild));
        case CrimeType::OtherTheft:
        case CrimeType::Robbery:
        case CrimeType::Drugs:
            return in_public;
        case CrimeType::ShopTheft:
            return is_open(sites.shop_open_from[k], sites.shop_open_to[k], sites.shop_open_weekends[k] != 0, s.weekend,
                           s.clock_hour)
                       ? sites.shops[k]
                       : 0.0;
        case CrimeType::Vandalism:
            return sites.homes[k] + p.vandalism_place_weight * sites.places[k];
        case CrimeType::Assault:
            return in_public;
        default:
            return 0.0;
    }
}

}  // namespace

double opportunity(CrimeType type, const OffendingParams& p, const Sites& sites, const Occupancy& occ,
                   const Setting& s) {
    const double o = targets(type, p, sites, occ, s);
    const double half = p.types[static_cast<std::size_t>(type)].opportunity_half;
    return o / (o + half) * provocation(type, p, sites, s);
}

double provocation(CrimeType type, const OffendingParams& p, const Sites& sites, const Setting& s) {
    if (type != CrimeType::Assault) return 1.0;
    // Alcohol makes a setting violent, beyond how many people are in it: it multiplies the
    // rate, not the (saturating) count of targets.
    double alcohol = 1.0;
    if (sites.nightlife[static_cast<std::size_t>(s.site)] && in_hours(p.nightlife_from, p.nightlife_to, s.clock_hour)) {
        alcohol += p.nightlife_violence_factor * sites.alcohol_service[static_cast<std::size_t>(s.site)];
    }
    if (s.festive_night) alcohol *= p.festive_violence_factor;
    return alcohol;
}

double deterrence(CrimeType type, const OffendingParams& p, const Sites& sites, const Occupancy& occ,
                  const Setting& s) {
    return deterrence_of(p.types[static_cast<std::size_t>(type)], p, sites, occ, s);
}

double deterrence_of(const CrimeTypeParams& t, const OffendingParams& p, const Sites& sites, const Occupancy& occ,
                     const Setting& s) {
    const auto k = static_cast<std::size_t>(s.site);
    const std::int32_t* c = occ.site_counts(s.site);
    const double guardians = sites.collective_efficacy[k] *
                                 (c[static_cast<int>(Presence::PublicAdult)] + c[static_cast<int>(Presence::Visitor)] +
                                  p.home_guardian_weight * c[static_cast<int>(Presence::HomeAdult)]) +
                             s.unit_guardians;
    const double d_guard = 1.0 - std::exp(-guardians / t.guardian_scale);
    const double d_light = t.lighting_effect * sites.lighting[k] * s.darkness;
    const double d_camera =
        t.camera_effect * sites.cameras[k] * (sites.monitored[k] ? 1.0 : p.unmonitored_camera_factor);
    // Police deter beyond the witnesses they add: the risk of being caught on the spot.
    const double d_police = s.police_deterrence;
    return p.max_deterrence * (1.0 - (1.0 - d_guard) * (1.0 - d_light) * (1.0 - d_camera) * (1.0 - d_police));
}

OffenceRates offence_rates(const OffendingParams& p, const Sites& sites, const Occupancy& occ, const Setting& s,
                           double propensity, bool youth, double violence, double drugs) {
    OffenceRates r;
    double peer = 1.0;
    if (youth) {
        // Peers present raise youth offending (Warr 2002); the offender is not their own peer.
        const double peers = std::max(0, occ.at(s.site, Presence::PublicYouth) - 1);
        peer += p.peer_gain * std::min(peers, static_cast<double>(p.peer_cap)) / p.peer_cap;
    }
    r.peer = peer;
    for (int t = 0; t < kCrimeTypes; ++t) {
        const auto type = static_cast<CrimeType>(t);
        const double base = p.types[static_cast<std::size_t>(t)].base_rate;
        if (base <= 0) continue;
        const double o = opportunity(type, p, sites, occ, s);
        if (o <= 0) continue;
        // Drug offences are found rather than reported: patrols find more of them.
        const double found = type == CrimeType::Drugs ? s.drug_detection * drugs : 1.0;
        const double member = type == CrimeType::Assault ? violence : 1.0;
        const double undeterred = base * propensity * o * peer * found * member;
        const double rate = undeterred * (1.0 - deterrence(type, p, sites, occ, s));
        r.rate[static_cast<std::size_t>(t)] = rate;
        r.undeterred[static_cast<std::size_t>(t)] = undeterred;
        r.total += rate;
        r.undeterred_total += undeterred;
    }
    return r;
}

void scale_by_near_repeat(OffenceRates& rates, const NearRepeatField& field, std::int32_t cell) {
    rates.total = 0.0;
    rates.undeterred_total = 0.0;
    for (int t = 0; t < kCrimeTypes; ++t) {
        const double f = field.factor(static_cast<CrimeType>(t), cell);
        rates.rate[static_cast<std::size_t>(t)] *= f;
        rates.undeterred[static_cast<std::size_t>(t)] *= f;
        rates.total += rates.rate[static_cast<std::size_t>(t)];
        rates.undeterred_total += rates.undeterred[static_cast<std::size_t>(t)];
    }
}

CrimeType pick_type(const OffenceRates& rates, double u) {
    double pick = u * rates.total;
    int type = 0;
    while (type + 1 < kCrimeTypes && (pick -= rates.rate[static_cast<std::size_t>(type)]) >= 0) ++type;
    while (rates.rate[static_cast<std::size_t>(type)] <= 0) --type;  // rounding at the top end
    return static_cast<CrimeType>(type);
}

void spread_benefit(Sites& sites, const Grid& grid, double share) {
    if (share <= 0) return;
    const std::vector<float> lighting = sites.lighting, cameras = sites.cameras;
    const std::vector<std::uint8_t> monitored = sites.monitored;
    for (std::int32_t k = 0; k < sites.size(); ++k) {
        const int cell = sites.cell[static_cast<std::size_t>(k)];
        const int col = grid.col(cell), row = grid.row(cell);
        for (int dr = -1; dr <= 1; ++dr) {
            for (int dc = -1; dc <= 1; ++dc) {
                const int r = row + dr, c = col + dc;
                if ((dr == 0 && dc == 0) || r < 0 || c < 0 || r >= grid.ny || c >= grid.nx) continue;
                const std::int32_t n = sites.of_cell(grid.index(c, r));
                if (n < 0) continue;
                const auto kk = static_cast<std::size_t>(k), nn = static_cast<std::size_t>(n);
                sites.lighting[kk] = std::max(sites.lighting[kk], static_cast<float>(share) * lighting[nn]);
                if (static_cast<float>(share) * cameras[nn] > sites.cameras[kk]) {
                    sites.cameras[kk] = static_cast<float>(share) * cameras[nn];
                    sites.monitored[kk] = monitored[nn];
                }
            }
        }
    }
}

}  // namespace trygg
