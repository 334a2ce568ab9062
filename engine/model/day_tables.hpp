#pragma once
// Routine parameters turned into lookup tables for the run's calendar, once, before the
// hour loop: block probabilities per day and routine class, and start and length quantile
// tables per schedule and block. The day planner then needs no date logic and no
// transcendental function per person.
#include "core/timeline.hpp"
#include "model/routine.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

struct DayTables {
    int days = 0;
    std::vector<std::uint32_t> threshold;  // [day][routine class][block], probability × 65536
    std::vector<std::uint8_t> start;       // [schedule][block][late night?][256] start clock hour, 4..26
    std::vector<std::uint8_t> hours;       // [schedule][block][256] length [h], 1..23
    std::vector<std::uint8_t> weekend;     // [day] Saturday, Sunday or public holiday
    std::vector<std::uint8_t> late_night;  // [day] a Friday, Saturday or festive night follows

    const std::uint32_t* row(int day, int routine_class) const {
        return &threshold[(static_cast<std::size_t>(day) * kRoutineClasses + static_cast<std::size_t>(routine_class)) *
                          kBlocks];
    }
    std::uint8_t start_hour(int schedule, int block, bool late, std::uint32_t u8) const {
        return start[((static_cast<std::size_t>(schedule) * kBlocks + static_cast<std::size_t>(block)) * 2 + late) *
                         256 +
                     u8];
    }
    std::uint8_t length(int schedule, int block, std::uint32_t u8) const {
        return hours[(static_cast<std::size_t>(schedule) * kBlocks + static_cast<std::size_t>(block)) * 256 + u8];
    }
};

DayClass day_class(Schedule schedule, const DayInfo& day);
DayTables build_day_tables(const Timeline& timeline, const RoutineParams& params);

}  // namespace trygg
