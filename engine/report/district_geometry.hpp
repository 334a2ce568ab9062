#pragma once
// The map's geometry in WGS 84 longitude/latitude (what Vega's projections take): the city's
// area polygons (SCB's DeSO, each tagged with its district, a RegSO) from the GeoJSON file the
// run's city config names, and the hotspot raster's cells (EPSG:3006, 100 m) with their corners
// reprojected by PROJ.
#include "report/report_section.hpp"
#include "sim/results.hpp"
#include "world/geometry.hpp"

#include <cstdint>
#include <string>
#include <vector>

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

// The hotspot raster, compactly: a whole-city run has 10,000 and more hot cells, which as
// GeoJSON polygons would be megabytes. So the page gets each cell as three integers and builds
// its polygon from the corner lattice (corner (i, j) is the south-west corner of cell (i, j), at
// easting x0 + (i − ½)·cell and northing y0 + (j − ½)·cell): PROJ reprojects every
// kRasterControlStep-th corner exactly (EPSG:3006 → WGS 84), and corners between are
// interpolated bilinearly. Over 1 km the transverse Mercator's curvature moves an interpolated
// point by a few centimetres (tests/report: under 1e-6 degrees), far below a 100 m cell.
inline constexpr int kRasterControlStep = 10;

struct HotspotRaster {
    int control_columns = 0, control_rows = 0;     // control points: corners i = a·step, j = b·step
    std::vector<double> control_lon, control_lat;  // [b][a] degrees
    std::vector<std::int32_t> cells;               // x, y, value in thousandths, for each cell with a value ≥ 0.0005
};

HotspotRaster hotspot_raster(const GridDescription& grid, const std::vector<double>& values);

// Longitude and latitude of corner (i, j) as the page computes it from the control points.
Point raster_corner(const HotspotRaster& raster, double i, double j);

// As the page's JSON: {"step", "columns", "rows", "lon", "lat", "cells"}.
Json raster_json(const HotspotRaster& raster);

}  // namespace trygg
