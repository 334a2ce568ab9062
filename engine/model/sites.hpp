#pragma once
// Sites: the cells where anyone can be (homes, workplaces, places), indexed compactly so
// that occupancy fits in cache. A city of 100 m cells has ~10^5 cells but only a few
// thousand sites.
#include "population/population.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

struct Sites {
    std::vector<std::int32_t> cell;           // [site] grid cell
    std::vector<std::int32_t> site_of_cell;   // [cell] site, or -1
    std::vector<std::int32_t> district;       // [site]
    std::vector<std::int32_t> residents;      // [site] people living here
    std::vector<std::int32_t> homes;          // [site] households living here
    std::vector<float> shops;                 // [site] shops (targets of shop theft)
    std::vector<std::int8_t> shop_open_from;  // [site] opening hour of its shops
    std::vector<std::int8_t> shop_open_to;
    std::vector<std::uint8_t> shop_open_weekends;
    std::vector<float> places;               // [site] number of places (schools, centres, …)
    std::vector<float> lighting;             // [site] 0..1 lighting in the dark
    std::vector<float> cameras;              // [site] 0..1 camera coverage
    std::vector<std::uint8_t> monitored;     // [site] cameras watched live
    std::vector<std::uint8_t> nightlife;     // [site] bars and clubs
    std::vector<float> alcohol_service;      // [site] × night-life alcohol factor (1; less with responsible service)
    std::vector<std::uint32_t> place_types;  // [site] bit p: a place of type p is here
    std::vector<float> collective_efficacy;  // [site] of its district
    std::vector<std::vector<std::int32_t>> place_footprint;  // [place] sites its public life fills, own first

    std::int32_t size() const { return static_cast<std::int32_t>(cell.size()); }
    std::int32_t of_cell(std::int32_t c) const { return c < 0 ? -1 : site_of_cell[static_cast<std::size_t>(c)]; }
};

// Sites are every home cell, every work or school cell and every cell of a place's
// footprint, in cell order. A place's shops, visitors and public presence spread evenly
// over its footprint; its lighting, cameras and kind (night life, travel hub) cover it all.
Sites build_sites(const City& city, const Population& pop);

}  // namespace trygg
