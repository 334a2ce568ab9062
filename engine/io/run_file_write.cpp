// Writing run files and experiment files: every dataset from the declaration in
// run_file_layout.cpp, in its order, so the writer spells no path, shape or attribute itself.
#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/design_group.hpp"
#include "io/hdf5_handle.hpp"
#include "io/projection.hpp"
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

void require(bool ok, const std::string& what) {
    if (!ok) throw LogicError("write_run_file: " + what);
}

// The run being written. The writer only reads through these pointers; they are not const
// because the reader fills the same declared members through them.
layout::RunParts parts_of(const GridDescription& grid, const DistrictTable& districts, const RunResults& results) {
    return {const_cast<GridDescription*>(&grid), const_cast<DistrictTable*>(&districts),
            const_cast<RunResults*>(&results)};
}

bool written(Feature f, const RunResults& r) {
    switch (f) {
        case Feature::Picture:
            return r.has_picture;
        case Feature::Events:
            return r.has_events;
        case Feature::MeasureDays:
            return !r.interventions.first_day.empty();
        default:
            return true;
    }
}

layout::Lengths lengths_of(const GridDescription& grid, const RunResults& r) {
    layout::Lengths n{};
    const auto set = [&](Dim d, std::size_t length) { n[static_cast<std::size_t>(d)] = length; };
    const auto count = [](int length) { return static_cast<std::size_t>(length); };
    set(Dim::replicate, count(r.replicates));
    set(Dim::week, count(r.weeks));
    set(Dim::district, count(r.districts));
    set(Dim::crime_type, count(r.crime_types));
    set(Dim::x, count(grid.nx));
    set(Dim::y, count(grid.ny));
    set(Dim::victim_group, r.victim_group_names.size());
    set(Dim::reporter, r.reporter_names.size());
    set(Dim::cell_share, r.cell_shares.size());
    set(Dim::crime_share, r.crime_shares.size());
    set(Dim::level, r.youth.substance_levels.size());
    set(Dim::year, count(r.youth.years));
    set(Dim::quarter, count(r.safety.quarters));
    set(Dim::signal, r.safety.signal_names.size());
    set(Dim::component, r.safety.component_names.size());
    set(Dim::incident_type, r.incident_type_names.size());
    set(Dim::intervention, r.interventions.size());
    set(Dim::event, r.events.size());
    set(Dim::picture_entry, r.picture.size());
    for (std::size_t d = 0; d < layout::kDimensions; ++d) {
        const int fixed = layout::fixed_length(static_cast<Dim>(d));
        if (fixed >= 0) n[d] = static_cast<hsize_t>(fixed);
    }
    return n;
}

std::size_t values_in(const layout::Column& column) {
    return std::visit([](const auto* v) { return v->size(); }, column);
}

// The writer is handed arrays with separately stated dimensions; a mismatch is a bug upstream
// and must not produce a file that looks valid. Every declared member must hold exactly the
// values of its declared shape; what the shapes cannot say is checked first.
void check_consistent(const GridDescription& grid, const DistrictTable& districts, const RunResults& r) {
    require(r.replicates >= 0 && r.weeks >= 0 && r.districts >= 0 && r.crime_types >= 0 && r.ny >= 0 && r.nx >= 0 &&
                r.youth.years >= 0 && r.safety.quarters >= 0,
            "negative dimension in RunResults");
    require(grid.nx == r.nx && grid.ny == r.ny, "grid and results disagree on nx/ny");
    require(r.safety.quarters == (r.weeks + kWeeksPerQuarter - 1) / kWeeksPerQuarter,
            "safety quarters is not weeks/13 rounded up");
    require(r.interventions.first_day.size() == r.interventions.last_day.size(), "intervention days differ in length");
    const layout::Lengths lengths = lengths_of(grid, r);
    const layout::RunParts parts = parts_of(grid, districts, r);
    for (const DatasetLayout& d : layout::datasets()) {
        if (d.source != Source::Member || !written(d.feature, r)) continue;
        std::size_t expected = 1;
        for (const hsize_t n : layout::shape_of(d, lengths)) expected *= n;
        const std::size_t held = values_in(d.column(parts));
        require(held == expected, "/" + std::string(d.path) + " holds " + std::to_string(held) + " values, not " +
                                      layout::dims_text(d) + " = " + std::to_string(expected));
    }
}

std::vector<double> centres(double first, double step, std::size_t n) {
    std::vector<double> values(n);
    for (std::size_t i = 0; i < n; ++i) values[i] = first + static_cast<double>(i) * step;
    return values;
}

std::vector<hsize_t> chunk_of(const DatasetLayout& d, std::vector<hsize_t> shape) {
    constexpr std::size_t kColumnChunk = 65536;  // entries of an event or picture column
    switch (d.chunking) {
        case layout::Chunking::Whole:
            break;
        case layout::Chunking::PerReplicate:
            shape[0] = 1;
            break;
        case layout::Chunking::PerMap:
            shape[0] = shape[1] = 1;
            break;
        case layout::Chunking::Column:
            shape[0] = std::min<hsize_t>(std::max<hsize_t>(shape[0], 1), kColumnChunk);
            break;
    }
    return shape;
}

// CF grid mapping (CF-1.8 §5.6): a scalar variable /crs describing SWEREF99 TM, named by the
// `grid_mapping` attribute of every map, so GDAL and QGIS place the rasters
// (`gdalinfo NETCDF:run.h5:/crimes/cells`) without an export. crs_wkt and GDAL's spatial_ref
// come from PROJ, the projection's parameters from EPSG's definition of SWEREF99 TM (GRS 80,
// transverse Mercator on 15° E, scale 0.9996, false easting 500 000 m).
void write_grid_mapping(hid_t parent, const DatasetLayout& d, const h5::ErrorContext& ctx) {
    const std::array<hsize_t, 0> scalar{};
    const std::array<std::int32_t, 1> zero{0};
    h5::Dataset crs = h5::write_dataset(parent, d.leaf(), scalar, scalar, std::span<const std::int32_t>(zero), ctx);
    h5::write_attribute(crs.get(), "grid_mapping_name", std::string("transverse_mercator"), ctx);
    h5::write_attribute(crs.get(), "longitude_of_central_meridian", 15.0, ctx);
    h5::write_attribute(crs.get(), "latitude_of_projection_origin", 0.0, ctx);
    h5::write_attribute(crs.get(), "scale_factor_at_central_meridian", 0.9996, ctx);
    h5::write_attribute(crs.get(), "false_easting", 500000.0, ctx);
    h5::write_attribute(crs.get(), "false_northing", 0.0, ctx);
    h5::write_attribute(crs.get(), "semi_major_axis", 6378137.0, ctx);
    h5::write_attribute(crs.get(), "inverse_flattening", 298.257222101, ctx);
    h5::write_attribute(crs.get(), "crs_wkt", crs_wkt(layout::kGridCrs, WktFlavour::Wkt2), ctx);
    h5::write_attribute(crs.get(), "spatial_ref", crs_wkt(layout::kGridCrs, WktFlavour::Wkt1Gdal), ctx);
    h5::write_attribute(crs.get(), "long_name", std::string(d.long_name), ctx);
}

// The dimension scales datasets attach to: those of the file's root, and a run's own. The
// handles stay open while datasets are attached to them.
struct Scales {
    std::array<hid_t, layout::kDimensions> id{};
    std::vector<h5::Dataset> owned;
};

// Where one home's datasets go: the file's root, or a run's group, with the groups below it
// and the dimension scales their datasets attach to.
class HomeWriter {
public:
    HomeWriter(hid_t home, const layout::RunParts& run, const layout::Lengths& lengths,
               const std::array<hid_t, layout::kDimensions>& inherited, const h5::ErrorContext& ctx)
        : home_(home), run_(run), lengths_(lengths), ctx_(ctx) {
        scales_.id = inherited;
    }

    // The scales written here, for the homes below (the run groups of an experiment file).
    Scales take_scales() { return std::move(scales_); }

    void write(const DatasetLayout& d) {
        const hid_t parent = group_for(d);
        if (d.source == Source::GridMapping) {
            write_grid_mapping(parent, d, ctx_);
            return;
        }
        h5::Dataset ds = write_values(parent, d);
        write_attributes(ds.get(), d);
        // A dataset is closed at once, so its chunks are flushed and their cache freed; a
        // scale stays open for the datasets attached to it later.
        if (d.scale) {
            scales_.id[static_cast<std::size_t>(d.dims.front())] = ds.get();
            scales_.owned.push_back(std::move(ds));
        }
    }

private:
    // The CF attributes and dimension scales, in the order files have always had them: a
    // coordinate axis becomes a scale after its CF attributes, an index before.
    void write_attributes(hid_t ds, const DatasetLayout& d) {
        const bool coordinates = d.source == Source::Easting || d.source == Source::Northing;
        if (d.scale && !coordinates) h5::make_dimension_scale(ds, d.leaf(), ctx_);
        if (d.units.empty()) {
            h5::describe(ds, std::string(d.long_name), ctx_);
        } else {
            h5::describe(ds, std::string(d.units), std::string(d.long_name), ctx_);
        }
        if (!d.standard_name.empty()) h5::write_attribute(ds, "standard_name", std::string(d.standard_name), ctx_);
        if (d.scale && coordinates) h5::make_dimension_scale(ds, d.leaf(), ctx_);
        if (!d.missing_value_note.empty()) {
            h5::write_attribute(ds, "missing_value_note", std::string(d.missing_value_note), ctx_);
        }
        if (!d.flag_values.empty()) {
            h5::write_attribute(ds, "flag_values", d.flag_values, ctx_);
            h5::write_attribute(ds, "flag_meanings", std::string(d.flag_meanings), ctx_);
        }
        if (!d.scale) {
            std::vector<hid_t> attached;
            for (const Dim dim : d.dims) attached.push_back(scales_.id[static_cast<std::size_t>(dim)]);
            h5::attach_scales(ds, attached, ctx_);
        }
        if (d.map) h5::write_attribute(ds, "grid_mapping", std::string("crs"), ctx_);
    }

    h5::Dataset write_values(hid_t parent, const DatasetLayout& d) {
        const std::vector<hsize_t> shape = layout::shape_of(d, lengths_);
        const std::vector<hsize_t> chunk = chunk_of(d, shape);
        const std::string leaf = d.leaf();
        const GridDescription& grid = *run_.grid;
        switch (d.source) {
            case Source::Index: {
                std::vector<std::int32_t> values(shape[0]);
                for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<std::int32_t>(i);
                return h5::write_dataset(parent, leaf, shape, chunk, std::span<const std::int32_t>(values), ctx_);
            }
            case Source::Easting:
            case Source::Northing: {
                const bool east = d.source == Source::Easting;
                const std::vector<double> values = centres(east ? grid.x0 : grid.y0, grid.cell_size, shape[0]);
                return h5::write_dataset(parent, leaf, shape, chunk, std::span<const double>(values), ctx_);
            }
            default:
                break;
        }
        return std::visit(
            [&](const auto* values) {
                using T = typename std::remove_pointer_t<decltype(values)>::value_type;
                if constexpr (std::is_same_v<T, std::int64_t>) {
                    // Whole numbers (hours) stored as float64, the CF readers' common numeric type.
                    const std::vector<double> converted(values->begin(), values->end());
                    return h5::write_dataset(parent, leaf, shape, chunk, std::span<const double>(converted), ctx_);
                } else {
                    return h5::write_dataset(parent, leaf, shape, chunk, std::span<const T>(*values), ctx_);
                }
            },
            d.column(run_));
    }

    // The dataset's group, created at its first dataset; a group's declared attributes are
    // written before its first dataset of their feature.
    hid_t group_for(const DatasetLayout& d) {
        const std::string name = d.group();
        if (name.empty()) return home_;
        auto found = groups_.find(name);
        if (found == groups_.end()) found = groups_.emplace(name, h5::create_group(home_, name, ctx_)).first;
        const hid_t group = found->second.get();
        if (attributed_.insert({name, d.feature}).second) {
            for (const auto& a : layout::group_attributes()) {
                if (a.group == name && a.feature == d.feature) write_group_attribute(group, a.name);
            }
        }
        return group;
    }

    void write_group_attribute(hid_t group, std::string_view name) {
        const auto& picture = run_.results->picture;
        const std::string n(name);
        if (name == layout::kCellSizeAttribute) {
            h5::write_attribute(group, n, run_.grid->cell_size, ctx_);
        } else if (name == "gi_band_m") {
            h5::write_attribute(group, n, picture.gi_band_m, ctx_);
        } else if (name == "alpha") {
            h5::write_attribute(group, n, picture.alpha, ctx_);
        } else if (name == "correction") {
            h5::write_attribute(group, n, std::string(picture.fdr ? "fdr" : "none"), ctx_);
        } else if (name == "comment") {
            h5::write_attribute(group, n, std::string(layout::kRiskAreaComment), ctx_);
        } else {
            throw LogicError("write_run_file: no value for the group attribute " + n);
        }
    }

    hid_t home_;
    const layout::RunParts& run_;
    const layout::Lengths& lengths_;
    Scales scales_;
    const h5::ErrorContext& ctx_;
    std::map<std::string, h5::Group> groups_;
    std::set<std::pair<std::string, Feature>> attributed_;
};

// Every dataset of `home` the run has, in declared order.
void write_home(HomeWriter& writer, layout::Home home, const RunResults& r) {
    for (const DatasetLayout& d : layout::datasets()) {
        if (d.home == home && written(d.feature, r)) writer.write(d);
    }
}

// The datasets every run of a file shares, at its root, written from `results`; their scales
// stay open for the runs.
Scales write_shared(hid_t root, const GridDescription& grid, const DistrictTable& districts, const RunResults& results,
                    const h5::ErrorContext& ctx) {
    const layout::RunParts run = parts_of(grid, districts, results);
    const layout::Lengths lengths = lengths_of(grid, results);
    HomeWriter writer(root, run, lengths, {}, ctx);
    write_home(writer, layout::Home::File, results);
    return writer.take_scales();
}

// One run, into `home` (the file's root, or an experiment's group): its provenance and datasets.
void write_run(hid_t home, const RunProvenance& provenance, const GridDescription& grid, const DistrictTable& districts,
               const RunResults& results, const Scales& shared, const h5::ErrorContext& ctx) {
    write_provenance(home, provenance, ctx);
    const layout::RunParts run = parts_of(grid, districts, results);
    const layout::Lengths lengths = lengths_of(grid, results);
    HomeWriter writer(home, run, lengths, shared.id, ctx);
    write_home(writer, layout::Home::Run, results);
}

void write_contents(const fs::path& path, const RunProvenance& provenance, const GridDescription& grid,
                    const DistrictTable& districts, const RunResults& results) {
    const h5::ErrorContext ctx(path, h5::Mode::Writing);
    h5::File file = h5::create_file(path, ctx);
    const hid_t root = file.get();  // a file id stands for its root group
    write_file_attributes(root, "trygg run", ctx);
    {
        const Scales scales = write_shared(root, grid, districts, results, ctx);
        write_run(root, provenance, grid, districts, results, scales, ctx);
    }  // every object is closed here, so closing the file below really flushes and releases it
    h5::save_file(file, path, ctx);
}

// A sweep point's attributes on its run's group: one float64 per parameter, and the point as text.
void write_sweep_point(hid_t group, const ExperimentRun& run, const h5::ErrorContext& ctx) {
    std::string point;
    for (std::size_t i = 0; i < run.sweep_paths.size(); ++i) {
        h5::write_attribute(group, "sweep:" + run.sweep_paths[i], run.sweep_values[i], ctx);
        char value[32];
        const auto end = std::to_chars(value, value + sizeof value, run.sweep_values[i]).ptr;
        point += (point.empty() ? "" : ", ") + run.sweep_paths[i] + "=" + std::string(value, end);
    }
    if (!point.empty()) h5::write_attribute(group, "sweep_point", point, ctx);
}

// What every run of an experiment file must share with the first (the root's scales are
// written from it).
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

// The datasets of a run group that a later replicate adds to, from the declaration: those
// along the replicate dimension, and the sparse tables (the weekly picture, the event log)
// along their entries, whose index scales grow with them.
struct GroupStreams {
    std::vector<std::string> per_replicate;
    std::vector<std::string> picture;  // along the group's picture_entry
    std::vector<std::string> events;   // along the group's event
};

GroupStreams streams_of(hid_t group) {
    GroupStreams streams;
    for (const DatasetLayout& d : layout::datasets()) {
        if (d.home != layout::Home::Run || d.scale || d.dims.empty()) continue;
        const std::string path(d.path);
        if (H5Lexists(group, d.group().empty() ? path.c_str() : d.group().c_str(), H5P_DEFAULT) <= 0 ||
            H5Lexists(group, path.c_str(), H5P_DEFAULT) <= 0)
            continue;  // a feature this run does not have
        switch (d.dims.front()) {
            case layout::Dim::replicate:
                streams.per_replicate.push_back(path);
                break;
            case layout::Dim::picture_entry:
                streams.picture.push_back(path);
                break;
            case layout::Dim::event:
                streams.events.push_back(path);
                break;
            default:
                break;  // one for the whole run (the treated cells, the measures' days)
        }
    }
    return streams;
}

// Adds replicate r (the part `in`, a run file of one replicate) to the run group `group`;
// ORs its treated cells into `treated`.
void append_part(hid_t group, const fs::path& in, int r, const GroupStreams& streams,
                 std::vector<std::int32_t>& treated, const h5::ErrorContext& ctx) {
    std::error_code ec;
    if (!fs::is_regular_file(in, ec)) throw InputError(in.string() + ": no such file");
    const h5::ErrorContext in_ctx(in, h5::Mode::Reading);
    h5::File file = h5::open_file_read_only(in, in_ctx);
    const hid_t part = file.get();
    check_schema_version(part, in_ctx);
    auto copy = [&](const std::string& path, std::int32_t offset) {
        const h5::Dataset target(ctx.check(H5Dopen2(group, path.c_str(), H5P_DEFAULT), "open dataset", path));
        const h5::Dataset source(in_ctx.check(H5Dopen2(part, path.c_str(), H5P_DEFAULT), "open dataset", path));
        return h5::append_rows(target.get(), source.get(), offset, ctx, in_ctx);
    };
    auto grow_index = [&](const char* scale) {
        const std::vector<hsize_t> rows = h5::dataset_shape(part, scale, in_ctx);
        if (rows.size() != 1) in_ctx.reject(std::string("dimension '") + scale + "' is not 1-D");
        const h5::Dataset index(ctx.check(H5Dopen2(group, scale, H5P_DEFAULT), "open", scale));
        h5::append_index(index.get(), rows[0], ctx);
    };
    for (const std::string& path : streams.per_replicate) copy(path, 0);
    if (!streams.picture.empty()) {
        // The part's picture counts its replicate from 0; here it is replicate r.
        for (const std::string& path : streams.picture) copy(path, path == "hotspots/picture_replicate" ? r : 0);
        grow_index("picture_entry");
    }
    if (!streams.events.empty()) {
        for (const std::string& path : streams.events) copy(path, 0);  // the log names its replicates already
        grow_index("event");
    }
    const h5::Dataset cells(
        in_ctx.check(H5Dopen2(part, "interventions/treated", H5P_DEFAULT), "open dataset", "interventions/treated"));
    const std::vector<hsize_t> shape = h5::dataset_shape(part, "interventions/treated", in_ctx);
    std::size_t n = 1;
    for (const hsize_t k : shape) n *= static_cast<std::size_t>(k);
    if (n != treated.size()) in_ctx.reject("dataset 'interventions/treated' is not the grid's shape");
    std::vector<std::int32_t> values(n);
    if (n > 0) {
        in_ctx.check(H5Dread(cells.get(), H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                     "read dataset", "interventions/treated");
    }
    for (std::size_t c = 0; c < treated.size(); ++c) treated[c] |= values[c];
}
// An experiment file's root attributes, its provenance and the sweep's design.
void write_experiment_root(hid_t root, const ExperimentProvenance& provenance, const SweepDesign* design,
                           const h5::ErrorContext& ctx) {
    write_file_attributes(root, "trygg experiment", ctx);
    write_provenance(root, provenance, ctx);
    if (design != nullptr && design->dimensions() > 0) write_sweep_design(root, *design, ctx);
}

}  // namespace

void write_run_file(const fs::path& out, const RunProvenance& provenance, const GridDescription& grid,
                    const DistrictTable& districts, const RunResults& results) {
    check_consistent(grid, districts, results);
    const h5::QuietErrors quiet;
    write_atomically(out, [&](const fs::path& tmp) { write_contents(tmp, provenance, grid, districts, results); });
}

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
            std::optional<RunShape> first;
            std::optional<Scales> scales;
            for (std::size_t k = 0; k < runs.size(); ++k) {
                const RunResults results = load(k);
                check_consistent(grid, districts, results);
                const RunShape shape = shape_of(results, results.replicates);
                if (!first) {
                    first = shape;
                    scales = write_shared(root, grid, districts, results, ctx);
                } else if (!(shape == *first)) {
                    throw LogicError("write_experiment_file: run " + runs[k].group + " has other dimensions");
                }
                h5::Group group = h5::create_group(root, runs[k].group, ctx);
                write_run(group.get(), runs[k].provenance, grid, districts, results, *scales, ctx);
                write_sweep_point(group.get(), runs[k], ctx);
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
                    write_run(group.get(), runs[k].provenance, lead.grid, lead.districts, results, *scales, ctx);
                }
                write_sweep_point(group.get(), runs[k], ctx);
                std::vector<std::int32_t> treated = std::move(results.treated);
                lead = RunFile{};  // one replicate in memory at a time
                const GroupStreams streams = streams_of(group.get());
                for (int r = 1; r < replicates; ++r) append_part(group.get(), part(k, r), r, streams, treated, ctx);
                const h5::Dataset cells(ctx.check(H5Dopen2(group.get(), "interventions/treated", H5P_DEFAULT),
                                                  "open dataset", "interventions/treated"));
                h5::overwrite(cells.get(), treated, ctx);
            }
        }
        h5::save_file(file, tmp, ctx);
    });
}

}  // namespace trygg
