#include "cli/export_command.hpp"

#include "cli/app.hpp"
#include "cli/options.hpp"
#include "cli/shipped_path.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "gis/map_export.hpp"
#include "gis/map_layers.hpp"
#include "io/city_config.hpp"
#include "io/output_path.hpp"
#include "io/run_spec.hpp"

#include <boost/program_options.hpp>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>

namespace trygg {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kCommand = "trygg export";
// The shipped city config: the districts' polygons when the run's own config is not at hand.
constexpr const char* kDefaultCity = "configs/borlange.yaml";

po::options_description export_options() {
    po::options_description o("Options");
    o.add_options()("output,o", po::value<std::string>(),
                    "where to write: a .gpkg file (gpkg), or a folder (geojson, gtiff); required")(
        "format,f", po::value<std::string>(),
        "gpkg (default): one GeoPackage with the three vector layers in EPSG:3006; geojson: a folder "
        "with one RFC 7946 file per layer, WGS 84 longitude/latitude; gtiff: a folder with "
        "crimes.tif and hotspot_frequency.tif in EPSG:3006")(
        "city", po::value<std::string>(),
        "city config whose DeSO polygons outline the districts (default: the run's, if it is where the "
        "run file says, else configs/borlange.yaml)")("quiet,q", "print nothing")("help,h", "this text");
    return o;
}

MapFormat format_of(const po::variables_map& vm) {
    if (!vm.count("format")) {
        // Without --format the output is a GeoPackage; a name that promises another format
        // would hold one under the wrong extension.
        const std::string ext = vm.count("output") ? fs::path(vm["output"].as<std::string>()).extension().string() : "";
        if (ext == ".geojson" || ext == ".json" || ext == ".tif" || ext == ".tiff") {
            throw InputError(std::string(kCommand) + ": --output " + vm["output"].as<std::string>() +
                             ": GeoJSON and GeoTIFF are written as a folder of files with --format geojson or gtiff "
                             "(-o FOLDER); without --format the output is a GeoPackage (.gpkg)");
        }
        return MapFormat::GeoPackage;
    }
    const std::string name = vm["format"].as<std::string>();
    if (const auto format = map_format_from_name(name)) return *format;
    std::string names;
    for (const auto& n : map_format_names()) names += (names.empty() ? "" : ", ") + n;
    throw InputError(std::string(kCommand) + ": --format: no format '" + name + "'" +
                     did_you_mean(name, map_format_names()) + " (formats: " + names + ")");
}

// A folder output: its parent exists and takes a new folder (the temporary one, probed here),
// and an existing `out` is a folder that takes files.
void check_output_folder(const fs::path& out) {
    const std::string prefix = std::string(kCommand) + ": --output: ";
    std::error_code ec;
    const auto status = fs::symlink_status(out, ec);
    const bool exists = fs::exists(status);
    if (exists && !fs::is_directory(status)) {
        throw InputError(prefix + out.string() + " exists and is not a folder (geojson and gtiff write a folder)");
    }
    const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec)) throw InputError(prefix + "directory does not exist: " + parent.string());
    const std::string pid = std::to_string(::getpid());
    const fs::path probe_folder = out.string() + ".tmp-probe-" + pid;
    if (!fs::create_directory(probe_folder, ec) || ec) {
        throw InputError(prefix + "cannot create " + out.string() + ": " + ec.message());
    }
    fs::remove(probe_folder, ec);
    if (!exists) return;
    const fs::path probe_file = out / (".tmp-probe-" + pid);
    {
        std::ofstream test(probe_file);
        if (!test) throw InputError(prefix + "cannot write into " + out.string() + ": " + std::strerror(errno));
    }
    fs::remove(probe_file, ec);
}

// The run's own city config where the file says it was (a path relative to where the run
// was started), else the shipped one.
fs::path city_config_of(const po::variables_map& vm, const RunFile& run) {
    if (vm.count("city")) return vm["city"].as<std::string>();
    std::error_code ec;
    if (!run.provenance.city_file.empty() && fs::is_regular_file(run.provenance.city_file, ec)) {
        return run.provenance.city_file;
    }
    const fs::path shipped = shipped_path(kDefaultCity);
    if (!fs::is_regular_file(shipped, ec)) {
        throw InputError(std::string(kCommand) + ": the run's city config '" + run.provenance.city_file +
                         "' is not found, nor the shipped " + kDefaultCity +
                         " (working directory, then share/trygg): name one with --city");
    }
    return shipped;
}

std::string summary(const MapLayers& layers, MapFormat format) {
    std::string s;
    if (format == MapFormat::GeoTiff) {
        for (const RasterLayer& r : layers.rasters) {
            s += (s.empty() ? "" : ", ") + r.name + ".tif (" + std::to_string(r.bands.size()) + " bands)";
        }
        return s;
    }
    for (const FeatureLayer& l : layers.features) {
        s += (s.empty() ? "" : ", ") + l.name + (format == MapFormat::GeoJson ? ".geojson" : "") + " (" +
             std::to_string(l.shapes.size()) + " features)";
    }
    return s;
}

}  // namespace

void print_export_help(std::ostream& out) {
    out << "Usage: trygg export RESULTS.h5[:GROUP] -o OUT [--format gpkg|geojson|gtiff] [--city CITY.yaml]\n"
           "\n"
           "Writes a run's maps for QGIS and web maps (GROUP names one run of an experiment file):\n"
           "  districts           the districts (the union of their DeSO polygons) with the run's outcomes,\n"
           "                      means over replicates with 95 % intervals (fields NAME, NAME_low,\n"
           "                      NAME_high): crimes and registered crimes per 1,000 residents a year,\n"
           "                      each crime type's rate, crimes against residents per 1,000 residents,\n"
           "                      against businesses and visitors a year; from schema 3 on the last\n"
           "                      quarter's risk-area score, the share of replicates listing the district,\n"
           "                      the most common class (an indicator, not the police's decision) and\n"
           "                      the share unsafe out late\n"
           "  hotspot_cells       the 100 m cells that were a Gi* hotspot in at least one week, with\n"
           "                      the weeks hot (true crime, EST picture) and their crimes\n"
           "  intervention_cells  the cells where a measure of the scenario acts\n"
           "  crimes.tif, hotspot_frequency.tif  (gtiff) crimes per cell over the run, all types then\n"
           "                      each type, and weeks as a hotspot; NaN outside the districts\n"
           "GeoPackage and GeoTIFF are in SWEREF99 TM (EPSG:3006) on the run's grid; GeoJSON is\n"
           "RFC 7946, WGS 84 longitude/latitude. A GeoPackage is one file; geojson and gtiff write\n"
           "a folder (created, or its files of these names replaced). Nothing appears under OUT\n"
           "until it is complete.\n"
           "\n"
        << export_options()
        << "\n"
           "The city config: "
        << kShippedPathSearch
        << ".\n"
           "\n"
           "Example:\n"
           "  trygg export results/baseline.h5 -o results/baseline.gpkg\n"
           "  trygg export results/strategy.h5:combined -o results/combined_maps --format geojson\n";
}

int export_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    (void)err;
    const po::variables_map vm = parse_command_line(args, export_options(), {"run"}, "export");
    if (vm.count("help")) {
        print_export_help(out);
        return kExitOk;
    }
    if (!vm.count("run")) {
        throw InputError(std::string(kCommand) + ": no run file given (e.g. trygg export results/baseline.h5 -o " +
                         "baseline.gpkg)");
    }
    const MapFormat format = format_of(vm);
    if (!vm.count("output")) throw InputError(std::string(kCommand) + ": --output: required (e.g. -o maps.gpkg)");
    const fs::path output = vm["output"].as<std::string>();
    const ComparedFile spec = parse_run_spec(vm["run"].as<std::string>());
    check_outputs_apart({{"--output", output}}, {{"the run file", spec.file}}, kCommand);
    if (writes_folder(format)) {
        check_output_folder(output);
    } else {
        check_output_path(output, kCommand);
    }
    const RunFile run = read_run(spec);
    MapLayers layers;
    layers.grid = run.grid;
    fs::path city;
    if (format == MapFormat::GeoTiff) {
        layers.rasters = run_rasters(run);
    } else {
        city = city_config_of(vm, run);
        const CityConfig config = load_city_config(city);
        layers.features.push_back(district_layer(run, config.spec.desos, city.string() + " (its areas_file)"));
        layers.features.push_back(hotspot_cell_layer(run));
        layers.features.push_back(intervention_cell_layer(run));
    }
    export_maps(layers, format, output);
    if (!vm.count("quiet")) {
        out << "Wrote " << output.string() << (writes_folder(format) ? "/" : "") << ": " << summary(layers, format);
        if (!city.empty()) out << "; district outlines from " << city.string();
        out << "\n";
    }
    return kExitOk;
}

}  // namespace trygg
