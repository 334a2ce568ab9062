#pragma once
// Rumours and social media (DESIGN §3.8): a violent incident or a fire in public may start a
// rumour among the district's residents; it spreads on the youth peer network (social media
// among friends) and on each resident's neighbourhood contacts, and fades as those who
// spread it stop (an SIR process: unaware → spreading → stopped; Daley & Kendall 1965, the
// classic rumour model). Hearing one raises a resident's worry for a while; a network member
// who hears of violence in their own district is for a while more likely to use violence
// (retaliation between networks; assumed mechanism, sized in the city config). Awareness work in schools lowers
// young people's sharing; quick official statements make spreaders stop sooner.
namespace trygg {

struct RumourParams {
    double start_chance = 0.0;  // a public assault, robbery or fire starts a rumour
    int witnesses = 1;          // residents of the district who spread it first
    double youth_share = 0.0;   // chance per day a young spreader passes it to each peer tie
    int youth_min_age = 12;     // who shares on the youth network
    int youth_max_age = 24;
    double neighbour_share = 0.0;  // chance per day a spreader passes it to each neighbourhood contact
    int neighbour_contacts = 0;    // residents of the district a spreader meets or reads online a day
    double stop_per_day = 0.0;     // chance per day a spreader stops (SIR recovery)
    int immunity_days = 0;         // after hearing one, a resident can hear a new one after this
    double worry_effect = 0.0;     // + SD of worry, fading with worry_memory_weeks
    double worry_memory_weeks = 1.0;
    double retaliation = 0.0;  // members' violence × (1 + this) after hearing of violence
    int retaliation_days = 0;
    // Measures (scenario items awareness_work and official_information).
    double awareness_share_reduction = 0.0;  // young people's sharing × (1 − this) where it runs
    double official_stop_factor = 1.0;       // stop_per_day × this where statements come quickly
};

// A spreader's chance per day to stop, with or without quick official statements.
inline double stop_chance(const RumourParams& p, bool official_information) {
    const double s = p.stop_per_day * (official_information ? p.official_stop_factor : 1.0);
    return s < 1.0 ? s : 1.0;
}

// A young spreader's chance per day to pass it to a peer, with or without awareness work.
inline double youth_share_chance(const RumourParams& p, bool awareness_work) {
    return p.youth_share * (awareness_work ? 1.0 - p.awareness_share_reduction : 1.0);
}

}  // namespace trygg
