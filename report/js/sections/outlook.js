// Outlook: the risk-area indicator's classes per district at the horizon, and with strategies
// the change in the share of replicates that list each district.
TryggReport.section("outlook", function (box, s, w) {
  var R = TryggReport;
  box.appendChild(R.paragraph(w.lead, "lead"));
  var classes = ["none", "utsatt", "risk", "sarskilt_utsatt"];
  var labels = classes.map(function (c) { return w.classes[c]; });
  var rows = s.classes.map(function (r) { return Object.assign({}, r, { label: w.classes[r["class"]] || r["class"], order: classes.indexOf(r["class"]) }); });
  R.chart(box, "outlook-classes", {
    width: 560, height: { step: 16 }, data: { values: rows },
    mark: "bar",
    encoding: {
      y: { field: "district", type: "nominal", title: null, axis: { labelLimit: 260 } },
      x: { field: "share", type: "quantitative", title: w.share, axis: { format: ".0%" }, scale: { domain: [0, 1] } },
      color: { field: "label", type: "nominal", title: w["class"], sort: labels, scale: { domain: labels, range: ["#d5dbe1", "#f2c14e", "#e07b39", "#b8252e"] }, legend: { orient: "bottom" } },
      order: { field: "order", type: "quantitative" },
      tooltip: [{ field: "district", title: R.words.district }, { field: "label", title: w["class"] },
                { field: "share", type: "quantitative", format: ".0%", title: w.share },
                { field: "unsafe", type: "quantitative", format: ".0%", title: w.unsafe }]
    }
  });
  var changes = s.changes.filter(function (r) { return r.outcome === "risk_listed_at_horizon_by_district" && (r.base > 0 || r.other > 0); })
    .map(function (r) { return Object.assign({}, r, { pp: 100 * r.change, pp_low: r.change_low === null ? null : 100 * r.change_low, pp_high: r.change_high === null ? null : 100 * r.change_high }); });
  if (changes.length) {
    box.appendChild(R.element("h3", { text: w.changes }));
    R.chart(box, "outlook-changes", {
      width: 560, height: { step: 9, for: "offset" }, data: { values: changes },
      encoding: { y: { field: "key", type: "nominal", title: null }, yOffset: { field: "strategy", type: "nominal" } },
      layer: [
        { mark: "bar", encoding: { x: { field: "pp", type: "quantitative", title: w.pp, axis: { format: "+,.1~f" } }, color: { field: "strategy", type: "nominal", title: R.words.strategy, legend: { orient: "bottom" } },
                                   tooltip: [{ field: "strategy" }, { field: "key", title: R.words.district }, { field: "pp", type: "quantitative", format: "+,.1f", title: w.pp }] } },
        { mark: { type: "rule", color: "#222" }, encoding: { x: { field: "pp_low", type: "quantitative" }, x2: { field: "pp_high" } } }
      ]
    });
  }
});
