// Effects: each strategy's change in crime against the baseline, in percent with its 95 %
// interval, as bars with error rules: all crime, then by type, district, victim group and hour.
TryggReport.section("effects", function (box, s, w) {
  var R = TryggReport;
  box.appendChild(R.paragraph(w.lead, "lead"));
  if (s.pairing === "unpaired") box.appendChild(R.paragraph(w.unpaired, "note"));
  var strategies = [];
  s.rows.forEach(function (r) { if (strategies.indexOf(r.strategy) < 0) strategies.push(r.strategy); });
  var rows = s.rows.map(function (r) {
    return Object.assign({}, r, { label: R.name(r.key).replace(/^(\d\d)-(\d\d)$/, "$1–$2") });
  });
  var groups = [["crimes_true", "total"], ["crimes_true_by_type", "by_type"], ["crimes_true_by_district", "by_district"],
                ["victims_by_group", "by_group"], ["crimes_true_by_hour", "by_hour"]];
  groups.forEach(function (g) {
    var values = rows.filter(function (r) { return r.outcome === g[0] && r.percent !== null; });
    if (!values.length) return;
    var keys = [];
    values.forEach(function (r) { if (keys.indexOf(r.label) < 0) keys.push(r.label); });
    box.appendChild(R.element("h3", { text: w[g[1]] }));
    var y = { field: "label", type: "nominal", title: null, sort: keys, axis: { labelLimit: 260 } };
    var yOffset = { field: "strategy", type: "nominal", sort: strategies };
    var color = { field: "strategy", type: "nominal", title: R.words.strategy, sort: strategies,
                  legend: strategies.length > 1 ? { orient: "bottom" } : null };
    var tooltip = [{ field: "strategy", title: R.words.strategy }, { field: "label", title: w[g[1]] },
                   { field: "base", type: "quantitative", format: ",.1f", title: R.words.base },
                   { field: "other", type: "quantitative", format: ",.1f", title: R.words.other },
                   { field: "percent", type: "quantitative", format: "+,.1f", title: R.words.change + " (%)" },
                   { field: "percent_low", type: "quantitative", format: "+,.1f", title: R.words.low + " (%)" },
                   { field: "percent_high", type: "quantitative", format: "+,.1f", title: R.words.high + " (%)" }];
    R.chart(box, "effects-" + g[1], {
      width: 560, height: { step: 9, for: "offset" },
      data: { values: values },
      encoding: { y: y, yOffset: yOffset },
      layer: [
        { mark: { type: "bar", opacity: 0.85 },
          encoding: { x: { field: "percent", type: "quantitative", title: w.percent, axis: { format: "+,.1~f" } }, color: color, tooltip: tooltip } },
        { mark: { type: "rule", color: "#222" },
          encoding: { x: { field: "percent_low", type: "quantitative" }, x2: { field: "percent_high" } } },
        // The estimate itself, visible even where the bar has no length.
        { mark: { type: "tick", color: "#222", thickness: 2 }, encoding: { x: { field: "percent", type: "quantitative" } } }
      ]
    });
  });
});
