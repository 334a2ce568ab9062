#include "core/timeline.hpp"

#include <string>

#include "core/error.hpp"

namespace trygg {

Timeline build_timeline(Date start, int weeks, GeoPoint where, const SchoolHolidayRules& rules) {
    if (!is_valid(start)) {
        throw InputError("timeline: invalid start date " + to_string(start));
    }
    if (weeks < 0) {
        throw InputError("timeline: number of weeks must not be negative, got " + std::to_string(weeks));
    }
    Timeline timeline;
    timeline.start = start;
    timeline.weeks = weeks;
    const int day_count = 7 * weeks;
    timeline.days.reserve(static_cast<std::size_t>(day_count));
    timeline.darkness.reserve(static_cast<std::size_t>(day_count) * 24);
    for (int d = 0; d < day_count; ++d) {
        const Date date = add_days(start, d);
        timeline.days.push_back(describe_day(date, rules));
        for (int hour = 0; hour < 24; ++hour) {
            timeline.darkness.push_back(static_cast<float>(darkness_fraction(where, date, hour)));
        }
    }
    return timeline;
}

}  // namespace trygg
