#pragma once
// Running the trygg binary end to end from a test: each test gets its own scratch directory
// (work/), the binary runs there with stdin closed, and bad input is checked the same way
// everywhere — status 2, exactly one line on stderr starting "trygg: ", nothing on stdout,
// nothing left in work/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <string>

namespace trygg::testing {

// Single-quoted for sh; none of the tests' paths contain a single quote.
inline std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

struct Outcome {
    int status = -1;  // exit status, or -1 if the process did not exit normally
    std::string out;
    std::string err;
};

inline long count_lines(const std::string& text) {
    return static_cast<long>(std::count(text.begin(), text.end(), '\n'));
}

class TryggCli : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = std::filesystem::temp_directory_path() /
               ("trygg_cli_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" + info->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_ / "work");
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    // Runs `trygg ARGS` in work/; stdout and stderr go to files outside work/ so that the
    // directory listing shows only what trygg wrote.
    // `shell` goes before the binary in the same shell, e.g. "ulimit -f 50;" to run it with a
    // file-size limit.
    Outcome trygg(const std::string& args, const std::string& shell = "") const {
        const auto out = dir_ / "stdout.txt";
        const auto err = dir_ / "stderr.txt";
        const std::string command = "cd " + quoted(work().string()) + " && " + shell + " " + quoted(TRYGG_BINARY) +
                                    " " + args + " </dev/null >" + quoted(out.string()) + " 2>" + quoted(err.string());
        const int raw = std::system(command.c_str());
        Outcome o;
        o.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        o.out = read_text(out);
        o.err = read_text(err);
        return o;
    }

    // Bad input: status 2, one line on stderr that starts "trygg: " and contains each of
    // `parts`, nothing on stdout, and nothing written to the working directory.
    void expect_bad_input(const Outcome& o, std::initializer_list<std::string> parts) const {
        using ::testing::EndsWith;
        using ::testing::HasSubstr;
        using ::testing::IsEmpty;
        using ::testing::StartsWith;
        EXPECT_EQ(o.status, 2) << o.err;
        EXPECT_EQ(count_lines(o.err), 1) << o.err;
        EXPECT_THAT(o.err, StartsWith("trygg: "));
        EXPECT_THAT(o.err, EndsWith("\n"));
        for (const auto& part : parts) EXPECT_THAT(o.err, HasSubstr(part));
        EXPECT_THAT(o.out, IsEmpty());
        EXPECT_THAT(written(), IsEmpty()) << "bad input must leave nothing behind";
    }

    // Everything in work/ that the test itself did not put there.
    std::set<std::string> written() const {
        std::set<std::string> names;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(work())) {
            const std::string name = std::filesystem::relative(entry.path(), work()).string();
            if (!ours_.count(name)) names.insert(name);
        }
        return names;
    }

    // A file the test writes into work/ (a scenario, a config).
    std::filesystem::path put(const std::string& name, const std::string& text) {
        const auto file = work() / name;
        write_text(file, text);
        ours_.insert(name);
        return file;
    }

    std::filesystem::path work() const { return dir_ / "work"; }

    std::filesystem::path dir_;
    std::set<std::string> ours_;
};

}  // namespace trygg::testing
