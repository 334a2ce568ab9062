#include "io/experiment_config.hpp"

#include "core/error.hpp"
#include "core/rng.hpp"
#include "core/text.hpp"
#include "io/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace trygg {
namespace {

namespace fs = std::filesystem;

std::string number_text(double v) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    return std::string(buffer, end);
}

// Grid: every combination, the first parameter varying slowest.
std::vector<std::vector<double>> grid_points(const std::vector<std::vector<double>>& values) {
    std::vector<std::vector<double>> points{{}};
    for (const auto& axis : values) {
        std::vector<std::vector<double>> next;
        for (const auto& p : points) {
            for (double v : axis) {
                next.push_back(p);
                next.back().push_back(v);
            }
        }
        points = std::move(next);
    }
    return points;
}

// Latin hypercube (McKay, Beckman & Conover 1979): each parameter's range cut into `n`
// equal strata, one point in each, strata paired across parameters by random permutations.
// Draws come from the experiment's seed (Philox), so the design is reproducible.
std::vector<std::vector<double>> latin_hypercube(const std::vector<std::array<double, 2>>& ranges, int n,
                                                 std::uint64_t seed) {
    const CounterRng rng(RngKey{seed, 0xffffffffu});
    std::vector<std::vector<double>> points(static_cast<std::size_t>(n), std::vector<double>(ranges.size()));
    for (std::size_t d = 0; d < ranges.size(); ++d) {
        std::vector<int> strata(static_cast<std::size_t>(n));
        for (int k = 0; k < n; ++k) strata[static_cast<std::size_t>(k)] = k;
        for (int k = n - 1; k > 0; --k) {  // Fisher–Yates
            const auto w =
                rng.words(Stream::Synthesis, static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(k), 7);
            const auto j = static_cast<int>(to_unit(w[0]) * (k + 1));
            std::swap(strata[static_cast<std::size_t>(k)], strata[static_cast<std::size_t>(std::min(j, k))]);
        }
        for (int k = 0; k < n; ++k) {
            const auto w =
                rng.words(Stream::Synthesis, static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(k), 8);
            const double u = (strata[static_cast<std::size_t>(k)] + to_unit(w[0])) / n;
            points[static_cast<std::size_t>(k)][d] = ranges[d][0] + u * (ranges[d][1] - ranges[d][0]);
        }
    }
    return points;
}

// [low, high] per parameter, low < high.
void read_ranges(const ConfigMap& parameters, const std::vector<std::string>& paths, std::vector<double>& low,
                 std::vector<double>& high) {
    for (const auto& path : paths) {
        const auto r = parameters.numbers(path, Range::any());
        if (r.size() != 2 || !(r[0] < r[1])) parameters.fail(path, "expected [low, high] with low < high");
        low.push_back(r[0]);
        high.push_back(r[1]);
    }
}

// A design's size is known before it is made: refuse a huge one at the key that sets it.
void check_size(const ConfigMap& sweep, std::string_view key, const std::string& what, std::size_t points) {
    if (points > static_cast<std::size_t>(kMaxSweepPoints)) {
        sweep.fail(key,
                   what + " has " + std::to_string(points) + " points; at most " + std::to_string(kMaxSweepPoints));
    }
}

// Morris: r trajectories of k + 1 points on a p-level grid (p even, so that Δ = p/(2(p − 1))
// puts half the levels below the other half and every level is used equally).
SweepDesign read_morris(const ConfigMap& sweep, const ConfigMap& parameters, const std::vector<std::string>& paths,
                        std::uint64_t seed) {
    const auto r = static_cast<int>(
        sweep.optional_integer("trajectories", {2, kMaxSweepPoints}).value_or(kDefaultMorrisTrajectories));
    const auto p = static_cast<int>(sweep.optional_integer("levels", {2, 1000}).value_or(kDefaultMorrisLevels));
    if (p % 2 != 0) {
        sweep.fail("levels", "Morris needs an even number of levels (Δ = p/(2(p − 1)) is a grid step only then), got " +
                                 std::to_string(p));
    }
    std::vector<double> low, high;
    read_ranges(parameters, paths, low, high);
    check_size(sweep, sweep.has("trajectories") ? "trajectories" : "parameters",
               "the Morris design (trajectories × (parameters + 1))", morris_size(paths.size(), r));
    // Campolongo et al. (2007): draw M candidates, keep the r that spread best. The choice costs
    // M² (k + 1)² k operations, hence the bound.
    const auto m = static_cast<int>(sweep.optional_integer("candidates", {2, kMaxMorrisCandidates}).value_or(0));
    if (m != 0 && m <= r) {
        sweep.fail("candidates", "the trajectories are chosen from more candidates than trajectories (" +
                                     std::to_string(r) + "), got " + std::to_string(m));
    }
    return morris_design(paths, low, high, r, p, seed, m);
}

// Sobol' (Saltelli): N rows of A and B and k of AB_i.
SweepDesign read_sobol(const ConfigMap& sweep, const ConfigMap& parameters, const std::vector<std::string>& paths) {
    const auto n = static_cast<int>(sweep.integer("base_samples", {2, kMaxSweepPoints}));
    if (paths.size() > kMaxSobolParameters) {
        parameters.fail("", "a Sobol' design takes at most " + std::to_string(kMaxSobolParameters) + " parameters");
    }
    std::vector<double> low, high;
    read_ranges(parameters, paths, low, high);
    check_size(sweep, "base_samples", "the Sobol' design (base_samples × (parameters + 2))",
               sobol_size(paths.size(), n));
    return sobol_design(paths, low, high, n);
}

SweepDesign read_sweep(const ConfigMap& sweep, std::uint64_t seed) {
    // In SweepMethod's order.
    constexpr std::array<std::string_view, 4> kMethods = {"grid", "latin_hypercube", "morris", "sobol"};
    const auto method = static_cast<SweepMethod>(sweep.choice("method", kMethods));
    const ConfigMap parameters = sweep.map("parameters");
    const std::vector<std::string> paths = parameters.keys();
    if (paths.empty()) parameters.fail("", "no parameters to sweep");
    if (method == SweepMethod::Morris) return read_morris(sweep, parameters, paths, seed);
    if (method == SweepMethod::Sobol) return read_sobol(sweep, parameters, paths);
    std::vector<std::vector<double>> points;
    if (method == SweepMethod::Grid) {
        std::vector<std::vector<double>> values;
        for (const auto& path : paths) {
            values.push_back(parameters.numbers(path, Range::any()));
            if (values.back().empty()) parameters.fail(path, "no values to sweep over");
        }
        points = grid_points(values);
        check_size(sweep, "parameters", "the grid", points.size());
        return plain_design(SweepMethod::Grid, paths, points);
    }
    const int n = static_cast<int>(sweep.integer("points", {2, kMaxSweepPoints}));
    std::vector<double> low, high;
    read_ranges(parameters, paths, low, high);
    std::vector<std::array<double, 2>> ranges;
    for (std::size_t i = 0; i < paths.size(); ++i) ranges.push_back({low[i], high[i]});
    return plain_design(SweepMethod::LatinHypercube, paths, latin_hypercube(ranges, n, seed));
}

}  // namespace

std::string sweep_group(const std::string& scenario, std::size_t point) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".p%03zu", point);
    return scenario + suffix;
}

ExperimentConfig load_experiment_config(const fs::path& file) {
    const YamlDocument doc = YamlDocument::load(file);
    const ConfigMap root = doc.root();
    ExperimentConfig e;
    e.file = file;
    e.text = doc.text();
    const auto scenario_files = root.strings("scenarios");
    if (scenario_files.empty()) root.fail("scenarios", "no scenarios: list at least one scenario file");
    e.replicates = static_cast<int>(root.integer("replicates", {1, kMaxReplicates}));
    e.weeks = static_cast<int>(root.integer("weeks", {1, kMaxWeeks}));
    e.seed = static_cast<std::uint64_t>(root.integer("seed", {0, kMaxSeed}));
    (void)root.optional_string("description");
    if (auto warm_up = root.optional_string("warm_up")) {
        fs::path path = *warm_up;
        if (path.is_relative()) path = (file.parent_path() / path).lexically_normal();
        std::error_code ec;
        if (!fs::is_regular_file(path, ec))
            root.fail("warm_up", "file not found: " + path.string() + " (write it with trygg run --save-state)");
        e.warm_up = path;
    }

    std::vector<Blame> blames;
    if (auto sweep = root.optional_map("sweep")) {
        e.design = read_sweep(*sweep, e.seed);
        e.sweep_paths = e.design.parameters;
        const ConfigMap parameters = sweep->map("parameters");
        for (const auto& path : e.sweep_paths) blames.push_back(Blame{parameters.file(), parameters.line(path), path});
    }
    root.finish();

    std::vector<std::string> names;
    for (std::size_t k = 0; k < scenario_files.size(); ++k) {
        fs::path path = scenario_files[k];
        if (path.is_relative()) path = (file.parent_path() / path).lexically_normal();
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) root.fail_item("scenarios", k, "file not found: " + path.string());
        ScenarioConfig scenario = load_scenario_config(path);
        if (std::find(names.begin(), names.end(), scenario.name) != names.end()) {
            root.fail_item("scenarios", k,
                           "a second scenario named '" + scenario.name + "' (groups are named by file)");
        }
        names.push_back(scenario.name);
        // The experiment sets what must be common to all its runs.
        scenario.replicates = e.replicates;
        scenario.weeks = e.weeks;
        scenario.seed = e.seed;
        // No sweep: one run per scenario, named by it.
        const std::size_t points = e.sweep_paths.empty() ? 1 : e.design.size();
        for (std::size_t p = 0; p < points; ++p) {
            ExperimentRunSpec run;
            run.scenario = scenario;
            run.group = e.sweep_paths.empty() ? scenario.name : sweep_group(scenario.name, p);
            for (std::size_t d = 0; d < e.sweep_paths.size(); ++d) {
                const double value = e.design.value_at(p, d);
                run.point.values.push_back(ParameterOverride{e.sweep_paths[d], number_text(value), blames[d]});
                run.point.numbers.push_back(value);
            }
            e.runs.push_back(std::move(run));
        }
    }
    return e;
}

}  // namespace trygg
