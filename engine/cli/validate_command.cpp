#include "cli/validate_command.hpp"

#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/shipped_path.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "io/city_config.hpp"
#include "io/output_path.hpp"
#include "io/run_setup.hpp"
#include "io/validation_report.hpp"
#include "io/version.hpp"
#include "sim/run.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <thread>

namespace trygg {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

struct ValidateArgs {
    std::string dir = "validation";
    std::vector<std::string> only;
    std::vector<ParameterOverride> sets;  // --set: city-config parameters for every run
    std::optional<int> replicates;
    std::string markdown, output;
    int threads = 1;
    bool quiet = false;
};

po::options_description validate_options() {
    po::options_description o("Options");
    o.add_options()("dir", po::value<std::string>(), "folder of study files (default: validation)")(
        "only", po::value<std::vector<std::string>>()->composing(),
        "run only this study (its file name without .yaml); may be given more than once")(
        "replicates,r", po::value<long long>(), "replicates of every study, overriding the files (2–1000)")(
        "set", po::value<std::vector<std::string>>()->composing(),
        "PATH=VALUE: a city-config parameter for every run, e.g. offending.displacement=0.3 (calibration "
        "and sensitivity scripts use it); may be given more than once")(
        "markdown", po::value<std::string>(), "also write the report as Markdown (docs/validation.md)")(
        "output,o", po::value<std::string>(), "also write every finding with its per-replicate values as HDF5")(
        "threads,t", po::value<long long>(), "worker threads (default: all cores); results do not depend on it")(
        "quiet,q", "no tables (the exit status still says whether every study agreed)")("help,h", "this text");
    return o;
}

ValidateArgs parse(const std::vector<std::string>& args, std::ostream& out, bool& help) {
    const po::variables_map vm = parse_command_line(args, validate_options(), {}, "validate");
    help = vm.count("help") > 0;
    if (help) {
        print_validate_help(out);
        return {};
    }
    ValidateArgs a;
    a.dir = shipped_path(vm.count("dir") ? vm["dir"].as<std::string>() : a.dir).string();
    if (vm.count("only")) a.only = vm["only"].as<std::vector<std::string>>();
    if (vm.count("replicates")) {
        const long long r = vm["replicates"].as<long long>();
        if (r < 2 || r > kMaxValidationReplicates) {
            throw InputError("trygg validate: --replicates: value " + std::to_string(r) +
                             " is out of range [2, 1000] (an interval needs two replicates)");
        }
        a.replicates = static_cast<int>(r);
    }
    if (vm.count("set")) {
        for (const auto& item : vm["set"].as<std::vector<std::string>>()) {
            const auto eq = item.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
                throw InputError("trygg validate: --set: expected PATH=VALUE, e.g. offending.displacement=0.3, got '" +
                                 item + "'");
            }
            const std::string path = item.substr(0, eq);
            a.sets.push_back(ParameterOverride{path, item.substr(eq + 1), Blame{"--set", 0, path}});
        }
    }
    if (vm.count("markdown")) a.markdown = vm["markdown"].as<std::string>();
    if (vm.count("output")) a.output = vm["output"].as<std::string>();
    a.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (vm.count("threads")) {
        const long long t = vm["threads"].as<long long>();
        if (t < 1 || t > 1024) {
            throw InputError("trygg validate: --threads: value " + std::to_string(t) + " is out of range [1, 1024]");
        }
        a.threads = static_cast<int>(t);
    }
    a.quiet = vm.count("quiet") > 0;
    return a;
}

std::vector<StudyConfig> load_studies(const ValidateArgs& a) {
    std::error_code ec;
    if (!fs::is_directory(a.dir, ec)) {
        throw InputError("trygg validate: --dir: no folder '" + a.dir +
                         "' (not in the working directory, nor in an installation's share/trygg; name the folder of "
                         "study files)");
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(a.dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw InputError("trygg validate: no study files (*.yaml) in '" + a.dir + "'");
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(f.stem().string());
    for (const auto& wanted : a.only) {
        if (std::find(names.begin(), names.end(), wanted) == names.end()) {
            throw InputError("trygg validate: --only: no study '" + wanted + "' in " + a.dir +
                             did_you_mean(wanted, names));
        }
    }
    // Every file is read, and every district name checked, before anything runs, so a typo in
    // the last one costs nothing.
    std::map<std::string, std::vector<std::string>> district_names;  // by city config file
    const auto districts_of = [&](const ScenarioConfig& scenario) -> const std::vector<std::string>& {
        const std::string key = scenario.city_file.string();
        if (auto it = district_names.find(key); it != district_names.end()) return it->second;
        std::vector<std::string> found;
        for (const auto& d : load_city_config(scenario.city_file, scenario.overrides).spec.districts) {
            found.push_back(d.name);
        }
        return district_names.emplace(key, std::move(found)).first->second;
    };
    std::vector<StudyConfig> studies;
    for (const auto& f : files) {
        if (!a.only.empty() && std::find(a.only.begin(), a.only.end(), f.stem().string()) == a.only.end()) continue;
        studies.push_back(load_study_config(f));
        for (auto& finding : studies.back().findings) {
            if (finding.districts.names.empty()) continue;
            finding.spec.crimes.districts = resolve_districts(finding.districts, districts_of(studies.back().baseline));
        }
        if (a.replicates) {
            StudyConfig& s = studies.back();
            s.replicates = *a.replicates;
            s.baseline.replicates = *a.replicates;
            if (s.treated) s.treated->replicates = *a.replicates;
        }
    }
    return studies;
}

// A run kept for the studies that share it (most share the baseline).
struct KeptRun {
    Timeline timeline;
    RunOutput output;
};

class Runner {
public:
    Runner(std::vector<ParameterOverride> sets, int threads, bool progress, std::ostream& err)
        : sets_(std::move(sets)), threads_(threads), progress_(progress), err_(err) {}

    // Runs of one scenario, horizon, replicates and seed are the same run.
    static std::string key_of(const ScenarioConfig& scenario) {
        return fs::weakly_canonical(scenario.file).string() + "|" + std::to_string(scenario.weeks) + "|" +
               std::to_string(scenario.replicates) + "|" + std::to_string(scenario.seed);
    }

    // How many studies still need the run: it is dropped after its last one (a 104-week run
    // with its event log and crime maps holds about 100 MB).
    void expect(const ScenarioConfig& scenario) { ++uses_[key_of(scenario)]; }
    void done_with(const ScenarioConfig& scenario) {
        const std::string key = key_of(scenario);
        if (--uses_[key] <= 0) kept_.erase(key);
    }

    const KeptRun& run(const ScenarioConfig& scenario) {
        const std::string key = key_of(scenario);
        if (auto it = kept_.find(key); it != kept_.end()) return it->second;
        const RunSetup setup = prepare_run(scenario, sets_);
        ProgressLine line(err_, progress_, "trygg validate: " + scenario.name);
        // Event logs on: findings count crimes by cell, hour and light.
        const RunOptions options{scenario.seed, scenario.replicates, threads_, true};
        RunOutput output = run_scenario(setup.city, setup.params, setup.timeline, options,
                                        [&](std::int64_t done, std::int64_t total) { line.update(done, total); });
        line.finish();
        return kept_.emplace(key, KeptRun{setup.timeline, std::move(output)}).first->second;
    }

private:
    std::vector<ParameterOverride> sets_;
    int threads_;
    bool progress_;
    std::ostream& err_;
    std::map<std::string, KeptRun> kept_;
    std::map<std::string, int> uses_;
};

StudyOutcome run_study(StudyConfig study, Runner& runner) {
    const auto started = std::chrono::steady_clock::now();
    const KeptRun& base = runner.run(study.baseline);
    const KeptRun* treated = study.treated ? &runner.run(*study.treated) : nullptr;
    const ValidationRun base_view{base.output.results, base.output.grid, base.timeline};
    std::optional<ValidationRun> treated_view;
    if (treated) treated_view.emplace(ValidationRun{treated->output.results, treated->output.grid, treated->timeline});
    StudyOutcome outcome;
    for (const auto& f : study.findings) {
        outcome.findings.push_back(
            evaluate_finding(f.spec, base_view, treated_view ? &*treated_view : nullptr, study.buffer_m));
    }
    outcome.study = std::move(study);
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return outcome;
}

}  // namespace

void print_validate_help(std::ostream& out) {
    out << "Usage: trygg validate [options]\n"
           "\n"
           "Runs the virtual replications in validation/: each file restates a published evaluation\n"
           "(street lighting, CCTV, hot-spots policing, displacement, near repeat, crime concentration,\n"
           "timing, registered counts, youth leisure) as a design in Borlänge, runs it with common random\n"
           "numbers and prints, per finding, the published figure with its interval beside the model's,\n"
           "and whether they overlap. Exit status 5 when a finding no longer does what its file expects\n"
           "(docs/validation.md explains the files and the intervals).\n"
           "\n"
        << validate_options()
        << "\n"
           "Examples:\n"
           "  trygg validate                          every study at its own replicates (about 2 min on 2 cores)\n"
           "  trygg validate --only street_lighting   one study\n"
           "  trygg validate --markdown docs/validation.md -o results/validation.h5\n";
}

int validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    bool help = false;
    const ValidateArgs a = parse(args, out, help);
    if (help) return 0;
    const auto started = std::chrono::steady_clock::now();
    std::vector<StudyConfig> studies = load_studies(a);

    std::vector<RoledPath> outputs, inputs;
    if (!a.markdown.empty()) outputs.push_back({"--markdown", a.markdown});
    if (!a.output.empty()) outputs.push_back({"--output", a.output});
    for (const auto& o : outputs) check_output_path(o.path, "trygg validate");
    for (const auto& s : studies) {
        inputs.push_back({"a study file", s.file});
        for (const auto& f : s.baseline.files) inputs.push_back({"a scenario", f});
        if (s.treated) {
            for (const auto& f : s.treated->files) inputs.push_back({"a scenario", f});
        }
    }
    check_outputs_apart(outputs, inputs, "trygg validate");

    ValidationReport report;
    report.trygg_version = kVersion;
    report.git_commit = kGitCommit;
    report.threads = a.threads;
    for (const auto& set : a.sets) report.settings.push_back(set.path + "=" + set.yaml);
    Runner runner(a.sets, a.threads, !a.quiet && stderr_is_terminal(), err);
    for (const auto& s : studies) {
        runner.expect(s.baseline);
        if (s.treated) runner.expect(*s.treated);
    }
    bool all_as_expected = true;
    for (auto& s : studies) {
        report.studies.push_back(run_study(std::move(s), runner));
        const StudyOutcome& o = report.studies.back();
        runner.done_with(o.study.baseline);
        if (o.study.treated) runner.done_with(*o.study.treated);
        for (const auto& f : o.findings) all_as_expected = all_as_expected && f.as_expected;
        if (!a.quiet) out << validation_table(o) << '\n';
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!a.markdown.empty()) write_text_atomically(a.markdown, validation_markdown(report));
    if (!a.output.empty()) write_validation_file(a.output, report);
    if (!a.quiet) {
        out << report.studies.size() << " studies in " << format_duration(report.seconds) << "; "
            << (all_as_expected ? "every finding as its file expects" : "SOME FINDINGS NOT AS THEIR FILES EXPECT")
            << '\n';
    }
    return all_as_expected ? 0 : kExitValidationFailed;
}

}  // namespace trygg
