#include "model/victims.hpp"

namespace trygg {

VictimGroup victim_of(CrimeType type, const OffendingParams& p, const Sites& sites, const Occupancy& occ,
                      std::int32_t site, double u) {
    const auto k = static_cast<std::size_t>(site);
    const std::int32_t* c = occ.site_counts(site);
    auto n = [&](Presence kind) { return static_cast<double>(c[static_cast<int>(kind)]); };
    const double premises = sites.shops[k] + p.vandalism_place_weight * sites.places[k];
    auto share = [](double part, double whole) { return whole > 0 ? part / whole : 0.0; };
    switch (type) {
        case CrimeType::ShopTheft:
            return VictimGroup::Business;
        case CrimeType::Drugs:
            return VictimGroup::Count;
        case CrimeType::BicycleTheft:
            return VictimGroup::Resident;
        case CrimeType::Burglary:
        case CrimeType::Vandalism:
            return u < share(premises, premises + sites.homes[k]) ? VictimGroup::Business : VictimGroup::Resident;
        case CrimeType::VehicleTheft: {
            const double visitors = p.cars_per_visitor * n(Presence::Visitor);
            const double all =
                visitors + p.cars_per_resident * n(Presence::HomeAdult) + p.cars_per_worker * n(Presence::IndoorsAdult);
            return u < share(visitors, all) ? VictimGroup::Visitor : VictimGroup::Resident;
        }
        default: {  // crimes against persons in public space
            const double visitors = n(Presence::Visitor);
            return u < share(visitors, visitors + n(Presence::PublicAdult) + n(Presence::PublicYouth))
                       ? VictimGroup::Visitor
                       : VictimGroup::Resident;
        }
    }
}

}  // namespace trygg
