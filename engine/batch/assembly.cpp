#include "batch/assembly.hpp"

#include "core/error.hpp"
#include "io/results_file.hpp"

#include <cstdio>
#include <vector>

namespace trygg {

namespace fs = std::filesystem;

fs::path part_path(const fs::path& parts, const std::string& group, int replicate) {
    char name[32];
    std::snprintf(name, sizeof name, "r%05d.h5", replicate);
    return parts / group / name;
}

void check_part(const fs::path& file, const BatchPlanRun& run, int replicate, const std::string& command,
                const std::string& remedy) {
    const RunProvenance p = read_run_provenance(file);
    const RunProvenance& expected = run.part;
    auto refuse = [&](const std::string& problem) {
        throw InputError(command + ": " + file.string() + " " + problem + ": " + remedy);
    };
    if (p.replicates != 1 || p.first_replicate != replicate) {
        refuse("holds replicate " + std::to_string(p.first_replicate) +
               (p.replicates == 1 ? "" : " and " + std::to_string(p.replicates - 1) + " more") + ", not replicate " +
               std::to_string(replicate));
    }
    if (p.trygg_version != expected.trygg_version || p.git_commit != expected.git_commit) {
        refuse("was made by trygg " + p.trygg_version + " (" + p.git_commit + "), the batch by trygg " +
               expected.trygg_version + " (" + expected.git_commit + ")");
    }
    if (p.scenario_yaml != expected.scenario_yaml)
        refuse("is a replicate of another scenario, sweep point or experiment");
    if (p.city_yaml != expected.city_yaml) refuse("was made with another city config");
    if (p.seed != expected.seed) {
        refuse("was made with seed " + std::to_string(p.seed) + ", the batch with seed " +
               std::to_string(expected.seed));
    }
    if (p.weeks != expected.weeks || p.start_date != expected.start_date) {
        refuse("was made with another start date or horizon");
    }
}

void assemble_parts(const BatchPlan& plan, const fs::path& parts, const fs::path& output,
                    const std::string& command_line, int threads, double seconds) {
    const int replicates = plan.replicates;
    std::vector<ExperimentRun> runs;
    for (const BatchPlanRun& run : plan.runs) {
        ExperimentRun group;
        group.group = run.group;
        group.provenance = run.part;
        group.provenance.replicates = replicates;
        group.provenance.first_replicate = 0;
        group.provenance.threads = threads;
        group.provenance.wall_seconds = seconds;
        group.sweep_paths = run.sweep_paths;
        group.sweep_values = run.sweep_values;
        runs.push_back(std::move(group));
    }
    ExperimentProvenance prov;
    prov.trygg_version = plan.trygg_version;
    prov.git_commit = plan.git_commit;
    prov.experiment_file = plan.experiment_file;
    prov.experiment_yaml = plan.experiment_yaml + "\n# trygg command line: " + command_line + "\n";
    prov.seed = plan.seed;
    prov.replicates = replicates;
    prov.weeks = plan.weeks;
    prov.threads = threads;
    prov.wall_seconds = seconds;
    // Streamed: one replicate in memory at a time, however many there are.
    write_experiment_file_from_parts(
        output, prov, runs, replicates, [&](std::size_t k, int r) { return part_path(parts, plan.runs[k].group, r); },
        plan.design ? &*plan.design : nullptr);
}

}  // namespace trygg
