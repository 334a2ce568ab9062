#include "model/destinations.hpp"

#include "core/parallel.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace trygg {

void ChoiceTable::add_row(const std::vector<std::int32_t>& sites, const std::vector<double>& weights) {
    double total = 0.0;
    for (double w : weights) total += w > 0 ? w : 0.0;
    Guide g{};
    if (!(total > 0)) {  // nothing reachable: an empty row, the block is skipped
        g.first.fill(kEmpty);
        guide.push_back(g);
        bounds.push_back({static_cast<std::uint32_t>(entries.size()), static_cast<std::uint32_t>(entries.size())});
        return;
    }
    entries.push_back({0, -1});  // the sentinel: the lower end of the first entry's interval
    const auto first = static_cast<std::uint32_t>(entries.size());
    double cum = 0.0;
    for (std::size_t k = 0; k < sites.size(); ++k) {
        if (!(weights[k] > 0)) continue;
        cum += weights[k];
        entries.push_back({static_cast<std::uint32_t>(std::lround(cum / total * 65536.0)), sites[k]});
    }
    entries.back().threshold = 65536;
    const auto row_end = static_cast<std::uint32_t>(entries.size());
    std::uint32_t i = first;
    for (std::uint32_t b = 0; b < kGuideBuckets; ++b) {
        while (i < row_end && entries[i].threshold <= (b << kGuideShift)) ++i;
        g.first[b] = i;
    }
    guide.push_back(g);
    bounds.push_back({first, row_end});
}

Destinations build_destinations(const City& city, const Sites& sites, const RoutineParams& params) {
    Destinations d;
    const auto& traits = city.place_types;
    std::vector<std::int32_t> errand_sites;
    std::vector<double> errand_pull;
    std::vector<std::int32_t> night_sites;
    std::vector<double> night_pull;
    std::vector<int> venues;
    // Hangout pull of a site: 1 for an ordinary populated cell, more where places draw youth.
    std::vector<double> hangout_pull(static_cast<std::size_t>(sites.size()), 0.0);
    for (std::int32_t s = 0; s < sites.size(); ++s) {
        if (sites.residents[static_cast<std::size_t>(s)] > 0) hangout_pull[static_cast<std::size_t>(s)] = 1.0;
    }
    // Errands and nights out choose a place, then a cell of its footprint (Destinations::
    // site_in); hangouts choose a cell directly, a place's pull shared by its footprint.
    d.footprint_first.push_back(0);
    for (const auto& footprint : sites.place_footprint) {
        d.footprint_sites.insert(d.footprint_sites.end(), footprint.begin(), footprint.end());
        d.footprint_first.push_back(static_cast<std::uint32_t>(d.footprint_sites.size()));
    }
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        const auto& t = traits[static_cast<std::size_t>(city.places[p].type)];
        const auto place = static_cast<std::int32_t>(p);
        if (t.errand_weight > 0) {
            errand_sites.push_back(place);
            errand_pull.push_back(t.errand_weight);
        }
        if (t.nightlife) {
            night_sites.push_back(place);
            night_pull.push_back(1.0);
        }
        if (t.structured_activity) venues.push_back(static_cast<int>(p));
        const auto& footprint = sites.place_footprint[p];
        for (const std::int32_t s : footprint) {
            hangout_pull[static_cast<std::size_t>(s)] += t.hangout_weight / static_cast<double>(footprint.size());
        }
    }
    d.night_out.add_row(night_sites, night_pull);

    // Each home site's rows are computed on their own (in parallel: some 7,650 sites × 66
    // errand places and the hangout disc, about a tenth of a second of a replicate's set-up),
    // then appended in site order, so the tables are the same at any thread count.
    struct SiteRows {
        std::vector<double> errand_weight;
        std::vector<std::int32_t> near_sites;
        std::vector<double> near_pull;
        int venue = -1;
    };
    const double radius = params.hangout_radius_m;
    const int reach = static_cast<int>(std::ceil(radius / city.grid.cell_size));
    std::vector<SiteRows> rows(static_cast<std::size_t>(sites.size()));
    tbb::parallel_for(
        tbb::blocked_range<std::int32_t>(0, sites.size(), 256), [&](const tbb::blocked_range<std::int32_t>& range) {
            for (std::int32_t h = range.begin(); h != range.end(); ++h) {
                SiteRows& row = rows[static_cast<std::size_t>(h)];
                const int cell = sites.cell[static_cast<std::size_t>(h)];
                const Point at = city.grid.centre(cell);
                row.errand_weight.resize(errand_sites.size());
                for (std::size_t k = 0; k < errand_sites.size(); ++k) {
                    const Point to = city.places[static_cast<std::size_t>(errand_sites[k])].where;
                    row.errand_weight[k] =
                        errand_pull[k] * std::exp(-distance(at, to) / params.errand_distance_scale_m);
                }
                const int c0 = city.grid.col(cell);
                const int r0 = city.grid.row(cell);
                for (int r = std::max(0, r0 - reach); r <= std::min(city.grid.ny - 1, r0 + reach); ++r) {
                    for (int c = std::max(0, c0 - reach); c <= std::min(city.grid.nx - 1, c0 + reach); ++c) {
                        const int other = city.grid.index(c, r);
                        const std::int32_t s = sites.of_cell(other);
                        if (s < 0 || distance(at, city.grid.centre(other)) > radius) continue;
                        row.near_sites.push_back(s);
                        row.near_pull.push_back(hangout_pull[static_cast<std::size_t>(s)]);
                    }
                }
                double best_d = std::numeric_limits<double>::infinity();
                for (int p : venues) {
                    const double dist = distance(at, city.places[static_cast<std::size_t>(p)].where);
                    if (dist < best_d) {
                        best_d = dist;
                        row.venue = p;
                    }
                }
            }
        });
    stop_if_cancelled();
    for (SiteRows& row : rows) {
        d.errand.add_row(errand_sites, row.errand_weight);
        d.hangout.add_row(row.near_sites, row.near_pull);
        const int best = row.venue;
        d.venue_place.push_back(best);
        d.venue_site.push_back(best < 0 ? -1 : sites.of_cell(city.place_cell[static_cast<std::size_t>(best)]));
        row = SiteRows{};  // its memory back as we go
    }
    return d;
}

}  // namespace trygg
