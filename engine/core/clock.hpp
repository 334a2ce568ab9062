#pragma once
// The model's clock, named once: every phase of an hour, a day, a week and a year counts in
// these units (DESIGN §3.2). The model day begins at 04:00, when everyone is at home (nights
// out end by 03:00), so the small hours belong to the evening before.
namespace trygg {

inline constexpr int kHoursPerDay = 24;
inline constexpr int kDaysPerWeek = 7;
inline constexpr int kHoursPerWeek = kHoursPerDay * kDaysPerWeek;  // 168
inline constexpr int kWeeksPerYear = 52;                           // a model year is 52 weeks (364 days)
inline constexpr int kDaysPerYear = kWeeksPerYear * kDaysPerWeek;
// A model quarter is 13 weeks: the risk-area indicator and the safety survey are quarterly.
inline constexpr int kWeeksPerQuarter = kWeeksPerYear / 4;

// Clock hour at which the model day begins; hours before it belong to the day before.
inline constexpr int kModelDayStart = 4;
// Clock hours of the model day run kModelDayStart .. kModelDayEnd − 1 (4..27, 27 = 03:00).
inline constexpr int kModelDayEnd = kModelDayStart + kHoursPerDay;
// Every block away from home ends by this model-day hour (03:00 the next morning).
inline constexpr int kLatestReturn = kModelDayEnd - 1;

// Clock hour 0..23 of the model day's hour h (4..27), and back.
inline constexpr int model_clock(int clock_hour) {
    return clock_hour < kModelDayStart ? clock_hour + kHoursPerDay : clock_hour;
}
// Whether simulation hour `hour` ends a week (the last hour of a Sunday).
inline constexpr bool ends_week(int hour) {
    return (hour + 1) % kHoursPerWeek == 0;
}

}  // namespace trygg
