// Trends: crime per week (or quarter) per district with the replicate band, and the whole
// municipality for the baseline and each strategy.
TryggReport.section("trends", function (box, s, w) {
  var R = TryggReport;
  var weekly = s.period === "week";
  box.appendChild(R.paragraph(weekly ? w.lead_week : w.lead_quarter, "lead"));
  var yTitle = weekly ? w.crimes_week : w.crimes_quarter;
  // Dates are days (ISO, read as UTC midnight): UTC time units keep them on their day anywhere.
  var short = s.city.length && s.city[s.city.length - 1].period < 26;
  var x = { field: "date", type: "temporal", timeUnit: "utcyearmonthdate", title: null,
            axis: { format: short ? "%e %b" : "%b %Y", labelAngle: 0, tickCount: 4 } };
  var band = function (color) {
    return { mark: { type: "area", opacity: 0.25, color: color },
             encoding: { x: x, y: { field: "low", type: "quantitative", title: null }, y2: { field: "high" } } };
  };
  box.appendChild(R.element("h3", { text: w.city }));
  // The baseline's band shows chance; each strategy is a line against it (bands of seven runs
  // would hide one another).
  var series = [];
  s.city.forEach(function (r) { if (series.indexOf(r.series) < 0) series.push(r.series); });
  var color = { field: "series", type: "nominal", title: null, sort: series, legend: { orient: "bottom" } };
  R.chart(box, "trend-city", {
    width: 640, height: 220, data: { values: s.city },
    layer: [
      { transform: [{ filter: { field: "series", equal: series[0] } }],
        mark: { type: "area", opacity: 0.2 },
        encoding: { x: x, y: { field: "low", type: "quantitative", title: yTitle, scale: { zero: false } }, y2: { field: "high" }, color: color } },
      { mark: { type: "line", strokeWidth: 1.6 },
        encoding: { x: x, y: { field: "mean", type: "quantitative", axis: { format: ",.0f" } }, color: color,
                    tooltip: [{ field: "series", title: R.words.strategy }, { field: "date", type: "temporal", timeUnit: "utcyearmonthdate", format: "%e %b %Y", title: weekly ? w.week : w.quarter },
                              { field: "mean", type: "quantitative", format: ",.1f", title: R.words.mean },
                              { field: "low", type: "quantitative", format: ",.1f", title: R.words.low },
                              { field: "high", type: "quantitative", format: ",.1f", title: R.words.high }] } }
    ]
  });
  R.chart(box, "trend-districts", {
    data: { values: s.districts },
    facet: { field: "area", type: "nominal", title: null, header: { labelFontWeight: 600, labelFontSize: 11, labelLimit: 250 } },
    columns: 3,
    spec: {
      width: 250, height: 90,
      layer: [band("#4c78a8"),
              { mark: { type: "line", strokeWidth: 1.2, color: "#2f5597" },
                encoding: { x: x, y: { field: "mean", type: "quantitative", title: null, axis: { format: ",.0f", tickCount: 3 } },
                            tooltip: [{ field: "area", title: R.words.district }, { field: "date", type: "temporal", timeUnit: "utcyearmonthdate", format: "%e %b %Y", title: weekly ? w.week : w.quarter },
                                      { field: "mean", type: "quantitative", format: ",.1f", title: R.words.mean },
                                      { field: "low", type: "quantitative", format: ",.1f", title: R.words.low },
                                      { field: "high", type: "quantitative", format: ",.1f", title: R.words.high }] } }]
    },
    resolve: { scale: { y: "independent" } }
  });
});
