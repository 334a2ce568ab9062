// The state file of `trygg run --save-state` / `--from-state`: exact round trip, and every
// state that must not be continued refused with one line — another trygg, city, start date,
// seed or replicate count; a corrupt, truncated or foreign file; a branch that changes the
// state's interventions or adds one it cannot (before the branch, or adaptive).
#include "io/state_file.hpp"

#include "core/error.hpp"
#include "fixtures.hpp"
#include "io/hdf5_handle.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A byte pattern that occurs once in the file, so a test can corrupt it.
const std::vector<std::uint8_t> kMarker = {0x5a, 0xa5, 0x3c, 0xc3, 0x11, 0x22, 0x33, 0x44};

StateFile small_state() {
    StateFile s;
    s.header.trygg_version = "0.1.0 (abc)";
    s.header.city = "c0ffee";
    s.header.start_date = "2025-01-06";
    s.header.seed = 7;
    s.header.replicates = 2;
    s.header.weeks = 3;
    s.header.interventions = {"lighting 1234"};
    for (int r = 0; r < 2; ++r) {
        ReplicateState rs;
        rs.names = {"population.age", "empty", "marker"};
        rs.bytes = {{1, 2, 3, static_cast<std::uint8_t>(r)}, {}, kMarker};
        rs.bytes[2][7] = static_cast<std::uint8_t>(0x44 + r);
        s.replicates.push_back(rs);
    }
    return s;
}

class StateFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("trygg_state_file_" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no InputError)";
}

TEST_F(StateFileTest, RoundTripsExactly) {
    const StateFile s = small_state();
    write_state_file(dir_ / "s.h5", s);
    const StateFile back = read_state_file(dir_ / "s.h5");
    EXPECT_EQ(back.header.trygg_version, s.header.trygg_version);
    EXPECT_EQ(back.header.city, s.header.city);
    EXPECT_EQ(back.header.start_date, s.header.start_date);
    EXPECT_EQ(back.header.seed, s.header.seed);
    EXPECT_EQ(back.header.replicates, 2);
    EXPECT_EQ(back.header.weeks, 3);
    EXPECT_EQ(back.header.interventions, s.header.interventions);
    ASSERT_EQ(back.replicates.size(), 2u);
    for (std::size_t r = 0; r < 2; ++r) {
        EXPECT_EQ(back.replicates[r].names, s.replicates[r].names);
        EXPECT_EQ(back.replicates[r].bytes, s.replicates[r].bytes);
    }
}

TEST_F(StateFileTest, ACorruptTruncatedOrForeignFileIsRefused) {
    write_state_file(dir_ / "s.h5", small_state());
    std::ifstream in(dir_ / "s.h5", std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // One byte of replicate 0's state changed: the checksum says so.
    const std::string marker(kMarker.begin(), kMarker.end());
    const auto at = bytes.find(marker);
    ASSERT_NE(at, std::string::npos);
    std::string corrupt = bytes;
    corrupt[at + 2] = static_cast<char>(corrupt[at + 2] ^ 0x01);
    testing::write_text(dir_ / "corrupt.h5", corrupt);
    EXPECT_THAT(message_of([&] { read_state_file(dir_ / "corrupt.h5"); }), HasSubstr("checksum does not match"));
    testing::write_text(dir_ / "truncated.h5", bytes.substr(0, bytes.size() / 2));
    EXPECT_THAT(message_of([&] { read_state_file(dir_ / "truncated.h5"); }), HasSubstr("truncated.h5"));
    testing::write_text(dir_ / "text.h5", "not HDF5\n");
    EXPECT_THAT(message_of([&] { read_state_file(dir_ / "text.h5"); }), HasSubstr("text.h5"));
    // An HDF5 file of another kind.
    {
        const h5::ErrorContext ctx(dir_ / "other.h5", h5::Mode::Writing);
        h5::File f = h5::create_file(dir_ / "other.h5", ctx);
        h5::write_attribute(f.get(), "file_kind", std::string("trygg run"), ctx);
        h5::save_file(f, dir_ / "other.h5", ctx);
    }
    EXPECT_THAT(message_of([&] { read_state_file(dir_ / "other.h5"); }), HasSubstr("not a trygg state file"));
}

TEST_F(StateFileTest, AnotherFormatVersionIsRefused) {
    write_state_file(dir_ / "s.h5", small_state());
    {
        const h5::ErrorContext ctx(dir_ / "s.h5", h5::Mode::Writing);
        const h5::File f(H5Fopen((dir_ / "s.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        ASSERT_TRUE(f.valid());
        ASSERT_GE(H5Adelete(f.get(), "state_format_version"), 0);
        h5::write_attribute(f.get(), "state_format_version", kStateFormatVersion + 1, ctx);
    }
    EXPECT_THAT(message_of([&] { read_state_file(dir_ / "s.h5"); }),
                HasSubstr("state format version " + std::to_string(kStateFormatVersion + 1)));
}

// What a continuation must share with its state, each refused in one line naming the file.
TEST(StateContinuation, RefusesAnythingButTheSameRunWithItemsAdded) {
    const StateHeader saved = small_state().header;
    ModelParams params;
    Intervention light;
    light.name = "lighting";
    params.interventions = {light};
    StateHeader now = saved;
    now.weeks = 5;
    EXPECT_NO_THROW(check_continuation("trygg run: --from-state s.h5", saved, now, params));
    auto refused = [&](StateHeader h, const ModelParams& p, const std::string& part) {
        const std::string m = message_of([&] { check_continuation("trygg run: --from-state s.h5", saved, h, p); });
        EXPECT_THAT(m, HasSubstr("--from-state s.h5: "));
        EXPECT_THAT(m, HasSubstr(part));
        EXPECT_EQ(m.find('\n'), std::string::npos);
    };
    StateHeader h = now;
    h.trygg_version = "0.2.0 (def)";
    refused(h, params, "written by trygg 0.1.0 (abc), this is trygg 0.2.0 (def)");
    h = now;
    h.city = "beef";
    refused(h, params, "another city or other model parameters");
    h = now;
    h.start_date = "2026-01-05";
    refused(h, params, "starts on 2025-01-06, the scenario on 2026-01-05");
    h = now;
    h.seed = 8;
    refused(h, params, "seed 7, this run's 8");
    h = now;
    h.replicates = 4;
    refused(h, params, "2 replicate(s), this run's 4");
    h = now;
    h.events = true;
    refused(h, params, "--events needs a state saved with --events");
    h = now;
    h.weeks = 3;
    refused(h, params, "must add weeks");
    h = now;
    h.interventions = {};
    refused(h, ModelParams{}, "a branch keeps the state's items");
    h = now;
    h.interventions = {"lighting 9999"};
    refused(h, params, "intervention 1 ('lighting') differs from the state's");
    // Items a branch adds: from the branch (day 21) on, and not adaptive.
    ModelParams branch = params;
    Intervention patrol;
    patrol.name = "patrol";
    patrol.kind = InterventionKind::Patrols;
    patrol.when.first_day = 21;
    branch.interventions.push_back(patrol);
    h = now;
    h.interventions.push_back("patrol 1");
    EXPECT_NO_THROW(check_continuation("trygg run: --from-state s.h5", saved, h, branch));
    branch.interventions.back().when.first_day = 20;
    refused(h, branch, "intervention 'patrol' starts before the branch (day 21");
    branch.interventions.back().when.first_day = 21;
    branch.interventions.back().adaptive = true;
    refused(h, branch, "intervention 'patrol' is adaptive");
}

}  // namespace
}  // namespace trygg
