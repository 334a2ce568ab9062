// Areas: crime in each strategy's treated cells, the buffer and the rest, with the displacement
// quotient and how to read it.
TryggReport.section("areas", function (box, s, w) {
  var R = TryggReport;
  box.appendChild(R.paragraph(w.lead, "lead"));
  var strategies = s.strategies.map(function (q) { return q.strategy; });
  var rows = s.rows.filter(function (r) { return r.percent !== null; }).map(function (r) {
    return Object.assign({}, r, { label: w[r.key] || r.key });
  });
  if (rows.length) {
    R.chart(box, "areas-effects", {
      width: 560, height: { step: 9, for: "offset" },
      data: { values: rows },
      encoding: { y: { field: "label", type: "nominal", title: null, sort: [w.treated, w.buffer, w.rest] },
                  yOffset: { field: "strategy", type: "nominal", sort: strategies } },
      layer: [
        { mark: { type: "bar", opacity: 0.85 },
          encoding: { x: { field: "percent", type: "quantitative", title: R.words.change + " (%)", axis: { format: "+,.1~f" } },
                      color: { field: "strategy", type: "nominal", title: R.words.strategy, sort: strategies, legend: { orient: "bottom" } },
                      tooltip: [{ field: "strategy", title: R.words.strategy }, { field: "label", title: w.reading },
                                { field: "percent", type: "quantitative", format: "+,.1f", title: R.words.change + " (%)" },
                                { field: "percent_low", type: "quantitative", format: "+,.1f", title: R.words.low + " (%)" },
                                { field: "percent_high", type: "quantitative", format: "+,.1f", title: R.words.high + " (%)" }] } },
        { mark: { type: "rule", color: "#222" },
          encoding: { x: { field: "percent_low", type: "quantitative" }, x2: { field: "percent_high" } } },
        // The estimate itself, visible even where the bar has no length.
        { mark: { type: "tick", color: "#222", thickness: 2 }, encoding: { x: { field: "percent", type: "quantitative" } } }
      ]
    });
  }
  var fmt = function (v) { return R.number(v, 2); };
  box.appendChild(R.table(
    [R.words.strategy, w.treated + " (" + w.cells + ")", w.buffer + " (" + w.cells + ", " + R.number(s.buffer_m, 0) + " m)", w.wdq, w.reading],
    s.strategies.map(function (q) {
      return [q.strategy, R.number(q.treated_cells, 0), R.number(q.buffer_cells, 0),
              q.wdq === null ? "–" : fmt(q.wdq) + " " + R.interval(q.wdq_low, q.wdq_high, fmt), w.readings[q.reading] || q.reading];
    }), [false, true, true, true, false]));
});
