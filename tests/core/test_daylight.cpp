// Solar geometry and Swedish clock time. Reference values are almanac facts for Borlänge and
// textbook noon elevations, not recomputed with the code under test.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/daylight.hpp"

namespace trygg {
namespace {

const GeoPoint borlange{60.48, 15.43};

TEST(Daylight, SwedishOffsetAroundTheMarch2025Switch) {
    // Summer time began Sunday 2025-03-30 at 02:00 CET (01:00 UTC).
    EXPECT_EQ(sweden_utc_offset_hours({2025, 1, 15}, 12), 1);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 3, 29}, 23), 1);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 3, 30}, 0), 1);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 3, 30}, 1), 1);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 3, 30}, 2), 2);  // the hour that never happens
    EXPECT_EQ(sweden_utc_offset_hours({2025, 3, 30}, 3), 2);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 3, 31}, 0), 2);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 7, 1}, 12), 2);
}

TEST(Daylight, SwedishOffsetAroundTheOctober2025Switch) {
    // Summer time ended Sunday 2025-10-26 at 03:00 CEST (01:00 UTC).
    EXPECT_EQ(sweden_utc_offset_hours({2025, 10, 25}, 23), 2);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 10, 26}, 0), 2);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 10, 26}, 1), 2);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 10, 26}, 2), 1);  // the doubled hour, second pass
    EXPECT_EQ(sweden_utc_offset_hours({2025, 10, 26}, 3), 1);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 10, 27}, 0), 1);
    EXPECT_EQ(sweden_utc_offset_hours({2025, 12, 31}, 23), 1);
}

TEST(Daylight, SwedishOffsetIn2026) {
    // 2026 switches on 29 March and 25 October.
    EXPECT_EQ(sweden_utc_offset_hours({2026, 3, 28}, 12), 1);
    EXPECT_EQ(sweden_utc_offset_hours({2026, 3, 29}, 12), 2);
    EXPECT_EQ(sweden_utc_offset_hours({2026, 10, 24}, 12), 2);
    EXPECT_EQ(sweden_utc_offset_hours({2026, 10, 25}, 12), 1);
}

TEST(Daylight, LocalTimeToUnixSeconds) {
    EXPECT_EQ(sweden_local_to_unix_seconds({2025, 1, 1}, 0), 1735686000);   // 2024-12-31 23:00Z
    EXPECT_EQ(sweden_local_to_unix_seconds({2025, 7, 1}, 12), 1751364000);  // 2025-07-01 10:00Z
    EXPECT_EQ(sweden_local_to_unix_seconds({2025, 7, 1}, 12, 90), 1751364090);
}

// Highest elevation over a day, by minute scan.
double max_elevation(GeoPoint where, Date date) {
    const std::int64_t midnight = days_from_civil(date) * 86400;
    double best = -90;
    for (std::int64_t t = midnight; t < midnight + 86400; t += 60) {
        best = std::max(best, solar_elevation_deg(where, t));
    }
    return best;
}

TEST(Daylight, NoonElevationMatchesLatitudeAndDeclination) {
    // At solar noon the elevation is 90° - latitude + declination; the solstice declination is
    // ±23.44° (the obliquity of the ecliptic). Minute sampling near the flat noon peak costs
    // well under 0.01°.
    EXPECT_NEAR(max_elevation(borlange, {2025, 6, 21}), 90 - 60.48 + 23.44, 0.05);
    EXPECT_NEAR(max_elevation(borlange, {2025, 12, 21}), 90 - 60.48 - 23.44, 0.05);
    // On the equator at the March equinox (20 March 2025, 09:01 UTC) the noon sun is near the
    // zenith: the declination that day is under 0.2°.
    EXPECT_NEAR(max_elevation({0, 0}, {2025, 3, 20}), 90.0, 0.3);
}

TEST(Daylight, SunIsLowestAroundMidnightAndHighestAroundNoon) {
    // Borlänge's solar noon is near 12:00 CET (15.43° E is close to the 15° E zone meridian).
    const std::int64_t noon = sweden_local_to_unix_seconds({2025, 12, 21}, 12);
    const std::int64_t midnight = sweden_local_to_unix_seconds({2025, 12, 21}, 0);
    EXPECT_GT(solar_elevation_deg(borlange, noon), 5.5);
    EXPECT_LT(solar_elevation_deg(borlange, midnight), -50.0);
}

TEST(Daylight, DayLengthInBorlange) {
    // References: almanac figures for Borlänge, about 5.7 h at the winter solstice and 19 h at
    // midsummer, a little over 12 h at the equinoxes (refraction and the solar disc add some
    // 13 minutes to the geometric 12 h). A hand check with the closed-form sunrise hour angle,
    // cos H0 = (sin(-0.833°) - sin φ sin δ) / (cos φ cos δ) with φ = 60.48° and δ = ∓23.44°,
    // gives 5.71 h and 19.06 h. The tolerances cover the rounding of the references (to 0.1 h
    // and to the hour) and the convention's sensitivity: here the sun crosses the horizon at
    // only about 0.08° per minute, so a 0.1° difference in assumed refraction moves each of
    // sunrise and sunset by more than a minute.
    EXPECT_NEAR(day_length_hours(borlange, {2025, 12, 21}), 5.7, 0.15);
    EXPECT_NEAR(day_length_hours(borlange, {2025, 6, 21}), 19.0, 0.3);
    EXPECT_NEAR(day_length_hours(borlange, {2025, 3, 20}), 12.2, 0.1);
    EXPECT_NEAR(day_length_hours(borlange, {2025, 9, 22}), 12.2, 0.1);
}

TEST(Daylight, DayLengthPolarDayAndNight) {
    const GeoPoint longyearbyen{78.22, 15.65};
    EXPECT_DOUBLE_EQ(day_length_hours(longyearbyen, {2025, 6, 21}), 24.0);
    EXPECT_DOUBLE_EQ(day_length_hours(longyearbyen, {2025, 12, 21}), 0.0);
}

TEST(Daylight, DarknessAtTheWinterSolstice) {
    EXPECT_EQ(darkness_fraction(borlange, {2025, 12, 21}, 12), 0.0);
    EXPECT_EQ(darkness_fraction(borlange, {2025, 12, 21}, 22), 1.0);
    EXPECT_EQ(darkness_fraction(borlange, {2025, 12, 21}, 7), 1.0);   // sunrise after 09:00
    EXPECT_EQ(darkness_fraction(borlange, {2025, 12, 21}, 16), 1.0);  // sunset before 15:00
}

TEST(Daylight, DarknessAtMidsummer) {
    EXPECT_EQ(darkness_fraction(borlange, {2025, 6, 21}, 13), 0.0);
    EXPECT_EQ(darkness_fraction(borlange, {2025, 6, 21}, 20), 0.0);
    // Even at midsummer the sun dips some 6° below the horizon around 01:00 CEST.
    EXPECT_EQ(darkness_fraction(borlange, {2025, 6, 21}, 1), 1.0);
}

TEST(Daylight, DarknessIsAMultipleOfOneTwelfth) {
    for (int hour = 0; hour < 24; ++hour) {
        const double dark = darkness_fraction(borlange, {2025, 3, 10}, hour);
        ASSERT_GE(dark, 0.0);
        ASSERT_LE(dark, 1.0);
        const double twelfths = dark * 12;
        ASSERT_NEAR(twelfths, static_cast<double>(static_cast<int>(twelfths + 0.5)), 1e-9);
    }
}

TEST(Daylight, DarknessAgreesWithDayLength) {
    // Summing the light over the 24 clock hours must give the day length, to the 5-minute
    // sampling (at most 2.5 minutes per sunrise or sunset). Days away from the clock switches.
    for (const Date date :
         {Date{2025, 1, 15}, Date{2025, 4, 10}, Date{2025, 6, 21}, Date{2025, 9, 1}, Date{2025, 12, 21}}) {
        double light = 0;
        for (int hour = 0; hour < 24; ++hour) light += 1.0 - darkness_fraction(borlange, date, hour);
        EXPECT_NEAR(light, day_length_hours(borlange, date), 5.0 / 60.0 + 0.01) << to_string(date);
    }
}

TEST(Daylight, ClockChangeMovesTheEveningDark) {
    // Before the October switch 16:00-17:00 CEST is full daylight; two days later the same
    // clock hour is mostly dark, far more than two days of shortening could do.
    EXPECT_EQ(darkness_fraction(borlange, {2025, 10, 25}, 16), 0.0);
    EXPECT_GE(darkness_fraction(borlange, {2025, 10, 27}, 16), 0.5);
}

}  // namespace
}  // namespace trygg
