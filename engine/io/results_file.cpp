#include "io/results_file.hpp"

#include "io/projection.hpp"

#include "core/clock.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <system_error>
#include <tuple>
#include <vector>

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/design_group.hpp"
#include "io/hdf5_handle.hpp"
#include "model/risk_area.hpp"

namespace trygg {

namespace {

namespace fs = std::filesystem;

hsize_t dim(int n) {
    return static_cast<hsize_t>(n);
}

std::size_t product(std::initializer_list<int> dims) {
    std::size_t n = 1;
    for (const int d : dims) n *= static_cast<std::size_t>(d);
    return n;
}

void require(bool ok, const std::string& what) {
    if (!ok) throw LogicError("write_run_file: " + what);
}

// The youth layer's tallies (RunResults::Youth), every one present in a file of this schema.
void check_youth(const RunResults& r) {
    const auto& y = r.youth;
    const std::size_t weekly = product({r.replicates, r.weeks, r.districts});
    for (const auto* v : {&y.members, &y.associates, &y.recruits, &y.offences, &y.school_failure}) {
        require(v->size() == weekly, "a youth tally is not replicates*weeks*districts long");
    }
    require(y.propensity_mean.size() == weekly, "youth propensity_mean is not replicates*weeks*districts long");
    require(y.substance_use.size() == weekly * y.substance_levels.size(),
            "youth substance_use is not replicates*weeks*districts*levels long");
    require(y.years >= 0 && y.offences_by_age.size() == product({r.replicates, y.years, kOffendingAges}),
            "offences_by_age is not replicates*years*101 long");
    require(y.residents_by_age.size() == y.offences_by_age.size(), "residents_by_age is not replicates*years*101 long");
    require(y.substance_by_age.size() == y.offences_by_age.size() * y.substance_levels.size(),
            "substance_by_age is not replicates*years*101*levels long");
    require(y.participants.size() == product({r.replicates, r.weeks}) * r.interventions.size(),
            "youth participants is not replicates*weeks*interventions long");
}

// The safety layer's tallies (RunResults::Safety), every one present in a file of this schema.
void check_safety(const RunResults& r) {
    const auto& f = r.safety;
    const std::size_t weekly = product({r.replicates, r.weeks, r.districts});
    const std::size_t quarterly = product({r.replicates, f.quarters, r.districts});
    require(f.quarters == (r.weeks + kWeeksPerQuarter - 1) / kWeeksPerQuarter,
            "safety quarters is not weeks/13 rounded up");
    require(f.signals.size() == weekly * f.signal_names.size(),
            "safety signals is not replicates*weeks*districts*signals long");
    require(f.unsafe_weekly.size() == weekly, "safety unsafe_weekly is not replicates*weeks*districts long");
    for (const auto* v : {&f.unsafe_share, &f.avoided_share, &f.gang_problems, &f.dealing_problems,
                          &f.collective_efficacy, &f.risk_score}) {
        require(v->size() == quarterly, "a quarterly safety tally is not replicates*quarters*districts long");
    }
    require(f.risk_class.size() == quarterly, "risk_class is not replicates*quarters*districts long");
    require(f.components.size() == quarterly * f.component_names.size(),
            "risk components is not replicates*quarters*districts*components long");
    require(f.risk_trend.size() == product({r.replicates, r.districts}), "risk_trend is not replicates*districts long");
    require(f.rumours_started.size() == weekly && f.rumours_exposed.size() == weekly,
            "rumours started or exposed is not replicates*weeks*districts long");
    const std::size_t incidents = weekly * r.incident_type_names.size();
    require(r.incidents_true.size() == incidents && r.incidents_reported.size() == incidents &&
                r.incidents_est.size() == incidents,
            "incidents is not replicates*weeks*districts*incident_types long");
}

// The writer is handed arrays with separately stated dimensions; a mismatch is a bug upstream
// and must not produce a file that looks valid.
void check_consistent(const GridDescription& grid, const DistrictTable& districts, const RunResults& r) {
    require(r.replicates >= 0 && r.weeks >= 0 && r.districts >= 0 && r.crime_types >= 0 && r.ny >= 0 && r.nx >= 0,
            "negative dimension in RunResults");
    require(grid.nx == r.nx && grid.ny == r.ny, "grid and results disagree on nx/ny");
    const std::size_t cells = product({grid.ny, grid.nx});
    require(grid.district.size() == cells, "grid.district is not ny*nx long");
    require(grid.deso.size() == cells, "grid.deso is not ny*nx long");
    require(grid.population.size() == cells, "grid.population is not ny*nx long");
    const auto d = static_cast<std::size_t>(r.districts);
    require(districts.names.size() == d && districts.codes.size() == d && districts.population.size() == d,
            "district table does not have results.districts rows");
    require(r.crime_type_names.size() == static_cast<std::size_t>(r.crime_types),
            "crime_type_names is not crime_types long");
    require(r.crimes_true.size() == product({r.replicates, r.weeks, r.districts, r.crime_types}),
            "crimes_true is not replicates*weeks*districts*crime_types long");
    require(r.crimes_cells.size() == product({r.replicates, r.crime_types, r.ny, r.nx}),
            "crimes_cells is not replicates*crime_types*ny*nx long");
    require(r.crimes_reported.size() == r.crimes_true.size() && r.crimes_est.size() == r.crimes_true.size(),
            "crimes_reported or crimes_est differ in size from crimes_true");
    require(r.crimes_cells_est.size() == r.crimes_cells.size(), "crimes_cells_est differs in size from crimes_cells");
    require(r.victims.size() == product({r.replicates, static_cast<int>(r.victim_group_names.size()), r.districts}),
            "victims is not replicates*victim_groups*districts long");
    require(r.arrests.size() == static_cast<std::size_t>(r.replicates), "arrests is not replicates long");
    for (const auto* m : {&r.hotspots_true, &r.hotspots_est, &r.kde_top_est, &r.patrol_weeks}) {
        require(m->size() == product({r.replicates, r.ny, r.nx}), "a hotspot map is not replicates*ny*nx long");
    }
    for (const auto* w : {&r.weekly_hotspots_true, &r.weekly_hotspots_est, &r.weekly_hotspots_both}) {
        require(w->size() == product({r.replicates, r.weeks}), "a weekly hotspot series is not replicates*weeks long");
    }
    require(r.concentration.size() == r.cell_shares.size() * static_cast<std::size_t>(r.replicates),
            "concentration is not replicates*cell_shares long");
    require(r.cells_holding.size() == r.crime_shares.size() * static_cast<std::size_t>(r.replicates),
            "cells_holding is not replicates*crime_shares long");
    require(r.crimes_by_hour.size() == product({r.replicates, 24, r.crime_types}),
            "crimes_by_hour is not replicates*24*crime_types long");
    require(r.youth_public_hours.size() == product({r.replicates, kHoursPerWeek}),
            "youth_public_hours is not replicates*168 long");
    require(r.treated.size() == cells, "treated is not ny*nx long");
    check_youth(r);
    check_safety(r);
    const auto& t = r.interventions;
    require(t.kind.size() == t.size() && t.investment_sek.size() == t.size() &&
                t.running_sek_per_year.size() == t.size() && t.cost_sek.size() == t.size(),
            "intervention columns differ in length");
    require(t.first_day.size() == t.last_day.size() && (t.first_day.empty() || t.first_day.size() == t.size()),
            "intervention days differ in length");
    const auto& pic = r.picture;
    require(pic.replicate.size() == pic.size() && pic.week.size() == pic.size() && pic.count.size() == pic.size(),
            "picture columns differ in length");
    const auto& e = r.events;
    require(e.replicate.size() == e.size() && e.cell.size() == e.size() && e.crime_type.size() == e.size() &&
                e.offender.size() == e.size() && e.victim_group.size() == e.size() &&
                e.reported_by.size() == e.size() && e.arrested.size() == e.size(),
            "event log columns differ in length");
}

// The six root datasets that double as netCDF dimensions. They live in the root group because
// netCDF-4 looks up a variable's dimensions in its own group and then its ancestors.
struct Scales {
    h5::Dataset replicate;
    h5::Dataset week;
    h5::Dataset district;
    h5::Dataset crime_type;
    h5::Dataset x;
    h5::Dataset y;
    std::vector<double> xs, ys;  // the cell centres, for the groups' own coordinate variables
    h5::Dataset victim_group;
    h5::Dataset reporter;
    h5::Dataset hour;
    h5::Dataset hour_of_week;
    h5::Dataset cell_share;
    h5::Dataset crime_share;
    h5::Dataset level;          // substance-use level of /youth/substance_use
    h5::Dataset year;           // model year (52 weeks) of /offending/by_age
    h5::Dataset age;            // completed years 0 … 100
    h5::Dataset quarter;        // 13-week quarter of /safety and /risk_area
    h5::Dataset signal;         // what residents see, /safety/signals
    h5::Dataset component;      // of the risk-area indicator
    h5::Dataset incident_type;  // disorder, fire
};

h5::Dataset write_index_scale(hid_t root, const std::string& name, int n, const std::string& long_name,
                              const h5::ErrorContext& ctx) {
    std::vector<std::int32_t> values(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) values[static_cast<std::size_t>(i)] = i;
    const std::array shape{dim(n)};
    h5::Dataset scale = h5::write_dataset(root, name, shape, shape, std::span(values), ctx);
    h5::make_dimension_scale(scale.get(), name, ctx);
    h5::describe(scale.get(), "1", long_name, ctx);
    return scale;
}

std::vector<double> centres(double first, double step, int n) {
    std::vector<double> values(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) values[static_cast<std::size_t>(i)] = first + i * step;
    return values;
}

// Easting/northing coordinates, written both as root scales and (for users) under /grid.
h5::Dataset write_axis(hid_t parent, const std::string& name, std::span<const double> values, bool easting,
                       const h5::ErrorContext& ctx) {
    const std::array shape{static_cast<hsize_t>(values.size())};
    h5::Dataset axis = h5::write_dataset(parent, name, shape, shape, values, ctx);
    h5::describe(axis.get(), "m", easting ? "easting of cell centre" : "northing of cell centre (row 0 southernmost)",
                 ctx);
    h5::write_attribute(axis.get(), "standard_name",
                        std::string(easting ? "projection_x_coordinate" : "projection_y_coordinate"), ctx);
    return axis;
}

// CF grid mapping (CF-1.8 §5.6): a scalar variable /crs describing SWEREF99 TM, named by
// the `grid_mapping` attribute of every map, so GDAL and QGIS place the rasters
// (`gdalinfo NETCDF:run.h5:/crimes/cells`) without an export. The grid's CRS is EPSG:3006
// (the city config's geography.crs, which the writer's `crs` attribute has always stated);
// crs_wkt and GDAL's spatial_ref come from PROJ, the projection's parameters from EPSG's
// definition of SWEREF99 TM (GRS 80, transverse Mercator on 15° E, scale 0.9996, false
// easting 500 000 m).
constexpr const char* kGridCrs = "EPSG:3006";

void write_grid_mapping(hid_t root, const h5::ErrorContext& ctx) {
    const std::array<hsize_t, 0> scalar{};
    const std::array<std::int32_t, 1> zero{0};
    h5::Dataset crs = h5::write_dataset(root, "crs", scalar, scalar, std::span<const std::int32_t>(zero), ctx);
    h5::write_attribute(crs.get(), "grid_mapping_name", std::string("transverse_mercator"), ctx);
    h5::write_attribute(crs.get(), "longitude_of_central_meridian", 15.0, ctx);
    h5::write_attribute(crs.get(), "latitude_of_projection_origin", 0.0, ctx);
    h5::write_attribute(crs.get(), "scale_factor_at_central_meridian", 0.9996, ctx);
    h5::write_attribute(crs.get(), "false_easting", 500000.0, ctx);
    h5::write_attribute(crs.get(), "false_northing", 0.0, ctx);
    h5::write_attribute(crs.get(), "semi_major_axis", 6378137.0, ctx);
    h5::write_attribute(crs.get(), "inverse_flattening", 298.257222101, ctx);
    h5::write_attribute(crs.get(), "crs_wkt", crs_wkt(kGridCrs, WktFlavour::Wkt2), ctx);
    h5::write_attribute(crs.get(), "spatial_ref", crs_wkt(kGridCrs, WktFlavour::Wkt1Gdal), ctx);
    h5::write_attribute(crs.get(), "long_name", std::string("SWEREF99 TM (EPSG:3006)"), ctx);
}

// A group's own x and y coordinate variables on the root dimensions, as /grid has: GDAL looks
// for a map's coordinate variables only in the map's group, and without them it could not
// tell that rows are stored south first (it would read the map upside down).
void write_group_axes(hid_t group, const Scales& s, const h5::ErrorContext& ctx) {
    h5::Dataset x = write_axis(group, "x", s.xs, true, ctx);
    h5::attach_scales(x.get(), std::array{s.x.get()}, ctx);
    h5::Dataset y = write_axis(group, "y", s.ys, false, ctx);
    h5::attach_scales(y.get(), std::array{s.y.get()}, ctx);
}

// Marks a [..., y, x] dataset as a map on /crs.
void georeference(hid_t dataset, const h5::ErrorContext& ctx) {
    h5::write_attribute(dataset, "grid_mapping", std::string("crs"), ctx);
}

Scales write_scales(hid_t root, const GridDescription& grid, const RunResults& r, const h5::ErrorContext& ctx) {
    Scales s;
    s.replicate = write_index_scale(root, "replicate", r.replicates, "replicate index", ctx);
    // Units "1" rather than "weeks since <date>": xarray's CF time decoding rejects "weeks".
    s.week = write_index_scale(root, "week", r.weeks, "week index; week w starts start_date + 7w days", ctx);
    s.district = write_index_scale(root, "district", r.districts, "district index; see /districts/name", ctx);
    s.crime_type = write_index_scale(root, "crime_type", r.crime_types, "crime type index; see /crime_types/name", ctx);
    const std::vector<double> xs = centres(grid.x0, grid.cell_size, grid.nx);
    const std::vector<double> ys = centres(grid.y0, grid.cell_size, grid.ny);
    s.xs = xs;
    s.ys = ys;
    s.x = write_axis(root, "x", xs, true, ctx);
    h5::make_dimension_scale(s.x.get(), "x", ctx);
    s.y = write_axis(root, "y", ys, false, ctx);
    h5::make_dimension_scale(s.y.get(), "y", ctx);
    s.victim_group = write_index_scale(root, "victim_group", static_cast<int>(r.victim_group_names.size()),
                                       "victim group index; see /victims/group_name", ctx);
    s.reporter = write_index_scale(root, "reporter", static_cast<int>(r.reporter_names.size()),
                                   "EST reporter index = bit of reported_by; see /reporters/name", ctx);
    s.hour = write_index_scale(root, "hour", 24, "clock hour, local time", ctx);
    s.hour_of_week =
        write_index_scale(root, "hour_of_week", kHoursPerWeek, "hour of the week, 0 = Monday 00:00 local time", ctx);
    auto share_scale = [&](const char* name, const std::vector<double>& values, const char* long_name) {
        const std::array shape{static_cast<hsize_t>(values.size())};
        h5::Dataset d = h5::write_dataset(root, name, shape, shape, std::span(values), ctx);
        h5::make_dimension_scale(d.get(), name, ctx);
        h5::describe(d.get(), "1", long_name, ctx);
        return d;
    };
    s.cell_share = share_scale("cell_share", r.cell_shares, "share of the study area's cells, most crime first");
    s.crime_share = share_scale("crime_share", r.crime_shares, "share of all crime");
    s.level = write_index_scale(root, "level", static_cast<int>(r.youth.substance_levels.size()),
                                "substance-use level index; see /youth/level_name", ctx);
    s.year = write_index_scale(root, "year", r.youth.years,
                               "model year index; year y is weeks 52y to 52y+51 from start_date", ctx);
    s.age = write_index_scale(root, "age", kOffendingAges, "age in completed years", ctx);
    s.quarter = write_index_scale(root, "quarter", r.safety.quarters,
                                  "quarter index; quarter q is weeks 13q to 13q+12 from start_date", ctx);
    s.signal = write_index_scale(root, "signal", static_cast<int>(r.safety.signal_names.size()),
                                 "safety signal index; see /safety/signal_name", ctx);
    s.component = write_index_scale(root, "component", static_cast<int>(r.safety.component_names.size()),
                                    "risk-area component index; see /risk_area/component_name", ctx);
    s.incident_type = write_index_scale(root, "incident_type", static_cast<int>(r.incident_type_names.size()),
                                        "incident type index; see /incidents/type_name", ctx);
    return s;
}

void write_file_attributes(hid_t root, const std::string& title, const h5::ErrorContext& ctx) {
    h5::write_attribute(root, "schema_version", std::int32_t{kSchemaVersion}, ctx);
    h5::write_attribute(root, "Conventions", "CF-1.8", ctx);
    h5::write_attribute(root, "title", title, ctx);
    h5::write_attribute(root, "crs", "EPSG:3006", ctx);
}

// Provenance of one run: on the root of a run file, on each group of an experiment file.
void write_run_attributes(hid_t root, const RunProvenance& p, const h5::ErrorContext& ctx) {
    h5::write_attribute(root, "trygg_version", p.trygg_version, ctx);
    h5::write_attribute(root, "git_commit", p.git_commit, ctx);
    h5::write_attribute(root, "city_file", p.city_file, ctx);
    h5::write_attribute(root, "scenario_file", p.scenario_file, ctx);
    h5::write_attribute(root, "city_yaml", p.city_yaml, ctx);
    h5::write_attribute(root, "scenario_yaml", p.scenario_yaml, ctx);
    h5::write_attribute(root, "start_date", p.start_date, ctx);
    h5::write_attribute(root, "seed", std::uint64_t{p.seed}, ctx);
    h5::write_attribute(root, "replicates", std::int32_t{p.replicates}, ctx);
    h5::write_attribute(root, "first_replicate", std::int32_t{p.first_replicate}, ctx);
    h5::write_attribute(root, "weeks", std::int32_t{p.weeks}, ctx);
    h5::write_attribute(root, "threads", std::int32_t{p.threads}, ctx);
    h5::write_attribute(root, "wall_seconds", p.wall_seconds, ctx);
}

void write_districts(hid_t root, const DistrictTable& t, const Scales& s, const h5::ErrorContext& ctx) {
    h5::Group group = h5::create_group(root, "districts", ctx);
    const std::array shape{static_cast<hsize_t>(t.names.size())};
    const std::array scales{s.district.get()};

    h5::Dataset name = h5::write_dataset(group.get(), "name", shape, shape, std::span(t.names), ctx);
    h5::describe(name.get(), "district name", ctx);
    h5::attach_scales(name.get(), scales, ctx);

    h5::Dataset code = h5::write_dataset(group.get(), "code", shape, shape, std::span(t.codes), ctx);
    h5::describe(code.get(), "district code", ctx);
    h5::attach_scales(code.get(), scales, ctx);

    h5::Dataset population = h5::write_dataset(group.get(), "population", shape, shape, std::span(t.population), ctx);
    h5::describe(population.get(), "1", "residents in the input data", ctx);
    h5::attach_scales(population.get(), scales, ctx);
}

void write_crime_types(hid_t root, const RunResults& r, const Scales& s, const h5::ErrorContext& ctx) {
    h5::Group group = h5::create_group(root, "crime_types", ctx);
    const std::array shape{dim(r.crime_types)};
    h5::Dataset name = h5::write_dataset(group.get(), "name", shape, shape, std::span(r.crime_type_names), ctx);
    h5::describe(name.get(), "crime type name", ctx);
    h5::attach_scales(name.get(), std::array{s.crime_type.get()}, ctx);
}

void write_grid(hid_t root, const GridDescription& grid, const Scales& s, const h5::ErrorContext& ctx) {
    h5::Group group = h5::create_group(root, "grid", ctx);
    h5::write_attribute(group.get(), "cell_size_m", grid.cell_size, ctx);

    const std::vector<double> xs = centres(grid.x0, grid.cell_size, grid.nx);
    const std::vector<double> ys = centres(grid.y0, grid.cell_size, grid.ny);
    h5::Dataset x = write_axis(group.get(), "x", xs, true, ctx);
    h5::attach_scales(x.get(), std::array{s.x.get()}, ctx);
    h5::Dataset y = write_axis(group.get(), "y", ys, false, ctx);
    h5::attach_scales(y.get(), std::array{s.y.get()}, ctx);

    const std::array shape{dim(grid.ny), dim(grid.nx)};
    const std::array scales{s.y.get(), s.x.get()};
    struct Layer {
        const char* name;
        const std::vector<std::int32_t>& values;
        const char* long_name;
        const char* note;  // how -1 is to be read; nullptr where -1 cannot occur
    };
    const std::array layers{
        Layer{"district", grid.district, "district index of the cell", "-1 outside every district"},
        Layer{"deso", grid.deso, "DeSO index of the cell", "-1 outside every DeSO"},
        Layer{"population", grid.population, "synthetic residents in the cell (replicate 0)", nullptr},
    };
    for (const Layer& layer : layers) {
        h5::Dataset ds = h5::write_dataset(group.get(), layer.name, shape, shape, std::span(layer.values), ctx);
        h5::describe(ds.get(), "1", layer.long_name, ctx);
        // Deliberately not _FillValue: xarray would turn -1 into NaN and the arrays into floats.
        if (layer.note != nullptr) {
            h5::write_attribute(ds.get(), "missing_value_note", std::string(layer.note), ctx);
        }
        h5::attach_scales(ds.get(), scales, ctx);
        georeference(ds.get(), ctx);
    }
}

void write_crimes(hid_t root, const RunResults& r, const Scales& s, const h5::ErrorContext& ctx) {
    h5::Group group = h5::create_group(root, "crimes", ctx);
    write_group_axes(group.get(), s, ctx);

    // One chunk per replicate: the usual read is one replicate's whole time series.
    const std::array true_shape{dim(r.replicates), dim(r.weeks), dim(r.districts), dim(r.crime_types)};
    const std::array true_chunk{hsize_t{1}, dim(r.weeks), dim(r.districts), dim(r.crime_types)};
    h5::Dataset counts = h5::write_dataset(group.get(), "true", true_shape, true_chunk, std::span(r.crimes_true), ctx);
    h5::describe(counts.get(), "1", "crimes (true events) per week, district and type", ctx);
    h5::attach_scales(counts.get(), std::array{s.replicate.get(), s.week.get(), s.district.get(), s.crime_type.get()},
                      ctx);

    // One chunk per map (replicate, type), split by rows only if a map exceeds the chunk cap.
    const std::array cells_shape{dim(r.replicates), dim(r.crime_types), dim(r.ny), dim(r.nx)};
    const std::array cells_chunk{hsize_t{1}, hsize_t{1}, dim(r.ny), dim(r.nx)};
    h5::Dataset cells =
        h5::write_dataset(group.get(), "cells", cells_shape, cells_chunk, std::span(r.crimes_cells), ctx);
    h5::describe(cells.get(), "1", "crimes (true events) per cell over the run", ctx);
    h5::attach_scales(cells.get(), std::array{s.replicate.get(), s.crime_type.get(), s.y.get(), s.x.get()}, ctx);
    georeference(cells.get(), ctx);

    struct Weekly {
        const char* name;
        const std::vector<std::int32_t>& values;
        const char* long_name;
    };
    for (const Weekly& w :
         {Weekly{"reported", r.crimes_reported, "crimes registered by the police per week, district and type"},
          Weekly{"est", r.crimes_est, "crimes known to at least one EST actor per week, district and type"}}) {
        h5::Dataset d = h5::write_dataset(group.get(), w.name, true_shape, true_chunk, std::span(w.values), ctx);
        h5::describe(d.get(), "1", w.long_name, ctx);
        h5::attach_scales(d.get(), std::array{s.replicate.get(), s.week.get(), s.district.get(), s.crime_type.get()},
                          ctx);
    }
    h5::Dataset cells_est =
        h5::write_dataset(group.get(), "cells_est", cells_shape, cells_chunk, std::span(r.crimes_cells_est), ctx);
    h5::describe(cells_est.get(), "1", "crimes known to at least one EST actor per cell over the run", ctx);
    h5::attach_scales(cells_est.get(), std::array{s.replicate.get(), s.crime_type.get(), s.y.get(), s.x.get()}, ctx);
    georeference(cells_est.get(), ctx);

    const std::array arrest_shape{dim(r.replicates)};
    h5::Dataset arrests =
        h5::write_dataset(group.get(), "arrests", arrest_shape, arrest_shape, std::span(r.arrests), ctx);
    h5::describe(arrests.get(), "1", "offences that led to an arrest, over the run", ctx);
    h5::attach_scales(arrests.get(), std::array{s.replicate.get()}, ctx);
}

void write_victims_and_reporters(hid_t root, const RunResults& r, const Scales& s, const h5::ErrorContext& ctx) {
    {
        h5::Group group = h5::create_group(root, "victims", ctx);
        const std::array name_shape{dim(static_cast<int>(r.victim_group_names.size()))};
        h5::Dataset names =
            h5::write_dataset(group.get(), "group_name", name_shape, name_shape, std::span(r.victim_group_names), ctx);
        h5::describe(names.get(), "victim group name", ctx);
        h5::attach_scales(names.get(), std::array{s.victim_group.get()}, ctx);
        const std::array shape{dim(r.replicates), name_shape[0], dim(r.districts)};
        h5::Dataset count = h5::write_dataset(group.get(), "count", shape, shape, std::span(r.victims), ctx);
        h5::describe(count.get(), "1", "crimes with a victim of the group, per district, over the run (true events)",
                     ctx);
        h5::attach_scales(count.get(), std::array{s.replicate.get(), s.victim_group.get(), s.district.get()}, ctx);
    }
    h5::Group group = h5::create_group(root, "reporters", ctx);
    const std::array shape{dim(static_cast<int>(r.reporter_names.size()))};
    h5::Dataset names = h5::write_dataset(group.get(), "name", shape, shape, std::span(r.reporter_names), ctx);
    h5::describe(names.get(), "EST reporter; reporter k is bit k of /events/reported_by", ctx);
    h5::attach_scales(names.get(), std::array{s.reporter.get()}, ctx);
}

void write_hotspots(hid_t root, const RunResults& r, const Scales& s, const h5::ErrorContext& ctx) {
    h5::Group group = h5::create_group(root, "hotspots", ctx);
    write_group_axes(group.get(), s, ctx);
    const std::array map_shape{dim(r.replicates), dim(r.ny), dim(r.nx)};
    const std::array map_chunk{hsize_t{1}, dim(r.ny), dim(r.nx)};
    const std::array map_scales{s.replicate.get(), s.y.get(), s.x.get()};
    struct Map {
        const char* name;
        const std::vector<std::int32_t>& values;
        const char* long_name;
    };
    for (const Map& m :
         {Map{"frequency_true", r.hotspots_true, "weeks the cell was a Gi* hotspot of true crime"},
          Map{"frequency_est", r.hotspots_est, "weeks the cell was a Gi* hotspot of the EST picture"},
          Map{"kde_top_est", r.kde_top_est, "weeks the cell was among the EST picture's top-k kernel density cells"},
          Map{"patrol_weeks", r.patrol_weeks, "weeks the cell was in a police patrol's beat"}}) {
        h5::Dataset d = h5::write_dataset(group.get(), m.name, map_shape, map_chunk, std::span(m.values), ctx);
        h5::describe(d.get(), "1", m.long_name, ctx);
        h5::attach_scales(d.get(), map_scales, ctx);
        georeference(d.get(), ctx);
    }
    const std::array week_shape{dim(r.replicates), dim(r.weeks)};
    const std::array week_scales{s.replicate.get(), s.week.get()};
    for (const Map& m :
         {Map{"weekly_true", r.weekly_hotspots_true, "Gi* hotspot cells of true crime in the week"},
          Map{"weekly_est", r.weekly_hotspots_est, "Gi* hotspot cells of the EST picture in the week"},
          Map{"weekly_both", r.weekly_hotspots_both, "cells that were hotspots in both pictures in the week"}}) {
        h5::Dataset d = h5::write_dataset(group.get(), m.name, week_shape, week_shape, std::span(m.values), ctx);
        h5::describe(d.get(), "1", m.long_name, ctx);
        h5::attach_scales(d.get(), week_scales, ctx);
    }
    h5::Group crimes = h5::open_group(root, "crimes", ctx);
    const std::array curve_shape{dim(r.replicates), static_cast<hsize_t>(r.cell_shares.size())};
    h5::Dataset curve =
        h5::write_dataset(crimes.get(), "concentration", curve_shape, curve_shape, std::span(r.concentration), ctx);
    h5::describe(curve.get(), "1",
                 "share of true crime in the top cell_share of the study area's cells (Weisburd 2015)", ctx);
    h5::attach_scales(curve.get(), std::array{s.replicate.get(), s.cell_share.get()}, ctx);
    const std::array holding_shape{dim(r.replicates), static_cast<hsize_t>(r.crime_shares.size())};
    h5::Dataset holding =
        h5::write_dataset(crimes.get(), "cells_holding", holding_shape, holding_shape, std::span(r.cells_holding), ctx);
    h5::describe(holding.get(), "1", "smallest share of the study area's cells holding crime_share of true crime", ctx);
    h5::attach_scales(holding.get(), std::array{s.replicate.get(), s.crime_share.get()}, ctx);
}

// The weekly true picture, sparse (docs/hdf5-layout.md): four columns on the run's own
// `picture_entry` dimension, and the Gi* settings as attributes of /hotspots.
void write_picture(hid_t root, const RunResults& r, const h5::ErrorContext& ctx) {
    const auto& p = r.picture;
    const h5::Dataset entry_scale =
        write_index_scale(root, "picture_entry", static_cast<int>(p.size()), "entry of the weekly true picture", ctx);
    h5::Group group = h5::open_group(root, "hotspots", ctx);
    h5::write_attribute(group.get(), "gi_band_m", p.gi_band_m, ctx);
    h5::write_attribute(group.get(), "alpha", p.alpha, ctx);
    h5::write_attribute(group.get(), "correction", std::string(p.fdr ? "fdr" : "none"), ctx);
    const std::array shape{static_cast<hsize_t>(p.size())};
    const std::array chunk{static_cast<hsize_t>(std::min<std::size_t>(std::max<std::size_t>(p.size(), 1), 65536))};
    struct Column {
        const char* name;
        const std::vector<std::int32_t>& values;
        const char* long_name;
    };
    for (const Column& c :
         {Column{"picture_replicate", p.replicate, "replicate of the entry"},
          Column{"picture_week", p.week, "week of the entry"},
          Column{"picture_cell", p.cell, "grid cell, row-major: y index = cell / nx, x index = cell % nx"},
          Column{"picture_count", p.count, "true crimes and incidents in the cell and week (> 0)"}}) {
        h5::Dataset d = h5::write_dataset(group.get(), c.name, shape, chunk, std::span(c.values), ctx);
        h5::describe(d.get(), "1", c.long_name, ctx);
        h5::attach_scales(d.get(), std::array{entry_scale.get()}, ctx);
    }
}

void write_events(hid_t root, const RunResults& r, const h5::ErrorContext& ctx) {
    // The event dimension is the run's own (its length differs between runs of an experiment).
    const h5::Dataset event_scale =
        write_index_scale(root, "event", static_cast<int>(r.events.size()), "crime event index", ctx);
    h5::Group group = h5::create_group(root, "events", ctx);
    const std::array shape{static_cast<hsize_t>(r.events.size())};
    const std::array chunk{
        static_cast<hsize_t>(std::min<std::size_t>(std::max<std::size_t>(r.events.size(), 1), 65536))};
    const auto& e = r.events;
    struct Column {
        const char* name;
        const std::vector<std::int32_t>& values;
        const char* long_name;
    };
    for (const Column& c :
         {Column{"replicate", e.replicate, "replicate of the event"},
          Column{"hour", e.hour, "hour of the event, hours since start_date 00:00 local time"},
          Column{"cell", e.cell, "grid cell, row-major: y index = cell / nx, x index = cell % nx"},
          Column{"crime_type", e.crime_type, "crime type index"},
          Column{"offender", e.offender, "offender's person index within the replicate"},
          Column{"victim_group", e.victim_group, "victim group index, -1 for no victim (drug offences)"},
          Column{"reported_by", e.reported_by, "bit k set: reporter k (/reporters/name) reported it"},
          Column{"arrested", e.arrested, "1 if the offence led to an arrest"}}) {
        h5::Dataset d = h5::write_dataset(group.get(), c.name, shape, chunk, std::span(c.values), ctx);
        h5::describe(d.get(), "1", c.long_name, ctx);
        h5::attach_scales(d.get(), std::array{event_scale.get()}, ctx);
    }
}

void write_by_hour(hid_t root, const RunResults& r, const Scales& s, const h5::ErrorContext& ctx) {
    h5::Group crimes = h5::open_group(root, "crimes", ctx);
    const std::array hour_shape{dim(r.replicates), hsize_t{24}, dim(r.crime_types)};
    h5::Dataset by_hour =
        h5::write_dataset(crimes.get(), "by_hour", hour_shape, hour_shape, std::span(r.crimes_by_hour), ctx);
    h5::describe(by_hour.get(), "1", "crimes (true events, study area) by clock hour and type, over the run", ctx);
    h5::attach_scales(by_hour.get(), std::array{s.replicate.get(), s.hour.get(), s.crime_type.get()}, ctx);
}

// /youth: time in public space, and the youth layer's weekly tallies per home district
// (DESIGN §3.7, §3.9); /offending/by_age: the age–crime curve, year by year.
void write_youth(hid_t root, const RunResults& r, const Scales& s, const h5::ErrorContext& ctx) {
    h5::Group youth = h5::create_group(root, "youth", ctx);
    const std::vector<double> hours(r.youth_public_hours.begin(), r.youth_public_hours.end());
    const std::array shape{dim(r.replicates), hsize_t{kHoursPerWeek}};
    h5::Dataset d = h5::write_dataset(youth.get(), "public_hours", shape, shape, std::span(hours), ctx);
    h5::describe(d.get(), "h",
                 "person-hours of 12-17-year-olds in public space (unsupervised), by hour of the week, over the run",
                 ctx);
    h5::attach_scales(d.get(), std::array{s.replicate.get(), s.hour_of_week.get()}, ctx);

    const auto& y = r.youth;
    const std::array weekly{dim(r.replicates), dim(r.weeks), dim(r.districts)};
    const std::array weekly_scales{s.replicate.get(), s.week.get(), s.district.get()};
    struct Tally {
        const char* name;
        const std::vector<std::int32_t>& values;
        const char* long_name;
    };
    for (const Tally& t :
         {Tally{"members", y.members, "criminal network members living in the district, in the week"},
          Tally{"associates", y.associates, "criminal network associates living in the district, in the week"},
          Tally{"recruits", y.recruits, "residents of the district who became network members in the week"},
          Tally{"offences", y.offences, "offences (true events) by residents aged 12-20 of the district, in the week"},
          Tally{"school_failure", y.school_failure, "pupils aged 13-19 of the district failing school, in the week"}}) {
        h5::Dataset tally = h5::write_dataset(youth.get(), t.name, weekly, weekly, std::span(t.values), ctx);
        h5::describe(tally.get(), "1", t.long_name, ctx);
        h5::attach_scales(tally.get(), weekly_scales, ctx);
    }
    h5::Dataset propensity =
        h5::write_dataset(youth.get(), "propensity_mean", weekly, weekly, std::span(y.propensity_mean), ctx);
    h5::describe(propensity.get(), "1",
                 "mean crime propensity (SAT index) of residents aged 12-20 of the district, in the week; 0 where "
                 "there are none",
                 ctx);
    h5::attach_scales(propensity.get(), weekly_scales, ctx);

    const std::array level_shape{dim(static_cast<int>(y.substance_levels.size()))};
    h5::Dataset names =
        h5::write_dataset(youth.get(), "level_name", level_shape, level_shape, std::span(y.substance_levels), ctx);
    h5::describe(names.get(), "substance-use level", ctx);
    h5::attach_scales(names.get(), std::array{s.level.get()}, ctx);
    const std::array use_shape{weekly[0], weekly[1], weekly[2], level_shape[0]};
    h5::Dataset use =
        h5::write_dataset(youth.get(), "substance_use", use_shape, use_shape, std::span(y.substance_use), ctx);
    h5::describe(use.get(), "1", "residents aged 13-24 of the district at the substance-use level, in the week", ctx);
    h5::attach_scales(use.get(), std::array{s.replicate.get(), s.week.get(), s.district.get(), s.level.get()}, ctx);

    h5::Group offending = h5::create_group(root, "offending", ctx);
    const std::array age_shape{dim(r.replicates), dim(y.years), dim(kOffendingAges)};
    h5::Dataset by_age =
        h5::write_dataset(offending.get(), "by_age", age_shape, age_shape, std::span(y.offences_by_age), ctx);
    h5::describe(by_age.get(), "1", "offences (true events) by the offender's age, in the model year", ctx);
    h5::attach_scales(by_age.get(), std::array{s.replicate.get(), s.year.get(), s.age.get()}, ctx);
    h5::Dataset residents = h5::write_dataset(offending.get(), "residents_by_age", age_shape, age_shape,
                                              std::span(y.residents_by_age), ctx);
    h5::describe(residents.get(), "1", "residents by age at the model year's last week (offending/by_age per resident)",
                 ctx);
    h5::attach_scales(residents.get(), std::array{s.replicate.get(), s.year.get(), s.age.get()}, ctx);
    const std::array use_age_shape{age_shape[0], age_shape[1], age_shape[2], level_shape[0]};
    h5::Dataset use_by_age = h5::write_dataset(youth.get(), "substance_by_age", use_age_shape, use_age_shape,
                                               std::span(y.substance_by_age), ctx);
    h5::describe(use_by_age.get(), "1", "residents at the substance-use level by age, at the model year's last week",
                 ctx);
    h5::attach_scales(use_by_age.get(), std::array{s.replicate.get(), s.year.get(), s.age.get(), s.level.get()}, ctx);
}

// /safety: what residents see and feel, collective efficacy; /risk_area: the indicator
// inspired by the police's criteria (DESIGN §3.8, §3.10).
void write_safety(hid_t root, const RunResults& r, const Scales& s, const h5::ErrorContext& ctx) {
    const auto& f = r.safety;
    h5::Group safety = h5::create_group(root, "safety", ctx);
    const std::array names_shape{dim(static_cast<int>(f.signal_names.size()))};
    h5::Dataset names =
        h5::write_dataset(safety.get(), "signal_name", names_shape, names_shape, std::span(f.signal_names), ctx);
    h5::describe(names.get(), "safety signal", ctx);
    h5::attach_scales(names.get(), std::array{s.signal.get()}, ctx);
    const std::array signal_shape{dim(r.replicates), dim(r.weeks), dim(r.districts), names_shape[0]};
    h5::Dataset signals =
        h5::write_dataset(safety.get(), "signals", signal_shape, signal_shape, std::span(f.signals), ctx);
    h5::describe(signals.get(), "1/1000",
                 "what the district's residents saw in the week, per 1,000 residents: assaults and robberies, "
                 "vandalism, network member-hours in public, drug offences by members, residents out at 22:00 "
                 "(nightly mean), crimes against residents, residents replaced by newcomers",
                 ctx);
    h5::attach_scales(signals.get(), std::array{s.replicate.get(), s.week.get(), s.district.get(), s.signal.get()},
                      ctx);
    const std::array weekly{dim(r.replicates), dim(r.weeks), dim(r.districts)};
    h5::Dataset unsafe_weekly =
        h5::write_dataset(safety.get(), "unsafe_weekly", weekly, weekly, std::span(f.unsafe_weekly), ctx);
    h5::describe(unsafe_weekly.get(), "1",
                 "share of residents 16-84 who feel unsafe out late in their own area (NTU's question), in the week",
                 ctx);
    h5::attach_scales(unsafe_weekly.get(), std::array{s.replicate.get(), s.week.get(), s.district.get()}, ctx);
    const std::array quarterly{dim(r.replicates), dim(f.quarters), dim(r.districts)};
    const std::array quarter_scales{s.replicate.get(), s.quarter.get(), s.district.get()};
    struct Share {
        const char* name;
        const std::vector<float>& values;
        const char* long_name;
    };
    for (const Share& q :
         {Share{"unsafe_share", f.unsafe_share,
                "share of residents 16-84 unsafe out late in their own area (incl. those who do not go out), "
                "mean of the quarter's weeks"},
          Share{"avoided_share", f.avoided_share,
                "share of residents 16-84 who avoid going out at night for fear of crime, mean of the quarter's weeks"},
          Share{"gang_problems", f.gang_problems,
                "share of residents 16-84 who see gangs in their area as a great problem (NTU), quarter mean"},
          Share{"dealing_problems", f.dealing_problems,
                "share of residents 16-84 who see open drug dealing in their area as a great problem (NTU), "
                "quarter mean"},
          Share{"collective_efficacy", f.collective_efficacy,
                "the district's collective efficacy (0-1, Sampson et al. 1997) at the quarter's end"}}) {
        h5::Dataset d = h5::write_dataset(safety.get(), q.name, quarterly, quarterly, std::span(q.values), ctx);
        h5::describe(d.get(), "1", q.long_name, ctx);
        h5::attach_scales(d.get(), quarter_scales, ctx);
    }

    h5::Group rumours = h5::create_group(root, "rumours", ctx);
    for (const auto& [name, values, long_name] :
         {std::tuple{"started", &f.rumours_started, "rumours started by public violence in the district, in the week"},
          std::tuple{"exposed", &f.rumours_exposed,
                     "residents of the district who heard a rumour of violence, in the week"}}) {
        h5::Dataset d = h5::write_dataset(rumours.get(), name, weekly, weekly, std::span(*values), ctx);
        h5::describe(d.get(), "1", long_name, ctx);
        h5::attach_scales(d.get(), std::array{s.replicate.get(), s.week.get(), s.district.get()}, ctx);
    }

    h5::Group incidents = h5::create_group(root, "incidents", ctx);
    const std::array type_shape{dim(static_cast<int>(r.incident_type_names.size()))};
    h5::Dataset type_names =
        h5::write_dataset(incidents.get(), "type_name", type_shape, type_shape, std::span(r.incident_type_names), ctx);
    h5::describe(type_names.get(), "incident type", ctx);
    h5::attach_scales(type_names.get(), std::array{s.incident_type.get()}, ctx);
    const std::array incident_shape{weekly[0], weekly[1], weekly[2], type_shape[0]};
    for (const auto& [name, values, long_name] :
         {std::tuple{"true", &r.incidents_true, "disorder incidents and deliberately set fires, in the week"},
          std::tuple{"reported", &r.incidents_reported, "incidents that reached the police, in the week"},
          std::tuple{"est", &r.incidents_est,
                     "incidents known to at least one EST actor (the police included), in the week"}}) {
        h5::Dataset d =
            h5::write_dataset(incidents.get(), name, incident_shape, incident_shape, std::span(*values), ctx);
        h5::describe(d.get(), "1", long_name, ctx);
        h5::attach_scales(d.get(), std::array{s.replicate.get(), s.week.get(), s.district.get(), s.incident_type.get()},
                          ctx);
    }

    h5::Group risk = h5::create_group(root, "risk_area", ctx);
    h5::write_attribute(risk.get(), "comment",
                        std::string("an indicator inspired by the police's criteria for vulnerable areas (Polisen, "
                                    "Lagesbild over utsatta omraden), not the police's decision"),
                        ctx);
    h5::Dataset cls = h5::write_dataset(risk.get(), "class", quarterly, quarterly, std::span(f.risk_class), ctx);
    h5::describe(cls.get(), "risk-area class of the district in the quarter (indicator, not the police's list)", ctx);
    const std::array<std::int8_t, kRiskClasses> flags = {0, 1, 2, 3};
    h5::write_attribute(cls.get(), "flag_values", std::span<const std::int8_t>(flags), ctx);
    std::string meanings;
    for (auto name : kRiskClassNames) meanings += (meanings.empty() ? "" : " ") + std::string(name);
    h5::write_attribute(cls.get(), "flag_meanings", meanings, ctx);
    h5::attach_scales(cls.get(), quarter_scales, ctx);
    const std::array trend_shape{dim(r.replicates), dim(r.districts)};
    h5::Dataset trend = h5::write_dataset(risk.get(), "trend", trend_shape, trend_shape, std::span(f.risk_trend), ctx);
    h5::describe(trend.get(),
                 "trend of the district's score over the run's last four quarters (least-squares slope against "
                 "risk_area.trend_step)",
                 ctx);
    const std::array<std::int8_t, 3> trend_flags = {-1, 0, 1};
    h5::write_attribute(trend.get(), "flag_values", std::span<const std::int8_t>(trend_flags), ctx);
    h5::write_attribute(trend.get(), "flag_meanings", std::string("improving unchanged worsening"), ctx);
    h5::attach_scales(trend.get(), std::array{s.replicate.get(), s.district.get()}, ctx);
    h5::Dataset score = h5::write_dataset(risk.get(), "score", quarterly, quarterly, std::span(f.risk_score), ctx);
    h5::describe(score.get(), "1",
                 "criminal-influence score: weighted mean of the components over their municipal references, capped",
                 ctx);
    h5::attach_scales(score.get(), quarter_scales, ctx);
    const std::array component_names_shape{dim(static_cast<int>(f.component_names.size()))};
    h5::Dataset component_names = h5::write_dataset(risk.get(), "component_name", component_names_shape,
                                                    component_names_shape, std::span(f.component_names), ctx);
    h5::describe(component_names.get(), "risk-area component", ctx);
    h5::attach_scales(component_names.get(), std::array{s.component.get()}, ctx);
    const std::array component_shape{quarterly[0], quarterly[1], quarterly[2], component_names_shape[0]};
    h5::Dataset components =
        h5::write_dataset(risk.get(), "components", component_shape, component_shape, std::span(f.components), ctx);
    h5::describe(components.get(), "1",
                 "the components in their own units: registered public violence and drug offences by members per "
                 "1,000 residents a year, unreported share, members per 1,000, recruits per 1,000 aged 12-20 a "
                 "year, unsafe share",
                 ctx);
    h5::attach_scales(components.get(),
                      std::array{s.replicate.get(), s.quarter.get(), s.district.get(), s.component.get()}, ctx);
}

void write_interventions(hid_t root, const RunResults& r, const Scales& s, const h5::ErrorContext& ctx) {
    const auto& t = r.interventions;
    const h5::Dataset scale =
        write_index_scale(root, "intervention", static_cast<int>(t.size()), "intervention index", ctx);
    h5::Group group = h5::create_group(root, "interventions", ctx);
    write_group_axes(group.get(), s, ctx);
    const std::array shape{static_cast<hsize_t>(t.size())};
    const std::array scales{scale.get()};
    for (const auto& [name, values, long_name] :
         {std::tuple{"name", &t.name, "intervention name"}, std::tuple{"kind", &t.kind, "intervention kind"}}) {
        h5::Dataset d = h5::write_dataset(group.get(), name, shape, shape, std::span(*values), ctx);
        h5::describe(d.get(), long_name, ctx);
        h5::attach_scales(d.get(), scales, ctx);
    }
    for (const auto& [name, values, units, long_name] :
         {std::tuple{"investment_sek", &t.investment_sek, "SEK", "investment at the start"},
          std::tuple{"running_sek_per_year", &t.running_sek_per_year, "SEK/year", "running cost per year of operation"},
          std::tuple{"cost_sek", &t.cost_sek, "SEK", "investment plus running cost over the run's horizon"}}) {
        h5::Dataset d = h5::write_dataset(group.get(), name, shape, shape, std::span(*values), ctx);
        h5::describe(d.get(), units, long_name, ctx);
        h5::attach_scales(d.get(), scales, ctx);
    }
    if (!t.first_day.empty()) {
        for (const auto& [name, values, long_name] :
             {std::tuple{"first_day", &t.first_day, "first model day the measure runs (0 = start_date)"},
              std::tuple{"last_day", &t.last_day, "last model day the measure runs, clipped to the run"}}) {
            h5::Dataset d = h5::write_dataset(group.get(), name, shape, shape, std::span(*values), ctx);
            h5::describe(d.get(), "1", long_name, ctx);
            h5::attach_scales(d.get(), scales, ctx);
        }
    }
    const std::array map{dim(r.ny), dim(r.nx)};
    h5::Dataset treated = h5::write_dataset(group.get(), "treated", map, map, std::span(r.treated), ctx);
    h5::describe(treated.get(), "1", "1 where a measure acts (area, beats stood in, programme catchments)", ctx);
    h5::attach_scales(treated.get(), std::array{s.y.get(), s.x.get()}, ctx);
    georeference(treated.get(), ctx);

    const std::array weekly{dim(r.replicates), dim(r.weeks), static_cast<hsize_t>(t.size())};
    h5::Dataset participants =
        h5::write_dataset(group.get(), "participants", weekly, weekly, std::span(r.youth.participants), ctx);
    h5::describe(participants.get(), "1", "participants in the measure (social measures), in the week", ctx);
    h5::attach_scales(participants.get(), std::array{s.replicate.get(), s.week.get(), scale.get()}, ctx);
}

// Everything one run produced, into `root` (the file's root group, or an experiment's group).
void write_run_group(hid_t root, const RunProvenance& provenance, const RunResults& results, const Scales& scales,
                     const h5::ErrorContext& ctx) {
    write_run_attributes(root, provenance, ctx);
    write_crimes(root, results, scales, ctx);
    write_victims_and_reporters(root, results, scales, ctx);
    write_hotspots(root, results, scales, ctx);
    if (results.has_picture) write_picture(root, results, ctx);
    write_by_hour(root, results, scales, ctx);
    write_youth(root, results, scales, ctx);
    write_safety(root, results, scales, ctx);
    write_interventions(root, results, scales, ctx);
    if (results.has_events) write_events(root, results, ctx);
}

// The parts every run of a file shares: dimension scales, districts, crime types, grid.
Scales write_shared(hid_t root, const GridDescription& grid, const DistrictTable& districts, const RunResults& shape,
                    const h5::ErrorContext& ctx) {
    Scales scales = write_scales(root, grid, shape, ctx);
    write_grid_mapping(root, ctx);
    write_districts(root, districts, scales, ctx);
    write_crime_types(root, shape, scales, ctx);
    write_grid(root, grid, scales, ctx);
    return scales;
}

void write_contents(const fs::path& path, const RunProvenance& provenance, const GridDescription& grid,
                    const DistrictTable& districts, const RunResults& results) {
    const h5::ErrorContext ctx(path, h5::Mode::Writing);
    h5::File file = h5::create_file(path, ctx);
    const hid_t root = file.get();  // a file id stands for its root group
    write_file_attributes(root, "trygg run", ctx);
    {
        const Scales scales = write_shared(root, grid, districts, results, ctx);
        write_run_group(root, provenance, results, scales, ctx);
    }  // every object is closed here, so closing the file below really flushes and releases it
    h5::save_file(file, path, ctx);
}

// --- reading ---------------------------------------------------------------------------------

int length_of(hid_t root, const std::string& scale, const h5::ErrorContext& ctx) {
    const std::vector<hsize_t> shape = h5::dataset_shape(root, scale, ctx);
    if (shape.size() != 1 || shape[0] > static_cast<hsize_t>(INT_MAX)) {
        ctx.reject("dimension '" + scale + "' is not a 1-D dataset of a sensible length");
    }
    return static_cast<int>(shape[0]);
}

// The file's layout version, when this trygg reads it.
int check_schema_version(hid_t root, const h5::ErrorContext& ctx) {
    if (!h5::has_attribute(root, "schema_version", ctx)) {
        ctx.reject("not a trygg run file: the root attribute schema_version is missing");
    }
    const std::int32_t version = h5::read_int32_attribute(root, "schema_version", ctx);
    if (version < kOldestReadableSchemaVersion || version > kSchemaVersion) {
        ctx.reject("schema_version " + std::to_string(version) + " is not supported (this trygg reads schema_version " +
                   std::to_string(kOldestReadableSchemaVersion) + " to " + std::to_string(kSchemaVersion) + ")");
    }
    return version;
}

// The youth layer's tallies (schema 2 on); `g` is the run's group, `root` holds the dimensions.
void read_youth(hid_t root, hid_t g, RunResults& r, const h5::ErrorContext& ctx) {
    auto& y = r.youth;
    const int levels = length_of(root, "level", ctx);
    y.years = length_of(root, "year", ctx);
    if (length_of(root, "age", ctx) != kOffendingAges) ctx.reject("dimension 'age' is not 101 long (ages 0 to 100)");
    h5::Group youth = h5::open_group(g, "youth", ctx);
    const std::array weekly{dim(r.replicates), dim(r.weeks), dim(r.districts)};
    y.members = h5::read_int32(youth.get(), "members", weekly, ctx);
    y.associates = h5::read_int32(youth.get(), "associates", weekly, ctx);
    y.recruits = h5::read_int32(youth.get(), "recruits", weekly, ctx);
    y.offences = h5::read_int32(youth.get(), "offences", weekly, ctx);
    y.school_failure = h5::read_int32(youth.get(), "school_failure", weekly, ctx);
    y.propensity_mean = h5::read_float32(youth.get(), "propensity_mean", weekly, ctx);
    y.substance_levels = h5::read_strings(youth.get(), "level_name", std::array{dim(levels)}, ctx);
    y.substance_use =
        h5::read_int32(youth.get(), "substance_use", std::array{weekly[0], weekly[1], weekly[2], dim(levels)}, ctx);
    h5::Group offending = h5::open_group(g, "offending", ctx);
    y.offences_by_age = h5::read_int32(offending.get(), "by_age",
                                       std::array{dim(r.replicates), dim(y.years), dim(kOffendingAges)}, ctx);
    y.residents_by_age = h5::read_int32(offending.get(), "residents_by_age",
                                        std::array{dim(r.replicates), dim(y.years), dim(kOffendingAges)}, ctx);
    y.substance_by_age =
        h5::read_int32(youth.get(), "substance_by_age",
                       std::array{dim(r.replicates), dim(y.years), dim(kOffendingAges), dim(levels)}, ctx);
    h5::Group items = h5::open_group(g, "interventions", ctx);
    y.participants =
        h5::read_int32(items.get(), "participants",
                       std::array{dim(r.replicates), dim(r.weeks), static_cast<hsize_t>(r.interventions.size())}, ctx);
}

// The safety layer's tallies (schema 3 on).
void read_safety(hid_t root, hid_t g, RunResults& r, const h5::ErrorContext& ctx) {
    auto& f = r.safety;
    f.quarters = length_of(root, "quarter", ctx);
    if (f.quarters != (r.weeks + kWeeksPerQuarter - 1) / kWeeksPerQuarter)
        ctx.reject("dimension 'quarter' is " + std::to_string(f.quarters) + " long, not weeks/13 rounded up");
    const int signals = length_of(root, "signal", ctx);
    const int components = length_of(root, "component", ctx);
    h5::Group safety = h5::open_group(g, "safety", ctx);
    f.signal_names = h5::read_strings(safety.get(), "signal_name", std::array{dim(signals)}, ctx);
    const std::array weekly{dim(r.replicates), dim(r.weeks), dim(r.districts)};
    f.signals =
        h5::read_float32(safety.get(), "signals", std::array{weekly[0], weekly[1], weekly[2], dim(signals)}, ctx);
    f.unsafe_weekly = h5::read_float32(safety.get(), "unsafe_weekly", weekly, ctx);
    const std::array quarterly{dim(r.replicates), dim(f.quarters), dim(r.districts)};
    f.unsafe_share = h5::read_float32(safety.get(), "unsafe_share", quarterly, ctx);
    f.avoided_share = h5::read_float32(safety.get(), "avoided_share", quarterly, ctx);
    f.gang_problems = h5::read_float32(safety.get(), "gang_problems", quarterly, ctx);
    f.dealing_problems = h5::read_float32(safety.get(), "dealing_problems", quarterly, ctx);
    f.collective_efficacy = h5::read_float32(safety.get(), "collective_efficacy", quarterly, ctx);
    h5::Group rumours = h5::open_group(g, "rumours", ctx);
    f.rumours_started = h5::read_int32(rumours.get(), "started", weekly, ctx);
    f.rumours_exposed = h5::read_int32(rumours.get(), "exposed", weekly, ctx);
    const int incident_types = length_of(root, "incident_type", ctx);
    h5::Group incidents = h5::open_group(g, "incidents", ctx);
    r.incident_type_names = h5::read_strings(incidents.get(), "type_name", std::array{dim(incident_types)}, ctx);
    const std::array incident_shape{weekly[0], weekly[1], weekly[2], dim(incident_types)};
    r.incidents_true = h5::read_int32(incidents.get(), "true", incident_shape, ctx);
    r.incidents_reported = h5::read_int32(incidents.get(), "reported", incident_shape, ctx);
    r.incidents_est = h5::read_int32(incidents.get(), "est", incident_shape, ctx);
    h5::Group risk = h5::open_group(g, "risk_area", ctx);
    f.risk_class = h5::read_int8(risk.get(), "class", quarterly, ctx);
    for (const std::int8_t c : f.risk_class) {
        if (c < 0 || c >= kRiskClasses)
            ctx.reject("/risk_area/class holds " + std::to_string(c) + ", not a class 0 to " +
                       std::to_string(kRiskClasses - 1));
    }
    f.risk_score = h5::read_float32(risk.get(), "score", quarterly, ctx);
    f.risk_trend = h5::read_int8(risk.get(), "trend", std::array{dim(r.replicates), dim(r.districts)}, ctx);
    for (const std::int8_t t : f.risk_trend) {
        if (t < -1 || t > 1) ctx.reject("/risk_area/trend holds " + std::to_string(t) + ", not -1, 0 or 1");
    }
    f.component_names = h5::read_strings(risk.get(), "component_name", std::array{dim(components)}, ctx);
    f.components = h5::read_float32(risk.get(), "components",
                                    std::array{quarterly[0], quarterly[1], quarterly[2], dim(components)}, ctx);
}

RunProvenance read_provenance(hid_t root, const h5::ErrorContext& ctx) {
    RunProvenance p;
    p.trygg_version = h5::read_string_attribute(root, "trygg_version", ctx);
    p.git_commit = h5::read_string_attribute(root, "git_commit", ctx);
    p.city_file = h5::read_string_attribute(root, "city_file", ctx);
    p.scenario_file = h5::read_string_attribute(root, "scenario_file", ctx);
    p.city_yaml = h5::read_string_attribute(root, "city_yaml", ctx);
    p.scenario_yaml = h5::read_string_attribute(root, "scenario_yaml", ctx);
    p.start_date = h5::read_string_attribute(root, "start_date", ctx);
    p.seed = h5::read_uint64_attribute(root, "seed", ctx);
    p.replicates = h5::read_int32_attribute(root, "replicates", ctx);
    // Files written before first_replicate existed hold replicates from 0.
    if (h5::has_attribute(root, "first_replicate", ctx)) {
        p.first_replicate = h5::read_int32_attribute(root, "first_replicate", ctx);
    }
    p.weeks = h5::read_int32_attribute(root, "weeks", ctx);
    p.threads = h5::read_int32_attribute(root, "threads", ctx);
    p.wall_seconds = h5::read_float64_attribute(root, "wall_seconds", ctx);
    return p;
}

GridDescription read_grid(hid_t root, int ny, int nx, const h5::ErrorContext& ctx) {
    GridDescription grid;
    grid.nx = nx;
    grid.ny = ny;
    h5::Group group = h5::open_group(root, "grid", ctx);
    grid.cell_size = h5::read_float64_attribute(group.get(), "cell_size_m", ctx);
    const std::vector<double> xs = h5::read_float64(group.get(), "x", std::array{dim(nx)}, ctx);
    const std::vector<double> ys = h5::read_float64(group.get(), "y", std::array{dim(ny)}, ctx);
    // The writer computes centre i as x0 + i*cell_size, so element 0 is x0 exactly.
    if (!xs.empty()) grid.x0 = xs.front();
    if (!ys.empty()) grid.y0 = ys.front();
    const std::array shape{dim(ny), dim(nx)};
    grid.district = h5::read_int32(group.get(), "district", shape, ctx);
    grid.deso = h5::read_int32(group.get(), "deso", shape, ctx);
    grid.population = h5::read_int32(group.get(), "population", shape, ctx);
    return grid;
}

DistrictTable read_districts(hid_t root, int districts, const h5::ErrorContext& ctx) {
    DistrictTable t;
    h5::Group group = h5::open_group(root, "districts", ctx);
    const std::array shape{dim(districts)};
    t.names = h5::read_strings(group.get(), "name", shape, ctx);
    t.codes = h5::read_strings(group.get(), "code", shape, ctx);
    t.population = h5::read_int32(group.get(), "population", shape, ctx);
    return t;
}

}  // namespace

void write_run_file(const fs::path& out, const RunProvenance& provenance, const GridDescription& grid,
                    const DistrictTable& districts, const RunResults& results) {
    check_consistent(grid, districts, results);
    const h5::QuietErrors quiet;
    write_atomically(out, [&](const fs::path& tmp) { write_contents(tmp, provenance, grid, districts, results); });
}

namespace {

// The root attributes and /design of an experiment file.
void write_experiment_root(hid_t root, const ExperimentProvenance& provenance, const SweepDesign* design,
                           const h5::ErrorContext& ctx) {
    write_file_attributes(root, "trygg experiment", ctx);
    h5::write_attribute(root, "trygg_version", provenance.trygg_version, ctx);
    h5::write_attribute(root, "git_commit", provenance.git_commit, ctx);
    h5::write_attribute(root, "experiment_file", provenance.experiment_file, ctx);
    h5::write_attribute(root, "experiment_yaml", provenance.experiment_yaml, ctx);
    h5::write_attribute(root, "seed", std::uint64_t{provenance.seed}, ctx);
    h5::write_attribute(root, "replicates", std::int32_t{provenance.replicates}, ctx);
    h5::write_attribute(root, "weeks", std::int32_t{provenance.weeks}, ctx);
    h5::write_attribute(root, "threads", std::int32_t{provenance.threads}, ctx);
    h5::write_attribute(root, "wall_seconds", provenance.wall_seconds, ctx);
    if (design != nullptr && design->dimensions() > 0) write_sweep_design(root, *design, ctx);
}

// A run group's sweep point: one attribute per parameter and a readable summary.
void write_sweep_attributes(hid_t group, const ExperimentRun& run, const h5::ErrorContext& ctx) {
    std::string point;
    for (std::size_t i = 0; i < run.sweep_paths.size(); ++i) {
        h5::write_attribute(group, "sweep:" + run.sweep_paths[i], run.sweep_values[i], ctx);
        char value[32];
        const auto end = std::to_chars(value, value + sizeof value, run.sweep_values[i]).ptr;
        point += (point.empty() ? "" : ", ") + run.sweep_paths[i] + "=" + std::string(value, end);
    }
    if (!point.empty()) h5::write_attribute(group, "sweep_point", point, ctx);
}

// What every run must share with the first (the scales are written from it).
struct RunShape {
    int replicates, weeks, districts, crime_types;
    std::vector<double> cell_shares, crime_shares;
    std::vector<std::string> reporter_names;
    std::vector<std::string> substance_levels;
    int years;
    bool operator==(const RunShape&) const = default;
};

RunShape shape_of(const RunResults& r, int replicates) {
    return {replicates,    r.weeks,        r.districts,      r.crime_types,
            r.cell_shares, r.crime_shares, r.reporter_names, r.youth.substance_levels,
            r.youth.years};
}

// The datasets of a run group that a later replicate adds to: those along the replicate
// dimension, and the sparse tables (the weekly picture, the event log) along their entries.
struct GroupStreams {
    std::vector<std::string> per_replicate;
    std::vector<std::string> picture;  // along the group's picture_entry
    std::vector<std::string> events;   // along the group's event
};

GroupStreams find_streams(hid_t group, hid_t replicate_scale, const h5::ErrorContext& ctx) {
    struct Visit {
        hid_t group;
        hid_t replicate;
        h5::Dataset picture_entry, event;
        GroupStreams streams;
    } visit{group, replicate_scale, {}, {}, {}};
    if (H5Lexists(group, "picture_entry", H5P_DEFAULT) > 0)
        visit.picture_entry =
            h5::Dataset(ctx.check(H5Dopen2(group, "picture_entry", H5P_DEFAULT), "open", "picture_entry"));
    if (H5Lexists(group, "event", H5P_DEFAULT) > 0)
        visit.event = h5::Dataset(ctx.check(H5Dopen2(group, "event", H5P_DEFAULT), "open", "event"));
    auto each = [](hid_t, const char* name, const H5O_info_t* info, void* data) -> herr_t {
        auto& v = *static_cast<Visit*>(data);
        if (info->type != H5O_TYPE_DATASET) return 0;
        const h5::Dataset d(H5Dopen2(v.group, name, H5P_DEFAULT));
        if (!d.valid()) return -1;
        if (H5DSis_scale(d.get()) > 0) return 0;  // the group's axes and index scales
        const h5::Dataspace space(H5Dget_space(d.get()));
        if (H5Sget_simple_extent_ndims(space.get()) < 1) return 0;
        if (H5DSis_attached(d.get(), v.replicate, 0) > 0) {
            v.streams.per_replicate.emplace_back(name);
        } else if (v.picture_entry.valid() && H5DSis_attached(d.get(), v.picture_entry.get(), 0) > 0) {
            v.streams.picture.emplace_back(name);
        } else if (v.event.valid() && H5DSis_attached(d.get(), v.event.get(), 0) > 0) {
            v.streams.events.emplace_back(name);
        }
        return 0;
    };
    if (H5Ovisit2(group, H5_INDEX_NAME, H5_ITER_INC, each, &visit, H5O_INFO_BASIC) < 0) {
        ctx.fail("list the datasets of a run group");
    }
    return visit.streams;
}

// Adds replicate r (the part `in`) to the run group `group`; ORs its treated cells into
// `treated`.
void append_part(hid_t group, const fs::path& in, int r, const GroupStreams& streams,
                 std::vector<std::int32_t>& treated, int ny, int nx, const h5::ErrorContext& ctx) {
    std::error_code ec;
    if (!fs::is_regular_file(in, ec)) throw InputError(in.string() + ": no such file");
    const h5::ErrorContext in_ctx(in, h5::Mode::Reading);
    h5::File file = h5::open_file_read_only(in, in_ctx);
    const hid_t part = file.get();
    check_schema_version(part, in_ctx);
    auto copy = [&](const std::string& path, std::int32_t offset) {
        const h5::Dataset target(ctx.check(H5Dopen2(group, path.c_str(), H5P_DEFAULT), "open dataset", path));
        const h5::Dataset source(in_ctx.check(H5Dopen2(part, path.c_str(), H5P_DEFAULT), "open dataset", path));
        h5::append_rows(target.get(), source.get(), offset, ctx, in_ctx);
    };
    for (const std::string& path : streams.per_replicate) copy(path, 0);
    if (!streams.picture.empty()) {
        // The part's picture counts its replicate from 0; here it is replicate r.
        for (const std::string& path : streams.picture) copy(path, path == "hotspots/picture_replicate" ? r : 0);
        const h5::Dataset scale(ctx.check(H5Dopen2(group, "picture_entry", H5P_DEFAULT), "open", "picture_entry"));
        h5::append_index(scale.get(), static_cast<hsize_t>(length_of(part, "picture_entry", in_ctx)), ctx);
    }
    if (!streams.events.empty()) {
        for (const std::string& path : streams.events) copy(path, 0);  // the log names its replicates already
        const h5::Dataset scale(ctx.check(H5Dopen2(group, "event", H5P_DEFAULT), "open", "event"));
        h5::append_index(scale.get(), static_cast<hsize_t>(length_of(part, "event", in_ctx)), ctx);
    }
    const std::vector<std::int32_t> cells =
        h5::read_int32(part, "interventions/treated", std::array{dim(ny), dim(nx)}, in_ctx);
    for (std::size_t c = 0; c < treated.size(); ++c) treated[c] |= cells[c];
}

}  // namespace

void write_experiment_file(const fs::path& out, const ExperimentProvenance& provenance, const GridDescription& grid,
                           const DistrictTable& districts, const std::vector<ExperimentRun>& runs,
                           const std::function<RunResults(std::size_t)>& load, const SweepDesign* design) {
    if (runs.empty()) throw LogicError("write_experiment_file: no runs");
    const h5::QuietErrors quiet;
    write_atomically(out, [&](const fs::path& tmp) {
        const h5::ErrorContext ctx(tmp, h5::Mode::Writing);
        h5::File file = h5::create_file(tmp, ctx);
        const hid_t root = file.get();
        write_experiment_root(root, provenance, design, ctx);
        {
            std::optional<Scales> scales;
            std::optional<RunShape> first;
            for (std::size_t k = 0; k < runs.size(); ++k) {
                const RunResults results = load(k);
                check_consistent(grid, districts, results);
                const RunShape shape = shape_of(results, results.replicates);
                if (!scales) {
                    scales = write_shared(root, grid, districts, results, ctx);
                    first = shape;
                } else if (!(shape == *first)) {
                    throw LogicError("write_experiment_file: run " + runs[k].group + " has other dimensions");
                }
                h5::Group group = h5::create_group(root, runs[k].group, ctx);
                write_run_group(group.get(), runs[k].provenance, results, *scales, ctx);
                write_sweep_attributes(group.get(), runs[k], ctx);
            }
        }
        h5::save_file(file, tmp, ctx);
    });
}

void write_experiment_file_from_parts(const fs::path& out, const ExperimentProvenance& provenance,
                                      const std::vector<ExperimentRun>& runs, int replicates,
                                      const std::function<fs::path(std::size_t, int)>& part,
                                      const SweepDesign* design) {
    if (runs.empty() || replicates < 1) throw LogicError("write_experiment_file_from_parts: no runs or replicates");
    const h5::QuietErrors quiet;
    write_atomically(out, [&](const fs::path& tmp) {
        const h5::ErrorContext ctx(tmp, h5::Mode::Writing);
        h5::File file = h5::create_file(tmp, ctx);
        const hid_t root = file.get();
        write_experiment_root(root, provenance, design, ctx);
        {
            std::optional<Scales> scales;
            std::optional<RunShape> first;
            for (std::size_t k = 0; k < runs.size(); ++k) {
                const fs::path first_part = part(k, 0);
                RunFile lead = read_run_file(first_part);
                RunResults& results = lead.results;
                if (results.replicates != 1) {
                    throw InputError(first_part.string() + ": holds " + std::to_string(results.replicates) +
                                     " replicates, not one (not a part a batch keeps)");
                }
                check_consistent(lead.grid, lead.districts, results);
                const RunShape shape = shape_of(results, replicates);
                if (!scales) {
                    // The root's replicate dimension is the whole run's; the group's datasets
                    // start with replicate 0 and grow.
                    results.replicates = replicates;
                    scales = write_shared(root, lead.grid, lead.districts, results, ctx);
                    results.replicates = 1;
                    first = shape;
                } else if (!(shape == *first)) {
                    throw InputError(first_part.string() + ": run " + runs[k].group +
                                     " has other dimensions (weeks, districts, crime types) than the first run");
                }
                h5::Group group = h5::create_group(root, runs[k].group, ctx);
                {
                    const h5::GrowableDatasets growable;
                    write_run_group(group.get(), runs[k].provenance, results, *scales, ctx);
                }
                write_sweep_attributes(group.get(), runs[k], ctx);
                std::vector<std::int32_t> treated = std::move(results.treated);
                lead = RunFile{};  // one replicate in memory at a time
                const GroupStreams streams = find_streams(group.get(), scales->replicate.get(), ctx);
                for (int r = 1; r < replicates; ++r) {
                    append_part(group.get(), part(k, r), r, streams, treated, static_cast<int>(scales->ys.size()),
                                static_cast<int>(scales->xs.size()), ctx);
                }
                const h5::Dataset cells(ctx.check(H5Dopen2(group.get(), "interventions/treated", H5P_DEFAULT),
                                                  "open dataset", "interventions/treated"));
                h5::overwrite(cells.get(), treated, ctx);
            }
        }
        h5::save_file(file, tmp, ctx);
    });
}

std::vector<std::string> list_run_groups(const fs::path& in) {
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(in, h5::Mode::Reading);
    std::error_code ec;
    if (!fs::exists(in, ec)) throw InputError(in.string() + ": no such file");
    h5::File file = h5::open_file_read_only(in, ctx);
    check_schema_version(file.get(), ctx);
    struct Found {
        std::vector<std::string> names;
    } found;
    auto visit = [](hid_t parent, const char* name, const H5L_info_t*, void* data) -> herr_t {
        H5O_info_t info;
        if (H5Oget_info_by_name(parent, name, &info, H5P_DEFAULT) < 0) return -1;
        if (info.type != H5O_TYPE_GROUP) return 0;
        if (H5Aexists_by_name(parent, name, "scenario_yaml", H5P_DEFAULT) > 0) {
            static_cast<Found*>(data)->names.emplace_back(name);
        }
        return 0;
    };
    hsize_t index = 0;
    if (H5Literate(file.get(), H5_INDEX_CRT_ORDER, H5_ITER_INC, &index, visit, &found) < 0) {
        ctx.reject("cannot list the file's groups");
    }
    return found.names;
}

RunProvenance read_run_provenance(const fs::path& in) {
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(in, h5::Mode::Reading);
    std::error_code ec;
    if (!fs::is_regular_file(in, ec)) throw InputError(in.string() + ": no such file");
    h5::File file = h5::open_file_read_only(in, ctx);
    check_schema_version(file.get(), ctx);
    return read_provenance(file.get(), ctx);
}

RunFile read_run_file(const fs::path& in, const std::string& group, RunArrays arrays) {
    const bool est_maps = arrays == RunArrays::All;
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(in, h5::Mode::Reading);
    std::error_code ec;
    if (!fs::exists(in, ec)) throw InputError(in.string() + ": no such file");
    if (fs::is_directory(in, ec)) throw InputError(in.string() + ": is a directory");

    h5::File file = h5::open_file_read_only(in, ctx);
    const hid_t root = file.get();
    const int version = check_schema_version(root, ctx);
    h5::Group opened;
    if (!group.empty()) {
        if (H5Lexists(root, group.c_str(), H5P_DEFAULT) <= 0) {
            std::string known;
            for (const auto& name : list_run_groups(in)) known += (known.empty() ? "" : ", ") + name;
            throw InputError(in.string() + ": no run group '" + group + "'" +
                             (known.empty() ? " (the file holds a single run)" : " (it has: " + known + ")"));
        }
        opened = h5::open_group(root, group, ctx);
    }
    const hid_t g = group.empty() ? root : opened.get();  // where this run's datasets are

    RunFile run;
    run.provenance = read_provenance(g, ctx);

    RunResults& r = run.results;
    r.replicates = length_of(root, "replicate", ctx);
    r.weeks = length_of(root, "week", ctx);
    r.districts = length_of(root, "district", ctx);
    r.crime_types = length_of(root, "crime_type", ctx);
    r.nx = length_of(root, "x", ctx);
    r.ny = length_of(root, "y", ctx);

    run.grid = read_grid(root, r.ny, r.nx, ctx);
    run.districts = read_districts(root, r.districts, ctx);

    h5::Group types = h5::open_group(root, "crime_types", ctx);
    r.crime_type_names = h5::read_strings(types.get(), "name", std::array{dim(r.crime_types)}, ctx);

    h5::Group crimes = h5::open_group(g, "crimes", ctx);
    r.crimes_true = h5::read_int32(
        crimes.get(), "true", std::array{dim(r.replicates), dim(r.weeks), dim(r.districts), dim(r.crime_types)}, ctx);
    r.crimes_cells = h5::read_int32(crimes.get(), "cells",
                                    std::array{dim(r.replicates), dim(r.crime_types), dim(r.ny), dim(r.nx)}, ctx);
    const std::array weekly{dim(r.replicates), dim(r.weeks), dim(r.districts), dim(r.crime_types)};
    r.crimes_reported = h5::read_int32(crimes.get(), "reported", weekly, ctx);
    r.crimes_est = h5::read_int32(crimes.get(), "est", weekly, ctx);
    if (est_maps) {
        r.crimes_cells_est = h5::read_int32(
            crimes.get(), "cells_est", std::array{dim(r.replicates), dim(r.crime_types), dim(r.ny), dim(r.nx)}, ctx);
    }
    r.arrests = h5::read_int32(crimes.get(), "arrests", std::array{dim(r.replicates)}, ctx);

    const int groups = length_of(root, "victim_group", ctx);
    h5::Group victims = h5::open_group(g, "victims", ctx);
    r.victim_group_names = h5::read_strings(victims.get(), "group_name", std::array{dim(groups)}, ctx);
    r.victims =
        h5::read_int32(victims.get(), "count", std::array{dim(r.replicates), dim(groups), dim(r.districts)}, ctx);
    const int reporters = length_of(root, "reporter", ctx);
    h5::Group rep = h5::open_group(g, "reporters", ctx);
    r.reporter_names = h5::read_strings(rep.get(), "name", std::array{dim(reporters)}, ctx);

    h5::Group hot = h5::open_group(g, "hotspots", ctx);
    const std::array maps{dim(r.replicates), dim(r.ny), dim(r.nx)};
    r.hotspots_true = h5::read_int32(hot.get(), "frequency_true", maps, ctx);
    if (est_maps) {
        r.hotspots_est = h5::read_int32(hot.get(), "frequency_est", maps, ctx);
        r.kde_top_est = h5::read_int32(hot.get(), "kde_top_est", maps, ctx);
        r.patrol_weeks = h5::read_int32(hot.get(), "patrol_weeks", maps, ctx);
    }
    const std::array weeks{dim(r.replicates), dim(r.weeks)};
    r.weekly_hotspots_true = h5::read_int32(hot.get(), "weekly_true", weeks, ctx);
    r.weekly_hotspots_est = h5::read_int32(hot.get(), "weekly_est", weeks, ctx);
    r.weekly_hotspots_both = h5::read_int32(hot.get(), "weekly_both", weeks, ctx);
    const int cell_shares = length_of(root, "cell_share", ctx);
    const int crime_shares = length_of(root, "crime_share", ctx);
    r.cell_shares = h5::read_float64(root, "cell_share", std::array{dim(cell_shares)}, ctx);
    r.crime_shares = h5::read_float64(root, "crime_share", std::array{dim(crime_shares)}, ctx);
    r.concentration =
        h5::read_float64(crimes.get(), "concentration", std::array{dim(r.replicates), dim(cell_shares)}, ctx);
    r.cells_holding =
        h5::read_float64(crimes.get(), "cells_holding", std::array{dim(r.replicates), dim(crime_shares)}, ctx);

    r.crimes_by_hour =
        h5::read_int32(crimes.get(), "by_hour", std::array{dim(r.replicates), hsize_t{24}, dim(r.crime_types)}, ctx);
    {
        h5::Group youth = h5::open_group(g, "youth", ctx);
        const std::vector<double> hours =
            h5::read_float64(youth.get(), "public_hours", std::array{dim(r.replicates), hsize_t{kHoursPerWeek}}, ctx);
        // Stored as float64 (the CF readers' common numeric type) but counts of hours: a value
        // that is not a whole number a double holds exactly would become an undefined integer.
        constexpr double kExactInteger = 9007199254740992.0;  // 2^53
        for (const double h : hours) {
            if (!(h >= 0.0 && h <= kExactInteger && h == std::floor(h))) {
                ctx.reject("/youth/public_hours holds " + std::to_string(h) +
                           ", not a whole number of hours from 0 to 2^53");
            }
        }
        r.youth_public_hours.assign(hours.begin(), hours.end());
    }
    {
        const int n = length_of(g, "intervention", ctx);
        h5::Group items = h5::open_group(g, "interventions", ctx);
        const std::array shape{dim(n)};
        auto& t = r.interventions;
        t.name = h5::read_strings(items.get(), "name", shape, ctx);
        t.kind = h5::read_strings(items.get(), "kind", shape, ctx);
        t.investment_sek = h5::read_float64(items.get(), "investment_sek", shape, ctx);
        t.running_sek_per_year = h5::read_float64(items.get(), "running_sek_per_year", shape, ctx);
        t.cost_sek = h5::read_float64(items.get(), "cost_sek", shape, ctx);
        // Written since the present values of `trygg compare`; older files lack them.
        if (H5Lexists(items.get(), "first_day", H5P_DEFAULT) > 0) {
            t.first_day = h5::read_int32(items.get(), "first_day", shape, ctx);
            t.last_day = h5::read_int32(items.get(), "last_day", shape, ctx);
        }
        r.treated = h5::read_int32(items.get(), "treated", std::array{dim(r.ny), dim(r.nx)}, ctx);
    }
    // A schema 1 file predates the youth layer: its youth tallies stay empty.
    if (version >= 2) read_youth(root, g, r, ctx);
    // Schema 1 and 2 files predate the safety layer: its tallies stay empty.
    if (version >= 3) read_safety(root, g, r, ctx);

    // The weekly true picture, written since `trygg compare` tests scenarios against the
    // baseline's hotspots; older files lack it.
    r.has_picture = H5Lexists(hot.get(), "picture_cell", H5P_DEFAULT) > 0;
    if (r.has_picture) {
        const std::array shape{dim(length_of(g, "picture_entry", ctx))};
        auto& p = r.picture;
        p.replicate = h5::read_int32(hot.get(), "picture_replicate", shape, ctx);
        p.week = h5::read_int32(hot.get(), "picture_week", shape, ctx);
        p.cell = h5::read_int32(hot.get(), "picture_cell", shape, ctx);
        p.count = h5::read_int32(hot.get(), "picture_count", shape, ctx);
        p.gi_band_m = h5::read_float64_attribute(hot.get(), "gi_band_m", ctx);
        p.alpha = h5::read_float64_attribute(hot.get(), "alpha", ctx);
        const std::string correction = h5::read_string_attribute(hot.get(), "correction", ctx);
        if (correction != "fdr" && correction != "none") {
            ctx.reject("/hotspots attribute correction is '" + correction + "', not fdr or none");
        }
        p.fdr = correction == "fdr";
        const auto cells = static_cast<std::int64_t>(r.ny) * r.nx;
        for (std::size_t k = 0; k < p.size(); ++k) {
            if (p.replicate[k] < 0 || p.replicate[k] >= r.replicates || p.week[k] < 0 || p.week[k] >= r.weeks ||
                p.cell[k] < 0 || p.cell[k] >= cells || p.count[k] <= 0) {
                ctx.reject("/hotspots/picture_* entry " + std::to_string(k) +
                           " lies outside the run's replicates, weeks or cells, or has a count below 1");
            }
        }
        if (!(p.gi_band_m >= 0.0) || !(p.alpha > 0.0 && p.alpha < 1.0)) {
            ctx.reject("/hotspots attributes gi_band_m or alpha are out of range");
        }
    }
    r.has_events = H5Lexists(g, "events", H5P_DEFAULT) > 0;
    if (r.has_events) {
        const int n = length_of(g, "event", ctx);
        h5::Group events = h5::open_group(g, "events", ctx);
        const std::array shape{dim(n)};
        auto& e = r.events;
        e.replicate = h5::read_int32(events.get(), "replicate", shape, ctx);
        e.hour = h5::read_int32(events.get(), "hour", shape, ctx);
        e.cell = h5::read_int32(events.get(), "cell", shape, ctx);
        e.crime_type = h5::read_int32(events.get(), "crime_type", shape, ctx);
        e.offender = h5::read_int32(events.get(), "offender", shape, ctx);
        e.victim_group = h5::read_int32(events.get(), "victim_group", shape, ctx);
        e.reported_by = h5::read_int32(events.get(), "reported_by", shape, ctx);
        e.arrested = h5::read_int32(events.get(), "arrested", shape, ctx);
    }
    return run;
}

}  // namespace trygg
