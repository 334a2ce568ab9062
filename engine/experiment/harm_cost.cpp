#include "experiment/harm_cost.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace trygg {

double HarmIndex::weight_of(const std::string& crime_type) const {
    for (const HarmWeight& w : weights) {
        if (w.crime_type == crime_type) return w.weight;
    }
    throw InputError("harm index '" + name + "' has no weight for crime type '" + crime_type + "'");
}

HarmIndex default_harm_index() {
    // Days of imprisonment: the lowest penalty of the scale of the offence each modelled type
    // mostly is. BrB 26:1: a prison term is at least 14 days; BrB 25:8: unpaid fines convert
    // to at least 14 days, so a scale that starts at fines counts 14 days too. Swedish scales
    // of the ordinary degree do not separate assault from theft (both up to two years, no
    // special minimum), which is why Kärrholm et al. (2020) prefer average sentences; with
    // those figures at hand, pass them with `trygg compare --harm` (docs/comparison.md).
    constexpr double kShortestTerm = 14.0;  // BrB 26:1, BrB 25:8
    HarmIndex h;
    h.name = "brottsbalken_minimum_days";
    h.unit = "days of imprisonment";
    h.source =
        "Cambridge Crime Harm Index rule (Sherman, Neyroud & Neyroud 2016) on the lowest penalty of Brottsbalken's "
        "scales (Kärrholm, Neyroud & Smaaland 2020)";
    h.weights = {
        {"burglary", 182.0, "grov stöld, BrB 8:4 (intrusion into a dwelling): at least six months"},
        {"vehicle_theft", kShortestTerm, "tillgrepp av fortskaffningsmedel, BrB 8:7, or stöld, BrB 8:1: BrB 26:1"},
        {"bicycle_theft", kShortestTerm, "stöld, BrB 8:1: no special minimum, BrB 26:1"},
        {"other_theft", kShortestTerm, "stöld, BrB 8:1: no special minimum, BrB 26:1"},
        {"shop_theft", kShortestTerm, "snatteri, BrB 8:2: fines, converted by BrB 25:8"},
        {"vandalism", kShortestTerm, "skadegörelse, BrB 12:1: fines, converted by BrB 25:8"},
        {"robbery", 365.0, "rån, BrB 8:5: at least one year"},
        {"assault", kShortestTerm, "misshandel, BrB 3:5, or olaga hot, BrB 4:5: no special minimum, BrB 26:1"},
        {"drugs", kShortestTerm, "narkotikabrott, narkotikastrafflagen 1-2 §§: fines (ringa), BrB 25:8"},
    };
    return h;
}

double discount_factor(double rate, double day) {
    if (!std::isfinite(rate) || rate < 0.0) throw LogicError("discount_factor: rate is not a finite number >= 0");
    return std::pow(1.0 + rate, -day / kCalendarDaysPerYear);
}

double present_value_sek(const RunResults::Interventions& t, int days, double rate, bool* assumed) {
    const bool split = t.investment_sek.size() == t.size() && t.running_sek_per_year.size() == t.size();
    const bool timed = split && t.first_day.size() == t.size() && t.last_day.size() == t.size();
    if (assumed) *assumed = !timed && t.size() > 0;
    double pv = 0.0;
    if (!split) {  // only totals (a table made by hand): all of it on day 0
        for (const double c : t.cost_sek) pv += c;
        return pv;
    }
    for (std::size_t i = 0; i < t.size(); ++i) {
        int first = 0, last = -1;
        double investment = t.investment_sek[i];
        if (timed) {
            first = t.first_day[i];
            last = t.last_day[i];
            if (first >= days) investment = 0.0;  // starts after the run: cost_over counts nothing
        } else {
            // No days stored: cost_sek = investment + running · (days run) / 365, from day 0.
            double running_part = t.cost_sek[i] - investment;
            if (running_part < 0.0) {  // the investment fell outside the run
                investment = 0.0;
                running_part = t.cost_sek[i];
            }
            const double run_days =
                t.running_sek_per_year[i] > 0.0 ? running_part * kCalendarDaysPerYear / t.running_sek_per_year[i] : 0.0;
            last = std::min(days, static_cast<int>(std::lround(run_days))) - 1;
        }
        if (investment != 0.0) pv += investment * discount_factor(rate, first);
        const double per_day = t.running_sek_per_year[i] / kCalendarDaysPerYear;
        for (int d = std::max(first, 0); d <= std::min(last, days - 1); ++d)
            pv += per_day * discount_factor(rate, d + 0.5);
    }
    return pv;
}

std::vector<double> weights_for(const HarmIndex& index, const RunResults& r) {
    std::vector<double> w;
    for (const std::string& type : r.crime_type_names) w.push_back(index.weight_of(type));
    return w;
}

std::vector<double> weighted_crimes(const RunResults& r, std::span<const double> type_weight, double rate) {
    if (type_weight.size() != static_cast<std::size_t>(r.crime_types)) {
        throw LogicError("weighted_crimes: one weight per crime type expected");
    }
    std::vector<double> week_factor(static_cast<std::size_t>(r.weeks));
    for (int w = 0; w < r.weeks; ++w) week_factor[static_cast<std::size_t>(w)] = discount_factor(rate, 7.0 * w + 3.5);
    std::vector<double> v(static_cast<std::size_t>(r.replicates), 0.0);
    std::size_t i = 0;
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        for (std::size_t w = 0; w < week_factor.size(); ++w) {
            double week = 0.0;
            for (int d = 0; d < r.districts; ++d) {
                for (std::size_t t = 0; t < type_weight.size(); ++t, ++i) week += type_weight[t] * r.crimes_true[i];
            }
            v[rep] += week * week_factor[w];
        }
    }
    return v;
}

}  // namespace trygg
