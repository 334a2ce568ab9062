#pragma once
// How safe residents feel (otrygghet, DESIGN §3.8), for residents aged 16–84 (the population
// of Brå's Nationella trygghetsundersökningen, NTU). Each resident has a latent worry:
//
//   worry = disposition + (female ? +shift : −shift) + (elderly ? shift : 0)
//         + environment(district signals)            what the neighbourhood shows, neighbours'
//                                                    victimisation among it
//         + darkness × (1 − lighting of the home cell)
//         + victim effect × e^(−weeks since victimised / memory)
//
// The disposition is the person's own, standard normal, fixed for the person. Worry above
// `unsafe_threshold` answers NTU's "unsafe out late in one's own area" (which counts those
// who do not go out because of it); above `avoid_threshold` the resident also avoids going
// out at night — home by `avoid_from_hour` — which takes a guardian off the street: the
// feedback of DESIGN §3.8. The district signals are weekly rates per 1,000 residents,
// smoothed over `memory_weeks` (each counting as ln(1 + rate)); fewer people out at night
// make a district feel emptier.
#include <cmath>
#include <vector>

namespace trygg {

// What a district's residents see, per 1,000 residents and week (smoothed).
struct DistrictSignals {
    double violence = 0.0;        // assaults and robberies in public (true events)
    double disorder = 0.0;        // vandalism and arson
    double network = 0.0;         // hours network members spend in public space
    double dealing = 0.0;         // drug offences by network members (open dealing)
    double night_presence = 0.0;  // residents out in public at 22:00
    double victimisation = 0.0;   // crimes against the district's residents
};

struct InsecurityParams {
    int min_age = 16;  // NTU asks 16–84-year-olds
    int max_age = 84;
    double unsafe_threshold = 0.0;  // worry above which a resident feels unsafe out late
    double avoid_threshold = 0.0;   // … and avoids going out at night
    int avoid_from_hour = 21;       // those who avoid are home by this clock hour
    double female_shift = 0.0;      // + for women, − for men
    double elderly_shift = 0.0;
    int elderly_from = 65;
    double violence_effect = 0.0;       // × ln(1 + assaults and robberies per 1,000 residents a week)
    double disorder_effect = 0.0;       // × ln(1 + vandalism per 1,000 residents a week)
    double network_effect = 0.0;        // × ln(1 + network member-hours in public per 1,000 residents a week)
    double victimisation_effect = 0.0;  // × ln(1 + crimes against the district's residents per 1,000 a week)
    double emptiness_effect = 0.0;      // × e^(−night presence / night_presence_scale)
    double night_presence_scale = 1.0;
    double darkness_effect = 0.0;  // × (1 − lighting of the home cell)
    double victim_effect = 0.0;    // own victimisation, fading with victim_memory_weeks
    double victim_memory_weeks = 1.0;
    double memory_weeks = 1.0;  // smoothing of the district signals
    // NTU's "problems to a great extent in one's own area": a second disposition (how much a
    // resident notices), above `problem_threshold` once the district's signal is added.
    double problem_threshold = 0.0;
    double gang_effect = 0.0;     // × ln(1 + network member-hours in public per 1,000 residents a week)
    double dealing_effect = 0.0;  // × ln(1 + drug offences by members per 1,000 residents a week)
    // [district] the signals residents lived with when the config's efficacy and the NTU
    // shares were measured: where each replicate's smoothed signals start.
    std::vector<DistrictSignals> status_quo;
};

// The district's share of worry. Each signal counts as ln(1 + rate): the first incidents in a
// quiet district matter more than the hundredth in a busy one (fear saturates; assumed form).
inline double environment(const InsecurityParams& p, const DistrictSignals& s) {
    return p.violence_effect * std::log1p(s.violence) + p.disorder_effect * std::log1p(s.disorder) +
           p.network_effect * std::log1p(s.network) + p.victimisation_effect * std::log1p(s.victimisation) +
           p.emptiness_effect * std::exp(-s.night_presence / p.night_presence_scale);
}

// NTU's perceived problems: a resident sees one when how much they notice (standard
// normal) plus what the district shows is above the threshold, i.e. when their noticing is
// above the district's bar, computed once per district and week.
inline double gang_problem_bar(const InsecurityParams& p, const DistrictSignals& s) {
    return p.problem_threshold - p.gang_effect * std::log1p(s.network);
}
inline double dealing_problem_bar(const InsecurityParams& p, const DistrictSignals& s) {
    return p.problem_threshold - p.dealing_effect * std::log1p(s.dealing);
}

// One resident's worry. `weeks_since_victimised` < 0: never victimised in the run.
inline double worry(const InsecurityParams& p, double disposition, bool female, int age, double environment,
                    double home_lighting, double weeks_since_victimised) {
    double w = disposition + (female ? p.female_shift : -p.female_shift) + environment +
               p.darkness_effect * (1.0 - home_lighting);
    if (age >= p.elderly_from) w += p.elderly_shift;
    if (weeks_since_victimised >= 0.0) w += p.victim_effect * std::exp(-weeks_since_victimised / p.victim_memory_weeks);
    return w;
}

}  // namespace trygg
