#pragma once
// The map's geometry in WGS 84 longitude/latitude (what Vega's projections take): the city's
// area polygons (SCB's DeSO, each tagged with its district, a RegSO) from the GeoJSON file the
// run's city config names, and the hotspot raster's cells (EPSG:3006, 100 m) reprojected
// corner by corner with PROJ.
#include "report/report_section.hpp"
#include "sim/results.hpp"

#include <string>

namespace trygg {

struct DistrictGeometry {
    Json features = Json::array();  // GeoJSON features, properties {"district": code}
    std::string missing;            // why there are none ("" when there are)
};

// Reads geography.areas_file (relative to the city config's directory, as `trygg run` resolves
// it), areas_crs and district_code_property from the city config text the run file holds.
// A file that is gone or unreadable gives no features and a reason, never an error: the report
// still shows the districts' figures as charts.
DistrictGeometry district_geometry(const RunProvenance& provenance);

// One GeoJSON polygon per cell with value > 0, property "value": `values` is [y][x] on `grid`.
Json cell_features(const GridDescription& grid, const std::vector<double>& values);

}  // namespace trygg
