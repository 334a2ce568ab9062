#include "model/substance_use.hpp"

#include "core/clock.hpp"

#include <algorithm>
#include <cmath>

namespace trygg {

UsePoint use_at(const SubstanceParams& p, int substance, int age) {
    const auto& prof = p.profile[static_cast<std::size_t>(substance)];
    if (prof.empty() || age < p.min_age || age < prof.front().age) return {age, 0.0, 0.0};
    if (age >= prof.back().age) return {age, prof.back().any, prof.back().regular};
    for (std::size_t k = 1; k < prof.size(); ++k) {
        if (age <= prof[k].age) {
            const double t = static_cast<double>(age - prof[k - 1].age) / (prof[k].age - prof[k - 1].age);
            return {age, prof[k - 1].any + t * (prof[k].any - prof[k - 1].any),
                    prof[k - 1].regular + t * (prof[k].regular - prof[k - 1].regular)};
        }
    }
    return {age, prof.back().any, prof.back().regular};
}

UseHazards use_hazards(const SubstanceParams& p, int substance, int age) {
    // A year of age: the share not yet using that starts, and the share using but not
    // regularly that becomes regular, spread evenly over its weeks.
    const UsePoint now = use_at(p, substance, age);
    const UsePoint next = use_at(p, substance, age + 1);
    auto weekly = [](double from, double to) {
        if (from >= 1.0 || to <= from) return 0.0;
        return -std::log((1.0 - to) / (1.0 - from)) / kWeeksPerYear;
    };
    UseHazards h;
    h.initiation = weekly(now.any, next.any);
    // Regular use: the experimenters must supply the year's growth in regular users and
    // replace those who quit, so the profile holds.
    const double experimenting = 0.5 * ((now.any - now.regular) + (next.any - next.regular));
    const double inflow =
        std::max(0.0, next.regular - now.regular) + p.quit_per_year * 0.5 * (now.regular + next.regular);
    h.progression = experimenting > 1e-9 ? inflow / experimenting / kWeeksPerYear : 0.0;
    return h;
}

Use initial_use(const SubstanceParams& p, int substance, double age, double u) {
    const int whole = static_cast<int>(std::floor(age));
    const double part = age - whole;
    const UsePoint a = use_at(p, substance, whole), b = use_at(p, substance, whole + 1);
    const double regular = a.regular + part * (b.regular - a.regular), any = a.any + part * (b.any - a.any);
    return u < regular ? Use::Regular : u < any ? Use::Experimenting : Use::None;
}

namespace {

Use step(const SubstanceParams& p, int substance, const UseHazards& h, double peers_beyond_usual, Use now, bool market,
         bool prevented, double u) {
    switch (now) {
        case Use::None: {
            double rate = h.initiation * std::max(0.0, 1.0 + p.peer_gain * peers_beyond_usual);
            if (substance == kNarcotics && market) rate *= 1.0 + p.market_gain;
            if (prevented) rate *= 1.0 - p.prevention_effect;
            return u < -std::expm1(-rate) ? Use::Experimenting : Use::None;
        }
        case Use::Experimenting: {
            double rate = h.progression;
            if (prevented) rate *= 1.0 - p.prevention_effect;
            return u < -std::expm1(-rate) ? Use::Regular : Use::Experimenting;
        }
        default:
            return u < -std::expm1(-p.quit_per_year / kWeeksPerYear) ? Use::Experimenting : Use::Regular;
    }
}

}  // namespace

UseTable::UseTable(const SubstanceParams& p) : hazards_(2 * 256), usual_(2 * 256, 0.0) {
    for (int substance : {kAlcohol, kNarcotics}) {
        for (int age = 0; age < 256; ++age) {
            hazards_[index(substance, age)] = use_hazards(p, substance, age);
            usual_[index(substance, age)] = use_at(p, substance, age).any;
        }
    }
}

Use next_use(const SubstanceParams& p, int substance, int age, Use now, double peers_using, bool market, bool prevented,
             double u) {
    // From the year before the profile's first age: a 12-year-old may start, so that
    // 13-year-olds use as observed.
    if (age < p.min_age - 1) return Use::None;
    return step(p, substance, use_hazards(p, substance, age), peers_using - use_at(p, substance, age).any, now, market,
                prevented, u);
}

Use next_use(const SubstanceParams& p, const UseTable& table, int substance, int age, Use now,
             double peers_beyond_usual, bool market, bool prevented, double u) {
    if (age < p.min_age - 1) return Use::None;
    return step(p, substance, table.hazards(substance, age), peers_beyond_usual, now, market, prevented, u);
}

}  // namespace trygg
