#include "cli/app.hpp"

#include "cli/batch_command.hpp"
#include "cli/compare_command.hpp"
#include "cli/export_command.hpp"
#include "cli/merge_command.hpp"
#include "cli/places_command.hpp"
#include "cli/report_command.hpp"
#include "cli/run_command.hpp"
#include "cli/schema_command.hpp"
#include "cli/sensitivity_command.hpp"
#include "cli/shipped_path.hpp"
#include "cli/short2008_command.hpp"
#include "cli/validate_command.hpp"
#include "core/error.hpp"
#include "io/version.hpp"

#include <exception>
#include <new>
#include <ostream>
#include <string>
#include <vector>

namespace trygg {
namespace {

void print_help(std::ostream& out) {
    out << "trygg " << kVersion
        << " — agent-based simulation of crime and crime prevention in Borlänge\n"
           "\n"
           "Usage:\n"
           "  trygg run SCENARIO.yaml [-o OUT.h5] [--replicates N] [--weeks W] [--seed S] [--threads T]\n"
           "  trygg batch EXPERIMENT.yaml [-o OUT.h5] [--resume] [--threads T] [--shard K/N]\n"
           "  trygg merge OUT.h5.parts [-o OUT.h5]\n"
           "  trygg short2008 [--eta E] [--steps N] … -o OUT.h5\n"
           "  trygg compare BASE.h5 OTHER.h5 [OTHER2.h5 …] [--csv FILE] [--json FILE] [--harm FILE]\n"
           "  trygg sensitivity OUT.h5 [--outcome NAME …] [--base S --other S] [--csv FILE] [--json FILE]\n"
           "  trygg export RESULTS.h5[:GROUP] -o OUT.gpkg [--format gpkg|geojson|gtiff]\n"
           "  trygg report RESULTS.h5[:group] [--compare OTHER.h5[:group] …] [--lang sv|en] [--pdf] -o FILE.html\n"
           "  trygg places [CITY.yaml | SCENARIO.yaml] [--type T] [--district D] [--csv]\n"
           "  trygg validate [--only STUDY] [--replicates N] [--markdown FILE] [-o OUT.h5]\n"
           "  trygg schema city|scenario|experiment|study\n"
           "  trygg help COMMAND      options of one command\n"
           "  trygg --help            this text\n"
           "  trygg --version         version and git commit\n"
           "\n"
           "Commands:\n"
           "  run    Simulate a scenario (default scenarios/baseline.yaml: Borlänge today) hour by hour\n"
           "         for its horizon, with R replicates, and write every output to one HDF5 file\n"
           "         (readable as netCDF-4 by h5py, xarray, R and QGIS; layout in docs/hdf5-layout.md).\n"
           "  batch  Run an experiment: scenarios × sweep points × replicates, concurrently, into one\n"
           "         HDF5 file with a group per run; resumable after an interruption (--resume). On a\n"
           "         cluster: shares of it with --shard K/N (Slurm job arrays), or under mpiexec.\n"
           "  merge  Assemble the file of a batch that ran as shards from the parts they kept.\n"
           "  short2008  The burglary lattice model of Short et al. (2008) on its own: near-repeat\n"
           "         hotspots from a walk-and-burgle rule (validation of trygg's near-repeat mechanism).\n"
           "  compare  What OTHER's measures changed against BASE, replicate by replicate (same random\n"
           "         numbers): crimes by type, hour and area, displacement (WDQ), harm, hotspots on BASE's\n"
           "         yardstick, cost per crime and per unit of harm prevented; with several OTHER runs or an\n"
           "         experiment file, a ranking of the strategies with the probability that each is best.\n"
           "  sensitivity  Morris or Sobol' sensitivity indices of a batch over a sensitivity design\n"
           "         (sweep.method: morris or sobol): which parameters move crime, or a strategy's effect,\n"
           "         most (mu*, mu, sigma or S_i, S_Ti with bootstrap intervals).\n"
           "  export A run's maps for QGIS: districts with their outcomes, hotspot and intervention\n"
           "         cells as a GeoPackage or GeoJSON, crime and hotspot rasters as GeoTIFF.\n"
           "  report The steering group's report: one self-contained HTML page (offline, Swedish or English)\n"
           "         with a district map, hotspots, trends, each strategy's effects, cost and provenance.\n"
           "  places The city's places as the model builds them (named ones, and corner shops and bus\n"
           "         stops placed where the homes are), with the names and cells scenarios use.\n"
           "  validate  Virtual replications of published evaluations (lighting, CCTV, hot-spots policing,\n"
           "         displacement, near repeat, concentration, timing, registered counts, youth leisure):\n"
           "         the model's effect with its interval beside the published one (docs/validation.md).\n"
           "  schema The JSON Schema of a file kind, for editors that check YAML as you type\n"
           "         (docs/scenarios.md shows how to point one at it).\n"
           "\n"
           "Example:\n"
           "  trygg run scenarios/baseline.yaml -o results/baseline.h5 --replicates 8\n"
           "\n"
           "Files:\n"
           "  The city config, scenarios, experiments and validation studies ship with trygg. Their\n"
           "  relative paths (configs/borlange.yaml, scenarios/baseline.yaml, validation/) are looked\n"
           "  up in the working directory first, then in the installation's share/trygg, found from\n"
           "  the executable's location (BIN/trygg -> BIN/../share/trygg"
        << (installed_data_dir() ? ", here " + installed_data_dir()->string() : std::string())
        << ").\n"
           "\n"
           "Exit status:\n"
           "  0    done\n"
           "  1    internal error (a bug in trygg: please report it)\n"
           "  2    bad input: the message names the file, line and key; nothing was simulated\n"
           "  3    an output could not be written (disk full, file-size limit, read-only place); the\n"
           "       message names the file, and no partial file is left\n"
           "  4    out of memory: fewer replicates, weeks or threads, or a smaller --max-memory\n"
           "  5    trygg validate: a study's finding no longer does what its file expects\n"
           "  130  a batch was interrupted (Ctrl-C, SIGTERM); --resume finishes it\n";
}

// Every message is one line, whatever a library put into it.
std::string one_line(std::string text) {
    for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return text;
}

}  // namespace

int run_app(int argc, const char* const argv[], std::ostream& out, std::ostream& err) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string command_line;
    for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
    try {
        if (args.empty()) {
            print_help(err);
            return kExitBadInput;
        }
        const std::string& command = args.front();
        if (command == "--help" || command == "-h") {
            print_help(out);
            return kExitOk;
        }
        if (command == "--version" || command == "-V") {
            out << "trygg " << kVersion << " (git " << kGitCommit << ")\n";
            return kExitOk;
        }
        if (command == "help") {
            if (args.size() > 1 && args[1] == "run")
                print_run_help(out);
            else if (args.size() > 1 && args[1] == "short2008")
                print_short2008_help(out);
            else if (args.size() > 1 && args[1] == "batch")
                print_batch_help(out);
            else if (args.size() > 1 && args[1] == "merge")
                print_merge_help(out);
            else if (args.size() > 1 && args[1] == "compare")
                print_compare_help(out);
            else if (args.size() > 1 && args[1] == "sensitivity")
                print_sensitivity_help(out);
            else if (args.size() > 1 && args[1] == "export")
                print_export_help(out);
            else if (args.size() > 1 && args[1] == "report")
                print_report_help(out);
            else if (args.size() > 1 && args[1] == "places")
                print_places_help(out);
            else if (args.size() > 1 && args[1] == "validate")
                print_validate_help(out);
            else if (args.size() > 1 && args[1] == "schema")
                print_schema_help(out);
            else
                print_help(out);
            return kExitOk;
        }
        if (command == "run") return run_command({args.begin() + 1, args.end()}, command_line, out, err);
        if (command == "batch") return batch_command({args.begin() + 1, args.end()}, command_line, out, err);
        if (command == "merge") return merge_command({args.begin() + 1, args.end()}, command_line, out);
        if (command == "short2008") return short2008_command({args.begin() + 1, args.end()}, out, err);
        if (command == "compare") return compare_command({args.begin() + 1, args.end()}, out, err);
        if (command == "sensitivity") return sensitivity_command({args.begin() + 1, args.end()}, out, err);
        if (command == "report") return report_command({args.begin() + 1, args.end()}, out, err);
        if (command == "export") return export_command({args.begin() + 1, args.end()}, out, err);
        if (command == "places") return places_command({args.begin() + 1, args.end()}, out, err);
        if (command == "validate") return validate_command({args.begin() + 1, args.end()}, out, err);
        if (command == "schema") return schema_command({args.begin() + 1, args.end()}, out, err);
        err << "trygg: unknown command '" << command
            << "' (commands: run, batch, merge, short2008, compare, sensitivity, report, export, places, validate, "
               "schema, "
               "help; see trygg --help)\n";
        return kExitBadInput;
    } catch (const InputError& e) {
        err << "trygg: error: " << one_line(e.what()) << '\n';
        return kExitBadInput;
    } catch (const OutputError& e) {
        err << "trygg: cannot write output: " << one_line(e.what()) << '\n';
        return kExitOutput;
    } catch (const std::bad_alloc&) {
        err << "trygg: out of memory: run fewer replicates, weeks or threads (see trygg help run)\n";
        return kExitOutOfMemory;
    } catch (const std::exception& e) {
        err << "trygg: internal error: " << one_line(e.what()) << '\n';
        return kExitInternal;
    }
}

}  // namespace trygg
