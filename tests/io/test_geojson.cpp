// Data files the city config points at: GeoJSON area polygons and the places CSV. Good files
// read correctly; every bad one is an InputError that names the file (and the line where
// there is one), never a crash or a silently wrong shape.
#include "io/geojson.hpp"

#include "core/error.hpp"
#include "io/places_csv.hpp"
#include "io/projection.hpp"
#include "world/geometry.hpp"
#include "world/place.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <unistd.h>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// Runs `action`, which must throw an InputError, and returns its message.
std::string input_error_from(const std::function<void()>& action) {
    try {
        action();
    } catch (const InputError& e) {
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected an InputError, got: " << e.what();
        return "";
    }
    ADD_FAILURE() << "expected an InputError, nothing was thrown";
    return "";
}

// A scratch directory per test for the small files each test writes.
class DataFiles : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() /
               ("trygg_data_files_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    fs::path write(const std::string& name, const std::string& text) const {
        const fs::path file = dir_ / name;
        std::ofstream out(file, std::ios::binary);
        out << text;
        out.close();
        EXPECT_TRUE(out) << "cannot write " << file;
        return file;
    }

    fs::path dir_;
};

// ---- GeoJSON ----

class GeoJson : public DataFiles {
protected:
    // Coordinates in the test files are already metres: an identity transform keeps them.
    const Projection identity_{"EPSG:3006", "EPSG:3006"};

    AreaCollection read(const std::string& text) const {
        return read_geojson_areas(write("areas.geojson", text), identity_);
    }
    // The error for `text`, which must name the file.
    std::string error_for(const std::string& text) const {
        const fs::path file = write("areas.geojson", text);
        const std::string message = input_error_from([&] { read_geojson_areas(file, identity_); });
        EXPECT_THAT(message, HasSubstr(file.string() + ":"));
        EXPECT_THAT(message, Not(HasSubstr("\n")));
        return message;
    }
    std::string file() const { return (dir_ / "areas.geojson").string(); }
};

std::string collection(const std::string& features) {
    return R"({"type": "FeatureCollection", "features": [)" + features + "]}";
}

std::string feature(const std::string& geometry, const std::string& properties = R"({"code": "A"})") {
    return R"({"type": "Feature", "properties": )" + properties + R"(, "geometry": )" + geometry + "}";
}

const std::string kSquare = R"({"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]})";

TEST_F(GeoJson, PolygonWithAHole) {
    const AreaCollection c = read(collection(feature(
        R"({"type": "Polygon", "coordinates": [
              [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]],
              [[40, 40], [60, 40], [60, 60], [40, 60], [40, 40]]]})")));
    ASSERT_EQ(c.features.size(), 1u);
    const Shape& shape = c.features[0].shape;
    ASSERT_EQ(shape.size(), 1u);
    EXPECT_EQ(shape[0].outer.size(), 4u);  // the repeated closing position is dropped
    ASSERT_EQ(shape[0].holes.size(), 1u);
    EXPECT_EQ(shape[0].holes[0].size(), 4u);
    EXPECT_DOUBLE_EQ(area(shape), 100.0 * 100.0 - 20.0 * 20.0);
    EXPECT_TRUE(contains(shape, {10, 10}));
    EXPECT_FALSE(contains(shape, {50, 50}));  // in the hole
    EXPECT_FALSE(contains(shape, {150, 50}));
    EXPECT_FALSE(c.crs.has_value());
}

TEST_F(GeoJson, MultiPolygon) {
    const AreaCollection c = read(collection(feature(
        R"({"type": "MultiPolygon", "coordinates": [
              [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]],
              [[[20, 0], [40, 0], [40, 20], [20, 20], [20, 0]]]]})")));
    ASSERT_EQ(c.features.size(), 1u);
    const Shape& shape = c.features[0].shape;
    ASSERT_EQ(shape.size(), 2u);
    EXPECT_DOUBLE_EQ(area(shape), 100.0 + 400.0);
    EXPECT_TRUE(contains(shape, {5, 5}));
    EXPECT_TRUE(contains(shape, {30, 10}));
    EXPECT_FALSE(contains(shape, {15, 5}));  // between the two parts
}

TEST_F(GeoJson, PropertiesAreReadAsText) {
    const AreaCollection c = read(collection(
        feature(kSquare,
                R"({"deso": "2081C1140", "pop": 752, "share": 0.5, "rural": true, "gone": null, "list": [1]})") +
        "," + feature(kSquare, R"({"deso": "2081C1150"})")));
    ASSERT_EQ(c.features.size(), 2u);
    const auto& p = c.features[0].properties;
    EXPECT_EQ(p.at("deso"), "2081C1140");
    EXPECT_EQ(p.at("pop"), "752");
    EXPECT_EQ(p.at("share"), "0.5");
    EXPECT_EQ(p.at("rural"), "true");
    EXPECT_EQ(p.count("gone"), 0u);
    EXPECT_EQ(p.count("list"), 0u);
    EXPECT_EQ(c.features[1].properties.at("deso"), "2081C1150");
}

TEST_F(GeoJson, DeclaredCrs) {
    const fs::path f =
        write("areas.geojson",
              R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:3006"}},
                                 "features": [)" +
                  feature(kSquare) + "]}");
    EXPECT_EQ(geojson_crs(f), "EPSG:3006");
    EXPECT_EQ(read_geojson_areas(f, identity_).crs, "EPSG:3006");
    const fs::path plain = write("plain.geojson", collection(feature(kSquare)));
    EXPECT_EQ(geojson_crs(plain), "OGC:CRS84");
}

TEST_F(GeoJson, ProjectsLongitudeLatitudeToSweref) {
    const Projection to_grid("EPSG:4326", "EPSG:3006");
    const fs::path f = write(
        "areas.geojson",
        collection(feature(
            R"({"type": "Polygon", "coordinates": [[[15.42, 60.48], [15.44, 60.48], [15.44, 60.49], [15.42, 60.49], [15.42, 60.48]]]})")));
    const AreaCollection c = read_geojson_areas(f, to_grid);
    const Point p = c.features[0].shape[0].outer[0];
    // Borlänge in SWEREF99 TM: easting about 523 km, northing about 6 705 km (x east, y north).
    EXPECT_NEAR(p.x, 523000, 5000);
    EXPECT_NEAR(p.y, 6705000, 5000);
    // 0.02° of longitude by 0.01° of latitude at 60.5° N: about 1.1 km × 1.1 km.
    EXPECT_NEAR(area(c.features[0].shape), 1.1e6 * 1.1, 0.1e6);
}

TEST_F(GeoJson, NotJsonNamesTheLine) {
    const std::string m = error_for("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    oops\n  ]\n}\n");
    EXPECT_THAT(m, HasSubstr(file() + ":4: not valid JSON"));
}

TEST_F(GeoJson, EmptyFileIsNotJson) {
    EXPECT_THAT(error_for(""), HasSubstr(file() + ":1: not valid JSON"));
}

TEST_F(GeoJson, MissingFile) {
    const fs::path missing = dir_ / "missing.geojson";
    EXPECT_THAT(input_error_from([&] { read_geojson_areas(missing, identity_); }),
                HasSubstr(missing.string() + ": cannot open file"));
    EXPECT_THAT(input_error_from([&] { geojson_crs(missing); }), HasSubstr(missing.string() + ": cannot open file"));
}

TEST_F(GeoJson, NotAFeatureCollection) {
    EXPECT_THAT(error_for(feature(kSquare)), HasSubstr(file() + ": expected a GeoJSON FeatureCollection"));
    EXPECT_THAT(error_for("[]"), HasSubstr(file() + ": expected a GeoJSON FeatureCollection"));
    EXPECT_THAT(error_for(R"({"type": "FeatureCollection", "features": {}})"),
                HasSubstr(file() + ": expected a GeoJSON FeatureCollection"));
    EXPECT_THAT(error_for(R"({"type": "FeatureCollection"})"),
                HasSubstr(file() + ": expected a GeoJSON FeatureCollection"));
}

TEST_F(GeoJson, PointIsNotAnArea) {
    const std::string m =
        error_for(collection(feature(kSquare) + "," + feature(R"({"type": "Point", "coordinates": [1, 2]})")));
    EXPECT_THAT(m, HasSubstr(file() + ": feature 1: geometry type 'Point' is not an area (Polygon or MultiPolygon)"));
}

TEST_F(GeoJson, EmptyCollection) {
    EXPECT_THAT(error_for(collection("")), HasSubstr(file() + ": the FeatureCollection has no features"));
}

TEST_F(GeoJson, RingWithFewerThanFourPositions) {
    const std::string m = error_for(collection(
        feature(kSquare) + "," + feature(R"({"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [0, 0]]]})")));
    EXPECT_THAT(m, HasSubstr(file() + ": feature 1: a polygon ring needs at least 4 positions"));
}

TEST_F(GeoJson, HoleWithFewerThanFourPositions) {
    const std::string m = error_for(collection(feature(
        R"({"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[1, 1], [2, 2]]]})")));
    EXPECT_THAT(m, HasSubstr(file() + ": feature 0: a polygon ring needs at least 4 positions"));
}

TEST_F(GeoJson, PolygonWithoutRings) {
    EXPECT_THAT(error_for(collection(feature(R"({"type": "Polygon", "coordinates": []})"))),
                HasSubstr(file() + ": feature 0: a Polygon needs at least one ring"));
}

TEST_F(GeoJson, PositionThatIsNotTwoNumbers) {
    EXPECT_THAT(error_for(collection(feature(
                    R"({"type": "Polygon", "coordinates": [[[0, 0], [10, "a"], [10, 10], [0, 10], [0, 0]]]})"))),
                HasSubstr(file() + ": feature 0: a position must be [x, y] numbers"));
    EXPECT_THAT(
        error_for(collection(feature(R"({"type": "Polygon", "coordinates": [[[0], [10, 0], [10, 10], [0, 0]]]})"))),
        HasSubstr(file() + ": feature 0: a position must be [x, y] numbers"));
}

TEST_F(GeoJson, FeatureWithoutGeometry) {
    EXPECT_THAT(error_for(collection(R"({"type": "Feature", "properties": {}})")),
                HasSubstr(file() + ": feature 0: missing geometry"));
    EXPECT_THAT(error_for(collection(R"({"type": "Feature", "properties": {}, "geometry": null})")),
                HasSubstr(file() + ": feature 0: missing geometry"));
}

TEST_F(GeoJson, MultiPolygonCoordinatesNotAnArray) {
    EXPECT_THAT(error_for(collection(feature(R"({"type": "MultiPolygon", "coordinates": 5})"))),
                HasSubstr(file() + ": feature 0: the geometry has no coordinates array"));
}

// Known shortcomings, kept as disabled tests until geojson.cpp handles them (see the report):
// the reader uses const operator[] on keys it has not checked (undefined behaviour in
// nlohmann::json: a crash) and value("type", "") on members that are not strings (throws
// json::type_error, which the CLI reports as an internal error with exit status 1).
TEST_F(GeoJson, PolygonWithoutCoordinates) {
    EXPECT_THAT(error_for(collection(feature(R"({"type": "Polygon"})"))), HasSubstr(file() + ": feature 0:"));
}

TEST_F(GeoJson, TypeThatIsNotAString) {
    EXPECT_THAT(error_for(R"({"type": 5, "features": []})"), HasSubstr(file()));
    EXPECT_THAT(error_for(collection(feature(R"({"type": 7, "coordinates": []})"))),
                HasSubstr(file() + ": feature 0:"));
}

// RFC 7946 §3.1.6: a ring's last position equals its first. The reader drops the last
// position unconditionally, so an unclosed square silently becomes a triangle.
TEST_F(GeoJson, UnclosedRing) {
    EXPECT_THAT(
        error_for(collection(feature(R"({"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10]]]})"))),
        HasSubstr(file() + ": feature 0:"));
}

// Fuzz finding (fuzz/geojson.cpp): a number beyond a double's range is not a JSON syntax error
// to nlohmann::json but an out_of_range exception, which escaped as "internal error".
TEST_F(GeoJson, ANumberTooLargeForADoubleIsBadInput) {
    const std::string huge = R"({"type": "Polygon", "coordinates": [[[0, 0], [1e400, 0], [10, 10], [0, 0]]]})";
    EXPECT_THAT(error_for(collection(feature(huge))), HasSubstr(file() + ": not valid JSON: "));
    const fs::path crs = write("crs.geojson", R"({"type": "FeatureCollection", "x": 60.1e308, "features": []})");
    EXPECT_THAT(input_error_from([&] { geojson_crs(crs); }), HasSubstr("number overflow"));
}

// ---- places CSV ----

class PlacesCsv : public DataFiles {
protected:
    const Projection identity_{"EPSG:3006", "EPSG:3006"};

    std::vector<PlaceRecord> read(const std::string& text) const {
        return read_places_csv(write("places.csv", text), identity_);
    }
    std::string error_for(const std::string& text) const {
        const fs::path file = write("places.csv", text);
        const std::string message = input_error_from([&] { read_places_csv(file, identity_); });
        EXPECT_THAT(message, HasSubstr(file.string() + ":"));
        EXPECT_THAT(message, Not(HasSubstr("\n")));
        return message;
    }
    std::string file() const { return (dir_ / "places.csv").string(); }
};

const std::string kHeader = "name,type,lat,lon,notes\n";

TEST_F(PlacesCsv, QuotedFieldsWithCommas) {
    const auto places = read(kHeader +
                             "\"Kupolen, the big one\",shopping_centre,60.4840,15.4180,\"notes, with \"\"quotes\"\"\"\n"
                             "Maserhallen,sports_hall,60.49203,15.41156,\n");
    ASSERT_EQ(places.size(), 2u);
    EXPECT_EQ(places[0].place.name, "Kupolen, the big one");
    EXPECT_EQ(places[0].place.type, PlaceType::ShoppingCentre);
    EXPECT_DOUBLE_EQ(places[0].place.where.x, 15.4180);  // identity transform: (lon, lat)
    EXPECT_DOUBLE_EQ(places[0].place.where.y, 60.4840);
    EXPECT_EQ(places[0].line, 2);
    EXPECT_EQ(places[1].place.name, "Maserhallen");
    EXPECT_EQ(places[1].place.type, PlaceType::SportsHall);
    EXPECT_EQ(places[1].line, 3);
}

TEST_F(PlacesCsv, ColumnsInAnyOrderCrlfAndBlankLines) {
    const auto places =
        read("lon,notes,type,name,lat\r\n15.5,x,bus_stop,Stop A,60.5\r\n\r\n15.6,,school,School B,60.6\r\n");
    ASSERT_EQ(places.size(), 2u);
    EXPECT_EQ(places[0].place.name, "Stop A");
    EXPECT_EQ(places[0].place.type, PlaceType::BusStop);
    EXPECT_DOUBLE_EQ(places[0].place.where.x, 15.5);
    EXPECT_EQ(places[1].place.name, "School B");
    EXPECT_EQ(places[1].line, 4);  // the blank line still counts
}

TEST_F(PlacesCsv, SplitsRfc4180Fields) {
    EXPECT_THAT(split_csv_line("a,\"b,c\",\"d \"\"e\"\"\""), ElementsAre("a", "b,c", "d \"e\""));
    EXPECT_THAT(split_csv_line(",,"), ElementsAre("", "", ""));
    EXPECT_THAT(split_csv_line("x,y\r"), ElementsAre("x", "y"));
    EXPECT_THAT(split_csv_line(""), ElementsAre(""));
}

TEST_F(PlacesCsv, UnknownTypeSuggestsTheClosest) {
    EXPECT_THAT(error_for(kHeader + "A,school,60,15,\nB,shoping_centre,60,15,\n"),
                HasSubstr(file() + ":3: type: unknown place type 'shoping_centre' (did you mean 'shopping_centre'?)"));
}

TEST_F(PlacesCsv, LatitudeOutOfRange) {
    EXPECT_THAT(error_for(kHeader + "A,school,91,15,\n"),
                HasSubstr(file() + ":2: lat: value 91 is out of range [-90, 90]"));
    EXPECT_THAT(error_for(kHeader + "A,school,-90.5,15,\n"),
                HasSubstr(file() + ":2: lat: value -90.5 is out of range"));
}

TEST_F(PlacesCsv, LongitudeOutOfRange) {
    EXPECT_THAT(error_for(kHeader + "A,school,60,181,\n"),
                HasSubstr(file() + ":2: lon: value 181 is out of range [-180, 180]"));
}

TEST_F(PlacesCsv, CoordinateThatIsNotANumber) {
    EXPECT_THAT(error_for(kHeader + "A,school,sixty,15,\n"),
                HasSubstr(file() + ":2: lat: expected a number, got 'sixty'"));
    EXPECT_THAT(error_for(kHeader + "A,school,60,15 ,\n"), HasSubstr(file() + ":2: lon: expected a number, got '15 '"));
    EXPECT_THAT(error_for(kHeader + "A,school,,15,\n"), HasSubstr(file() + ":2: lat: expected a number, got ''"));
}

TEST_F(PlacesCsv, WrongFieldCount) {
    EXPECT_THAT(error_for(kHeader + "A,school,60,15,\nB,school,60,15,x,extra\n"),
                HasSubstr(file() + ":3: expected 5 fields, found 6"));
    EXPECT_THAT(error_for(kHeader + "A,school,60\n"), HasSubstr(file() + ":2: expected 5 fields, found 3"));
    // An unclosed quote swallows the rest of the line.
    EXPECT_THAT(error_for(kHeader + "\"A,school,60,15,\n"), HasSubstr(file() + ":2: expected 5 fields, found 1"));
}

TEST_F(PlacesCsv, MissingColumn) {
    EXPECT_THAT(error_for("name,type,latitude,lon\nA,school,60,15\n"), HasSubstr(file() + ":1: missing column 'lat'"));
}

TEST_F(PlacesCsv, EmptyFile) {
    EXPECT_THAT(error_for(""), HasSubstr(file() + ":1: the file is empty"));
}

TEST_F(PlacesCsv, EmptyName) {
    EXPECT_THAT(error_for(kHeader + ",school,60,15,\n"), HasSubstr(file() + ":2: name: empty place name"));
}

TEST_F(PlacesCsv, MissingFile) {
    const fs::path missing = dir_ / "missing.csv";
    EXPECT_THAT(input_error_from([&] { read_places_csv(missing, identity_); }),
                HasSubstr(missing.string() + ": cannot open file"));
}

}  // namespace
}  // namespace trygg
