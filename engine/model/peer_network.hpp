#pragma once
// Young people's peer ties (DESIGN §3.3, §3.7): from the school class (same school, same
// year), the neighbourhood (same district, within two years of age), leisure (the same
// programme or activity venue, within two years) and offending together (co-offending
// ties). Each person keeps kTies directed ties in fixed slots: kClassTies from class, then
// kNeighbourTies from the neighbourhood, kLeisureTies from leisure, the rest co-offending.
// Class and neighbourhood ties are formed again each school year, when classes change; a
// leisure tie every four weeks from the venue someone last spent structured time at; co-offending
// ties stay until replaced by newer ones. "Delinquent peers" is measured on
// these ties, not on who happens to stand in the same cell.
#include "core/rng.hpp"
#include "population/population.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

inline constexpr int kClassTies = 3;
inline constexpr int kNeighbourTies = 2;
inline constexpr int kLeisureTies = 1;
inline constexpr int kCoOffendingTies = kTies - kClassTies - kNeighbourTies - kLeisureTies;
inline constexpr int kFirstLeisureTie = kClassTies + kNeighbourTies;
inline constexpr int kFirstCoOffendingTie = kFirstLeisureTie + kLeisureTies;

struct PeerNetworkParams {
    int min_age = 10;  // who has class and neighbourhood ties
    int max_age = 24;
    int neighbour_age_gap = 2;  // neighbourhood peers within this many years
};

// Forms every class and neighbourhood tie anew (co-offending ties are kept). `district`
// is each person's home district; `year` keys the draws so each school year differs.
void form_ties(Population& pop, const std::vector<std::int32_t>& district, const PeerNetworkParams& p,
               const CounterRng& rng, std::uint32_t year);

// Leisure ties: among the young people who spent time at the same venue this week
// (`venue[person]`, -1 for none) and are within `age_gap` years, each gets one of the others
// as their leisure tie (drawn with `week`).
void tie_leisure(Population& pop, const std::vector<std::int32_t>& venue, int age_gap, const CounterRng& rng,
                 std::uint32_t week);

// A co-offending tie each way between a and b (the oldest co-offending slot is replaced).
void tie_co_offenders(Population& pop, std::uint32_t a, std::uint32_t b);

// Clears every tie of person i (they moved away or died); ties *to* i lapse when the
// network is formed again (tie targets are checked for age when read).
void clear_ties(Population& pop, std::size_t i);

// The share of i's live ties for which `is` holds; 0 without ties. A tie to someone more
// than `max_gap` years apart in age has lapsed (its person moved and the home was re-let).
template <class Pred>
double share_of_ties(const Population& pop, std::size_t i, int max_gap, Pred is) {
    int n = 0, yes = 0;
    for (int k = 0; k < kTies; ++k) {
        const std::int32_t j = pop.ties[i * kTies + static_cast<std::size_t>(k)];
        if (j < 0) continue;
        const int gap = static_cast<int>(pop.age[static_cast<std::size_t>(j)]) - static_cast<int>(pop.age[i]);
        if (gap > max_gap || gap < -max_gap) continue;
        ++n;
        if (is(static_cast<std::size_t>(j))) ++yes;
    }
    return n > 0 ? static_cast<double>(yes) / n : 0.0;
}

}  // namespace trygg
