#include "gis/map_layers.hpp"

#include "core/error.hpp"
#include "experiment/district_outcomes.hpp"
#include "model/risk_area.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

namespace trygg {
namespace {

using Kind = LayerField::Kind;

LayerField number_field(std::string name, Kind kind, std::size_t features) {
    return {std::move(name), kind, std::vector<std::optional<double>>(features), {}};
}

LayerField text_field(std::string name, std::size_t features) {
    return {std::move(name), Kind::Text, {}, std::vector<std::string>(features)};
}

// The cell's 100 m square, counter-clockwise (RFC 7946 §3.1.6 asks that of outer rings).
Shape cell_square(const GridDescription& g, int column, int row) {
    const double h = g.cell_size / 2.0;
    const double x = g.x0 + column * g.cell_size;
    const double y = g.y0 + row * g.cell_size;
    return {Polygon{{{x - h, y - h}, {x + h, y - h}, {x + h, y + h}, {x - h, y + h}}, {}}};
}

// Mean over replicates of a [replicate][cells] array at one cell.
double mean_at(const std::vector<std::int32_t>& values, int replicates, std::size_t cells, std::size_t cell) {
    if (replicates <= 0 || values.size() != static_cast<std::size_t>(replicates) * cells) return 0.0;
    double sum = 0.0;
    for (std::size_t rep = 0; rep < static_cast<std::size_t>(replicates); ++rep) sum += values[rep * cells + cell];
    return sum / replicates;
}

// Mean over replicates of the crimes of every type at one cell: /crimes/cells is
// [replicate][crime_type][y][x].
double mean_crimes_at(const RunResults& r, std::size_t cells, std::size_t cell, int type) {
    double sum = 0.0;
    const auto T = static_cast<std::size_t>(r.crime_types);
    for (std::size_t rep = 0; rep < static_cast<std::size_t>(r.replicates); ++rep) {
        for (std::size_t t = 0; t < T; ++t) {
            if (type < 0 || t == static_cast<std::size_t>(type)) sum += r.crimes_cells[(rep * T + t) * cells + cell];
        }
    }
    return r.replicates > 0 ? sum / r.replicates : 0.0;
}

std::string district_name(const RunFile& run, std::size_t cell) {
    const int d = cell < run.grid.district.size() ? run.grid.district[cell] : -1;
    return d < 0 ? std::string() : run.districts.names[static_cast<std::size_t>(d)];
}

// The square, column, row and district of each listed cell.
FeatureLayer cell_layer(const RunFile& run, const std::vector<std::size_t>& cells) {
    const GridDescription& g = run.grid;
    FeatureLayer layer;
    layer.fields.push_back(number_field("column", Kind::Integer, cells.size()));
    layer.fields.push_back(number_field("row", Kind::Integer, cells.size()));
    layer.fields.push_back(text_field("district", cells.size()));
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const int column = static_cast<int>(cells[k] % static_cast<std::size_t>(g.nx));
        const int row = static_cast<int>(cells[k] / static_cast<std::size_t>(g.nx));
        layer.shapes.push_back(cell_square(g, column, row));
        layer.fields[0].numbers[k] = column;
        layer.fields[1].numbers[k] = row;
        layer.fields[2].texts[k] = district_name(run, cells[k]);
    }
    return layer;
}

std::size_t cell_count(const GridDescription& g) {
    return static_cast<std::size_t>(g.nx) * static_cast<std::size_t>(g.ny);
}

}  // namespace

FeatureLayer district_layer(const RunFile& run, const std::vector<DesoSpec>& desos, const std::string& areas_source) {
    const DistrictTable& table = run.districts;
    const std::size_t D = table.names.size();
    FeatureLayer layer;
    layer.name = "districts";
    layer.description =
        "districts (SCB RegSO, the union of their DeSO polygons) with the run's outcomes: means "
        "over replicates with 95 % intervals (_low, _high); risk_* is an indicator inspired by the police's "
        "criteria for vulnerable areas, not the police's decision";
    layer.dissolve = true;
    layer.shapes.resize(D);
    for (std::size_t d = 0; d < D; ++d) {
        for (const DesoSpec& deso : desos) {
            if (deso.district_code == table.codes[d]) {
                layer.shapes[d].insert(layer.shapes[d].end(), deso.shape.begin(), deso.shape.end());
            }
        }
        if (layer.shapes[d].empty()) {
            throw InputError(areas_source + ": no DeSO polygon of district " + table.codes[d] + " (" + table.names[d] +
                             ") of the run: the run was made with another city's areas");
        }
    }
    layer.fields.push_back(text_field("code", D));
    layer.fields.push_back(text_field("name", D));
    layer.fields.push_back(number_field("population", Kind::Integer, D));
    for (std::size_t d = 0; d < D; ++d) {
        layer.fields[0].texts[d] = table.codes[d];
        layer.fields[1].texts[d] = table.names[d];
        layer.fields[2].numbers[d] = table.population[d];
    }
    for (const DistrictColumn& column : district_outcomes(run.results, table)) {
        LayerField mean = number_field(column.name, Kind::Real, D);
        LayerField low = number_field(column.name + "_low", Kind::Real, D);
        LayerField high = number_field(column.name + "_high", Kind::Real, D);
        for (std::size_t d = 0; d < D; ++d) {
            mean.numbers[d] = column.values[d].mean;
            if (column.values[d].interval) {
                low.numbers[d] = column.values[d].interval->low;
                high.numbers[d] = column.values[d].interval->high;
            }
        }
        layer.fields.push_back(std::move(mean));
        if (column.interval) {
            layer.fields.push_back(std::move(low));
            layer.fields.push_back(std::move(high));
        }
    }
    const std::vector<int> modal = modal_risk_class(run.results);
    if (!modal.empty()) {
        LayerField risk_class = number_field("risk_class", Kind::Integer, D);
        LayerField risk_class_name = text_field("risk_class_name", D);
        for (std::size_t d = 0; d < D; ++d) {
            risk_class.numbers[d] = modal[d];
            risk_class_name.texts[d] = std::string(kRiskClassNames[static_cast<std::size_t>(modal[d])]);
        }
        layer.fields.push_back(std::move(risk_class));
        layer.fields.push_back(std::move(risk_class_name));
    }
    return layer;
}

FeatureLayer hotspot_cell_layer(const RunFile& run) {
    const RunResults& r = run.results;
    const std::size_t cells = cell_count(run.grid);
    const auto hot_in = [&](const std::vector<std::int32_t>& frequency, std::size_t cell) {
        if (frequency.size() != static_cast<std::size_t>(r.replicates) * cells) return false;
        for (std::size_t rep = 0; rep < static_cast<std::size_t>(r.replicates); ++rep) {
            if (frequency[rep * cells + cell] > 0) return true;
        }
        return false;
    };
    std::vector<std::size_t> hot;
    for (std::size_t c = 0; c < cells; ++c) {
        if (hot_in(r.hotspots_true, c) || hot_in(r.hotspots_est, c)) hot.push_back(c);
    }
    FeatureLayer layer = cell_layer(run, hot);
    layer.name = "hotspot_cells";
    layer.description =
        "cells that were a Getis-Ord Gi* hotspot (FDR) in at least one week of a replicate: weeks "
        "hot, means over replicates";
    LayerField weeks_true = number_field("hotspot_weeks_true", Kind::Real, hot.size());
    LayerField share_true = number_field("hotspot_share_true", Kind::Real, hot.size());
    LayerField weeks_est = number_field("hotspot_weeks_est", Kind::Real, hot.size());
    LayerField crimes = number_field("crimes", Kind::Real, hot.size());
    for (std::size_t k = 0; k < hot.size(); ++k) {
        const double w = mean_at(r.hotspots_true, r.replicates, cells, hot[k]);
        weeks_true.numbers[k] = w;
        share_true.numbers[k] = r.weeks > 0 ? w / r.weeks : 0.0;
        weeks_est.numbers[k] = mean_at(r.hotspots_est, r.replicates, cells, hot[k]);
        crimes.numbers[k] = mean_crimes_at(r, cells, hot[k], -1);
    }
    for (auto* field : {&weeks_true, &share_true, &weeks_est, &crimes}) layer.fields.push_back(std::move(*field));
    return layer;
}

FeatureLayer intervention_cell_layer(const RunFile& run) {
    std::vector<std::size_t> treated;
    for (std::size_t c = 0; c < run.results.treated.size(); ++c) {
        if (run.results.treated[c] != 0) treated.push_back(c);
    }
    FeatureLayer layer = cell_layer(run, treated);
    layer.name = "intervention_cells";
    layer.description =
        "cells where a measure of the scenario acts (/interventions/treated): fixed items' areas, "
        "every beat a mobile unit stood in, programme catchments";
    return layer;
}

std::vector<RasterLayer> run_rasters(const RunFile& run) {
    const RunResults& r = run.results;
    const std::size_t cells = cell_count(run.grid);
    const float nodata = std::numeric_limits<float>::quiet_NaN();
    const auto outside = [&](std::size_t c) { return run.grid.district.size() == cells && run.grid.district[c] < 0; };
    const auto band = [&](std::string name, auto&& value) {
        RasterBand b{std::move(name), std::vector<float>(cells)};
        for (std::size_t c = 0; c < cells; ++c) b.values[c] = outside(c) ? nodata : static_cast<float>(value(c));
        return b;
    };
    RasterLayer crimes{"crimes", "crimes (true events) per cell over the run, mean over replicates", {}};
    crimes.bands.push_back(band("all crime types", [&](std::size_t c) { return mean_crimes_at(r, cells, c, -1); }));
    for (int t = 0; t < r.crime_types; ++t) {
        crimes.bands.push_back(band(r.crime_type_names[static_cast<std::size_t>(t)],
                                    [&](std::size_t c) { return mean_crimes_at(r, cells, c, t); }));
    }
    RasterLayer hotspots{"hotspot_frequency", "weeks the cell was a Gi* hotspot, mean over replicates", {}};
    hotspots.bands.push_back(
        band("true crime", [&](std::size_t c) { return mean_at(r.hotspots_true, r.replicates, cells, c); }));
    hotspots.bands.push_back(
        band("EST picture", [&](std::size_t c) { return mean_at(r.hotspots_est, r.replicates, cells, c); }));
    return {std::move(crimes), std::move(hotspots)};
}

}  // namespace trygg
