#include "io/provenance.hpp"

#include "io/version.hpp"

namespace trygg {

RunProvenance run_provenance(const ScenarioConfig& scenario, const RunSetup& setup, int threads, double seconds) {
    RunProvenance p;
    p.trygg_version = kVersion;
    p.git_commit = kGitCommit;
    p.city_file = scenario.city_file.string();
    p.scenario_file = scenario.file.string();
    p.city_yaml = setup.config.text;
    p.scenario_yaml = scenario.text;
    p.start_date = to_string(scenario.start_date);
    p.seed = scenario.seed;
    p.replicates = scenario.replicates;
    p.weeks = scenario.weeks;
    p.threads = threads;
    p.wall_seconds = seconds;
    return p;
}

}  // namespace trygg
