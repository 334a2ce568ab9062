// The precomputed run calendar: sizes, indexing, and that its tables match the functions they
// cache.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/timeline.hpp"

namespace trygg {
namespace {

const GeoPoint borlange{60.48, 15.43};
const SchoolHolidayRules borlange_rules{9, 44, {6, 13}, {8, 17}, {12, 21}, {1, 7}};

// Built once: 52 weeks of darkness is some 100 000 solar positions.
const Timeline& year_2025() {
    static const Timeline timeline = build_timeline({2025, 1, 6}, 52, borlange, borlange_rules);
    return timeline;
}

// Mean darkness of the night hours 20:00-06:00 over the days of one month.
double mean_night_darkness(const Timeline& timeline, int month) {
    double sum = 0;
    int count = 0;
    for (std::size_t d = 0; d < timeline.days.size(); ++d) {
        if (timeline.days[d].date.month != month) continue;
        for (int hour : {20, 21, 22, 23, 0, 1, 2, 3, 4, 5}) {
            sum += timeline.darkness[d * 24 + static_cast<std::size_t>(hour)];
            ++count;
        }
    }
    return sum / count;
}

TEST(Timeline, SizesForAYear) {
    const Timeline& timeline = year_2025();
    EXPECT_EQ(timeline.start, (Date{2025, 1, 6}));
    EXPECT_EQ(timeline.weeks, 52);
    EXPECT_EQ(timeline.days.size(), 364u);
    EXPECT_EQ(timeline.darkness.size(), 8736u);
    EXPECT_EQ(timeline.hours(), 8736);
}

TEST(Timeline, DaysAreConsecutive) {
    const Timeline& timeline = year_2025();
    for (std::size_t d = 0; d < timeline.days.size(); ++d) {
        ASSERT_EQ(timeline.days[d].date, add_days(timeline.start, static_cast<std::int64_t>(d)));
        ASSERT_EQ(timeline.days[d].weekday, static_cast<int>(d % 7) + 1);  // starts on a Monday
    }
    EXPECT_EQ(timeline.days.back().date, (Date{2026, 1, 4}));
}

TEST(Timeline, HourIndexing) {
    const Timeline& timeline = year_2025();
    // Hour 24 * 165 + 18 is 18:00 on 2025-06-20 (start + 165 days), midsommarafton.
    const int hour = 24 * 165 + 18;
    EXPECT_EQ(timeline.day_of_hour(hour).date, (Date{2025, 6, 20}));
    EXPECT_EQ(timeline.day_of_hour(hour).holiday_name, "Midsommarafton");
    EXPECT_EQ(Timeline::local_hour(hour), 18);
}

TEST(Timeline, TablesMatchTheFunctionsTheyCache) {
    const Timeline& timeline = year_2025();
    for (std::size_t d : {0u, 83u, 165u, 293u, 349u}) {  // incl. both clock switch days
        const Date date = timeline.days[d].date;
        const DayInfo expected = describe_day(date, borlange_rules);
        EXPECT_EQ(timeline.days[d].school_day, expected.school_day) << to_string(date);
        EXPECT_EQ(timeline.days[d].public_holiday, expected.public_holiday) << to_string(date);
        for (int hour = 0; hour < 24; ++hour) {
            EXPECT_FLOAT_EQ(timeline.darkness[d * 24 + static_cast<std::size_t>(hour)],
                            static_cast<float>(darkness_fraction(borlange, date, hour)))
                << to_string(date) << " " << hour;
        }
    }
}

TEST(Timeline, DecemberNightsAreDarkerThanJuneNights) {
    const Timeline& timeline = year_2025();
    const double december = mean_night_darkness(timeline, 12);
    const double june = mean_night_darkness(timeline, 6);
    EXPECT_GT(december, 0.99);  // the sun is far below the horizon all night
    EXPECT_LT(june, 0.7);       // light until about 22:30 and again from about 03:30
    EXPECT_GT(december, june);
}

TEST(Timeline, AllDarknessValuesAreShares) {
    for (float dark : year_2025().darkness) {
        ASSERT_GE(dark, 0.0f);
        ASSERT_LE(dark, 1.0f);
    }
}

TEST(Timeline, ZeroWeeksIsEmpty) {
    const Timeline timeline = build_timeline({2025, 1, 6}, 0, borlange, borlange_rules);
    EXPECT_TRUE(timeline.days.empty());
    EXPECT_TRUE(timeline.darkness.empty());
    EXPECT_EQ(timeline.hours(), 0);
}

TEST(Timeline, RejectsBadInput) {
    EXPECT_THROW(build_timeline({2025, 1, 6}, -1, borlange, borlange_rules), InputError);
    EXPECT_THROW(build_timeline({2025, 2, 30}, 1, borlange, borlange_rules), InputError);
}

}  // namespace
}  // namespace trygg
