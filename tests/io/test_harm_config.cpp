// The crime harm index file of `trygg compare --harm`: the shipped file equals the built-in
// index, and every kind of bad table is one line naming the file, the line and the key.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/harm_config.hpp"

#include <string>

namespace trygg {
namespace {

using ::testing::HasSubstr;

const std::string kGood =
    "name: my_index\n"
    "unit: days of imprisonment\n"
    "source: test\n"
    "weights:\n"
    "  burglary: 182\n"
    "  vehicle_theft: 14\n"
    "  bicycle_theft: 14\n"
    "  other_theft: 14\n"
    "  shop_theft: 14\n"
    "  vandalism: 14\n"
    "  robbery: 365\n"
    "  assault: 30\n"
    "  drugs: 14\n";

std::string error_of(const std::string& text) {
    try {
        parse_harm_index(text, "harm.yaml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return "";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
}

TEST(HarmConfig, ShippedFileEqualsTheBuiltInIndex) {
    const HarmIndex file =
        load_harm_index(std::string(TRYGG_SOURCE_DIR) + "/configs/harm/brottsbalken_minimum_days.yaml");
    const HarmIndex built_in = default_harm_index();
    EXPECT_EQ(file.name, built_in.name);
    EXPECT_EQ(file.unit, built_in.unit);
    EXPECT_EQ(file.source, built_in.source);
    ASSERT_EQ(file.weights.size(), built_in.weights.size());
    for (std::size_t k = 0; k < file.weights.size(); ++k) {
        EXPECT_EQ(file.weights[k].crime_type, built_in.weights[k].crime_type);
        EXPECT_DOUBLE_EQ(file.weights[k].weight, built_in.weights[k].weight) << file.weights[k].crime_type;
    }
}

TEST(HarmConfig, ReadsATable) {
    const HarmIndex h = parse_harm_index(kGood, "harm.yaml");
    EXPECT_EQ(h.name, "my_index");
    EXPECT_DOUBLE_EQ(h.weight_of("assault"), 30.0);
    EXPECT_DOUBLE_EQ(h.weight_of("robbery"), 365.0);
}

TEST(HarmConfig, MisspeltCrimeTypeNamesTheLineAndTheClosestName) {
    const std::string e = error_of(replaced(kGood, "  robbery: 365\n", "  robbery: 365\n  asault: 30\n"));
    EXPECT_THAT(e, HasSubstr("harm.yaml:12"));
    EXPECT_THAT(e, HasSubstr("asault"));
    EXPECT_THAT(e, HasSubstr("did you mean 'assault'"));
    EXPECT_EQ(e.find('\n'), std::string::npos);
}

TEST(HarmConfig, MissingNegativeOrNonNumericWeight) {
    EXPECT_THAT(error_of(replaced(kGood, "  drugs: 14\n", "")), HasSubstr("drugs"));
    EXPECT_THAT(error_of(replaced(kGood, "robbery: 365", "robbery: -1")), HasSubstr("weights.robbery"));
    EXPECT_THAT(error_of(replaced(kGood, "robbery: 365", "robbery: many")), HasSubstr("weights.robbery"));
    EXPECT_THAT(error_of(replaced(kGood, "robbery: 365", "robbery: .nan")), HasSubstr("weights.robbery"));
    EXPECT_THAT(error_of(replaced(kGood, "name: my_index", "name: my index")), HasSubstr("name"));
    EXPECT_THAT(error_of(replaced(kGood, "unit: days of imprisonment\n", "")), HasSubstr("unit"));
    EXPECT_THAT(error_of(kGood + "discount: 0.03\n"), HasSubstr("unknown key 'discount'"));
}

}  // namespace
}  // namespace trygg
