#include "world/place.hpp"

#include <utility>

namespace trygg {
namespace {
constexpr std::array<std::string_view, kPlaceTypes> kNames = {
    "travel_centre", "bus_hub",       "bus_stop",      "shopping_centre", "local_centre", "nightlife",
    "sports_hall",   "sports_ground", "youth_centre",  "school",          "school_7_9",   "school_upper_secondary",
    "university",    "hospital",      "public_office", "industrial",      "airport",      "leisure",
    "local_shop",    "local_stop"};
}  // namespace

std::string_view name_of(PlaceType type) {
    return kNames[static_cast<std::size_t>(type)];
}

bool place_type_from_name(std::string_view name, PlaceType& out) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) {
            out = static_cast<PlaceType>(i);
            return true;
        }
    }
    return false;
}

std::array<std::string_view, kPlaceTypes> place_type_names() {
    return kNames;
}

Place typical_place(std::string name, PlaceType type, Point where, const PlaceTypeTraits& traits) {
    Place p;
    p.name = std::move(name);
    p.type = type;
    p.where = where;
    p.jobs = traits.jobs;
    p.lighting = traits.lighting;
    p.cameras = traits.cameras;
    p.cameras_monitored = traits.cameras_monitored;
    p.open_from = traits.open_from;
    p.open_to = traits.open_to;
    p.open_weekends = traits.open_weekends;
    return p;
}

bool is_open(int open_from, int open_to, bool open_weekends, bool weekend, int clock_hour) {
    if (weekend && !open_weekends) return false;
    if (open_from == open_to) return false;
    if (open_from < open_to) return clock_hour >= open_from && clock_hour < open_to;
    return clock_hour >= open_from || clock_hour < open_to;  // open past midnight
}

}  // namespace trygg
