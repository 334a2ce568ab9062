// `trygg places`: the city's places as the model builds them, for writing scenarios.
#include "cli/cli_fixture.hpp"

#include <algorithm>
#include <sstream>

namespace trygg::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class PlacesCli : public TryggCli {
protected:
    std::string city() const { return quoted(source_path("configs/borlange.yaml")); }
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST_F(PlacesCli, ListsNamedAndNeighbourhoodPlaces) {
    const Outcome o = trygg("places " + city());
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("Maserhallen"));
    EXPECT_THAT(o.out, HasSubstr("local_shop 2081C1140/1"));
    // 30 named places, 52 shops and 172 stops (tests/world/test_neighbourhood.cpp).
    EXPECT_THAT(o.out, HasSubstr("\n254 place(s)\n"));
    EXPECT_TRUE(written().empty());
}

TEST_F(PlacesCli, FiltersByTypeAndDistrictAsCsv) {
    const Outcome o = trygg("places " + city() + " --type local_shop --district 'Tjärna Ängar' --csv");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto lines = lines_of(o.out);
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0], "name,type,district,lat,lon,column,row");
    for (std::size_t k = 1; k < lines.size(); ++k) {
        EXPECT_THAT(lines[k], StartsWith("local_shop 2081C1140/")) << lines[k];
        EXPECT_THAT(lines[k], HasSubstr(",local_shop,Tjärna Ängar,60.")) << lines[k];
    }
}

TEST_F(PlacesCli, NamesItListsAreOnesAScenarioAccepts) {
    // A measure placed at a listed neighbourhood place passes the scenario check.
    const Outcome listed = trygg("places " + city() + " --type local_stop --district 2081R013 --csv");
    ASSERT_EQ(listed.status, 0) << listed.err;
    const auto lines = lines_of(listed.out);
    ASSERT_GE(lines.size(), 2u);
    const std::string stop = lines[1].substr(0, lines[1].find(','));
    put("stop.yaml", "extends: " + quoted(source_path("scenarios/baseline.yaml")) +
                         "\ninterventions:\n  - name: Camera at a stop\n    kind: fixed_cameras\n"
                         "    where: {places: ['" +
                         stop +
                         "']}\n    intensity: 0.8\n    monitored: false\n    cost: {investment_sek: 1.0e5, "
                         "running_sek_per_year: 1.0e4}\n");
    const Outcome o = trygg("run stop.yaml --weeks 1 --replicates 1 -q -o out.h5");
    EXPECT_EQ(o.status, 0) << o.err;
}

TEST_F(PlacesCli, AScenarioListsItsCitysPlacesWithItsOverrides) {
    // One stop per 600 residents instead of 300: about half as many stops.
    put("sparse.yaml", "extends: " + quoted(source_path("scenarios/baseline.yaml")) +
                           "\noverrides:\n  neighbourhood_places.local_stop.residents_per_place: 600\n");
    const Outcome shipped = trygg("places " + quoted(source_path("scenarios/baseline.yaml")) + " --type local_stop");
    const Outcome sparse = trygg("places sparse.yaml --type local_stop");
    ASSERT_EQ(shipped.status, 0) << shipped.err;
    ASSERT_EQ(sparse.status, 0) << sparse.err;
    EXPECT_THAT(shipped.out, HasSubstr("\n172 place(s)\n"));
    const auto count = [](const std::string& out) { return std::count(out.begin(), out.end(), '\n') - 2; };
    EXPECT_NEAR(static_cast<double>(count(sparse.out)), 86.0, 8.0);  // rounding per DeSO
}

TEST_F(PlacesCli, UnknownTypeSuggestsTheClosest) {
    expect_bad_input(trygg("places " + city() + " --type local_shp"),
                     {"--type", "no place type 'local_shp'", "did you mean 'local_shop'?"});
}

TEST_F(PlacesCli, UnknownDistrictIsNamed) {
    expect_bad_input(trygg("places " + city() + " --district 'Tjärna Änger'"),
                     {"--district", "no district 'Tjärna Änger'", "did you mean 'Tjärna Ängar'?"});
}

TEST_F(PlacesCli, MissingCityFile) {
    expect_bad_input(trygg("places nowhere.yaml"), {"nowhere.yaml"});
}

TEST_F(PlacesCli, HelpTeachesTheOptions) {
    const Outcome o = trygg("help places");
    EXPECT_EQ(o.status, 0);
    EXPECT_THAT(o.out, HasSubstr("--district"));
    EXPECT_THAT(o.out, HasSubstr("neighbourhood_places"));
}

}  // namespace
}  // namespace trygg::testing
