// Young people by home district, and with strategies their change in the municipality.
TryggReport.section("youth", function (box, s, w) {
  var R = TryggReport;
  box.appendChild(R.paragraph(w.lead, "lead"));
  var rows = s.rows.map(function (r) { return Object.assign({}, r, { label: w.measures[r.measure] || r.measure }); });
  R.chart(box, "youth-districts", {
    data: { values: rows },
    facet: { column: { field: "label", type: "nominal", title: null, sort: [w.measures.recruits, w.measures.members, w.measures.offences] } },
    spec: {
      width: 200, height: { step: 14 },
      encoding: { y: { field: "district", type: "nominal", title: null } },
      layer: [
        { mark: { type: "bar", color: "#6f8fb0" },
          encoding: { x: { field: "mean", type: "quantitative", title: R.words.mean, axis: { format: ",.0f" } },
                      tooltip: [{ field: "district", title: R.words.district }, { field: "label" },
                                { field: "mean", type: "quantitative", format: ",.1f", title: R.words.mean },
                                { field: "low", type: "quantitative", format: ",.1f", title: R.words.low },
                                { field: "high", type: "quantitative", format: ",.1f", title: R.words.high }] } },
        { mark: { type: "rule", color: "#222" }, encoding: { x: { field: "low", type: "quantitative" }, x2: { field: "high" } } }
      ]
    },
    resolve: { scale: { x: "independent" } }
  });
  if (s.changes.length) {
    box.appendChild(R.element("h3", { text: w.changes }));
    var fmt = function (v) { return R.signed(v, 1); };
    box.appendChild(R.table([R.words.strategy, "", R.words.base, R.words.other, R.words.change + " (" + R.words.interval + ")"],
      s.changes.map(function (r) {
        return [r.strategy, w.outcomes[r.outcome] || r.outcome, R.number(r.base, 1), R.number(r.other, 1),
                fmt(r.change) + " " + R.interval(r.change_low, r.change_high, fmt)];
      }), [false, false, true, true, true]));
  }
});
