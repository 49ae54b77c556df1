/* Results dashboard charts (Chart.js, vendored), drawn from the JSON data islands that
   reports/dashboard.py prepares. Numbers arrive as Decimal text and become floats only here, to
   size the bars; the labels print the original text with a decimal comma. Every bar carries its
   value and a comparison series is hatched, so no chart relies on colour alone. */
(function () {
  "use strict";
  // Without the library the tables next to each chart still carry every number.
  if (!window.Chart) return;

  var INK = "#1d2733";
  var LINE = "#d8dee6";
  var MAIN = "#0b5cad";
  var MUTED = "#5b6775";

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = INK;

  function toNumber(raw) {
    return raw === null ? null : parseFloat(raw);
  }

  function display(raw, unit) {
    return raw === null ? "" : String(raw).replace(".", ",") + (unit || "");
  }

  function hatch(colour) {
    var tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    var ctx = tile.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, 8, 8);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.beginPath();
    // One diagonal plus the two corner pieces so that the tiles join into continuous stripes.
    ctx.moveTo(0, 8); ctx.lineTo(8, 0);
    ctx.moveTo(-2, 2); ctx.lineTo(2, -2);
    ctx.moveTo(6, 10); ctx.lineTo(10, 6);
    ctx.stroke();
    return ctx.createPattern(tile, "repeat");
  }

  // Writes each bar's value at its end, in the spec's own text.
  function valueLabels(spec) {
    return {
      id: "valueLabels",
      afterDatasetsDraw: function (chart) {
        var ctx = chart.ctx;
        ctx.save();
        ctx.fillStyle = INK;
        ctx.font = "12px " + Chart.defaults.font.family;
        ctx.textAlign = spec.horizontal ? "left" : "center";
        ctx.textBaseline = spec.horizontal ? "middle" : "bottom";
        spec.series.forEach(function (series, i) {
          chart.getDatasetMeta(i).data.forEach(function (bar, j) {
            var raw = series.values[j];
            if (raw === null) return;
            var text = display(raw, spec.unit);
            if (spec.horizontal) ctx.fillText(text, bar.x + 4, bar.y);
            else ctx.fillText(text, bar.x, bar.y - 3);
          });
        });
        ctx.restore();
      }
    };
  }

  // The box grows with its bars (dashboard.css); the counts come as data attributes because the
  // Content-Security-Policy refuses style attributes, while setting a property from a script is allowed.
  function size(box) {
    if (box.dataset.rows) box.style.setProperty("--rows", box.dataset.rows);
    if (box.dataset.series) box.style.setProperty("--series", box.dataset.series);
  }

  function draw(canvas) {
    size(canvas.parentElement);
    var spec = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
    var valueAxis = spec.horizontal ? "x" : "y";
    var categoryAxis = spec.horizontal ? "y" : "x";
    var scales = {};
    scales[valueAxis] = {
      beginAtZero: true,
      max: spec.max,
      grid: { color: LINE },
      ticks: { precision: 0, callback: function (value) { return display(value, spec.unit); } }
    };
    scales[categoryAxis] = { grid: { display: false } };

    new Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series) {
          var colour = series.muted ? MUTED : MAIN;
          return {
            label: series.label,
            data: series.values.map(toNumber),
            backgroundColor: series.muted ? hatch(colour) : colour,
            borderColor: colour,
            borderWidth: 1
          };
        })
      },
      options: {
        indexAxis: categoryAxis,
        maintainAspectRatio: false,
        animation: false,
        // Room for the value written after (or above) the longest bar.
        layout: { padding: spec.horizontal ? { right: 52 } : { top: 18 } },
        scales: scales,
        plugins: {
          legend: { display: spec.series.length > 1, position: "bottom" },
          tooltip: {
            callbacks: {
              title: function (items) {
                return spec.titles ? spec.titles[items[0].dataIndex] : items[0].label;
              },
              label: function (item) {
                var raw = spec.series[item.datasetIndex].values[item.dataIndex];
                return item.dataset.label + ": " + display(raw, spec.unit);
              }
            }
          }
        }
      },
      plugins: [valueLabels(spec)]
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
