#include "cli/sensitivity_command.hpp"

#include "cli/options.hpp"
#include "cli/sensitivity_table.hpp"
#include "core/error.hpp"
#include "core/text.hpp"  // did_you_mean
#include "experiment/sensitivity.hpp"
#include "io/design_file.hpp"
#include "io/experiment_config.hpp"
#include "io/output_path.hpp"
#include "io/results_file.hpp"
#include "io/sensitivity_file.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <set>

namespace trygg {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

const std::string kCommand = "trygg sensitivity";

struct SensitivityArgs {
    std::string file;
    std::vector<std::string> outcomes;  // empty: all
    std::string base, other;
    std::string csv, json;
    bool quiet = false;
};

po::options_description sensitivity_options() {
    po::options_description o("Options");
    o.add_options()("outcome", po::value<std::vector<std::string>>()->composing(),
                    "an outcome: total (all true crimes) or a crime type (burglary, …); repeat for several "
                    "(default: all)")("base", po::value<std::string>(),
                                      "with --other: the effect OTHER − BASE at each point, replicate by replicate")(
        "other", po::value<std::string>(), "the scenario whose effect against --base is analysed")(
        "csv", po::value<std::string>(), "also write every index as CSV (one row per index)")(
        "json", po::value<std::string>(), "also write the design and every index as JSON (trygg-sensitivity/1)")(
        "quiet,q", "no table (with --csv or --json: only the files)")("help,h", "this text");
    return o;
}

SensitivityArgs parse(const std::vector<std::string>& args, std::ostream& out, bool& help) {
    const po::variables_map vm = parse_command_line(args, sensitivity_options(), {"file"}, "sensitivity");
    help = vm.count("help") > 0;
    if (help) {
        print_sensitivity_help(out);
        return {};
    }
    if (!vm.count("file")) {
        throw InputError(kCommand + ": no batch file given (e.g. trygg sensitivity results/morris_screening.h5)");
    }
    SensitivityArgs a;
    a.file = vm["file"].as<std::string>();
    if (vm.count("outcome")) a.outcomes = vm["outcome"].as<std::vector<std::string>>();
    if (vm.count("base")) a.base = vm["base"].as<std::string>();
    if (vm.count("other")) a.other = vm["other"].as<std::string>();
    if (a.base.empty() != a.other.empty()) {
        throw InputError(kCommand + ": " + (a.base.empty() ? "--other" : "--base") + " needs " +
                         (a.base.empty() ? "--base" : "--other") + ": the effect is OTHER − BASE");
    }
    if (vm.count("csv")) a.csv = vm["csv"].as<std::string>();
    if (vm.count("json")) a.json = vm["json"].as<std::string>();
    a.quiet = vm.count("quiet") > 0;
    return a;
}

// check_output_path speaks of --output; here the option is --csv or --json.
void check_output(const std::string& path, const std::string& option) {
    if (path.empty()) return;
    try {
        check_output_path(path, kCommand);
    } catch (const InputError& e) {
        const std::string message = e.what();
        const std::string generic = kCommand + ": --output: ";
        if (message.rfind(generic, 0) != 0) throw;
        throw InputError(kCommand + ": --" + option + ": " + message.substr(generic.size()));
    }
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

// ---- the batch file ----

// The scenarios of a batch, in file order, from their groups "<scenario>.pNNN".
std::vector<std::string> scenarios_of(const std::vector<std::string>& groups) {
    std::vector<std::string> names;
    for (const auto& g : groups) {
        const auto dot = g.rfind(".p");
        if (dot == std::string::npos || dot + 2 == g.size()) continue;
        if (!std::all_of(g.begin() + static_cast<std::ptrdiff_t>(dot + 2), g.end(),
                         [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        const std::string name = g.substr(0, dot);
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
}

SweepDesign sensitivity_design(const std::string& file) {
    const auto design = read_sweep_design(file);
    if (!design) {
        throw InputError(file +
                         ": not a Morris or Sobol' batch: it has no sweep design (a batch without a sweep, a "
                         "single run, or a file from a trygg before designs were recorded)");
    }
    if (design->method != SweepMethod::Morris && design->method != SweepMethod::Sobol) {
        throw InputError(file + ": not a Morris or Sobol' batch: its sweep method is " + name_of(design->method) +
                         " (use sweep.method: morris or sobol in the experiment file)");
    }
    return *design;
}

void check_scenario(const std::string& file, const std::string& option, const std::string& name,
                    const std::vector<std::string>& scenarios) {
    if (std::find(scenarios.begin(), scenarios.end(), name) != scenarios.end()) return;
    throw InputError(file + ": " + option + ": no scenario '" + name + "'" + did_you_mean(name, scenarios) +
                     " (it has: " + joined(scenarios) + ")");
}

// Every point of the design must have its group: a batch only writes its file complete, but
// a file edited since (or a design that does not match its groups) must not give indices.
void check_complete(const std::string& file, const std::string& scenario, std::size_t points,
                    const std::vector<std::string>& groups) {
    const std::set<std::string> present(groups.begin(), groups.end());
    std::size_t found = 0;
    std::string missing;
    for (std::size_t p = 0; p < points; ++p) {
        const std::string g = sweep_group(scenario, p);
        if (present.count(g))
            ++found;
        else if (missing.empty())
            missing = g;
    }
    if (found != points) {
        throw InputError(file + ": an incomplete batch: scenario '" + scenario + "' has " + std::to_string(found) +
                         " of the design's " + std::to_string(points) + " points (" + missing + " is missing)");
    }
}

// Per outcome (total, then each crime type), per replicate: true crimes over the run.
struct PointCounts {
    std::vector<std::string> outcomes;
    std::vector<std::vector<double>> values;  // [outcome][replicate]
    int replicates = 0;
    int weeks = 0;
};

PointCounts read_point(const std::string& file, const std::string& group) {
    const RunResults r = read_run_file(file, group).results;
    PointCounts c;
    c.outcomes.push_back("total");
    for (const auto& name : r.crime_type_names) c.outcomes.push_back(name);
    c.replicates = r.replicates;
    c.weeks = r.weeks;
    const auto types = static_cast<std::size_t>(r.crime_types);
    const std::size_t per_replicate = static_cast<std::size_t>(r.weeks) * static_cast<std::size_t>(r.districts) * types;
    c.values.assign(c.outcomes.size(), std::vector<double>(static_cast<std::size_t>(r.replicates), 0.0));
    for (std::size_t rep = 0; rep < static_cast<std::size_t>(r.replicates); ++rep) {
        for (std::size_t k = 0; k < per_replicate; ++k) {
            const double n = r.crimes_true[rep * per_replicate + k];
            c.values[0][rep] += n;
            c.values[1 + k % types][rep] += n;
        }
    }
    return c;
}

double mean(const std::vector<double>& v) {
    double s = 0.0;
    for (const double x : v) s += x;
    return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

// What is analysed: a scenario's counts, or OTHER − BASE replicate by replicate.
struct Subject {
    std::string name;
    std::string scenario, base;  // base empty: the scenario's own counts
};

// The subject's value of every outcome at every point: [outcome][point].
std::vector<std::vector<double>> subject_outputs(const std::string& file, const Subject& s, std::size_t points,
                                                 PointCounts& shape) {
    std::vector<std::vector<double>> y;
    for (std::size_t p = 0; p < points; ++p) {
        const PointCounts counts = read_point(file, sweep_group(s.scenario, p));
        std::optional<PointCounts> base;
        if (!s.base.empty()) base = read_point(file, sweep_group(s.base, p));
        if (p == 0) {
            shape = counts;
            y.assign(counts.outcomes.size(), std::vector<double>(points, 0.0));
        }
        if (counts.outcomes != shape.outcomes || (base && base->outcomes != shape.outcomes) ||
            counts.replicates != shape.replicates || (base && base->replicates != shape.replicates)) {
            throw InputError(file + ": the runs of the batch differ in crime types or replicates");
        }
        for (std::size_t o = 0; o < y.size(); ++o) {
            std::vector<double> v = counts.values[o];
            // Paired: the change within each replicate (same random numbers), then its mean.
            if (base) {
                for (std::size_t r = 0; r < v.size(); ++r) v[r] -= base->values[o][r];
            }
            y[o][p] = mean(v);
        }
    }
    return y;
}

// Rows in order of importance: μ* or S_Ti, largest first (ties in parameter order).
void sort_by_importance(SensitivityResult& r) {
    std::stable_sort(r.morris.begin(), r.morris.end(),
                     [](const MorrisIndex& a, const MorrisIndex& b) { return a.mu_star > b.mu_star; });
    std::stable_sort(r.sobol.begin(), r.sobol.end(),
                     [](const SobolIndex& a, const SobolIndex& b) { return a.total > b.total; });
}

SensitivityReport analyse(const SensitivityArgs& a) {
    const std::vector<std::string> groups = list_run_groups(a.file);
    SensitivityReport report;
    report.file = a.file;
    report.design = sensitivity_design(a.file);
    const std::vector<std::string> scenarios = scenarios_of(groups);
    std::vector<Subject> subjects;
    if (!a.base.empty()) {
        check_scenario(a.file, "--base", a.base, scenarios);
        check_scenario(a.file, "--other", a.other, scenarios);
        subjects.push_back(Subject{a.other + " - " + a.base, a.other, a.base});
    } else {
        for (const auto& s : scenarios) subjects.push_back(Subject{s, s, ""});
    }
    if (subjects.empty()) throw InputError(a.file + ": an incomplete batch: it has no run groups");
    for (const Subject& s : subjects) {
        check_complete(a.file, s.scenario, report.design.size(), groups);
        if (!s.base.empty()) check_complete(a.file, s.base, report.design.size(), groups);
    }
    // An unknown outcome is refused before all the points are read.
    const PointCounts first = read_point(a.file, sweep_group(subjects.front().scenario, 0));
    for (const auto& wanted : a.outcomes) {
        if (std::find(first.outcomes.begin(), first.outcomes.end(), wanted) == first.outcomes.end()) {
            throw InputError(kCommand + ": --outcome: no outcome '" + wanted + "'" +
                             did_you_mean(wanted, first.outcomes) + " (outcomes: " + joined(first.outcomes) + ")");
        }
    }
    for (const Subject& s : subjects) {
        PointCounts shape;
        const auto y = subject_outputs(a.file, s, report.design.size(), shape);
        report.replicates = shape.replicates;
        report.weeks = shape.weeks;
        for (std::size_t o = 0; o < shape.outcomes.size(); ++o) {
            const std::string& outcome = shape.outcomes[o];
            if (!a.outcomes.empty() && std::find(a.outcomes.begin(), a.outcomes.end(), outcome) == a.outcomes.end())
                continue;
            SensitivityResult r{s.name, outcome, {}, {}};
            if (report.design.method == SweepMethod::Morris)
                r.morris = morris_indices(report.design, y[o]);
            else
                r.sobol = sobol_indices(report.design, y[o]);
            sort_by_importance(r);
            report.results.push_back(std::move(r));
        }
    }
    return report;
}

}  // namespace

void print_sensitivity_help(std::ostream& out) {
    out << "Usage: trygg sensitivity OUT.h5 [options]\n"
           "\n"
           "Sensitivity indices of a batch run over a Morris or Sobol' design (sweep.method: morris or\n"
           "sobol in the experiment file; the design is in OUT.h5's /design). For each scenario (or,\n"
           "with --base and --other, for the effect OTHER − BASE, replicate by replicate) and each\n"
           "outcome (all true crimes, each crime type), the outcome at each design point is the mean\n"
           "over replicates of the crimes over the run, and:\n"
           "  morris  mu* (mean |elementary effect|, in crimes per full range of the parameter), mu and\n"
           "          sigma, per parameter, sorted by mu*; bootstrap 95% intervals over trajectories.\n"
           "  sobol   first-order S_i and total S_Ti (Saltelli et al. 2010; Jansen), sorted by S_Ti;\n"
           "          bootstrap 95% intervals over the rows of A and B.\n"
           "\n"
        << sensitivity_options()
        << "\n"
           "Example:\n"
           "  trygg batch configs/experiments/morris_screening.yaml -o results/morris.h5\n"
           "  trygg sensitivity results/morris.h5 --outcome total --outcome burglary\n"
           "  trygg sensitivity results/morris.h5 --base baseline --other combined --csv effect.csv\n"
           "\n"
           "Designs, estimators and the CSV and JSON layouts: docs/comparison.md, \"Sensitivity analysis\".\n";
}

int sensitivity_command(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    bool help = false;
    const SensitivityArgs a = parse(args, out, help);
    if (help) return 0;
    check_output(a.csv, "csv");
    check_output(a.json, "json");
    std::vector<RoledPath> outputs;
    if (!a.csv.empty()) outputs.push_back({"--csv", a.csv});
    if (!a.json.empty()) outputs.push_back({"--json", a.json});
    check_outputs_apart(outputs, {{"the batch file", a.file}}, kCommand);
    SensitivityReport report;
    try {
        report = analyse(a);
    } catch (const InputError& e) {
        const std::string message = e.what();
        if (message.rfind(kCommand, 0) == 0) throw;
        throw InputError(kCommand + ": " + message);
    }
    if (!a.csv.empty()) write_sensitivity_csv(a.csv, report);
    if (!a.json.empty()) write_sensitivity_json(a.json, report);
    if (!a.quiet) print_sensitivity_table(out, report);
    return 0;
}

}  // namespace trygg
