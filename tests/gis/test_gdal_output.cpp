// Map layers written with GDAL (gis/gdal_output.hpp) and read back with GDAL: the CRS, the
// dissolved district outlines, NULLs, GeoJSON in WGS 84 and the raster's orientation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "gis/gdal_output.hpp"
#include "gis/map_export.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

namespace trygg::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

struct Closer {
    void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
using Opened = std::unique_ptr<GDALDataset, Closer>;

Opened open(const fs::path& file, unsigned kind) {
    return Opened(
        GDALDataset::FromHandle(GDALOpenEx(file.c_str(), kind | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

class GdalOutput : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("trygg_gdal_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

// Near Borlänge in SWEREF99 TM: two 100 m squares side by side (one district), a cell.
FeatureLayer two_squares() {
    const double x = 532000.0, y = 6700000.0;
    FeatureLayer layer;
    layer.name = "districts";
    layer.description = "test";
    layer.dissolve = true;
    layer.shapes.push_back({Polygon{{{x, y}, {x + 100, y}, {x + 100, y + 100}, {x, y + 100}}, {}},
                            Polygon{{{x + 100, y}, {x + 200, y}, {x + 200, y + 100}, {x + 100, y + 100}}, {}}});
    layer.fields.push_back({"name", LayerField::Kind::Text, {}, {"Tjärna Ängar"}});
    layer.fields.push_back({"rate", LayerField::Kind::Real, {std::nullopt}, {}});
    layer.fields.push_back({"class", LayerField::Kind::Integer, {2.0}, {}});
    return layer;
}

TEST_F(GdalOutput, AGeoPackageHoldsEachLayerInSweref99TmWithDissolvedOutlinesAndNulls) {
    FeatureLayer cells = two_squares();
    cells.name = "cells";
    cells.dissolve = false;
    cells.shapes = {{cells.shapes[0][0]}};
    write_geopackage(dir_ / "out.gpkg", {two_squares(), cells});
    const Opened d = open(dir_ / "out.gpkg", GDAL_OF_VECTOR);
    ASSERT_TRUE(d);
    ASSERT_EQ(d->GetLayerCount(), 2);
    OGRLayer* districts = d->GetLayerByName("districts");
    ASSERT_NE(districts, nullptr);
    EXPECT_EQ(districts->GetFeatureCount(), 1);
    const OGRSpatialReference* srs = districts->GetSpatialRef();
    ASSERT_NE(srs, nullptr);
    EXPECT_STREQ(srs->GetAuthorityName(nullptr), "EPSG");
    EXPECT_STREQ(srs->GetAuthorityCode(nullptr), "3006");
    std::unique_ptr<OGRFeature> f(districts->GetNextFeature());
    ASSERT_TRUE(f);
    EXPECT_STREQ(f->GetFieldAsString("name"), "Tjärna Ängar");
    EXPECT_TRUE(f->IsFieldNull(f->GetFieldIndex("rate")));
    EXPECT_EQ(f->GetFieldAsInteger("class"), 2);
    const auto* multi = f->GetGeometryRef()->toMultiPolygon();
    ASSERT_EQ(multi->getNumGeometries(), 1) << "the shared edge is dissolved";
    EXPECT_NEAR(multi->get_Area(), 20000.0, 1e-6);
    OGREnvelope box;
    multi->getEnvelope(&box);
    EXPECT_DOUBLE_EQ(box.MinX, 532000.0) << "x is easting";
    EXPECT_DOUBLE_EQ(box.MinY, 6700000.0);
    EXPECT_EQ(d->GetLayerByName("cells")->GetFeatureCount(), 1);
}

TEST_F(GdalOutput, GeoJsonIsRfc7946LongitudeLatitudeNearBorlange) {
    write_geojson(dir_ / "d.geojson", two_squares());
    const std::string text = [&] {
        std::ifstream in(dir_ / "d.geojson");
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    EXPECT_THAT(text, ::testing::Not(HasSubstr("\"crs\""))) << "RFC 7946 has no crs member";
    const Opened d = open(dir_ / "d.geojson", GDAL_OF_VECTOR);
    ASSERT_TRUE(d);
    OGRLayer* layer = d->GetLayer(0);
    OGREnvelope box;
    ASSERT_EQ(layer->GetExtent(&box), OGRERR_NONE);
    // 532 000 E, 6 700 000 N in SWEREF99 TM is about 15.57° E, 60.42° N.
    EXPECT_NEAR(box.MinX, 15.57, 0.05);
    EXPECT_NEAR(box.MinY, 60.42, 0.05);
    EXPECT_LT(box.MaxX - box.MinX, 0.01);
}

TEST_F(GdalOutput, GeoTiffRowsRunNorthToSouthFromTheGridsNorthWestCorner) {
    GridDescription g;
    g.nx = 3;
    g.ny = 2;
    g.x0 = 500050.0;
    g.y0 = 6700050.0;
    g.cell_size = 100.0;
    RasterLayer r{"crimes", "test", {{"all", {1, 2, 3, 4, 5, std::nanf("")}}}};
    write_geotiff(dir_ / "c.tif", r, g);
    const Opened d = open(dir_ / "c.tif", GDAL_OF_RASTER);
    ASSERT_TRUE(d);
    double t[6];
    ASSERT_EQ(d->GetGeoTransform(t), CE_None);
    EXPECT_DOUBLE_EQ(t[0], 500000.0);
    EXPECT_DOUBLE_EQ(t[3], 6700200.0);
    EXPECT_DOUBLE_EQ(t[1], 100.0);
    EXPECT_DOUBLE_EQ(t[5], -100.0);
    EXPECT_STREQ(d->GetSpatialRef()->GetAuthorityCode(nullptr), "3006");
    float top[3], bottom[3];
    GDALRasterBand* band = d->GetRasterBand(1);
    ASSERT_EQ(band->RasterIO(GF_Read, 0, 0, 3, 1, top, 3, 1, GDT_Float32, 0, 0), CE_None);
    ASSERT_EQ(band->RasterIO(GF_Read, 0, 1, 3, 1, bottom, 3, 1, GDT_Float32, 0, 0), CE_None);
    EXPECT_EQ(bottom[0], 1.0f) << "the run's row 0 is the southernmost";
    EXPECT_EQ(top[1], 5.0f);
    EXPECT_TRUE(std::isnan(top[2]));
    EXPECT_STREQ(band->GetDescription(), "all");
}

TEST_F(GdalOutput, AFileThatCannotBeCreatedIsAnOutputErrorNamingIt) {
    const fs::path nowhere = dir_ / "missing" / "out.gpkg";
    try {
        write_geopackage(nowhere, {two_squares()});
        FAIL() << "expected an OutputError";
    } catch (const OutputError& e) {
        EXPECT_THAT(e.what(), HasSubstr(nowhere.string()));
    }
}

TEST_F(GdalOutput, AFolderIsWrittenWholeAndFilesOfOtherNamesInItAreKept) {
    MapLayers layers;
    layers.features = {two_squares()};
    const fs::path out = dir_ / "maps";
    EXPECT_EQ(export_maps(layers, MapFormat::GeoJson, out), (std::vector<fs::path>{"districts.geojson"}));
    EXPECT_TRUE(fs::is_regular_file(out / "districts.geojson"));
    std::ofstream(out / "notes.txt") << "mine";
    export_maps(layers, MapFormat::GeoJson, out);
    EXPECT_TRUE(fs::is_regular_file(out / "notes.txt"));
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{"maps"}) << "no temporary folder left";
}

TEST(MapFormat, NamesRoundTrip) {
    for (const auto& name : map_format_names()) EXPECT_TRUE(map_format_from_name(name)) << name;
    EXPECT_FALSE(map_format_from_name("geojsn"));
    EXPECT_FALSE(writes_folder(MapFormat::GeoPackage));
    EXPECT_TRUE(writes_folder(MapFormat::GeoTiff));
}

}  // namespace
}  // namespace trygg::testing
