#include "report/report_input.hpp"

#include "core/error.hpp"
#include "io/run_spec.hpp"

#include <tbb/task_group.h>

#include <utility>

namespace trygg {
namespace {

ReportedRun load_run(const std::string& spec) {
    ReportedRun r;
    r.source = parse_run_spec(spec);
    r.label = label_of(r.source);
    r.run = read_run(r.source, RunArrays::WithoutEstMaps);
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

// Reading is HDF5's (one thread: Debian's library is not thread-safe); comparing is not. So
// strategy k is compared on another thread while strategy k + 1 is read.
ReportInput load_report_input(const ReportRequest& request) {
    ReportInput input;
    input.base = load_run(request.base);
    const RunFile& b = input.base.run;
    input.strategies.resize(request.compare.size());
    input.discount_rate = request.discount_rate;
    CompareOptions options;
    options.buffer_m = request.buffer_m;
    options.pairing = request.pairing;
    options.harm = request.harm;
    options.discount_rate = request.discount_rate;
    tbb::task_group comparing;
    try {
        for (std::size_t k = 0; k < request.compare.size(); ++k) {
            ReportedStrategy& s = input.strategies[k];
            s.run = load_run(request.compare[k]);
            const std::string difference = why_not_paired(b.provenance, s.run.run.provenance);
            if (!difference.empty() && request.pairing == Pairing::Paired) {
                throw InputError(input.base.label + " and " + s.run.label + " are not paired (" + difference +
                                 "): their replicates do not share random numbers; report them with --unpaired");
            }
            comparing.run([&input, &s, &options] {
                const RunFile& base = input.base.run;
                const RunFile& o = s.run.run;
                s.comparison = compare_runs({input.base.label, base.grid, base.districts, base.results},
                                            {s.run.label, o.grid, o.districts, o.results}, options);
                release_arrays(s.run.run.results);
            });
        }
    } catch (...) {
        // The comparisons still running hold references into `input`: let them finish first.
        try {
            comparing.wait();
        } catch (...) {  // the error being thrown is the one to report
        }
        throw;
    }
    comparing.wait();
    // Ranking reads only crimes_true, which release_arrays keeps.
    if (input.strategies.size() >= 2) {
        std::vector<const RunResults*> runs;
        std::vector<double> costs;
        for (const ReportedStrategy& s : input.strategies) {
            runs.push_back(&s.run.run.results);
            costs.push_back(s.comparison.harm.cost_pv_sek);
        }
        input.ranking = rank_compared(b.results, runs, costs, options);
    }
    return input;
}

}  // namespace trygg
