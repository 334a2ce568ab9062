#include "io/memory_budget.hpp"

#include "core/error.hpp"
#include "model/crime_type.hpp"

#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>

namespace trygg {

std::uint64_t result_bytes_per_replicate(const RunSetup& setup, int weeks) {
    const auto cells = static_cast<std::uint64_t>(setup.city.grid.cells());
    const auto districts = static_cast<std::uint64_t>(setup.city.districts.size());
    const auto types = static_cast<std::uint64_t>(kCrimeTypes);
    const auto w = static_cast<std::uint64_t>(weeks);
    const std::uint64_t weekly = 3 * w * districts * types * 4;        // true, reported, est [week][district][type]
    const std::uint64_t maps = 2 * types * cells * 4 + 4 * cells * 4;  // cells, cells_est; four hotspot maps
    const std::uint64_t series = 3 * w * 4 + 24 * types * 4 + 168 * 8 + 64 * districts;
    return weekly + maps + series;
}

std::uint64_t working_bytes_per_replicate(const RunSetup& setup) {
    const auto cells = static_cast<std::uint64_t>(setup.city.grid.cells());
    const auto residents = static_cast<std::uint64_t>(std::max(0, setup.city.population()));
    return 190 * cells + 350 * residents;
}

std::uint64_t physical_memory_bytes() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long page = ::sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || page <= 0) return std::numeric_limits<std::uint64_t>::max();
    return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page);
}

std::uint64_t parse_memory_size(const std::string& text, const std::string& option) {
    const std::string problem = option + ": '" + text + "' is not a memory size (e.g. 16G, 512M)";
    std::size_t digits = 0;
    while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.'))
        ++digits;
    if (digits == 0) throw InputError(problem);
    double value = 0.0;
    try {
        value = std::stod(text.substr(0, digits));
    } catch (const std::exception&) {
        throw InputError(problem);
    }
    std::string unit = text.substr(digits);
    if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
    double scale = 1.0;
    if (unit == "K" || unit == "k") {
        scale = 1e3;
    } else if (unit == "M" || unit == "m") {
        scale = 1e6;
    } else if (unit == "G" || unit == "g") {
        scale = 1e9;
    } else if (unit == "T" || unit == "t") {
        scale = 1e12;
    } else if (!unit.empty()) {
        throw InputError(problem);
    }
    const double bytes = value * scale;
    if (!std::isfinite(bytes) || bytes < 1e6 || bytes > 1e18) {
        throw InputError(option + ": '" + text + "' is out of range [1M, 1000000T]");
    }
    return static_cast<std::uint64_t>(bytes);
}

std::uint64_t memory_limit(const std::optional<std::string>& max_memory, const std::string& command) {
    return max_memory ? parse_memory_size(*max_memory, command + ": --max-memory") : physical_memory_bytes();
}

std::string format_bytes(double bytes) {
    char text[64];
    if (bytes >= 1e12) {
        std::snprintf(text, sizeof text, "%.1f TB", bytes / 1e12);
    } else if (bytes >= 1e9) {
        std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
    } else {
        std::snprintf(text, sizeof text, "%.0f MB", std::ceil(bytes / 1e6));
    }
    return text;
}

void check_memory(double need, std::uint64_t limit, const std::string& command, const std::string& what,
                  const std::string& advice) {
    if (need <= static_cast<double>(limit)) return;
    throw InputError(command + ": " + what + " needs about " + format_bytes(need) + " of memory, more than the " +
                     format_bytes(static_cast<double>(limit)) + " available (--max-memory sets the limit); " + advice);
}

}  // namespace trygg
