#pragma once
// What each kind of social measure does to one participant (DESIGN §3.7, §3.11), in the
// units the development, substance-use and recruitment rules read. The sizes are mechanism
// parameters of the city config, each shaped on a meta-analysis and cited there; a scenario
// says only where, when, for whom, how many and at what cost.
namespace trygg {

struct SocialMeasureEffects {
    double school_support_engagement = 0.0;   // + school engagement [SD]
    double family_support_morality = 0.0;     // + equilibrium morality [SD]
    double mentoring_morality = 0.0;          // + equilibrium morality [SD]
    double persistence_weeks = 0.0;           // after leaving, the shift fades with this time constant
    double structured_programme_hours = 1.0;  // × hours at a high-structure programme counted as structured
    double low_structure_exposure = 1.0;      // × hours at a low-structure drop-in counted as criminogenic
    double venue_alcohol_reduction = 0.0;     // responsible service: × (1 − this) on the night-life alcohol factor
};

}  // namespace trygg
