// The map: districts coloured by crime and victimisation per 1,000 residents a year, and the
// hotspot raster zoomed to where hotspots are. Without polygons the districts become bar charts.
// The hotspot cells as GeoJSON polygons, from the compact raster (engine/report/district_geometry.hpp):
// corner (i, j) is interpolated bilinearly between the control points PROJ reprojected, and each
// ring runs south-west, north-west, north-east, south-east: clockwise, as d3-geo wants.
function TryggHotspotFeatures(h) {
  function at(values, a, b) { return values[b * h.columns + a]; }
  function corner(i, j) {
    var u = i / h.step, w = j / h.step;
    var a = Math.min(Math.max(Math.floor(u), 0), h.columns - 2), b = Math.min(Math.max(Math.floor(w), 0), h.rows - 2);
    var fu = u - a, fw = w - b;
    function blend(v) {
      return (1 - fw) * ((1 - fu) * at(v, a, b) + fu * at(v, a + 1, b)) + fw * ((1 - fu) * at(v, a, b + 1) + fu * at(v, a + 1, b + 1));
    }
    return [blend(h.lon), blend(h.lat)];
  }
  var features = [];
  for (var k = 0; k + 2 < h.cells.length; k += 3) {
    var x = h.cells[k], y = h.cells[k + 1];
    var ring = [corner(x, y), corner(x, y + 1), corner(x + 1, y + 1), corner(x + 1, y), corner(x, y)];
    features.push({ type: "Feature", properties: { value: h.cells[k + 2] / 1000 }, geometry: { type: "Polygon", coordinates: [ring] } });
  }
  return features;
}

TryggReport.section("map", function (box, s, w) {
  var R = TryggReport;
  box.appendChild(R.paragraph(w.lead, "lead"));
  var measures = ["crimes"].concat(s.victim_groups.map(function (g) { return "victims_" + g; }));
  var tooltip = function (field) {
    return [{ field: "name", title: R.words.district }, { field: field, type: "quantitative", format: ",.1f", title: w[field] || field },
            { field: "residents", type: "quantitative", format: ",.0f", title: w.residents }];
  };
  if (s.polygons.length) {
    var maps = measures.map(function (field) {
      return {
        title: w[field] || field, width: 440, height: 420,
        data: { values: s.polygons },
        transform: [{ lookup: "properties.district", from: { data: { values: s.districts }, key: "code", fields: ["name", field, "residents"] } }],
        projection: { type: "mercator" },
        mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.4 },
        encoding: {
          color: { field: field, type: "quantitative", title: null, scale: { scheme: "orangered" }, legend: { format: ",.0f", orient: "bottom", gradientLength: 300 } },
          tooltip: tooltip(field)
        }
      };
    });
    R.chart(box, "district-map", { concat: maps, columns: 2, resolve: { scale: { color: "independent" } } });
  } else {
    box.appendChild(R.missing(s.polygons_missing));
    measures.forEach(function (field) {
      R.chart(box, "district-bars-" + field, {
        title: w[field] || field, width: 520, data: { values: s.districts },
        mark: "bar",
        encoding: { y: { field: "name", type: "nominal", sort: "-x", title: null },
                    x: { field: field, type: "quantitative", title: null, axis: { format: ",.0f" } }, tooltip: tooltip(field) }
      });
    });
  }
  box.appendChild(R.element("h3", { text: w.hotspots_title }));
  if (s.hotspots_missing) { box.appendChild(R.missing(s.hotspots_missing)); return; }
  box.appendChild(R.paragraph(w.hotspots_lead, "lead"));
  var layers = [];
  if (s.polygons.length) {
    layers.push({ data: { values: s.polygons }, mark: { type: "geoshape", fill: "#eef0f2", stroke: "#8a949e", strokeWidth: 0.6, clip: true } });
  }
  var cells = TryggHotspotFeatures(s.hotspots);
  layers.push({
    data: { values: cells },
    transform: [{ calculate: "datum.properties.value", as: "edge" }],
    mark: { type: "geoshape", strokeWidth: 0.4, clip: true },
    encoding: {
      color: { field: "properties.value", type: "quantitative", title: w.share_weeks, scale: { scheme: "reds", domainMin: 0 }, legend: { format: ".0%" } },
      // Outlined in their own colour, so neighbouring cells show no seam.
      stroke: { field: "edge", type: "quantitative", scale: { scheme: "reds", domainMin: 0 }, legend: null },
      tooltip: [{ field: "properties.value", type: "quantitative", format: ".0%", title: w.share_weeks }]
    }
  });
  var projection = { type: "mercator" };
  if (cells.length) projection.fit = { type: "FeatureCollection", features: cells };
  R.chart(box, "hotspot-map", { width: 640, height: 520, projection: projection, layer: layers });
  // A closer look where cells are hotspots in at least a fifth of the weeks (the town centre in
  // Borlänge), when there are enough of them to frame.
  var frequent = cells.filter(function (f) { return f.properties.value >= 0.2; });
  if (frequent.length >= 5 && frequent.length < cells.length) {
    box.appendChild(R.element("h3", { text: w.hotspots_close }));
    R.chart(box, "hotspot-map-close", { width: 640, height: 480, layer: layers,
      projection: { type: "mercator", fit: { type: "FeatureCollection", features: frequent } } });
  }
});
