#include "io/short2008_file.hpp"

#include "io/atomic_file.hpp"
#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"

#include <array>
#include <numeric>

namespace trygg {
namespace {

namespace fs = std::filesystem;

// The lattice file's own layout, unchanged since the run file's schema 1 (the run file's later
// versions added the youth tallies, which this file does not have).
constexpr std::int32_t kShort2008SchemaVersion = 1;

h5::Dataset index_scale(hid_t root, const std::string& name, int n, const std::string& long_name, int first,
                        const h5::ErrorContext& ctx) {
    std::vector<std::int32_t> values(static_cast<std::size_t>(n));
    std::iota(values.begin(), values.end(), first);
    const std::array shape{static_cast<hsize_t>(n)};
    h5::Dataset d = h5::write_dataset(root, name, shape, shape, std::span<const std::int32_t>(values), ctx);
    h5::describe(d.get(), "1", long_name, ctx);
    h5::make_dimension_scale(d.get(), name, ctx);
    return d;
}

void write_contents(const fs::path& path, const Short2008Output& run) {
    const h5::ErrorContext ctx(path, h5::Mode::Writing);
    h5::File file = h5::create_file(path, ctx);
    const hid_t root = file.get();
    h5::write_attribute(root, "schema_version", kShort2008SchemaVersion, ctx);
    h5::write_attribute(root, "Conventions", std::string("CF-1.8"), ctx);
    h5::write_attribute(root, "title", std::string("trygg short2008: Short et al. (2008) burglary lattice model"), ctx);
    h5::write_attribute(root, "trygg_version", run.trygg_version, ctx);
    h5::write_attribute(root, "git_commit", run.git_commit, ctx);
    h5::write_attribute(root, "threads", std::int32_t{run.threads}, ctx);
    h5::write_attribute(root, "wall_seconds", run.wall_seconds, ctx);
    {
        const int L = run.params.size;
        h5::Dataset y = index_scale(root, "y", L, "lattice row", 0, ctx);
        h5::Dataset x = index_scale(root, "x", L, "lattice column", 0, ctx);
        h5::Dataset step = index_scale(root, "step", run.steps, "time step (after step k, time k·dt)", 1, ctx);
        h5::Group g = h5::create_group(root, "short2008", ctx);
        const auto& p = run.params;
        h5::write_attribute(g.get(), "size", std::int32_t{p.size}, ctx);
        h5::write_attribute(g.get(), "eta", p.eta, ctx);
        h5::write_attribute(g.get(), "theta", p.theta, ctx);
        h5::write_attribute(g.get(), "gamma", p.gamma, ctx);
        h5::write_attribute(g.get(), "omega", p.omega, ctx);
        h5::write_attribute(g.get(), "a0", p.a0, ctx);
        h5::write_attribute(g.get(), "dt", p.dt, ctx);
        h5::write_attribute(g.get(), "seed", run.seed, ctx);
        h5::write_attribute(g.get(), "steps", std::int32_t{run.steps}, ctx);
        h5::write_attribute(g.get(), "equilibrium_B", p.equilibrium_b(), ctx);
        h5::write_attribute(g.get(), "equilibrium_burglars", p.equilibrium_burglars(), ctx);
        h5::write_attribute(g.get(), "reference",
                            std::string("Short, D'Orsogna, Pasour, Tita, Brantingham, Bertozzi & "
                                        "Chayes (2008), M3AS 18:1249-1267"),
                            ctx);
        const std::array field_shape{static_cast<hsize_t>(L), static_cast<hsize_t>(L)};
        const std::array field_scales{y.get(), x.get()};
        auto field = [&](const char* name, const auto& values, const char* long_name) {
            h5::Dataset d = h5::write_dataset(g.get(), name, field_shape, field_shape, std::span(values), ctx);
            h5::describe(d.get(), "1", long_name, ctx);
            h5::attach_scales(d.get(), field_scales, ctx);
        };
        field("A", run.a, "attractiveness A = A0 + B at the end");
        field("B", run.b, "dynamic attractiveness B at the end");
        field("burglars", run.burglars, "burglars per site at the end");
        const std::array series_shape{static_cast<hsize_t>(run.steps)};
        const std::array series_chunk{static_cast<hsize_t>(std::min(run.steps, 65536))};
        const std::array series_scales{step.get()};
        auto series = [&](const char* name, const auto& values, const char* long_name) {
            h5::Dataset d = h5::write_dataset(g.get(), name, series_shape, series_chunk, std::span(values), ctx);
            h5::describe(d.get(), "1", long_name, ctx);
            h5::attach_scales(d.get(), series_scales, ctx);
        };
        series("mean_B", run.mean_b, "lattice mean of B after each step");
        series("mean_burglars", run.mean_burglars, "burglars per site after each step");
        series("burglaries", run.burglaries, "burglaries during each step");
    }
    h5::save_file(file, path, ctx);
}

}  // namespace

void write_short2008_file(const fs::path& out, const Short2008Output& run) {
    const h5::QuietErrors quiet;
    write_atomically(out, [&](const fs::path& tmp) { write_contents(tmp, run); });
}

}  // namespace trygg
