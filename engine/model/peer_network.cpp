#include "model/peer_network.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace trygg {
namespace {

// Fills `slots` ties of each member of `group` (persons sharing a class or a
// neighbourhood) with other members drawn at random; groups are small, so a few draws do.
void tie_within(Population& pop, const std::vector<std::uint32_t>& group, int first_slot, int slots,
                const CounterRng& rng, std::uint32_t year, std::uint16_t lane) {
    if (group.size() < 2) return;
    for (std::uint32_t person : group) {
        auto* t = &pop.ties[static_cast<std::size_t>(person) * kTies];
        int made = 0;
        std::array<std::uint32_t, 4> w{};
        for (int attempt = 0; attempt < 4 * slots && made < slots; ++attempt) {
            if (attempt % 4 == 0)
                w = rng.words(Stream::Network, person, year, static_cast<std::uint16_t>(lane * 16 + attempt / 4));
            const std::uint32_t other = group[w[static_cast<std::size_t>(attempt % 4)] % group.size()];
            if (other == person) continue;
            bool dup = false;
            for (int k = first_slot; k < first_slot + made; ++k) dup = dup || t[k] == static_cast<std::int32_t>(other);
            if (dup) continue;
            t[first_slot + made++] = static_cast<std::int32_t>(other);
        }
    }
}

}  // namespace

void form_ties(Population& pop, const std::vector<std::int32_t>& district, const PeerNetworkParams& p,
               const CounterRng& rng, std::uint32_t year) {
    std::vector<std::uint32_t> youth;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        auto* t = &pop.ties[i * kTies];
        std::fill(t, t + kFirstLeisureTie, -1);
        if (pop.age[i] >= p.min_age && pop.age[i] <= p.max_age) youth.push_back(static_cast<std::uint32_t>(i));
    }
    // Classes: same school place and age. Neighbourhoods: same district, age within the gap
    // (grouped by two-year bands so a group is a few dozen young people).
    auto group_by = [&](auto key, int first_slot, int slots, std::uint16_t lane) {
        std::vector<std::uint32_t> order = youth;
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
        std::vector<std::uint32_t> group;
        for (std::size_t k = 0; k <= order.size(); ++k) {
            if (k == order.size() || (!group.empty() && key(order[k]) != key(group.front()))) {
                tie_within(pop, group, first_slot, slots, rng, year, lane);
                group.clear();
            }
            if (k < order.size() && key(order[k]) >= 0) group.push_back(order[k]);
        }
    };
    group_by(
        [&](std::uint32_t i) -> std::int64_t {
            const int school = pop.school_place[i];
            return school < 0 ? -1 : static_cast<std::int64_t>(school) * 256 + pop.age[i];
        },
        0, kClassTies, 0);
    const int band = std::max(1, p.neighbour_age_gap);
    group_by(
        [&](std::uint32_t i) -> std::int64_t {
            return static_cast<std::int64_t>(district[i]) * 256 + pop.age[i] / band;
        },
        kClassTies, kNeighbourTies, 1);
}

void tie_leisure(Population& pop, const std::vector<std::int32_t>& venue, int age_gap, const CounterRng& rng,
                 std::uint32_t week) {
    std::vector<std::uint32_t> there;
    for (std::size_t i = 0; i < venue.size(); ++i) {
        if (venue[i] >= 0) there.push_back(static_cast<std::uint32_t>(i));
    }
    const int band = std::max(1, age_gap);
    auto key = [&](std::uint32_t i) { return static_cast<std::int64_t>(venue[i]) * 256 + pop.age[i] / band; };
    // By venue and age band, persons in order within each (the same order a stable sort gives).
    std::sort(there.begin(), there.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto ka = key(a), kb = key(b);
        return ka != kb ? ka < kb : a < b;
    });
    for (std::size_t first = 0; first < there.size();) {
        std::size_t last = first;
        while (last < there.size() && key(there[last]) == key(there[first])) ++last;
        const std::size_t n = last - first;
        for (std::size_t k = first; n > 1 && k < last; ++k) {
            const std::uint32_t person = there[k];
            const auto w = rng.words(Stream::Network, person, week, 64);
            std::size_t pick = first + w[0] % (n - 1);
            if (pick >= k) ++pick;  // anyone but themselves
            pop.ties[static_cast<std::size_t>(person) * kTies + kFirstLeisureTie] =
                static_cast<std::int32_t>(there[pick]);
        }
        first = last;
    }
}

void tie_co_offenders(Population& pop, std::uint32_t a, std::uint32_t b) {
    auto link = [&](std::uint32_t from, std::uint32_t to) {
        auto* t = &pop.ties[static_cast<std::size_t>(from) * kTies + kFirstCoOffendingTie];
        for (int k = 0; k < kCoOffendingTies; ++k) {
            if (t[k] == static_cast<std::int32_t>(to)) return;
        }
        // Newest first: shift the older ones along, dropping the oldest.
        for (int k = kCoOffendingTies - 1; k > 0; --k) t[k] = t[k - 1];
        t[0] = static_cast<std::int32_t>(to);
    };
    link(a, b);
    link(b, a);
}

void clear_ties(Population& pop, std::size_t i) {
    std::fill(pop.ties.begin() + static_cast<std::ptrdiff_t>(i * kTies),
              pop.ties.begin() + static_cast<std::ptrdiff_t>((i + 1) * kTies), -1);
}

}  // namespace trygg
