// The opening: what was run (horizon, replicates, strategies) and the city's crime a year with
// the middle 95 % of replicates, before the details.
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

#include <filesystem>

namespace trygg {

Json summary_section(const ReportInput& input) {
    const RunFile& f = input.base.run;
    const RunResults& r = f.results;
    const std::vector<double> by_district = crimes_by_replicate_and_district(r);
    std::vector<double> per_year;
    for (int rep = 0; rep < r.replicates; ++rep) {
        double total = 0.0;
        for (int d = 0; d < r.districts; ++d)
            total += by_district[static_cast<std::size_t>(rep) * static_cast<std::size_t>(r.districts) +
                                 static_cast<std::size_t>(d)];
        per_year.push_back(r.weeks > 0 ? total * static_cast<double>(kWeeksPerYear) / r.weeks : 0.0);
    }
    double residents = 0.0;
    for (const std::int32_t p : f.districts.population) residents += p;
    Json strategies = Json::array();
    for (const ReportedStrategy& s : input.strategies) strategies.push_back(short_name(s.run));
    return Json{{"available", true},
                {"base", short_name(input.base)},
                {"scenario_file", f.provenance.scenario_file},
                // A reader wants the scenario's name, not the folder it was run from (that,
                // and the scenario's text, are in the provenance section).
                {"scenario_name", std::filesystem::path(f.provenance.scenario_file).filename().string()},
                {"start_date", f.provenance.start_date},
                {"weeks", r.weeks},
                {"replicates", r.replicates},
                {"districts", r.districts},
                {"residents", residents},
                {"crimes_per_year", mean_of(per_year)},
                {"crimes_per_year_low", quantile_of(per_year, 0.025)},
                {"crimes_per_year_high", quantile_of(per_year, 0.975)},
                {"strategies", std::move(strategies)},
                {"has_youth", !r.youth.members.empty()},
                {"has_safety", r.safety.quarters > 0}};
}

}  // namespace trygg
