#include "core/calendar.hpp"

#include <array>

namespace trygg {

namespace {

// Floor division and modulo: day counts before 1970 are negative, and C++ division truncates
// towards zero, which would put those days in the wrong 400-year era or weekday.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
    return a - floor_div(a, b) * b;
}

// Days in one 400-year Gregorian cycle, and from 0000-03-01 (the start of the cycle when years
// are counted from March) to 1970-01-01.
constexpr std::int64_t days_per_era = 146097;
constexpr std::int64_t days_0000_03_01_to_epoch = 719468;

// Month and day as one comparable number, e.g. 12 21 -> 1221.
int month_day_key(int month, int day) {
    return month * 100 + day;
}

// Inclusive range of month-days; a range whose first day comes after its last wraps the year
// end (jullov: 21 Dec .. 7 Jan).
bool in_month_day_range(Date date, MonthDay first, MonthDay last) {
    const int key = month_day_key(date.month, date.day);
    const int lo = month_day_key(first.month, first.day);
    const int hi = month_day_key(last.month, last.day);
    if (lo <= hi) return key >= lo && key <= hi;
    return key >= lo || key <= hi;
}

// True if the date is the given ISO weekday and falls between two days of one month
// (inclusive): the law fixes midsommar as "the Friday/Saturday that falls between ..."
// (lag 1989:253, 1 §).
bool is_weekday_between(Date date, int weekday, int month, int first_day, int last_day_inclusive) {
    if (iso_weekday(date) != weekday) return false;
    const std::int64_t d = days_from_civil(date);
    const std::int64_t lo = days_from_civil(Date{date.year, month, first_day});
    return d >= lo && d <= lo + (last_day_inclusive - first_day);
}

}  // namespace

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> lengths{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && is_leap_year(year)) return 29;
    return lengths[static_cast<std::size_t>(month - 1)];
}

bool is_valid(Date date) {
    return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

bool is_valid(MonthDay md) {
    return md.month >= 1 && md.month <= 12 && md.day >= 1 &&
           md.day <= days_in_month(2000, md.month);  // 2000 is a leap year: allows 29 Feb
}

// Day counting with the year starting on 1 March, so the leap day is the last day of the
// counting year and the month lengths from March follow a fixed 153-days-per-5-months pattern.
// This is the approach of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
// (howardhinnant.github.io/date_algorithms.html), written out here with floor division.
std::int64_t days_from_civil(Date date) {
    const std::int64_t year = date.month <= 2 ? std::int64_t{date.year} - 1 : date.year;
    const std::int64_t era = floor_div(year, 400);
    const std::int64_t year_of_era = year - era * 400;            // 0..399
    const std::int64_t month_from_march = (date.month + 9) % 12;  // Mar = 0 .. Feb = 11
    const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * days_per_era + day_of_era - days_0000_03_01_to_epoch;
}

Date civil_from_days(std::int64_t days) {
    const std::int64_t shifted = days + days_0000_03_01_to_epoch;
    const std::int64_t era = floor_div(shifted, days_per_era);
    const std::int64_t day_of_era = shifted - era * days_per_era;  // 0..146096
    // Remove the leap days so far in the era, then divide by 365.
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
    const std::int64_t day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    const std::int64_t month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    return Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

Date add_days(Date date, std::int64_t days) {
    return civil_from_days(days_from_civil(date) + days);
}

int iso_weekday(Date date) {
    // 1970-01-01 was a Thursday (ISO 4).
    return static_cast<int>(floor_mod(days_from_civil(date) + 3, 7)) + 1;
}

// ISO 8601: a week belongs to the year that holds its Thursday, so week 1 is the week with
// the year's first Thursday.
int iso_week(Date date) {
    const Date thursday = add_days(date, 4 - iso_weekday(date));
    const std::int64_t day_of_year = days_from_civil(thursday) - days_from_civil(Date{thursday.year, 1, 1});
    return static_cast<int>(day_of_year / 7) + 1;
}

int iso_week_year(Date date) {
    return add_days(date, 4 - iso_weekday(date)).year;
}

// The anonymous Gregorian computus (Nature 1876; Butcher 1876), as given in J. Meeus,
// "Astronomical Algorithms", 2nd ed., ch. 8. Valid for every Gregorian year (>= 1583; earlier
// years get the proleptic answer).
Date easter_sunday(int year) {
    const int golden = year % 19;  // position in the 19-year Metonic cycle
    const int century = year / 100;
    const int year_of_century = year % 100;
    const int leap_centuries = century / 4;
    const int century_rest = century % 4;
    const int moon_correction = (century + 8) / 25;
    const int solar_correction = (century - moon_correction + 1) / 3;
    const int epact = (19 * golden + century - leap_centuries - solar_correction + 15) % 30;
    const int leaps = year_of_century / 4;
    const int year_rest = year_of_century % 4;
    const int to_sunday = (32 + 2 * century_rest + 2 * leaps - epact - year_rest) % 7;
    const int shift = (golden + 11 * epact + 22 * to_sunday) / 451;
    const int n = epact + to_sunday - 7 * shift + 114;
    return Date{year, n / 31, n % 31 + 1};
}

std::optional<Date> parse_date(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    int fields[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t widths[3] = {4, 2, 2};
    for (std::size_t f = 0; f < 3; ++f) {
        for (std::size_t i = starts[f]; i < starts[f] + widths[f]; ++i) {
            const char c = iso[i];
            if (c < '0' || c > '9') return std::nullopt;
            fields[f] = fields[f] * 10 + (c - '0');
        }
    }
    const Date date{fields[0], fields[1], fields[2]};
    if (!is_valid(date)) return std::nullopt;
    return date;
}

std::string to_string(Date date) {
    auto padded = [](int value, std::size_t width) {
        std::string digits = std::to_string(value < 0 ? -value : value);
        if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
        return value < 0 ? "-" + digits : digits;
    };
    return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2);
}

// Lag (1989:253) om allmänna helgdagar, 1 §, lists the "röda dagar". Sundays are holidays
// under the same law but are left out here: a Sunday is already not a work day. The eves
// midsommarafton, julafton and nyårsafton are not in the law but are days off under nearly all
// collective agreements and shops close early, so the simulation treats them as holidays.
// Påskafton is not listed: it is always a Saturday, and shops keep Saturday hours.
std::string_view swedish_holiday_name(Date date) {
    const int md = month_day_key(date.month, date.day);
    switch (md) {
        case 101:
            return "Nyårsdagen";
        case 106:
            return "Trettondedag jul";
        case 501:
            return "Första maj";
        case 606:
            return "Sveriges nationaldag";
        case 1224:
            return "Julafton";
        case 1225:
            return "Juldagen";
        case 1226:
            return "Annandag jul";
        case 1231:
            return "Nyårsafton";
        default:
            break;
    }
    const std::int64_t from_easter = days_from_civil(date) - days_from_civil(easter_sunday(date.year));
    switch (from_easter) {
        case -2:
            return "Långfredagen";
        case 0:
            return "Påskdagen";
        case 1:
            return "Annandag påsk";
        case 39:
            return "Kristi himmelsfärdsdag";
        case 49:
            return "Pingstdagen";
        default:
            break;
    }
    if (is_weekday_between(date, 5, 6, 19, 25)) return "Midsommarafton";
    if (is_weekday_between(date, 6, 6, 20, 26)) return "Midsommardagen";
    // Alla helgons dag: the Saturday 31 Oct - 6 Nov, counted from 31 Oct of the same year.
    if (iso_weekday(date) == 6) {
        const std::int64_t from_oct_31 = days_from_civil(date) - days_from_civil(Date{date.year, 10, 31});
        if (from_oct_31 >= 0 && from_oct_31 <= 6) return "Alla helgons dag";
    }
    return {};
}

bool is_school_holiday(Date date, const SchoolHolidayRules& rules) {
    const int weekday = iso_weekday(date);
    if (weekday <= 5) {
        const int week = iso_week(date);
        if (week == rules.sportlov_iso_week || week == rules.hostlov_iso_week) return true;
        // Påsklov: Easter Monday and the rest of that working week.
        const std::int64_t from_easter = days_from_civil(date) - days_from_civil(easter_sunday(date.year));
        if (from_easter >= 1 && from_easter <= 5) return true;
    }
    return in_month_day_range(date, rules.sommarlov_first, rules.sommarlov_last) ||
           in_month_day_range(date, rules.jullov_first, rules.jullov_last);
}

DayInfo describe_day(Date date, const SchoolHolidayRules& rules) {
    DayInfo info;
    info.date = date;
    info.weekday = iso_weekday(date);
    info.holiday_name = swedish_holiday_name(date);
    info.public_holiday = !info.holiday_name.empty();
    info.work_day = info.weekday <= 5 && !info.public_holiday;
    info.school_holiday = is_school_holiday(date, rules);
    info.school_day = info.work_day && !info.school_holiday;
    info.weekend_night = info.weekday == 5 || info.weekday == 6;
    // The three big nights out of the Swedish year; Valborgsmässoafton is a work day but its
    // evening is a night of outdoor bonfires and drinking.
    info.festive_night = (date.month == 4 && date.day == 30) || info.holiday_name == "Midsommarafton" ||
                         (date.month == 12 && date.day == 31);
    // Industrisemester: much of Swedish industry closes, and most workers take leave, in
    // weeks 28-31.
    const int week = iso_week(date);
    info.industrial_holiday = week >= 28 && week <= 31;
    return info;
}

}  // namespace trygg
