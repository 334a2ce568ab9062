#pragma once
// A run file's maps as GIS layers, before any file format: vector layers (districts with
// their outcomes, hotspot cells, intervention cells) and rasters (crimes and hotspot
// frequency per cell), all in the run file's CRS. gis/gdal_output.hpp writes them with GDAL;
// this part needs no GDAL, so it is tested on plain arrays.
#include "io/results_file.hpp"
#include "world/city.hpp"
#include "world/geometry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace trygg {

// The CRS of every x/y in a run file (io/run_file_write.cpp writes /crs for it).
inline constexpr const char* kRunFileCrs = "EPSG:3006";

// One attribute of a vector layer, one value per feature; a number without a value is NULL.
struct LayerField {
    enum class Kind { Integer, Real, Text };
    std::string name;
    Kind kind = Kind::Real;
    std::vector<std::optional<double>> numbers;  // Integer and Real
    std::vector<std::string> texts;              // Text
};

struct FeatureLayer {
    std::string name;           // layer (table, file) name, e.g. "districts"
    std::string description;    // what a feature is, for the file's metadata
    std::vector<Shape> shapes;  // one per feature, in kRunFileCrs
    // The parts of each shape touch (the DeSOs of one district): the writer dissolves them
    // into one polygon outline per feature.
    bool dissolve = false;
    std::vector<LayerField> fields;
};

// A raster on the run's grid; values row by row, the southernmost row first, as the run
// file stores them. NaN is "no data" (cells outside every district).
struct RasterBand {
    std::string name;  // band description, e.g. "all crime types"
    std::vector<float> values;
};

struct RasterLayer {
    std::string name;         // file name without extension, e.g. "crimes"
    std::string description;  // what the values are, with the unit
    std::vector<RasterBand> bands;
};

struct MapLayers {
    GridDescription grid;
    std::vector<FeatureLayer> features;  // districts, hotspot_cells, intervention_cells
    std::vector<RasterLayer> rasters;    // crimes, hotspot_frequency
};

// Districts: the DeSO polygons of each district of the run (matched by the run's
// /districts/code against each DeSO's district code) with the outcomes of
// experiment/district_outcomes.hpp. InputError naming `areas_source` when a district of the
// run has no polygon there (a run of another city).
FeatureLayer district_layer(const RunFile& run, const std::vector<DesoSpec>& desos, const std::string& areas_source);

// Hotspot cells: every cell that was a Gi* hotspot (of true crime or of the EST picture) in
// at least one week of at least one replicate, as its 100 m square, with how often.
FeatureLayer hotspot_cell_layer(const RunFile& run);

// Intervention cells: every cell of /interventions/treated (where a measure acts).
FeatureLayer intervention_cell_layer(const RunFile& run);

// Crimes per cell over the run (all types, then each type) and hotspot weeks per cell (true
// crime, EST picture), means over replicates.
std::vector<RasterLayer> run_rasters(const RunFile& run);

}  // namespace trygg
