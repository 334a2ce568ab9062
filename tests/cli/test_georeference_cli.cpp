// The run file is georeferenced by the CF conventions (a grid-mapping variable /crs, and
// `grid_mapping` on every map), so GDAL and QGIS place its rasters without an export
// (issue 11). GDAL's netCDF driver reads the file as the tools users have do: gdalinfo.
#include "cli_fixture.hpp"

#include "io/results_file.hpp"

#include <cstdio>
#include <regex>

namespace trygg::testing {
namespace {

using ::testing::HasSubstr;

class Georeference : public TryggCli {
protected:
    std::string gdalinfo(const std::string& target) const {
        const auto out = dir_ / "gdalinfo.txt";
        const std::string command = "gdalinfo " + quoted(target) + " >" + quoted(out.string()) + " 2>&1";
        EXPECT_EQ(std::system(command.c_str()), 0) << read_text(out);
        return read_text(out);
    }
};

// Two numbers of a gdalinfo line such as "Origin = (467950.000000000000000,6698050.000000000000000)".
std::pair<double, double> pair_after(const std::string& text, const std::string& label) {
    const std::regex re(label + R"( = \(([-0-9.e+]+),\s*([-0-9.e+]+)\))");
    std::smatch m;
    if (!std::regex_search(text, m, re)) return {std::nan(""), std::nan("")};
    return {std::stod(m[1].str()), std::stod(m[2].str())};
}

TEST_F(Georeference, GdalPlacesTheCrimeRasterInSweref99TmWithItsOriginAnd100MetrePixels) {
    const Outcome run = trygg("run " + quoted(source_path("scenarios/baseline.yaml")) + " -o b.h5 -r 1 -w 1 -q -t 2");
    ASSERT_EQ(run.status, 0) << run.err;
    const RunFile file = read_run_file(work() / "b.h5");
    const GridDescription& g = file.grid;
    for (const std::string var :
         {"/crimes/cells", "/hotspots/frequency_true", "/grid/district", "/interventions/treated"}) {
        SCOPED_TRACE(var);
        const std::string info = gdalinfo("NETCDF:" + (work() / "b.h5").string() + ":" + var);
        EXPECT_THAT(info, HasSubstr("SWEREF99 TM"));
        EXPECT_THAT(info, HasSubstr("ID[\"EPSG\",3006]"));
        EXPECT_THAT(info, HasSubstr("Size is " + std::to_string(g.nx) + ", " + std::to_string(g.ny)));
        // GDAL's geotransform: the north-west corner of the grid, 100 m pixels, rows southwards.
        const auto [ox, oy] = pair_after(info, "Origin");
        EXPECT_NEAR(ox, g.x0 - g.cell_size / 2, 1e-6);
        EXPECT_NEAR(oy, g.y0 + (g.ny - 0.5) * g.cell_size, 1e-6);
        const auto [px, py] = pair_after(info, "Pixel Size");
        EXPECT_NEAR(px, g.cell_size, 1e-9);
        EXPECT_NEAR(py, -g.cell_size, 1e-9);
    }
}

// Orientation: rows are stored south first; a map that GDAL read upside down would put Tjärna
// Ängar's lit cells in the wrong place. Each lit cell's centre must read 1, and the same
// cell mirrored north–south 0 where that cell is not lit.
TEST_F(Georeference, GdalReadsEachCellAtItsOwnCoordinates) {
    const Outcome run =
        trygg("run " + quoted(source_path("scenarios/lighting_tjarna.yaml")) + " -o l.h5 -r 1 -w 1 -q -t 2");
    ASSERT_EQ(run.status, 0) << run.err;
    const RunFile file = read_run_file(work() / "l.h5");
    const GridDescription& g = file.grid;
    const auto& treated = file.results.treated;
    int checked = 0;
    for (int y = 0; y < g.ny && checked < 3; ++y) {
        for (int x = 0; x < g.nx && checked < 3; ++x) {
            const int mirrored = g.ny - 1 - y;
            if (treated[static_cast<std::size_t>(y * g.nx + x)] != 1 ||
                treated[static_cast<std::size_t>(mirrored * g.nx + x)] != 0) {
                continue;
            }
            const auto value_at = [&](int row) {
                const auto out = dir_ / "location.txt";
                const std::string command = "gdallocationinfo -valonly -geoloc " +
                                            quoted("NETCDF:" + (work() / "l.h5").string() + ":/interventions/treated") +
                                            " " + std::to_string(g.x0 + x * g.cell_size) + " " +
                                            std::to_string(g.y0 + row * g.cell_size) + " >" + quoted(out.string());
                EXPECT_EQ(std::system(command.c_str()), 0);
                return read_text(out);
            };
            EXPECT_EQ(value_at(y), "1\n") << "lit cell (" << x << ", " << y << ")";
            EXPECT_EQ(value_at(mirrored), "0\n") << "its mirror (" << x << ", " << mirrored << ")";
            ++checked;
        }
    }
    EXPECT_EQ(checked, 3);
}

}  // namespace
}  // namespace trygg::testing
