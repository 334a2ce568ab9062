#pragma once
// Bad input in a copy of the shipped city config: the fixture that writes configs/borlange.yaml
// with edits into a scratch directory (with its data files), loads it and checks that the one
// ConfigError names the file, the line and the dotted key. Shared by the city config's tests
// (test_city_config.cpp, test_youth_config.cpp).
#include "core/error.hpp"
#include "io/city_config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

namespace trygg::testing {

inline const std::filesystem::path kConfigDir = std::filesystem::path(TRYGG_SOURCE_DIR) / "configs";
inline const std::filesystem::path kConfig = kConfigDir / "borlange.yaml";

inline std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
    return n;
}

// 1-based line of the byte at `pos`.
inline int line_at(const std::string& text, std::size_t pos) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

// Each test gets a scratch directory holding a copy of configs/data and a modified copy of
// borlange.yaml next to it, so relative data paths resolve as in the real tree.
class CityConfigErrors : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = std::filesystem::temp_directory_path() /
               ("trygg_city_config_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" + info->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_ / "data");
        for (const auto& entry : std::filesystem::directory_iterator(kConfigDir / "data")) {
            std::filesystem::copy_file(entry.path(), dir_ / "data" / entry.path().filename());
        }
        original_ = read_text(kConfig);
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    std::filesystem::path config_path() const { return dir_ / "borlange.yaml"; }
    std::string label() const { return config_path().string(); }

    // Writes the real config with each `from` (which must occur exactly once, so the edit is
    // unambiguous and cannot silently miss) replaced by its `to`. Returns the 1-based line
    // where the first edit begins.
    int write_with(const std::vector<std::pair<std::string, std::string>>& edits) {
        text_ = original_;
        int first_line = -1;
        for (const auto& [from, to] : edits) {
            const std::size_t n = count_of(text_, from);
            if (n != 1) {
                ADD_FAILURE() << "the edit must match exactly once, matched " << n << " times: " << from;
                continue;
            }
            const std::size_t pos = text_.find(from);
            if (first_line < 0) first_line = line_at(text_, pos);
            text_.replace(pos, from.size(), to);
        }
        EXPECT_NE(text_, original_) << "the edits changed nothing";
        write_text(config_path(), text_);
        return first_line;
    }
    int write_with(const std::string& from, const std::string& to) { return write_with({{from, to}}); }

    // 1-based line of the one occurrence of `needle` in the written config.
    int line_of(const std::string& needle) const {
        EXPECT_EQ(count_of(text_, needle), 1u) << needle;
        const std::size_t pos = text_.find(needle);
        return pos == std::string::npos ? -1 : line_at(text_, pos);
    }

    ConfigError load_error() const {
        return config_error_from([&] { load_city_config(config_path()); });
    }

    // The error names this config, the line and the key, on one line, with the problem.
    void expect_error(const ConfigError& e, int line, const std::string& key, const std::string& problem) const {
        EXPECT_EQ(e.file(), label());
        EXPECT_EQ(e.line(), line);
        EXPECT_EQ(e.key(), key);
        std::string where = label() + ":" + std::to_string(line);
        if (!key.empty()) where += ": " + key;
        EXPECT_THAT(e.what(), ::testing::HasSubstr(where + ": "));
        EXPECT_THAT(e.what(), ::testing::HasSubstr(problem));
        EXPECT_THAT(e.what(), ::testing::Not(::testing::HasSubstr("\n")));
    }

    std::filesystem::path dir_;
    std::string original_;
    std::string text_;
};

}  // namespace trygg::testing
