/**
 * The HTML report's only script (runs after the inlined chart.js, in the same block): reads the
 * `#report-data` JSON, draws the charts, switches the language (FR ⇄ EN, remembered in localStorage when
 * available) by swapping in the other language's pre-rendered content, opens screenshots in a dialog and
 * resizes charts for print. Plain ES2017, no template literals (this file embeds it in one).
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var dataNode = document.getElementById('report-data');
  var root = document.getElementById('report');
  if (!dataNode || !root) return;
  var DATA = JSON.parse(dataNode.textContent || '{}');
  var STORE_KEY = 'ecoscore-report-lang';
  var hasChart = typeof window.Chart === 'function';
  var reduceMotion = !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  var charts = [];
  var parked = {};
  var shots = {};

  function lang() { return root.getAttribute('data-lang') || 'fr'; }
  function L() { return DATA.labels[lang()]; }
  function locale() { return DATA.locales[lang()]; }
  function fmt(value, options) {
    if (value === null || value === undefined || !isFinite(value)) return L().dash;
    return new Intl.NumberFormat(locale(), options || { maximumFractionDigits: 2 }).format(value);
  }
  function sig(value) {
    if (value === null || value === undefined || !isFinite(value)) return L().dash;
    if (value === 0) return fmt(0);
    if (Math.abs(value) >= 100) return fmt(value, { maximumFractionDigits: 0 });
    return fmt(value, { maximumSignificantDigits: 3 });
  }
  function bytes(value) {
    var l = L();
    if (value === null || value === undefined || !isFinite(value)) return l.dash;
    if (value < 1000) return fmt(value, { maximumFractionDigits: 0 }) + ' ' + l.unitB;
    if (value < 1e6) return fmt(value / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + ' ' + l.unitKB;
    return fmt(value / 1e6, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' ' + l.unitMB;
  }
  function wrap(name) {
    var words = String(name).split(/\s+/), lines = [], line = '';
    for (var i = 0; i < words.length; i++) {
      var next = line ? line + ' ' + words[i] : words[i];
      if (next.length > 14 && line) { lines.push(line); line = words[i]; } else { line = next; }
    }
    if (line) lines.push(line);
    return lines.length > 3 ? lines.slice(0, 2).concat([lines.slice(2).join(' ').slice(0, 15) + '…']) : lines;
  }
  function gradeBg(grade) { return grade && DATA.gradeColours[grade] ? DATA.gradeColours[grade].bg : DATA.noGradeColour.bg; }
  function title(text) { return { display: true, text: text, font: { weight: '600' } }; }

  var valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw: function (chart, args, options) {
      if (!options || typeof options.format !== 'function') return;
      var index = typeof options.datasetIndex === 'number' ? options.datasetIndex : chart.data.datasets.length - 1;
      var meta = chart.getDatasetMeta(index);
      if (!meta || meta.hidden) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '600 11.5px ' + (window.Chart.defaults.font.family || 'sans-serif');
      ctx.fillStyle = '#17212b';
      ctx.textBaseline = 'middle';
      for (var i = 0; i < meta.data.length; i++) {
        var text = options.format(i);
        if (text === null || text === undefined || text === '') continue;
        ctx.fillText(text, meta.data[i].x + 6, meta.data[i].y);
      }
      ctx.restore();
    }
  };
  function legendOrder(a, b) { return a.datasetIndex - b.datasetIndex; }
  var legend = { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, sort: legendOrder } };

  function configs() {
    var l = L(), steps = DATA.steps;
    var names = steps.map(function (s) { return wrap(s.name); });
    var base = function (extra) {
      var o = {
        responsive: true, maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 450 },
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: legend }
      };
      for (var k in extra) o[k] = extra[k];
      return o;
    };
    var out = {};

    var scored = steps.filter(function (s) { return s.type !== 'reference' && s.ecoscore !== null; });
    out.scores = {
      type: 'bar',
      data: {
        labels: scored.map(function (s) { return s.name; }),
        datasets: [{
          label: l.dsEcoscore,
          data: scored.map(function (s) { return s.ecoscore; }),
          backgroundColor: scored.map(function (s) { return gradeBg(s.grade); }),
          borderRadius: 4, barPercentage: 0.72, categoryPercentage: 0.9
        }]
      },
      options: base({
        indexAxis: 'y',
        layout: { padding: { right: 34 } },
        interaction: { mode: 'nearest', axis: 'y', intersect: false },
        scales: { x: { min: 0, max: 100, title: title(l.axisScore), ticks: { stepSize: 20 } }, y: { grid: { display: false } } },
        plugins: {
          legend: { display: false },
          valueLabels: { datasetIndex: 0, format: function (i) { return fmt(scored[i].ecoscore, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + (scored[i].grade ? ' ' + scored[i].grade : ''); } },
          tooltip: { callbacks: { label: function (c) { return l.dsEcoscore + l.colon + fmt(c.parsed.x, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + (scored[c.dataIndex].grade ? ' (' + scored[c.dataIndex].grade + ')' : ''); } } }
        }
      }),
      plugins: [valueLabels]
    };

    var energySets = [
      { type: 'bar', label: l.dsEnergy, data: steps.map(function (s) { return s.energyMah; }), backgroundColor: '#3b6fb6', borderRadius: 4, yAxisID: 'y', order: 3 },
      { type: 'line', label: l.dsDischarge, data: steps.map(function (s) { return s.dischargeUahPerS; }), borderColor: '#d9730d', backgroundColor: '#d9730d', pointRadius: 4, pointHoverRadius: 6, borderWidth: 2.5, tension: 0, yAxisID: 'y1', order: 1 }
    ];
    if (DATA.referenceDischargeUahPerS !== null) {
      energySets.push({ type: 'line', label: l.dsReferenceLevel, data: steps.map(function () { return DATA.referenceDischargeUahPerS; }), borderColor: '#5d6b78', borderDash: [6, 5], borderWidth: 1.5, pointRadius: 0, pointHoverRadius: 0, yAxisID: 'y1', order: 2 });
    }
    out.energy = {
      type: 'bar',
      data: { labels: names, datasets: energySets },
      options: base({
        scales: {
          x: { grid: { display: false }, ticks: { autoSkip: false, maxRotation: 45 } },
          y: { beginAtZero: true, title: title(l.axisMah), ticks: { callback: function (v) { return sig(v); } } },
          y1: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: title(l.axisUahs), ticks: { callback: function (v) { return sig(v); } } }
        },
        plugins: {
          legend: legend,
          tooltip: { callbacks: {
            title: function (items) { return items.length ? steps[items[0].dataIndex].name : ''; },
            label: function (c) { return c.dataset.label + l.colon + sig(c.parsed.y); }
          } }
        }
      })
    };

    var anyThird = steps.some(function (s) { return (s.thirdPartyBytes || 0) > 0; });
    var anySplit = steps.some(function (s) { return s.firstPartyBytes !== null; });
    var kb = function (v) { return v === null || v === undefined ? null : v / 1000; };
    var dataSets = anyThird && anySplit
      ? [
          { label: l.dsFirstParty, data: steps.map(function (s) { return kb(s.firstPartyBytes !== null ? s.firstPartyBytes : s.bytes); }), backgroundColor: '#2f8f6a', borderRadius: 3 },
          { label: l.dsThirdParty, data: steps.map(function (s) { return kb(s.thirdPartyBytes); }), backgroundColor: '#c8553d', borderRadius: 3 }
        ]
      : [{ label: l.dsBytes, data: steps.map(function (s) { return kb(s.bytes); }), backgroundColor: '#2f8f6a', borderRadius: 4 }];
    out.data = {
      type: 'bar',
      data: { labels: steps.map(function (s) { return s.name; }), datasets: dataSets },
      options: base({
        indexAxis: 'y',
        layout: { padding: { right: 64 } },
        interaction: { mode: 'index', axis: 'y', intersect: false },
        scales: {
          x: { stacked: true, beginAtZero: true, title: title(l.axisKb), ticks: { callback: function (v) { return sig(v); } } },
          y: { stacked: true, grid: { display: false } }
        },
        plugins: {
          legend: { display: dataSets.length > 1, position: 'bottom', labels: legend.labels },
          valueLabels: { format: function (i) { return steps[i].bytes === null ? '' : bytes(steps[i].bytes); } },
          tooltip: { callbacks: {
            label: function (c) { return c.dataset.label + l.colon + bytes(c.parsed.x * 1000); }
          } }
        }
      }),
      plugins: [valueLabels]
    };

    var sec = function (v) { return v === null || v === undefined ? null : v / 1000; };
    out.duration = {
      type: 'bar',
      data: {
        labels: steps.map(function (s) { return s.name; }),
        datasets: [
          { type: 'bar', label: l.dsDuration, data: steps.map(function (s) { return sec(s.durationMs); }), backgroundColor: '#7b68b5', borderRadius: 4, order: 2 },
          { type: 'line', label: l.dsReady, data: steps.map(function (s) { return sec(s.readyMs); }), showLine: false, pointStyle: 'line', pointRotation: 90, pointRadius: 11, pointHoverRadius: 12, pointBorderWidth: 3, pointHoverBorderWidth: 3, borderColor: '#17212b', backgroundColor: '#17212b', order: 1 }
        ]
      },
      options: base({
        indexAxis: 'y',
        layout: { padding: { right: 52 } },
        interaction: { mode: 'index', axis: 'y', intersect: false },
        scales: {
          x: { beginAtZero: true, title: title(l.axisSeconds), ticks: { callback: function (v) { return sig(v); } } },
          y: { grid: { display: false } }
        },
        plugins: {
          legend: legend,
          valueLabels: { datasetIndex: 0, format: function (i) { return steps[i].durationMs === null ? '' : sig(steps[i].durationMs / 1000) + ' ' + l.unitS; } },
          tooltip: { callbacks: {
            label: function (c) { return c.dataset.label + l.colon + sig(c.parsed.x) + ' ' + l.unitS; }
          } }
        }
      }),
      plugins: [valueLabels]
    };

    var rows = [
      { label: l.shareEnergy, pick: function (s) { return s.energyMah; }, unit: l.unitMah },
      { label: l.shareGhg, pick: function (s) { return s.ghgGrams; }, unit: 'g CO2e' },
      { label: l.shareWater, pick: function (s) { return s.waterLitres === null ? null : s.waterLitres * 1000; }, unit: 'mL' },
      { label: l.shareData, pick: function (s) { return s.bytes === null ? null : s.bytes / 1000; }, unit: l.unitKB },
      { label: l.shareDuration, pick: function (s) { return s.durationMs === null ? null : s.durationMs / 1000; }, unit: l.unitS }
    ].filter(function (row) { return steps.some(function (s) { return (row.pick(s) || 0) > 0; }); });
    var totals = rows.map(function (row) { return steps.reduce(function (sum, s) { return sum + (row.pick(s) || 0); }, 0); });
    out.share = {
      type: 'bar',
      data: {
        labels: rows.map(function (row) { return row.label; }),
        datasets: steps.map(function (s, i) {
          return {
            label: s.name,
            data: rows.map(function (row, r) { var v = row.pick(s); return v === null || !totals[r] ? 0 : (100 * v) / totals[r]; }),
            backgroundColor: DATA.palette[i % DATA.palette.length],
            borderColor: '#ffffff', borderWidth: 1, borderSkipped: false
          };
        })
      },
      options: base({
        indexAxis: 'y',
        interaction: { mode: 'nearest', intersect: true },
        scales: {
          x: { stacked: true, min: 0, max: 100, title: title(l.axisShare), ticks: { callback: function (v) { return fmt(v / 100, { style: 'percent', maximumFractionDigits: 0 }); } } },
          y: { stacked: true, grid: { display: false } }
        },
        plugins: {
          legend: legend,
          tooltip: { callbacks: {
            label: function (c) {
              var row = rows[c.dataIndex], raw = row.pick(steps[c.datasetIndex]);
              return c.dataset.label + l.colon + fmt(c.parsed.x / 100, { style: 'percent', maximumFractionDigits: 1 }) + ' (' + sig(raw) + ' ' + row.unit + ')';
            }
          } }
        }
      })
    };
    return out;
  }

  function destroyCharts() {
    for (var i = 0; i < charts.length; i++) charts[i].destroy();
    charts = [];
  }

  function drawCharts() {
    destroyCharts();
    if (!hasChart) return;
    var Chart = window.Chart;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 12;
    Chart.defaults.color = '#33414d';
    Chart.defaults.borderColor = '#e3e8ec';
    var all = configs();
    var canvases = root.querySelectorAll('canvas[data-chart]');
    for (var i = 0; i < canvases.length; i++) {
      var kind = canvases[i].getAttribute('data-chart');
      if (all[kind]) charts.push(new Chart(canvases[i], all[kind]));
    }
  }

  function restoreShots(scope) {
    var imgs = scope.querySelectorAll('img[data-shot]');
    for (var i = 0; i < imgs.length; i++) {
      var key = imgs[i].getAttribute('data-shot');
      if (!imgs[i].getAttribute('src') && shots[key]) imgs[i].setAttribute('src', shots[key]);
    }
    var links = scope.querySelectorAll('a[data-shot]');
    for (var j = 0; j < links.length; j++) {
      var k = links[j].getAttribute('data-shot');
      if (!links[j].getAttribute('href') && shots[k]) links[j].setAttribute('href', shots[k]);
    }
  }

  function switchTo(next, moveFocus) {
    var current = lang();
    if (next === current || !DATA.labels[next]) return;
    var template = document.getElementById('report-' + next);
    var incoming = parked[next] || (template && template.content ? template.content.cloneNode(true) : null);
    if (!incoming) return;
    destroyCharts();
    var out = document.createDocumentFragment();
    while (root.firstChild) out.appendChild(root.firstChild);
    parked[current] = out;
    delete parked[next];
    restoreShots(incoming);
    root.appendChild(incoming);
    root.setAttribute('data-lang', next);
    document.documentElement.setAttribute('lang', next);
    if (DATA.titles && DATA.titles[next]) document.title = DATA.titles[next];
    try { window.localStorage.setItem(STORE_KEY, next); } catch (e) { /* storage unavailable (file://, private mode) */ }
    drawCharts();
    if (moveFocus) {
      var button = root.querySelector('[data-lang-switch]');
      if (button) button.focus();
    }
  }

  var liveShots = root.querySelectorAll('img[data-shot]');
  for (var s = 0; s < liveShots.length; s++) {
    var src = liveShots[s].getAttribute('src');
    if (src) shots[liveShots[s].getAttribute('data-shot')] = src;
  }

  document.addEventListener('click', function (event) {
    var target = event.target && event.target.closest ? event.target : null;
    if (!target) return;
    var toggle = target.closest('[data-lang-switch]');
    if (toggle) {
      event.preventDefault();
      switchTo(toggle.getAttribute('data-lang-switch'), true);
      return;
    }
    var shot = target.closest('a.shot');
    if (shot) {
      var dialog = root.querySelector('dialog.shot-dialog');
      var thumb = shot.querySelector('img');
      if (dialog && typeof dialog.showModal === 'function' && thumb) {
        event.preventDefault();
        var big = dialog.querySelector('img');
        big.setAttribute('src', thumb.getAttribute('src') || '');
        big.setAttribute('alt', thumb.getAttribute('alt') || '');
        var caption = dialog.querySelector('.dlg-title');
        if (caption) caption.textContent = thumb.getAttribute('alt') || '';
        dialog.showModal();
      }
      return;
    }
    if (target.closest('[data-close-dialog]') || (target.tagName === 'DIALOG' && target.open)) {
      var open = target.closest('dialog');
      if (open) open.close();
    }
  });

  // A4 portrait content width at 96 dpi (210 mm − 2 × 12 mm margins ≈ 700 px); each chart keeps its height.
  var PRINT_W = 700;
  function forPrint(printing) {
    for (var i = 0; i < charts.length; i++) {
      var box = charts[i].canvas.parentNode;
      var height = box && box.style && parseInt(box.style.height, 10);
      if (printing) charts[i].resize(PRINT_W, height > 0 ? Math.min(height, 420) : 260); else charts[i].resize();
    }
  }
  window.addEventListener('beforeprint', function () { forPrint(true); });
  window.addEventListener('afterprint', function () { forPrint(false); });
  if (window.matchMedia) {
    var printQuery = window.matchMedia('print');
    var onPrint = function (e) { forPrint(e.matches); };
    if (printQuery.addEventListener) printQuery.addEventListener('change', onPrint);
    else if (printQuery.addListener) printQuery.addListener(onPrint);
  }

  var stored = null;
  try { stored = window.localStorage.getItem(STORE_KEY); } catch (e) { stored = null; }
  if (stored && stored !== lang() && DATA.labels[stored]) switchTo(stored, false);
  else drawCharts();
  root.setAttribute('data-ready', 'true');
})();
`;
