#pragma once
// The civil calendar as the simulation sees it: proleptic Gregorian dates, ISO 8601 weeks,
// Swedish public holidays and a municipality's school holidays. Everything here is a pure
// function of the date (and the holiday rules), so the timeline can precompute it once.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trygg {

// A calendar date. Ordering is chronological because the members compare year, month, day
// in that order.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const Date&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1..12

// True for a real day of years 1..9999, the range "YYYY-MM-DD" can write.
bool is_valid(Date);

std::int64_t days_from_civil(Date);  // days since 1970-01-01 (proleptic Gregorian)
Date civil_from_days(std::int64_t days);
Date add_days(Date, std::int64_t);

int iso_weekday(Date);    // 1 = Monday ... 7 = Sunday
int iso_week(Date);       // ISO 8601 week number, 1..53
int iso_week_year(Date);  // the year the ISO week belongs to (2024-12-30 -> 2025)

Date easter_sunday(int year);  // Gregorian computus

// Strict "YYYY-MM-DD": exactly ten characters, zero-padded, and a real day.
std::optional<Date> parse_date(std::string_view iso);
std::string to_string(Date);  // "YYYY-MM-DD"

struct MonthDay {
    int month = 1;
    int day = 1;
};
// 29 February counts as valid: the rule applies to every year and simply never fires in
// common years.
bool is_valid(MonthDay);

// School holidays of a Swedish municipality. Defaults are not given here: the city config
// supplies them. The school ordinance (skolförordningen 2011:185, 3 kap. 3 §) fixes only the
// number of school days; each municipality sets the dates of its terms and breaks.
struct SchoolHolidayRules {
    int sportlov_iso_week = 0;  // Dalarna/Borlänge: week 9; 0 = none
    int hostlov_iso_week = 0;   // week 44 nationally; 0 = none
    MonthDay sommarlov_first;   // first holiday day, e.g. {6, 13}
    MonthDay sommarlov_last;    // last holiday day, e.g. {8, 17}
    MonthDay jullov_first;      // e.g. {12, 21}; jullov wraps the year end
    MonthDay jullov_last;       // e.g. {1, 7}
    // Påsklov is not configurable: it is Monday-Friday of the ISO week that contains Easter
    // Monday, which is how most Dalarna municipalities place it (the week after Easter).
};

// Inside sportlov, påsklov, sommarlov, höstlov or jullov. The week-based breaks (sportlov,
// påsklov, höstlov) cover Monday-Friday of their week; the weekends around them are
// ordinary weekends. The date-range breaks (sommarlov, jullov) cover every day in range.
bool is_school_holiday(Date, const SchoolHolidayRules&);

// Swedish name of the public holiday or de-facto holiday eve on this date, empty if none.
std::string_view swedish_holiday_name(Date);

struct DayInfo {
    Date date;
    int weekday = 1;                  // ISO 1..7
    bool public_holiday = false;      // "röd dag", plus midsommarafton, julafton, nyårsafton
    bool work_day = false;            // Monday-Friday and not public_holiday
    bool school_day = false;          // work_day and not a school holiday
    bool school_holiday = false;      // inside a school break (any weekday)
    bool weekend_night = false;       // the night after this day is a Friday or Saturday night
    bool festive_night = false;       // the night after is Valborg, midsommarafton or nyårsafton
    bool industrial_holiday = false;  // ISO weeks 28-31 ("industrisemester")
    std::string_view holiday_name;    // e.g. "Midsommarafton"; empty if none
};
DayInfo describe_day(Date, const SchoolHolidayRules&);

}  // namespace trygg
