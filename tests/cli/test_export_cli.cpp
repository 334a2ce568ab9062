// `trygg export`: a run's maps for QGIS. The outputs are opened with GDAL's own tools, as a
// user would: ogrinfo on the GeoPackage and GeoJSON, gdalinfo and gdallocationinfo on the
// GeoTIFFs. Bad input as everywhere: status 2, one line, nothing written.
#include "cli/cli_fixture.hpp"

#include "experiment/synthetic_runs.hpp"
#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"

#include <cmath>
#include <cstdio>
#include <regex>

namespace trygg::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class ExportCli : public TryggCli {
protected:
    // A short run of the lighting scenario (it has treated cells): two replicates of two weeks.
    RunFile simulate() {
        const Outcome run =
            trygg("run " + quoted(source_path("scenarios/lighting_tjarna.yaml")) + " -o run.h5 -r 2 -w 2 -q -t 2");
        EXPECT_EQ(run.status, 0) << run.err;
        ours_.insert("run.h5");
        return read_run_file(work() / "run.h5");
    }

    // A hand-made run file with two of Borlänge's districts (tests/experiment/synthetic_runs.hpp).
    void synthetic(const std::string& name) {
        const SyntheticRun s = synthetic_run("base", 2);
        write_run_file(work() / name, s.provenance, s.grid, s.districts, s.results);
        ours_.insert(name);
    }

    std::string tool(const std::string& command) const {
        const auto out = dir_ / "tool.txt";
        const int status = std::system((command + " >" + quoted(out.string()) + " 2>&1").c_str());
        EXPECT_EQ(status, 0) << command << "\n" << read_text(out);
        return read_text(out);
    }
};

// "Feature Count: N" of one layer, from ogrinfo -so.
long feature_count(const std::string& info) {
    const std::regex re(R"(Feature Count: (\d+))");
    std::smatch m;
    return std::regex_search(info, m, re) ? std::stol(m[1].str()) : -1;
}

// Two numbers of a line such as "Origin = (505100.000,6722800.000)" or "Extent: (15.1, 60.3) - …".
std::pair<double, double> pair_after(const std::string& text, const std::string& label) {
    const std::regex re(label + R"(\s*=?\s*\(([-0-9.e+]+),\s*([-0-9.e+]+)\))");
    std::smatch m;
    if (!std::regex_search(text, m, re)) return {std::nan(""), std::nan("")};
    return {std::stod(m[1].str()), std::stod(m[2].str())};
}

long count_nonzero(const std::vector<std::int32_t>& v) {
    return std::count_if(v.begin(), v.end(), [](std::int32_t x) { return x != 0; });
}

// Hot cells as the layer defines them: hot (true crime or EST picture) in some replicate.
long hot_cells(const RunFile& run) {
    const std::size_t cells = run.results.treated.size();
    long n = 0;
    for (std::size_t c = 0; c < cells; ++c) {
        bool hot = false;
        for (int rep = 0; rep < run.results.replicates; ++rep) {
            const std::size_t at = static_cast<std::size_t>(rep) * cells + c;
            hot = hot || run.results.hotspots_true[at] > 0 || run.results.hotspots_est[at] > 0;
        }
        n += hot;
    }
    return n;
}

TEST_F(ExportCli, TheGeoPackageHasDistrictsHotspotAndInterventionCellsInSweref99Tm) {
    const RunFile run = simulate();
    const Outcome o = trygg("export run.h5 -o maps.gpkg");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("Wrote maps.gpkg: districts (17 features)"));
    EXPECT_EQ(written(), (std::set<std::string>{"maps.gpkg"}));
    const std::string gpkg = quoted((work() / "maps.gpkg").string());
    const std::string layers = tool("ogrinfo -q " + gpkg);
    for (const std::string name : {"districts", "hotspot_cells", "intervention_cells"}) {
        EXPECT_THAT(layers, HasSubstr(name)) << layers;
    }
    const std::string districts = tool("ogrinfo -so " + gpkg + " districts");
    EXPECT_EQ(feature_count(districts), 17);
    EXPECT_THAT(districts, HasSubstr("ID[\"EPSG\",3006]"));
    EXPECT_THAT(districts, HasSubstr("crimes_per_1000_low: Real"));
    EXPECT_THAT(districts, HasSubstr("risk_class_name: String"));
    const long hot = hot_cells(run);
    EXPECT_GT(hot, 0);
    EXPECT_EQ(feature_count(tool("ogrinfo -so " + gpkg + " hotspot_cells")), hot);
    const long treated = count_nonzero(run.results.treated);
    EXPECT_GT(treated, 0);
    EXPECT_EQ(feature_count(tool("ogrinfo -so " + gpkg + " intervention_cells")), treated);
    // Tjärna Ängar's outline holds its residents: its population and a rate, from this run.
    const std::string tjarna = tool("ogrinfo -q " + gpkg +
                                    " -sql \"SELECT population, crimes_per_1000 FROM districts WHERE code = "
                                    "'2081R013'\"");
    EXPECT_THAT(tjarna, HasSubstr("population (Integer) = 2459"));
    // The districts cover Borlänge's extent in SWEREF99 TM metres (about 505–539 km E).
    const auto [x, y] = pair_after(districts, "Extent:");
    EXPECT_NEAR(x, 505000.0, 2000.0);
    EXPECT_NEAR(y, 6685000.0, 2000.0);
}

TEST_F(ExportCli, GeoJsonIsOneRfc7946FilePerLayerInLongitudeAndLatitudeNearBorlange) {
    const RunFile run = simulate();
    const Outcome o = trygg("export run.h5 -o maps --format geojson");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(written(), (std::set<std::string>{"maps", "maps/districts.geojson", "maps/hotspot_cells.geojson",
                                                "maps/intervention_cells.geojson"}));
    const std::string districts = read_text(work() / "maps/districts.geojson");
    EXPECT_THAT(districts, ::testing::Not(HasSubstr("\"crs\""))) << "RFC 7946: WGS 84, no crs member";
    const std::string info = tool("ogrinfo -so " + quoted((work() / "maps/districts.geojson").string()) + " districts");
    EXPECT_EQ(feature_count(info), 17);
    // Borlänge is at about 15.4 E, 60.5 N; the municipality spans about 15.1–15.7 E, 60.3–60.6 N.
    const auto [lon, lat] = pair_after(info, "Extent:");
    EXPECT_NEAR(lon, 15.1, 0.1);
    EXPECT_NEAR(lat, 60.3, 0.1);
    const std::string cells =
        tool("ogrinfo -so " + quoted((work() / "maps/intervention_cells.geojson").string()) + " intervention_cells");
    EXPECT_EQ(feature_count(cells), count_nonzero(run.results.treated));
    const auto [clon, clat] = pair_after(cells, "Extent:");
    EXPECT_NEAR(clon, 15.4, 0.1) << "Tjärna Ängar's lit paths";
    EXPECT_NEAR(clat, 60.47, 0.05);
}

TEST_F(ExportCli, GeoTiffsAreInSweref99TmWithTheGridsOriginAnd100MetrePixelsNorthUp) {
    const RunFile run = simulate();
    const Outcome o = trygg("export run.h5 -o rasters --format gtiff");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(written(), (std::set<std::string>{"rasters", "rasters/crimes.tif", "rasters/hotspot_frequency.tif"}));
    const GridDescription& g = run.grid;
    for (const std::string name : {"crimes.tif", "hotspot_frequency.tif"}) {
        SCOPED_TRACE(name);
        const std::string info = tool("gdalinfo " + quoted((work() / "rasters" / name).string()));
        EXPECT_THAT(info, HasSubstr("ID[\"EPSG\",3006]"));
        EXPECT_THAT(info, HasSubstr("Size is " + std::to_string(g.nx) + ", " + std::to_string(g.ny)));
        const auto [ox, oy] = pair_after(info, "Origin");
        EXPECT_NEAR(ox, g.x0 - g.cell_size / 2, 1e-6);
        EXPECT_NEAR(oy, g.y0 + (g.ny - 0.5) * g.cell_size, 1e-6);
        const auto [px, py] = pair_after(info, "Pixel Size");
        EXPECT_NEAR(px, 100.0, 1e-9);
        EXPECT_NEAR(py, -100.0, 1e-9);
    }
    // The cell with the most crime reads its own mean at its own coordinates.
    const std::size_t cells = run.results.treated.size();
    const auto T = static_cast<std::size_t>(run.results.crime_types);
    std::vector<double> mean(cells, 0.0);
    for (std::size_t rep = 0; rep < 2; ++rep) {
        for (std::size_t t = 0; t < T; ++t) {
            for (std::size_t c = 0; c < cells; ++c)
                mean[c] += run.results.crimes_cells[(rep * T + t) * cells + c] / 2.0;
        }
    }
    const auto top = static_cast<std::size_t>(std::max_element(mean.begin(), mean.end()) - mean.begin());
    ASSERT_GT(mean[top], 0.0);
    const double x = g.x0 + static_cast<double>(top % static_cast<std::size_t>(g.nx)) * g.cell_size;
    const double y = g.y0 + static_cast<double>(top / static_cast<std::size_t>(g.nx)) * g.cell_size;
    const std::string value =
        tool("gdallocationinfo -valonly -b 1 -geoloc " + quoted((work() / "rasters/crimes.tif").string()) + " " +
             std::to_string(x) + " " + std::to_string(y));
    EXPECT_NEAR(std::stod(value), mean[top], 1e-4);
}

TEST_F(ExportCli, AnExistingFolderKeepsItsOtherFiles) {
    synthetic("run.h5");
    fs::create_directory(work() / "maps");
    put("maps/notes.txt", "mine");
    const Outcome o = trygg("export run.h5 -o maps --format gtiff -q");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(o.out, "");
    EXPECT_EQ(read_text(work() / "maps/notes.txt"), "mine");
    EXPECT_TRUE(fs::is_regular_file(work() / "maps/crimes.tif"));
}

// One run of an experiment file, named as in trygg compare; its treated cells are its own.
TEST_F(ExportCli, ExportsOneRunOfAnExperimentFile) {
    SyntheticRun base = synthetic_run("baseline", 2);
    SyntheticRun lit = synthetic_run("lighting", 2);
    lit.results.treated[3] = 1;
    ExperimentProvenance provenance;
    provenance.trygg_version = "test";
    provenance.replicates = 2;
    provenance.weeks = 2;
    const std::vector<ExperimentRun> runs{{"baseline", base.provenance, {}, {}}, {"lighting", lit.provenance, {}, {}}};
    write_experiment_file(work() / "exp.h5", provenance, base.grid, base.districts, runs,
                          [&](std::size_t k) { return k == 0 ? base.results : lit.results; });
    ours_.insert("exp.h5");
    expect_bad_input(trygg("export exp.h5 -o m.gpkg"),
                     {"exp.h5: an experiment file; name one of its runs as exp.h5:GROUP (it has: baseline, lighting)"});
    expect_bad_input(trygg("export exp.h5:lightning -o m.gpkg"),
                     {"exp.h5: no run group 'lightning' (it has: baseline, lighting)"});
    const Outcome o = trygg("export exp.h5:lighting -o m.gpkg --city " + quoted(source_path("configs/borlange.yaml")));
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("intervention_cells (1 features)"));
    const std::string gpkg = quoted((work() / "m.gpkg").string());
    EXPECT_EQ(feature_count(tool("ogrinfo -so " + gpkg + " intervention_cells")), 1);
    EXPECT_EQ(feature_count(tool("ogrinfo -so " + gpkg + " districts")), 2) << "the run's two districts";
}

TEST_F(ExportCli, BadInputNamesTheProblemAndWritesNothing) {
    synthetic("run.h5");
    expect_bad_input(trygg("export missing.h5 -o m.gpkg"), {"missing.h5: no such file"});
    expect_bad_input(trygg("export run.h5:combined -o m.gpkg"),
                     {"run.h5: no run group 'combined' (the file holds a single run)"});
    expect_bad_input(trygg("export run.h5 -o m.gpkg --format geojsn"),
                     {"no format 'geojsn'", "did you mean 'geojson'"});
    expect_bad_input(trygg("export run.h5"), {"--output: required"});
    expect_bad_input(trygg("export run.h5 -o m.geojson"), {"--output m.geojson", "--format geojson or gtiff"});
    expect_bad_input(trygg("export -o m.gpkg"), {"no run file given"});
    expect_bad_input(trygg("export run.h5 -o run.h5"), {"--output run.h5 would replace", "the run file"});
    expect_bad_input(trygg("export run.h5 -o ./run.h5 --format geojson"), {"would replace"});
    expect_bad_input(trygg("export run.h5 -o nowhere/m.gpkg"), {"directory does not exist: nowhere"});
    expect_bad_input(trygg("export run.h5 -o /proc/trygg_maps.gpkg"), {"/proc/trygg_maps.gpkg"});
    expect_bad_input(trygg("export run.h5 -o /proc/trygg_maps --format geojson"), {"/proc/trygg_maps"});
    put("taken", "a file");
    expect_bad_input(trygg("export run.h5 -o taken --format gtiff"), {"taken exists and is not a folder"});
    expect_bad_input(trygg("export run.h5 -o m.gpkg --city nowhere.yaml"), {"nowhere.yaml"});
    // The hand-made run names configs/borlange.yaml, which is not in work/, and this trygg is
    // not installed.
    expect_bad_input(trygg("export run.h5 -o m.gpkg"),
                     {"the run's city config 'configs/borlange.yaml' is not found", "name one with --city"});
}

TEST_F(ExportCli, ARunFileOfAnotherSchemaVersionIsRefused) {
    synthetic("run.h5");
    {
        h5::File file(H5Fopen((work() / "run.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        ASSERT_TRUE(file.valid());
        h5::Attribute version(H5Aopen(file.get(), "schema_version", H5P_DEFAULT));
        const std::int32_t future = 99;
        ASSERT_GE(H5Awrite(version.get(), H5T_NATIVE_INT32, &future), 0);
    }
    expect_bad_input(trygg("export run.h5 -o m.gpkg"), {"run.h5", "schema_version 99 is not supported"});
}

TEST_F(ExportCli, AnotherCitysRunIsRefusedNamingTheDistrict) {
    SyntheticRun s = synthetic_run("base", 1);
    s.districts.codes[1] = "0180R001";
    write_run_file(work() / "run.h5", s.provenance, s.grid, s.districts, s.results);
    ours_.insert("run.h5");
    expect_bad_input(trygg("export run.h5 -o m.gpkg --city " + quoted(source_path("configs/borlange.yaml"))),
                     {"no DeSO polygon of district 0180R001"});
}

TEST_F(ExportCli, HelpNamesTheLayersFormatsAndSearchOrder) {
    for (const std::string args : {"help export", "export --help"}) {
        const Outcome o = trygg(args);
        EXPECT_EQ(o.status, 0);
        EXPECT_THAT(o.out, HasSubstr("Usage: trygg export RESULTS.h5[:GROUP] -o OUT"));
        EXPECT_THAT(o.out, HasSubstr("hotspot_cells"));
        EXPECT_THAT(o.out, HasSubstr("RFC 7946"));
        EXPECT_THAT(o.out, HasSubstr("share/trygg"));
    }
    EXPECT_THAT(trygg("--help").out, HasSubstr("trygg export RESULTS.h5"));
}

}  // namespace
}  // namespace trygg::testing
