#include "cli/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ostream>

namespace trygg {

ProgressLine::ProgressLine(std::ostream& out, bool enabled, std::string label)
    : out_(out), enabled_(enabled), label_(std::move(label)), start_(std::chrono::steady_clock::now()) {}

void ProgressLine::update(std::int64_t done, std::int64_t total, const std::string& note) {
    if (!enabled_ || total <= 0) return;
    const std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    // At most ten redraws a second, and always the last one.
    if (done < total && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    drawn_ = true;
    const double fraction = static_cast<double>(done) / static_cast<double>(total);
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    constexpr int width = 30;
    const int filled = static_cast<int>(std::lround(fraction * width));
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    std::string eta = "ETA --";
    if (done > 0 && done < total) eta = "ETA " + format_duration(elapsed / fraction - elapsed);
    if (done >= total) eta = "done in " + format_duration(elapsed);
    char percent[16];
    std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(fraction * 100));
    out_ << '\r' << label_ << " [" << bar << "] " << percent << "  " << done << '/' << total << "  " << eta
         << (note.empty() ? "" : "  " + note) << "\x1b[K" << std::flush;
}

void ProgressLine::finish() {
    const std::lock_guard lock(mutex_);
    if (enabled_ && drawn_) out_ << '\n' << std::flush;
    drawn_ = false;
}

std::string format_duration(double seconds) {
    const auto s = static_cast<long>(std::lround(seconds));
    char buf[48];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld h %02ld min", s / 3600, (s % 3600) / 60);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%ld min %02ld s", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld s", s);
    return buf;
}

bool stderr_is_terminal() {
    return isatty(STDERR_FILENO) != 0;
}

}  // namespace trygg
