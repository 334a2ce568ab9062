#pragma once
// The run's calendar, precomputed once so the hour loop never does date arithmetic or solar
// geometry: index a day by hour / 24 and the darkness by the hour itself.
//
// The simulation runs 24 local clock hours per day, every day. On the daylight saving switch
// days the real day has 23 or 25 hours; the skipped March hour and the doubled October hour are
// not modelled (each clock hour 00..23 is simulated once). Darkness is still computed with the
// UTC offset that holds at each local hour, so the evening light shifts by an hour at the
// switch as it does in Borlänge.
#include <cstddef>
#include <vector>

#include "core/calendar.hpp"
#include "core/daylight.hpp"

namespace trygg {

struct Timeline {
    Date start;
    int weeks = 0;
    std::vector<DayInfo> days;    // 7 * weeks entries, days[d] is start + d
    std::vector<float> darkness;  // [d * 24 + local_hour], darkness_fraction of that clock hour
    int hours() const { return static_cast<int>(days.size()) * 24; }

    // The day and clock hour of a simulation hour 0 .. hours() - 1.
    const DayInfo& day_of_hour(int hour) const { return days[static_cast<std::size_t>(hour / 24)]; }
    static int local_hour(int hour) { return hour % 24; }
};

// Throws InputError for an invalid start date or a negative number of weeks.
Timeline build_timeline(Date start, int weeks, GeoPoint where, const SchoolHolidayRules& rules);

}  // namespace trygg
