#include "cli/compare_command.hpp"

#include "cli/options.hpp"
#include "cli/table_text.hpp"

#include "core/error.hpp"
#include "experiment/compare.hpp"
#include "io/comparison_file.hpp"
#include "io/output_path.hpp"
#include "io/results_file.hpp"
#include "io/run_spec.hpp"
#include "model/risk_area.hpp"

#include <boost/program_options.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <ostream>
#include <vector>

namespace trygg {
namespace {

namespace po = boost::program_options;

struct CompareArgs {
    std::string base, other;
    std::string csv, json;
    double buffer_m = kDefaultBufferM;
    bool quiet = false;
    bool unpaired = false;
};

po::options_description compare_options() {
    po::options_description o("Options");
    o.add_options()("csv", po::value<std::string>(), "also write every outcome as CSV, one row per outcome and area")(
        "json", po::value<std::string>(), "also write the whole comparison as JSON (format trygg-compare/1)")(
        "buffer-m", po::value<double>(),
        "buffer around the treated cells, centre to centre [m] (default 300; 0: no buffer)")(
        "unpaired",
        "runs that do not share random numbers (another seed, start date, horizon or city): independent "
        "intervals (Welch; independent bootstrap for WDQ), much wider than paired ones")(
        "quiet,q", "no table (with --csv or --json: only the files)")("help,h", "this text");
    return o;
}

CompareArgs parse(const std::vector<std::string>& args, std::ostream& out, bool& help) {
    const po::variables_map vm = parse_command_line(args, compare_options(), {"base", "other"}, "compare");
    help = vm.count("help") > 0;
    if (help) {
        print_compare_help(out);
        return {};
    }
    if (!vm.count("other")) {
        throw InputError("trygg compare: give two runs, BASE and OTHER (e.g. trygg compare base.h5 lighting.h5)");
    }
    CompareArgs a;
    a.base = vm["base"].as<std::string>();
    a.other = vm["other"].as<std::string>();
    if (vm.count("csv")) a.csv = vm["csv"].as<std::string>();
    if (vm.count("json")) a.json = vm["json"].as<std::string>();
    if (vm.count("buffer-m")) a.buffer_m = vm["buffer-m"].as<double>();
    if (!std::isfinite(a.buffer_m) || a.buffer_m < 0.0) {
        char value[64];
        std::snprintf(value, sizeof value, "%g", a.buffer_m);
        throw InputError("trygg compare: --buffer-m: value " + std::string(value) + " must be 0 or more metres");
    }
    a.quiet = vm.count("quiet") > 0;
    a.unpaired = vm.count("unpaired") > 0;
    return a;
}

// check_output_path speaks of --output; here the option is --csv or --json.
void check_output(const std::string& path, const std::string& option) {
    if (path.empty()) return;
    try {
        check_output_path(path, "trygg compare");
    } catch (const InputError& e) {
        const std::string message = e.what();
        const std::string generic = "trygg compare: --output: ";
        if (message.rfind(generic, 0) != 0) throw;
        throw InputError("trygg compare: --" + option + ": " + message.substr(generic.size()));
    }
}

// ---- the table ----

// Whole kronor with thin groups of three ("1 250 000").
std::string kronor(double v) {
    const std::string digits = fixed(std::fabs(std::round(v)), 0);
    std::string s;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) s += ' ';
        s += digits[i];
    }
    return (std::round(v) < 0 ? "-" : "") + s;
}

std::string with_interval(double value, const std::optional<Interval>& interval, const char* unit, int decimals) {
    std::string s = fixed(value, decimals) + unit;
    if (interval) s += " (" + fixed(interval->low, decimals) + " to " + fixed(interval->high, decimals) + ")";
    return s;
}

constexpr std::size_t kLabel = 30, kNumber = 11, kChange = 32;

void print_row(std::ostream& out, const std::string& label, const Estimate& e, int decimals = 1) {
    out << pad_cell(label, kLabel);
    for (const double v : {e.base_mean, e.other_mean}) {
        const std::string n = fixed(v, decimals);
        out << std::string(n.size() < kNumber ? kNumber - n.size() : 1, ' ') << n;
    }
    out << "   " << pad_cell(with_interval(e.change, e.change_interval, "", decimals), kChange);
    out << (e.percent ? with_interval(*e.percent, e.percent_interval, "%", 1) : std::string("–")) << '\n';
}

void print_section(std::ostream& out, const Comparison& c, const std::string& title, const std::string& outcome) {
    out << title << '\n';
    for (const Estimate& e : c.outcomes) {
        if (e.outcome == outcome) print_row(out, "  " + e.key, e);
    }
}

const Estimate& find(const Comparison& c, const std::string& outcome, const std::string& key) {
    for (const Estimate& e : c.outcomes) {
        if (e.outcome == outcome && e.key == key) return e;
    }
    throw LogicError("trygg compare: no outcome " + outcome + "/" + key);
}

// An estimate in other units (shares as percentages): means, change and interval × factor;
// the percent change is unchanged.
Estimate scaled(Estimate e, double factor) {
    e.base_mean *= factor;
    e.other_mean *= factor;
    e.change *= factor;
    if (e.change_interval)
        e.change_interval = Interval{e.change_interval->low * factor, e.change_interval->high * factor};
    return e;
}

// The youth layer's outcomes for the city, then recruits and youth offences by home district;
// every district's row of every youth outcome is in the CSV and JSON.
void print_youth(std::ostream& out, const Comparison& c) {
    if (!c.youth.compared) {
        out << "Young people: not compared, " << c.youth.note << '\n';
        return;
    }
    const std::string year = std::to_string(c.youth.last_year_weeks) + " wk";
    out << "Young people (by home district; \"last " << year << "\": weekly mean over the last " << year << ")\n";
    print_row(out, "  recruits (new members)", find(c, "youth_recruits", "total"));
    print_row(out, "  members, last week", find(c, "youth_members_at_horizon", "total"));
    print_row(out, "  members, last " + year, find(c, "youth_members_last_year", "total"));
    print_row(out, "  offences by 12–20-year-olds", find(c, "youth_offences", "total"));
    const std::string prefix = "youth_substance_use_";
    for (const Estimate& e : c.outcomes) {
        if (e.key == "total" && e.outcome.rfind(prefix, 0) == 0) {
            print_row(out, "  13–24 " + e.outcome.substr(prefix.size()) + ", last " + year, e);
        }
    }
    print_row(out, "  propensity 12–20, last week", find(c, "youth_propensity_mean", "total"), 3);
    print_section(out, c, "Recruits by district", "youth_recruits_by_district");
    print_section(out, c, "Youth offences by district", "youth_offences_by_district");
}

// The risk-area outlook: per district, the share of replicates in each class at the horizon
// in BASE → OTHER, the change in the share listed (any class) and in the unsafe share. Tjärna
// Ängar first (the board's goal), then the districts listed in either run, then the rest in
// one line. Every district's row of every outcome is in the CSV and JSON.
void print_safety(std::ostream& out, const Comparison& c) {
    if (!c.safety.compared) {
        out << "Risk areas and safety: not compared, " << c.safety.note << '\n';
        return;
    }
    out << "Risk-area indicator at the horizon (share of replicates per class, base -> other; inspired by the\n"
           "police's criteria, not their decision) and residents unsafe out late (mean of the last "
        << c.safety.last_quarters << " quarters)\n";
    print_row(out, "  disorder and fires", find(c, "incidents_true", "total"));
    for (const Estimate& e : c.outcomes)
        if (e.outcome == "incidents_true_by_type") print_row(out, "    " + e.key, e);
    print_row(out, "    known to the EST", find(c, "incidents_est", "total"));
    print_row(out, "  unsafe out late, city (%)", scaled(find(c, "unsafe_share", "total"), 100.0));
    std::vector<std::string> order, quiet;
    for (const Estimate& e : c.outcomes) {
        if (e.outcome != "risk_listed_at_horizon_by_district") continue;
        if (e.key == "Tjärna Ängar")
            order.insert(order.begin(), e.key);
        else if (e.base_mean > 0.0 || e.other_mean > 0.0)
            order.push_back(e.key);
        else
            quiet.push_back(e.key);
    }
    for (const std::string& district : order) {
        out << "  " << district << ":";
        for (const auto name : kRiskClassNames) {
            const Estimate& e = find(c, "risk_class_" + std::string(name) + "_at_horizon_by_district", district);
            out << "  " << name << " " << fixed(100.0 * e.base_mean, 0) << "->" << fixed(100.0 * e.other_mean, 0)
                << "%";
        }
        out << '\n';
        out << "    trend over the last four quarters:";
        for (const char* t : {"improving", "unchanged", "worsening"}) {
            const Estimate& e = find(c, std::string("risk_trend_") + t + "_by_district", district);
            out << "  " << t << " " << fixed(100.0 * e.base_mean, 0) << "->" << fixed(100.0 * e.other_mean, 0) << "%";
        }
        out << '\n';
        print_row(out, "    listed (pp)", scaled(find(c, "risk_listed_at_horizon_by_district", district), 100.0));
        print_row(out, "    score", find(c, "risk_score_at_horizon_by_district", district), 2);
        print_row(out, "    unsafe out late (pp)", scaled(find(c, "unsafe_share_by_district", district), 100.0));
        print_row(out, "    collective efficacy", find(c, "collective_efficacy_at_horizon_by_district", district), 3);
    }
    if (!quiet.empty()) {
        out << "  listed in no replicate of either run:";
        for (std::size_t k = 0; k < quiet.size(); ++k) out << (k ? ", " : " ") << quiet[k];
        out << '\n';
    }
}

void print_table(std::ostream& out, const Comparison& c, const ComparedFile& base, const ComparedFile& other) {
    const bool paired = c.pairing == Pairing::Paired;
    out << "Comparison of two runs: " << c.replicates << (paired ? " paired" : " UNPAIRED (independent)")
        << " replicate(s) × " << c.weeks << " weeks\n"
        << "  BASE   " << label_of(base) << " (scenario " << base.scenario_file << ")\n"
        << "  OTHER  " << label_of(other) << " (scenario " << other.scenario_file << ")\n";
    if (paired) {
        out << "Counts over the whole horizon, mean over replicates. Change = OTHER − BASE in the same replicate\n"
               "(same random numbers), with its 95% interval; percent of the BASE mean.\n\n";
    } else {
        out << "Counts over the whole horizon, mean over replicates. The runs do not share random numbers, so\n"
               "Change = OTHER mean − BASE mean with an unpaired 95% interval (Welch); percent of the BASE mean.\n\n";
    }
    out << pad_cell("", kLabel) << pad_cell("       base", kNumber) << pad_cell("      other", kNumber) << "   "
        << pad_cell("change (95% interval)", kChange) << "percent (95% interval)\n";
    print_row(out, "All crimes (true)", find(c, "crimes_true", "total"));
    print_section(out, c, "By crime type", "crimes_true_by_type");
    print_section(out, c, "By hour of day", "crimes_true_by_hour");
    print_section(out, c, "Victims by group", "victims_by_group");
    out << "Recorded and observed\n";
    print_row(out, "  police-registered", find(c, "crimes_reported", "total"));
    print_row(out, "  known to the EST", find(c, "crimes_est", "total"));
    print_row(out, "  hotspot cell-weeks", find(c, "hotspot_cell_weeks", "total"));
    print_row(out, "  youth hours in public", find(c, "youth_public_hours", "total"));
    print_row(out, "    of which Fri+Sat 18–24", find(c, "youth_public_hours", "fri_sat_18_24"));
    print_youth(out, c);
    print_safety(out, c);

    const AreaComparison& a = c.areas;
    out << "Areas (OTHER's treated cells, buffer " << fixed(a.split.buffer_m, 0) << " m)\n";
    print_row(out, "  treated (" + std::to_string(a.split.treated) + " cells)", a.treated);
    print_row(out, "  buffer (" + std::to_string(a.split.buffer) + " cells)", a.buffer);
    print_row(out, "  rest (" + std::to_string(a.split.rest) + " cells)", a.rest);
    out << "  displacement quotient (WDQ): ";
    if (a.wdq.value) out << with_interval(*a.wdq.value, a.wdq.interval, "", 3) << ": ";
    out << a.wdq.meaning << '\n';

    out << "Cost over the horizon\n"
        << "  extra cost " << kronor(c.cost.sek) << " SEK; crimes prevented " << fixed(c.cost.prevented, 1) << '\n'
        << "  cost per crime prevented: ";
    if (c.cost.sek_per_crime_prevented) {
        out << kronor(*c.cost.sek_per_crime_prevented) << " SEK";
        if (c.cost.interval)
            out << " (" << kronor(c.cost.interval->low) << " to " << kronor(c.cost.interval->high) << ")";
        out << '\n';
    } else {
        out << c.cost.note << '\n';
    }
}

}  // namespace

void print_compare_help(std::ostream& out) {
    out << "Usage: trygg compare BASE OTHER [options]\n"
           "\n"
           "Compares two runs of the same city, e.g. today (BASE) and a scenario with measures (OTHER).\n"
           "BASE and OTHER are run files (file.h5) or runs of an experiment file (file.h5:group).\n"
           "\n"
           "Paired: replicate r of both runs draws the same random numbers, so the same people have the\n"
           "same days in both and only the measures differ. The change OTHER − BASE is taken replicate\n"
           "by replicate; its mean and 95% interval (t distribution over replicates) say what the\n"
           "measures did, far more precisely than two separate averages. Runs must have the same\n"
           "replicates, weeks, districts, crime types and grid, and to be paired the same seed, start\n"
           "date, horizon and city config; runs that are not paired are refused unless --unpaired is\n"
           "given, which uses independent intervals and says so in the table, CSV and JSON.\n"
           "\n"
           "Printed: all crimes, by type, by hour of day, victims, police-registered and EST-known\n"
           "crimes, hotspot cell-weeks, youth hours in public space; young people: recruits into\n"
           "criminal networks, members, offences by 12–20-year-olds, substance use and propensity\n"
           "(by district in the CSV and JSON); the risk-area indicator per district at the horizon\n"
           "(share of replicates in each class: none, utsatt, risk, sarskilt_utsatt; an indicator\n"
           "inspired by the police's criteria, not their decision), residents unsafe out late and\n"
           "collective efficacy; crimes in OTHER's treated cells, in a buffer around them\n"
           "and in the rest of the study area; the cost per crime prevented.\n"
           "\n"
           "WDQ, the weighted displacement quotient (Bowers & Johnson 2003), asks whether crime moved\n"
           "from the treated area into the buffer. With crime down in the treated area relative to the\n"
           "rest, WDQ > 0 means the buffer gained too (diffusion of benefit), WDQ < 0 that crime moved\n"
           "there (displacement), and |WDQ| > 1 that the buffer's change outweighs the treated one's.\n"
           "\n"
        << compare_options()
        << "\n"
           "Example:\n"
           "  trygg run scenarios/baseline.yaml -o base.h5 --replicates 8\n"
           "  trygg run scenarios/lighting_tjarna.yaml -o lighting.h5 --replicates 8\n"
           "  trygg compare base.h5 lighting.h5 --csv lighting.csv --json lighting.json\n"
           "  trygg compare experiment.h5:baseline experiment.h5:lighting_tjarna --buffer-m 200\n"
           "\n"
           "Formulas and the CSV and JSON layouts: docs/comparison.md.\n";
}

int compare_command(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    bool help = false;
    const CompareArgs a = parse(args, out, help);
    if (help) return 0;
    check_output(a.csv, "csv");
    check_output(a.json, "json");

    ComparedFile base = parse_run_spec(a.base);
    ComparedFile other = parse_run_spec(a.other);
    std::vector<RoledPath> outputs;
    if (!a.csv.empty()) outputs.push_back({"--csv", a.csv});
    if (!a.json.empty()) outputs.push_back({"--json", a.json});
    check_outputs_apart(outputs, {{"BASE", base.file}, {"OTHER", other.file}}, "trygg compare");
    Comparison comparison;
    try {
        const RunFile b = read_run(base);
        const RunFile o = read_run(other);
        base.scenario_file = b.provenance.scenario_file;
        other.scenario_file = o.provenance.scenario_file;
        const std::string difference = why_not_paired(b.provenance, o.provenance);
        if (!difference.empty() && !a.unpaired) {
            throw InputError(label_of(base) + " and " + label_of(other) + " are not paired (" + difference +
                             "): their replicates do not share random numbers; compare them with --unpaired");
        }
        const Pairing pairing = a.unpaired ? Pairing::Unpaired : Pairing::Paired;
        comparison = compare_runs({label_of(base), b.grid, b.districts, b.results},
                                  {label_of(other), o.grid, o.districts, o.results}, a.buffer_m, pairing);
    } catch (const InputError& e) {
        throw InputError("trygg compare: " + std::string(e.what()));
    }
    if (!a.csv.empty()) write_comparison_csv(a.csv, comparison);
    if (!a.json.empty()) write_comparison_json(a.json, comparison, base, other);
    if (!a.quiet) print_table(out, comparison, base, other);
    return 0;
}

}  // namespace trygg
