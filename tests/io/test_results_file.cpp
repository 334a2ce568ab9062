// Tests of the run file: exact round trip, atomic replacement, byte-for-byte reproducibility,
// rejection of foreign or outdated files, and that netCDF tools (ncdump, xarray) can open it.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <numeric>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"
#include "io/run_inputs.hpp"

namespace trygg {
namespace {

namespace fs = std::filesystem;

using test_data::Inputs;
using test_data::make_inputs;

void expect_same(const Inputs& want, const RunFile& got) {
    const RunProvenance& a = want.provenance;
    const RunProvenance& b = got.provenance;
    EXPECT_EQ(a.trygg_version, b.trygg_version);
    EXPECT_EQ(a.git_commit, b.git_commit);
    EXPECT_EQ(a.city_file, b.city_file);
    EXPECT_EQ(a.scenario_file, b.scenario_file);
    EXPECT_EQ(a.city_yaml, b.city_yaml);
    EXPECT_EQ(a.scenario_yaml, b.scenario_yaml);
    EXPECT_EQ(a.start_date, b.start_date);
    EXPECT_EQ(a.seed, b.seed);
    EXPECT_EQ(a.replicates, b.replicates);
    EXPECT_EQ(a.weeks, b.weeks);
    EXPECT_EQ(a.threads, b.threads);
    EXPECT_EQ(a.wall_seconds, b.wall_seconds);

    EXPECT_EQ(want.grid.nx, got.grid.nx);
    EXPECT_EQ(want.grid.ny, got.grid.ny);
    EXPECT_EQ(want.grid.x0, got.grid.x0);
    EXPECT_EQ(want.grid.y0, got.grid.y0);
    EXPECT_EQ(want.grid.cell_size, got.grid.cell_size);
    EXPECT_EQ(want.grid.district, got.grid.district);
    EXPECT_EQ(want.grid.deso, got.grid.deso);
    EXPECT_EQ(want.grid.population, got.grid.population);

    EXPECT_EQ(want.districts.names, got.districts.names);
    EXPECT_EQ(want.districts.codes, got.districts.codes);
    EXPECT_EQ(want.districts.population, got.districts.population);

    const RunResults& r = want.results;
    const RunResults& s = got.results;
    EXPECT_EQ(r.replicates, s.replicates);
    EXPECT_EQ(r.weeks, s.weeks);
    EXPECT_EQ(r.districts, s.districts);
    EXPECT_EQ(r.crime_types, s.crime_types);
    EXPECT_EQ(r.ny, s.ny);
    EXPECT_EQ(r.nx, s.nx);
    EXPECT_EQ(r.crime_type_names, s.crime_type_names);
    EXPECT_EQ(r.crimes_true, s.crimes_true);
    EXPECT_EQ(r.crimes_cells, s.crimes_cells);
    EXPECT_EQ(r.crimes_reported, s.crimes_reported);
    EXPECT_EQ(r.crimes_est, s.crimes_est);
    EXPECT_EQ(r.crimes_cells_est, s.crimes_cells_est);
    EXPECT_EQ(r.victim_group_names, s.victim_group_names);
    EXPECT_EQ(r.victims, s.victims);
    EXPECT_EQ(r.reporter_names, s.reporter_names);
    EXPECT_EQ(r.arrests, s.arrests);
    EXPECT_EQ(r.hotspots_true, s.hotspots_true);
    EXPECT_EQ(r.kde_top_est, s.kde_top_est);
    EXPECT_EQ(r.patrol_weeks, s.patrol_weeks);
    EXPECT_EQ(r.weekly_hotspots_both, s.weekly_hotspots_both);
    EXPECT_EQ(r.cell_shares, s.cell_shares);
    EXPECT_EQ(r.concentration, s.concentration);
    EXPECT_EQ(r.cells_holding, s.cells_holding);
    EXPECT_EQ(r.crimes_by_hour, s.crimes_by_hour);
    EXPECT_EQ(r.youth_public_hours, s.youth_public_hours);
    EXPECT_EQ(r.youth.members, s.youth.members);
    EXPECT_EQ(r.youth.associates, s.youth.associates);
    EXPECT_EQ(r.youth.recruits, s.youth.recruits);
    EXPECT_EQ(r.youth.offences, s.youth.offences);
    EXPECT_EQ(r.youth.school_failure, s.youth.school_failure);
    EXPECT_EQ(r.youth.propensity_mean, s.youth.propensity_mean);  // float32 on disk: exact
    EXPECT_EQ(r.youth.substance_levels, s.youth.substance_levels);
    EXPECT_EQ(r.youth.substance_use, s.youth.substance_use);
    EXPECT_EQ(r.youth.years, s.youth.years);
    EXPECT_EQ(r.youth.offences_by_age, s.youth.offences_by_age);
    EXPECT_EQ(r.youth.residents_by_age, s.youth.residents_by_age);
    EXPECT_EQ(r.youth.substance_by_age, s.youth.substance_by_age);
    EXPECT_EQ(r.youth.participants, s.youth.participants);
    const auto &f = r.safety, &g = s.safety;
    EXPECT_EQ(f.quarters, g.quarters);
    EXPECT_EQ(f.signal_names, g.signal_names);
    EXPECT_EQ(f.component_names, g.component_names);
    EXPECT_EQ(f.signals, g.signals);
    EXPECT_EQ(f.unsafe_weekly, g.unsafe_weekly);
    EXPECT_EQ(f.unsafe_share, g.unsafe_share);
    EXPECT_EQ(f.avoided_share, g.avoided_share);
    EXPECT_EQ(f.gang_problems, g.gang_problems);
    EXPECT_EQ(f.dealing_problems, g.dealing_problems);
    EXPECT_EQ(f.collective_efficacy, g.collective_efficacy);
    EXPECT_EQ(f.risk_score, g.risk_score);
    EXPECT_EQ(f.risk_class, g.risk_class);
    EXPECT_EQ(f.components, g.components);
    EXPECT_EQ(f.risk_trend, g.risk_trend);
    EXPECT_EQ(f.rumours_started, g.rumours_started);
    EXPECT_EQ(f.rumours_exposed, g.rumours_exposed);
    EXPECT_EQ(r.incident_type_names, s.incident_type_names);
    EXPECT_EQ(r.incidents_true, s.incidents_true);
    EXPECT_EQ(r.incidents_reported, s.incidents_reported);
    EXPECT_EQ(r.incidents_est, s.incidents_est);
    EXPECT_EQ(r.interventions.name, s.interventions.name);
    EXPECT_EQ(r.interventions.kind, s.interventions.kind);
    EXPECT_EQ(r.interventions.cost_sek, s.interventions.cost_sek);
    EXPECT_EQ(r.interventions.running_sek_per_year, s.interventions.running_sek_per_year);
    EXPECT_EQ(r.treated, s.treated);
    EXPECT_EQ(r.has_events, s.has_events);
    EXPECT_EQ(r.events.hour, s.events.hour);
    EXPECT_EQ(r.events.reported_by, s.events.reported_by);
    EXPECT_EQ(r.events.victim_group, s.events.victim_group);
    EXPECT_EQ(r.events.replicate, s.events.replicate);
}

void write(const fs::path& out, const Inputs& in) {
    write_run_file(out, in.provenance, in.grid, in.districts, in.results);
}

std::string read_bytes(const fs::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

std::set<std::string> entries(const fs::path& dir) {
    std::set<std::string> names;
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        names.insert(e.path().filename().string());
    }
    return names;
}

template <typename F>
std::string input_error_message(F&& action) {
    try {
        action();
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "no InputError was thrown";
    return {};
}

struct Command {
    int status = -1;
    std::string output;
};

// Runs a shell command and captures stdout and stderr, so a failing external tool shows why.
Command run_command(const std::string& command) {
    Command result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) return result;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        result.output.append(buffer.data(), n);
    }
    const int raw = ::pclose(pipe);
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return result;
}

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";
}

class ResultsFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() / ("trygg-results-" + std::to_string(::getpid()) + "-" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    // Opens a written file for surgery with the raw API, to fake damaged or foreign files.
    h5::File open_for_update(const fs::path& path) {
        return h5::File(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    }

    fs::path dir_;
};

TEST_F(ResultsFileTest, RoundTripsEveryField) {
    const Inputs in = make_inputs(2, 3, 4, 5);
    const fs::path out = dir_ / "run.h5";
    write(out, in);
    expect_same(in, read_run_file(out));
}

// `trygg report` reads without the EST picture's and the patrols' per-cell arrays: those stay
// empty, everything else is as written.
TEST_F(ResultsFileTest, ReadsWithoutTheEstMapsWhenAsked) {
    Inputs in = make_inputs(2, 3, 4, 5);
    const fs::path out = dir_ / "run.h5";
    write(out, in);
    const RunFile got = read_run_file(out, "", RunArrays::WithoutEstMaps);
    EXPECT_TRUE(got.results.crimes_cells_est.empty());
    EXPECT_TRUE(got.results.hotspots_est.empty());
    EXPECT_TRUE(got.results.kde_top_est.empty());
    EXPECT_TRUE(got.results.patrol_weeks.empty());
    EXPECT_FALSE(got.results.crimes_cells.empty());
    in.results.crimes_cells_est.clear();
    in.results.hotspots_est.clear();
    in.results.kde_top_est.clear();
    in.results.patrol_weeks.clear();
    expect_same(in, got);
}

TEST_F(ResultsFileTest, RoundTripsTheEventLog) {
    Inputs in = make_inputs(2, 3, 4, 5);
    auto& e = in.results.events;
    in.results.has_events = true;
    for (int k = 0; k < 5; ++k) {
        e.replicate.push_back(k % 2);
        e.hour.push_back(10 * k);
        e.cell.push_back(k);
        e.crime_type.push_back(k % 2);
        e.offender.push_back(100 + k);
        e.victim_group.push_back(k == 4 ? -1 : k % 3);
        e.reported_by.push_back(k == 0 ? 0 : 1 | (k << 1));
        e.arrested.push_back(k == 2 ? 1 : 0);
    }
    const fs::path out = dir_ / "events.h5";
    write(out, in);
    const RunFile got = read_run_file(out);
    expect_same(in, got);
    EXPECT_EQ(got.results.events.offender, e.offender);
    EXPECT_EQ(got.results.events.arrested, e.arrested);
    EXPECT_EQ(got.results.events.cell, e.cell);
    EXPECT_EQ(got.results.events.crime_type, e.crime_type);
}

// The weekly true picture (sparse, /hotspots/picture_*) with its Gi* settings, and the
// measures' first and last days; a file without them (written before) reads with them empty.
TEST_F(ResultsFileTest, RoundTripsTheWeeklyPictureAndTheMeasuresDays) {
    Inputs in = make_inputs(2, 3, 4, 5);
    RunResults& r = in.results;
    r.has_picture = true;
    r.picture.gi_band_m = 200.0;
    r.picture.alpha = 0.05;
    r.picture.fdr = false;
    r.picture.replicate = {0, 0, 1};
    r.picture.week = {0, 2, 1};
    r.picture.cell = {3, 19, 0};
    r.picture.count = {1, 4, 2};
    r.interventions.first_day = {0, 7};
    r.interventions.last_day = {20, 13};
    const fs::path out = dir_ / "picture.h5";
    write(out, in);
    const RunFile got = read_run_file(out);
    expect_same(in, got);
    ASSERT_TRUE(got.results.has_picture);
    EXPECT_EQ(got.results.picture.replicate, r.picture.replicate);
    EXPECT_EQ(got.results.picture.week, r.picture.week);
    EXPECT_EQ(got.results.picture.cell, r.picture.cell);
    EXPECT_EQ(got.results.picture.count, r.picture.count);
    EXPECT_DOUBLE_EQ(got.results.picture.gi_band_m, 200.0);
    EXPECT_DOUBLE_EQ(got.results.picture.alpha, 0.05);
    EXPECT_FALSE(got.results.picture.fdr);
    EXPECT_EQ(got.results.interventions.first_day, r.interventions.first_day);
    EXPECT_EQ(got.results.interventions.last_day, r.interventions.last_day);

    write(dir_ / "old.h5", make_inputs(2, 3, 4, 5));
    const RunFile old = read_run_file(dir_ / "old.h5");
    EXPECT_FALSE(old.results.has_picture);
    EXPECT_TRUE(old.results.picture.cell.empty());
    EXPECT_TRUE(old.results.interventions.first_day.empty());
}

TEST_F(ResultsFileTest, RejectsAPictureEntryOutsideTheRun) {
    Inputs in = make_inputs(2, 3, 4, 5);
    in.results.has_picture = true;
    in.results.picture.gi_band_m = 200.0;
    in.results.picture.alpha = 0.05;
    in.results.picture.replicate = {0, 1};
    in.results.picture.week = {0, 3};  // week 3 of a 3-week run
    in.results.picture.cell = {0, 1};
    in.results.picture.count = {1, 1};
    const fs::path out = dir_ / "bad_picture.h5";
    write(out, in);
    const std::string message = input_error_message([&] { read_run_file(out); });
    EXPECT_NE(message.find("bad_picture.h5"), std::string::npos) << message;
    EXPECT_NE(message.find("/hotspots/picture_* entry 1"), std::string::npos) << message;
}

TEST_F(ResultsFileTest, EventLogColumnsMustAgreeInLength) {
    Inputs in = make_inputs(1, 2, 4, 5);
    in.results.has_events = true;
    in.results.events.hour = {1, 2};
    EXPECT_THROW(write(dir_ / "bad.h5", in), LogicError);
    EXPECT_FALSE(fs::exists(dir_ / "bad.h5"));
}

TEST_F(ResultsFileTest, RoundTripsEmptyStringsAndZeroWeeks) {
    Inputs in = make_inputs(2, 0, 4, 5);
    in.provenance.git_commit.clear();
    in.provenance.scenario_yaml.clear();
    in.districts.codes = {"", "2081-C"};
    const fs::path out = dir_ / "run.h5";
    write(out, in);
    expect_same(in, read_run_file(out));
}

TEST_F(ResultsFileTest, RoundTripsCompressedDatasets) {
    const Inputs in = make_inputs(2, 60, 40, 50);
    const fs::path out = dir_ / "big.h5";
    write(out, in);
    expect_same(in, read_run_file(out));
}

TEST_F(ResultsFileTest, LeavesOnlyTheFinalFile) {
    const fs::path out = dir_ / "run.h5";
    write(out, make_inputs(2, 3, 4, 5));
    EXPECT_EQ(entries(dir_), std::set<std::string>{"run.h5"});
}

TEST_F(ResultsFileTest, ReplacesAnExistingFile) {
    const fs::path out = dir_ / "run.h5";
    std::ofstream(out) << "old contents";
    const Inputs in = make_inputs(2, 3, 4, 5);
    write(out, in);
    expect_same(in, read_run_file(out));
    EXPECT_EQ(entries(dir_), std::set<std::string>{"run.h5"});
}

TEST_F(ResultsFileTest, SameInputsGiveIdenticalFiles) {
    const Inputs in = make_inputs(2, 60, 40, 50);
    const fs::path a = dir_ / "a.h5";
    const fs::path b = dir_ / "b.h5";
    write(a, in);
    write(b, in);
    expect_same(in, read_run_file(a));
    expect_same(in, read_run_file(b));
    const std::string bytes_a = read_bytes(a);
    EXPECT_FALSE(bytes_a.empty());
    EXPECT_TRUE(bytes_a == read_bytes(b)) << "two writes of the same run differ byte for byte";
}

// Timestamps are what would make two writes of the same run differ; a test comparing two
// files written within the same second cannot see them, so look for them directly.
TEST_F(ResultsFileTest, NoObjectCarriesATimestamp) {
    const fs::path out = dir_ / "run.h5";
    write(out, make_inputs(2, 3, 4, 5));
    h5::File file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    struct Visit {
        int objects = 0;
        std::vector<std::string> stamped;
    } visit;
    const auto check = [](hid_t, const char* name, const H5O_info_t* info, void* data) -> herr_t {
        auto* v = static_cast<Visit*>(data);
        ++v->objects;
        if (info->atime != 0 || info->mtime != 0 || info->ctime != 0 || info->btime != 0) {
            v->stamped.emplace_back(name);
        }
        return 0;
    };
    ASSERT_GE(H5Ovisit2(file.get(), H5_INDEX_NAME, H5_ITER_NATIVE, check, &visit, H5O_INFO_TIME), 0);
    // root, 14 groups, 20 scales, the grid mapping /crs, 66 datasets in groups and the x and y
    // coordinate variables of the three groups with maps besides /grid (crimes, hotspots,
    // interventions); no event log
    EXPECT_EQ(visit.objects, 108);
    EXPECT_TRUE(visit.stamped.empty()) << "first stamped object: " << visit.stamped.front();
}

TEST_F(ResultsFileTest, LargeDatasetsAreChunkedAndCompressed) {
    const Inputs in = make_inputs(2, 60, 40, 50);
    const fs::path out = dir_ / "big.h5";
    write(out, in);

    h5::File file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    const auto chunk_of = [&](const char* path) {
        h5::Dataset ds(H5Dopen2(file.get(), path, H5P_DEFAULT));
        h5::PropList create(H5Dget_create_plist(ds.get()));
        EXPECT_EQ(H5Pget_layout(create.get()), H5D_CHUNKED) << path;
        std::array<unsigned, 1> values{};
        std::size_t n = values.size();
        unsigned flags = 0;
        unsigned config = 0;
        EXPECT_GE(
            H5Pget_filter_by_id2(create.get(), H5Z_FILTER_DEFLATE, &flags, &n, values.data(), 0, nullptr, &config), 0)
            << path << " is not deflated";
        EXPECT_EQ(values[0], h5::kDeflateLevel) << path;
        EXPECT_GE(
            H5Pget_filter_by_id2(create.get(), H5Z_FILTER_SHUFFLE, &flags, &n, values.data(), 0, nullptr, &config), 0)
            << path << " is not shuffled";
        std::array<hsize_t, 4> chunk{};
        const int rank = H5Pget_chunk(create.get(), 4, chunk.data());
        return std::vector<hsize_t>(chunk.begin(), chunk.begin() + std::max(rank, 0));
    };
    EXPECT_EQ(chunk_of("/crimes/cells"), (std::vector<hsize_t>{1, 1, 40, 50}));
    EXPECT_EQ(chunk_of("/crimes/true"), (std::vector<hsize_t>{1, 60, 2, 2}));
    EXPECT_EQ(chunk_of("/grid/population"), (std::vector<hsize_t>{40, 50}));
}

TEST(ChunkCap, SplitsOuterDimensionsFirst) {
    // A 1000x1000 int32 map is 4 MB: keep whole rows, 262 of them fit in 1 MiB.
    EXPECT_EQ(h5::cap_chunk(std::array<hsize_t, 4>{2, 3, 1000, 1000}, std::array<hsize_t, 4>{1, 1, 1000, 1000}, 4),
              (std::vector<hsize_t>{1, 1, 262, 1000}));
    // A long run: fewer weeks per chunk, whole district x type planes.
    EXPECT_EQ(h5::cap_chunk(std::array<hsize_t, 4>{2, 600, 50, 20}, std::array<hsize_t, 4>{1, 600, 50, 20}, 4),
              (std::vector<hsize_t>{1, 262, 50, 20}));
    // Wishes beyond the shape are clamped, zero wishes raised to 1.
    EXPECT_EQ(h5::cap_chunk(std::array<hsize_t, 2>{3, 7}, std::array<hsize_t, 2>{10, 0}, 4),
              (std::vector<hsize_t>{3, 1}));
    // A single row wider than the budget is itself split.
    EXPECT_EQ(h5::cap_chunk(std::array<hsize_t, 2>{4, 1000}, std::array<hsize_t, 2>{4, 1000}, 4, 1000),
              (std::vector<hsize_t>{1, 250}));
}

TEST_F(ResultsFileTest, DimensionScalesAreAttached) {
    const fs::path out = dir_ / "run.h5";
    write(out, make_inputs(2, 3, 4, 5));
    h5::File file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    const auto open = [&](const char* path) { return h5::Dataset(H5Dopen2(file.get(), path, H5P_DEFAULT)); };
    const auto expect_attached = [&](const char* path, std::vector<const char*> scales) {
        h5::Dataset ds = open(path);
        for (std::size_t i = 0; i < scales.size(); ++i) {
            h5::Dataset scale = open(scales[i]);
            EXPECT_GT(H5DSis_scale(scale.get()), 0) << scales[i];
            EXPECT_GT(H5DSis_attached(ds.get(), scale.get(), static_cast<unsigned>(i)), 0)
                << scales[i] << " not attached to dimension " << i << " of " << path;
        }
    };
    expect_attached("/crimes/true", {"/replicate", "/week", "/district", "/crime_type"});
    expect_attached("/crimes/cells", {"/replicate", "/crime_type", "/y", "/x"});
    expect_attached("/grid/x", {"/x"});
    expect_attached("/grid/y", {"/y"});
    expect_attached("/grid/district", {"/y", "/x"});
    expect_attached("/districts/name", {"/district"});
    expect_attached("/crime_types/name", {"/crime_type"});
    for (const char* tally : {"/youth/members", "/youth/associates", "/youth/recruits", "/youth/offences",
                              "/youth/school_failure", "/youth/propensity_mean"}) {
        expect_attached(tally, {"/replicate", "/week", "/district"});
    }
    expect_attached("/youth/substance_use", {"/replicate", "/week", "/district", "/level"});
    expect_attached("/youth/level_name", {"/level"});
    expect_attached("/offending/by_age", {"/replicate", "/year", "/age"});
    expect_attached("/interventions/participants", {"/replicate", "/week", "/intervention"});
}

// The youth layer's datasets: shapes, types and CF attributes as docs/hdf5-layout.md lists them.
TEST_F(ResultsFileTest, YouthDatasetsHaveTheDocumentedShapes) {
    const Inputs in = make_inputs(2, 60, 4, 5);  // 60 weeks: two model years
    const fs::path out = dir_ / "run.h5";
    write(out, in);
    const RunFile got = read_run_file(out);
    EXPECT_EQ(got.results.youth.years, 2);
    expect_same(in, got);
    const h5::QuietErrors quiet;
    h5::File file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    const h5::ErrorContext ctx(out, h5::Mode::Reading);
    using Shape = std::vector<hsize_t>;
    for (const char* tally : {"/youth/members", "/youth/associates", "/youth/recruits", "/youth/offences",
                              "/youth/school_failure", "/youth/propensity_mean"}) {
        EXPECT_EQ(h5::dataset_shape(file.get(), tally, ctx), (Shape{2, 60, 2})) << tally;
        h5::Dataset ds(H5Dopen2(file.get(), tally, H5P_DEFAULT));
        EXPECT_EQ(h5::read_string_attribute(ds.get(), "units", ctx), "1") << tally;
        EXPECT_FALSE(h5::read_string_attribute(ds.get(), "long_name", ctx).empty()) << tally;
    }
    EXPECT_EQ(h5::dataset_shape(file.get(), "/youth/substance_use", ctx), (Shape{2, 60, 2, 4}));
    EXPECT_EQ(h5::dataset_shape(file.get(), "/offending/by_age", ctx), (Shape{2, 2, 101}));
    EXPECT_EQ(h5::dataset_shape(file.get(), "/interventions/participants", ctx), (Shape{2, 60, 2}));
    EXPECT_EQ(h5::dataset_shape(file.get(), "/age", ctx), (Shape{101}));
    EXPECT_EQ(h5::read_strings(file.get(), "/youth/level_name", std::array<hsize_t, 1>{4}, ctx),
              in.results.youth.substance_levels);
    const auto type_of = [&](const char* path) {
        h5::Dataset ds(H5Dopen2(file.get(), path, H5P_DEFAULT));
        h5::Datatype type(H5Dget_type(ds.get()));
        return std::pair{H5Tget_class(type.get()), H5Tget_size(type.get())};
    };
    EXPECT_EQ(type_of("/youth/propensity_mean"), std::pair(H5T_FLOAT, std::size_t{4}));
    EXPECT_EQ(type_of("/youth/members"), std::pair(H5T_INTEGER, std::size_t{4}));
    // 960 values, at least the compression threshold: chunked.
    h5::Dataset use(H5Dopen2(file.get(), "/youth/substance_use", H5P_DEFAULT));
    h5::PropList create(H5Dget_create_plist(use.get()));
    EXPECT_EQ(H5Pget_layout(create.get()), H5D_CHUNKED);
}

// A file written before the youth layer (schema 1) reads with empty youth tallies, so old runs
// can still be compared; the rest of the run is as written.
TEST_F(ResultsFileTest, ReadsASchema1FileWithoutYouthTallies) {
    const Inputs in = make_inputs(2, 3, 4, 5);
    const fs::path out = dir_ / "old.h5";
    write(out, in);
    {
        h5::File file = open_for_update(out);
        ASSERT_TRUE(file.valid());
        for (const char* path : {"/youth/members", "/youth/associates", "/youth/recruits", "/youth/offences",
                                 "/youth/school_failure", "/youth/propensity_mean", "/youth/substance_use",
                                 "/youth/level_name", "/offending", "/interventions/participants"}) {
            ASSERT_GE(H5Ldelete(file.get(), path, H5P_DEFAULT), 0) << path;
        }
        h5::Attribute version(H5Aopen(file.get(), "schema_version", H5P_DEFAULT));
        const std::int32_t one = 1;
        ASSERT_GE(H5Awrite(version.get(), H5T_NATIVE_INT32, &one), 0);
    }
    const RunFile got = read_run_file(out);
    EXPECT_EQ(got.results.crimes_true, in.results.crimes_true);
    EXPECT_EQ(got.results.youth_public_hours, in.results.youth_public_hours);
    EXPECT_TRUE(got.results.youth.members.empty());
    EXPECT_TRUE(got.results.youth.substance_levels.empty());
    EXPECT_TRUE(got.results.youth.offences_by_age.empty());
    EXPECT_EQ(got.results.youth.years, 0);
}

// Schema 2 promises the youth tallies: a file that says 2 but lacks one is refused.
TEST_F(ResultsFileTest, RejectsASchema2FileWithoutAYouthTally) {
    const fs::path out = dir_ / "run.h5";
    write(out, make_inputs(2, 3, 4, 5));
    {
        h5::File file = open_for_update(out);
        ASSERT_TRUE(file.valid());
        ASSERT_GE(H5Ldelete(file.get(), "/youth/recruits", H5P_DEFAULT), 0);
    }
    const std::string message = input_error_message([&] { read_run_file(out); });
    EXPECT_NE(message.find("recruits"), std::string::npos) << message;
    EXPECT_NE(message.find(out.string()), std::string::npos) << message;
}

// Found by the runfile fuzzer: hours stored as float64 that are NaN, negative, fractional or
// beyond 2^53 are refused, not converted to an undefined integer.
TEST_F(ResultsFileTest, RejectsPublicHoursThatAreNotWholeNumbers) {
    for (const double bad : {std::nan(""), -1.0, 2.5, 1e300, std::numeric_limits<double>::infinity()}) {
        const fs::path out = dir_ / "run.h5";
        write(out, make_inputs(2, 3, 4, 5));
        {
            h5::File file = open_for_update(out);
            ASSERT_TRUE(file.valid());
            h5::Dataset hours(H5Dopen2(file.get(), "/youth/public_hours", H5P_DEFAULT));
            ASSERT_TRUE(hours.valid());
            std::vector<double> values(2 * 168, 1.0);
            values[170] = bad;
            ASSERT_GE(H5Dwrite(hours.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), 0);
        }
        const std::string message = input_error_message([&] { read_run_file(out); });
        EXPECT_NE(message.find("/youth/public_hours"), std::string::npos) << bad << ": " << message;
        EXPECT_NE(message.find(out.string()), std::string::npos) << message;
    }
}

TEST_F(ResultsFileTest, YouthTalliesOfTheWrongLengthAreALogicError) {
    Inputs in = make_inputs(2, 3, 4, 5);
    in.results.youth.substance_use.pop_back();
    EXPECT_THROW(write(dir_ / "run.h5", in), LogicError);
    in = make_inputs(2, 3, 4, 5);
    in.results.youth.offences_by_age.pop_back();
    EXPECT_THROW(write(dir_ / "run.h5", in), LogicError);
    in = make_inputs(2, 3, 4, 5);
    in.results.youth.participants.push_back(0);
    EXPECT_THROW(write(dir_ / "run.h5", in), LogicError);
    EXPECT_TRUE(entries(dir_).empty());
}

TEST_F(ResultsFileTest, RejectsAnotherSchemaVersion) {
    const fs::path out = dir_ / "run.h5";
    write(out, make_inputs(2, 3, 4, 5));
    {
        h5::File file = open_for_update(out);
        ASSERT_TRUE(file.valid());
        h5::Attribute version(H5Aopen(file.get(), "schema_version", H5P_DEFAULT));
        const std::int32_t future = 99;
        ASSERT_GE(H5Awrite(version.get(), H5T_NATIVE_INT32, &future), 0);
    }
    const std::string message = input_error_message([&] { read_run_file(out); });
    EXPECT_NE(message.find("99"), std::string::npos) << message;
    EXPECT_NE(message.find(out.string()), std::string::npos) << message;
}

TEST_F(ResultsFileTest, RejectsAFileWithoutSchemaVersion) {
    const fs::path out = dir_ / "run.h5";
    write(out, make_inputs(2, 3, 4, 5));
    {
        h5::File file = open_for_update(out);
        ASSERT_TRUE(file.valid());
        ASSERT_GE(H5Adelete(file.get(), "schema_version"), 0);
    }
    const std::string message = input_error_message([&] { read_run_file(out); });
    EXPECT_NE(message.find("schema_version"), std::string::npos) << message;
    EXPECT_NE(message.find(out.string()), std::string::npos) << message;
}

TEST_F(ResultsFileTest, RejectsADatasetOfTheWrongShape) {
    const fs::path out = dir_ / "run.h5";
    write(out, make_inputs(2, 3, 4, 5));
    {
        h5::File file = open_for_update(out);
        ASSERT_TRUE(file.valid());
        ASSERT_GE(H5Ldelete(file.get(), "/crimes/true", H5P_DEFAULT), 0);
        const h5::ErrorContext ctx(out, h5::Mode::Writing);
        const std::vector<std::int32_t> values(6, 1);
        const std::array<hsize_t, 2> shape{2, 3};
        h5::write_dataset(file.get(), "/crimes/true", shape, shape, std::span(values), ctx);
    }
    const std::string message = input_error_message([&] { read_run_file(out); });
    EXPECT_NE(message.find("/crimes/true"), std::string::npos) << message;
    EXPECT_NE(message.find("[2, 3]"), std::string::npos) << message;
}

TEST_F(ResultsFileTest, MissingFileIsAnInputErrorNamingIt) {
    const fs::path missing = dir_ / "nope.h5";
    const std::string message = input_error_message([&] { read_run_file(missing); });
    EXPECT_NE(message.find(missing.string()), std::string::npos) << message;
}

TEST_F(ResultsFileTest, NonHdf5FileIsAnInputErrorNamingIt) {
    const fs::path text = dir_ / "notes.h5";
    std::ofstream(text) << "this is not an HDF5 file\n";
    const std::string message = input_error_message([&] { read_run_file(text); });
    EXPECT_NE(message.find(text.string()), std::string::npos) << message;
}

TEST_F(ResultsFileTest, MissingDirectoryThrowsAndLeavesNothing) {
    const fs::path missing = dir_ / "no-such-dir";
    const fs::path out = missing / "run.h5";
    try {
        write(out, make_inputs(2, 3, 4, 5));
        ADD_FAILURE() << "writing into a missing directory succeeded";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(out.string()), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(missing));
    EXPECT_TRUE(entries(dir_).empty());
}

TEST_F(ResultsFileTest, FailedRenameRemovesTheTemporaryFile) {
    // `out` is a non-empty directory, so everything succeeds except the final rename.
    const fs::path out = dir_ / "run.h5";
    fs::create_directories(out / "occupied");
    EXPECT_THROW(write(out, make_inputs(2, 3, 4, 5)), std::runtime_error);
    EXPECT_EQ(entries(dir_), std::set<std::string>{"run.h5"});
    EXPECT_TRUE(fs::is_directory(out / "occupied"));
}

TEST_F(ResultsFileTest, InconsistentInputsAreALogicErrorAndWriteNothing) {
    Inputs in = make_inputs(2, 3, 4, 5);
    in.results.crimes_true.pop_back();
    EXPECT_THROW(write(dir_ / "run.h5", in), LogicError);
    in = make_inputs(2, 3, 4, 5);
    in.districts.codes.pop_back();
    EXPECT_THROW(write(dir_ / "run.h5", in), LogicError);
    EXPECT_TRUE(entries(dir_).empty());
}

// An experiment file: shared scales at the root, one group per run with a run file's layout;
// each group reads back as its run, ncdump and xarray open the groups.
TEST_F(ResultsFileTest, ExperimentFileHoldsAGroupPerRun) {
    Inputs base = make_inputs(2, 3, 4, 5);
    Inputs other = make_inputs(2, 3, 4, 5);
    other.results.crimes_true[0] = 99;
    other.results.interventions = {};
    other.results.youth.participants.clear();  // no measures, no participants
    other.provenance.scenario_file = "scenarios/lighting.yaml";
    ExperimentProvenance prov;
    prov.trygg_version = "0.1.0";
    prov.experiment_file = "configs/experiments/strategy.yaml";
    prov.experiment_yaml = "scenarios: [baseline, lighting]\n";
    prov.replicates = 2;
    prov.weeks = 3;
    std::vector<ExperimentRun> runs(2);
    runs[0].group = "baseline";
    runs[0].provenance = base.provenance;
    runs[1].group = "lighting.p001";
    runs[1].provenance = other.provenance;
    runs[1].sweep_paths = {"offending.displacement"};
    runs[1].sweep_values = {0.25};
    const fs::path out = dir_ / "experiment.h5";
    int loaded = 0;
    write_experiment_file(out, prov, base.grid, base.districts, runs, [&](std::size_t k) {
        ++loaded;
        return k == 0 ? base.results : other.results;
    });
    EXPECT_EQ(loaded, 2);
    EXPECT_EQ(list_run_groups(out), (std::vector<std::string>{"baseline", "lighting.p001"}));
    expect_same(base, read_run_file(out, "baseline"));
    expect_same(other, read_run_file(out, "lighting.p001"));
    try {
        (void)read_run_file(out, "lightning");
        ADD_FAILURE() << "an unknown group must be rejected";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("it has: baseline, lighting.p001"), std::string::npos) << e.what();
    }
    // A single-run file has no groups.
    write(dir_ / "run.h5", base);
    EXPECT_TRUE(list_run_groups(dir_ / "run.h5").empty());

    if (std::system("command -v ncdump >/dev/null 2>&1") == 0) {
        const Command dump = run_command("ncdump -h " + quoted(out));
        ASSERT_EQ(dump.status, 0) << dump.output;
        EXPECT_NE(dump.output.find("group: lighting.p001"), std::string::npos) << dump.output;
        EXPECT_NE(dump.output.find("sweep_point = \"offending.displacement=0.25\""), std::string::npos) << dump.output;
    }
}

TEST_F(ResultsFileTest, NcdumpReadsTheHeader) {
    if (std::system("command -v ncdump >/dev/null 2>&1") != 0) GTEST_SKIP() << "no ncdump";
    const fs::path out = dir_ / "run.h5";
    write(out, make_inputs(2, 3, 4, 5));
    const Command dump = run_command("ncdump -h " + quoted(out));
    ASSERT_EQ(dump.status, 0) << dump.output;
    EXPECT_NE(dump.output.find("group: crimes"), std::string::npos) << dump.output;
    EXPECT_NE(dump.output.find("x = 5 ;"), std::string::npos) << dump.output;
    EXPECT_NE(dump.output.find("y = 4 ;"), std::string::npos) << dump.output;
    // The dimensions of a variable in a subgroup resolve to the root dimension scales.
    EXPECT_NE(dump.output.find("true(replicate, week, district, crime_type)"), std::string::npos) << dump.output;
    EXPECT_NE(dump.output.find("cells(replicate, crime_type, y, x)"), std::string::npos) << dump.output;
}

TEST_F(ResultsFileTest, XarrayOpensRootAndGroups) {
    const std::string python = "/usr/bin/python3";
    const Command probe = run_command(python +
                                      " -c 'import xarray, importlib.util as u; "
                                      "assert u.find_spec(\"netCDF4\") or u.find_spec(\"h5netcdf\")'");
    if (probe.status != 0) GTEST_SKIP() << "no python3 with xarray and a netCDF backend";

    const Inputs in = make_inputs(2, 3, 4, 5);
    const fs::path out = dir_ / "run.h5";
    write(out, in);
    const fs::path script = dir_ / "check.py";
    std::ofstream(script) << R"PY(import importlib.util
import sys
import xarray as xr

path, total_true, total_cells = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
members, by_age = int(sys.argv[4]), int(sys.argv[5])
engines = [e for e, m in (("netcdf4", "netCDF4"), ("h5netcdf", "h5netcdf"))
           if importlib.util.find_spec(m)]
for engine in engines:
    root = xr.open_dataset(path, engine=engine)
    assert root.attrs["crs"] == "EPSG:3006", root.attrs
    assert int(root.attrs["schema_version"]) == 3, root.attrs
    assert root["week"].dtype.kind == "i", root["week"].dtype  # not decoded as time
    assert list(root["x"].values) == [532150.0 + 100.0 * i for i in range(5)], root["x"].values
    assert root["x"].attrs["units"] == "m"

    crimes = xr.open_dataset(path, group="crimes", engine=engine)
    true = crimes["true"]
    assert true.dims == ("replicate", "week", "district", "crime_type"), true.dims
    assert int(true.sum()) == total_true
    assert crimes["cells"].dims == ("replicate", "crime_type", "y", "x"), crimes["cells"].dims
    assert int(crimes["cells"].sum()) == total_cells

    districts = xr.open_dataset(path, group="districts", engine=engine)
    assert districts["name"].values[0] == "Tjärna Ängar", districts["name"].values

    grid = xr.open_dataset(path, group="grid", engine=engine)
    assert grid["district"].dtype == "int32", grid["district"].dtype
    assert int(grid["district"].min()) == -1

    youth = xr.open_dataset(path, group="youth", engine=engine)
    for name in ("members", "associates", "recruits", "offences", "school_failure", "propensity_mean"):
        assert youth[name].dims == ("replicate", "week", "district"), (name, youth[name].dims)
        assert youth[name].attrs["units"] == "1", youth[name].attrs
    assert youth["propensity_mean"].dtype == "float32", youth["propensity_mean"].dtype
    assert youth["substance_use"].dims == ("replicate", "week", "district", "level"), youth["substance_use"].dims
    assert int(youth["members"].sum()) == members
    levels = list(youth["level_name"].values)
    assert levels[1] == "alcohol_regular", levels
    regular = youth["substance_use"].assign_coords(level=levels).sel(level="alcohol_regular")
    assert regular.dims == ("replicate", "week", "district"), regular.dims
    offending = xr.open_dataset(path, group="offending", engine=engine)
    assert offending["by_age"].dims == ("replicate", "year", "age"), offending["by_age"].dims
    assert offending["by_age"].sizes["age"] == 101
    assert int(offending["by_age"].sum()) == by_age
    assert root["age"].dtype.kind == "i", root["age"].dtype  # ages are not decoded as time
    safety = xr.open_dataset(path, group="safety", engine=engine)
    assert safety["unsafe_share"].dims == ("replicate", "quarter", "district"), safety["unsafe_share"].dims
    assert safety["signals"].dims == ("replicate", "week", "district", "signal"), safety["signals"].dims
    assert list(safety["signal_name"].values)[0] == "violence", safety["signal_name"].values
    risk = xr.open_dataset(path, group="risk_area", engine=engine)
    cls = risk["class"]
    assert cls.dims == ("replicate", "quarter", "district"), cls.dims
    assert cls.dtype == "int8", cls.dtype
    assert list(cls.attrs["flag_values"]) == [0, 1, 2, 3], cls.attrs
    assert cls.attrs["flag_meanings"] == "none utsatt risk sarskilt_utsatt", cls.attrs
    assert "not the police's decision" in risk.attrs["comment"], risk.attrs
    assert risk["components"].dims == ("replicate", "quarter", "district", "component"), risk["components"].dims
    items = xr.open_dataset(path, group="interventions", engine=engine)
    assert items["participants"].dims == ("replicate", "week", "intervention"), items["participants"].dims
print("ok with", engines)
)PY";
    const long total_true = std::accumulate(in.results.crimes_true.begin(), in.results.crimes_true.end(), 0L);
    const long total_cells = std::accumulate(in.results.crimes_cells.begin(), in.results.crimes_cells.end(), 0L);
    const auto& y = in.results.youth;
    const long members = std::accumulate(y.members.begin(), y.members.end(), 0L);
    const long by_age = std::accumulate(y.offences_by_age.begin(), y.offences_by_age.end(), 0L);
    const Command check =
        run_command(python + " " + quoted(script) + " " + quoted(out) + " " + std::to_string(total_true) + " " +
                    std::to_string(total_cells) + " " + std::to_string(members) + " " + std::to_string(by_age));
    EXPECT_EQ(check.status, 0) << check.output;
}

}  // namespace
}  // namespace trygg
