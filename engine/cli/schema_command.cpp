#include "cli/schema_command.hpp"

#include "cli/app.hpp"
#include "cli/options.hpp"
#include "cli/schema_text.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/file_schemas.hpp"

#include <boost/program_options.hpp>

#include <ostream>

namespace trygg {
namespace {

namespace po = boost::program_options;

po::options_description schema_options() {
    po::options_description o("Options");
    o.add_options()("record", po::value<std::string>()->value_name("DIR"),
                    "record the schema afresh by reading the shipped files of the source tree DIR with the "
                    "readers (what tools/schemas does) instead of printing the one built in")("help,h", "this text");
    return o;
}

std::string kind_list() {
    std::string list;
    for (std::size_t k = 0; k < kFileKindNames.size(); ++k) {
        list += (k == 0 ? "" : k + 1 == kFileKindNames.size() ? " or " : ", ") + std::string(kFileKindNames[k]);
    }
    return list;
}

std::size_t kind_index(const std::string& kind) {
    std::vector<std::string> names(kFileKindNames.begin(), kFileKindNames.end());
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (names[k] == kind) return k;
    }
    throw InputError("trygg schema: unknown file kind '" + kind + "'" + did_you_mean(kind, names) + ": expected " +
                     kind_list());
}

}  // namespace

void print_schema_help(std::ostream& out) {
    out << "Usage: trygg schema city|scenario|experiment|study [--record DIR]\n"
           "\n"
           "Prints the JSON Schema (draft-07) of a file kind: a city config (configs/borlange.yaml),\n"
           "a scenario (scenarios/), an experiment (configs/experiments/) or a validation study\n"
           "(validation/). An editor with a YAML language server then completes keys, shows their\n"
           "ranges and marks unknown keys, wrong types and out-of-range numbers as you type\n"
           "(docs/scenarios.md shows how). The schema is recorded from what the readers ask of the\n"
           "shipped files, so it names exactly the keys trygg reads; what needs the city (a district\n"
           "or place name) and a scenario's overrides (any value) are checked by trygg itself.\n"
           "\n"
        << schema_options()
        << "\n"
           "Example:\n"
           "  trygg schema scenario > scenario.schema.json\n";
}

int schema_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    (void)err;
    const po::variables_map vm = parse_command_line(args, schema_options(), {"kind"}, "schema");
    if (vm.count("help")) {
        print_schema_help(out);
        return kExitOk;
    }
    if (!vm.count("kind"))
        throw InputError("trygg schema: which file kind? " + kind_list() + " (see trygg help schema)");
    const std::size_t kind = kind_index(vm["kind"].as<std::string>());
    if (vm.count("record")) {
        out << record_schemas(schema_sources(vm["record"].as<std::string>()))[kind];
    } else {
        out << kCommittedSchemas[kind];
    }
    return kExitOk;
}

}  // namespace trygg
