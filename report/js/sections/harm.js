// Harm and cost over time: crimes weighted by the harm index, present values at the stated
// discount rate, and the cost per crime and per unit of harm prevented with their intervals.
TryggReport.section("harm", function (box, s, w) {
  var R = TryggReport;
  var pct = R.lang === "sv" ? "\u00a0%" : "%";
  var unit = w.units[s.index.unit] || s.index.unit;
  // What a change prevented: −change, its interval turned round.
  var prevented = function (e) {
    if (!e) return { value: null, low: null, high: null };
    return { value: -e.change, low: e.change_high === null ? null : -e.change_high, high: e.change_low === null ? null : -e.change_low };
  };
  var withInterval = function (p, decimals) {
    return R.number(p.value, decimals) + " " + R.interval(p.low, p.high, function (v) { return R.number(v, decimals); });
  };
  var perUnit = function (c) {
    if (c.value === null) return w.readings[c.reading] || "–";
    return R.kronor(c.value) + " " + R.interval(c.low, c.high, R.kronor);
  };
  box.appendChild(R.paragraph(w.lead, "lead"));
  box.appendChild(R.table([w.index, w.unit, w.rate, w.source],
    [[s.index.name, unit, R.number(100 * s.discount_rate, 1) + pct + " " + w.per_year, s.index.source]], [false, false, true, false]));
  box.appendChild(R.table([R.words.strategy, w.harm + " (" + unit + ")", w.harm_pv + " (" + unit + ")", w.crimes_pv],
    s.rows.map(function (r) {
      return [r.strategy, withInterval(prevented(r.harm), 0), withInterval(prevented(r.harm_pv), 0),
              withInterval(prevented(r.crimes_pv), 1)];
    }), [false, true, true, true]));
  box.appendChild(R.table([R.words.strategy, w.cost_pv, w.per_crime_pv, w.per_harm_pv + " (" + unit + ")"],
    s.rows.map(function (r) {
      return [r.strategy, R.kronor(r.cost_pv_sek), perUnit(r.per_crime_pv), perUnit(r.per_harm_pv)];
    }), [false, true, true, true]));
  if (s.rows.some(function (r) { return r.timing_assumed; })) box.appendChild(R.paragraph(w.timing_assumed, "note"));
  var bars = s.rows.filter(function (r) { return r.harm_pv; }).map(function (r) {
    var p = prevented(r.harm_pv);
    return { strategy: r.strategy, value: p.value, low: p.low, high: p.high };
  });
  if (bars.length) {
    var x = { type: "quantitative", title: w.harm_pv + " (" + unit + ")", axis: { format: ",.0f" } };
    R.chart(box, "harm-prevented", {
      width: 560, height: { step: 24 }, data: { values: bars },
      encoding: { y: { field: "strategy", type: "nominal", title: null, sort: null, axis: { labelLimit: 260 } } },
      layer: [
        { mark: { type: "bar", color: "#8a6f9e" },
          encoding: { x: Object.assign({ field: "value" }, x),
                      tooltip: [{ field: "strategy", title: R.words.strategy },
                                { field: "value", type: "quantitative", format: ",.0f", title: w.harm_pv },
                                { field: "low", type: "quantitative", format: ",.0f", title: R.words.low },
                                { field: "high", type: "quantitative", format: ",.0f", title: R.words.high }] } },
        { mark: { type: "rule", color: "#222" }, encoding: { x: Object.assign({ field: "low" }, x), x2: { field: "high" } } }
      ]
    });
  }
  var byType = s.by_type.map(function (r) {
    var p = prevented(r);
    return { strategy: r.strategy, type: R.name(r.key), value: p.value, low: p.low, high: p.high };
  });
  if (byType.length) {
    box.appendChild(R.element("h3", { text: w.by_type + " (" + unit + ")" }));
    var strategies = [];
    byType.forEach(function (r) { if (strategies.indexOf(r.strategy) < 0) strategies.push(r.strategy); });
    var tx = { type: "quantitative", title: w.harm + " (" + unit + ")", axis: { format: ",.0f" } };
    R.chart(box, "harm-by-type", {
      width: 560, height: { step: 9, for: "offset" }, data: { values: byType },
      encoding: { y: { field: "type", type: "nominal", title: null, axis: { labelLimit: 260 } },
                  yOffset: { field: "strategy", type: "nominal", sort: strategies } },
      layer: [
        { mark: { type: "bar", opacity: 0.85 },
          encoding: { x: Object.assign({ field: "value" }, tx),
                      color: { field: "strategy", type: "nominal", title: R.words.strategy, sort: strategies,
                               legend: strategies.length > 1 ? { orient: "bottom" } : null },
                      tooltip: [{ field: "strategy", title: R.words.strategy }, { field: "type", title: w.type },
                                { field: "value", type: "quantitative", format: ",.0f", title: w.harm },
                                { field: "low", type: "quantitative", format: ",.0f", title: R.words.low },
                                { field: "high", type: "quantitative", format: ",.0f", title: R.words.high }] } },
        { mark: { type: "rule", color: "#222" }, encoding: { x: Object.assign({ field: "low" }, tx), x2: { field: "high" } } }
      ]
    });
  }
  box.appendChild(R.table([w.type, w.weight + " (" + unit + ")"],
    s.index.weights.map(function (k) { return [R.name(k.crime_type), R.number(k.weight, 0)]; }), [false, true]));
  box.appendChild(R.paragraph(w.read, "note"));
});
