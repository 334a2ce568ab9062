#pragma once
// The trygg command line. run_app is main() minus the process: testable with string streams.
#include <iosfwd>

namespace trygg {

// Exit status: 0 success, 1 internal error, 2 bad input (config, data, command line).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitBadInput = 2;

int run_app(int argc, const char* const argv[], std::ostream& out, std::ostream& err);

}  // namespace trygg
