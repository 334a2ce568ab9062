// Crime over time per district: each week (or quarter, for runs over two years) the mean over
// replicates and the band holding the middle 95 % of replicates; and the city's total for the
// reported run and each compared strategy.
#include "report/report_section.hpp"
#include "report/run_stats.hpp"

namespace trygg {
namespace {

// Runs up to two years are shown week by week; longer ones by quarter (13 weeks) to stay legible.
constexpr int kWeeklyUpTo = 104;
constexpr int kQuarterWeeks = 13;

// [replicate][period][district] crimes (all types); district −1: the whole city.
std::vector<double> period_counts(const RunResults& r, int period_weeks, int periods, int district) {
    const auto reps = static_cast<std::size_t>(r.replicates), weeks = static_cast<std::size_t>(r.weeks),
               districts = static_cast<std::size_t>(r.districts), types = static_cast<std::size_t>(r.crime_types);
    std::vector<double> counts(reps * static_cast<std::size_t>(periods), 0.0);
    if (r.crimes_true.size() != reps * weeks * districts * types) return counts;
    for (std::size_t rep = 0; rep < reps; ++rep)
        for (std::size_t w = 0; w < weeks; ++w)
            for (std::size_t d = 0; d < districts; ++d) {
                if (district >= 0 && d != static_cast<std::size_t>(district)) continue;
                const std::size_t p = w / static_cast<std::size_t>(period_weeks);
                for (std::size_t t = 0; t < types; ++t)
                    counts[rep * static_cast<std::size_t>(periods) + p] +=
                        r.crimes_true[((rep * weeks + w) * districts + d) * types + t];
            }
    return counts;
}

void add_rows(Json& rows, const RunFile& f, const std::string& series, const std::string& area, int district,
              int period_weeks) {
    const RunResults& r = f.results;
    const int periods = (r.weeks + period_weeks - 1) / period_weeks;
    const std::vector<double> counts = period_counts(r, period_weeks, periods, district);
    for (int p = 0; p < periods; ++p) {
        std::vector<double> values;
        for (int rep = 0; rep < r.replicates; ++rep)
            values.push_back(counts[static_cast<std::size_t>(rep) * static_cast<std::size_t>(periods) +
                                    static_cast<std::size_t>(p)]);
        rows.push_back({{"series", series},
                        {"area", area},
                        {"date", iso_date_plus(f.provenance.start_date, 7 * p * period_weeks)},
                        {"period", p},
                        {"mean", mean_of(values)},
                        {"low", quantile_of(values, 0.025)},
                        {"high", quantile_of(values, 0.975)}});
    }
}

}  // namespace

Json trends_section(const ReportInput& input) {
    const RunFile& f = input.base.run;
    if (f.results.weeks <= 0 || f.results.replicates <= 0) return unavailable("no_weeks");
    const int period_weeks = f.results.weeks <= kWeeklyUpTo ? 1 : kQuarterWeeks;
    Json s{
        {"available", true}, {"period", period_weeks == 1 ? "week" : "quarter"}, {"replicates", f.results.replicates}};
    Json districts = Json::array(), city = Json::array();
    for (int d = 0; d < f.results.districts && d < static_cast<int>(f.districts.names.size()); ++d)
        add_rows(districts, f, short_name(input.base), f.districts.names[static_cast<std::size_t>(d)], d, period_weeks);
    add_rows(city, f, short_name(input.base), "", -1, period_weeks);
    for (const ReportedStrategy& strategy : input.strategies)
        add_rows(city, strategy.run.run, short_name(strategy.run), "", -1, period_weeks);
    s["districts"] = std::move(districts);
    s["city"] = std::move(city);
    return s;
}

}  // namespace trygg
