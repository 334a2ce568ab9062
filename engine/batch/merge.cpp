#include "batch/merge.hpp"

#include "batch/assembly.hpp"
#include "core/error.hpp"
#include "io/batch_plan.hpp"
#include "io/output_path.hpp"
#include "io/version.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace trygg {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCommand = "trygg merge";
constexpr const char* kRemedy = "remove it, and run its shard again with --resume";

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

[[noreturn]] void refuse(const std::string& problem) {
    throw InputError(std::string(kCommand) + ": " + problem);
}

// The replicate a part's name stands for ("r00007.h5": 7), or −1 for any other name.
int replicate_named(const std::string& name) {
    if (name.size() != 9 || name[0] != 'r' || name.substr(6) != ".h5") return -1;
    int r = 0;
    for (std::size_t i = 1; i < 6; ++i) {
        if (name[i] < '0' || name[i] > '9') return -1;
        r = r * 10 + (name[i] - '0');
    }
    return r;
}

BatchPlan open_plan(const fs::path& parts) {
    std::error_code ec;
    if (!fs::exists(parts, ec)) refuse(parts.string() + ": no such folder");
    if (!fs::is_directory(parts, ec)) {
        refuse(parts.string() + " is not a folder: give the OUT.h5.parts/ folder that trygg batch --shard wrote");
    }
    const fs::path plan_file = parts / "experiment.h5";
    if (!fs::exists(plan_file, ec)) {
        refuse(parts.string() + " holds no experiment.h5: it is not the parts folder of a trygg batch");
    }
    BatchPlan plan = read_batch_plan(plan_file);
    const fs::path identity = parts / "experiment.txt";
    if (fs::exists(identity, ec) && read_text(identity) != plan.identity) {
        refuse(parts.string() +
               ": experiment.txt and experiment.h5 name different experiments: shards of two "
               "experiments wrote into one folder; run them into folders of their own");
    }
    if (plan.trygg_version != kVersion || plan.git_commit != kGitCommit) {
        refuse(parts.string() + " was made by trygg " + plan.trygg_version + " (" + plan.git_commit +
               "), this is trygg " + kVersion + " (" + kGitCommit + "): merge with the trygg that ran the shards");
    }
    return plan;
}

// Every entry of the folder is this experiment's: its runs' folders holding parts named for a
// replicate it has. Temporary files of a writer that was killed are left alone.
void check_entries(const fs::path& parts, const BatchPlan& plan) {
    std::set<std::string> groups;
    for (const BatchPlanRun& run : plan.runs) groups.insert(run.group);
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(parts)) entries.push_back(entry.path());
    std::sort(entries.begin(), entries.end());
    for (const fs::path& entry : entries) {
        const std::string name = entry.filename().string();
        if (name == "experiment.h5" || name == "experiment.txt" || name.find(".tmp-") != std::string::npos) continue;
        if (!fs::is_directory(entry) || !groups.count(name)) {
            refuse(entry.string() + " is not a run of this experiment (its runs: " + std::to_string(plan.runs.size()) +
                   ", the first " + plan.runs.front().group + "): remove it");
        }
        std::vector<fs::path> files;
        for (const auto& file : fs::directory_iterator(entry)) files.push_back(file.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            const std::string part = file.filename().string();
            if (part.find(".tmp-") != std::string::npos) continue;
            const int r = replicate_named(part);
            if (r < 0) {
                refuse(file.string() + " is not named as a kept replicate (rNNNNN.h5): a copy or a duplicate? " +
                       "remove it");
            }
            if (r >= plan.replicates) {
                refuse(file.string() + " holds replicate " + std::to_string(r) + ", but the experiment has " +
                       std::to_string(plan.replicates) + " (0 to " + std::to_string(plan.replicates - 1) +
                       "): remove it");
            }
        }
    }
}

// Every (run, replicate) is kept: otherwise one line naming the missing ones.
void check_complete(const fs::path& parts, const BatchPlan& plan) {
    std::vector<std::string> missing;
    std::error_code ec;
    for (const BatchPlanRun& run : plan.runs) {
        for (int r = 0; r < plan.replicates; ++r) {
            if (!fs::exists(part_path(parts, run.group, r), ec)) {
                missing.push_back("run " + run.group + " replicate " + std::to_string(r));
            }
        }
    }
    if (missing.empty()) return;
    std::string list;
    constexpr std::size_t kNamed = 5;
    for (std::size_t i = 0; i < missing.size() && i < kNamed; ++i) list += (i ? ", " : "") + missing[i];
    if (missing.size() > kNamed) list += " and " + std::to_string(missing.size() - kNamed) + " more";
    const auto total = plan.runs.size() * static_cast<std::size_t>(plan.replicates);
    refuse(parts.string() + " lacks " + std::to_string(missing.size()) + " of " + std::to_string(total) +
           " replicates (" + list + "): run the shards that hold them (with --resume) and merge again");
}

}  // namespace

MergeResult merge_parts(const fs::path& parts, const fs::path& output, const std::string& command_line) {
    const auto started = std::chrono::steady_clock::now();
    check_output_path(output, kCommand);
    const BatchPlan plan = open_plan(parts);
    check_outputs_apart({{"--output", output}}, {{"the parts folder", parts}, {"the plan", parts / "experiment.h5"}},
                        kCommand);
    check_entries(parts, plan);
    check_complete(parts, plan);
    for (const BatchPlanRun& run : plan.runs) {
        for (int r = 0; r < plan.replicates; ++r) check_part(part_path(parts, run.group, r), run, r, kCommand, kRemedy);
    }
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    assemble_parts(plan, parts, output, command_line, plan.threads, elapsed());
    return {plan.runs.size(), plan.replicates, plan.weeks, elapsed()};
}

}  // namespace trygg
