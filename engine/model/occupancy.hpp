#pragma once
// Occupancy: how many people of each kind are at each site in the current hour. Starts
// with everyone at home and is kept current by applying the day planner's moves.
#include "model/day_plan.hpp"
#include "model/presence.hpp"
#include "model/sites.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace trygg {

class Occupancy {
public:
    Occupancy(const Sites& sites, const RoutineAgents& agents);
    // A snapshot of counts [site][Presence] made elsewhere: the reference model of the hour
    // step (tests/reference) counts who is where by its own plain loop and hands the counts
    // to the same per-event formulas (offence rates, victims) the engine uses.
    explicit Occupancy(std::vector<std::int32_t> counts);

    // One hour of a chunk's moves, with the chunk's own count of what they change: the hour
    // step's path.
    void apply(const MoveBuckets& chunk, int bucket) {
        const auto b = static_cast<std::size_t>(bucket);
        move(chunk.by_hour[b]);
        for (std::size_t k = 0; k < kPresenceKinds; ++k) total_[k] += chunk.change[b][k];
    }
    // Moves on their own (tests): the totals are counted here.
    void apply(const std::vector<Move>& moves) {
        move(moves);
        for (const Move& m : moves) {
            if (m.from >= 0) --total_[static_cast<std::size_t>(m.from) % kPresenceKinds];
            if (m.to >= 0) ++total_[static_cast<std::size_t>(m.to) % kPresenceKinds];
        }
    }
    void set_visitors(std::int32_t site, std::int32_t visitors) {
        count_[static_cast<std::size_t>(slot(site, Presence::Visitor))] = visitors;
    }
    std::int32_t at(std::int32_t site, Presence kind) const {
        return count_[static_cast<std::size_t>(slot(site, kind))];
    }
    const std::int32_t* site_counts(std::int32_t site) const {
        return &count_[static_cast<std::size_t>(slot(site, Presence::HomeAdult))];
    }
    std::int64_t residents_present() const;  // everyone counted, visitors excluded
    // Residents of a kind present anywhere in the city (visitors are not kept here).
    std::int64_t total(Presence kind) const { return total_[static_cast<std::size_t>(kind)]; }
    const std::vector<std::int32_t>& raw() const { return count_; }
    // Saving and restoring a replicate's state (sim/replicate_state.hpp).
    template <class Archive>
    void persist(Archive& a) {
        a.field("count", count_);
        a.field("total", total_);
    }

private:
    void move(const std::vector<Move>& moves) {
        for (const Move& m : moves) {
            if (m.from >= 0) --count_[static_cast<std::size_t>(m.from)];
            if (m.to >= 0) ++count_[static_cast<std::size_t>(m.to)];
        }
    }

    std::vector<std::int32_t> count_;  // [site][Presence]
    std::array<std::int64_t, kPresenceKinds> total_{};
};

}  // namespace trygg
