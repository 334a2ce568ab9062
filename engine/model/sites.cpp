#include "model/sites.hpp"

#include <algorithm>

namespace trygg {

Sites build_sites(const City& city, const Population& pop) {
    const auto ncell = static_cast<std::size_t>(city.grid.cells());
    std::vector<std::uint8_t> used(ncell, 0);
    for (std::size_t i = 0; i < pop.size(); ++i) {
        used[static_cast<std::size_t>(pop.home_cell[i])] = 1;
        if (pop.anchor_cell[i] >= 0) used[static_cast<std::size_t>(pop.anchor_cell[i])] = 1;
    }
    std::vector<std::vector<int>> footprints;
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        footprints.push_back(city.footprint(p));
        for (int c : footprints.back()) used[static_cast<std::size_t>(c)] = 1;
    }

    Sites s;
    s.site_of_cell.assign(ncell, -1);
    for (std::size_t c = 0; c < ncell; ++c) {
        if (!used[c]) continue;
        s.site_of_cell[c] = static_cast<std::int32_t>(s.cell.size());
        s.cell.push_back(static_cast<std::int32_t>(c));
    }
    const auto n = s.cell.size();
    s.district.resize(n);
    s.residents.assign(n, 0);
    s.homes.assign(n, 0);
    s.shops.assign(n, 0.0f);
    s.shop_open_from.assign(n, 0);
    s.shop_open_to.assign(n, 0);
    s.shop_open_weekends.assign(n, 0);
    s.places.assign(n, 0.0f);
    s.lighting.resize(n);
    s.cameras.assign(n, 0.0f);
    s.monitored.assign(n, 0);
    s.nightlife.assign(n, 0);
    s.alcohol_service.assign(n, 1.0f);
    s.place_types.assign(n, 0);
    s.collective_efficacy.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        // A site outside every district (cannot happen for homes; possible for a place on
        // the border) borrows nothing: no street lighting, average efficacy of 0.5.
        const int d = city.cell_district[static_cast<std::size_t>(s.cell[k])];
        s.district[k] = d;
        s.lighting[k] = d < 0 ? 0.0f : static_cast<float>(city.districts[static_cast<std::size_t>(d)].street_lighting);
        s.collective_efficacy[k] =
            d < 0 ? 0.5f : static_cast<float>(city.districts[static_cast<std::size_t>(d)].collective_efficacy);
    }
    for (std::size_t i = 0; i < pop.size(); ++i) ++s.residents[static_cast<std::size_t>(s.of_cell(pop.home_cell[i]))];
    for (auto c : pop.household_cell) ++s.homes[static_cast<std::size_t>(s.of_cell(c))];
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        const auto& place = city.places[p];
        const auto& traits = city.place_types[static_cast<std::size_t>(place.type)];
        std::vector<std::int32_t> sites_of_place;
        for (int c : footprints[p]) sites_of_place.push_back(s.of_cell(c));
        const auto share = 1.0f / static_cast<float>(sites_of_place.size());
        for (const std::int32_t site : sites_of_place) {
            const auto k = static_cast<std::size_t>(site);
            s.places[k] += share;
            s.place_types[k] |= 1u << static_cast<unsigned>(place.type);
            s.lighting[k] = std::max(s.lighting[k], static_cast<float>(place.lighting));
            s.cameras[k] = std::max(s.cameras[k], static_cast<float>(place.cameras));
            s.monitored[k] = s.monitored[k] || place.cameras_monitored;
            s.nightlife[k] = s.nightlife[k] || traits.nightlife;
            if (traits.shops > 0) {
                s.shops[k] += static_cast<float>(traits.shops) * share;
                s.shop_open_from[k] = static_cast<std::int8_t>(place.open_from);
                s.shop_open_to[k] = static_cast<std::int8_t>(place.open_to);
                s.shop_open_weekends[k] = place.open_weekends;
            }
        }
        s.place_footprint.push_back(std::move(sites_of_place));
    }
    return s;
}

}  // namespace trygg
