#include "model/occupancy.hpp"

#include <utility>

namespace trygg {

Occupancy::Occupancy(const Sites& sites, const RoutineAgents& agents)
    : count_(static_cast<std::size_t>(sites.size()) * kPresenceKinds, 0) {
    for (std::size_t i = 0; i < agents.size(); ++i) {
        const Presence kind = home_kind(static_cast<AgeGroup>(agents.age_group[i]));
        ++count_[static_cast<std::size_t>(slot(agents.home_site[i], kind))];
        ++total_[static_cast<std::size_t>(kind)];
    }
}

Occupancy::Occupancy(std::vector<std::int32_t> counts) : count_(std::move(counts)) {
    // Visitors are not kept in the totals, as on the hour step's path.
    for (std::size_t k = 0; k < count_.size(); ++k) {
        if (k % kPresenceKinds != static_cast<std::size_t>(Presence::Visitor)) total_[k % kPresenceKinds] += count_[k];
    }
}

std::int64_t Occupancy::residents_present() const {
    std::int64_t total = 0;
    for (std::size_t k = 0; k < count_.size(); ++k) {
        if (k % kPresenceKinds != static_cast<std::size_t>(Presence::Visitor)) total += count_[k];
    }
    return total;
}

}  // namespace trygg
