// The command-line parser shared by the subcommands (cli/options.cpp), called directly.
#include "cli/app.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace trygg {
namespace {

namespace po = boost::program_options;
using ::testing::HasSubstr;

po::options_description some_options() {
    po::options_description o("Options");
    o.add_options()("output,o", po::value<std::string>(), "file")("threads,t", po::value<long long>(), "threads");
    return o;
}

std::string error_of(const std::vector<std::string>& args) {
    try {
        parse_command_line(args, some_options(), {"scenario"}, "run");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

TEST(Options, ParsesOptionsAndThePositionalArgument) {
    const auto vm =
        parse_command_line({"s.yaml", "-o", "out.h5", "--threads", "2"}, some_options(), {"scenario"}, "run");
    EXPECT_EQ(vm["scenario"].as<std::string>(), "s.yaml");
    EXPECT_EQ(vm["output"].as<std::string>(), "out.h5");
    EXPECT_EQ(vm["threads"].as<long long>(), 2);
}

TEST(Options, AnUnknownOptionNamesItAndTheHelp) {
    EXPECT_THAT(error_of({"--replicas"}), HasSubstr("unrecognised option '--replicas' (see trygg help run)"));
}

// Fuzz finding (fuzz/cli.cpp): Boost expanded %original_token% in its own message forever, so
// `trygg places --%original_token%csv` never returned and grew without bound.
TEST(Options, AnArgumentHoldingABoostPlaceholderIsRefusedAtOnce) {
    EXPECT_THAT(error_of({"--%original_token%csv"}),
                HasSubstr("argument '--%original_token%csv' contains '%original_token%'"));
    EXPECT_THAT(error_of({"--%canonical_option%"}), HasSubstr("contains '%canonical_option%'"));
    EXPECT_THAT(error_of({"-t", "%value%"}), HasSubstr("contains '%value%'"));
}

TEST(Options, APlaceholderIsOneLineOfBadInputFromTheCommandLine) {
    const char* argv[] = {"trygg", "places", "--%original_token%csv"};
    std::ostringstream out, err;
    EXPECT_EQ(run_app(3, argv, out, err), kExitBadInput);
    const std::string message = err.str();
    EXPECT_THAT(message, HasSubstr("trygg: error: trygg places: argument '--%original_token%csv'"));
    EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1);
}

TEST(Options, APercentSignAloneIsAnOrdinaryCharacter) {
    const auto vm = parse_command_line({"100%.yaml", "-o", "a%b%.h5"}, some_options(), {"scenario"}, "run");
    EXPECT_EQ(vm["scenario"].as<std::string>(), "100%.yaml");
    EXPECT_EQ(vm["output"].as<std::string>(), "a%b%.h5");
}

}  // namespace
}  // namespace trygg
