// The map: districts coloured by crime and victimisation per 1,000 residents a year, and the
// hotspot raster zoomed to where hotspots are. Without polygons the districts become bar charts.
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
  layers.push({
    data: { values: s.hotspots },
    mark: { type: "geoshape", stroke: null, clip: true },
    encoding: {
      color: { field: "properties.value", type: "quantitative", title: w.share_weeks, scale: { scheme: "reds", domainMin: 0 }, legend: { format: ".0%" } },
      tooltip: [{ field: "properties.value", type: "quantitative", format: ".0%", title: w.share_weeks }]
    }
  });
  var projection = { type: "mercator" };
  if (s.hotspots.length) projection.fit = { type: "FeatureCollection", features: s.hotspots };
  R.chart(box, "hotspot-map", { width: 640, height: 520, projection: projection, layer: layers });
});
