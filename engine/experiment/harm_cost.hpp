#pragma once
// Harm and cost over time for `trygg compare`: crimes weighted by a crime harm index, costs and
// crimes spread over the horizon and discounted to present values, and the cost per crime and
// per unit of harm prevented. Pure statistics on the core structs; docs/comparison.md gives the
// formulas, the index's table with its sources, and how to override both.
#include "sim/results.hpp"

#include <span>
#include <string>
#include <vector>

namespace trygg {

// One crime type's weight in a harm index.
struct HarmWeight {
    std::string crime_type;  // as in /crime_types/name
    double weight = 0.0;     // in the index's unit, per crime
    std::string basis;       // where the number comes from, one line
};

// A crime harm index: a weight per crime type (Sherman, Neyroud & Neyroud 2016, Policing 10(3),
// 171–183: days of imprisonment a crime of the type earns).
struct HarmIndex {
    std::string name;    // e.g. "brottsbalken_minimum_days"
    std::string unit;    // e.g. "days of imprisonment"
    std::string source;  // the citation, one line
    std::vector<HarmWeight> weights;

    // The weight of a crime type; InputError naming the index when it has none.
    double weight_of(const std::string& crime_type) const;
};

// trygg's default: the Cambridge index's rule (days of imprisonment a crime earns) on Swedish
// law, which has no sentencing guidelines to take a starting point from (Kärrholm, Neyroud &
// Smaaland 2020, Cambridge J. Evid.-Based Policing 4, 15–33): the lowest penalty of the
// offence's scale in Brottsbalken (BrB) or narkotikastrafflagen, a scale that starts at fines
// counting as the 14 days of the shortest prison term (BrB 26:1) and of the shortest
// conversion of unpaid fines (BrB 25:8). The per-type mapping and its sections are in the .cpp
// and docs/comparison.md.
HarmIndex default_harm_index();

// Discount rate: the Swedish Transport Administration's ASEK (Trafikverket, Analysmetod och
// samhällsekonomiska kalkylvärden för transportsektorn, ASEK 7.0, 2020–2024, ch. 5: a real
// rate of 3.5 % a year), the rate Swedish public cost–benefit analyses commonly use.
inline constexpr double kDefaultDiscountRate = 0.035;
inline constexpr double kCalendarDaysPerYear = 365.0;

// (1 + rate)^(−day / 365): what one krona (or crime) on model day `day` is worth today.
// rate must be finite and ≥ 0 (LogicError otherwise: inputs are validated before).
double discount_factor(double rate, double day);

// The present value of the measures' costs over `days` model days: each investment on its
// first day (if that is within the run), each running cost as running_sek_per_year / 365 on
// every day from first_day to last_day, each day discounted at its middle (day + 0.5). With
// rate 0 this is Σ cost_sek. Files written before first_day and last_day were stored: the
// investment on day 0 and the running days that cost_sek implies, from day 0; `assumed` (when
// given) is then set to true. Without the investment and running columns (a table made by
// hand), all of cost_sek on day 0.
double present_value_sek(const RunResults::Interventions& measures, int days, double rate, bool* assumed = nullptr);

// Per replicate: Σ over weeks, districts and types of weight[type] × crimes_true ×
// discount_factor(rate, 7 w + 3.5) (each week at its middle). weight 1 for every type and
// rate 0 give the crimes over the horizon.
std::vector<double> weighted_crimes(const RunResults& results, std::span<const double> type_weight, double rate);

// The index's weights in the run's crime-type order; InputError for a type the index lacks.
std::vector<double> weights_for(const HarmIndex& index, const RunResults& results);

}  // namespace trygg
