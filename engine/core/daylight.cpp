#include "core/daylight.hpp"

#include <cmath>
#include <numbers>

namespace trygg {

namespace {

constexpr std::int64_t seconds_per_day = 86400;
constexpr std::int64_t seconds_per_hour = 3600;

double radians(double deg) {
    return deg * std::numbers::pi / 180.0;
}
double degrees(double rad) {
    return rad * 180.0 / std::numbers::pi;
}

Date last_sunday(int year, int month) {
    const Date last{year, month, days_in_month(year, month)};
    return add_days(last, -(iso_weekday(last) % 7));  // Sunday is ISO 7, so 7 % 7 = 0
}

// Elevation at a time given as (possibly fractional) seconds since the Unix epoch. The steps
// and constants are those of the NOAA Solar Calculator spreadsheet (Meeus, ch. 25 low-accuracy
// solar coordinates, ch. 28 equation of time).
double elevation_at(GeoPoint where, double unix_seconds) {
    const double julian_day = unix_seconds / static_cast<double>(seconds_per_day) + 2440587.5;
    const double t = (julian_day - 2451545.0) / 36525.0;  // Julian centuries since J2000.0

    const double mean_longitude = std::fmod(280.46646 + t * (36000.76983 + t * 0.0003032), 360.0);
    const double mean_anomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
    const double eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
    const double m = radians(mean_anomaly);
    const double equation_of_centre = std::sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
                                      std::sin(2 * m) * (0.019993 - 0.000101 * t) + std::sin(3 * m) * 0.000289;
    const double true_longitude = mean_longitude + equation_of_centre;
    // Nutation and aberration, to the apparent longitude.
    const double omega = radians(125.04 - 1934.136 * t);
    const double apparent_longitude = true_longitude - 0.00569 - 0.00478 * std::sin(omega);
    const double mean_obliquity = 23.0 + (26.0 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60.0) / 60.0;
    const double obliquity = radians(mean_obliquity + 0.00256 * std::cos(omega));
    const double declination = std::asin(std::sin(obliquity) * std::sin(radians(apparent_longitude)));

    // Equation of time in minutes: how far the true sun runs ahead of the mean sun.
    const double y = std::tan(obliquity / 2) * std::tan(obliquity / 2);
    const double l0 = radians(mean_longitude);
    const double equation_of_time =
        4.0 * degrees(y * std::sin(2 * l0) - 2 * eccentricity * std::sin(m) +
                      4 * eccentricity * y * std::sin(m) * std::cos(2 * l0) - 0.5 * y * y * std::sin(4 * l0) -
                      1.25 * eccentricity * eccentricity * std::sin(2 * m));

    const double utc_minutes_of_day = std::fmod(unix_seconds, static_cast<double>(seconds_per_day)) / 60.0;
    const double true_solar_minutes =
        std::fmod(utc_minutes_of_day + equation_of_time + 4.0 * where.lon_deg + 2880.0, 1440.0);
    const double hour_angle = radians(true_solar_minutes / 4.0 - 180.0);

    const double lat = radians(where.lat_deg);
    double cos_zenith =
        std::sin(lat) * std::sin(declination) + std::cos(lat) * std::cos(declination) * std::cos(hour_angle);
    cos_zenith = std::fmax(-1.0, std::fmin(1.0, cos_zenith));  // rounding can step past ±1
    return 90.0 - degrees(std::acos(cos_zenith));
}

bool sun_up(GeoPoint where, double unix_seconds) {
    return elevation_at(where, unix_seconds) > sun_up_elevation_deg;
}

// Time of the sunrise or sunset between a and b (the sun is up at exactly one of them), to
// within a second. The elevation is monotone over a minute, so bisection is safe.
double crossing_between(GeoPoint where, double a, double b) {
    const bool up_at_a = sun_up(where, a);
    while (b - a > 1.0) {
        const double mid = 0.5 * (a + b);
        if (sun_up(where, mid) == up_at_a) {
            a = mid;
        } else {
            b = mid;
        }
    }
    return 0.5 * (a + b);
}

}  // namespace

int sweden_utc_offset_hours(Date date, int local_hour) {
    const Date summer_start = last_sunday(date.year, 3);
    const Date summer_end = last_sunday(date.year, 10);
    // Both switches happen at 01:00 UTC, i.e. at local 02:00 CET in March and 03:00 CEST in
    // October; see the header for how the missing and doubled hour 02 are read.
    const bool after_start = date > summer_start || (date == summer_start && local_hour >= 2);
    const bool before_end = date < summer_end || (date == summer_end && local_hour < 2);
    return after_start && before_end ? 2 : 1;
}

std::int64_t sweden_local_to_unix_seconds(Date date, int local_hour, int second_of_hour) {
    const int offset = sweden_utc_offset_hours(date, local_hour);
    return days_from_civil(date) * seconds_per_day + std::int64_t{local_hour - offset} * seconds_per_hour +
           second_of_hour;
}

double solar_elevation_deg(GeoPoint where, std::int64_t unix_seconds_utc) {
    return elevation_at(where, static_cast<double>(unix_seconds_utc));
}

double day_length_hours(GeoPoint where, Date date) {
    // Mean solar midnight: UTC midnight shifted by 4 minutes per degree of longitude. The sun
    // is at its lowest near then, so a sunrise and the following sunset both fall inside.
    const double start = static_cast<double>(days_from_civil(date) * seconds_per_day) - where.lon_deg * 240.0;
    double up_seconds = 0;
    bool up_before = sun_up(where, start);
    for (int minute = 1; minute <= 1440; ++minute) {
        const double a = start + (minute - 1) * 60.0;
        const double b = start + minute * 60.0;
        const bool up_after = sun_up(where, b);
        if (up_before && up_after) {
            up_seconds += 60.0;
        } else if (up_before != up_after) {
            const double crossing = crossing_between(where, a, b);
            up_seconds += up_before ? crossing - a : b - crossing;
        }
        up_before = up_after;
    }
    return up_seconds / static_cast<double>(seconds_per_hour);
}

double darkness_fraction(GeoPoint where, Date date, int local_hour) {
    constexpr int samples = 12;
    constexpr int slice_seconds = 3600 / samples;
    const std::int64_t hour_start = sweden_local_to_unix_seconds(date, local_hour);
    int dark = 0;
    for (int k = 0; k < samples; ++k) {
        const std::int64_t t = hour_start + k * slice_seconds + slice_seconds / 2;
        if (solar_elevation_deg(where, t) <= sun_up_elevation_deg) ++dark;
    }
    return static_cast<double>(dark) / samples;
}

}  // namespace trygg
