#include "cli/compare_command.hpp"

#include "cli/options.hpp"
#include "cli/table_text.hpp"

#include "cli/output_path.hpp"
#include "core/error.hpp"
#include "experiment/compare.hpp"
#include "experiment/ranking.hpp"
#include "io/comparison_file.hpp"
#include "io/harm_config.hpp"
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
    std::vector<std::string> runs;  // BASE, then one or more OTHER (or one experiment file)
    std::string csv, json;
    std::string harm;      // --harm FILE; empty: the built-in index
    std::string baseline;  // --baseline GROUP of an experiment file
    double buffer_m = kDefaultBufferM;
    double discount_rate = kDefaultDiscountRate;
    bool quiet = false;
    bool unpaired = false;
};

po::options_description compare_options() {
    po::options_description o("Options");
    o.add_options()("csv", po::value<std::string>(),
                    "also write every outcome as CSV, one row per outcome and area (with several OTHER runs: the "
                    "ranking, one row per criterion and strategy)")(
        "json", po::value<std::string>(),
        "also write the whole comparison as JSON (format trygg-compare/1; with several OTHER runs: "
        "trygg-ranking/1)")("buffer-m", po::value<double>(),
                            "buffer around the treated cells, centre to centre [m] (default 300; 0: no buffer)")(
        "unpaired",
        "runs that do not share random numbers (another seed, start date, horizon or city): independent "
        "intervals (Welch; independent bootstrap for WDQ), much wider than paired ones")(
        "harm", po::value<std::string>(),
        "crime harm index, a YAML file with a weight per crime type (default: the built-in index, "
        "configs/harm/brottsbalken_minimum_days.yaml)")(
        "discount-rate", po::value<double>(),
        "real discount rate a year for present values of costs and crimes (default 0.035, ASEK; 0: none)")(
        "baseline", po::value<std::string>(),
        "with one experiment file: the group every other group is compared with (default: baseline)")(
        "quiet,q", "no table (with --csv or --json: only the files)")("help,h", "this text");
    return o;
}

std::string number_text(double v) {
    char value[64];
    std::snprintf(value, sizeof value, "%g", v);
    return value;
}

CompareArgs parse(const std::vector<std::string>& args, std::ostream& out, bool& help) {
    const po::variables_map vm = parse_command_line_list(args, compare_options(), "run", "compare");
    help = vm.count("help") > 0;
    if (help) {
        print_compare_help(out);
        return {};
    }
    CompareArgs a;
    if (vm.count("run")) a.runs = vm["run"].as<std::vector<std::string>>();
    if (a.runs.empty()) {
        throw InputError(
            "trygg compare: give BASE and one or more OTHER runs, or one experiment file (e.g. trygg compare base.h5 "
            "lighting.h5, or trygg compare experiment.h5)");
    }
    if (vm.count("csv")) a.csv = vm["csv"].as<std::string>();
    if (vm.count("json")) a.json = vm["json"].as<std::string>();
    if (vm.count("harm")) a.harm = vm["harm"].as<std::string>();
    if (vm.count("baseline")) a.baseline = vm["baseline"].as<std::string>();
    if (vm.count("buffer-m")) a.buffer_m = vm["buffer-m"].as<double>();
    if (!std::isfinite(a.buffer_m) || a.buffer_m < 0.0) {
        throw InputError("trygg compare: --buffer-m: value " + number_text(a.buffer_m) + " must be 0 or more metres");
    }
    if (vm.count("discount-rate")) a.discount_rate = vm["discount-rate"].as<double>();
    // Above 100 % a year is no real rate anyone uses: a percentage typed as a number (3.5).
    if (!std::isfinite(a.discount_rate) || a.discount_rate < 0.0 || a.discount_rate > 1.0) {
        throw InputError("trygg compare: --discount-rate: value " + number_text(a.discount_rate) +
                         " must be a share from 0 to 1 a year (3.5 % is 0.035)");
    }
    if (!a.baseline.empty() && a.runs.size() != 1) {
        throw InputError("trygg compare: --baseline names a group of one experiment file; with " +
                         std::to_string(a.runs.size()) + " runs given, the first is BASE");
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

std::string percent_text(double share) {
    return fixed(100.0 * share, 1) + " %";
}

void print_cost_line(std::ostream& out, const std::string& label, const CostEffect& e, const std::string& unit) {
    out << "  " << label << ": ";
    if (e.sek_per_crime_prevented) {
        out << kronor(*e.sek_per_crime_prevented) << " SEK" << unit;
        if (e.interval) out << " (" << kronor(e.interval->low) << " to " << kronor(e.interval->high) << ")";
        out << '\n';
    } else {
        out << e.note << '\n';
    }
}

// Harm weighted by the index, present values, and the cost per crime and per unit of harm.
void print_harm(std::ostream& out, const Comparison& c) {
    const HarmCostComparison& h = c.harm;
    out << "Harm (index " << h.index_name << ", " << h.index_unit << " per crime; docs/comparison.md)\n";
    print_row(out, "  harm over the horizon", find(c, "harm_true", "total"), 0);
    for (const Estimate& e : c.outcomes) {
        if (e.outcome == "harm_true_by_type" && (e.base_mean != 0.0 || e.other_mean != 0.0)) {
            print_row(out, "    " + e.key, e, 0);
        }
    }
    out << "Present values (discount rate " << percent_text(h.discount_rate) << " a year; each week at its middle)\n";
    print_row(out, "  crimes", find(c, "crimes_true_pv", "total"));
    print_row(out, "  harm", find(c, "harm_true_pv", "total"), 0);
    out << "  extra cost " << kronor(h.cost_pv_sek) << " SEK at present value (" << kronor(h.cost_sek)
        << " SEK undiscounted)" << (h.timing_assumed ? "; a run file without the measures' days: costs from day 0" : "")
        << '\n';
    print_cost_line(out, "cost per crime prevented (present values)", h.per_crime_pv, "");
    print_cost_line(out, "cost per unit of harm prevented (present values)", h.per_harm_pv,
                    " per " + (h.index_unit == "days of imprisonment" ? std::string("day") : h.index_unit));
}

// Hotspots defined once, by BASE.
void print_hotspots(std::ostream& out, const Comparison& c) {
    const HotspotComparison& h = c.hotspots;
    out << "Hotspots on BASE's yardstick (every week of both runs tested against BASE's mean, variance and\n"
           "threshold for that week, so less crime can never make a cell hot)\n";
    if (h.weekly) {
        print_row(out, "  hotspot cell-weeks", find(c, "hotspot_cell_weeks_baseline_rule", "total"));
        print_row(out, "  persistent hotspots (cells)", find(c, "hotspots_persistent", "total"));
        print_row(out, "    new (not persistent in BASE)", find(c, "hotspots_persistent_new", "total"));
        print_row(out, "    vanished (persistent in BASE)", find(c, "hotspots_persistent_vanished", "total"));
        out << "    (persistent: hot in more than " << fixed(100.0 * h.persistent_share, 0) << " % of the weeks)\n";
    } else {
        out << "  not compared: " << h.note << '\n';
    }
    out << "  BASE's top cells: the " << h.top_cells << " with the most crime in BASE, holding "
        << fixed(100.0 * h.top_crime_share, 0) << " % of it\n";
    print_row(out, "  crimes in BASE's top cells", find(c, "crimes_true_in_baseline_top_cells", "total"));
    print_row(out, "  share of crime there (%)", scaled(find(c, "crime_share_in_baseline_top_cells", "total"), 100.0));
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
    out << "    (each run's own weekly test, what EST sees; on BASE's yardstick below)\n";
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
    print_harm(out, c);
    print_hotspots(out, c);
}

}  // namespace

void print_compare_help(std::ostream& out) {
    out << "Usage: trygg compare BASE OTHER [options]\n"
           "       trygg compare BASE OTHER1 OTHER2 ... [options]\n"
           "       trygg compare EXPERIMENT.h5 [--baseline GROUP] [options]\n"
           "\n"
           "Compares two runs of the same city, e.g. today (BASE) and a scenario with measures (OTHER).\n"
           "BASE and OTHER are run files (file.h5) or runs of an experiment file (file.h5:group).\n"
           "With several OTHER runs, or one experiment file (every group against its baseline group),\n"
           "it ranks the strategies instead: by crimes prevented, harm prevented and harm and crimes\n"
           "prevented per million kronor, each with its 95% interval and the probability that the\n"
           "strategy is best: the share of replicates in which it did best (replicate r of every run\n"
           "shares its random numbers, so each replicate is one city-year under every strategy) and\n"
           "the share of paired bootstrap resamples in which its mean is best. --csv writes one row\n"
           "per criterion and strategy, --json the ranking and every strategy's whole comparison.\n"
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
           "Harm: crimes weighted by a crime harm index, by default the Cambridge index's rule (days\n"
           "of imprisonment; Sherman, Neyroud & Neyroud 2016) on the lowest penalties of Brottsbalken\n"
           "(configs/harm/brottsbalken_minimum_days.yaml; --harm FILE for another table). Costs and\n"
           "crimes fall on the days they happen and are discounted to present values at --discount-rate\n"
           "(default 3.5 % a year real, as ASEK); the cost per crime and per day of harm prevented use\n"
           "present values, with the interval of what was prevented.\n"
           "\n"
           "Hotspots: \"hotspot cell-weeks\" is each run's own weekly Gi* test, what EST sees; it can\n"
           "rise when crime falls, since cutting the largest cluster moves the run's own yardstick.\n"
           "Below it, every week of both runs is tested against BASE's yardstick for that week (its\n"
           "mean, variance and threshold): hotspot cell-weeks, persistent hotspots (hot in more than\n"
           "half the weeks), new and vanished ones; and the crimes and share of crime in BASE's top\n"
           "cells (the fewest cells holding half of BASE's crime). Run files written before trygg\n"
           "stored the weekly picture give only the last two.\n"
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
           "  trygg compare base.h5 lighting.h5 patrols.h5 combined.h5 --csv ranking.csv\n"
           "  trygg compare experiment.h5 --baseline baseline --json ranking.json --discount-rate 0.03\n"
           "\n"
           "Formulas and the CSV and JSON layouts: docs/comparison.md.\n";
}

namespace {

// The runs named on the command line: BASE first. One experiment file without a group: its
// baseline group (--baseline, default "baseline") and every other group.
std::vector<ComparedFile> runs_of(const CompareArgs& a) {
    std::vector<ComparedFile> files;
    if (a.runs.size() > 1) {
        for (const std::string& spec : a.runs) files.push_back(parse_run_spec(spec));
        return files;
    }
    const ComparedFile only = parse_run_spec(a.runs.front());
    const std::vector<std::string> groups = list_run_groups(only.file);
    if (!only.group.empty() || groups.empty()) {
        throw InputError(label_of(only) +
                         " is a single run: give two runs, BASE and OTHER, or one experiment file (trygg compare "
                         "base.h5 lighting.h5, or trygg compare experiment.h5)");
    }
    const std::string baseline = a.baseline.empty() ? std::string("baseline") : a.baseline;
    std::string names;
    for (const auto& g : groups) names += (names.empty() ? "" : ", ") + g;
    if (std::find(groups.begin(), groups.end(), baseline) == groups.end()) {
        throw InputError(only.file + ": no run group '" + baseline + "' to compare the others with (it has: " + names +
                         ")" + (a.baseline.empty() ? "; name the baseline with --baseline GROUP" : ""));
    }
    files.push_back({only.file, baseline, ""});
    for (const std::string& g : groups) {
        if (g != baseline) files.push_back({only.file, g, ""});
    }
    if (files.size() < 2) throw InputError(only.file + ": the baseline '" + baseline + "' is its only run");
    return files;
}

std::string p_text(const std::optional<double>& p) {
    return p ? fixed(100.0 * *p, 0) + " %" : std::string("–");
}

void print_ranking(std::ostream& out, const StrategyRanking& r, const ComparedFile& base) {
    const bool paired = r.pairing == Pairing::Paired;
    out << "Ranking of " << r.strategies.size() << " strategies against BASE " << label_of(base) << ": " << r.replicates
        << (paired ? " paired" : " UNPAIRED (independent)") << " replicate(s)\n"
        << "Mean over replicates with its 95% interval; P(best) in replicates: the share of replicates (the same\n"
           "random numbers for every strategy) in which it did best, i.e. how often it would have been the right\n"
           "choice; P(best) of the mean: the share of paired bootstrap resamples in which its mean is the best.\n";
    std::size_t width = 10;
    for (const auto& s : r.strategies) width = std::max(width, s.size() + 2);
    for (const RankCriterion& c : r.criteria) {
        out << '\n' << c.description << " [" << c.unit << "]\n";
        out << "  rank  " << pad_cell("strategy", width) << pad_cell("mean (95% interval)", 36)
            << "P(best) in replicates   P(best) of the mean\n";
        std::vector<std::size_t> order(c.scores.size());
        for (std::size_t s = 0; s < order.size(); ++s) order[s] = s;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const int ra = c.scores[a].rank, rb = c.scores[b].rank;
            return (ra > 0 ? ra : 1 << 30) < (rb > 0 ? rb : 1 << 30);
        });
        for (const std::size_t s : order) {
            const RankScore& x = c.scores[s];
            out << "  " << pad_cell(x.rank > 0 ? std::to_string(x.rank) : "–", 6) << pad_cell(r.strategies[s], width);
            if (x.mean) {
                const int decimals = std::fabs(*x.mean) >= 100.0 ? 0 : 1;
                out << pad_cell(with_interval(*x.mean, x.interval, "", decimals), 36)
                    << pad_cell(p_text(x.p_best_replicates), 24) << p_text(x.p_best_bootstrap) << '\n';
            } else {
                out << "not ranked: no extra cost\n";
            }
        }
    }
}

}  // namespace

int compare_command(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    bool help = false;
    const CompareArgs a = parse(args, out, help);
    if (help) return 0;
    check_output(a.csv, "csv");
    check_output(a.json, "json");

    CompareOptions options;
    options.buffer_m = a.buffer_m;
    options.discount_rate = a.discount_rate;
    options.pairing = a.unpaired ? Pairing::Unpaired : Pairing::Paired;
    std::vector<ComparedFile> files;
    std::vector<RunFile> runs;
    Comparison comparison;
    StrategyRanking ranking;
    try {
        files = runs_of(a);
    } catch (const InputError& e) {
        throw InputError("trygg compare: " + std::string(e.what()));
    }
    std::vector<RoledPath> outputs;
    if (!a.csv.empty()) outputs.push_back({"--csv", a.csv});
    if (!a.json.empty()) outputs.push_back({"--json", a.json});
    std::vector<RoledPath> inputs{{"BASE", files.front().file}};
    for (std::size_t k = 1; k < files.size(); ++k) inputs.push_back({"OTHER", files[k].file});
    if (!a.harm.empty()) inputs.push_back({"--harm", a.harm});
    check_outputs_apart(outputs, inputs, "trygg compare");
    try {
        if (!a.harm.empty()) options.harm = load_harm_index(a.harm);
        runs.reserve(files.size());  // the ComparedRuns below hold references into it
        for (ComparedFile& f : files) {
            runs.push_back(read_run(f));
            f.scenario_file = runs.back().provenance.scenario_file;
        }
        for (std::size_t k = 1; k < files.size(); ++k) {
            const std::string difference = why_not_paired(runs.front().provenance, runs[k].provenance);
            if (!difference.empty() && !a.unpaired) {
                throw InputError(label_of(files.front()) + " and " + label_of(files[k]) + " are not paired (" +
                                 difference +
                                 "): their replicates do not share random numbers; compare them with --unpaired");
            }
        }
        auto compared = [&](std::size_t k) {
            return ComparedRun{label_of(files[k]), runs[k].grid, runs[k].districts, runs[k].results};
        };
        if (files.size() == 2) {
            comparison = compare_runs(compared(0), compared(1), options);
        } else {
            std::vector<ComparedRun> others;
            for (std::size_t k = 1; k < files.size(); ++k) others.push_back(compared(k));
            ranking = rank_strategies(compared(0), others, options);
        }
    } catch (const InputError& e) {
        throw InputError("trygg compare: " + std::string(e.what()));
    }
    if (files.size() == 2) {
        if (!a.csv.empty()) write_comparison_csv(a.csv, comparison);
        if (!a.json.empty()) write_comparison_json(a.json, comparison, files[0], files[1]);
        if (!a.quiet) print_table(out, comparison, files[0], files[1]);
        return 0;
    }
    const std::vector<ComparedFile> others(files.begin() + 1, files.end());
    if (!a.csv.empty()) write_ranking_csv(a.csv, ranking);
    if (!a.json.empty()) write_ranking_json(a.json, ranking, files.front(), others);
    if (!a.quiet) print_ranking(out, ranking, files.front());
    return 0;
}

}  // namespace trygg
