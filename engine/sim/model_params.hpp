#pragma once
// Every model parameter, grouped by mechanism. Filled from the city config by the io layer,
// validated there key by key, then frozen for the run.
#include "model/offending.hpp"
#include "model/routine.hpp"
#include "population/synthesis.hpp"

namespace trygg {

struct ModelParams {
    PopulationParams population;
    RoutineParams routine;
    OffendingParams offending;
};

}  // namespace trygg
