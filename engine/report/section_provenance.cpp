// Where the figures come from: trygg's version and commit, seed, replicates, horizon and the
// scenario text of every run, so a reader can reproduce the report.
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

namespace trygg {
namespace {

Json run_json(const ReportedRun& run, const std::string& role) {
    const RunProvenance& p = run.run.provenance;
    return Json{{"role", role},
                {"name", short_name(run)},
                {"label", run.label},
                {"trygg_version", p.trygg_version},
                {"git_commit", p.git_commit},
                {"seed", std::to_string(p.seed)},
                {"replicates", p.replicates},
                {"first_replicate", p.first_replicate},
                {"weeks", p.weeks},
                {"start_date", p.start_date},
                {"city_file", p.city_file},
                {"scenario_file", p.scenario_file},
                {"scenario_yaml", p.scenario_yaml}};
}

}  // namespace

Json provenance_section(const ReportInput& input) {
    Json runs = Json::array({run_json(input.base, "base")});
    for (const ReportedStrategy& s : input.strategies) runs.push_back(run_json(s.run, "strategy"));
    return Json{{"available", true},
                {"report_trygg_version", input.trygg_version},
                {"report_git_commit", input.git_commit},
                {"runs", std::move(runs)}};
}

}  // namespace trygg
