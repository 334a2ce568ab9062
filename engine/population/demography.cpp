#include "population/demography.hpp"

#include <algorithm>
#include <cmath>

namespace trygg {

double death_probability(const DemographyParams& p, int age) {
    return std::min(0.95, p.mortality_a * std::exp(p.mortality_b * age));
}

double out_migration_probability(const DemographyParams& p, int age) {
    for (const auto& b : p.migration) {
        if (age >= b.from && age <= b.to) return b.out_per_year;
    }
    return 0.0;
}

int arrival_age(const DemographyParams& p, double births_share, double u1, double u2) {
    if (u1 < births_share) return 0;
    double total = 0.0;
    for (const auto& b : p.migration) total += b.in_share;
    double pick = u2 * total;
    for (const auto& b : p.migration) {
        if (pick < b.in_share) {
            const double within = pick / b.in_share;  // uniform within the band
            return b.from + std::min(b.to - b.from, static_cast<int>(within * (b.to - b.from + 1)));
        }
        pick -= b.in_share;
    }
    return p.migration.empty() ? 0 : p.migration.back().to;
}

double birth_share_of_arrivals(const DemographyParams& p, const std::vector<std::uint8_t>& ages) {
    if (ages.empty()) return 0.0;
    double departures = 0.0;
    for (auto a : ages) departures += death_probability(p, a) + out_migration_probability(p, a);
    const double births = p.births_per_1000 / 1000.0 * static_cast<double>(ages.size());
    return departures > 0 ? std::min(1.0, births / departures) : 0.0;
}

}  // namespace trygg
