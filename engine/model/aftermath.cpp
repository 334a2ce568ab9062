#include "model/aftermath.hpp"

#include <algorithm>
#include <cmath>

namespace trygg {

Aftermath draw_aftermath(const ReportingParams& reporting, const ArrestParams& arrests, const ReportContext& context,
                         ArrestChance chance, const CounterRng& rng, std::uint32_t offender, int hour) {
    Aftermath a;
    const auto time = static_cast<std::uint32_t>(hour);
    const auto w = rng.words(Stream::Crime, offender, time, 0);
    if (to_unit(w[0]) < police_probability(reporting, context)) a.reported_by |= 1u;
    for (std::size_t r = 0; r < reporting.est.size(); ++r) {
        if (!sees(reporting.est[r], context)) continue;
        const auto u = rng.words(Stream::Crime, offender, time, static_cast<std::uint16_t>(1 + r));
        if (to_unit(u[0]) < reporting.est[r].probability) a.reported_by |= 1u << (r + 1);
    }
    const double p = chance.police_factor * arrest_probability(arrests, context.type, chance.camera_coverage);
    if (to_unit(w[1]) < std::min(1.0, p)) {
        a.arrested = true;
        // Exponentially distributed spell; capped so the hour count cannot overflow.
        const double days = -arrests.spell_days_mean * std::log(1.0 - to_unit(w[2]));
        a.spell_hours = 1 + static_cast<int>(std::min(days * 24.0, 1e8));
        a.exit_draw = to_unit(w[3]);
    }
    return a;
}

std::uint32_t draw_incident_reports(const ReportingParams& reporting, const ReportContext& context,
                                    const CounterRng& rng, std::uint32_t offender, int hour) {
    std::uint32_t reported_by = 0;
    const auto time = static_cast<std::uint32_t>(hour);
    const auto w = rng.words(Stream::Incidents, offender, time, 1);
    if (to_unit(w[0]) < police_probability(reporting, context)) reported_by |= 1u;
    for (std::size_t r = 0; r < reporting.est.size(); ++r) {
        if (!sees(reporting.est[r], context)) continue;
        const auto u = rng.words(Stream::Incidents, offender, time, static_cast<std::uint16_t>(2 + r));
        if (to_unit(u[0]) < reporting.est[r].probability) reported_by |= 1u << (r + 1);
    }
    return reported_by;
}

}  // namespace trygg
