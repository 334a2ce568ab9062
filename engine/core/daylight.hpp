#pragma once
// Where the sun is, and so how dark it is, at a place and time. Darkness matters to crime:
// robberies fall when daylight saving time moves an hour of light into the evening (Doleac &
// Sanders 2015, Review of Economics and Statistics 97(5)), and at 60° N the dark share of the
// evening swings from none to nearly all over the year.
#include <cstdint>

#include "core/calendar.hpp"

namespace trygg {

struct GeoPoint {
    double lat_deg = 0;  // north positive
    double lon_deg = 0;  // east positive
};

// The sun counts as up while its centre is above -0.833°: 0.567° of refraction at the horizon
// plus the 0.267° solar radius, the convention of almanacs and of the NOAA calculator.
inline constexpr double sun_up_elevation_deg = -0.833;

// Offset of Swedish local time from UTC in hours (1 = CET, 2 = CEST). EU rule (directive
// 2000/84/EC): CEST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
// of October. On the switch days the clock hour 02 is read as belonging to the new time: the
// March hour 02 that never happens gets offset 2, the October hour 02 that happens twice gets
// offset 1 (its second pass). Hours 00 and 01 keep the old offset.
int sweden_utc_offset_hours(Date date, int local_hour);

// Seconds since 1970-01-01 00:00 UTC of a Swedish local clock time (hour may be fractional).
std::int64_t sweden_local_to_unix_seconds(Date date, int local_hour, int second_of_hour = 0);

// Geometric elevation of the sun's centre in degrees (no refraction correction), by the NOAA
// solar position algorithm, which follows J. Meeus, "Astronomical Algorithms"
// (gml.noaa.gov/grad/solcalc/calcdetails.html). NOAA gives sunrise and sunset accurate to
// about a minute between ±72° latitude for years 1800-2100; that is about 0.1° of elevation
// near the horizon at Borlänge's latitude, far finer than an hourly simulation needs.
double solar_elevation_deg(GeoPoint where, std::int64_t unix_seconds_utc);

// Hours the sun is up (elevation > sun_up_elevation_deg) during the local solar day of `date`,
// i.e. from mean solar midnight at the point's longitude to the next. Where the sun rises and
// sets once, that is sunset minus sunrise; 24 under the midnight sun, 0 in polar night.
// Found from solar_elevation_deg itself (minute scan, crossings refined by bisection), so the
// two can never disagree.
double day_length_hours(GeoPoint where, Date date);

// Share in [0, 1] of the Swedish local clock hour [h, h+1) of `date` in which the sun is not up
// (elevation <= sun_up_elevation_deg). Sampled at the middle of each 5-minute slice, so the
// result is a multiple of 1/12.
double darkness_fraction(GeoPoint where, Date date, int local_hour);

}  // namespace trygg
