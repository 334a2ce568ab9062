#pragma once
// The trygg command line. run_app is main() minus the process: testable with string streams.
#include <iosfwd>

namespace trygg {

// Exit status: 0 success, 1 internal error, 2 bad input (config, data, command line), 3 an
// output could not be written (disk full, file-size limit, read-only place), 4 out of memory,
// 130 a batch interrupted (what is done is kept for --resume).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitOutput = 3;
inline constexpr int kExitOutOfMemory = 4;
inline constexpr int kExitInterrupted = 130;

int run_app(int argc, const char* const argv[], std::ostream& out, std::ostream& err);

}  // namespace trygg
