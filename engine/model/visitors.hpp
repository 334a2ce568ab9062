#pragma once
// Visitors (DESIGN §3.3): business owners' customers and travellers from outside the city
// are not agents but a flow into places — the centre, Kupolen, the travel centre — by hour,
// spread over each place's footprint.
#include "model/occupancy.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

class VisitorFlow {
public:
    VisitorFlow(const City& city, const Sites& sites);
    // Sets the Visitor count of every visited site for this clock hour.
    void apply(Occupancy& occupancy, int clock_hour, bool weekend) const;

private:
    struct Source {
        std::int32_t site;
        const PlaceTypeTraits* traits;
        const Place* place;
        double share;  // of the place's visitors in this cell of its footprint
    };
    std::vector<Source> sources_;
    std::vector<std::int32_t> visited_sites_;
};

}  // namespace trygg
