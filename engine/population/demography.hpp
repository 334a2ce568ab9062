#pragma once
// Ageing, deaths, moves and arrivals over multi-year runs (DESIGN §3.7: "cohorts age in and
// out"). Each person has a birthday; each week those whose birthday has passed grow a year
// older. Schedules move with the Swedish school year, by birth year, at the first school
// day after the summer: förskoleklass at 6, högstadiet at 13, gymnasium at 16, then work,
// university or neither. People die (a Gompertz fit to SCB's life table) or move out (rates
// by age); each home they leave is taken, the same week, by a newborn or an in-migrant of
// the same DeSO, so the number of residents per home cell — the housing stock — stays
// fixed. Borlänge's population was 51,400–52,000 from 2014 to 2024 (SCB), with births
// about equal to deaths and in-migration to out-migration; the simplification keeps each
// DeSO exactly at its SCB total while the people in it change.
#include "core/rng.hpp"
#include "population/population.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

struct MigrationBand {
    int from = 0;               // first age [years]
    int to = 0;                 // last age
    double out_per_year = 0.0;  // share of residents of these ages moving out in a year
    double in_share = 0.0;      // share of in-migrants of these ages
};

struct DemographyParams {
    double mortality_a = 0.0;  // Gompertz: yearly death probability a·exp(b·age)
    double mortality_b = 0.0;
    std::vector<MigrationBand> migration;  // contiguous from 0
    double births_per_1000 = 0.0;          // births a year per 1,000 residents (SCB: Borlänge ≈ 10.5)
    int school_start_month = 8;            // the school year starts in this month …
    int school_start_day = 15;             // … on the first school day from this day
};

// A person's life-course event of one week.
enum class LifeEvent : std::uint8_t { None, Birthday, Death, MovedOut };

// Yearly death probability at `age`, capped below 1.
double death_probability(const DemographyParams& p, int age);
// Yearly probability of moving out of the municipality at `age`.
double out_migration_probability(const DemographyParams& p, int age);

// What replaces a person who left: a newborn (age 0) or an in-migrant of a drawn age.
int arrival_age(const DemographyParams& p, double births_share, double u1, double u2);

// The share of arrivals that are births: births over births plus all departures' other
// replacements, from the yearly rates (so a stationary city stays stationary).
double birth_share_of_arrivals(const DemographyParams& p, const std::vector<std::uint8_t>& ages);

}  // namespace trygg
