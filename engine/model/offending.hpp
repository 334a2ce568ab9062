#pragma once
// The situational offending rule (DESIGN §3.5). Per offender-hour in public space:
//
//   rate(type) = base(type) × propensity × opportunity(site, hour, type)
//                × peer_factor × (1 − deterrence(site, hour, type))
//
// Routine activity theory (Cohen & Felson 1979): a motivated offender, a suitable target
// and no capable guardian; Situational Action Theory (Wikström 2012): propensity × setting.
// Opportunity and deterrence saturate, so crowds neither explode crime nor make it vanish.
// This is the seam where near-repeat attractiveness, displacement, police and field
// workers will plug in: each is another factor in opportunity or deterrence.
#include "model/crime_type.hpp"
#include "model/near_repeat.hpp"
#include "model/occupancy.hpp"
#include "model/sites.hpp"
#include "world/grid.hpp"

#include <array>

namespace trygg {

struct CrimeTypeParams {
    double base_rate = 0.0;         // offences per offender-hour at full opportunity, no deterrence
    double opportunity_half = 0.0;  // targets at which opportunity is half its maximum
    double guardian_scale = 0.0;    // efficacy-weighted guardians that deter 1 − 1/e of offences
    double lighting_effect = 0.0;   // deterrence by full lighting in full darkness
    double camera_effect = 0.0;     // deterrence by full, monitored camera coverage
};

struct OffendingParams {
    std::array<CrimeTypeParams, kCrimeTypes> types{};
    double max_deterrence = 0.0;             // deterrence saturates below 1
    double unmonitored_camera_factor = 0.0;  // cameras nobody watches deter this share of monitored ones
    double home_guardian_weight = 0.0;       // a neighbour at home, relative to a passer-by
    double peer_gain = 0.0;                  // youth offending × (1 + gain) with a full group of peers
    int peer_cap = 1;                        // peers beyond this add nothing
    double cars_per_resident = 0.0;
    double cars_per_worker = 0.0;
    double cars_per_visitor = 0.0;
    double bikes_per_person = 0.0;
    double vandalism_place_weight = 0.0;     // a public building counts as this many homes
    double nightlife_violence_factor = 0.0;  // × assault opportunity at bars in night hours
    int nightlife_from = 21;                 // night-life hours (clock), for the factor above
    int nightlife_to = 3;
    double festive_violence_factor = 1.0;  // × assault opportunity on festive nights
    // Displacement and diffusion of benefit (Guerette & Bowers 2009: each seen in about a
    // quarter of evaluations). A deterred offender tries a neighbouring cell with this
    // probability; lighting and cameras deter in the neighbouring cells this share of what
    // they do in their own (offenders do not know where coverage ends).
    double displacement = 0.0;
    double diffusion_of_benefit = 0.0;
    // Offenders drawn to attractive cells (Short et al. 2008: burglars step towards high A):
    // in this share of public hours an offender looks for targets in one of the eight
    // neighbouring cells, chosen with probability ∝ 1 + B (the near-repeat fields).
    double search = 0.0;
};

// What an offender finds at a site in a given hour.
struct Setting {
    std::int32_t site = 0;
    int clock_hour = 0;     // 0..23
    float darkness = 0.0f;  // share of the hour in the dark
    bool weekend = false;
    bool festive_night = false;
    double unit_guardians = 0.0;     // guardians the units on duty here add (patrols, field workers)
    double police_deterrence = 0.0;  // deterrence of a police patrol on duty here (0 without)
    double drug_detection = 1.0;     // × drug offences found: 1 + detection where a patrol is
};

struct OffenceRates {
    double peer = 1.0;  // the peer factor the rates include (youth offending with peers)
    std::array<double, kCrimeTypes> rate{};
    std::array<double, kCrimeTypes> undeterred{};  // the same without deterrence
    double total = 0.0;
    double undeterred_total = 0.0;
};

double opportunity(CrimeType type, const OffendingParams& p, const Sites& sites, const Occupancy& occ,
                   const Setting& s);
// Factor of the setting on violence beyond its targets: alcohol at night-life places in
// night-life hours and on festive nights (1 for other types).
double provocation(CrimeType type, const OffendingParams& p, const Sites& sites, const Setting& s);
double deterrence(CrimeType type, const OffendingParams& p, const Sites& sites, const Occupancy& occ, const Setting& s);
// The same for any scales `t` (disorder and fires: model/incidents.hpp).
double deterrence_of(const CrimeTypeParams& t, const OffendingParams& p, const Sites& sites, const Occupancy& occ,
                     const Setting& s);
// Diffusion of benefit: each site's lighting and cameras become at least `share` of the
// best of its eight neighbouring cells'. Done once when the sites are built.
void spread_benefit(Sites& sites, const Grid& grid, double share);

// `violence` and `drugs` multiply the offender's assault and drug-offence rates (network
// members: DESIGN §3.7).
OffenceRates offence_rates(const OffendingParams& p, const Sites& sites, const Occupancy& occ, const Setting& s,
                           double propensity, bool youth, double violence = 1.0, double drugs = 1.0);

// Near repeat: each type's rate (deterred and not) × 1 + B of that type at `cell`.
void scale_by_near_repeat(OffenceRates& rates, const NearRepeatField& field, std::int32_t cell);

// The type of a crime that happens, with probability ∝ its rate, from a uniform draw `u`.
CrimeType pick_type(const OffenceRates& rates, double u);

}  // namespace trygg
