// The page's machinery: the data, the reader's language and number formats, a registry of
// section renderers, and drawing a Vega-Lite view under the page's strict Content-Security-Policy
// (Vega's expressions run in vega-interpreter, never through eval or new Function).
var TryggReport = (function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var lang = data.language === "en" ? "en" : "sv";
  var words = TryggText[lang];
  var names = TryggText.names[lang];

  // Swedish: no-break space between thousands, decimal comma, true minus sign; in charts too.
  var numberLocales = {
    sv: { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"], minus: "\u2212", percent: "\u00a0%" },
    en: { decimal: ".", thousands: ",", grouping: [3], currency: ["", "\u00a0SEK"], minus: "\u2212", percent: "%" }
  };
  var timeLocales = {
    sv: { dateTime: "%A %e %B %Y %X", date: "%Y-%m-%d", time: "%H:%M:%S", periods: ["fm", "em"],
          days: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
          shortDays: ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
          months: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
          shortMonths: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] },
    en: { dateTime: "%a %e %b %Y %X", date: "%Y-%m-%d", time: "%H:%M:%S", periods: ["AM", "PM"],
          days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
          shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
          months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
          shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] }
  };
  var locale = vega.defaultLocale(numberLocales[lang], timeLocales[lang]);

  function number(value, decimals) {
    if (value === null || value === undefined || !isFinite(value)) return "–";
    return locale.format(",." + (decimals === undefined ? 0 : decimals) + "f")(value);
  }
  function signed(value, decimals) {
    if (value === null || value === undefined || !isFinite(value)) return "–";
    return (value > 0 ? "+" : "") + number(value, decimals);
  }
  function percent(value, decimals) {
    return value === null || value === undefined ? "–" : signed(value, decimals === undefined ? 1 : decimals) + numberLocales[lang].percent;
  }
  function kronor(value) {
    return value === null || value === undefined ? "–" : number(value, 0) + numberLocales[lang].currency[1];
  }
  function interval(low, high, format) {
    if (low === null || low === undefined || high === null || high === undefined) return "";
    return "(" + format(low) + " " + (lang === "sv" ? "till" : "to") + " " + format(high) + ")";
  }
  function name(key) { return names[key] || key; }

  function element(tag, attributes, children) {
    var e = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) {
      if (k === "text") e.textContent = attributes[k]; else e.setAttribute(k, attributes[k]);
    });
    (children || []).forEach(function (c) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function paragraph(text, cls) { return element("p", { "class": cls || "", text: text }); }
  function missing(reason) { return element("p", { "class": "missing", "data-missing": reason, text: words.missing[reason] || reason }); }
  function table(header, rows, numeric) {
    var head = element("tr", {}, header.map(function (h) { return element("th", { text: h }); }));
    var body = rows.map(function (r) {
      return element("tr", {}, r.map(function (cell, i) {
        return element("td", { "class": numeric && numeric[i] ? "num" : "", text: String(cell) });
      }));
    });
    return element("table", {}, [element("thead", {}, [head]), element("tbody", {}, body)]);
  }

  var chartConfig = {
    font: "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif",
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600 },
    legend: { labelFontSize: 11, titleFontSize: 12 },
    title: { fontSize: 13, anchor: "start" }
  };

  var pending = [];
  var viewCount = 0;
  // Draws the Vega-Lite spec into a new figure <div data-view="id"> appended to `parent`.
  function chart(parent, id, spec) {
    var box = element("div", { "class": "chart", "data-view": id });
    parent.appendChild(box);
    viewCount += 1;
    spec.$schema = "https://vega.github.io/schema/vega-lite/v6.json";
    spec.config = Object.assign({}, chartConfig, spec.config || {});
    var done;
    // Vega's and Vega-Lite's warnings name the view they came from.
    var logger = vega.logger(vega.Warn, undefined, function (method, level, input) {
      console[method].apply(console, ["view " + id + ":"].concat(Array.prototype.slice.call(input)));
    });
    try {
      var compiled = vegaLite.compile(spec, { logger: logger }).spec;
      var runtime = vega.parse(compiled, null, { ast: true });
      var view = new vega.View(runtime, { expr: vega.expressionInterpreter, renderer: "svg", container: box, hover: true,
                                          logger: logger });
      done = view.runAsync().then(function () { box.setAttribute("data-rendered", "true"); });
    } catch (e) {
      done = Promise.reject(e);
    }
    pending.push(done.catch(function (e) {
      box.setAttribute("data-error", String(e && e.message || e));
      window.TryggReportRecordError("view " + id + ": " + (e && e.message || e));
    }));
  }

  var renderers = {};
  function section(id, render) { renderers[id] = render; }

  function sectionById(id) {
    for (var i = 0; i < data.sections.length; i += 1) if (data.sections[i].id === id) return data.sections[i];
    return null;
  }

  function start() {
    document.getElementById("report-title").textContent = words.title;
    document.getElementById("report-subtitle").textContent = words.subtitle;
    var root = document.getElementById("report");
    var toc = document.getElementById("report-toc");
    data.sections.forEach(function (s) {
      var render = renderers[s.id];
      if (!render) { window.TryggReportRecordError("no renderer for section " + s.id); return; }
      var w = words[s.id] || {};
      var box = element("section", { "class": "report-section", id: "section-" + s.id, "data-section": s.id,
                                     "data-available": String(s.available !== false) });
      box.appendChild(element("h2", { text: w.title || s.id }));
      toc.appendChild(element("a", { href: "#section-" + s.id, text: w.title || s.id }));
      root.appendChild(box);
      if (s.available === false) { box.appendChild(missing(s.reason)); return; }
      try {
        render(box, s, w);
      } catch (e) {
        window.TryggReportRecordError("section " + s.id + ": " + (e && e.message || e));
      }
    });
    Promise.all(pending).then(function () {
      document.body.setAttribute("data-report-views", String(viewCount));
      if (window.TryggReportErrors.length === 0) document.body.setAttribute("data-report-state", "rendered");
      else document.body.setAttribute("data-report-state", "error");
    });
  }

  return {
    data: data, lang: lang, words: words, name: name, number: number, signed: signed, percent: percent,
    kronor: kronor, interval: interval, element: element, paragraph: paragraph, missing: missing, table: table,
    chart: chart, section: section, sectionById: sectionById, start: start
  };
})();
