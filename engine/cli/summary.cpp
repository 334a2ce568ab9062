#include "cli/summary.hpp"

#include "core/text.hpp"

#include <cstdio>
#include <ostream>
#include <string>

namespace trygg {

std::vector<double> yearly_means(const RunResults& r, const std::vector<std::int32_t>& counts) {
    const auto D = static_cast<std::size_t>(r.districts);
    const auto T = static_cast<std::size_t>(r.crime_types);
    std::vector<double> mean(D * T, 0.0);
    if (r.replicates == 0 || r.weeks == 0) return mean;
    for (std::size_t k = 0; k < counts.size(); ++k) mean[k % (D * T)] += counts[k];
    const double scale = 52.0 / (static_cast<double>(r.weeks) * r.replicates);
    for (auto& m : mean) m *= scale;
    return mean;
}

void print_summary(std::ostream& out, const RunResults& r, const DistrictTable& districts) {
    const auto mean = yearly_means(r, r.crimes_reported);
    const auto T = static_cast<std::size_t>(r.crime_types);
    constexpr std::size_t name_width = 30;
    out << "Crimes registered by the police per year, mean of " << r.replicates << " replicate(s)\n";
    out << pad_right("district", name_width);
    for (const auto& name : r.crime_type_names) {
        char h[16];
        std::snprintf(h, sizeof h, "%10s", name.substr(0, 9).c_str());
        out << h;
    }
    out << "     total\n";
    std::vector<double> column(T, 0.0);
    char cell[32];
    for (std::size_t d = 0; d < static_cast<std::size_t>(r.districts); ++d) {
        out << pad_right(districts.names[d], name_width);
        double row = 0.0;
        for (std::size_t t = 0; t < T; ++t) {
            const double v = mean[d * T + t];
            std::snprintf(cell, sizeof cell, "%10.1f", v);
            out << cell;
            row += v;
            column[t] += v;
        }
        std::snprintf(cell, sizeof cell, "%10.1f", row);
        out << cell << '\n';
    }
    out << pad_right("Total", name_width);
    double all = 0.0;
    for (double c : column) {
        std::snprintf(cell, sizeof cell, "%10.1f", c);
        out << cell;
        all += c;
    }
    std::snprintf(cell, sizeof cell, "%10.1f", all);
    out << cell << '\n';
    // The same totals as they truly happened, and as the EST picture knows them.
    for (const auto& [label, counts] :
         {std::pair{"All crimes (true)", &r.crimes_true}, std::pair{"Known to EST", &r.crimes_est}}) {
        const auto m = yearly_means(r, *counts);
        out << pad_right(label, name_width);
        double sum = 0.0;
        for (std::size_t t = 0; t < T; ++t) {
            double v = 0.0;
            for (std::size_t d = 0; d < static_cast<std::size_t>(r.districts); ++d) v += m[d * T + t];
            std::snprintf(cell, sizeof cell, "%10.1f", v);
            out << cell;
            sum += v;
        }
        std::snprintf(cell, sizeof cell, "%10.1f", sum);
        out << cell << '\n';
    }
    // The scenario's measures and what they cost over the horizon (compare them with a
    // baseline run with `trygg compare`).
    const auto& items = r.interventions;
    if (items.size() == 0) return;
    out << "\nMeasures (cost over the run, SEK)\n";
    double cost = 0.0;
    for (std::size_t k = 0; k < items.size(); ++k) {
        std::snprintf(cell, sizeof cell, "%14.0f", items.cost_sek[k]);
        out << "  " << pad_right(items.name[k] + " (" + items.kind[k] + ")", 2 * name_width) << cell << '\n';
        cost += items.cost_sek[k];
    }
    std::snprintf(cell, sizeof cell, "%14.0f", cost);
    out << "  " << pad_right("Total", 2 * name_width) << cell << '\n';
}

}  // namespace trygg
