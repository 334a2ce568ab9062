#pragma once
// Whether a command's results fit in memory, estimated before anything is simulated from the
// shapes of its outputs. A run that cannot fit is refused at once with the estimate and the
// limit (InputError, exit 2), instead of starting with an ETA of days and dying of bad_alloc
// hours later.
#include "io/run_setup.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace trygg {

// Bytes of RunResults per replicate over `weeks` weeks: the weekly counts by district and
// type, the cell maps by type, the hotspot maps and series, by hour and youth hours. Events
// (--events) are not counted: their number is what the run finds out.
std::uint64_t result_bytes_per_replicate(const RunSetup& setup, int weeks);

// Bytes a replicate needs while it runs (population, schedules, occupancy, fields, its own
// output). Measured: 41 MB for Borlänge at 100 m (128,440 cells, 51,425 residents) with
// trygg 0.x on x86-64; modelled as 190 bytes per cell plus 350 per resident.
std::uint64_t working_bytes_per_replicate(const RunSetup& setup);

// The machine's physical memory (sysconf), the default limit.
std::uint64_t physical_memory_bytes();

// "16G", "512M", "2T", "1000000" (bytes) for --max-memory: InputError naming `option` else.
std::uint64_t parse_memory_size(const std::string& text, const std::string& option);

// The limit: --max-memory if given, else the physical memory.
std::uint64_t memory_limit(const std::optional<std::string>& max_memory, const std::string& command);

// "12.3 GB": decimal units, one decimal.
std::string format_bytes(double bytes);

// InputError "<command>: <what> needs about N GB of memory, more than the M GB available …;
// <advice>" when need > limit. `what` says what was counted, e.g. "10000 replicates × 523 weeks".
void check_memory(double need, std::uint64_t limit, const std::string& command, const std::string& what,
                  const std::string& advice);

}  // namespace trygg
