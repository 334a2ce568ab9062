#include "cli/app.hpp"

#include <csignal>
#include <iostream>

int main(int argc, char** argv) {
    // Past a file-size limit (ulimit -f) the kernel would kill trygg with SIGXFSZ in the middle
    // of a write, leaving the temporary file behind. Ignored, the write fails with EFBIG
    // instead, and that becomes an OutputError: one line, the temporary file removed.
    std::signal(SIGXFSZ, SIG_IGN);
    return trygg::run_app(argc, argv, std::cout, std::cerr);
}
