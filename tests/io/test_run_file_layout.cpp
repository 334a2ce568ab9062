// Tests of the run file's declared layout (io/run_file_layout.hpp): the writer writes exactly
// the declared datasets with the declared types, shapes and attributes, the reader rejects a
// declared dataset of another shape, and docs/hdf5-layout.md lists exactly the declaration.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"
#include "io/run_file_layout.hpp"
#include "io/run_inputs.hpp"

namespace trygg {
namespace {

namespace fs = std::filesystem;
using layout::DatasetLayout;
using layout::Home;
using test_data::Inputs;
using test_data::make_inputs;

// A run with every optional part: the weekly picture, the measures' days and the event log.
Inputs complete_inputs() {
    Inputs in = make_inputs(2, 3, 4, 5);
    RunResults& r = in.results;
    r.has_picture = true;
    r.picture.gi_band_m = 200.0;
    r.picture.alpha = 0.05;
    r.picture.replicate = {0, 1};
    r.picture.week = {0, 2};
    r.picture.cell = {3, 19};
    r.picture.count = {1, 4};
    r.interventions.first_day = {0, 7};
    r.interventions.last_day = {20, 13};
    r.has_events = true;
    auto& e = r.events;
    e.replicate = {0, 1};
    e.hour = {3, 40};
    e.cell = {2, 7};
    e.crime_type = {1, 0};
    e.offender = {10, 11};
    e.victim_group = {-1, 2};
    e.reported_by = {0, 3};
    e.arrested = {0, 1};
    return in;
}

// Every dataset below `group` ("/" for all) of a file, by path from the file's root.
std::set<std::string> datasets_in(hid_t file, const std::string& group) {
    std::set<std::string> paths;
    const auto visit = [](hid_t, const char* name, const H5O_info_t* info, void* data) -> herr_t {
        if (info->type == H5O_TYPE_DATASET) static_cast<std::set<std::string>*>(data)->insert(name);
        return 0;
    };
    h5::Group g(H5Gopen2(file, group.c_str(), H5P_DEFAULT));
    EXPECT_GE(H5Ovisit2(g.get(), H5_INDEX_NAME, H5_ITER_NATIVE, visit, &paths, H5O_INFO_BASIC), 0);
    return paths;
}

std::set<std::string> declared(Home home) {
    std::set<std::string> paths;
    for (const DatasetLayout& d : layout::datasets()) {
        if (d.home == home) paths.insert(std::string(d.path));
    }
    return paths;
}

std::set<std::string> declared_all() {
    std::set<std::string> paths = declared(Home::File);
    paths.merge(declared(Home::Run));
    return paths;
}

class RunFileLayoutTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() / ("trygg-layout-" + std::to_string(::getpid()) + "-" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    fs::path write_complete() {
        const fs::path out = dir_ / "run.h5";
        const Inputs in = complete_inputs();
        write_run_file(out, in.provenance, in.grid, in.districts, in.results);
        return out;
    }
    fs::path dir_;
};

// The writer writes every declared dataset and nothing else (a dataset added to the writer
// alone, or declared and not written, fails here).
TEST_F(RunFileLayoutTest, ARunFileHoldsExactlyTheDeclaredDatasets) {
    const fs::path out = write_complete();
    h5::File file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    EXPECT_EQ(datasets_in(file.get(), "/"), declared_all());
}

// An experiment file: the shared datasets at the root, every run's in its group.
TEST_F(RunFileLayoutTest, AnExperimentFileHoldsTheSharedDatasetsAtTheRootAndARunsInEachGroup) {
    const Inputs in = complete_inputs();
    ExperimentProvenance provenance;
    provenance.experiment_file = "experiments/strategy.yaml";
    provenance.seed = 42;
    std::vector<ExperimentRun> runs(2);
    runs[0].group = "baseline";
    runs[1].group = "lighting";
    for (auto& run : runs) run.provenance = in.provenance;
    const fs::path out = dir_ / "experiment.h5";
    write_experiment_file(out, provenance, in.grid, in.districts, runs, [&](std::size_t) { return in.results; });

    h5::File file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    std::set<std::string> at_root;
    for (const std::string& path : datasets_in(file.get(), "/")) {
        if (!path.starts_with("baseline/") && !path.starts_with("lighting/")) at_root.insert(path);
    }
    EXPECT_EQ(at_root, declared(Home::File));
    EXPECT_EQ(datasets_in(file.get(), "/baseline"), declared(Home::Run));
    EXPECT_EQ(datasets_in(file.get(), "/lighting"), declared(Home::Run));
    const ExperimentProvenance back = read_experiment_provenance(out);
    EXPECT_EQ(back.experiment_file, provenance.experiment_file);
    EXPECT_EQ(back.seed, 42U);
}

// The root of a run file carries the file attributes and the provenance, in declared order,
// and nothing else; an experiment's groups carry a run's provenance.
TEST_F(RunFileLayoutTest, TheRootHoldsExactlyTheDeclaredAttributes) {
    const fs::path out = write_complete();
    h5::File file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    std::vector<std::string> written;
    const auto collect = [](hid_t, const char* name, const H5A_info_t*, void* data) -> herr_t {
        static_cast<std::vector<std::string>*>(data)->emplace_back(name);
        return 0;
    };
    hsize_t index = 0;
    ASSERT_GE(H5Aiterate2(file.get(), H5_INDEX_CRT_ORDER, H5_ITER_INC, &index, collect, &written), 0);
    std::vector<std::string> want(layout::kFileAttributes.begin(), layout::kFileAttributes.end());
    for (const auto& a : layout::run_provenance_attributes()) want.emplace_back(a.name);
    EXPECT_EQ(written, want);
}

// CF: every variable says what it is; every number says its units. Names, CF flag variables
// and the grid mapping have none (units of a flag or a name would be meaningless).
TEST(RunFileLayout, EveryDeclaredDatasetHasALongNameAndUnitsUnlessItHoldsNames) {
    for (const DatasetLayout& d : layout::datasets()) {
        EXPECT_FALSE(d.long_name.empty()) << d.path;
        const bool unitless =
            d.element == h5::Element::String || !d.flag_values.empty() || d.source == layout::Source::GridMapping;
        EXPECT_EQ(d.units.empty(), unitless) << d.path;
        EXPECT_EQ(d.source == layout::Source::Member, d.column != nullptr) << d.path;
        if (d.map) {
            ASSERT_GE(d.dims.size(), 2U) << d.path;
            EXPECT_TRUE(d.dims.back() == layout::Dim::x && d.dims[d.dims.size() - 2] == layout::Dim::y) << d.path;
        }
    }
}

// Each dimension has exactly one scale, named like it, and every dimension a dataset uses has one.
TEST(RunFileLayout, EveryDimensionHasOneScaleNamedLikeIt) {
    for (std::size_t k = 0; k < layout::kDimensions; ++k) {
        const auto dim = static_cast<layout::Dim>(k);
        const auto scales = std::ranges::count_if(
            layout::datasets(), [&](const DatasetLayout& d) { return d.scale && d.dims.front() == dim; });
        EXPECT_EQ(scales, 1) << layout::name(dim);
        EXPECT_EQ(layout::scale_of(dim).path, layout::name(dim));
    }
}

// The member a dataset names has the C++ type of its element (counts of hours, int64 in
// memory, are float64 on disk).
TEST(RunFileLayout, EveryMemberHasTheTypeOfItsElement) {
    Inputs in = make_inputs(1, 1, 1, 1);
    const layout::RunParts parts{&in.grid, &in.districts, &in.results};
    for (const DatasetLayout& d : layout::datasets()) {
        if (d.column == nullptr) continue;
        const h5::Element held = std::visit(
            [](const auto* v) {
                using T = typename std::remove_pointer_t<decltype(v)>::value_type;
                if constexpr (std::is_same_v<T, std::int8_t>) return h5::Element::Int8;
                if constexpr (std::is_same_v<T, std::int32_t>) return h5::Element::Int32;
                if constexpr (std::is_same_v<T, float>) return h5::Element::Float32;
                if constexpr (std::is_same_v<T, std::string>) return h5::Element::String;
                return h5::Element::Float64;  // double, and int64 stored as float64
            },
            d.column(parts));
        EXPECT_EQ(layout::element_name(held), layout::element_name(d.element)) << d.path;
    }
}

struct Written {
    std::string type;
    std::vector<hsize_t> shape;
    std::map<std::string, std::string> attributes;  // the string attributes
};

Written inspect(hid_t file, const std::string& path) {
    Written w;
    h5::Dataset ds(H5Dopen2(file, path.c_str(), H5P_DEFAULT));
    h5::Datatype type(H5Dget_type(ds.get()));
    const auto size = H5Tget_size(type.get());
    switch (H5Tget_class(type.get())) {
        case H5T_INTEGER:
            w.type = size == 1 ? "int8" : size == 4 ? "int32" : "int?";
            break;
        case H5T_FLOAT:
            w.type = size == 4 ? "float32" : "float64";
            break;
        case H5T_STRING:
            w.type = "string";
            break;
        default:
            w.type = "?";
    }
    const h5::ErrorContext ctx(path, h5::Mode::Reading);
    w.shape = h5::dataset_shape(file, path, ctx);
    for (const char* name :
         {"units", "long_name", "standard_name", "grid_mapping", "missing_value_note", "flag_meanings"}) {
        if (h5::has_attribute(ds.get(), name, ctx)) w.attributes[name] = h5::read_string_attribute(ds.get(), name, ctx);
    }
    return w;
}

// Every written dataset has the declared type, the shape of its declared dimensions (the
// lengths of their scales in the file) and the declared CF attributes, and no others of them.
TEST_F(RunFileLayoutTest, WrittenDatasetsHaveTheDeclaredTypesShapesAndAttributes) {
    const fs::path out = write_complete();
    h5::File file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(out, h5::Mode::Reading);
    layout::Lengths lengths{};
    for (std::size_t k = 0; k < layout::kDimensions; ++k) {
        const auto& scale = layout::scale_of(static_cast<layout::Dim>(k));
        lengths[k] = h5::dataset_shape(file.get(), std::string(scale.path), ctx).at(0);
    }
    for (const DatasetLayout& d : layout::datasets()) {
        const Written w = inspect(file.get(), std::string(d.path));
        EXPECT_EQ(w.type, layout::element_name(d.element)) << d.path;
        EXPECT_EQ(w.shape, layout::shape_of(d, lengths)) << d.path;
        std::map<std::string, std::string> want;
        if (!d.units.empty()) want["units"] = d.units;
        want["long_name"] = d.long_name;
        if (!d.standard_name.empty()) want["standard_name"] = d.standard_name;
        if (d.map) want["grid_mapping"] = "crs";
        if (!d.missing_value_note.empty()) want["missing_value_note"] = d.missing_value_note;
        if (!d.flag_meanings.empty()) want["flag_meanings"] = d.flag_meanings;
        EXPECT_EQ(w.attributes, want) << d.path;
    }
}

// Writes `path` anew, one longer in its first dimension, with zeros of its type.
void lengthen(const fs::path& file_path, const DatasetLayout& d) {
    h5::File file(H5Fopen(file_path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    const h5::ErrorContext ctx(file_path, h5::Mode::Writing);
    std::vector<hsize_t> shape = h5::dataset_shape(file.get(), std::string(d.path), ctx);
    ASSERT_FALSE(shape.empty()) << d.path;
    shape[0] += 1;
    std::size_t n = 1;
    for (const hsize_t s : shape) n *= s;
    const std::string path(d.path);
    ASSERT_GE(H5Ldelete(file.get(), path.c_str(), H5P_DEFAULT), 0) << path;
    const auto rewrite = [&]<typename T>(T zero) {
        const std::vector<T> values(n, zero);
        h5::write_dataset(file.get(), path, shape, shape, std::span<const T>(values), ctx);
    };
    switch (d.element) {
        case h5::Element::Int8:
            rewrite(std::int8_t{0});
            break;
        case h5::Element::Int32:
            rewrite(std::int32_t{0});
            break;
        case h5::Element::Float32:
            rewrite(0.0f);
            break;
        case h5::Element::Float64:
            rewrite(0.0);
            break;
        case h5::Element::String:
            rewrite(std::string());
            break;
    }
}

// The reader checks every declared dataset's shape against its dimensions: a dataset of
// another shape is an InputError naming the file and the dataset.
TEST_F(RunFileLayoutTest, TheReaderRejectsEveryDeclaredDatasetOfAnotherShape) {
    const fs::path good = write_complete();
    const h5::QuietErrors quiet;
    for (const DatasetLayout& d : layout::datasets()) {
        if (d.scale || d.dims.empty()) continue;  // a scale's length is a dimension's
        const fs::path bad = dir_ / "bad.h5";
        fs::copy_file(good, bad, fs::copy_options::overwrite_existing);
        lengthen(bad, d);
        try {
            static_cast<void>(read_run_file(bad));
            ADD_FAILURE() << d.path << " of another shape was read";
        } catch (const InputError& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find(bad.string()), std::string::npos) << message;
            EXPECT_NE(message.find("/" + std::string(d.path)), std::string::npos) << message;
            EXPECT_EQ(message.find('\n'), std::string::npos) << message;
        }
    }
}

TEST_F(RunFileLayoutTest, TheReaderRejectsADimensionOfAFixedLengthThatIsNot) {
    const fs::path out = write_complete();
    lengthen(out, layout::scale_of(layout::Dim::hour));
    const h5::QuietErrors quiet;
    try {
        static_cast<void>(read_run_file(out));
        ADD_FAILURE() << "an hour dimension of 25 was read";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("dimension 'hour' is 25 long, not 24"), std::string::npos) << e.what();
    }
}

TEST_F(RunFileLayoutTest, TheReaderRejectsAFlagOutsideItsFlagValues) {
    const fs::path out = write_complete();
    {
        h5::File file(H5Fopen(out.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        h5::Dataset cls(H5Dopen2(file.get(), "/risk_area/class", H5P_DEFAULT));
        std::vector<std::int8_t> values(2 * 1 * 2, 7);
        ASSERT_GE(H5Dwrite(cls.get(), H5T_NATIVE_INT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), 0);
    }
    const h5::QuietErrors quiet;
    try {
        static_cast<void>(read_run_file(out));
        ADD_FAILURE() << "a risk-area class of 7 was read";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/risk_area/class holds 7, not one of its flag_values 0 1 2 3"),
                  std::string::npos)
            << e.what();
    }
}

// --- docs/hdf5-layout.md ---------------------------------------------------------------------

std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream in(line.substr(1));
    std::string cell;
    while (std::getline(in, cell, '|')) {
        const auto first = cell.find_first_not_of(' ');
        const auto last = cell.find_last_not_of(' ');
        cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    }
    return cells;
}

std::vector<std::string> quoted(const std::string& cell) {
    std::vector<std::string> out;
    const std::regex code("`([^`]*)`");
    for (std::sregex_iterator it(cell.begin(), cell.end(), code), end; it != end; ++it) out.push_back((*it)[1]);
    return out;
}

struct Documented {
    std::string type;
    std::string dims;   // "(replicate, week)"
    std::string units;  // "" for –
};

// Every row of the page's tables of paths (`/…` in a column "path"), one entry per path a row
// names: "`/hotspots/weekly_true`, `weekly_est`" names /hotspots/weekly_est too.
std::map<std::string, Documented> documented_datasets() {
    std::ifstream page(std::string(TRYGG_SOURCE_DIR) + "/docs/hdf5-layout.md");
    EXPECT_TRUE(page.good());
    std::map<std::string, Documented> rows;
    std::vector<std::string> header;
    std::string line;
    while (std::getline(page, line)) {
        if (!line.starts_with("|")) {
            header.clear();
            continue;
        }
        const std::vector<std::string> cells = cells_of(line);
        if (header.empty()) {
            header = cells;
            continue;
        }
        const auto column = [&](std::initializer_list<const char*> names) -> std::string {
            for (const char* n : names) {
                const auto at = std::ranges::find(header, std::string(n));
                if (at != header.end() && static_cast<std::size_t>(at - header.begin()) < cells.size()) {
                    return cells[static_cast<std::size_t>(at - header.begin())];
                }
            }
            return "?";
        };
        if (header.front() != "path" || !cells.front().starts_with("`/")) continue;
        const std::vector<std::string> paths = quoted(cells.front());
        const std::vector<std::string> units = quoted(column({"units"}));
        const std::string group = paths.front().substr(0, paths.front().rfind('/') + 1);
        for (std::size_t i = 0; i < paths.size(); ++i) {
            const std::string path = paths[i].starts_with('/') ? paths[i] : group + paths[i];
            Documented d;
            d.type = column({"type"});
            // The table of dimensions gives a length, not dimensions: a dimension is its own.
            d.dims = column({"dimensions", "shape"});
            if (d.dims == "?") d.dims = "(" + path.substr(1) + ")";
            d.units = units.empty() ? "" : units.size() == paths.size() ? units[i] : units.front();
            EXPECT_TRUE(rows.emplace(path, d).second) << path << " is listed twice";
        }
    }
    return rows;
}

std::string dims_of(const DatasetLayout& d) {
    std::string text;
    for (const layout::Dim dim : d.dims) text += (text.empty() ? "" : ", ") + std::string(layout::name(dim));
    return "(" + text + ")";
}

// docs/hdf5-layout.md lists every declared dataset, and only those, with the declared type,
// dimensions and units (its meanings are fuller than the long_names and are not compared).
TEST(RunFileLayout, TheDocumentationListsExactlyTheDeclaredDatasets) {
    const std::map<std::string, Documented> documented = documented_datasets();
    std::set<std::string> want;
    for (const DatasetLayout& d : layout::datasets()) {
        const std::string path = "/" + std::string(d.path);
        want.insert(path);
        const auto found = documented.find(path);
        if (found == documented.end()) continue;
        EXPECT_EQ(found->second.type, layout::element_name(d.element)) << path;
        EXPECT_EQ(found->second.dims, dims_of(d)) << path;
        EXPECT_EQ(found->second.units, d.units) << path;
    }
    for (const std::string& path : want) EXPECT_TRUE(documented.contains(path)) << path << " is not documented";
    for (const auto& [path, row] : documented) EXPECT_TRUE(want.contains(path)) << path << " is not declared";
}

// The page's table of root attributes lists the file attributes and the provenance.
TEST(RunFileLayout, TheDocumentationListsEveryRootAttribute) {
    std::ifstream page(std::string(TRYGG_SOURCE_DIR) + "/docs/hdf5-layout.md");
    std::string line;
    while (std::getline(page, line) && line != "## Root attributes") {
    }
    std::map<std::string, std::string> listed;
    while (std::getline(page, line) && !line.starts_with("## ")) {
        if (!line.starts_with("| `")) continue;
        const std::vector<std::string> cells = cells_of(line);
        listed[quoted(cells[0]).at(0)] = cells[1];
    }
    std::map<std::string, std::string> want = {
        {"schema_version", "int32"}, {"Conventions", "string"}, {"title", "string"}, {"crs", "string"}};
    for (const auto& a : layout::run_provenance_attributes()) {
        want[std::string(a.name)] = std::visit(
            [](auto member) {
                using T = std::remove_cvref_t<decltype(RunProvenance{}.*member)>;
                if constexpr (std::is_same_v<T, std::string>) return "string";
                if constexpr (std::is_same_v<T, std::uint64_t>) return "uint64";
                if constexpr (std::is_same_v<T, int>) return "int32";
                return "float64";
            },
            a.member);
    }
    EXPECT_EQ(std::size(layout::kFileAttributes), 4U);
    EXPECT_EQ(listed, want);
}

// The page's section on experiment files names every attribute of an experiment's root.
TEST(RunFileLayout, TheDocumentationNamesEveryExperimentAttribute) {
    std::ifstream page(std::string(TRYGG_SOURCE_DIR) + "/docs/hdf5-layout.md");
    std::string line;
    while (std::getline(page, line) && line != "## Experiment files (`trygg batch`)") {
    }
    std::string section;
    while (std::getline(page, line) && !line.starts_with("## ")) section += line + " ";
    ASSERT_FALSE(section.empty());
    for (const auto& a : layout::experiment_provenance_attributes()) {
        EXPECT_NE(section.find("`" + std::string(a.name) + "`"), std::string::npos) << a.name;
    }
}

}  // namespace
}  // namespace trygg
