#include "cli/short2008_command.hpp"

#include "cli/options.hpp"
#include "io/memory_budget.hpp"

#include "cli/progress.hpp"
#include "core/error.hpp"
#include "io/output_path.hpp"
#include "io/short2008_file.hpp"
#include "io/version.hpp"
#include "model/short2008.hpp"

#include <tbb/global_control.h>
#include <tbb/task_arena.h>
#include <boost/program_options.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <ostream>
#include <thread>
#include <utility>

namespace trygg {
namespace {

namespace po = boost::program_options;

struct Options {
    Short2008Params params;
    long long steps = 100000;
    long long seed = 1;
    long long threads = 0;
    std::string max_memory;
    std::string output = "short2008.h5";
    bool quiet = false;
};

po::options_description describe_options(Options& o) {
    po::options_description d("Options (defaults: the paper's stationary-hotspot set)");
    d.add_options()("size", po::value<int>(&o.params.size)->default_value(128),
                    "lattice side L, periodic L × L (3–65536)")(
        "eta", po::value<double>(&o.params.eta)->default_value(0.03),
        "η, neighbourhood effect: share of B spreading per step (0–1); 0.2 gives no hotspots")(
        "theta", po::value<double>(&o.params.theta)->default_value(0.56), "θ, increase of B per burglary (≥ 0)")(
        "gamma", po::value<double>(&o.params.gamma)->default_value(0.019),
        "Γ, new burglars per site per unit time (≥ 0)")(
        "omega", po::value<double>(&o.params.omega)->default_value(1.0 / 15.0), "ω, decay rate of B (> 0)")(
        "a0", po::value<double>(&o.params.a0)->default_value(1.0 / 30.0), "A0, static attractiveness (≥ 0)")(
        "dt", po::value<double>(&o.params.dt)->default_value(0.01), "δt, time per step (> 0, ω·δt < 1)")(
        "steps", po::value<long long>(&o.steps)->default_value(100000), "steps to run (1–10^9)")(
        "seed,s", po::value<long long>(&o.seed)->default_value(1), "random seed (0–2^53)")(
        "threads,t", po::value<long long>(&o.threads),
        "worker threads (default: all cores); results do not depend on it")(
        "output,o", po::value<std::string>(&o.output)->default_value("short2008.h5"), "HDF5 file to write")(
        "max-memory", po::value<std::string>(&o.max_memory),
        "refuse a lattice that would need more memory than this, e.g. 16G (default: the physical memory)")(
        "quiet,q", "no progress line and no summary")("help,h", "this text");
    return d;
}

void require(bool ok, const std::string& option, const std::string& what) {
    if (!ok) throw InputError("trygg short2008: --" + option + ": " + what);
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// The lattice's fields (B twice, A and the burglar counts written at the end), the burglars'
// lists (about n̄ per site, three lists), the per-step series and the file image: L = 65,536
// needs hundreds of GB and died of bad_alloc.
void check_short2008_memory(const Short2008Params& p, long long steps, std::uint64_t limit) {
    const double sites = static_cast<double>(p.size) * static_cast<double>(p.size);
    const double burglars = std::max(1.0, p.equilibrium_burglars());
    const double need = sites * (16.0 + 20.0 + 36.0 + 12.0 * burglars) + static_cast<double>(steps) * 24.0;
    check_memory(need, limit, "trygg short2008",
                 "a " + std::to_string(p.size) + " × " + std::to_string(p.size) + " lattice over " +
                     std::to_string(steps) + " steps",
                 "choose a smaller --size or fewer --steps");
}

}  // namespace

void print_short2008_help(std::ostream& out) {
    Options o;
    out << "Usage: trygg short2008 [options] -o OUT.h5\n"
           "\n"
           "Runs the burglary lattice model of Short, D'Orsogna, Pasour, Tita, Brantingham,\n"
           "Bertozzi & Chayes (2008), the near-repeat mechanism of trygg on its own: burglars walk\n"
           "a periodic lattice towards attractive sites and burgle with probability 1 − exp(−A δt);\n"
           "each burglary raises the site's attractiveness B, which spreads (η) and decays (ω).\n"
           "Writes the final A, B and burglars [y, x] and per-step mean_B, mean_burglars and\n"
           "burglaries to /short2008 in the HDF5 file, and prints the equilibrium check.\n"
           "\n"
        << describe_options(o)
        << "\n"
           "Examples:\n"
           "  trygg short2008 -o hotspots.h5                     # η = 0.03: stationary hotspots\n"
           "  trygg short2008 --eta 0.2 -o homogeneous.h5        # η = 0.2: no hotspots\n";
}

int short2008_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Options o;
    po::options_description options = describe_options(o);
    const po::variables_map vm = parse_command_line(args, options, {}, "short2008");
    if (vm.count("help")) {
        print_short2008_help(out);
        return 0;
    }
    o.quiet = vm.count("quiet") > 0;
    const auto& p = o.params;
    // Infinity or NaN would run and write a field of NaN; every number must be finite first.
    for (const auto& [name, value] : {std::pair{"eta", p.eta}, std::pair{"theta", p.theta}, std::pair{"gamma", p.gamma},
                                      std::pair{"a0", p.a0}, std::pair{"omega", p.omega}, std::pair{"dt", p.dt}}) {
        require(std::isfinite(value), name, "must be a finite number, got " + number(value));
    }
    require(p.size >= 3 && p.size <= 65536, "size", "value " + std::to_string(p.size) + " is out of range [3, 65536]");
    require(p.eta >= 0 && p.eta <= 1, "eta", "value " + number(p.eta) + " is out of range [0, 1]");
    require(p.theta >= 0, "theta", "must be ≥ 0, got " + number(p.theta));
    require(p.gamma >= 0, "gamma", "must be ≥ 0, got " + number(p.gamma));
    require(p.a0 >= 0, "a0", "must be ≥ 0, got " + number(p.a0));
    require(p.dt > 0, "dt", "must be > 0, got " + number(p.dt));
    require(p.omega > 0 && p.omega * p.dt < 1, "omega", "must be > 0 with ω·δt < 1, got ω = " + number(p.omega));
    require(o.steps >= 1 && o.steps <= 1000000000, "steps",
            "value " + std::to_string(o.steps) + " is out of range [1, 10^9]");
    require(o.seed >= 0 && o.seed <= 9007199254740992LL, "seed",
            "value " + std::to_string(o.seed) + " is out of range [0, 2^53]");
    const int threads =
        o.threads ? static_cast<int>(o.threads) : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    require(threads >= 1 && threads <= 1024, "threads",
            "value " + std::to_string(o.threads) + " is out of range [1, 1024]");
    check_output_path(o.output, "trygg short2008");
    check_short2008_memory(
        p, o.steps, memory_limit(o.max_memory.empty() ? std::nullopt : std::optional(o.max_memory), "trygg short2008"));

    const auto started = std::chrono::steady_clock::now();
    Short2008Output run;
    run.params = p;
    run.seed = static_cast<std::uint64_t>(o.seed);
    run.steps = static_cast<int>(o.steps);
    run.threads = threads;
    run.mean_b.reserve(static_cast<std::size_t>(o.steps));
    run.mean_burglars.reserve(static_cast<std::size_t>(o.steps));
    run.burglaries.reserve(static_cast<std::size_t>(o.steps));
    ProgressLine progress(err, !o.quiet && stderr_is_terminal(), "trygg short2008");
    Short2008 model(p, run.seed);
    const tbb::global_control allow(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    tbb::task_arena arena(threads);
    arena.execute([&] {
        for (long long s = 1; s <= o.steps; ++s) {
            model.step();
            run.mean_b.push_back(model.mean_b());
            run.mean_burglars.push_back(model.mean_burglars());
            run.burglaries.push_back(static_cast<std::int32_t>(model.burglaries_last_step()));
            if ((s & 1023) == 0 || s == o.steps) progress.update(s, o.steps);
        }
    });
    progress.finish();
    run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    run.a = model.a();
    run.b = model.b();
    run.burglars = model.burglars();
    run.trygg_version = kVersion;
    run.git_commit = kGitCommit;
    write_short2008_file(o.output, run);

    if (!o.quiet) {
        // Means over the second half of the run, against the homogeneous equilibrium.
        const std::size_t half = run.mean_b.size() / 2;
        double b = 0, n = 0;
        for (std::size_t k = half; k < run.mean_b.size(); ++k) {
            b += run.mean_b[k];
            n += run.mean_burglars[k];
        }
        const double count = static_cast<double>(run.mean_b.size() - half);
        char line[256];
        std::snprintf(line, sizeof line, "mean B        %.4f   (homogeneous equilibrium θΓ/ω = %.4f)\n", b / count,
                      p.equilibrium_b());
        out << line;
        std::snprintf(line, sizeof line, "mean burglars %.4f   (homogeneous equilibrium Γδt/(1−e^(−Āδt)) = %.4f)\n",
                      n / count, p.equilibrium_burglars());
        out << line;
        std::snprintf(
            line, sizeof line,
            "share of B in the top 1%% of sites: %.3f (homogeneous ≈ 0.01–0.02; hotspots: several times more)\n",
            top_share(run.b, 0.01));
        out << line;
        std::snprintf(line, sizeof line, "Wrote %s: %lld steps of %d × %d in %s (%.0f steps/s)\n", o.output.c_str(),
                      o.steps, p.size, p.size, format_duration(run.wall_seconds).c_str(),
                      static_cast<double>(o.steps) / run.wall_seconds);
        out << line;
    }
    return 0;
}

}  // namespace trygg
