// Hotspots on the baseline's yardstick: the share of crime in the baseline's top cells,
// hotspot cell-weeks, persistent, new and vanished hotspots, each strategy tested against the
// baseline's mean and spread; beside them the relative picture (each run's own yardstick),
// said plainly to be a moving yardstick.
TryggReport.section("hotspots", function (box, s, w) {
  var R = TryggReport;
  var pct = R.lang === "sv" ? "\u00a0%" : "%";
  var one = function (v) { return R.number(v, 1); };
  box.appendChild(R.paragraph(w.lead, "lead"));
  if (!s.baseline_rule) box.appendChild(R.missing("no_weekly_picture"));
  var chartRows = [];
  s.rows.forEach(function (r) {
    var e = r.estimates;
    box.appendChild(R.element("h3", { text: r.strategy }));
    var rows = [];
    var top = e.crime_share_in_baseline_top_cells;
    if (top) {
      rows.push([w.top_share + " (" + R.number(r.top_cells, 0) + " " + w.top_cells + ")",
                 R.number(100 * top.base, 1) + pct, R.number(100 * top.other, 1) + pct,
                 R.signed(100 * top.change, 1) + " " + w.pp + " " +
                 R.interval(top.change_low === null ? null : 100 * top.change_low, top.change_high === null ? null : 100 * top.change_high, one)]);
    }
    var count = function (key, label) {
      var x = e[key];
      if (!x) return;
      var change = x.percent !== null ? R.percent(x.percent) + " " + R.interval(x.percent_low, x.percent_high, R.percent)
                                      : R.signed(x.change, 1) + " " + R.interval(x.change_low, x.change_high, one);
      rows.push([label, R.number(x.base, 1), R.number(x.other, 1), change]);
      if (key !== "hotspot_cell_weeks" && x.percent !== null)
        chartRows.push({ strategy: r.strategy, measure: label, percent: x.percent, low: x.percent_low, high: x.percent_high });
    };
    if (e.crimes_true_in_baseline_top_cells) {
      var t = e.crimes_true_in_baseline_top_cells;
      if (t.percent !== null)
        chartRows.push({ strategy: r.strategy, measure: w.top_crimes,
                         percent: t.percent, low: t.percent_low, high: t.percent_high });
    }
    count("hotspot_cell_weeks_baseline_rule", w.cell_weeks);
    count("hotspots_persistent", w.persistent);
    if (e.hotspots_persistent_new) {
      var n = e.hotspots_persistent_new, v = e.hotspots_persistent_vanished;
      rows.push([w.new_hot, "", R.number(n.other, 1) + " " + R.interval(n.change_low, n.change_high, one), ""]);
      if (v) rows.push([w.vanished, "", R.number(v.other, 1) + " " + R.interval(v.change_low, v.change_high, one), ""]);
    }
    count("hotspot_cell_weeks", w.own_rule);
    box.appendChild(R.table([w.measure, w.base, w.other, w.change], rows, [false, true, true, true]));
  });
  if (chartRows.length) {
    var strategies = [], measures = [];
    chartRows.forEach(function (r) {
      if (strategies.indexOf(r.strategy) < 0) strategies.push(r.strategy);
      if (measures.indexOf(r.measure) < 0) measures.push(r.measure);
    });
    var x = { type: "quantitative", title: w.chart, axis: { format: "+,.1~f" } };
    R.chart(box, "hotspots-baseline", {
      width: 560, height: { step: 9, for: "offset" }, data: { values: chartRows },
      encoding: { y: { field: "measure", type: "nominal", title: null, sort: measures, axis: { labelLimit: 320 } },
                  yOffset: { field: "strategy", type: "nominal", sort: strategies } },
      layer: [
        { mark: { type: "bar", opacity: 0.85 },
          encoding: { x: Object.assign({ field: "percent" }, x),
                      color: { field: "strategy", type: "nominal", title: R.words.strategy, sort: strategies,
                               legend: strategies.length > 1 ? { orient: "bottom" } : null },
                      tooltip: [{ field: "strategy", title: R.words.strategy }, { field: "measure", title: w.measure },
                                { field: "percent", type: "quantitative", format: "+,.1f", title: w.change + " (%)" },
                                { field: "low", type: "quantitative", format: "+,.1f", title: R.words.low + " (%)" },
                                { field: "high", type: "quantitative", format: "+,.1f", title: R.words.high + " (%)" }] } },
        { mark: { type: "rule", color: "#222" }, encoding: { x: Object.assign({ field: "low" }, x), x2: { field: "high" } } },
        { mark: { type: "tick", color: "#222", thickness: 2 }, encoding: { x: Object.assign({ field: "percent" }, x) } }
      ]
    });
  }
  box.appendChild(R.paragraph(w.relative, "note"));
});
