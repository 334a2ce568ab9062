#pragma once
// One replicate of the city: a fresh synthetic population and one pass over the horizon.
#include "core/rng.hpp"
#include "core/timeline.hpp"
#include "sim/crime_tally.hpp"
#include "sim/model_params.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace trygg {

struct ReplicateOutput {
    std::vector<std::int32_t> weekly;      // [week][district][type]
    std::vector<std::int32_t> by_cell;     // [type][cell]
    std::vector<std::int32_t> residents;   // [cell] synthetic residents
    std::int64_t agent_hours = 0;
};

// Called after each simulated week with the number of weeks done; may be called from a
// worker thread.
using WeekDone = std::function<void(int)>;

// Runs replicate `key.replicate`. Results depend only on (city, params, timeline, key) —
// never on the number of threads.
ReplicateOutput run_replicate(const City& city, const ModelParams& params, const Timeline& timeline, RngKey key,
                              const WeekDone& on_week = {});

}  // namespace trygg
