#pragma once
// `trygg export RESULTS.h5[:group] -o OUT [--format gpkg|geojson|gtiff]`: a run's maps for
// QGIS and web maps — districts (the DeSO polygons of the city config) with the run's
// outcomes, hotspot cells, intervention cells, and rasters of crimes and hotspot frequency.
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int export_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
void print_export_help(std::ostream& out);

}  // namespace trygg
