#pragma once
// What follows a crime (DESIGN §3.5–3.6): who learns of it — the police and each EST actor,
// each drawn on its own — and whether the offender is arrested, and for how long they are
// off the street. Every draw is keyed by (offender, hour), so a crime's aftermath does not
// depend on the order in which crimes are recorded.
#include "core/rng.hpp"
#include "model/arrests.hpp"
#include "model/reporting.hpp"

#include <cstdint>

namespace trygg {

struct Aftermath {
    std::uint32_t reported_by = 0;  // bit 0 police, bit k + 1 EST actor k
    bool arrested = false;
    int spell_hours = 0;     // hours off the street after an arrest
    double exit_draw = 0.0;  // a spare uniform: whether a prison spell ends a membership
};

struct ArrestChance {
    double camera_coverage = 0.0;  // monitored-equivalent coverage at the site
    double police_factor = 1.0;    // × arrests where a patrol is on duty
};

Aftermath draw_aftermath(const ReportingParams& reporting, const ArrestParams& arrests, const ReportContext& context,
                         ArrestChance chance, const CounterRng& rng, std::uint32_t offender, int hour);

// Who learns of an incident (disorder, fire): the police and each EST actor that sees it, each
// drawn on its own, keyed by (offender, hour) on the incidents' stream. No arrest is drawn:
// disorder and small fires seldom lead to one (simplified).
std::uint32_t draw_incident_reports(const ReportingParams& reporting, const ReportContext& context,
                                    const CounterRng& rng, std::uint32_t offender, int hour);

}  // namespace trygg
