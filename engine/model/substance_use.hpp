#pragma once
// ANDTS among 13–24-year-olds (DESIGN §3.9): alcohol and narcotics, each none →
// experimenting → regular. Initiation spreads through peers (the share of one's ties who
// use) and availability (narcotics: an open drug market in the home district); regular
// narcotics use can leave a drug debt, a lever of recruitment into networks (Brå 2016:
// "Narkotikabrottslighet och skulder"). The weekly hazards by age are set so that the
// baseline's prevalence in year 9 and gymnasium year 2 matches CAN's national school
// survey (Skolelevers drogvanor), and the initial state is drawn from the same figures.
#include "population/population.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace trygg {

// Prevalence of experimenting-or-regular and of regular use at one age (CAN).
struct UsePoint {
    int age = 0;
    double any = 0.0;      // past-year use (alcohol) / ever used (narcotics)
    double regular = 0.0;  // monthly intensive drinking / narcotics in the past month
};

struct SubstanceParams {
    int min_age = 13;
    int max_age = 24;
    // The observed age profile per substance, interpolated linearly between points: the
    // initial state, and what the weekly hazards are derived from.
    std::array<std::vector<UsePoint>, 2> profile;  // [alcohol, narcotics]
    // Initiation × (1 + gain × (share of ties using − the share using at that age)): peers
    // who use more than is usual for their age draw a young person in (Kandel 1985).
    double peer_gain = 0.0;
    double market_gain = 0.0;    // narcotics initiation × (1 + gain) where a drug market is open
    double quit_per_year = 0.0;  // regular → experimenting
    double debt_per_year = 0.0;  // regular narcotics users who fall into debt in a year
    double debt_clear_per_year = 0.0;
    double prevention_effect = 0.0;  // × (1 − effect) on initiation for participants (andts_prevention)
};

inline constexpr int kAlcohol = 0;
inline constexpr int kNarcotics = 1;

// Interpolated profile of `substance` at `age` (0 outside the profile's ages).
UsePoint use_at(const SubstanceParams& p, int substance, int age);

// Weekly hazards at `age` that carry the observed profile forward one year of age:
// initiation (none → any) and progression (any → regular).
struct UseHazards {
    double initiation = 0.0;
    double progression = 0.0;
};
UseHazards use_hazards(const SubstanceParams& p, int substance, int age);

// The initial level of `substance` for a person of `age` years and a fraction of a year
// since their birthday (the profile is read there: a 15-year-old is 15½ on average), from
// a uniform draw.
Use initial_use(const SubstanceParams& p, int substance, double age, double u);

// The hazards and the usual share of users at each age, tabulated once for the weekly step.
class UseTable {
public:
    explicit UseTable(const SubstanceParams& p);
    const UseHazards& hazards(int substance, int age) const { return hazards_[index(substance, age)]; }
    double usual(int substance, int age) const { return usual_[index(substance, age)]; }

private:
    static std::size_t index(int substance, int age) { return static_cast<std::size_t>(substance * 256 + age); }
    std::vector<UseHazards> hazards_;
    std::vector<double> usual_;
};

// One week for one substance: the new level from the current one and two uniform draws.
// `peers_using` is the share of ties using the substance; `market` whether an open drug
// market is in the home district; `prevented` whether the person is in a prevention programme.
Use next_use(const SubstanceParams& p, int substance, int age, Use now, double peers_using, bool market, bool prevented,
             double u);
// The same from the table, with `peers_beyond_usual`: the share of ties using less the share
// usual at those ties' own ages (so ties younger or older than the person do not bias it).
Use next_use(const SubstanceParams& p, const UseTable& table, int substance, int age, Use now,
             double peers_beyond_usual, bool market, bool prevented, double u);

}  // namespace trygg
