#pragma once
// The run file's layout, declared once: every dataset's path, element type, dimensions, units,
// long_name and CF attributes, and which member of a run it holds. The writer
// (run_file_write.cpp) creates every dataset from this table in its order, the reader
// (run_file_read.cpp) opens and checks every one from it, and a test keeps docs/hdf5-layout.md
// equal to it. Provenance is declared here too: the attributes of RunProvenance and
// ExperimentProvenance, each written by one function and read back by one.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"

namespace trygg::layout {

// The dimensions, each a 1-D dataset of the same name that is an HDF5 dimension scale.
enum class Dim : std::uint8_t {
    replicate,
    week,
    district,
    crime_type,
    x,
    y,
    victim_group,
    reporter,
    hour,
    hour_of_week,
    cell_share,
    crime_share,
    level,
    year,
    age,
    quarter,
    signal,
    component,
    incident_type,
    intervention,
    event,
    picture_entry,
};
inline constexpr std::size_t kDimensions = static_cast<std::size_t>(Dim::picture_entry) + 1;

std::string_view name(Dim d);
// The length a dimension always has (hour 24, hour_of_week 168, age 101), or -1: the run's.
int fixed_length(Dim d);

// Where a dataset lives: the file's root, shared by every run of an experiment file, or the
// run's own group (the root of a run file, /<scenario> of an experiment file).
enum class Home { File, Run };

// What decides that a dataset is in the file. Youth and Safety came with schema versions 2 and
// 3; the last three are optional within schema 3 and read when present.
enum class Feature { Always, Youth, Safety, Picture, Events, MeasureDays };
inline constexpr int kFeatures = 6;

// How a dataset's values are made: from a member of the run, or from its dimensions.
enum class Source {
    Member,       // the vector `column` names
    Index,        // 0 … n-1, a dimension scale
    Easting,      // cell centres x0 + i·cell_size
    Northing,     // cell centres y0 + j·cell_size
    GridMapping,  // the scalar /crs (CF-1.8 §5.6)
};

// The chunk the writer asks for (h5::create_dataset caps it at 1 MiB and ignores it for small
// datasets). The usual read is one replicate's series or one map.
enum class Chunking {
    Whole,         // one chunk
    PerReplicate,  // [1, …]
    PerMap,        // [1, 1, ny, nx]
    Column,        // up to 65 536 entries of a 1-D column
};

// Pointers into the run being written or read: the writer reads through them, the reader fills.
struct RunParts {
    GridDescription* grid = nullptr;
    DistrictTable* districts = nullptr;
    RunResults* results = nullptr;
};
using Column = std::variant<std::vector<std::int8_t>*, std::vector<std::int32_t>*, std::vector<std::int64_t>*,
                            std::vector<float>*, std::vector<double>*, std::vector<std::string>*>;
using ColumnOf = Column (*)(const RunParts&);

struct DatasetLayout {
    std::string_view path{};  // below its home, e.g. "crimes/true"; a dimension's is its name
    Home home = Home::Run;
    Feature feature = Feature::Always;
    h5::Element element = h5::Element::Int32;
    std::vector<Dim> dims{};   // C order; empty for a scalar
    std::string_view units{};  // empty: none (names, flags, the grid mapping)
    std::string_view long_name{};
    Source source = Source::Member;
    ColumnOf column = nullptr;  // Source::Member only
    Chunking chunking = Chunking::Whole;
    bool scale = false;  // the dimension scale dims[0]
    bool map = false;    // grid_mapping = "crs": the last two dimensions are y, x
    std::string_view standard_name{};
    std::string_view missing_value_note{};  // how -1 reads (not _FillValue: xarray would make floats)
    std::span<const std::int8_t> flag_values{};
    std::string_view flag_meanings{};
    bool est_map = false;  // left out by RunArrays::WithoutEstMaps

    std::string group() const;  // "crimes" for "crimes/true"; empty in the home itself
    std::string leaf() const;   // "true"
};

// Every dataset of a run file, in the order the writer writes them.
const std::vector<DatasetLayout>& datasets();
// The dataset at `path` below its home; LogicError when none is declared.
const DatasetLayout& dataset(std::string_view path);
// The dataset that is dimension `d`'s scale.
const DatasetLayout& scale_of(Dim d);

// Attributes of a group, written before the group's first dataset of `feature`.
struct GroupAttributeLayout {
    std::string_view group;
    Feature feature;
    std::string_view name;
};
const std::vector<GroupAttributeLayout>& group_attributes();
inline constexpr std::string_view kCellSizeAttribute = "cell_size_m";
inline constexpr std::string_view kRiskAreaComment =
    "an indicator inspired by the police's criteria for vulnerable areas (Polisen, Lagesbild over utsatta "
    "omraden), not the police's decision";

// One provenance attribute: its name and the member of P it holds (int as int32).
template <typename P>
struct AttributeLayout {
    std::string_view name;
    std::variant<std::string P::*, std::uint64_t P::*, int P::*, double P::*> member;
    bool optional = false;  // older files lack it; it reads as the member's default
};
const std::vector<AttributeLayout<RunProvenance>>& run_provenance_attributes();
const std::vector<AttributeLayout<ExperimentProvenance>>& experiment_provenance_attributes();
// The grid's CRS: the city config's geography.crs, stated by the root attribute `crs`.
inline constexpr const char* kGridCrs = "EPSG:3006";
// The root attributes every trygg file has before its provenance.
inline constexpr std::array<std::string_view, 4> kFileAttributes = {"schema_version", "Conventions", "title", "crs"};

// A dataset's shape for dimension lengths `lengths`.
using Lengths = std::array<hsize_t, kDimensions>;
std::vector<hsize_t> shape_of(const DatasetLayout& d, const Lengths& lengths);
// e.g. "replicate × week × district" for messages.
std::string dims_text(const DatasetLayout& d);
// "int32", "float64", "string" … as docs/hdf5-layout.md writes types.
std::string_view element_name(h5::Element e);

}  // namespace trygg::layout
