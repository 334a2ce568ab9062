#include "io/batch_plan.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/design_file.hpp"
#include "io/design_group.hpp"
#include "io/hdf5_handle.hpp"

#include <string>
#include <system_error>

namespace trygg {
namespace {

namespace fs = std::filesystem;

// The title that marks a plan, so that another HDF5 file (a part, a finished batch) handed to
// `trygg merge` as a plan is named for what it is.
constexpr const char* kPlanTitle = "trygg batch plan";

std::string run_name(std::size_t k) {
    return "run" + std::to_string(k);
}

void write_part_provenance(hid_t g, const RunProvenance& p, const h5::ErrorContext& ctx) {
    h5::write_attribute(g, "trygg_version", p.trygg_version, ctx);
    h5::write_attribute(g, "git_commit", p.git_commit, ctx);
    h5::write_attribute(g, "city_file", p.city_file, ctx);
    h5::write_attribute(g, "scenario_file", p.scenario_file, ctx);
    h5::write_attribute(g, "city_yaml", p.city_yaml, ctx);
    h5::write_attribute(g, "scenario_yaml", p.scenario_yaml, ctx);
    h5::write_attribute(g, "start_date", p.start_date, ctx);
    h5::write_attribute(g, "seed", std::uint64_t{p.seed}, ctx);
    h5::write_attribute(g, "weeks", std::int32_t{p.weeks}, ctx);
    h5::write_attribute(g, "threads", std::int32_t{p.threads}, ctx);
}

RunProvenance read_part_provenance(hid_t g, const h5::ErrorContext& ctx) {
    RunProvenance p;
    p.trygg_version = h5::read_string_attribute(g, "trygg_version", ctx);
    p.git_commit = h5::read_string_attribute(g, "git_commit", ctx);
    p.city_file = h5::read_string_attribute(g, "city_file", ctx);
    p.scenario_file = h5::read_string_attribute(g, "scenario_file", ctx);
    p.city_yaml = h5::read_string_attribute(g, "city_yaml", ctx);
    p.scenario_yaml = h5::read_string_attribute(g, "scenario_yaml", ctx);
    p.start_date = h5::read_string_attribute(g, "start_date", ctx);
    p.seed = h5::read_uint64_attribute(g, "seed", ctx);
    p.weeks = h5::read_int32_attribute(g, "weeks", ctx);
    p.threads = h5::read_int32_attribute(g, "threads", ctx);
    p.replicates = 1;
    return p;
}

void write_plan(const fs::path& path, const BatchPlan& plan) {
    const h5::ErrorContext ctx(path, h5::Mode::Writing);
    h5::File file = h5::create_file(path, ctx);
    const hid_t root = file.get();
    {
        h5::write_attribute(root, "title", std::string(kPlanTitle), ctx);
        h5::write_attribute(root, "plan_version", std::int32_t{kBatchPlanVersion}, ctx);
        h5::write_attribute(root, "identity", plan.identity, ctx);
        h5::write_attribute(root, "trygg_version", plan.trygg_version, ctx);
        h5::write_attribute(root, "git_commit", plan.git_commit, ctx);
        h5::write_attribute(root, "experiment_file", plan.experiment_file, ctx);
        h5::write_attribute(root, "experiment_yaml", plan.experiment_yaml, ctx);
        h5::write_attribute(root, "seed", std::uint64_t{plan.seed}, ctx);
        h5::write_attribute(root, "replicates", std::int32_t{plan.replicates}, ctx);
        h5::write_attribute(root, "weeks", std::int32_t{plan.weeks}, ctx);
        h5::write_attribute(root, "threads", std::int32_t{plan.threads}, ctx);
        h5::write_attribute(root, "runs", static_cast<std::int32_t>(plan.runs.size()), ctx);
        for (std::size_t k = 0; k < plan.runs.size(); ++k) {
            const BatchPlanRun& run = plan.runs[k];
            const h5::Group g = h5::create_group(root, run_name(k), ctx);
            h5::write_attribute(g.get(), "group", run.group, ctx);
            write_part_provenance(g.get(), run.part, ctx);
            h5::write_attribute(g.get(), "sweep_parameters", static_cast<std::int32_t>(run.sweep_paths.size()), ctx);
            for (std::size_t i = 0; i < run.sweep_paths.size(); ++i) {
                h5::write_attribute(g.get(), "sweep_path" + std::to_string(i), run.sweep_paths[i], ctx);
                h5::write_attribute(g.get(), "sweep_value" + std::to_string(i), run.sweep_values[i], ctx);
            }
        }
        if (plan.design && plan.design->dimensions() > 0) write_sweep_design(root, *plan.design, ctx);
    }
    h5::save_file(file, path, ctx);
}

}  // namespace

void write_batch_plan(const fs::path& out, const BatchPlan& plan) {
    const h5::QuietErrors quiet;
    write_atomically(out, [&](const fs::path& tmp) { write_plan(tmp, plan); });
}

BatchPlan read_batch_plan(const fs::path& in) {
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(in, h5::Mode::Reading);
    std::error_code ec;
    if (!fs::is_regular_file(in, ec)) throw InputError(in.string() + ": no such file");
    BatchPlan plan;
    {
        h5::File file = h5::open_file_read_only(in, ctx);
        const hid_t root = file.get();
        if (!h5::has_attribute(root, "plan_version", ctx) || !h5::has_attribute(root, "title", ctx) ||
            h5::read_string_attribute(root, "title", ctx) != kPlanTitle) {
            ctx.reject("not a trygg batch plan (the experiment.h5 that trygg batch writes into OUT.h5.parts/)");
        }
        const std::int32_t version = h5::read_int32_attribute(root, "plan_version", ctx);
        if (version != kBatchPlanVersion) {
            ctx.reject("batch plan version " + std::to_string(version) +
                       " is not supported (this trygg reads version " + std::to_string(kBatchPlanVersion) +
                       "): merge with the trygg that ran the batch");
        }
        plan.identity = h5::read_string_attribute(root, "identity", ctx);
        plan.trygg_version = h5::read_string_attribute(root, "trygg_version", ctx);
        plan.git_commit = h5::read_string_attribute(root, "git_commit", ctx);
        plan.experiment_file = h5::read_string_attribute(root, "experiment_file", ctx);
        plan.experiment_yaml = h5::read_string_attribute(root, "experiment_yaml", ctx);
        plan.seed = h5::read_uint64_attribute(root, "seed", ctx);
        plan.replicates = h5::read_int32_attribute(root, "replicates", ctx);
        plan.weeks = h5::read_int32_attribute(root, "weeks", ctx);
        plan.threads = h5::read_int32_attribute(root, "threads", ctx);
        const std::int32_t runs = h5::read_int32_attribute(root, "runs", ctx);
        if (runs < 1 || plan.replicates < 1 || plan.weeks < 1) {
            ctx.reject("the plan has " + std::to_string(runs) + " run(s), " + std::to_string(plan.replicates) +
                       " replicate(s) and " + std::to_string(plan.weeks) + " week(s); each must be at least 1");
        }
        for (std::int32_t k = 0; k < runs; ++k) {
            const h5::Group g = h5::open_group(root, run_name(static_cast<std::size_t>(k)), ctx);
            BatchPlanRun run;
            run.group = h5::read_string_attribute(g.get(), "group", ctx);
            run.part = read_part_provenance(g.get(), ctx);
            const std::int32_t sweep = h5::read_int32_attribute(g.get(), "sweep_parameters", ctx);
            for (std::int32_t i = 0; i < sweep; ++i) {
                run.sweep_paths.push_back(h5::read_string_attribute(g.get(), "sweep_path" + std::to_string(i), ctx));
                run.sweep_values.push_back(h5::read_float64_attribute(g.get(), "sweep_value" + std::to_string(i), ctx));
            }
            plan.runs.push_back(std::move(run));
        }
    }
    plan.design = read_sweep_design(in);
    return plan;
}

}  // namespace trygg
