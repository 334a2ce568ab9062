#include "cli/sensitivity_table.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include "cli/table_text.hpp"

namespace trygg {
namespace {

std::string with_interval(double v, const std::optional<Interval>& i, int decimals) {
    std::string s = fixed(v, decimals);
    if (i) s += " (" + fixed(i->low, decimals) + " to " + fixed(i->high, decimals) + ")";
    return s;
}

}  // namespace

void print_sensitivity_table(std::ostream& out, const SensitivityReport& report) {
    const SweepDesign& d = report.design;
    const bool morris = d.method == SweepMethod::Morris;
    out << "Sensitivity analysis of " << report.file << ": " << name_of(d.method) << " design over " << d.dimensions()
        << " parameter(s), " << d.size() << " points";
    if (morris)
        out << " (" << d.trajectories << " trajectories"
            << (d.candidates > 0 ? " chosen from " + std::to_string(d.candidates) : std::string()) << ", " << d.levels
            << " levels)";
    else
        out << " (N = " << d.base_samples << " rows of A and B)";
    out << " × " << report.replicates << " replicate(s) × " << report.weeks << " weeks\n"
        << "Outcome at a point: true crimes over the run, mean over replicates (an effect: OTHER − BASE\n"
           "replicate by replicate, then the mean). 95% intervals: percentile bootstrap over "
        << (morris ? "trajectories" : "rows") << ".\n";
    if (morris) {
        out << "mu*: mean |elementary effect|, in crimes per full range (high − low) of the parameter;\n"
               "mu: mean effect (its sign); sigma: spread of the effects (non-linearity, interactions).\n";
    } else {
        out << "S_i: share of the outcome's variance due to the parameter alone (Saltelli 2010);\n"
               "S_Ti: share due to it with all its interactions (Jansen).\n";
    }
    std::size_t width = 10;
    for (const auto& p : d.parameters) width = std::max(width, p.size() + 2);
    for (const SensitivityResult& r : report.results) {
        out << "\n" << r.subject << ": " << r.outcome << "\n  " << pad_cell("parameter", width);
        if (morris) {
            out << pad_cell("mu* (95% interval)", 30) << pad_cell("mu (95% interval)", 30) << "sigma (95% interval)\n";
            for (const MorrisIndex& m : r.morris) {
                out << "  " << pad_cell(d.parameters[m.parameter], width)
                    << pad_cell(with_interval(m.mu_star, m.mu_star_interval, 1), 30)
                    << pad_cell(with_interval(m.mu, m.mu_interval, 1), 30)
                    << with_interval(m.sigma, m.sigma_interval, 1) << "\n";
            }
        } else {
            out << pad_cell("S_i (95% interval)", 30) << "S_Ti (95% interval)\n";
            for (const SobolIndex& s : r.sobol) {
                out << "  " << pad_cell(d.parameters[s.parameter], width)
                    << pad_cell(with_interval(s.first, s.first_interval, 3), 30)
                    << with_interval(s.total, s.total_interval, 3) << "\n";
            }
        }
    }
}

}  // namespace trygg
