// The map: districts coloured by crime and by victimisation per 1,000 residents a year, and the
// hotspot-frequency raster (share of weeks each 100 m cell was a Gi* hotspot of true crime).
#include "report/district_geometry.hpp"
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <algorithm>

namespace trygg {
namespace {

// [replicate][group][district] → mean over replicates, per 1,000 residents a year.
double victim_rate(const RunResults& r, std::size_t group, std::size_t district, double residents) {
    const std::size_t groups = r.victim_group_names.size(), districts = static_cast<std::size_t>(r.districts);
    if (r.victims.size() != static_cast<std::size_t>(r.replicates) * groups * districts) return 0.0;
    double sum = 0.0;
    for (std::size_t rep = 0; rep < static_cast<std::size_t>(r.replicates); ++rep)
        sum += r.victims[(rep * groups + group) * districts + district];
    return per_thousand_a_year(sum / std::max(1, r.replicates), residents, r.weeks);
}

Json district_rows(const RunFile& f) {
    const RunResults& r = f.results;
    const std::vector<double> crimes = crimes_by_replicate_and_district(r);
    const auto districts = static_cast<std::size_t>(r.districts);
    Json rows = Json::array();
    for (std::size_t d = 0; d < districts && d < f.districts.names.size(); ++d) {
        std::vector<double> per_replicate;
        for (std::size_t rep = 0; rep < static_cast<std::size_t>(r.replicates); ++rep)
            per_replicate.push_back(crimes[rep * districts + d]);
        const double residents = d < f.districts.population.size() ? f.districts.population[d] : 0.0;
        Json row{{"code", d < f.districts.codes.size() ? f.districts.codes[d] : ""},
                 {"name", f.districts.names[d]},
                 {"residents", residents},
                 {"crimes", per_thousand_a_year(mean_of(per_replicate), residents, r.weeks)}};
        for (std::size_t g = 0; g < r.victim_group_names.size(); ++g)
            row["victims_" + r.victim_group_names[g]] = victim_rate(r, g, d, residents);
        rows.push_back(std::move(row));
    }
    return rows;
}

// Mean over replicates of the weeks each cell was a hotspot, as a share of the run's weeks.
std::vector<double> hotspot_share(const RunResults& r) {
    const std::size_t cells = static_cast<std::size_t>(r.nx) * static_cast<std::size_t>(r.ny);
    std::vector<double> share(cells, 0.0);
    if (r.hotspots_true.size() != cells * static_cast<std::size_t>(r.replicates) || r.weeks <= 0) return {};
    for (std::size_t rep = 0; rep < static_cast<std::size_t>(r.replicates); ++rep)
        for (std::size_t c = 0; c < cells; ++c) share[c] += r.hotspots_true[rep * cells + c];
    for (double& s : share) s /= static_cast<double>(r.replicates) * r.weeks;
    return share;
}

}  // namespace

Json map_section(const ReportInput& input) {
    const RunFile& f = input.base.run;
    Json s{{"available", true}, {"weeks", f.results.weeks}, {"victim_groups", f.results.victim_group_names}};
    s["districts"] = district_rows(f);
    DistrictGeometry geometry = district_geometry(f.provenance);
    s["polygons"] = std::move(geometry.features);
    if (!geometry.missing.empty()) s["polygons_missing"] = geometry.missing;
    const std::vector<double> share = hotspot_share(f.results);
    const HotspotRaster raster = hotspot_raster(f.grid, share);
    s["hotspots"] = raster_json(raster);
    if (share.empty())
        s["hotspots_missing"] = "no_hotspots";
    else if (raster.cells.empty())
        s["hotspots_missing"] = "no_hotspot_cells";
    return s;
}

}  // namespace trygg
