#include "model/reporting.hpp"

#include <algorithm>
#include <cmath>

namespace trygg {

double police_probability(const ReportingParams& p, const ReportContext& c) {
    const double base = c.incident >= 0 ? p.police_incidents[static_cast<std::size_t>(c.incident)]
                                        : p.police[static_cast<std::size_t>(c.type)];
    if (c.incident < 0 && p.found_by_police[static_cast<std::size_t>(c.type)]) return base;
    const double willingness =
        std::pow(std::max(c.collective_efficacy, 1e-6) / p.efficacy_reference, p.efficacy_exponent);
    return std::clamp(base * willingness, 0.0, 1.0);
}

bool sees(const EstReporter& r, const ReportContext& c) {
    const std::uint32_t kinds = c.incident >= 0 ? r.incidents : r.crime_types;
    const unsigned bit = c.incident >= 0 ? static_cast<unsigned>(c.incident) : static_cast<unsigned>(c.type);
    if (!(kinds & (1u << bit))) return false;
    if (r.place_types != 0 && !(r.place_types & c.place_types)) return false;
    if (!r.districts.empty() && std::find(r.districts.begin(), r.districts.end(), c.district) == r.districts.end())
        return false;
    if (r.young_offenders_only && !c.young_offender) return false;
    return true;
}

}  // namespace trygg
