#include "model/development.hpp"

#include <cmath>

namespace trygg {

double maturation(const DevelopmentParams& p, int age) {
    const auto& m = p.maturation;
    if (m.empty()) return 0.0;
    if (age <= m.front().first) return m.front().second;
    for (std::size_t k = 1; k < m.size(); ++k) {
        if (age <= m[k].first) {
            const double t = static_cast<double>(age - m[k - 1].first) / (m[k].first - m[k - 1].first);
            return m[k - 1].second + t * (m[k].second - m[k - 1].second);
        }
    }
    return m.back().second;
}

double sat_index(const DevelopmentParams& p, const Population& pop, std::size_t i) {
    return -(pop.morality[i] + pop.self_control[i] + maturation(p, pop.age[i])) / std::sqrt(2.0);
}

SatIndex::SatIndex(const DevelopmentParams& p) {
    for (std::size_t a = 0; a < maturation_.size(); ++a) maturation_[a] = maturation(p, static_cast<int>(a));
}

bool is_pupil(Schedule s) {
    return s == Schedule::ChildPupil || s == Schedule::TeenPupil || s == Schedule::UpperSecondary;
}

double engagement(const DevelopmentParams& p, const Population& pop, std::size_t i, const WeekDrivers& d) {
    return pop.school_engagement[i] - (d.regular_use ? p.engagement_substance_effect : 0.0) -
           p.engagement_peer_effect * d.delinquent_peers + d.engagement;
}

void develop(const DevelopmentParams& p, Population& pop, std::size_t i, const WeekDrivers& d) {
    const bool pupil = is_pupil(static_cast<Schedule>(pop.schedule[i]));
    const double e = pupil ? engagement(p, pop, i, d) : 0.0;
    const double failing = pupil && e < p.school_failure_threshold ? 1.0 : 0.0;
    const double shift = -p.exposure_effect * (d.criminogenic_hours / 10.0 - p.exposure_reference) -
                         p.peer_effect * (d.delinquent_peers - p.peer_reference) -
                         p.substance_effect * ((d.regular_use ? 1.0 : 0.0) - p.substance_reference) -
                         (pupil ? p.school_failure_effect * (failing - p.school_failure_reference) : 0.0) +
                         p.structured_effect * (d.structured_hours / 10.0 - p.structured_reference) +
                         (pupil ? p.engagement_effect * e : 0.0) + d.support;
    const double equilibrium = pop.morality_base[i] + shift;
    pop.morality[i] += static_cast<float>((equilibrium - pop.morality[i]) / p.adjustment_weeks);
}

void set_offender(const DevelopmentParams& p, const SatIndex& sat, Population& pop, std::size_t i) {
    const int age = pop.age[i];
    const bool member = pop.network[i] == static_cast<std::uint8_t>(Network::Member);
    const bool active = age >= p.offending_from_age && (member || sat(pop, i) > p.threshold);
    pop.propensity[i] = active ? pop.intensity[i] : 0.0f;
    if (age > 20) pop.leisure[i] = static_cast<std::uint8_t>(active ? Leisure::Unstructured : Leisure::Neutral);
}

void set_offenders(const DevelopmentParams& p, Population& pop) {
    const SatIndex sat(p);
    for (std::size_t i = 0; i < pop.size(); ++i) set_offender(p, sat, pop, i);
}

}  // namespace trygg
