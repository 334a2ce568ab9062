#pragma once
// Where crime events go. The tally counts them per week, district and type and per cell;
// later consumers (victims, reporting, the EST picture, an event log) attach here.
#include "model/crime_type.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

struct CrimeEvent {
    int hour = 0;              // hours since the start of the run
    std::int32_t cell = 0;     // grid cell
    std::int32_t district = 0; // district index
    CrimeType type = CrimeType::Burglary;
    std::uint32_t offender = 0;  // person index
};

class CrimeTally {
public:
    CrimeTally(int weeks, int districts, int cells)
        : districts_(districts), cells_(cells),
          weekly_(static_cast<std::size_t>(weeks) * districts * kCrimeTypes, 0),
          by_cell_(static_cast<std::size_t>(kCrimeTypes) * cells, 0) {}

    void record(const CrimeEvent& e) {
        const auto t = static_cast<std::size_t>(e.type);
        const auto week = static_cast<std::size_t>(e.hour / (24 * 7));
        if (e.district >= 0) ++weekly_[(week * districts_ + static_cast<std::size_t>(e.district)) * kCrimeTypes + t];
        ++by_cell_[t * cells_ + static_cast<std::size_t>(e.cell)];
        ++total_;
    }
    const std::vector<std::int32_t>& weekly() const { return weekly_; }   // [week][district][type]
    const std::vector<std::int32_t>& by_cell() const { return by_cell_; } // [type][cell]
    std::int64_t total() const { return total_; }

private:
    std::size_t districts_;
    std::size_t cells_;
    std::vector<std::int32_t> weekly_;
    std::vector<std::int32_t> by_cell_;
    std::int64_t total_ = 0;
};

}  // namespace trygg
