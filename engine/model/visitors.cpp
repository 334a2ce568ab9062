#include "model/visitors.hpp"

#include <algorithm>
#include <cmath>

namespace trygg {

VisitorFlow::VisitorFlow(const City& city, const Sites& sites) {
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        const auto& traits = city.place_types[static_cast<std::size_t>(city.places[p].type)];
        if (traits.visitors_peak <= 0) continue;
        const auto& footprint = sites.place_footprint[p];
        const double share = 1.0 / static_cast<double>(footprint.size());
        for (const std::int32_t s : footprint) {
            sources_.push_back({s, &traits, &city.places[p], share});
            if (std::find(visited_sites_.begin(), visited_sites_.end(), s) == visited_sites_.end())
                visited_sites_.push_back(s);
        }
    }
}

void VisitorFlow::apply(Occupancy& occupancy, int clock_hour, bool weekend) const {
    for (auto s : visited_sites_) occupancy.set_visitors(s, 0);
    for (const auto& src : sources_) {
        const auto& t = *src.traits;
        if (!is_open(src.place->open_from, src.place->open_to, src.place->open_weekends, weekend, clock_hour)) continue;
        const double v = t.visitors_peak * src.share * t.visitor_profile[static_cast<std::size_t>(clock_hour)] *
                         (weekend ? t.weekend_visitor_factor : 1.0);
        occupancy.set_visitors(src.site,
                               occupancy.at(src.site, Presence::Visitor) + static_cast<std::int32_t>(std::lround(v)));
    }
}

}  // namespace trygg
