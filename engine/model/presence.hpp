#pragma once
// Who is in a cell in a given hour, by kind of person and setting: the counts that
// guardianship, targets and exposure are made of (DESIGN §3.4).
#include <array>
#include <cstdint>

namespace trygg {

enum class Presence : std::uint8_t {
    HomeAdult,     // adults (18+) at home: guardians of their street and homes
    HomeMinor,     // under 18 at home
    IndoorsAdult,  // adults at work, school or a supervised activity
    IndoorsMinor,  // pupils at school, youth at a supervised activity
    PublicAdult,   // adults in public space: shopping, out, night life
    PublicYouth,   // 12–17 in public space, mostly unsupervised time with peers
    PublicChild,   // under 12 in public space
    Visitor,       // non-residents drawn to the centre, Kupolen, the travel centre
    Count
};
inline constexpr int kPresenceKinds = static_cast<int>(Presence::Count);

using PresenceCounts = std::array<std::int32_t, kPresenceKinds>;

inline constexpr int slot(std::int32_t site, Presence kind) {
    return site * kPresenceKinds + static_cast<int>(kind);
}

}  // namespace trygg
