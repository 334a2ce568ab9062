#pragma once
// A one-line progress bar with ETA on stderr, drawn only when stderr is a terminal, so that
// logs and pipes stay clean. Safe to call from several threads.
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string>

namespace trygg {

class ProgressLine {
public:
    ProgressLine(std::ostream& out, bool enabled, std::string label);
    // `note` follows the ETA, e.g. "12/90 replicates".
    void update(std::int64_t done, std::int64_t total, const std::string& note = "");
    void finish();

private:
    std::ostream& out_;
    bool enabled_;
    std::string label_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_{};
    std::mutex mutex_;
    bool drawn_ = false;
};

// "1 h 02 min", "3 min 05 s", "12 s".
std::string format_duration(double seconds);
bool stderr_is_terminal();

}  // namespace trygg
