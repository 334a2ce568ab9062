#include "io/run_setup.hpp"

#include "core/error.hpp"

namespace trygg {

RunSetup prepare_run(const ScenarioConfig& scenario, const std::vector<ParameterOverride>& extra) {
    if (add_days(scenario.start_date, 7LL * scenario.weeks).year > 9999) {
        throw InputError(scenario.file.string() +
                         ": the run would end after the year 9999; choose an earlier start_date or fewer weeks");
    }
    std::vector<ParameterOverride> overrides = scenario.overrides;
    overrides.insert(overrides.end(), extra.begin(), extra.end());
    RunSetup setup;
    setup.config = load_city_config(scenario.city_file, overrides);
    try {
        setup.city = build_city(setup.config.spec);
    } catch (const ConfigError&) {
        throw;
    } catch (const InputError& e) {
        throw InputError(setup.config.file.string() + ": " + e.what());
    }
    setup.timeline =
        build_timeline(scenario.start_date, scenario.weeks, setup.city.location, setup.city.school_holidays);
    setup.params = setup.config.params;
    setup.params.policing.steering = scenario.adaptive_steering ? Steering::Adaptive : Steering::Static;
    setup.params.interventions = resolve_interventions(scenario, setup.city, setup.config.grid_crs);
    return setup;
}

}  // namespace trygg
