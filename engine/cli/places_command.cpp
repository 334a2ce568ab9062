#include "cli/places_command.hpp"

#include "cli/app.hpp"
#include "cli/options.hpp"
#include "cli/shipped_path.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/city_config.hpp"
#include "io/projection.hpp"
#include "io/run_setup.hpp"
#include "io/scenario_config.hpp"
#include "io/yaml_reader.hpp"
#include "world/city.hpp"

#include <boost/program_options.hpp>

#include <cstdio>
#include <ostream>

namespace trygg {
namespace {

namespace po = boost::program_options;

po::options_description places_options() {
    po::options_description o("Options");
    o.add_options()("type", po::value<std::string>(), "only places of this type (e.g. local_shop, nightlife)")(
        "district", po::value<std::string>(), "only places in this district (name or RegSO code)")(
        "csv", "comma-separated values instead of a table")("help,h", "this text");
    return o;
}

// The index of the district named `wanted` (name or code), or an InputError naming the closest.
int find_district(const City& city, const std::string& wanted) {
    std::vector<std::string> names;
    for (std::size_t d = 0; d < city.districts.size(); ++d) {
        if (city.districts[d].name == wanted || city.districts[d].code == wanted) return static_cast<int>(d);
        names.push_back(city.districts[d].name);
        names.push_back(city.districts[d].code);
    }
    throw InputError("trygg places: --district: no district '" + wanted + "'" + did_you_mean(wanted, names));
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

}  // namespace

void print_places_help(std::ostream& out) {
    out << "Usage: trygg places [CITY.yaml | SCENARIO.yaml] [--type T] [--district D] [--csv]\n"
           "\n"
           "Lists the places of a city as the model builds them: the named places of the city's\n"
           "places file, then the corner shops and bus stops synthesised where each DeSO's homes\n"
           "are (neighbourhood_places). A scenario names them in `where: {places: [...]}`; the\n"
           "cell [column, row] is what `where: {cells: [...]}` takes.\n"
           "CITY.yaml defaults to configs/borlange.yaml; a scenario lists its city's places with its\n"
           "overrides applied. A relative path is looked up in the working directory, then in the\n"
           "installation's share/trygg.\n"
           "\n"
        << places_options()
        << "\n"
           "Example:\n"
           "  trygg places configs/borlange.yaml --district \"Tjärna Ängar\" --type local_stop\n";
}

int places_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    (void)err;
    const po::variables_map vm = parse_command_line(args, places_options(), {"city"}, "places");
    if (vm.count("help")) {
        print_places_help(out);
        return kExitOk;
    }
    const std::string file =
        shipped_path(vm.count("city") ? vm["city"].as<std::string>() : "configs/borlange.yaml").string();
    // A scenario (it names its city, or extends one that does) lists its city's places with
    // the scenario's overrides applied; a city config lists its own.
    const ConfigMap top = YamlDocument::load(file).root();
    const bool scenario = top.has("city") || top.has("extends");
    RunSetup setup;
    if (scenario) {
        setup = prepare_run(load_scenario_config(file));
    } else {
        setup.config = load_city_config(file);
        setup.city = build_city(setup.config.spec);
    }
    const CityConfig& config = setup.config;
    const City& city = setup.city;

    bool by_type = false;
    PlaceType type{};
    if (vm.count("type")) {
        const std::string wanted = vm["type"].as<std::string>();
        if (!place_type_from_name(wanted, type)) {
            std::vector<std::string> names;
            for (auto n : place_type_names()) names.emplace_back(n);
            throw InputError("trygg places: --type: no place type '" + wanted + "'" + did_you_mean(wanted, names));
        }
        by_type = true;
    }
    const int district = vm.count("district") ? find_district(city, vm["district"].as<std::string>()) : -1;
    const bool csv = vm.count("csv") > 0;

    const Projection to_wgs84(config.grid_crs, "EPSG:4326");
    if (csv) {
        out << "name,type,district,lat,lon,column,row\n";
    } else {
        out << "name                                   type                    district                        "
               "  lat        lon   cell [column, row]\n";
    }
    int listed = 0;
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        const Place& place = city.places[p];
        const int cell = city.place_cell[p];
        const int d = city.district_of_cell(cell);
        if (by_type && place.type != type) continue;
        if (district >= 0 && d != district) continue;
        const Point lonlat = to_wgs84(place.where.x, place.where.y);
        const std::string district_name = d < 0 ? std::string("-") : city.districts[static_cast<std::size_t>(d)].name;
        char position[64];
        std::snprintf(position, sizeof position, "%.5f%s%.5f", lonlat.y, csv ? "," : "  ", lonlat.x);
        if (csv) {
            out << csv_field(place.name) << ',' << name_of(place.type) << ',' << csv_field(district_name) << ','
                << position << ',' << city.grid.col(cell) << ',' << city.grid.row(cell) << '\n';
        } else {
            out << pad_right(place.name, 38) << ' ' << pad_right(std::string(name_of(place.type)), 23) << ' '
                << pad_right(district_name, 31) << ' ' << position << "   [" << city.grid.col(cell) << ", "
                << city.grid.row(cell) << "]\n";
        }
        ++listed;
    }
    if (!csv) out << listed << " place(s)\n";
    return kExitOk;
}

}  // namespace trygg
