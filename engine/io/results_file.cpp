#include "io/results_file.hpp"


#include <array>
#include <cerrno>
#include <climits>
#include <initializer_list>
#include <span>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/hdf5_handle.hpp"

namespace trygg {

namespace {

namespace fs = std::filesystem;

hsize_t dim(int n) { return static_cast<hsize_t>(n); }

std::size_t product(std::initializer_list<int> dims) {
    std::size_t n = 1;
    for (const int d : dims) n *= static_cast<std::size_t>(d);
    return n;
}

void require(bool ok, const std::string& what) {
    if (!ok) throw LogicError("write_run_file: " + what);
}

// The writer is handed arrays with separately stated dimensions; a mismatch is a bug upstream
// and must not produce a file that looks valid.
void check_consistent(const GridDescription& grid, const DistrictTable& districts,
                      const RunResults& r) {
    require(r.replicates >= 0 && r.weeks >= 0 && r.districts >= 0 && r.crime_types >= 0 &&
                r.ny >= 0 && r.nx >= 0,
            "negative dimension in RunResults");
    require(grid.nx == r.nx && grid.ny == r.ny, "grid and results disagree on nx/ny");
    const std::size_t cells = product({grid.ny, grid.nx});
    require(grid.district.size() == cells, "grid.district is not ny*nx long");
    require(grid.deso.size() == cells, "grid.deso is not ny*nx long");
    require(grid.population.size() == cells, "grid.population is not ny*nx long");
    const auto d = static_cast<std::size_t>(r.districts);
    require(districts.names.size() == d && districts.codes.size() == d &&
                districts.population.size() == d,
            "district table does not have results.districts rows");
    require(r.crime_type_names.size() == static_cast<std::size_t>(r.crime_types),
            "crime_type_names is not crime_types long");
    require(r.crimes_true.size() == product({r.replicates, r.weeks, r.districts, r.crime_types}),
            "crimes_true is not replicates*weeks*districts*crime_types long");
    require(r.crimes_cells.size() == product({r.replicates, r.crime_types, r.ny, r.nx}),
            "crimes_cells is not replicates*crime_types*ny*nx long");
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
};

h5::Dataset write_index_scale(hid_t root, const std::string& name, int n,
                              const std::string& long_name, const h5::ErrorContext& ctx) {
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
h5::Dataset write_axis(hid_t parent, const std::string& name, std::span<const double> values,
                       bool easting, const h5::ErrorContext& ctx) {
    const std::array shape{static_cast<hsize_t>(values.size())};
    h5::Dataset axis = h5::write_dataset(parent, name, shape, shape, values, ctx);
    h5::describe(
        axis.get(), "m",
        easting ? "easting of cell centre" : "northing of cell centre (row 0 southernmost)", ctx);
    h5::write_attribute(
        axis.get(), "standard_name",
        std::string(easting ? "projection_x_coordinate" : "projection_y_coordinate"), ctx);
    return axis;
}

Scales write_scales(hid_t root, const GridDescription& grid, const RunResults& r,
                    const h5::ErrorContext& ctx) {
    Scales s;
    s.replicate = write_index_scale(root, "replicate", r.replicates, "replicate index", ctx);
    // Units "1" rather than "weeks since <date>": xarray's CF time decoding rejects "weeks".
    s.week = write_index_scale(root, "week", r.weeks,
                               "week index; week w starts start_date + 7w days", ctx);
    s.district = write_index_scale(root, "district", r.districts,
                                   "district index; see /districts/name", ctx);
    s.crime_type = write_index_scale(root, "crime_type", r.crime_types,
                                     "crime type index; see /crime_types/name", ctx);
    const std::vector<double> xs = centres(grid.x0, grid.cell_size, grid.nx);
    const std::vector<double> ys = centres(grid.y0, grid.cell_size, grid.ny);
    s.x = write_axis(root, "x", xs, true, ctx);
    h5::make_dimension_scale(s.x.get(), "x", ctx);
    s.y = write_axis(root, "y", ys, false, ctx);
    h5::make_dimension_scale(s.y.get(), "y", ctx);
    return s;
}

void write_root_attributes(hid_t root, const RunProvenance& p, const h5::ErrorContext& ctx) {
    h5::write_attribute(root, "schema_version", std::int32_t{kSchemaVersion}, ctx);
    h5::write_attribute(root, "Conventions", "CF-1.8", ctx);
    h5::write_attribute(root, "title", "trygg run", ctx);
    h5::write_attribute(root, "crs", "EPSG:3006", ctx);
    h5::write_attribute(root, "trygg_version", p.trygg_version, ctx);
    h5::write_attribute(root, "git_commit", p.git_commit, ctx);
    h5::write_attribute(root, "city_file", p.city_file, ctx);
    h5::write_attribute(root, "scenario_file", p.scenario_file, ctx);
    h5::write_attribute(root, "city_yaml", p.city_yaml, ctx);
    h5::write_attribute(root, "scenario_yaml", p.scenario_yaml, ctx);
    h5::write_attribute(root, "start_date", p.start_date, ctx);
    h5::write_attribute(root, "seed", std::uint64_t{p.seed}, ctx);
    h5::write_attribute(root, "replicates", std::int32_t{p.replicates}, ctx);
    h5::write_attribute(root, "weeks", std::int32_t{p.weeks}, ctx);
    h5::write_attribute(root, "threads", std::int32_t{p.threads}, ctx);
    h5::write_attribute(root, "wall_seconds", p.wall_seconds, ctx);
}

void write_districts(hid_t root, const DistrictTable& t, const Scales& s,
                     const h5::ErrorContext& ctx) {
    h5::Group group = h5::create_group(root, "districts", ctx);
    const std::array shape{static_cast<hsize_t>(t.names.size())};
    const std::array scales{s.district.get()};

    h5::Dataset name =
        h5::write_dataset(group.get(), "name", shape, shape, std::span(t.names), ctx);
    h5::describe(name.get(), "district name", ctx);
    h5::attach_scales(name.get(), scales, ctx);

    h5::Dataset code =
        h5::write_dataset(group.get(), "code", shape, shape, std::span(t.codes), ctx);
    h5::describe(code.get(), "district code", ctx);
    h5::attach_scales(code.get(), scales, ctx);

    h5::Dataset population =
        h5::write_dataset(group.get(), "population", shape, shape, std::span(t.population), ctx);
    h5::describe(population.get(), "1", "residents in the input data", ctx);
    h5::attach_scales(population.get(), scales, ctx);
}

void write_crime_types(hid_t root, const RunResults& r, const Scales& s,
                       const h5::ErrorContext& ctx) {
    h5::Group group = h5::create_group(root, "crime_types", ctx);
    const std::array shape{dim(r.crime_types)};
    h5::Dataset name =
        h5::write_dataset(group.get(), "name", shape, shape, std::span(r.crime_type_names), ctx);
    h5::describe(name.get(), "crime type name", ctx);
    h5::attach_scales(name.get(), std::array{s.crime_type.get()}, ctx);
}

void write_grid(hid_t root, const GridDescription& grid, const Scales& s,
                const h5::ErrorContext& ctx) {
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
        Layer{"population", grid.population, "synthetic residents in the cell (replicate 0)",
              nullptr},
    };
    for (const Layer& layer : layers) {
        h5::Dataset ds =
            h5::write_dataset(group.get(), layer.name, shape, shape, std::span(layer.values), ctx);
        h5::describe(ds.get(), "1", layer.long_name, ctx);
        // Deliberately not _FillValue: xarray would turn -1 into NaN and the arrays into floats.
        if (layer.note != nullptr) {
            h5::write_attribute(ds.get(), "missing_value_note", std::string(layer.note), ctx);
        }
        h5::attach_scales(ds.get(), scales, ctx);
    }
}

void write_crimes(hid_t root, const RunResults& r, const Scales& s, const h5::ErrorContext& ctx) {
    h5::Group group = h5::create_group(root, "crimes", ctx);

    // One chunk per replicate: the usual read is one replicate's whole time series.
    const std::array true_shape{dim(r.replicates), dim(r.weeks), dim(r.districts),
                                dim(r.crime_types)};
    const std::array true_chunk{hsize_t{1}, dim(r.weeks), dim(r.districts), dim(r.crime_types)};
    h5::Dataset counts = h5::write_dataset(group.get(), "true", true_shape, true_chunk,
                                           std::span(r.crimes_true), ctx);
    h5::describe(counts.get(), "1", "crimes (true events) per week, district and type", ctx);
    h5::attach_scales(
        counts.get(),
        std::array{s.replicate.get(), s.week.get(), s.district.get(), s.crime_type.get()}, ctx);

    // One chunk per map (replicate, type), split by rows only if a map exceeds the chunk cap.
    const std::array cells_shape{dim(r.replicates), dim(r.crime_types), dim(r.ny), dim(r.nx)};
    const std::array cells_chunk{hsize_t{1}, hsize_t{1}, dim(r.ny), dim(r.nx)};
    h5::Dataset cells = h5::write_dataset(group.get(), "cells", cells_shape, cells_chunk,
                                          std::span(r.crimes_cells), ctx);
    h5::describe(cells.get(), "1", "crimes (true events) per cell over the run", ctx);
    h5::attach_scales(cells.get(),
                      std::array{s.replicate.get(), s.crime_type.get(), s.y.get(), s.x.get()}, ctx);
}

void write_contents(const fs::path& path, const RunProvenance& provenance,
                    const GridDescription& grid, const DistrictTable& districts,
                    const RunResults& results) {
    const h5::ErrorContext ctx(path, h5::Mode::Writing);
    h5::File file = h5::create_file(path, ctx);
    const hid_t root = file.get();  // a file id stands for its root group
    write_root_attributes(root, provenance, ctx);
    {
        const Scales scales = write_scales(root, grid, results, ctx);
        write_districts(root, districts, scales, ctx);
        write_crime_types(root, results, scales, ctx);
        write_grid(root, grid, scales, ctx);
        write_crimes(root, results, scales, ctx);
    }  // every object is closed here, so closing the file below really flushes and releases it
    if (file.close() < 0) ctx.fail("close (flush) the file");
}

// --- reading ---------------------------------------------------------------------------------

int length_of(hid_t root, const std::string& scale, const h5::ErrorContext& ctx) {
    const std::vector<hsize_t> shape = h5::dataset_shape(root, scale, ctx);
    if (shape.size() != 1 || shape[0] > static_cast<hsize_t>(INT_MAX)) {
        ctx.reject("dimension '" + scale + "' is not a 1-D dataset of a sensible length");
    }
    return static_cast<int>(shape[0]);
}

void check_schema_version(hid_t root, const h5::ErrorContext& ctx) {
    if (!h5::has_attribute(root, "schema_version", ctx)) {
        ctx.reject("not a trygg run file: the root attribute schema_version is missing");
    }
    const std::int32_t version = h5::read_int32_attribute(root, "schema_version", ctx);
    if (version != kSchemaVersion) {
        ctx.reject("schema_version " + std::to_string(version) +
                   " is not supported (this trygg reads schema_version " +
                   std::to_string(kSchemaVersion) + ")");
    }
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

void write_run_file(const fs::path& out, const RunProvenance& provenance,
                    const GridDescription& grid, const DistrictTable& districts,
                    const RunResults& results) {
    check_consistent(grid, districts, results);
    const h5::QuietErrors quiet;
    write_atomically(out, [&](const fs::path& tmp) { write_contents(tmp, provenance, grid, districts, results); });
}

RunFile read_run_file(const fs::path& in) {
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(in, h5::Mode::Reading);
    std::error_code ec;
    if (!fs::exists(in, ec)) throw InputError(in.string() + ": no such file");
    if (fs::is_directory(in, ec)) throw InputError(in.string() + ": is a directory");

    h5::File file = h5::open_file_read_only(in, ctx);
    const hid_t root = file.get();
    check_schema_version(root, ctx);

    RunFile run;
    run.provenance = read_provenance(root, ctx);

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

    h5::Group crimes = h5::open_group(root, "crimes", ctx);
    r.crimes_true = h5::read_int32(
        crimes.get(), "true",
        std::array{dim(r.replicates), dim(r.weeks), dim(r.districts), dim(r.crime_types)}, ctx);
    r.crimes_cells = h5::read_int32(
        crimes.get(), "cells",
        std::array{dim(r.replicates), dim(r.crime_types), dim(r.ny), dim(r.nx)}, ctx);
    return run;
}

}  // namespace trygg
