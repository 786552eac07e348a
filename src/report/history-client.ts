/**
 * The browser script of the history dashboard (inlined after chart.js, allowed by the page's CSP hash).
 * It reads the JSON data block, draws per journey the ecoscore and sub-scores over runs with the spread
 * band and the methodology breaks, the small multiples of each step (bytes, energy, duration), and the
 * table of runs with their links. DOM is built with textContent only: no data is parsed as HTML.
 */
export const HISTORY_CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var root = document.getElementById('history');
  var data = JSON.parse(document.getElementById('history-data').textContent);
  var Chart = window.Chart;
  var COLORS = { ecoscore: '#1f6f4a', energy: '#c2410c', performance: '#1d4ed8', data: '#7c3aed', band: 'rgba(31,111,74,0.15)', brk: '#b91c1c' };
  function label(j, i) {
    var day = (j.date[i] || '').slice(0, 10);
    return j.commit[i] ? day + ' · ' + j.commit[i].slice(0, 7) : day;
  }
  function only(values, j, version) {
    return values.map(function (v, i) { return j.methodology[i] === version ? v : null; });
  }
  var breakPlugin = {
    id: 'methodologyBreaks',
    afterDatasetsDraw: function (chart, _args, options) {
      var breaks = (options && options.breaks) || [];
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      breaks.forEach(function (b) {
        var px = (x.getPixelForValue(b.index - 1) + x.getPixelForValue(b.index)) / 2;
        ctx.save();
        ctx.strokeStyle = COLORS.brk;
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.restore();
      });
    }
  };
  function tooltipTitle(j) {
    return function (items) {
      var i = items[0].dataIndex;
      return label(j, i) + ' — methodology ' + j.methodology[i] + ' — ' + j.status[i];
    };
  }
  function trendChart(canvas, j) {
    var versions = [];
    j.methodology.forEach(function (v) { if (versions.indexOf(v) < 0) versions.push(v); });
    var many = j.date.length > 60;
    var datasets = [
      { label: 'spread (min)', data: j.low, borderWidth: 0, pointRadius: 0, fill: false, spanGaps: false },
      { label: 'spread (ecoscore min–max over the iterations)', data: j.high, borderWidth: 0, pointRadius: 0, backgroundColor: COLORS.band, fill: '-1', spanGaps: false }
    ];
    versions.forEach(function (v, k) {
      datasets.push({ label: 'ecoscore (methodology ' + v + ')', data: only(j.ecoscore, j, v), borderColor: COLORS.ecoscore, backgroundColor: COLORS.ecoscore, borderDash: k % 2 ? [6, 3] : [], pointRadius: many ? 0 : 3, spanGaps: false });
    });
    ['energy', 'performance', 'data'].forEach(function (key) {
      datasets.push({ label: key, data: j[key], borderColor: COLORS[key], backgroundColor: COLORS[key], borderWidth: 1, pointRadius: 0, spanGaps: false });
    });
    return new Chart(canvas, {
      type: 'line',
      data: { labels: j.date.map(function (_d, i) { return label(j, i); }), datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: 'score (0–100)' } }, x: { ticks: { maxTicksLimit: 12 } } },
        plugins: {
          legend: { labels: { filter: function (item) { return item.text !== 'spread (min)'; } } },
          tooltip: { callbacks: { title: tooltipTitle(j) } },
          methodologyBreaks: { breaks: j.breaks }
        }
      },
      plugins: [breakPlugin]
    });
  }
  function smallChart(canvas, j, values, color, unit) {
    return new Chart(canvas, {
      type: 'line',
      data: { labels: j.date.map(function (_d, i) { return label(j, i); }), datasets: [{ label: unit, data: values, borderColor: color, backgroundColor: color, borderWidth: 1, pointRadius: 0, spanGaps: false }] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { display: false }, y: { beginAtZero: true, ticks: { maxTicksLimit: 4 } } },
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: tooltipTitle(j) } }, methodologyBreaks: { breaks: j.breaks } }
      },
      plugins: [breakPlugin]
    });
  }
  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }
  function runTable(tbody, j) {
    for (var i = j.date.length - 1; i >= 0; i--) {
      var row = document.createElement('tr');
      cell(row, j.date[i]);
      cell(row, j.commit[i] || '—');
      cell(row, j.methodology[i]);
      cell(row, j.status[i]);
      var score = j.ecoscore[i] === null ? 'no score' : String(j.ecoscore[i]) + (j.grade[i] ? ' (' + j.grade[i] + ')' : '');
      if (j.low[i] !== null && j.high[i] !== null) score += ' [' + j.low[i] + '–' + j.high[i] + ']';
      cell(row, score);
      var link = cell(row, '');
      if (j.report[i]) {
        var a = document.createElement('a');
        a.href = j.report[i];
        a.textContent = 'report';
        link.appendChild(a);
      } else link.textContent = '—';
      tbody.appendChild(row);
    }
  }
  data.journeys.forEach(function (j, index) {
    var section = root.querySelector('[data-journey="' + index + '"]');
    trendChart(section.querySelector('canvas.trend'), j);
    j.steps.forEach(function (step, s) {
      var box = section.querySelector('[data-step="' + s + '"]');
      smallChart(box.querySelector('canvas.bytes'), j, step.bytes, '#0f766e', 'bytes');
      smallChart(box.querySelector('canvas.energy'), j, step.energyMah, '#c2410c', 'mAh');
      smallChart(box.querySelector('canvas.duration'), j, step.durationMs, '#1d4ed8', 'ms');
    });
    runTable(section.querySelector('tbody'), j);
  });
  root.setAttribute('data-ready', 'true');
})();
`;
