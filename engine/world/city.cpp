#include "world/city.hpp"

#include "core/error.hpp"
#include "world/neighbourhood.hpp"
#include "world/rasterise.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace trygg {

std::vector<int> City::footprint(std::size_t place) const {
    const int own = place_cell[place];
    std::vector<int> cells{own};
    const double radius = place_types[static_cast<std::size_t>(places[place].type)].footprint_m;
    const int reach = static_cast<int>(std::floor(radius / grid.cell_size));
    const Point centre = grid.centre(own);
    for (int r = std::max(0, grid.row(own) - reach); r <= std::min(grid.ny - 1, grid.row(own) + reach); ++r) {
        for (int c = std::max(0, grid.col(own) - reach); c <= std::min(grid.nx - 1, grid.col(own) + reach); ++c) {
            const int cell = grid.index(c, r);
            if (cell != own && cell_district[static_cast<std::size_t>(cell)] >= 0 &&
                distance(grid.centre(cell), centre) <= radius) {
                cells.push_back(cell);
            }
        }
    }
    return cells;
}

int City::population() const {
    int total = 0;
    for (const auto& d : desos) total += d.population;
    return total;
}

namespace {

int find_district(const std::vector<DistrictSpec>& districts, const std::string& code) {
    for (std::size_t i = 0; i < districts.size(); ++i) {
        if (districts[i].code == code) return static_cast<int>(i);
    }
    return -1;
}

int find_deso(const std::vector<DesoSpec>& desos, const std::string& code) {
    for (std::size_t i = 0; i < desos.size(); ++i) {
        if (desos[i].code == code) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

City build_city(CitySpec spec) {
    if (spec.desos.empty()) throw InputError("city '" + spec.name + "' has no DeSO areas");
    if (!(spec.cell_size_m > 0)) throw InputError("cell size must be positive");

    if (!(spec.population_scale > 0.0) || !std::isfinite(spec.population_scale)) {
        throw InputError("the population scale must be a positive number");
    }
    if (spec.population_scale != 1.0) {
        for (auto& d : spec.desos) {
            const double scaled = std::round(spec.population_scale * d.population);
            if (scaled > std::numeric_limits<int>::max() / 64) {
                throw InputError("DeSO " + d.code + " would hold " + std::to_string(scaled) + " residents");
            }
            d.population = static_cast<int>(scaled);
        }
    }
    City city;
    city.name = std::move(spec.name);
    city.location = spec.location;
    city.school_holidays = spec.school_holidays;
    city.place_types = spec.place_types;
    city.rural_scattered_share = spec.rural_scattered_share;

    Box box = bounds(spec.desos.front().shape);
    std::vector<Shape> shapes;
    for (const auto& d : spec.desos) {
        const int district = find_district(spec.districts, d.district_code);
        if (district < 0) {
            throw InputError("DeSO " + d.code + " belongs to district " + d.district_code +
                             ", which the city config does not list");
        }
        city.deso_district.push_back(district);
        box = merge(box, bounds(d.shape));
        shapes.push_back(d.shape);
    }
    for (std::size_t k = 0; k < spec.districts.size(); ++k) {
        bool used = false;
        for (int dd : city.deso_district) used = used || dd == static_cast<int>(k);
        if (!used) {
            throw InputError("district " + spec.districts[k].code + " (" + spec.districts[k].name +
                             ") has no DeSO in the geometry file");
        }
    }
    // Pad by one cell so that border cells are never cut off.
    box.min_x -= spec.cell_size_m;
    box.min_y -= spec.cell_size_m;
    box.max_x += spec.cell_size_m;
    box.max_y += spec.cell_size_m;
    city.grid = grid_covering(box, spec.cell_size_m);
    city.cell_deso = rasterise(city.grid, shapes);
    city.cell_district.resize(city.cell_deso.size());
    std::vector<int> cells_per_deso(spec.desos.size(), 0);
    for (std::size_t c = 0; c < city.cell_deso.size(); ++c) {
        const int d = city.cell_deso[c];
        city.cell_district[c] = d < 0 ? -1 : city.deso_district[static_cast<std::size_t>(d)];
        if (d >= 0) ++cells_per_deso[static_cast<std::size_t>(d)];
    }
    for (std::size_t d = 0; d < spec.desos.size(); ++d) {
        if (cells_per_deso[d] == 0 && spec.desos[d].population > 0) {
            throw InputError("DeSO " + spec.desos[d].code + " has " + std::to_string(spec.desos[d].population) +
                             " residents but no cell of " + std::to_string(spec.cell_size_m) +
                             " m has its centre inside it; use a smaller cell size");
        }
    }

    for (const auto& p : spec.places) {
        const auto cell = city.grid.cell_at(p.where);
        if (!cell || city.cell_deso[static_cast<std::size_t>(*cell)] < 0) {
            throw InputError("place '" + p.name + "' lies outside every district of " + city.name);
        }
        city.place_cell.push_back(*cell);
    }
    city.places = std::move(spec.places);

    for (const auto& code : spec.spread_evenly) {
        if (find_deso(spec.desos, code) < 0)
            throw InputError("spread_evenly names DeSO " + code + ", which does not exist");
    }
    for (const auto& v : spec.villages) {
        const int deso = find_deso(spec.desos, v.deso_code);
        if (deso < 0) throw InputError("village '" + v.name + "' names DeSO " + v.deso_code + ", which does not exist");
        if (!contains(spec.desos[static_cast<std::size_t>(deso)].shape, v.centre)) {
            throw InputError("village '" + v.name + "' lies outside its DeSO " + v.deso_code);
        }
        city.village_deso.push_back(deso);
    }
    for (std::size_t d = 0; d < spec.desos.size(); ++d) {
        const double km2 = area(spec.desos[d].shape) * 1e-6;
        bool has_village = false;
        for (int vd : city.village_deso) has_village = has_village || vd == static_cast<int>(d);
        for (const auto& code : spec.spread_evenly) has_village = has_village || code == spec.desos[d].code;
        if (km2 > spec.rural_min_area_km2 && !has_village && spec.desos[d].population > 0) {
            throw InputError("DeSO " + spec.desos[d].code + " covers " + std::to_string(std::lround(km2)) +
                             " km² (more than rural_min_area_km2) but has no village to place its residents in and is "
                             "not listed in spread_evenly");
        }
    }
    city.villages = std::move(spec.villages);
    city.districts = std::move(spec.districts);
    city.desos = std::move(spec.desos);

    for (const auto& rule : spec.neighbourhood) {
        if (!(rule.residents_per_place > 0))
            throw InputError("neighbourhood " + std::string(name_of(rule.type)) + " needs residents_per_place > 0");
    }
    for (auto& place : neighbourhood_places(city, spec.neighbourhood)) {
        city.place_cell.push_back(*city.grid.cell_at(place.where));
        city.places.push_back(std::move(place));
    }
    return city;
}

}  // namespace trygg
