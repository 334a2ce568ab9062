#include "sim/crime_ledger.hpp"

#include "core/clock.hpp"

namespace trygg {

CrimeLedger::CrimeLedger(int weeks, int districts, int cells, bool keep_events)
    : districts_(static_cast<std::size_t>(districts)),
      cells_(static_cast<std::size_t>(cells)),
      keep_events_(keep_events),
      weekly_true_(static_cast<std::size_t>(weeks) * districts_ * kCrimeTypes, 0),
      weekly_reported_(weekly_true_.size(), 0),
      weekly_est_(weekly_true_.size(), 0),
      cells_true_(static_cast<std::size_t>(kCrimeTypes) * cells_, 0),
      cells_est_(cells_true_.size(), 0),
      victims_(static_cast<std::size_t>(kVictimGroups) * districts_, 0),
      by_hour_(static_cast<std::size_t>(24 * kCrimeTypes), 0) {}

void CrimeLedger::record(const CrimeEvent& e) {
    const auto t = static_cast<std::size_t>(e.type);
    const auto week = static_cast<std::size_t>(e.hour / kHoursPerWeek);
    if (e.district >= 0) {
        const std::size_t k = (week * districts_ + static_cast<std::size_t>(e.district)) * kCrimeTypes + t;
        ++weekly_true_[k];
        if (e.reported_by & 1u) ++weekly_reported_[k];
        if (e.reported_by != 0) ++weekly_est_[k];
        if (e.victim != VictimGroup::Count)
            ++victims_[static_cast<std::size_t>(e.victim) * districts_ + static_cast<std::size_t>(e.district)];
    }
    ++cells_true_[t * cells_ + static_cast<std::size_t>(e.cell)];
    if (e.reported_by != 0) ++cells_est_[t * cells_ + static_cast<std::size_t>(e.cell)];
    if (e.district >= 0) ++by_hour_[static_cast<std::size_t>(e.hour % 24) * kCrimeTypes + t];
    if (keep_events_) events_.push_back(e);
}

}  // namespace trygg
