#pragma once
// Shared by the libFuzzer harnesses (docs/reliability.md). The parsers read files by path and
// resolve relative names (extends:, city:, data/…) against the file's directory, so each
// harness writes its input into a private copy of the repository's layout made of symlinks to
// the shipped files: a fuzzed scenario can extend baseline.yaml, a fuzzed experiment can name
// ../../scenarios/combined.yaml, and the real configs are never touched.
#include "core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

namespace trygg::fuzz {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir holding scenarios/*.yaml, configs/borlange.yaml,
// configs/data/ and configs/experiments/*.yaml as symlinks to the source tree; removed at exit.
const fs::path& workspace();

// Writes the fuzzer's bytes to `relative` inside the workspace and returns the full path.
fs::path write_input(const std::string& relative, const std::uint8_t* data, std::size_t size);

// Runs the parser: InputError (and its ConfigError) is the expected answer to bad input; any
// other exception is a finding, reported with its message before libFuzzer records the crash.
template <class Parse>
void expect_typed_errors(Parse&& parse) {
    try {
        parse();
    } catch (const InputError&) {
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz: untyped exception: %s\n", e.what());
        std::abort();
    }
}

}  // namespace trygg::fuzz
