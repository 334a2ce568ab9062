// Ranking: the strategies ranked by each criterion (crimes and harm prevented, and per million
// kronor), each with its mean and 95 % interval, its rank and the probability that it is best.
TryggReport.section("ranking", function (box, s, w) {
  var R = TryggReport;
  var share = function (p) { return p === null ? "–" : R.number(100 * p, 0) + (R.lang === "sv" ? "\u00a0%" : "%"); };
  var units = (R.words.harm && R.words.harm.units) || {};
  var harmUnit = units[s.harm_unit] || s.harm_unit;
  box.appendChild(R.paragraph(w.lead, "lead"));
  box.appendChild(R.paragraph(w.rate + " " + R.number(100 * s.discount_rate, 1) + (R.lang === "sv" ? "\u00a0%" : "%") + " " +
                              R.words.harm.per_year + ".", "note"));
  if (s.pairing === "unpaired") box.appendChild(R.paragraph(w.unpaired, "note"));
  var pBest = [];
  s.criteria.forEach(function (c) {
    var title = w.criteria[c.criterion] || c.criterion;
    var unit = c.criterion.indexOf("harm") === 0 ? harmUnit + (c.criterion.indexOf("per_msek") > 0 ? " / MSEK" : "")
                                                  : R.words.crimes + (c.criterion.indexOf("per_msek") > 0 ? " / MSEK" : "");
    box.appendChild(R.element("h3", { text: title + " (" + unit + ")" }));
    // Best first; the unranked (no extra cost) last.
    var rows = c.rows.slice().sort(function (a, b) {
      return (a.rank === null ? 1e9 : a.rank) - (b.rank === null ? 1e9 : b.rank);
    });
    // Decimals by the criterion's size: per million kronor can be small numbers.
    var largest = 0;
    c.rows.forEach(function (r) {
      [r.mean, r.low, r.high].forEach(function (v) { if (v !== null) largest = Math.max(largest, Math.abs(v)); });
    });
    var decimals = largest >= 100 ? 0 : largest >= 1 ? 1 : largest > 0 ? Math.min(6, 1 - Math.floor(Math.log(largest) / Math.LN10)) : 1;
    var fmt = function (v) { return R.number(v, decimals); };
    box.appendChild(R.table([w.rank, R.words.strategy, R.words.mean + " (" + R.words.interval + ")", w.p_best_replicates, w.p_best_bootstrap],
      rows.map(function (r) {
        if (r.rank === null) return ["–", r.strategy, w.not_ranked, "–", "–"];
        return [r.rank, r.strategy, fmt(r.mean) + " " + R.interval(r.low, r.high, fmt),
                share(r.p_best_replicates), share(r.p_best_bootstrap)];
      }), [true, false, true, true, true]));
    var ranked = rows.filter(function (r) { return r.rank !== null; });
    if (ranked.length) {
      var order = ranked.map(function (r) { return r.strategy; });
      var x = { type: "quantitative", title: title + " (" + unit + ")", axis: { format: ",.2~r" } };
      var y = { field: "strategy", type: "nominal", title: null, sort: order, axis: { labelLimit: 260 } };
      R.chart(box, "ranking-" + c.criterion, {
        width: 560, height: { step: 26 }, data: { values: ranked },
        layer: [
          // Zero: no crime or harm prevented.
          { mark: { type: "rule", color: "#999", strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: "quantitative" } } },
          { mark: { type: "rule", color: "#222", strokeWidth: 1.5 },
            encoding: { y: y, x: Object.assign({ field: "low" }, x), x2: { field: "high" } } },
          { mark: { type: "point", filled: true, size: 70, color: "#2f5d8a" },
            encoding: { y: y, x: Object.assign({ field: "mean" }, x),
                        tooltip: [{ field: "rank", title: w.rank }, { field: "strategy", title: R.words.strategy },
                                  { field: "mean", type: "quantitative", format: ",." + decimals + "f", title: R.words.mean },
                                  { field: "low", type: "quantitative", format: ",." + decimals + "f", title: R.words.low },
                                  { field: "high", type: "quantitative", format: ",." + decimals + "f", title: R.words.high },
                                  { field: "p_best_replicates", type: "quantitative", format: ".0%", title: w.p_best_replicates },
                                  { field: "p_best_bootstrap", type: "quantitative", format: ".0%", title: w.p_best_bootstrap }] } }
        ]
      });
    }
    ranked.forEach(function (r) {
      if (r.p_best_replicates !== null || r.p_best_bootstrap !== null)
        pBest.push({ criterion: title, strategy: r.strategy,
                     p: r.p_best_replicates !== null ? r.p_best_replicates : r.p_best_bootstrap });
    });
  });
  if (pBest.length) {
    var pTitle = s.pairing === "unpaired" ? w.p_best_bootstrap : w.p_best_replicates;
    box.appendChild(R.element("h3", { text: s.pairing === "unpaired" ? pTitle : w.p_best_chart }));
    var strategies = [];
    pBest.forEach(function (r) { if (strategies.indexOf(r.strategy) < 0) strategies.push(r.strategy); });
    var criteria = [];
    pBest.forEach(function (r) { if (criteria.indexOf(r.criterion) < 0) criteria.push(r.criterion); });
    R.chart(box, "ranking-p-best", {
      width: 560, height: { step: 9, for: "offset" }, data: { values: pBest },
      mark: { type: "bar", opacity: 0.85 },
      encoding: {
        y: { field: "criterion", type: "nominal", title: null, sort: criteria, axis: { labelLimit: 320 } },
        yOffset: { field: "strategy", type: "nominal", sort: strategies },
        x: { field: "p", type: "quantitative", title: pTitle, scale: { domain: [0, 1] }, axis: { format: ".0%" } },
        color: { field: "strategy", type: "nominal", title: R.words.strategy, sort: strategies, legend: { orient: "bottom" } },
        tooltip: [{ field: "criterion", title: w.criterion }, { field: "strategy", title: R.words.strategy },
                  { field: "p", type: "quantitative", format: ".0%", title: pTitle }]
      }
    });
  }
  box.appendChild(R.paragraph(w.read, "note"));
});
