// Summary: the run at a glance, and the one thing every reader must know about the figures.
TryggReport.section("summary", function (box, s, w) {
  var R = TryggReport;
  box.appendChild(R.paragraph(w.lead, "lead"));
  function figure(value, label) {
    return R.element("div", { "class": "figure" }, [R.element("div", { "class": "value", text: value }),
                                                     R.element("div", { "class": "label", text: label })]);
  }
  box.appendChild(R.element("div", { "class": "figures" }, [
    figure(R.number(s.crimes_per_year, 0), w.crimes_year + " · " + w.range + " " + R.number(s.crimes_per_year_low, 0) +
           "–" + R.number(s.crimes_per_year_high, 0)),
    figure(R.number(s.residents, 0), w.residents),
    figure(R.number(s.weeks, 0), w.weeks),
    figure(R.number(s.replicates, 0), w.replicates)
  ]));
  box.appendChild(R.paragraph(w.scenario + ": " + s.scenario_name + " · " + w.start + ": " + s.start_date));
  box.appendChild(R.paragraph(s.strategies.length ? w.strategies + ": " + s.strategies.join(", ") : w.none));
  box.appendChild(R.paragraph(w.model_note, "note"));
});
