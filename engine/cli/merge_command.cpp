#include "cli/merge_command.hpp"

#include "batch/merge.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"

#include <boost/program_options.hpp>

#include <filesystem>
#include <ostream>

namespace trygg {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

po::options_description merge_options() {
    po::options_description o("Options");
    o.add_options()("output,o", po::value<std::string>(),
                    "HDF5 file to write (default: PARTS without .parts, e.g. OUT.h5 for OUT.h5.parts)")(
        "quiet,q", "no closing summary")("help,h", "this text");
    return o;
}

// OUT.h5 for OUT.h5.parts (trailing slashes aside); nothing for another name.
fs::path default_output(const std::string& parts) {
    std::string name = parts;
    while (name.size() > 1 && name.back() == '/') name.pop_back();
    const std::string suffix = ".parts";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return name.substr(0, name.size() - suffix.size());
    }
    return {};
}

}  // namespace

void print_merge_help(std::ostream& out) {
    out << "Usage: trygg merge OUT.h5.parts [-o OUT.h5]\n"
           "\n"
           "Assembles the file of a batch that ran as shards (trygg batch EXPERIMENT.yaml --shard K/N\n"
           "-o OUT.h5, one per task of a Slurm job array, docs/cluster.md) from the replicates they\n"
           "kept in OUT.h5.parts/. The file has the same datasets as a single-process trygg batch of\n"
           "the experiment. The folder carries what the merge needs (experiment.h5: the experiment,\n"
           "its runs and sweep design), so it runs from a clean shell, without the experiment's files.\n"
           "\n"
           "Before writing anything it refuses, with one line and status 2: parts of another\n"
           "experiment, seed, horizon or trygg, a missing replicate (naming the run and replicate),\n"
           "and a duplicated or misnamed part. The parts are kept; remove OUT.h5.parts/ once OUT.h5\n"
           "is what you want.\n"
           "\n"
        << merge_options()
        << "\n"
           "Example:\n"
           "  for k in 1 2 3; do trygg batch exp.yaml --shard $k/3 -o out.h5; done\n"
           "  trygg merge out.h5.parts -o out.h5\n";
}

int merge_command(const std::vector<std::string>& args, const std::string& command_line, std::ostream& out) {
    const po::variables_map vm = parse_command_line(args, merge_options(), {"parts"}, "merge");
    if (vm.count("help")) {
        print_merge_help(out);
        return 0;
    }
    if (!vm.count("parts")) {
        throw InputError("trygg merge: no parts folder given (e.g. trygg merge results/strategy.h5.parts)");
    }
    const std::string parts = vm["parts"].as<std::string>();
    fs::path output = vm.count("output") ? fs::path(vm["output"].as<std::string>()) : default_output(parts);
    if (output.empty()) {
        throw InputError("trygg merge: " + parts + " does not end in .parts: name the file to write with -o OUT.h5");
    }
    const MergeResult merged = merge_parts(parts, output, command_line);
    if (!vm.count("quiet")) {
        out << "Wrote " << output.string() << ": " << merged.runs << " run(s) × " << merged.replicates
            << " replicate(s) × " << merged.weeks << " weeks from " << parts << ", " << format_duration(merged.seconds)
            << "\n";
    }
    return 0;
}

}  // namespace trygg
