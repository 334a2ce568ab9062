#pragma once
// The reference model's day planner (docs/model.md §4): one person's blocks for one model day,
// worked out from the routine parameters directly — no day tables, no quantile tables, no
// choice tables with guides — and turned into that person's moves between occupancy slots.
//
// It keeps the engine's conventions for using the draws, since the two must draw alike: two
// Philox calls of (DayPlan, person, day), lanes 0 and 1, give fifteen 16-bit uniforms — five
// for which blocks happen, then a timing and a choice per block, in block order; a block
// happens when its uniform is below its probability × 65536 (rounded); the timing's low byte
// picks the start as the normal quantile at (byte + ½)/256, its high byte the length likewise;
// a choice among weighted destinations takes the first whose cumulative share × 65536
// (rounded) exceeds the uniform, and where within that share it fell picks a cell of a
// place's footprint; a programme's decision is a third call, lane 2 + k/8, uniform k mod 8.
#include "core/rng.hpp"
#include "core/timeline.hpp"
#include "model/day_plan.hpp"
#include "model/routine.hpp"
#include "model/sites.hpp"
#include "world/city.hpp"

#include <cstdint>
#include <vector>

namespace trygg::reference {

struct PlannedMove {
    int bucket;  // model-day hour − 4
    std::int32_t from;
    std::int32_t to;
};

// What the planner needs of the day beyond the city: today's programmes and their
// catchments (the deployment's) and who avoids the night (the safety layer's).
struct PlanningDay {
    int day = 0;
    const std::vector<ProgrammeDay>* programmes = nullptr;
    const ProgrammeReach* reach = nullptr;
    const std::uint8_t* avoids_night = nullptr;
    int avoid_from = 21;
};

class ReferencePlanner {
public:
    ReferencePlanner(const City& city, const Sites& sites, const RoutineParams& params, const Timeline& timeline,
                     const CounterRng& rng);

    // Person i's moves on the day, in the order they happen.
    std::vector<PlannedMove> plan(const RoutineAgents& agents, std::size_t i, const PlanningDay& day) const;

private:
    // A weighted choice with a 16-bit uniform: the index chosen (-1 if nothing has weight) and
    // where the uniform fell within its share, in [0, 1).
    static int choose(const std::vector<double>& weights, std::uint32_t u16, double& within);
    int start_of(int schedule, int block, bool late, std::uint32_t byte) const;
    int hours_of(int schedule, int block, std::uint32_t byte) const;
    std::int32_t errand_site(std::int32_t home, std::uint32_t u16) const;
    std::int32_t hangout_site(std::int32_t home, std::uint32_t u16) const;
    std::int32_t night_site(std::uint32_t u16) const;
    std::int32_t cell_of_place(std::size_t place, double within) const;

    const City& city_;
    const Sites& sites_;
    const RoutineParams& params_;
    const Timeline& timeline_;
    const CounterRng& rng_;
    std::vector<double> quantile_;  // [byte] the standard normal quantile at (byte + ½)/256
    std::vector<double> pull_;      // [site] hangout pull: 1 where people live, plus places' shares
};

}  // namespace trygg::reference
