#pragma once
// Routine activities (DESIGN §3.4; Cohen & Felson 1979): a day is a few blocks away from
// home — the main activity (work, school), an errand, a supervised activity, unstructured
// time with peers, a night out — each with a probability that depends on the kind of day,
// a start time and a length. Everyone is at home between blocks and at 04:00, where the
// model's day begins (a night out belongs to the evening it started).
#include "population/population.hpp"

#include <array>
#include <cstdint>

namespace trygg {

enum class Block : std::uint8_t { Main, Errand, Activity, Hangout, NightOut, Count };
inline constexpr int kBlocks = static_cast<int>(Block::Count);

// The kind of day as a schedule sees it.
enum class DayClass : std::uint8_t {
    Duty,     // a work or school day for this schedule
    Off,      // a weekday without duty: school holiday for pupils
    Weekend,  // Saturday, Sunday or public holiday
    Count
};
inline constexpr int kDayClasses = static_cast<int>(DayClass::Count);

struct BlockSpec {
    std::array<double, kDayClasses> probability{};  // of having this block on such a day
    double weekend_night_factor = 1.0;              // × on Friday and Saturday (evening blocks)
    double festive_night_factor = 1.0;              // × on Valborg, midsommarafton, nyårsafton
    double start_mean = 0.0;                        // clock hour, may pass 24 (25 = 01:00)
    double late_night_shift = 0.0;                  // [h] later start on Friday, Saturday and festive nights
    double start_sd = 0.0;                          // [h]
    double hours_mean = 0.0;                        // length [h]
    double hours_sd = 0.0;                          // [h]
};

struct ScheduleSpec {
    std::array<BlockSpec, kBlocks> blocks{};
};

struct RoutineParams {
    std::array<ScheduleSpec, kSchedules> schedules{};
    double industrial_holiday_factor = 1.0;  // × main-block probability of workers, weeks 28–31
    // × block probability by youth leisure pattern; Neutral is 1 everywhere.
    std::array<std::array<double, kBlocks>, kLeisurePatterns> leisure_factor{};
    double hangout_radius_m = 0.0;         // unstructured time is spent this close to home
    double errand_distance_scale_m = 0.0;  // distance decay of errand destinations
    int night_out_min_age = 18;
};

// The routine class of a person: schedule × leisure pattern, an index into the day tables.
inline constexpr int kRoutineClasses = kSchedules * kLeisurePatterns;
inline int routine_class(Schedule s, Leisure l) {
    return static_cast<int>(s) * kLeisurePatterns + static_cast<int>(l);
}

}  // namespace trygg
