#pragma once
// Youth development, weekly (DESIGN §3.7), after Situational Action Theory (Wikström et al.
// 2012, the Peterborough Adolescent and Young Adult Development Study): crime propensity is
// low morality plus low self-control, and a person offends only where they see crime as an
// option — when the SAT index −(morality + self-control + maturation(age))/√2 is above a
// threshold. Each week a young person's morality moves 1/τ of the way towards an
// equilibrium that time in unstructured, unsupervised settings where offenders are,
// delinquent peers, regular substance use and school failure lower, and structured leisure,
// school engagement and the support they receive raise. Drivers count from their level in
// the baseline (the reference), so the baseline city stays where it is calibrated and a
// measure moves it. Self-control matures with age (Monahan et al. 2009: impulse control
// rises steadily from 14 to 25; Roberts et al. 2006: conscientiousness keeps rising through
// adulthood): that, with the weeks' exposure, is what makes offending rise in adolescence
// and fall after — the age–crime curve is not an input.
#include "population/population.hpp"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace trygg {

struct DevelopmentParams {
    int min_age = 10;  // ages whose morality develops weekly
    int max_age = 24;
    int offending_from_age = 12;  // nobody younger offends
    double threshold = 0.0;       // SAT index above which crime is an option
    // Self-control gained with age [SD], piecewise linear between (age, gain) points.
    std::vector<std::pair<int, double>> maturation;
    double adjustment_weeks = 52.0;  // τ: weeks for morality to close 1 − 1/e of its gap
    // Shifts of equilibrium morality [SD] per unit of each driver beyond its reference.
    double exposure_effect = 0.0;  // per 10 h/week unstructured with peers where offenders are
    double exposure_reference = 0.0;
    double peer_effect = 0.0;  // per share of ties who offend or are in a network
    double peer_reference = 0.0;
    double substance_effect = 0.0;  // regular alcohol or narcotics use
    double substance_reference = 0.0;
    double school_failure_effect = 0.0;
    double school_failure_reference = 0.0;
    double structured_effect = 0.0;  // per 10 h/week structured leisure (raises morality)
    double structured_reference = 0.0;
    double engagement_effect = 0.0;  // per SD of school engagement (raises morality)
    // School engagement of pupils: below this z-score a pupil is failing (not eligible for
    // a national gymnasium programme; Skolverket: about 1 in 5 of Borlänge's year-9 pupils).
    double school_failure_threshold = 0.0;
    double engagement_substance_effect = 0.0;  // regular use lowers engagement by this [SD]
    double engagement_peer_effect = 0.0;       // delinquent ties lower it by this × share
};

// One person's week of drivers, gathered by the day planner, the network and the measures.
struct WeekDrivers {
    float criminogenic_hours = 0.0f;  // unstructured with peers, weighted by offenders there
    float structured_hours = 0.0f;    // supervised activities and high-structure programmes
    float delinquent_peers = 0.0f;    // share of ties who offend or are associates/members
    bool regular_use = false;
    float support = 0.0f;     // morality shift [SD] from the measures the person is in
    float engagement = 0.0f;  // school engagement shift [SD] from school support
};

// Self-control gained by `age` [SD].
double maturation(const DevelopmentParams& p, int age);
// The SAT index of person i: + = crime more likely an option.
double sat_index(const DevelopmentParams& p, const Population& pop, std::size_t i);

// The same, with maturation tabulated by age once: the weekly steps ask it for every person.
class SatIndex {
public:
    explicit SatIndex(const DevelopmentParams& p);
    double operator()(const Population& pop, std::size_t i) const {
        return -(pop.morality[i] + pop.self_control[i] + maturation_[pop.age[i]]) * kInverseSqrt2;
    }

private:
    static constexpr double kInverseSqrt2 = 0.70710678118654752440;
    std::array<double, 256> maturation_{};
};
// Effective school engagement and whether a pupil is failing.
double engagement(const DevelopmentParams& p, const Population& pop, std::size_t i, const WeekDrivers& d);
bool is_pupil(Schedule s);
// One week of development for person i (ages min_age..max_age).
void develop(const DevelopmentParams& p, Population& pop, std::size_t i, const WeekDrivers& d);

// Who offends now: everyone from offending_from_age whose SAT index is above the threshold,
// and every network member, at their intensity (propensity 0 for the rest). An active
// criminal career goes with a lifestyle of unstructured time out late (Wikström et al.
// 2012: lifestyle risk): adults (21+) who offend take that leisure pattern, others none.
void set_offenders(const DevelopmentParams& p, Population& pop);
// The same for person i, with the index tabulated.
void set_offender(const DevelopmentParams& p, const SatIndex& sat, Population& pop, std::size_t i);

}  // namespace trygg
