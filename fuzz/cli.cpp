// libFuzzer target `cli`: the command line → run_app, argv split at newlines (a seed file
// holds one argument per line) and each cut at its first NUL, as the kernel would pass it. Every bad command line must
// end with exit status 2 and one line; status 1 ("internal error") means an untyped exception escaped a command: a
// finding.
//
// The working directory is an empty temporary one, so an input file named on the command
// line does not exist and nothing is simulated; `run`, `batch` and `short2008` also get an
// --output in a directory that does not exist, so that a command line that passes every check
// stops there instead of simulating (a second --output from the fuzzer is itself an error);
// `validate` gets a --markdown there for the same reason. `report` reads its runs before it
// writes anything, and none exists here.
#include "cli/app.hpp"
#include "fuzz_support.hpp"

#include <unistd.h>

#include <sstream>
#include <string>
#include <vector>

namespace {

void enter_empty_directory() {
    static const bool done = [] {
        std::string pattern = (trygg::fuzz::fs::temp_directory_path() / "trygg-fuzz-cli-XXXXXX").string();
        std::vector<char> buffer(pattern.begin(), pattern.end());
        buffer.push_back('\0');
        if (!::mkdtemp(buffer.data()) || ::chdir(buffer.data()) != 0) std::abort();
        return true;
    }();
    (void)done;
}

std::vector<std::string> split_lines(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args{"trygg"};
    std::string current;
    for (std::size_t k = 0; k < size; ++k) {
        if (data[k] == '\n') {
            args.push_back(current);
            current.clear();
        } else {
            current += static_cast<char>(data[k]);
        }
    }
    if (!current.empty()) args.push_back(current);
    for (auto& a : args) a = a.c_str();
    return args;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    enter_empty_directory();
    std::vector<std::string> args = split_lines(data, size);
    if (args.size() > 1 && (args[1] == "run" || args[1] == "batch" || args[1] == "short2008")) {
        args.push_back("--output");
        args.push_back("/nonexistent-trygg-fuzz/out.h5");
    }
    if (args.size() > 1 && args[1] == "validate") {
        args.push_back("--markdown");
        args.push_back("/nonexistent-trygg-fuzz/validation.md");
    }
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    const int status = trygg::run_app(static_cast<int>(argv.size()), argv.data(), out, err);
    if (status == trygg::kExitInternal) {
        std::fprintf(stderr, "fuzz: exit status 1: %s\n", err.str().c_str());
        std::abort();
    }
    return 0;
}
