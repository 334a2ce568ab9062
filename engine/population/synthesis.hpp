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
    int from = 0;        // first age in the band [years]
    int to = 0;          // last age in the band [years]
    double share = 0.0;  // share of the population
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
    // Traits (Situational Action Theory): self-control and morality are z-scores.
    double male_trait_shift = 0.0;  // boys −shift, girls +shift on both traits
    double ses_trait_shift = 0.0;   // + shift × district ses_index on both traits
    double propensity_sigma = 0.0;  // lognormal spread of offending intensity, mean 1
    // Youth leisure patterns 12–20: shares of Structured, Unstructured, Homebody.
    double structured_share = 0.0;
    double unstructured_share = 0.0;
};

// Residents per DeSO are reproduced exactly, and so are residents per DeSO and age band
// (largest-remainder rounding of population × band share).
Population synthesise_population(const City& city, const PopulationParams& params, RngKey key);

}  // namespace trygg
