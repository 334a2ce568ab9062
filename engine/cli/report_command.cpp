#include "cli/report_command.hpp"

#include "cli/options.hpp"
#include "cli/shipped_path.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/harm_config.hpp"
#include "io/output_path.hpp"
#include "io/run_spec.hpp"
#include "io/version.hpp"
#include "report/pdf_print.hpp"
#include "report/report_document.hpp"

#include <boost/program_options.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <ostream>

namespace trygg {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

struct ReportArgs {
    ReportRequest request;
    ReportLanguage language = ReportLanguage::Swedish;
    std::string output;
    std::string harm;  // --harm FILE; empty: the built-in index
    bool pdf = false;
    bool quiet = false;
};

po::options_description report_options() {
    po::options_description o("Options");
    o.add_options()("output,o", po::value<std::string>(), "the HTML file to write (required)")(
        "compare", po::value<std::vector<std::string>>()->composing()->multitoken(),
        "a strategy's run to compare with RESULTS (file.h5 or file.h5:group); give it once per strategy, "
        "or several after one --compare")("lang", po::value<std::string>(), "sv (default) or en")(
        "pdf", "also print the report to PDF beside the HTML (same name, .pdf) with headless Chromium")(
        "buffer-m", po::value<double>(),
        "buffer around each strategy's treated cells, centre to centre [m] (default 300; 0: no buffer)")(
        "unpaired",
        "strategies whose runs do not share random numbers with RESULTS: independent intervals "
        "(as trygg compare --unpaired)")(
        "harm", po::value<std::string>(),
        "crime harm index, a YAML file with a weight per crime type (as trygg compare --harm; default: "
        "configs/harm/brottsbalken_minimum_days.yaml, built in)")(
        "discount-rate", po::value<double>(),
        "real discount rate a year for present values of costs and crimes (default 0.035, ASEK; 0: none)")(
        "quiet,q", "print nothing when done")("help,h", "this text");
    return o;
}

ReportArgs parse(const std::vector<std::string>& args, std::ostream& out, bool& help) {
    const po::variables_map vm = parse_command_line(args, report_options(), {"results"}, "report");
    help = vm.count("help") > 0;
    if (help) {
        print_report_help(out);
        return {};
    }
    if (!vm.count("results"))
        throw InputError("trygg report: give a run, RESULTS.h5 or RESULTS.h5:group (see trygg help report)");
    if (!vm.count("output"))
        throw InputError("trygg report: give the HTML file to write with -o (e.g. -o report.html)");
    ReportArgs a;
    a.request.base = vm["results"].as<std::string>();
    if (vm.count("compare")) a.request.compare = vm["compare"].as<std::vector<std::string>>();
    a.output = vm["output"].as<std::string>();
    if (vm.count("lang")) {
        const std::string lang = vm["lang"].as<std::string>();
        if (lang == "en")
            a.language = ReportLanguage::English;
        else if (lang != "sv")
            throw InputError("trygg report: --lang: '" + lang + "' is not a language of the report (sv or en)");
    }
    if (vm.count("buffer-m")) a.request.buffer_m = vm["buffer-m"].as<double>();
    if (!std::isfinite(a.request.buffer_m) || a.request.buffer_m < 0.0) {
        char value[64];
        std::snprintf(value, sizeof value, "%g", a.request.buffer_m);
        throw InputError("trygg report: --buffer-m: value " + std::string(value) + " must be 0 or more metres");
    }
    if (vm.count("unpaired")) a.request.pairing = Pairing::Unpaired;
    if (vm.count("harm")) a.harm = vm["harm"].as<std::string>();
    if (vm.count("discount-rate")) a.request.discount_rate = vm["discount-rate"].as<double>();
    if (!std::isfinite(a.request.discount_rate) || a.request.discount_rate < 0.0 || a.request.discount_rate > 1.0) {
        char value[64];
        std::snprintf(value, sizeof value, "%g", a.request.discount_rate);
        throw InputError("trygg report: --discount-rate: value " + std::string(value) +
                         " must be a share from 0 to 1 a year (3.5 % is 0.035)");
    }
    a.pdf = vm.count("pdf") > 0;
    a.quiet = vm.count("quiet") > 0;
    return a;
}

fs::path pdf_beside(const fs::path& html) {
    fs::path pdf = html;
    return pdf.replace_extension(".pdf");
}

// Nothing is read or written before every output is known to be writable and apart from the
// inputs, and Chromium is there when --pdf asks for it.
void check_outputs(const ReportArgs& a, std::string& chromium) {
    std::vector<RoledPath> outputs{{"--output", a.output}};
    check_output_path(a.output, "trygg report");
    if (a.pdf) {
        outputs.push_back({"--pdf", pdf_beside(a.output)});
        check_output_path(pdf_beside(a.output), "trygg report");
        chromium = find_chromium();
        if (chromium.empty())
            throw InputError(
                "trygg report: --pdf needs Chromium (Debian's chromium; tools/deps installs it), "
                "and none is on PATH (or set TRYGG_CHROMIUM)");
    }
    std::vector<RoledPath> inputs{{"RESULTS", parse_run_spec(a.request.base).file}};
    for (const std::string& spec : a.request.compare) inputs.push_back({"--compare", parse_run_spec(spec).file});
    if (!a.harm.empty()) inputs.push_back({"--harm", a.harm});
    check_outputs_apart(outputs, inputs, "trygg report");
}

}  // namespace

void print_report_help(std::ostream& out) {
    out << "Usage: trygg report RESULTS.h5[:group] [--compare OTHER.h5[:group] …] [--lang sv|en] [--pdf]\n"
           "                    -o report.html\n"
           "\n"
           "Writes the steering group's report: one HTML file that opens offline in any browser (the charts\n"
           "and maps, drawn with Vega-Lite, are inside it; it makes no network request). Swedish by default.\n"
           "\n"
           "It shows what the run file holds, and says plainly what it lacks:\n"
           "  - a map of Borlänge's districts (SCB's DeSO polygons, grouped into RegSO districts) coloured\n"
           "    by crime per 1,000 residents a year, and by crimes against residents, business owners and\n"
           "    visitors; the hotspot raster (share of weeks each 100 m cell was a hotspot);\n"
           "  - crime week by week (quarter by quarter beyond two years) per district, with the band that\n"
           "    holds the middle 95% of replicates;\n"
           "  - with --compare, each strategy against RESULTS (paired, as trygg compare): its effect with\n"
           "    95% intervals by crime type, district, victim group and hour of day; crime in the treated\n"
           "    area, a buffer and the rest, with the displacement quotient (WDQ); cost and cost per crime\n"
           "    prevented;\n"
           "  - harm prevented (crimes weighted by a crime harm index) and the cost per crime and per unit\n"
           "    of harm prevented at present values (--discount-rate); hotspots on the baseline's\n"
           "    yardstick (persistent, new and vanished ones; crime in the baseline's top cells);\n"
           "  - with two or more strategies, their ranking by crimes and harm prevented and per million\n"
           "    kronor, with 95% intervals and the probability that each is best;\n"
           "  - the risk-area outlook per district and young people's outcomes, where the run has them;\n"
           "  - provenance (trygg version, commit, seed, replicates, scenario text) and what the model is\n"
           "    and is not: projections under assumptions, not forecasts; an indicator, not the police's\n"
           "    decision.\n"
           "\n"
        << report_options()
        << "\n"
           "Example:\n"
           "  trygg batch configs/experiments/strategy.yaml -o results/strategy.h5\n"
           "  trygg report results/strategy.h5:baseline --compare results/strategy.h5:combined \\\n"
           "      results/strategy.h5:lighting_tjarna -o results/strategy.html\n"
           "  trygg report results/baseline.h5 --lang en --pdf -o baseline.html\n"
           "\n"
           "How to read each part: docs/report.md.\n";
}

int report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    bool help = false;
    ReportArgs a = parse(args, out, help);
    if (help) return 0;
    std::string chromium;
    check_outputs(a, chromium);
    ReportInput input;
    try {
        if (!a.harm.empty()) a.request.harm = load_harm_index(a.harm);
        input = load_report_input(a.request);
    } catch (const InputError& e) {
        throw InputError("trygg report: " + std::string(e.what()));
    }
    // The run names its city config as `trygg run` was given it (often configs/borlange.yaml):
    // look it up as shipped files are, so that a report written outside the clone, with an
    // installed trygg, still finds the city's DeSO polygons.
    RunProvenance& provenance = input.base.run.provenance;
    provenance.city_file = shipped_path(provenance.city_file).string();
    input.language = a.language;
    input.trygg_version = kVersion;
    input.git_commit = kGitCommit;
    const std::string page = report_html(input);
    write_text_atomically(a.output, page);
    if (a.pdf) print_pdf(chromium, a.output, pdf_beside(a.output));
    if (!a.quiet) {
        out << "Wrote " << a.output << " (" << (page.size() + 512) / 1024 << " kB)";
        if (a.pdf) out << " and " << pdf_beside(a.output).string();
        out << '\n';
    }
    return 0;
}

}  // namespace trygg
