#include "report/report_input.hpp"

#include "core/error.hpp"
#include "io/run_spec.hpp"

namespace trygg {
namespace {

ReportedRun load_run(const std::string& spec) {
    ReportedRun r;
    r.source = parse_run_spec(spec);
    r.label = label_of(r.source);
    r.run = read_run(r.source);
    r.source.scenario_file = r.run.provenance.scenario_file;
    return r;
}

// A strategy's sections read only its comparison, provenance, measures and weekly crime counts:
// its per-cell arrays go once compared, so six strategies of a whole-city run fit in memory.
void release_arrays(RunResults& r) {
    RunResults kept;
    kept.replicates = r.replicates;
    kept.weeks = r.weeks;
    kept.districts = r.districts;
    kept.crime_types = r.crime_types;
    kept.crime_type_names = std::move(r.crime_type_names);
    kept.crimes_true = std::move(r.crimes_true);
    kept.interventions = std::move(r.interventions);
    r = std::move(kept);
}

}  // namespace

ReportInput load_report_input(const ReportRequest& request) {
    ReportInput input;
    input.base = load_run(request.base);
    const RunFile& b = input.base.run;
    for (const std::string& spec : request.compare) {
        ReportedStrategy s;
        s.run = load_run(spec);
        const RunFile& o = s.run.run;
        const std::string difference = why_not_paired(b.provenance, o.provenance);
        if (!difference.empty() && request.pairing == Pairing::Paired) {
            throw InputError(input.base.label + " and " + s.run.label + " are not paired (" + difference +
                             "): their replicates do not share random numbers; report them with --unpaired");
        }
        s.comparison = compare_runs({input.base.label, b.grid, b.districts, b.results},
                                    {s.run.label, o.grid, o.districts, o.results}, request.buffer_m, request.pairing);
        release_arrays(s.run.run.results);
        input.strategies.push_back(std::move(s));
    }
    return input;
}

}  // namespace trygg
