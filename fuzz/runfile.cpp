// libFuzzer target `runfile`: the HDF5 file of a run or a batch → list_run_groups and
// read_run_file (for the root and for each run group), as `trygg compare` and `--resume` use
// them. The reader takes a path, so the bytes go to a file first.
#include "fuzz_support.hpp"
#include "io/results_file.hpp"

#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = trygg::fuzz::write_input("fuzz_run.h5", data, size);
    std::vector<std::string> groups;
    trygg::fuzz::expect_typed_errors([&] { groups = trygg::list_run_groups(file); });
    if (groups.empty()) {
        trygg::fuzz::expect_typed_errors([&] { (void)trygg::read_run_file(file); });
    }
    for (const auto& group : groups) {
        trygg::fuzz::expect_typed_errors([&] { (void)trygg::read_run_file(file, group); });
    }
    return 0;
}
