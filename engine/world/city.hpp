#pragma once
// The city as the model sees it: districts, DeSOs, places and villages on a raster.
// CitySpec is what the io layer delivers (already projected to SWEREF99 TM and validated
// field by field); build_city() rasterises it once into the frozen City.
#include "core/calendar.hpp"
#include "core/daylight.hpp"
#include "world/grid.hpp"
#include "world/place.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace trygg {

struct DistrictSpec {
    std::string code;                  // SCB RegSO code, e.g. 2081R013
    std::string name;                  // e.g. "Tjärna Ängar"
    double collective_efficacy = 0.0;  // 0..1, Sampson et al. 1997; weights guardianship
    double employment_rate = 0.0;      // share of 20–64-year-olds in work
    double ses_index = 0.0;            // socio-economic index, 0 = municipal average, <0 = poorer
    double street_lighting = 0.0;      // 0..1 lighting of ordinary streets and paths in the dark
};

struct DesoSpec {
    std::string code;  // SCB DeSO code, e.g. 2081C1140
    std::string district_code;
    int population = 0;
    Shape shape;  // EPSG:3006
};

// Residents of a large rural DeSO live in its villages, not spread over forest and lakes.
struct VillageSpec {
    std::string name;
    std::string deso_code;
    Point centre;
    double radius_m = 0.0;
    double weight = 0.0;  // relative share of the DeSO's village population
};

// Everyday places synthesised where the homes are (world/neighbourhood.hpp).
struct NeighbourhoodRule {
    PlaceType type = PlaceType::LocalStop;
    double residents_per_place = 0.0;  // one place of this type per this many residents
};

struct CitySpec {
    std::string name;
    GeoPoint location;  // for sun position
    SchoolHolidayRules school_holidays;
    double cell_size_m = 0.0;
    std::vector<DistrictSpec> districts;
    std::vector<DesoSpec> desos;
    std::vector<Place> places;
    std::array<PlaceTypeTraits, kPlaceTypes> place_types{};
    std::vector<NeighbourhoodRule> neighbourhood;  // synthesised after `places`
    std::vector<VillageSpec> villages;
    double rural_scattered_share = 0.0;      // share of a village DeSO's residents outside villages
    double rural_min_area_km2 = 0.0;         // DeSOs larger than this must have villages…
    std::vector<std::string> spread_evenly;  // …or be listed here: residents spread over all cells
    // A synthetic larger city on the same polygons, for measuring how cost grows with the
    // population (bench/README.md): every DeSO holds round(scale × its residents), and with
    // them the places synthesised per so many residents. The named places, their jobs and the
    // police stay as they are, so a scaled city is a benchmark, not a forecast. 1 = the data.
    double population_scale = 1.0;
};

struct City {
    std::string name;
    GeoPoint location;
    SchoolHolidayRules school_holidays;
    Grid grid;
    std::vector<DistrictSpec> districts;
    std::vector<DesoSpec> desos;
    std::vector<int> deso_district;           // [deso] district index
    std::vector<std::int32_t> cell_deso;      // [cell] DeSO index or -1
    std::vector<std::int32_t> cell_district;  // [cell] district index or -1
    std::vector<Place> places;                // the named places, then the neighbourhood places
    std::vector<int> place_cell;              // [place] cell index
    std::array<PlaceTypeTraits, kPlaceTypes> place_types{};
    std::vector<VillageSpec> villages;
    std::vector<int> village_deso;  // [village] DeSO index
    double rural_scattered_share = 0.0;

    // Cells of place p's footprint (within its type's footprint_m, inside a district; always
    // at least the place's own cell, first).
    std::vector<int> footprint(std::size_t place) const;
    int district_of_cell(int cell) const { return cell_district[static_cast<std::size_t>(cell)]; }
    int population() const;
};

// Rasterises and cross-checks the spec. Throws InputError for a spec that cannot make a
// city: a DeSO whose district is not listed, a place outside the grid, a village outside
// its DeSO, a large rural DeSO without villages, a DeSO with residents but no cell, a
// neighbourhood rule with no positive residents_per_place.
City build_city(CitySpec spec);

}  // namespace trygg
