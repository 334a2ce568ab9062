#pragma once
// Where crime events go. The ledger counts them — true, registered by the police, known to
// the EST picture — per week, district and type, per cell, and by victim group, and keeps
// the events themselves when asked to (the researchers' event log).
#include "model/crime_type.hpp"
#include "model/reporting.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

struct CrimeEvent {
    int hour = 0;               // hours since the start of the run
    std::int32_t cell = 0;      // grid cell
    std::int32_t district = 0;  // district index, -1 outside every district
    CrimeType type = CrimeType::Burglary;
    std::uint32_t offender = 0;               // person index
    VictimGroup victim = VictimGroup::Count;  // Count: no victim (drug offences)
    std::uint32_t reported_by = 0;            // bit 0: registered by the police; bit k: EST actor k
    bool arrested = false;
};

class CrimeLedger {
public:
    CrimeLedger(int weeks, int districts, int cells, bool keep_events);

    void record(const CrimeEvent& e);

    const std::vector<std::int32_t>& weekly_true() const { return weekly_true_; }          // [week][district][type]
    const std::vector<std::int32_t>& weekly_reported() const { return weekly_reported_; }  // police-registered
    const std::vector<std::int32_t>& weekly_est() const { return weekly_est_; }            // known to any EST actor
    const std::vector<std::int32_t>& cells_true() const { return cells_true_; }            // [type][cell]
    const std::vector<std::int32_t>& cells_est() const { return cells_est_; }              // [type][cell]
    const std::vector<std::int32_t>& victims() const { return victims_; }                  // [group][district]
    const std::vector<std::int32_t>& by_hour() const { return by_hour_; }                  // [clock hour][type]
    const std::vector<CrimeEvent>& events() const { return events_; }
    // Saving and restoring a replicate's state (sim/replicate_state.hpp): a continuation
    // sized for a longer horizon takes the saved weeks into the front of its own.
    template <class Archive>
    void persist(Archive& a) {
        a.grown("weekly_true", weekly_true_);
        a.grown("weekly_reported", weekly_reported_);
        a.grown("weekly_est", weekly_est_);
        a.field("cells_true", cells_true_);
        a.field("cells_est", cells_est_);
        a.field("victims", victims_);
        a.field("by_hour", by_hour_);
        a.field("events", events_);
        if (!keep_events_) events_.clear();  // a continuation without the event log keeps none
    }

private:
    std::size_t districts_;
    std::size_t cells_;
    bool keep_events_;
    std::vector<std::int32_t> weekly_true_, weekly_reported_, weekly_est_;
    std::vector<std::int32_t> cells_true_, cells_est_;
    std::vector<std::int32_t> victims_;
    std::vector<std::int32_t> by_hour_;  // in the study area, like the weekly counts
    std::vector<CrimeEvent> events_;
};

}  // namespace trygg
