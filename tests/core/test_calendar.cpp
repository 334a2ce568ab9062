// Calendar arithmetic, ISO weeks, Easter, Swedish holidays and school breaks. Expected values
// are fixed facts (almanac dates, Unix day numbers), not recomputed with the code under test.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"

namespace trygg {
namespace {

// Borlänge's rules as the city config gives them (sportlov week 9 in Dalarna).
const SchoolHolidayRules borlange_rules{9, 44, {6, 13}, {8, 17}, {12, 21}, {1, 7}};

TEST(Calendar, KnownDayNumbers) {
    EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
    EXPECT_EQ(days_from_civil({1969, 12, 31}), -1);
    EXPECT_EQ(days_from_civil({1900, 1, 1}), -25567);  // Unix -2208988800 s
    EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);   // day after a 400-year leap day
    EXPECT_EQ(days_from_civil({2024, 1, 1}), 19723);   // Unix 1704067200 s
    EXPECT_EQ(days_from_civil({2024, 2, 29}), 19782);
    EXPECT_EQ(civil_from_days(19782), (Date{2024, 2, 29}));
    EXPECT_EQ(civil_from_days(-25567), (Date{1900, 1, 1}));
}

TEST(Calendar, RoundTripIsContiguousOverCenturies) {
    // 1899-12-01 .. 2101-01-31 covers the non-leap 1900 and 2100 and the leap 2000 and 2024.
    const std::int64_t first = days_from_civil({1899, 12, 1});
    const std::int64_t last = days_from_civil({2101, 1, 31});
    Date previous = civil_from_days(first - 1);
    int leap_days = 0;
    for (std::int64_t d = first; d <= last; ++d) {
        const Date date = civil_from_days(d);
        ASSERT_TRUE(is_valid(date)) << to_string(date);
        ASSERT_EQ(days_from_civil(date), d) << to_string(date);
        ASSERT_LT(previous, date);
        // Each day is the previous day + 1, or the first of the next month.
        const bool next_in_month =
            date.year == previous.year && date.month == previous.month && date.day == previous.day + 1;
        const bool first_of_month = date.day == 1 && previous.day == days_in_month(previous.year, previous.month);
        ASSERT_TRUE(next_in_month || first_of_month) << to_string(date);
        if (date.month == 2 && date.day == 29) ++leap_days;
        previous = date;
    }
    // The leap days are those of the 49 multiples of 4 from 1904 to 2096 (2000 included);
    // 1900 and 2100 are in range but are not leap years.
    EXPECT_EQ(leap_days, 49);
}

TEST(Calendar, LeapYears) {
    EXPECT_TRUE(is_leap_year(2000));
    EXPECT_FALSE(is_leap_year(1900));
    EXPECT_FALSE(is_leap_year(2100));
    EXPECT_TRUE(is_leap_year(2024));
    EXPECT_FALSE(is_leap_year(2025));
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(2025, 2), 28);
    EXPECT_EQ(days_in_month(2025, 4), 30);
    EXPECT_EQ(days_in_month(2025, 13), 0);
}

TEST(Calendar, AddDaysCrossesMonthsAndYears) {
    EXPECT_EQ(add_days({2024, 2, 28}, 1), (Date{2024, 2, 29}));
    EXPECT_EQ(add_days({2025, 2, 28}, 1), (Date{2025, 3, 1}));
    EXPECT_EQ(add_days({1900, 3, 1}, -1), (Date{1900, 2, 28}));
    EXPECT_EQ(add_days({2000, 3, 1}, -1), (Date{2000, 2, 29}));
    EXPECT_EQ(add_days({2024, 12, 31}, 1), (Date{2025, 1, 1}));
    EXPECT_EQ(add_days({2025, 1, 1}, 364), (Date{2025, 12, 31}));
    EXPECT_EQ(add_days({2024, 1, 1}, 365), (Date{2024, 12, 31}));
}

TEST(Calendar, ParseDateAcceptsStrictIso) {
    EXPECT_EQ(parse_date("2024-02-29"), (Date{2024, 2, 29}));
    EXPECT_EQ(parse_date("2025-12-31"), (Date{2025, 12, 31}));
    EXPECT_EQ(parse_date("0987-01-02"), (Date{987, 1, 2}));
}

TEST(Calendar, ParseDateRejectsEverythingElse) {
    for (const char* bad :
         {"2025-02-29", "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "25-01-01", "2025-1-1",
          "", "2025-01-01x", " 2025-01-01", "2025/01/01", "+025-01-01", "2025-01-0a", "0000-01-01"}) {
        EXPECT_FALSE(parse_date(bad).has_value()) << '"' << bad << '"';
    }
}

TEST(Calendar, ToStringPadsAndRoundTrips) {
    EXPECT_EQ(to_string({2025, 6, 1}), "2025-06-01");
    EXPECT_EQ(to_string({987, 1, 2}), "0987-01-02");
    const Date date{2024, 2, 29};
    EXPECT_EQ(parse_date(to_string(date)), date);
}

TEST(Calendar, IsoWeekday) {
    EXPECT_EQ(iso_weekday({2025, 1, 1}), 3);    // Wednesday
    EXPECT_EQ(iso_weekday({1970, 1, 1}), 4);    // Thursday
    EXPECT_EQ(iso_weekday({1969, 12, 28}), 7);  // Sunday, before the epoch
    EXPECT_EQ(iso_weekday({2000, 1, 1}), 6);    // Saturday
    EXPECT_EQ(iso_weekday({2024, 2, 29}), 4);   // Thursday
    EXPECT_EQ(iso_weekday({2025, 6, 20}), 5);   // Friday (midsommarafton)
    EXPECT_EQ(iso_weekday({2025, 6, 23}), 1);   // Monday
}

TEST(Calendar, IsoWeekEdges) {
    EXPECT_EQ(iso_week({2024, 12, 30}), 1);  // Monday of week 1 of 2025
    EXPECT_EQ(iso_week_year({2024, 12, 30}), 2025);
    EXPECT_EQ(iso_week({2021, 1, 3}), 53);  // Sunday of week 53 of 2020
    EXPECT_EQ(iso_week_year({2021, 1, 3}), 2020);
    EXPECT_EQ(iso_week({2021, 1, 4}), 1);
    EXPECT_EQ(iso_week({2025, 1, 1}), 1);
    EXPECT_EQ(iso_week({2025, 2, 24}), 9);  // Borlänge sportlov 2025 starts
    EXPECT_EQ(iso_week({2025, 2, 23}), 8);
    EXPECT_EQ(iso_week({2025, 12, 28}), 52);
    EXPECT_EQ(iso_week({2026, 12, 31}), 53);  // 2026 starts on a Thursday: 53 weeks
    EXPECT_EQ(iso_week({2027, 1, 3}), 53);
    EXPECT_EQ(iso_week_year({2027, 1, 3}), 2026);
}

TEST(Calendar, EasterSunday) {
    EXPECT_EQ(easter_sunday(2019), (Date{2019, 4, 21}));
    EXPECT_EQ(easter_sunday(2024), (Date{2024, 3, 31}));
    EXPECT_EQ(easter_sunday(2025), (Date{2025, 4, 20}));
    EXPECT_EQ(easter_sunday(2026), (Date{2026, 4, 5}));
    EXPECT_EQ(easter_sunday(2008), (Date{2008, 3, 23}));
    EXPECT_EQ(easter_sunday(2038), (Date{2038, 4, 25}));  // latest possible date
    EXPECT_EQ(easter_sunday(2285), (Date{2285, 3, 22}));  // earliest possible date
    for (int year = 1900; year <= 2100; ++year) {
        const Date easter = easter_sunday(year);
        ASSERT_EQ(iso_weekday(easter), 7) << year;
        ASSERT_GE(easter, (Date{year, 3, 22}));
        ASSERT_LE(easter, (Date{year, 4, 25}));
    }
}

TEST(Calendar, MovableSwedishHolidays) {
    EXPECT_EQ(swedish_holiday_name({2025, 6, 20}), "Midsommarafton");
    EXPECT_EQ(swedish_holiday_name({2026, 6, 19}), "Midsommarafton");
    EXPECT_EQ(swedish_holiday_name({2025, 6, 21}), "Midsommardagen");
    EXPECT_EQ(swedish_holiday_name({2026, 6, 20}), "Midsommardagen");
    EXPECT_EQ(swedish_holiday_name({2025, 6, 27}), "");  // a later Friday in June
    // 2027 puts midsommar and Alla helgons dag at the last day the law allows.
    EXPECT_EQ(swedish_holiday_name({2027, 6, 18}), "");
    EXPECT_EQ(swedish_holiday_name({2027, 6, 25}), "Midsommarafton");
    EXPECT_EQ(swedish_holiday_name({2027, 6, 26}), "Midsommardagen");
    EXPECT_EQ(swedish_holiday_name({2027, 11, 6}), "Alla helgons dag");
    EXPECT_EQ(swedish_holiday_name({2027, 10, 30}), "");
    EXPECT_EQ(swedish_holiday_name({2025, 11, 1}), "Alla helgons dag");
    EXPECT_EQ(swedish_holiday_name({2026, 10, 31}), "Alla helgons dag");
    EXPECT_EQ(swedish_holiday_name({2025, 11, 8}), "");
    EXPECT_EQ(swedish_holiday_name({2025, 4, 18}), "Långfredagen");
    EXPECT_EQ(swedish_holiday_name({2025, 5, 29}), "Kristi himmelsfärdsdag");
    EXPECT_EQ(swedish_holiday_name({2025, 6, 8}), "Pingstdagen");
    EXPECT_EQ(swedish_holiday_name({2025, 4, 19}), "");  // påskafton: a Saturday, not counted
    EXPECT_EQ(swedish_holiday_name({2025, 4, 30}), "");  // Valborg is a work day
    EXPECT_EQ(swedish_holiday_name({2025, 1, 5}), "");   // an ordinary Sunday
}

TEST(Calendar, AllPublicHolidaysOf2025) {
    const std::vector<std::pair<std::string, std::string>> expected{
        {"2025-01-01", "Nyårsdagen"},
        {"2025-01-06", "Trettondedag jul"},
        {"2025-04-18", "Långfredagen"},
        {"2025-04-20", "Påskdagen"},
        {"2025-04-21", "Annandag påsk"},
        {"2025-05-01", "Första maj"},
        {"2025-05-29", "Kristi himmelsfärdsdag"},
        {"2025-06-06", "Sveriges nationaldag"},
        {"2025-06-08", "Pingstdagen"},
        {"2025-06-20", "Midsommarafton"},
        {"2025-06-21", "Midsommardagen"},
        {"2025-11-01", "Alla helgons dag"},
        {"2025-12-24", "Julafton"},
        {"2025-12-25", "Juldagen"},
        {"2025-12-26", "Annandag jul"},
        {"2025-12-31", "Nyårsafton"},
    };
    std::vector<std::pair<std::string, std::string>> found;
    for (Date date{2025, 1, 1}; date.year == 2025; date = add_days(date, 1)) {
        const DayInfo info = describe_day(date, borlange_rules);
        ASSERT_EQ(info.public_holiday, !info.holiday_name.empty()) << to_string(date);
        if (info.public_holiday) found.emplace_back(to_string(date), std::string(info.holiday_name));
    }
    EXPECT_EQ(found.size(), 16u);  // 13 röda dagar off Sundays + 3 eves
    EXPECT_EQ(found, expected);
}

TEST(Calendar, WorkDays) {
    const DayInfo monday = describe_day({2025, 3, 3}, borlange_rules);
    EXPECT_TRUE(monday.work_day);
    EXPECT_FALSE(describe_day({2025, 3, 1}, borlange_rules).work_day);    // Saturday
    EXPECT_FALSE(describe_day({2025, 5, 1}, borlange_rules).work_day);    // Första maj, Thursday
    EXPECT_FALSE(describe_day({2025, 12, 24}, borlange_rules).work_day);  // Julafton, Wednesday
    EXPECT_TRUE(describe_day({2025, 4, 30}, borlange_rules).work_day);    // Valborg, Wednesday
    // 2025 has 104 weekend days; of its 16 holidays 12 fall on weekdays (Midsommardagen and
    // Alla helgons dag are Saturdays, Påskdagen and Pingstdagen Sundays).
    int work_days = 0;
    for (Date date{2025, 1, 1}; date.year == 2025; date = add_days(date, 1)) {
        if (describe_day(date, borlange_rules).work_day) ++work_days;
    }
    EXPECT_EQ(work_days, 365 - 104 - 12);
}

struct SchoolCase {
    Date date;
    bool school_day;
    bool school_holiday;
    const char* why;
};

TEST(Calendar, SchoolDaysAndHolidaysInBorlange) {
    const std::vector<SchoolCase> cases{
        {{2025, 1, 7}, false, true, "last day of jullov (Tuesday)"},
        {{2025, 1, 8}, true, false, "first school day of the spring term"},
        {{2025, 2, 21}, true, false, "Friday before sportlov"},
        {{2025, 2, 24}, false, true, "Monday of sportlov, week 9"},
        {{2025, 2, 28}, false, true, "Friday of sportlov"},
        {{2025, 3, 1}, false, false, "Saturday after sportlov: an ordinary weekend"},
        {{2025, 3, 3}, true, false, "Monday of week 10"},
        {{2025, 4, 17}, true, false, "Thursday before Easter"},
        {{2025, 4, 21}, false, true, "Annandag påsk, first day of påsklov"},
        {{2025, 4, 22}, false, true, "Tuesday of påsklov"},
        {{2025, 4, 25}, false, true, "Friday of påsklov"},
        {{2025, 4, 28}, true, false, "Monday after påsklov"},
        {{2025, 5, 1}, false, false, "Första maj: holiday but not a school break"},
        {{2025, 6, 12}, true, false, "last school day before summer"},
        {{2025, 6, 13}, false, true, "first day of sommarlov"},
        {{2025, 6, 14}, false, true, "Saturday inside sommarlov"},
        {{2025, 8, 17}, false, true, "last day of sommarlov (Sunday)"},
        {{2025, 8, 18}, true, false, "first school day of the autumn term"},
        {{2025, 10, 24}, true, false, "Friday of week 43"},
        {{2025, 10, 27}, false, true, "Monday of höstlov, week 44"},
        {{2025, 11, 3}, true, false, "Monday of week 45"},
        {{2025, 12, 19}, true, false, "last school day before Christmas"},
        {{2025, 12, 22}, false, true, "Monday of jullov"},
        {{2026, 1, 7}, false, true, "jullov across the year end"},
        {{2026, 1, 8}, true, false, "school again"},
    };
    for (const SchoolCase& c : cases) {
        const DayInfo info = describe_day(c.date, borlange_rules);
        EXPECT_EQ(info.school_day, c.school_day) << to_string(c.date) << ": " << c.why;
        EXPECT_EQ(info.school_holiday, c.school_holiday) << to_string(c.date) << ": " << c.why;
    }
}

TEST(Calendar, WeekBasedBreaksFollowTheRules) {
    // The same Monday is a school day when the municipality places sportlov in week 8.
    const SchoolHolidayRules week8{8, 44, {6, 13}, {8, 17}, {12, 21}, {1, 7}};
    EXPECT_TRUE(describe_day({2025, 2, 24}, week8).school_day);
    EXPECT_FALSE(describe_day({2025, 2, 17}, week8).school_day);
}

TEST(Calendar, WeekendNights) {
    EXPECT_FALSE(describe_day({2025, 6, 12}, borlange_rules).weekend_night);  // Thursday
    EXPECT_TRUE(describe_day({2025, 6, 13}, borlange_rules).weekend_night);   // Friday
    EXPECT_TRUE(describe_day({2025, 6, 14}, borlange_rules).weekend_night);   // Saturday
    EXPECT_FALSE(describe_day({2025, 6, 15}, borlange_rules).weekend_night);  // Sunday
}

TEST(Calendar, FestiveNights) {
    EXPECT_TRUE(describe_day({2025, 4, 30}, borlange_rules).festive_night);   // Valborg
    EXPECT_TRUE(describe_day({2025, 6, 20}, borlange_rules).festive_night);   // Midsommarafton
    EXPECT_TRUE(describe_day({2025, 12, 31}, borlange_rules).festive_night);  // Nyårsafton
    EXPECT_TRUE(describe_day({2026, 6, 19}, borlange_rules).festive_night);
    EXPECT_FALSE(describe_day({2026, 6, 20}, borlange_rules).festive_night);
    EXPECT_FALSE(describe_day({2025, 6, 21}, borlange_rules).festive_night);
    EXPECT_FALSE(describe_day({2025, 12, 24}, borlange_rules).festive_night);
    EXPECT_FALSE(describe_day({2025, 5, 1}, borlange_rules).festive_night);
    int festive = 0;
    for (Date date{2025, 1, 1}; date.year == 2025; date = add_days(date, 1)) {
        if (describe_day(date, borlange_rules).festive_night) ++festive;
    }
    EXPECT_EQ(festive, 3);
}

TEST(Calendar, IndustrialHolidayWeeks28To31) {
    EXPECT_FALSE(describe_day({2025, 7, 6}, borlange_rules).industrial_holiday);  // week 27
    EXPECT_TRUE(describe_day({2025, 7, 7}, borlange_rules).industrial_holiday);   // week 28
    EXPECT_TRUE(describe_day({2025, 8, 3}, borlange_rules).industrial_holiday);   // week 31
    EXPECT_FALSE(describe_day({2025, 8, 4}, borlange_rules).industrial_holiday);  // week 32
}

TEST(Calendar, DescribeDayCarriesDateAndWeekday) {
    const DayInfo info = describe_day({2025, 6, 20}, borlange_rules);
    EXPECT_EQ(info.date, (Date{2025, 6, 20}));
    EXPECT_EQ(info.weekday, 5);
    EXPECT_TRUE(info.public_holiday);
    EXPECT_FALSE(info.work_day);
    EXPECT_EQ(info.holiday_name, "Midsommarafton");
}

TEST(Calendar, MonthDayValidity) {
    EXPECT_TRUE(is_valid(MonthDay{2, 29}));
    EXPECT_FALSE(is_valid(MonthDay{2, 30}));
    EXPECT_FALSE(is_valid(MonthDay{13, 1}));
    EXPECT_FALSE(is_valid(MonthDay{6, 0}));
}

}  // namespace
}  // namespace trygg
