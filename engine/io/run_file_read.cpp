// Reading run files and the run groups of experiment files: every dataset from the declaration
// in run_file_layout.cpp, its shape checked against the dimensions the file declares.
#include <algorithm>
#include <climits>
#include <cmath>
#include <span>
#include <string>
#include <system_error>
#include <type_traits>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"
#include "io/run_file_attributes.hpp"
#include "io/run_file_layout.hpp"

namespace trygg {

namespace {

namespace fs = std::filesystem;
using layout::DatasetLayout;
using layout::Dim;
using layout::Feature;
using layout::Source;

int length_of(hid_t home, const std::string& scale, const h5::ErrorContext& ctx) {
    const std::vector<hsize_t> shape = h5::dataset_shape(home, scale, ctx);
    if (shape.size() != 1 || shape[0] > static_cast<hsize_t>(INT_MAX)) {
        ctx.reject("dimension '" + scale + "' is not a 1-D dataset of a sensible length");
    }
    return static_cast<int>(shape[0]);
}

// Whether `path` (e.g. "interventions/first_day") exists below `home`, its groups included.
bool exists(hid_t home, std::string_view path) {
    for (std::size_t slash = path.find('/');; slash = path.find('/', slash + 1)) {
        const std::string prefix(path.substr(0, slash));
        if (H5Lexists(home, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
        if (slash == std::string_view::npos) return true;
    }
}

// The file being read: its root, the run's group and which features the run has.
struct OpenRun {
    hid_t root;
    hid_t run;
    std::array<bool, layout::kFeatures> present{};

    hid_t home(const DatasetLayout& d) const { return d.home == layout::Home::File ? root : run; }
    bool has(Feature f) const { return present[static_cast<std::size_t>(f)]; }
};

// Youth and safety came with schema versions 2 and 3; the optional parts are there when their
// first declared dataset is.
OpenRun open_features(hid_t root, hid_t run, int version) {
    OpenRun file{root, run};
    const auto set = [&](Feature f, bool on) { file.present[static_cast<std::size_t>(f)] = on; };
    set(Feature::Always, true);
    set(Feature::Youth, version >= 2);
    set(Feature::Safety, version >= 3);
    for (const Feature f : {Feature::Picture, Feature::Events, Feature::MeasureDays}) {
        const auto first = std::ranges::find(layout::datasets(), f, &DatasetLayout::feature);
        set(f, exists(file.home(*first), first->path));
    }
    return file;
}

// The lengths of the dimensions the file has, from its scales.
layout::Lengths read_lengths(const OpenRun& file, const h5::ErrorContext& ctx) {
    layout::Lengths lengths{};
    for (const DatasetLayout& d : layout::datasets()) {
        if (!d.scale || !file.has(d.feature)) continue;
        const Dim dim = d.dims.front();
        const int n = length_of(file.home(d), std::string(d.path), ctx);
        const int fixed = layout::fixed_length(dim);
        if (fixed >= 0 && n != fixed) {
            ctx.reject("dimension '" + std::string(d.path) + "' is " + std::to_string(n) + " long, not " +
                       std::to_string(fixed));
        }
        lengths[static_cast<std::size_t>(dim)] = static_cast<hsize_t>(n);
    }
    return lengths;
}

// Counts of hours are stored as float64 (the CF readers' common numeric type): a value that is
// not a whole number a double holds exactly would become an undefined integer.
std::vector<std::int64_t> whole_numbers(const DatasetLayout& d, const std::vector<double>& values,
                                        const h5::ErrorContext& ctx) {
    constexpr double kExactInteger = 9007199254740992.0;  // 2^53
    for (const double v : values) {
        if (!(v >= 0.0 && v <= kExactInteger && v == std::floor(v))) {
            ctx.reject("/" + std::string(d.path) + " holds " + std::to_string(v) +
                       ", not a whole number from 0 to 2^53");
        }
    }
    return {values.begin(), values.end()};
}

// A CF flag variable holds only its flag_values.
void check_flags(const DatasetLayout& d, const std::vector<std::int8_t>& values, const h5::ErrorContext& ctx) {
    if (d.flag_values.empty()) return;
    for (const std::int8_t v : values) {
        if (std::ranges::find(d.flag_values, v) == d.flag_values.end()) {
            std::string allowed;
            for (const std::int8_t f : d.flag_values) allowed += (allowed.empty() ? "" : " ") + std::to_string(f);
            ctx.reject("/" + std::string(d.path) + " holds " + std::to_string(v) + ", not one of its flag_values " +
                       allowed);
        }
    }
}

void read_member(const OpenRun& file, const DatasetLayout& d, const layout::Lengths& lengths,
                 const layout::RunParts& run, const h5::ErrorContext& ctx) {
    const hid_t home = file.home(d);
    const std::string path(d.path);
    const std::vector<hsize_t> shape = layout::shape_of(d, lengths);
    std::visit(
        [&](auto* values) {
            using T = typename std::remove_pointer_t<decltype(values)>::value_type;
            if constexpr (std::is_same_v<T, std::int8_t>) {
                *values = h5::read_int8(home, path, shape, ctx);
                check_flags(d, *values, ctx);
            } else if constexpr (std::is_same_v<T, std::int32_t>) {
                *values = h5::read_int32(home, path, shape, ctx);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                *values = whole_numbers(d, h5::read_float64(home, path, shape, ctx), ctx);
            } else if constexpr (std::is_same_v<T, float>) {
                *values = h5::read_float32(home, path, shape, ctx);
            } else if constexpr (std::is_same_v<T, double>) {
                *values = h5::read_float64(home, path, shape, ctx);
            } else {
                *values = h5::read_strings(home, path, shape, ctx);
            }
        },
        d.column(run));
}

// The coordinate copies in the groups holding maps, and /crs, came within schema 3: they are
// checked where present and not needed to read a run.
void check_coordinates(const OpenRun& file, const DatasetLayout& d, const layout::Lengths& lengths,
                       const h5::ErrorContext& ctx) {
    const hid_t home = file.home(d);
    if (!exists(home, d.path)) return;
    const std::vector<hsize_t> shape = h5::dataset_shape(home, std::string(d.path), ctx);
    if (shape != layout::shape_of(d, lengths)) {
        ctx.reject("/" + std::string(d.path) + " does not have the shape " + layout::dims_text(d));
    }
}

void set_sizes(RunFile& run, const layout::Lengths& n) {
    const auto length = [&](Dim d) { return static_cast<int>(n[static_cast<std::size_t>(d)]); };
    RunResults& r = run.results;
    r.replicates = length(Dim::replicate);
    r.weeks = length(Dim::week);
    r.districts = length(Dim::district);
    r.crime_types = length(Dim::crime_type);
    r.nx = run.grid.nx = length(Dim::x);
    r.ny = run.grid.ny = length(Dim::y);
    r.youth.years = length(Dim::year);
    r.safety.quarters = length(Dim::quarter);
}

// The grid's origin and cell size, and the weekly picture's Gi* settings and entries.
void read_grid_origin_and_picture(const OpenRun& file, RunFile& run, const h5::ErrorContext& ctx) {
    const h5::Group grid = h5::open_group(file.root, "grid", ctx);
    run.grid.cell_size = h5::read_float64_attribute(grid.get(), std::string(layout::kCellSizeAttribute), ctx);
    // The writer computes centre i as x0 + i*cell_size, so element 0 is x0 exactly.
    const std::vector<double> xs = h5::read_float64(grid.get(), "x", std::array{hsize_t(run.grid.nx)}, ctx);
    const std::vector<double> ys = h5::read_float64(grid.get(), "y", std::array{hsize_t(run.grid.ny)}, ctx);
    if (!xs.empty()) run.grid.x0 = xs.front();
    if (!ys.empty()) run.grid.y0 = ys.front();

    RunResults& r = run.results;
    r.has_picture = file.has(Feature::Picture);
    r.has_events = file.has(Feature::Events);
    if (!r.has_picture) return;
    auto& p = r.picture;
    const h5::Group hot = h5::open_group(file.run, "hotspots", ctx);
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

void require_regular_file(const fs::path& in) {
    std::error_code ec;
    if (!fs::exists(in, ec)) throw InputError(in.string() + ": no such file");
    if (fs::is_directory(in, ec)) throw InputError(in.string() + ": is a directory");
}

}  // namespace

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

ExperimentProvenance read_experiment_provenance(const fs::path& in) {
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(in, h5::Mode::Reading);
    require_regular_file(in);
    h5::File file = h5::open_file_read_only(in, ctx);
    check_schema_version(file.get(), ctx);
    return read_experiment_provenance(file.get(), ctx);
}

RunFile read_run_file(const fs::path& in, const std::string& group, RunArrays arrays) {
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(in, h5::Mode::Reading);
    require_regular_file(in);
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
    const OpenRun source = open_features(root, group.empty() ? root : opened.get(), version);

    RunFile run;
    run.provenance = read_provenance(source.run, ctx);
    const layout::Lengths lengths = read_lengths(source, ctx);
    set_sizes(run, lengths);
    if (source.has(Feature::Safety) &&
        run.results.safety.quarters != (run.results.weeks + kWeeksPerQuarter - 1) / kWeeksPerQuarter) {
        ctx.reject("dimension 'quarter' is " + std::to_string(run.results.safety.quarters) +
                   " long, not weeks/13 rounded up");
    }
    const layout::RunParts parts{&run.grid, &run.districts, &run.results};
    for (const DatasetLayout& d : layout::datasets()) {
        if (!source.has(d.feature) || (d.est_map && arrays == RunArrays::WithoutEstMaps)) continue;
        if (d.source == Source::Member) {
            read_member(source, d, lengths, parts, ctx);
        } else if (!d.scale) {
            check_coordinates(source, d, lengths, ctx);
        }
    }
    read_grid_origin_and_picture(source, run, ctx);
    return run;
}

}  // namespace trygg
