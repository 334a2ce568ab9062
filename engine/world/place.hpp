#pragma once
// Places: points of the city that anchor routines (schools, workplaces, shops, venues) and
// carry the situational attributes interventions change (lighting, cameras).
#include "world/geometry.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace trygg {

enum class PlaceType : std::uint8_t {
    TravelCentre,
    BusHub,
    BusStop,
    ShoppingCentre,
    LocalCentre,
    Nightlife,
    SportsHall,
    SportsGround,
    YouthCentre,
    School,          // grundskola (and förskola by proxy)
    School79,        // grundskola years 7–9
    UpperSecondary,  // gymnasium
    University,
    Hospital,
    PublicOffice,
    Industrial,
    Airport,
    Leisure,
    LocalShop,  // a corner shop, kiosk or pizzeria (world/neighbourhood.hpp)
    LocalStop,  // a neighbourhood bus stop (world/neighbourhood.hpp)
    Count
};
inline constexpr int kPlaceTypes = static_cast<int>(PlaceType::Count);

// The names used in the places CSV and the city config.
std::string_view name_of(PlaceType type);
bool place_type_from_name(std::string_view name, PlaceType& out);
std::array<std::string_view, kPlaceTypes> place_type_names();

// What a kind of place means to the model. One per PlaceType, from the city config.
struct PlaceTypeTraits {
    double jobs = 0.0;                 // workplaces at a typical place of this type
    double shops = 0.0;                // shops (targets of shop theft) when open
    double errand_weight = 0.0;        // pull for shopping/errands (0: not an errand destination)
    double hangout_weight = 0.0;       // pull for unstructured time with peers, relative to a home cell (1)
    bool structured_activity = false;  // supervised leisure (youth centre, sports hall)
    bool nightlife = false;            // bars and clubs: alcohol raises violence at night
    int open_from = 0;                 // opening hour (local clock)
    int open_to = 0;                   // closing hour; open_to <= open_from means past midnight
    bool open_weekends = true;
    double visitors_peak = 0.0;               // non-resident visitors present at the busiest hour
    std::array<float, 24> visitor_profile{};  // share of the peak by clock hour (weekdays)
    double weekend_visitor_factor = 1.0;
    double lighting = 0.0;           // 0..1 lighting quality in the dark at such a place
    double cameras = 0.0;            // 0..1 camera coverage
    bool cameras_monitored = false;  // watched live by an operator
    double footprint_m = 0.0;        // radius of the area the place's public life fills
                                     // (a mall and its car parks, a night-life street)
};

struct Place {
    std::string name;
    PlaceType type = PlaceType::LocalCentre;
    Point where;
    // Per place values; the city config may override the type's defaults.
    double jobs = 0.0;
    double lighting = 0.0;
    double cameras = 0.0;
    bool cameras_monitored = false;
    int open_from = 0;
    int open_to = 0;
    bool open_weekends = true;
};

// A place with its type's defaults (jobs, lighting, cameras, opening hours).
Place typical_place(std::string name, PlaceType type, Point where, const PlaceTypeTraits& traits);

bool is_open(int open_from, int open_to, bool open_weekends, bool weekend, int clock_hour);

}  // namespace trygg
