// Provenance: every run's version, commit, seed, replicates, horizon and scenario text; and what
// the model is and is not.
TryggReport.section("provenance", function (box, s, w) {
  var R = TryggReport;
  box.appendChild(R.paragraph(w.is, "note"));
  box.appendChild(R.paragraph(w.is_not, "note"));
  box.appendChild(R.paragraph(w.lead, "lead"));
  box.appendChild(R.table([w.run, "", w.version, w.commit, w.seed, w.replicates, w.weeks, w.start, w.scenario],
    s.runs.map(function (r) {
      return [r.label, w.role[r.role], r.trygg_version, r.git_commit, r.seed, R.number(r.replicates, 0), R.number(r.weeks, 0),
              r.start_date, r.scenario_file];
    }), [false, false, false, false, true, true, true, false, false]));
  s.runs.forEach(function (r) {
    var details = R.element("details", {}, [R.element("summary", { text: w.scenario_text + ": " + r.label }),
                                            R.element("pre", { text: r.scenario_yaml })]);
    box.appendChild(details);
  });
  box.appendChild(R.paragraph(w.report_by + " " + s.report_trygg_version + " (" + s.report_git_commit + ")."));
});
