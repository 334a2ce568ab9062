#pragma once
// Builds the synthetic population of a city from its DeSO population totals: ages by band,
// households, homes, schedules, work and school places, and the youth state.
#include "core/rng.hpp"
#include "population/population.hpp"
#include "world/city.hpp"
#include "world/residential.hpp"

#include <vector>

namespace trygg {

struct AgeBand {
    int from = 0;                      // first age in the band [years]
    int to = 0;                        // last age in the band [years]
    double share = 0.0;                // share of the population
    double offender_prevalence = 0.0;  // share with an active criminal career (age–crime curve)
};

struct PopulationParams {
    std::vector<AgeBand> age_bands;  // contiguous from 0, shares sum to 1
    double male_share = 0.0;
    // Households (SCB household statistics).
    double at_home_share_18_19 = 0.0;         // 18–19-year-olds still living with parents
    std::vector<double> children_per_family;  // P(1 child), P(2), P(3), …
    double single_parent_share = 0.0;         // families with children and one adult
    double couple_share = 0.0;                // other adults living as a couple
    // Schedules.
    double upper_secondary_enrolment = 0.0;  // 16–19-year-olds in gymnasium
    double university_share_20_24 = 0.0;
    double out_commute_share = 0.0;       // workers whose job is outside the municipality
    double distributed_jobs_share = 0.0;  // jobs in ordinary populated cells (services, care)
    double job_distance_scale_m = 0.0;    // distance decay of the choice among job places
    // Offending.
    double offender_male_factor = 0.0;  // prevalence multiplier for men
    double offender_female_factor = 0.0;
    double ses_offender_gain = 0.0;    // prevalence × exp(-gain × district ses_index)
    double self_control_weight = 0.0;  // prevalence × exp(-w z - w²/2) for youth, z = (sc+mor)/√2
    double propensity_sigma = 0.0;     // lognormal spread among offenders, mean 1
    // Youth leisure patterns 12–20: shares of Structured, Unstructured, Homebody.
    double structured_share = 0.0;
    double unstructured_share = 0.0;
};

// Residents per DeSO are reproduced exactly, and so are residents per DeSO and age band
// (largest-remainder rounding of population × band share).
Population synthesise_population(const City& city, const PopulationParams& params, RngKey key);

}  // namespace trygg
