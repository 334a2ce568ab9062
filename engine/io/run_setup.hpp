#pragma once
// Everything a run of one scenario needs, loaded and checked before anything is simulated:
// the city config with the scenario's (and a sweep point's) overrides, the built city, the
// calendar of the horizon and the model parameters with the scenario's interventions.
#include "core/timeline.hpp"
#include "io/city_config.hpp"
#include "io/scenario_config.hpp"
#include "sim/model_params.hpp"
#include "world/city.hpp"

#include <string>
#include <vector>

namespace trygg {

struct RunSetup {
    CityConfig config;
    City city;
    Timeline timeline;
    ModelParams params;
};

// ConfigError or InputError (naming the file) for anything that cannot make a run;
// `extra` overrides apply after the scenario's own (a sweep point's values).
RunSetup prepare_run(const ScenarioConfig& scenario, const std::vector<ParameterOverride>& extra = {});

}  // namespace trygg
