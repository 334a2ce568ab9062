#include "model/day_tables.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace trygg {
namespace {

// Standard normal quantile by bisection on the CDF: set-up code, precision over speed.
double normal_quantile(double p) {
    double lo = -10.0, hi = 10.0;
    for (int k = 0; k < 100; ++k) {
        const double mid = 0.5 * (lo + hi);
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

bool school_schedule(Schedule s) {
    return s == Schedule::ChildPupil || s == Schedule::TeenPupil || s == Schedule::UpperSecondary;
}

}  // namespace

DayClass day_class(Schedule schedule, const DayInfo& day) {
    if (!day.work_day) return DayClass::Weekend;
    if (school_schedule(schedule) && !day.school_day) return DayClass::Off;
    return DayClass::Duty;
}

DayTables build_day_tables(const Timeline& timeline, const RoutineParams& params) {
    DayTables t;
    t.days = static_cast<int>(timeline.days.size());
    t.threshold.resize(static_cast<std::size_t>(t.days) * kRoutineClasses * kBlocks);
    for (int d = 0; d < t.days; ++d) {
        const DayInfo& day = timeline.days[static_cast<std::size_t>(d)];
        t.weekend.push_back(day.weekday >= 6 || day.public_holiday ? 1 : 0);
        t.late_night.push_back(day.weekend_night || day.festive_night ? 1 : 0);
        for (int s = 0; s < kSchedules; ++s) {
            const auto schedule = static_cast<Schedule>(s);
            const auto cls = static_cast<std::size_t>(day_class(schedule, day));
            for (int l = 0; l < kLeisurePatterns; ++l) {
                const int rc = routine_class(schedule, static_cast<Leisure>(l));
                for (int b = 0; b < kBlocks; ++b) {
                    const BlockSpec& spec =
                        params.schedules[static_cast<std::size_t>(s)].blocks[static_cast<std::size_t>(b)];
                    double p = spec.probability[cls] *
                               params.leisure_factor[static_cast<std::size_t>(l)][static_cast<std::size_t>(b)];
                    if (day.weekend_night) p *= spec.weekend_night_factor;
                    if (day.festive_night) p *= spec.festive_night_factor;
                    if (day.industrial_holiday && schedule == Schedule::Worker && b == static_cast<int>(Block::Main)) {
                        p *= params.industrial_holiday_factor;
                    }
                    p = std::clamp(p, 0.0, 1.0);
                    t.threshold[(static_cast<std::size_t>(d) * kRoutineClasses + static_cast<std::size_t>(rc)) *
                                    kBlocks +
                                static_cast<std::size_t>(b)] = static_cast<std::uint32_t>(std::lround(p * 65536.0));
                }
            }
        }
    }
    t.start.resize(static_cast<std::size_t>(kSchedules) * kBlocks * 2 * 256);
    t.hours.resize(static_cast<std::size_t>(kSchedules) * kBlocks * 256);
    // The 256 quantiles are the same for every schedule and block: found once (each is a
    // hundred-step bisection, and every replicate builds these tables).
    std::array<double, 256> quantile{};
    for (int q = 0; q < 256; ++q) quantile[static_cast<std::size_t>(q)] = normal_quantile((q + 0.5) / 256.0);
    for (int s = 0; s < kSchedules; ++s) {
        for (int b = 0; b < kBlocks; ++b) {
            const BlockSpec& spec = params.schedules[static_cast<std::size_t>(s)].blocks[static_cast<std::size_t>(b)];
            for (int q = 0; q < 256; ++q) {
                const double z = quantile[static_cast<std::size_t>(q)];
                const auto at = (static_cast<std::size_t>(s) * kBlocks + static_cast<std::size_t>(b)) * 256 +
                                static_cast<std::size_t>(q);
                for (int late = 0; late < 2; ++late) {
                    const double mean = spec.start_mean + (late ? spec.late_night_shift : 0.0);
                    const auto start_at = ((static_cast<std::size_t>(s) * kBlocks + static_cast<std::size_t>(b)) * 2 +
                                           static_cast<std::size_t>(late)) *
                                              256 +
                                          static_cast<std::size_t>(q);
                    t.start[start_at] =
                        static_cast<std::uint8_t>(std::clamp(std::lround(mean + spec.start_sd * z), 4L, 26L));
                }
                t.hours[at] =
                    static_cast<std::uint8_t>(std::clamp(std::lround(spec.hours_mean + spec.hours_sd * z), 1L, 23L));
            }
        }
    }
    return t;
}

}  // namespace trygg
