/* Draws every chart of a learning page from the data beside it (a JSON script element written by
   Django's json_script, which the browser never executes). No inline code: the CSP forbids it. */
(function () {
  "use strict";
  var palette = ["#1f5fbf", "#b42318", "#1a7f37", "#9a6700", "#6e40c9", "#0e7490", "#be185d", "#5b6472"];

  function datasets(spec, doughnut) {
    return spec.series.map(function (series, i) {
      return {
        label: series.label,
        data: series.values,
        backgroundColor: doughnut ? palette.slice(0, series.values.length) : palette[i % palette.length]
      };
    });
  }

  // Long labels (a ground with its article) break into lines of about 28 characters.
  function wrap(label) {
    var lines = [], line = "";
    String(label).split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > 28) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    });
    lines.push(line);
    return lines.length > 1 ? lines : label;
  }

  function counts(spec) {
    return spec.series.every(function (series) {
      return series.values.every(function (value) { return value === null || Number.isInteger(value); });
    });
  }

  function options(spec, doughnut) {
    var result = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: doughnut || spec.series.length > 1 } }
    };
    if (!doughnut) {
      var stacked = spec.kind === "stacked";
      result.indexAxis = spec.kind === "horizontal" ? "y" : "x";
      var value = { stacked: stacked, beginAtZero: true, ticks: counts(spec) ? { precision: 0 } : {} };
      var category = { stacked: stacked };
      result.scales = result.indexAxis === "y" ? { x: value, y: category } : { x: category, y: value };
    }
    return result;
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var spec = JSON.parse(source.textContent);
    var doughnut = spec.kind === "doughnut";
    new window.Chart(canvas, {
      type: doughnut ? "doughnut" : "bar",
      data: { labels: spec.labels.map(wrap), datasets: datasets(spec, doughnut) },
      options: options(spec, doughnut)
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
