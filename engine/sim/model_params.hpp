#pragma once
// Every model parameter, grouped by mechanism, and the scenario's interventions. Filled from
// the city config and the scenario by the io layer, validated there key by key, then frozen
// for the run.
#include "model/arrests.hpp"
#include "model/collective_efficacy.hpp"
#include "model/development.hpp"
#include "model/incidents.hpp"
#include "model/insecurity.hpp"
#include "model/lagesbild.hpp"
#include "model/near_repeat.hpp"
#include "model/offending.hpp"
#include "model/peer_network.hpp"
#include "model/policing.hpp"
#include "model/recruitment.hpp"
#include "model/reporting.hpp"
#include "model/risk_area.hpp"
#include "model/routine.hpp"
#include "model/rumours.hpp"
#include "model/social_measures.hpp"
#include "model/substance_use.hpp"
#include "policy/intervention.hpp"
#include "population/demography.hpp"
#include "population/synthesis.hpp"

namespace trygg {

struct ModelParams {
    PopulationParams population;
    RoutineParams routine;
    OffendingParams offending;
    IncidentParams incidents;  // disorder and fires, by the offending rule's terms
    std::array<NearRepeatParams, kCrimeTypes> near_repeat{};
    ReportingParams reporting;
    ArrestParams arrests;
    LagesbildParams lagesbild;
    PolicingParams policing;
    FieldWorkerParams field_workers;
    // Young people grow up (DESIGN §3.7, §3.9).
    DemographyParams demography;
    DevelopmentParams development;
    PeerNetworkParams peers;
    SubstanceParams substance;
    RecruitmentParams recruitment;
    SocialMeasureEffects social;
    // How safe districts are and feel (DESIGN §3.8, §3.10).
    InsecurityParams safety;
    CollectiveEfficacyParams efficacy;
    RiskAreaParams risk_area;
    RumourParams rumours;
    // The scenario's measures (empty for the baseline). Validated by the io layer: cells
    // inside the grid, places that exist, windows that are not inverted.
    InterventionPlan interventions;
};

}  // namespace trygg
