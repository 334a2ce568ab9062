// Cost: each strategy's extra cost, crimes prevented and cost per crime prevented.
TryggReport.section("cost", function (box, s, w) {
  var R = TryggReport;
  box.appendChild(R.paragraph(w.lead, "lead"));
  box.appendChild(R.table([R.words.strategy, w.cost, w.prevented, w.per_crime, ""], s.rows.map(function (r) {
    return [r.strategy, R.kronor(r.sek), R.number(r.prevented, 1),
            r.sek_per_crime === null ? "–" : R.kronor(r.sek_per_crime) + " " + R.interval(r.sek_per_crime_low, r.sek_per_crime_high, R.kronor),
            w.readings[r.reading] || ""];
  }), [false, true, true, true, false]));
  // Cheapest first; the chart keeps this order (sort: null).
  var determined = s.rows.filter(function (r) { return r.sek_per_crime !== null; })
    .sort(function (a, b) { return a.sek_per_crime - b.sek_per_crime; });
  if (determined.length) {
    R.chart(box, "cost-per-crime", {
      width: 560, height: { step: 22 }, data: { values: determined },
      encoding: { y: { field: "strategy", type: "nominal", title: null, sort: null } },
      layer: [
        { mark: { type: "bar", color: "#7a8fa6" },
          encoding: { x: { field: "sek_per_crime", type: "quantitative", title: w.per_crime, axis: { format: "$,.0f" } },
                      tooltip: [{ field: "strategy", title: R.words.strategy },
                                { field: "sek_per_crime", type: "quantitative", format: "$,.0f", title: w.per_crime },
                                { field: "sek_per_crime_low", type: "quantitative", format: "$,.0f", title: R.words.low },
                                { field: "sek_per_crime_high", type: "quantitative", format: "$,.0f", title: R.words.high }] } },
        { mark: { type: "rule", color: "#222" }, encoding: { x: { field: "sek_per_crime_low", type: "quantitative" }, x2: { field: "sek_per_crime_high" } } }
      ]
    });
  }
  s.rows.forEach(function (r) {
    if (!r.measures.length) return;
    box.appendChild(R.element("h3", { text: w.measures + ": " + r.strategy }));
    box.appendChild(R.table([w.measures, w.cost], r.measures.map(function (m) { return [m.name, R.kronor(m.cost_sek)]; }), [false, true]));
  });
});
