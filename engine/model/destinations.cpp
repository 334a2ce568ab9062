#include "model/destinations.hpp"

#include "core/error.hpp"
#include "core/parallel.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

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

void ChoiceTable::reserve(std::size_t rows, std::size_t entry_count) {
    entries.reserve(entry_count);
    guide.reserve(rows);
    bounds.reserve(rows);
}

ChoiceMatrix::ChoiceMatrix(std::size_t rows, std::vector<std::int32_t> candidates) : choices(std::move(candidates)) {
    if (choices.size() >= kEmpty) {
        throw InputError("a choice among " + std::to_string(choices.size()) +
                         " candidates (errand places); at most 65,534 are supported");
    }
    thresholds.assign(rows * stride(), 0);
    Guide empty{};
    empty.first.fill(kEmpty);
    empty.full = 0;
    guide.assign(rows, empty);
}

// The thresholds ChoiceTable::add_row gives the same weights (the same sums in the same
// order), at every candidate: one of no weight repeats the threshold before it, so no draw
// stops on it.
void ChoiceMatrix::set_row(std::size_t row, const std::vector<double>& weights) {
    double total = 0.0;
    for (double w : weights) total += w > 0 ? w : 0.0;
    if (!(total > 0)) return;  // nothing reachable: the row stays empty, the block is skipped
    std::size_t last = 0;      // the last candidate of any weight: its threshold is all, 65536
    for (std::size_t k = 0; k < weights.size(); ++k) {
        if (weights[k] > 0) last = k + 1;
    }
    std::uint16_t* t = &thresholds[row * stride()];
    Guide& g = guide[row];
    g.full = static_cast<std::uint16_t>(last);
    double cum = 0.0;
    for (std::size_t k = 0; k < weights.size(); ++k) {
        if (weights[k] > 0) cum += weights[k];
        const long v = k + 1 >= last ? 65536 : std::lround(cum / total * 65536.0);
        if (v == 65536 && k + 1 < g.full) g.full = static_cast<std::uint16_t>(k + 1);
        t[k + 1] = static_cast<std::uint16_t>(std::min(v, 65535L));
    }
    std::uint32_t i = 1;
    for (std::uint32_t b = 0; b < kGuideBuckets; ++b) {
        while (threshold(row, i) <= (b << kGuideShift)) ++i;  // ends by `full`: 65536 exceeds the bucket
        g.first[b] = static_cast<std::uint16_t>(i);
    }
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

    // Each home site's rows are computed on their own, in parallel (some 7,650 sites × 66
    // errand places and the hangout disc, about a tenth of a second of a replicate's set-up).
    // An errand row goes straight into its place in the matrix; the hangout rows, of varying
    // length, are appended in site order afterwards, so the tables are the same at any thread
    // count.
    struct SiteRows {
        std::vector<std::int32_t> near_sites;
        std::vector<double> near_pull;
        int venue = -1;
    };
    const double radius = params.hangout_radius_m;
    const int reach = static_cast<int>(std::ceil(radius / city.grid.cell_size));
    const auto home_sites = static_cast<std::size_t>(sites.size());
    d.errand = ChoiceMatrix(home_sites, errand_sites);
    std::vector<SiteRows> rows(home_sites);
    tbb::parallel_for(
        tbb::blocked_range<std::int32_t>(0, sites.size(), 256), [&](const tbb::blocked_range<std::int32_t>& range) {
            std::vector<double> errand_weight(errand_sites.size());
            for (std::int32_t h = range.begin(); h != range.end(); ++h) {
                SiteRows& row = rows[static_cast<std::size_t>(h)];
                const int cell = sites.cell[static_cast<std::size_t>(h)];
                const Point at = city.grid.centre(cell);
                for (std::size_t k = 0; k < errand_sites.size(); ++k) {
                    const Point to = city.places[static_cast<std::size_t>(errand_sites[k])].where;
                    errand_weight[k] = errand_pull[k] * std::exp(-distance(at, to) / params.errand_distance_scale_m);
                }
                d.errand.set_row(static_cast<std::size_t>(h), errand_weight);
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
    // A row of any pull holds a sentinel and its sites of positive pull (ChoiceTable::add_row).
    std::size_t hangout_entries = 0;
    for (const SiteRows& row : rows) {
        const auto positive = static_cast<std::size_t>(
            std::count_if(row.near_pull.begin(), row.near_pull.end(), [](double w) { return w > 0; }));
        hangout_entries += positive > 0 ? positive + 1 : 0;
    }
    d.hangout.reserve(home_sites, hangout_entries);
    d.venue_place.reserve(home_sites);
    d.venue_site.reserve(home_sites);
    for (SiteRows& row : rows) {
        d.hangout.add_row(row.near_sites, row.near_pull);
        const int best = row.venue;
        d.venue_place.push_back(best);
        d.venue_site.push_back(best < 0 ? -1 : sites.of_cell(city.place_cell[static_cast<std::size_t>(best)]));
        row = SiteRows{};  // its memory back as we go
    }
    return d;
}

}  // namespace trygg
