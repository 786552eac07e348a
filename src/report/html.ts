/**
 * The HTML report: one self-contained file (CSS, chart.js and data inline, no request to any other host)
 * that reads a Result. French first, with an FR/EN toggle; accessible (landmarks, headings, table
 * semantics, text alongside every colour) and printable to A4. `#summary` is the card screenshotted as the
 * evidence image a publisher uploads.
 *
 * Every string that comes from a journey or a page (names, URLs, errors, warnings, device names) is
 * HTML-escaped; the chart data sits in `<script type="application/json">` with `<` written `\u003c`.
 */
import { createHash } from 'node:crypto';
import type { Result, StepResult } from '../result/schema.js';
import { loadChartJsSource } from './chart-js.js';
import { CLIENT_SCRIPT } from './html-client.js';
import { Formatter, LOCALES, adpUnit, esc, ghgUnit, jsonForScript, waterUnit, type DisplayUnit } from './html-format.js';
import {
  GRADE_COLOURS,
  UNSTABLE_CV,
  asNumber,
  asRecord,
  asString,
  chartAvailability,
  chartData,
  deriveWarnings,
  auditLabelKey,
  energySourceView,
  gradeOfScore,
  lighthousePassView,
  stepViews,
  type ChartData,
  type DerivedWarnings,
  type LighthousePassView,
  type StepView,
} from './html-model.js';
import { REPORT_CSS } from './html-style.js';
import { REPORT_LABELS, fillLabel, type LabelKey, type ReportLang } from './i18n.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Prefix of the screenshots' relative paths (default: none, the report sits next to result.json). */
  screenshotBase?: string;
  /** Screenshots to embed: relative path as in the result → `data:image/png;base64,…`. */
  embedScreenshots?: ReadonlyMap<string, string>;
  /** Language the report opens in (default `fr`); the other one is a click away. */
  defaultLang?: ReportLang;
  /** chart.js UMD source to inline (default: {@link loadChartJsSource}). */
  chartJsSource?: string;
  /** When the report was generated (ISO date), shown in the footer; omitted when not given. */
  generatedAt?: string;
  /** Link to the methodology document; without it the document is named, not linked. */
  methodologyHref?: string;
}

type Fmt = Formatter;

const STEP_TYPE_KEYS: Record<StepResult['type'], LabelKey> = {
  reference: 'typeReference',
  pause: 'typePause',
  'first-load': 'typeFirstLoad',
  load: 'typeLoad',
  action: 'typeAction',
  scroll: 'typeScroll',
  background: 'typeBackground',
};

const STATUS_KEYS: Record<StepResult['status'], LabelKey> = { passed: 'statusPassed', failed: 'statusFailed', skipped: 'statusSkipped' };

const RUN_STATUS_KEYS: Record<Result['status'], LabelKey> = {
  passed: 'statusRunPassed',
  failed: 'statusRunFailed',
  running: 'statusRunRunning',
  interrupted: 'statusRunInterrupted',
};

const SEGMENTS = [
  ['deviceManufacturing', 'segManufacturing', 'segManufacturingShort'],
  ['deviceElectricity', 'segElectricity', 'segElectricityShort'],
  ['network', 'segNetwork', 'segNetworkShort'],
  ['dataCentre', 'segDataCentre', 'segDataCentreShort'],
] as const;

/** Everything shared by both languages' renderings. */
interface Context {
  result: Result;
  views: StepView[];
  warnings: DerivedWarnings;
  charts: ChartData;
  options: HtmlReportOptions;
  /** The Lighthouse pass (`--lighthouse`), or null. */
  lighthouse: LighthousePassView | null;
}

/** `{placeholder}` filling with escaped values; the template itself is trusted label text. */
function t(f: Fmt, key: LabelKey, values: Record<string, string | number> = {}): string {
  const escaped: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) escaped[name] = esc(value);
  return fillLabel(esc(f.labels[key]), escaped);
}

function metricLabel(f: Fmt, metric: string): string {
  const key = `metric${metric.charAt(0).toUpperCase()}${metric.slice(1)}` as LabelKey;
  return key in f.labels ? f.labels[key] : metric;
}

function targetText(result: Result): { url: string; demo: boolean } {
  const target = result.target as Record<string, unknown>;
  const url = asString(target.url);
  const shown =
    asString(target.measuredUrl) ?? url ?? asString(target.appPackage) ?? asString(target.bundleId) ?? asString(target.app) ?? result.target.platform;
  return { url: shown, demo: url === 'demo' };
}

function scoringOf(result: Result): { id: string | null; version: string | null } {
  const methodology = asRecord(result.environment.methodology);
  const scoring = asRecord(methodology?.scoring);
  return { id: asString(scoring?.id), version: asString(scoring?.version) };
}

function gradeClass(grade: string | null): string {
  return grade && GRADE_COLOURS[grade] ? `g-${grade}` : 'grade-none';
}

function ringClass(grade: string | null): string {
  return grade && GRADE_COLOURS[grade] ? `ring-${grade}` : 'ring-none';
}

/** An SVG ring gauge with the value in its centre (the value is text; the ring is decoration). */
function gauge(f: Fmt, score: number | null, grade: string | null, size: 'lg' | 'sm', valueText: string, label: string): string {
  const px = size === 'lg' ? 168 : 96;
  const stroke = size === 'lg' ? 11 : 9;
  const r = 60 - stroke / 2 - 1;
  const circumference = 2 * Math.PI * r;
  const fraction = score === null ? 0 : Math.max(0, Math.min(100, score)) / 100;
  const arc = fraction > 0 ? `<circle class="${ringClass(grade)}" cx="60" cy="60" r="${r.toFixed(2)}" fill="none" stroke-width="${stroke}" stroke-linecap="round" stroke-dasharray="${(circumference * fraction).toFixed(2)} ${circumference.toFixed(2)}" transform="rotate(-90 60 60)"/>` : '';
  return `<div class="gauge gauge-${size}" role="img" aria-label="${esc(label)}"><svg width="${px}" height="${px}" viewBox="0 0 120 120" aria-hidden="true" focusable="false"><circle class="track" cx="60" cy="60" r="${r.toFixed(2)}" fill="none" stroke-width="${stroke}"/>${arc}</svg><span class="g-val" aria-hidden="true"><span class="g-num">${valueText}</span><span class="g-max">${t(f, 'outOf100')}</span></span></div>`;
}

function splitUnit(text: string): [string, string] {
  const at = text.lastIndexOf(' ');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** `1,09–1,25 s` from two formatted values, the unit written once when both share it. */
function range(min: string, max: string): string {
  const [minValue, minUnit] = splitUnit(min);
  const [, maxUnit] = splitUnit(max);
  return minUnit !== '' && minUnit === maxUnit && !min.startsWith('<') ? `${minValue}–${max}` : `${min}–${max}`;
}

/** A table cell with a metric's median and its spread (min–max, CV). */
function metricCell(f: Fmt, step: StepResult, metric: string, format: (value: number | null) => string, extra = ''): string {
  const value = (step.metrics as Record<string, number | null>)[metric] ?? null;
  const spread = step.spread[metric];
  let lines = '';
  if (value !== null && spread) {
    const [min, max] = [format(spread.min), format(spread.max)];
    if (min !== max) lines += `<span class="sp">${esc(range(min, max))}</span>`;
    if (spread.cv === null || spread.n < 2) lines += `<span class="sp">${t(f, 'cvNa')}</span>`;
    else if (spread.cv > UNSTABLE_CV)
      lines += `<span class="sp unstable">⚠ ${t(f, 'cvLabel', { cv: f.percent(spread.cv) })}<span class="vh"> (${t(f, 'unstable')})</span></span>`;
    else lines += `<span class="sp">${t(f, 'cvLabel', { cv: f.percent(spread.cv) })}</span>`;
  }
  return `<td class="num"><span class="v">${esc(format(value))}</span>${extra}${lines}</td>`;
}

function smallestPositive(values: number[]): number | null {
  const positive = values.filter((value) => value > 0);
  return positive.length > 0 ? Math.min(...positive) : null;
}

function scorePill(f: Fmt, score: number | null | undefined, small = false): string {
  if (score === null || score === undefined) return `<span class="muted">${esc(f.labels.dash)}</span>`;
  return `<span class="pill${small ? ' pill-sm' : ''} ${gradeClass(gradeOfScore(score))}">${esc(f.score(score))}</span>`;
}

// ---------------------------------------------------------------------------------------------------
// Sections

function renderHeader(ctx: Context, f: Fmt, other: ReportLang): string {
  const { result } = ctx;
  const nav: [string, LabelKey][] = [
    ['summary', 'navSummary'],
    ['warnings', 'navWarnings'],
    ['charts', 'navCharts'],
    ['steps', 'navSteps'],
    ...(ctx.lighthouse ? ([['recommendations', 'navRecommendations']] as [string, LabelKey][]) : []),
    ['footprint', 'navFootprint'],
    ['environment', 'navEnvironment'],
    ['method', 'navMethod'],
  ];
  return `<a class="skip" href="#main">${t(f, 'skipToContent')}</a>
<header class="site">
<div class="wrap topbar">
<div class="brand"><svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="#5fd39f" d="M20.5 3.5C12 3.6 5.6 7.4 4.3 14.2c-.3 1.6-.2 3.1.2 4.5L3 20.2l1.1 1.1 1.6-1.6c1.2.5 2.6.7 4 .5 6.9-1.1 10.6-7.9 10.8-16.7zM7.1 18.3c1.9-3.9 4.8-7 8.6-9.2-3.3 2.6-5.8 5.6-7.4 9.6z"/></svg><span>${esc(result.tool.name)}</span><span class="ver">${esc(result.tool.version)}</span></div>
<nav aria-label="${t(f, 'navLabel')}"><ul>${nav.map(([id, key]) => `<li><a href="#${id}">${t(f, key)}</a></li>`).join('')}</ul></nav>
<button type="button" class="lang-toggle" data-lang-switch="${other}" lang="${other}" aria-label="${esc(f.labels.langButtonLabel)}"><svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.5 1.1-2.8 1.9-4zM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4H4.3zm.8 2h2.9c.3 1.3.8 2.5 1.4 3.6A8 8 0 0 1 5.1 16zM8 8H5.1a8 8 0 0 1 4.3-3.6C8.8 5.5 8.3 6.7 8 8zm4 12c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.5-1.1 2.8-1.9 4zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6c.6-1.1 1.1-2.3 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4h-3.4z"/></svg>${esc(f.labels.langButton)}</button>
</div>
<div class="wrap page-title">
<p class="eyebrow">${t(f, 'reportTitle')}</p>
<h1>${esc(result.journey.name)}</h1>
<p class="lede">${t(f, 'measuredOn')} ${esc(f.date(result.environment.startedAt))} · ${esc(result.environment.device.id)} · ${esc(result.environment.network.id)} · ${t(f, 'envIterations')}${t(f, 'colon')}${t(f, 'iterationsValue', { done: result.completedIterations, total: result.iterations })}</p>
</div>
</header>`;
}

function renderSummary(ctx: Context, f: Fmt): string {
  const { result } = ctx;
  const { summary } = result;
  const target = targetText(result);
  const grade = summary.grade;
  const score = summary.ecoscore;
  const spread = summary.spread?.ecoscore ?? null;
  const scoring = scoringOf(result);
  const source = energySourceView(result);

  const mainLabel =
    score === null
      ? `${f.labels.ecoscore}${f.labels.colon}${f.labels.gradeNone}`
      : `${f.labels.ecoscore}${f.labels.colon}${fillLabel(f.labels.scoreOf, { score: f.score1(score) })}, ${f.labels.gradeLabel} ${grade ?? f.labels.gradeNone}`;
  const badge =
    score === null
      ? `<p class="grade-badge grade-none"><span class="gl">${t(f, 'gradeLabel')}</span><span class="gv">?</span><span class="vh"> ${t(f, 'gradeNone')}</span></p>`
      : `<p class="grade-badge ${gradeClass(grade)}"><span class="gl">${t(f, 'gradeLabel')}</span><span class="gv">${esc(grade ?? '?')}</span></p>`;
  let spreadText: string;
  if (spread && spread.n >= 2 && spread.cv !== null) {
    const cv = t(f, 'cvLabel', { cv: f.percent(spread.cv) });
    spreadText = `${t(f, 'spreadLine', { min: f.score1(spread.min), max: f.score1(spread.max), n: spread.n })}<br>${
      spread.cv > UNSTABLE_CV ? `<span class="unstable-text">⚠ ${cv} (${t(f, 'unstable')})</span>` : cv
    }`;
  } else if ((spread && spread.n < 2) || (result.completedIterations <= 1 && score !== null)) spreadText = t(f, 'spreadSingle');
  else spreadText = t(f, 'spreadNone');

  const subs: [LabelKey, number | null][] = [
    ['subEnergy', summary.scores?.energy ?? null],
    ['subPerformance', summary.scores?.performance ?? null],
    ['subData', summary.scores?.data ?? null],
  ];
  const subsHtml = subs
    .map(([key, value]) => {
      const g = gradeOfScore(value);
      const label = `${f.labels[key]}${f.labels.colon}${value === null ? f.labels.dash : fillLabel(f.labels.scoreOf, { score: f.score(value) })}`;
      return `<li class="subscore">${gauge(f, value, g, 'sm', esc(f.score(value)), label)}<span class="sub-label" aria-hidden="true">${t(f, key)}</span></li>`;
    })
    .join('');

  const fp = summary.footprint;
  const tiles: [LabelKey, string][] = [
    ['ghg', f.ghg(fp?.ghgGrams)],
    ['water', f.water(fp?.waterLitres)],
    ['adp', f.adp(fp?.adpKgSbEq)],
  ];
  const fpHtml = `<div class="fp"><h3>${t(f, 'footprintPerJourney')}</h3><ul class="fp-tiles">${tiles
    .map(([key, value]) => `<li class="fp-tile"><span class="k">${t(f, key)}</span><span class="v">${esc(value)}</span></li>`)
    .join('')}</ul></div>`;

  let energyLine: string;
  if (source.kind === 'model') {
    energyLine = `<span class="src-pill src-model">${t(f, 'energyModelled')}</span>${t(f, 'energyModelledDetail', {
      model: source.model ?? '?',
      version: source.version ?? '?',
      device: source.device ?? result.environment.device.id,
    })} — ${t(f, 'energyNotMeasuredNote')}`;
  } else if (source.kind === 'measured') {
    energyLine = `<span class="src-pill src-measured">${t(f, 'energyMeasured')}</span>${source.counter ? t(f, 'energyMeasuredDetail', { counter: source.counter }) : esc(source.description ?? '')}`;
  } else {
    energyLine = `<span class="src-pill src-unknown">${t(f, 'energyUnknown')}</span>`;
  }

  const { passedSteps, failedSteps, skippedSteps } = summary;
  const totalSteps = result.steps.length;
  const totals = summary.totals;
  const problems: string[] = [];
  if (failedSteps > 0) problems.push(`<span class="failed-count">${t(f, 'statFailed', { failed: failedSteps })}</span>`);
  if (skippedSteps > 0) problems.push(t(f, 'stepsSkipped', { skipped: skippedSteps }));
  const stats: [LabelKey, string, string][] = [
    ['statSteps', t(f, 'statStepsValue', { passed: passedSteps, total: totalSteps }), problems.join(' · ')],
    ['statDuration', esc(f.ms(totals.durationMs)), ''],
    ['statData', esc(f.bytes(totals.bytes)), ''],
    ['statRequests', esc(f.num(totals.requests)), ''],
    ['statEnergy', esc(f.mah(asNumber(totals.energyMah))), ''],
  ];
  const statsHtml = `<ul class="stats">${stats
    .map(([key, value, extra]) => `<li${key === 'statSteps' && failedSteps > 0 ? ' class="bad"' : ''}><span class="k">${t(f, key)}</span><span class="v">${value}</span>${extra ? `<span class="x">${extra}</span>` : ''}</li>`)
    .join('')}</ul>`;
  const scoringText = scoring.id ? `${scoring.id}${scoring.version ? ` v${scoring.version}` : ''}` : f.labels.envUnknown;
  const iterationsText = fillLabel(f.labels.iterationsValue, { done: result.completedIterations, total: result.iterations });
  const status = result.status === 'passed' ? '' : `<br><span class="status-${result.status}">${t(f, 'runStatus')}${t(f, 'colon')}${t(f, RUN_STATUS_KEYS[result.status])}</span>`;

  return `<section id="summary" aria-labelledby="summary-h">
<div class="sc-head">
<div><h2 id="summary-h">${t(f, 'summaryHeading')}</h2>
<p class="sc-title">${esc(result.journey.name)}</p>
<p class="sc-url"><span class="vh">${t(f, 'target')}${t(f, 'colon')}</span><span class="url">${esc(target.url)}</span>${target.demo ? ` · ${t(f, 'demoApp')}` : ''}</p></div>
<p class="sc-meta"><strong>${esc(f.date(result.environment.startedAt))}</strong><br>${esc(result.tool.name)} ${esc(result.tool.version)} · ${t(f, 'envIterations')}${t(f, 'colon')}${esc(iterationsText)}${status}</p>
</div>
<div class="sc-body">
<div class="sc-score"><p class="label" aria-hidden="true">${t(f, 'ecoscore')}</p>${gauge(f, score, grade, 'lg', esc(f.score1(score)), mainLabel)}${badge}<p class="sc-spread">${spreadText}</p></div>
<div class="sc-right"><ul class="subs">${subsHtml}</ul>${fpHtml}${statsHtml}</div>
</div>
<dl class="sc-facts">
<div class="wide"><dt>${t(f, 'envEnergySource')}</dt><dd>${energyLine}</dd></div>
<div><dt>${t(f, 'device')}</dt><dd>${esc(result.environment.device.name)}</dd></div>
<div><dt>${t(f, 'network')}</dt><dd>${esc(result.environment.network.name)}</dd></div>
<div><dt>${t(f, 'scoringProfile')}</dt><dd>${esc(scoringText)} <span class="muted">(${t(f, 'unofficialThresholds')})</span></dd></div>
</dl>
</section>`;
}

function renderWarnings(ctx: Context, f: Fmt): string {
  const w = ctx.warnings;
  const items: string[] = [];
  const alert = (kind: 'error' | 'warn' | 'info', body: string) => {
    const label = kind === 'error' ? f.labels.severityError : kind === 'warn' ? f.labels.severityWarning : f.labels.severityInfo;
    items.push(`<li class="alert alert-${kind}"><span class="kind">${esc(label)}</span>${body}</li>`);
  };
  for (const view of w.failedSteps) {
    const { step } = view;
    const total = step.failedIterations + step.passedIterations;
    let body = t(f, 'warnFailedStep', { step: step.name, failed: step.failedIterations, total });
    if (step.error) body += `<pre>${esc(step.error)}${view.failedAction ? `\n(${esc(view.failedAction)})` : ''}</pre>`;
    alert('error', body);
  }
  if (w.interrupted) alert('warn', t(f, 'warnInterrupted', { done: ctx.result.completedIterations, total: ctx.result.iterations }));
  else if (w.incomplete) alert('info', t(f, 'warnIncomplete', { done: ctx.result.completedIterations, total: ctx.result.iterations }));
  for (const view of w.skippedSteps) alert('warn', t(f, 'warnSkippedStep', { step: view.step.name }));
  if (w.noScore) alert('warn', t(f, 'warnNoScore'));
  if (w.noReference) alert('warn', t(f, 'warnNoReference'));
  if (w.calibrationMissing) alert('warn', t(f, 'warnCalibration'));
  if (w.unstableJourney) {
    const u = w.unstableJourney;
    alert('warn', t(f, 'warnUnstableJourney', { cv: f.percent(u.cv), n: u.n, min: f.score1(u.min), max: f.score1(u.max) }));
  }
  if (w.unstableSteps.length > 0) {
    const list = w.unstableSteps
      .map(
        ({ view, figures }) =>
          `<li><strong>${esc(view.step.name)}</strong>${t(f, 'colon')}${figures.map((figure) => `${esc(metricLabel(f, figure.metric))} ${esc(f.percent(figure.cv))}`).join(', ')}</li>`,
      )
      .join('');
    alert('warn', `<p>${t(f, 'warnUnstableSteps')}</p><ul class="unstable-list">${list}</ul><p class="hint">${t(f, 'warnUnstableHint')}</p>`);
  }
  if (w.singleIteration) alert('info', t(f, 'warnSingleIteration'));

  const raw = ctx.result.warnings;
  const rawHtml =
    raw.length > 0
      ? `<div class="raw"><h3>${t(f, 'warnRawHeading')}</h3><ul lang="${esc(f.labels.warnRawLang)}">${raw.map((text) => `<li>${esc(text)}</li>`).join('')}</ul></div>`
      : '';
  const body = items.length > 0 ? `<ul class="alerts">${items.join('')}</ul>` : `<p class="alert alert-ok">✓ ${t(f, 'noWarnings')}</p>`;
  return `<section id="warnings" class="section" aria-labelledby="warnings-h"><h2 id="warnings-h">${t(f, 'warningsHeading')}</h2>${body}${rawHtml}</section>`;
}

function chartCard(f: Fmt, kind: string, titleKey: LabelKey, noteKey: LabelKey, description: string | null, heightPx: number, full = false): string {
  const id = `chart-${kind}-h`;
  const body =
    description === null
      ? `<p class="empty">${t(f, 'chartNoData')}</p>`
      : `<div class="chart-box" style="height:${Math.round(heightPx)}px"><canvas data-chart="${kind}" role="img" aria-label="${esc(description)}"><p>${esc(description)}</p></canvas></div>`;
  return `<div class="card chart-card${full ? ' full' : ''}" role="group" aria-labelledby="${id}"><h3 id="${id}">${t(f, titleKey)}</h3><p class="note">${t(f, noteKey)}</p>${body}</div>`;
}

function renderCharts(ctx: Context, f: Fmt): string {
  const { charts } = ctx;
  const available = chartAvailability(charts);
  const steps = charts.steps;
  const l = f.labels;

  const scoresList = steps
    .filter((step) => step.type !== 'reference' && step.ecoscore !== null)
    .map((step) => `${step.name} ${f.score(step.ecoscore)}${step.grade ? ` (${step.grade})` : ''}`)
    .join(', ');
  const energyList = steps.map((step) => `${step.name} ${f.mah(step.energyMah)} (${f.uahs(step.dischargeUahPerS)})`).join(' ; ');
  const energyDescription =
    fillLabel(l.ariaEnergy, { list: energyList }) +
    (charts.referenceDischargeUahPerS !== null ? ` ${fillLabel(l.ariaReferenceLevel, { value: f.uahs(charts.referenceDischargeUahPerS) })}` : '');
  const dataList = steps
    .map((step) => {
      const third = step.thirdPartyBytes !== null && step.thirdPartyBytes > 0 ? ` (${fillLabel(l.ariaThirdParty, { value: f.bytes(step.thirdPartyBytes) })})` : '';
      return `${step.name} ${f.bytes(step.bytes)}${third}`;
    })
    .join(' ; ');
  const durationList = steps
    .map((step) => `${step.name} ${f.ms(step.durationMs)}${step.readyMs !== null ? ` (${fillLabel(l.ariaReady, { value: f.ms(step.readyMs) })})` : ''}`)
    .join(' ; ');
  const shareRows: [LabelKey, (step: ChartData['steps'][number]) => number | null][] = [
    ['shareEnergy', (step) => step.energyMah],
    ['shareGhg', (step) => step.ghgGrams],
    ['shareWater', (step) => step.waterLitres],
    ['shareData', (step) => step.bytes],
    ['shareDuration', (step) => step.durationMs],
  ];
  const shareList = shareRows
    .map(([key, pick]) => {
      const total = steps.reduce((sum, step) => sum + (pick(step) ?? 0), 0);
      if (!(total > 0)) return null;
      return `${l[key]}${l.colon}${steps.map((step) => `${step.name} ${f.percent((pick(step) ?? 0) / total, 0)}`).join(', ')}`;
    })
    .filter((line): line is string => line !== null)
    .join(' ; ');

  // Horizontal charts grow with the number of steps so that every name stays readable.
  const rowsHeight = Math.max(270, 90 + 30 * steps.length);
  return `<section id="charts" class="section" aria-labelledby="charts-h"><h2 id="charts-h">${t(f, 'chartsHeading')}</h2>
<div class="charts">
${chartCard(f, 'scores', 'chartScores', 'chartScoresNote', available.scores ? fillLabel(l.ariaScores, { list: scoresList }) : null, rowsHeight)}
${chartCard(f, 'share', 'chartShare', 'chartShareNote', available.share ? fillLabel(l.ariaShare, { list: shareList }) : null, rowsHeight)}
${chartCard(f, 'energy', 'chartEnergy', 'chartEnergyNote', available.energy ? energyDescription : null, 330, true)}
${chartCard(f, 'data', 'chartData', 'chartDataNote', available.data ? fillLabel(l.ariaData, { list: dataList }) : null, rowsHeight)}
${chartCard(f, 'duration', 'chartDuration', 'chartDurationNote', available.duration ? fillLabel(l.ariaDuration, { list: durationList }) : null, rowsHeight)}
</div></section>`;
}

function stepCell(f: Fmt, view: StepView, alt: boolean): string {
  const { step } = view;
  let shot: string;
  if (view.screenshot) {
    const description = fillLabel(f.labels.screenshotAlt, { step: step.name });
    // The other language's copy leaves an embedded image's data URI out: the script copies it from the live one.
    const url = alt && view.screenshot.embedded ? '' : view.screenshot.url;
    const href = url === '' ? '' : ` href="${esc(url)}"`;
    const src = url === '' ? '' : ` src="${esc(url)}"`;
    shot = `<a class="shot"${href} data-shot="${view.index}" aria-label="${esc(fillLabel(f.labels.screenshotOpen, { step: step.name }))}"><img${src} data-shot="${view.index}" alt="${esc(description)}" width="44" height="66" decoding="async"></a>`;
  } else {
    shot = `<span class="no-shot">${t(f, 'noScreenshot')}</span>`;
  }
  const tags = [`<span class="tag">${t(f, STEP_TYPE_KEYS[step.type])}</span>`];
  if (step.critical) tags.push(`<span class="tag tag-critical">${t(f, 'critical')}</span>`);
  // "passed" is the normal case: only a failed or skipped step gets a status tag.
  if (step.status !== 'passed') tags.push(`<span class="tag tag-${step.status}">${t(f, STATUS_KEYS[step.status])}</span>`);
  const total = step.passedIterations + step.failedIterations;
  const iterations = step.failedIterations > 0 ? `<span class="sp">${t(f, 'iterationsPassed', { passed: step.passedIterations, total })}</span>` : '';
  const error = step.error ? `<p class="step-error">${esc(step.error)}${view.failedAction ? ` (${esc(view.failedAction)})` : ''}</p>` : '';
  return `<th scope="row"><div class="step-cell">${shot}<div class="txt"><span class="step-name"><span class="step-idx">${view.index + 1}.</span>${esc(step.name)}</span><span class="tags">${tags.join('')}</span>${iterations}${error}</div></div></th>`;
}

function renderStepTable(ctx: Context, f: Fmt, alt: boolean): string {
  const l = f.labels;
  const subScore = (short: LabelKey, full: LabelKey, value: number | null | undefined) =>
    `<span class="subs-item"><abbr title="${esc(l[full])}">${t(f, short)}</abbr><span class="vh"> (${t(f, full)})</span> ${scorePill(f, value, true)}</span>`;
  const ghg = ghgUnit(smallestPositive(ctx.views.map(({ step }) => step.footprint?.ghgGrams ?? 0)) ?? 1);
  const rows = ctx.views
    .map((view) => {
      const { step } = view;
      const m = step.metrics;
      const ready = m.readyMs !== null ? `<span class="sp">${t(f, 'readyAt', { value: f.ms(m.readyMs) })}</span>` : '';
      const requests = m.requests !== null ? `<span class="sp">${t(f, 'requestsCount', { count: f.num(m.requests) })}</span>` : '';
      const ratio =
        step.dischargeRatio !== null && step.dischargeRatio !== undefined
          ? `<span class="sp" title="${esc(l.ratioTitle)}">${t(f, 'ratioToReference', { ratio: f.num(step.dischargeRatio, 2) })}</span>`
          : '';
      const s = step.scores;
      const ecoindex = step.ecoindex
        ? `<span class="v">${esc(f.num(step.ecoindex.score))}<span class="gr ${gradeClass(step.ecoindex.grade)}">${esc(step.ecoindex.grade)}</span></span>`
        : `<span class="muted">${esc(l.dash)}</span>`;
      return `<tr class="${step.status}">
${stepCell(f, view, alt)}
${metricCell(f, step, 'durationMs', (v) => f.ms(v), ready)}
${metricCell(f, step, 'bytes', (v) => f.bytes(v), requests)}
${metricCell(f, step, 'cpuMs', (v) => f.ms(v))}
${metricCell(f, step, 'domElements', (v) => f.num(v))}
${metricCell(f, step, 'memoryBytes', (v) => f.bytes(v))}
${metricCell(f, step, 'energyMah', (v) => f.mah(v))}
${metricCell(f, step, 'dischargeUahPerS', (v) => f.uahs(v), ratio)}
<td class="ctr scores-cell">${scorePill(f, s?.ecoscore)}<span class="subs-line">${subScore('colScoreEnergy', 'colScoreEnergyFull', s?.energy)}${subScore('colScorePerformance', 'colScorePerformanceFull', s?.performance)}${subScore('colScoreData', 'colScoreDataFull', s?.data)}</span></td>
<td class="num">${ecoindex}</td>
<td class="num"><span class="v">${esc(step.footprint ? f.sig(step.footprint.ghgGrams * ghg.factor) : l.dash)}</span></td>
</tr>`;
    })
    .join('');
  return `<section id="steps" class="section wide-print" aria-labelledby="steps-h"><h2 id="steps-h">${t(f, 'stepsHeading')}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="steps-h">
<table class="steps"><caption>${t(f, 'stepsCaption')}</caption>
<thead><tr><th scope="col">${t(f, 'colStep')}</th><th scope="col" class="num">${t(f, 'colDuration')}</th><th scope="col" class="num">${t(f, 'colData')}</th><th scope="col" class="num">${t(f, 'colCpu')}</th><th scope="col" class="num">${t(f, 'colDom')}</th><th scope="col" class="num">${t(f, 'colHeap')}</th><th scope="col" class="num">${t(f, 'colEnergy')}</th><th scope="col" class="num">${t(f, 'colDischarge')}</th><th scope="col" class="ctr">${t(f, 'colEcoscore')}</th><th scope="col" class="num">${t(f, 'colEcoindex')}</th><th scope="col" class="num">${t(f, 'colGhg')} <span class="unit">(${esc(ghg.unit.replace(' CO2e', ''))})</span></th></tr></thead>
<tbody>${rows}</tbody>
</table></div></section>`;
}

// --- Lighthouse recommendations (issue 7) ---

const LIGHTHOUSE_MODE_KEYS: Record<NonNullable<StepResult['lighthouse']>['mode'], LabelKey> = {
  navigation: 'recModeNavigation',
  timespan: 'recModeTimespan',
  snapshot: 'recModeSnapshot',
};

const LIGHTHOUSE_METRICS: [keyof NonNullable<StepResult['lighthouse']>['metrics'], LabelKey, LabelKey][] = [
  ['firstContentfulPaintMs', 'lhFcp', 'lhFcpFull'],
  ['largestContentfulPaintMs', 'lhLcp', 'lhLcpFull'],
  ['speedIndexMs', 'lhSi', 'lhSiFull'],
  ['totalBlockingTimeMs', 'lhTbt', 'lhTbtFull'],
  ['cumulativeLayoutShift', 'lhCls', 'lhClsFull'],
  ['interactionToNextPaintMs', 'lhInp', 'lhInpFull'],
];

/** The translated title of an audit, or Lighthouse's own (English) title. */
function auditTitle(f: Fmt, audit: string, title: string): { text: string; translated: boolean } {
  const key = auditLabelKey(audit);
  return key in f.labels ? { text: f.labels[key as LabelKey], translated: true } : { text: title, translated: false };
}

function renderRecommendations(ctx: Context, f: Fmt): string {
  const pass = ctx.lighthouse;
  if (!pass) return '';
  const l = f.labels;
  const head = `<section id="recommendations" class="section" aria-labelledby="recommendations-h"><h2 id="recommendations-h">${t(f, 'recHeading')}</h2><p class="note">${t(f, 'recIntro', { version: pass.version ?? '?' })}</p>`;
  const passError = pass.error ? `<p class="alert alert-warn"><span class="kind">${esc(l.severityWarning)}</span>${t(f, 'recPassError', { error: pass.error })}</p>` : '';
  const cards = pass.steps
    .map(({ index, step, lighthouse: lh, reportUrl }) => {
      const title = `<h3><span class="step-idx">${index + 1}.</span>${esc(step.name)} <span class="tag">${t(f, LIGHTHOUSE_MODE_KEYS[lh.mode])}</span></h3>`;
      const metrics = LIGHTHOUSE_METRICS.filter(([name]) => lh.metrics[name] !== null)
        .map(([name, short, full]) => {
          const value = lh.metrics[name]!;
          const shown = name === 'cumulativeLayoutShift' ? f.num(value, 3) : f.ms(value);
          return `<span class="rec-metric"><abbr title="${esc(l[full])}">${t(f, short)}</abbr> ${esc(shown)}</span>`;
        })
        .join(' · ');
      const metricsLine = metrics ? `<p class="rec-metrics"><strong>${t(f, 'recMetrics')}</strong>${t(f, 'colon')}${metrics}</p>` : '';
      const m = step.metrics;
      const pf = lh.auditPass;
      const passLine = pf
        ? `<p class="note">${t(f, 'recPassFigures', {
            duration: f.ms(pf.durationMs),
            cpu: f.ms(pf.cpuMs),
            bytes: f.bytes(pf.bytes),
            energy: f.mah(pf.energyMah),
            medDuration: f.ms(m.durationMs),
            medCpu: f.ms(m.cpuMs),
            medBytes: f.bytes(m.bytes),
            medEnergy: f.mah(m.energyMah),
            added: f.ms(lh.addedMs),
          })}</p>`
        : '';
      const reportLink = reportUrl ? `<p class="note"><a href="${esc(reportUrl)}">${t(f, 'recReport')}</a></p>` : '';
      let body: string;
      if (lh.error) body = `<p class="empty">${t(f, 'recStepError', { error: lh.error })}</p>`;
      else if (lh.recommendations.length === 0) body = `<p class="empty">${t(f, 'recStepNone')}</p>`;
      else {
        const total =
          lh.estimatedSavingsBytes !== null && lh.estimatedSavingsBytes > 0
            ? `<p class="rec-total">${t(f, 'recStepSavings', { bytes: f.bytes(lh.estimatedSavingsBytes), energy: f.mah(lh.estimatedEnergyMah) })}</p>`
            : '';
        const rows = lh.recommendations
          .map((rec) => {
            const name = auditTitle(f, rec.audit, rec.title);
            const original = name.translated && f.lang !== 'en' ? `<span class="sp" lang="en">${esc(rec.title)}</span>` : '';
            const tags = rec.repeatVisit ? `<span class="tag">${t(f, 'recRepeatVisit')}</span>` : rec.estimatedSavingsBytes === null && rec.estimatedSavingsMs === null ? `<span class="tag">${t(f, 'recDescriptive')}</span>` : '';
            const bytesCell =
              rec.estimatedSavingsBytes !== null
                ? `<span class="v">${esc(f.bytes(rec.estimatedSavingsBytes))}</span>`
                : rec.displayValue
                  ? `<span class="sp" lang="en">${esc(rec.displayValue)}</span>`
                  : `<span class="muted">${esc(l.dash)}</span>`;
            const items = rec.items
              .map((item) => {
                const figure = item.savingsBytes !== null ? f.bytes(item.savingsBytes) : item.totalBytes !== null ? f.bytes(item.totalBytes) : item.savingsMs !== null ? f.ms(item.savingsMs) : '';
                return `<li><span class="url">${esc(item.url)}</span>${figure ? ` <span class="sp">${esc(figure)}</span>` : ''}</li>`;
              })
              .join('');
            return `<tr><th scope="row"><code class="audit-id">${esc(rec.audit)}</code> ${esc(name.text)} ${tags}${original}</th><td class="num">${bytesCell}</td><td class="num">${esc(rec.estimatedEnergyMah === null ? l.dash : f.mah(rec.estimatedEnergyMah))}</td><td class="num">${esc(rec.estimatedSavingsMs === null ? l.dash : f.ms(rec.estimatedSavingsMs))}</td><td>${items ? `<ul class="rec-items">${items}</ul>` : `<span class="muted">${esc(l.dash)}</span>`}</td></tr>`;
          })
          .join('');
        body = `${total}<div class="table-wrap"><table class="rec-table"><caption class="vh">${t(f, 'recCaption', { step: step.name })}</caption>
<thead><tr><th scope="col">${t(f, 'recColAudit')}</th><th scope="col" class="num">${t(f, 'recColBytes')}</th><th scope="col" class="num">${t(f, 'recColEnergy')}</th><th scope="col" class="num">${t(f, 'recColTime')}</th><th scope="col">${t(f, 'recColResources')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
      }
      return `<div class="card rec-step">${title}${metricsLine}${body}${passLine}${reportLink}</div>`;
    })
    .join('');
  return `${head}${passError}<div class="rec-steps">${cards}</div></section>`;
}

type Impacts = { ghgGrams: number; waterLitres: number; adpKgSbEq: number };
type FootprintLike = Impacts & { breakdown: Record<(typeof SEGMENTS)[number][0], Impacts> };

const INDICATORS = [
  ['ghg', 'ghgGrams', ghgUnit],
  ['water', 'waterLitres', waterUnit],
  ['adp', 'adpKgSbEq', adpUnit],
] as const;

function renderFootprint(ctx: Context, f: Fmt): string {
  const { result } = ctx;
  const fp = result.summary.footprint as FootprintLike | null;
  const l = f.labels;
  const head = `<section id="footprint" class="section" aria-labelledby="footprint-h"><h2 id="footprint-h">${t(f, 'footprintHeading')}</h2><p class="note">${t(f, 'footprintIntro')}</p>`;
  if (!fp) return `${head}<div class="card"><p class="empty">${t(f, 'footprintNone')}</p></div></section>`;

  // One journey, by source.
  const journeyRows = SEGMENTS.map(([segment, key]) => {
    const impacts = fp.breakdown[segment];
    const share = fp.ghgGrams > 0 ? impacts.ghgGrams / fp.ghgGrams : null;
    const bar = share !== null ? `<span class="share-bar" style="width:${Math.max(2, Math.round(share * 70))}px" aria-hidden="true"></span>` : '';
    const shareLine = share !== null ? `<span class="sp">${bar}${t(f, 'shareOfTotal', { share: f.percent(share, 0) })}</span>` : '';
    return `<tr><th scope="row">${t(f, key)}</th><td class="num"><span class="v">${esc(f.ghg(impacts.ghgGrams))}</span>${shareLine}</td><td class="num">${esc(f.water(impacts.waterLitres))}</td><td class="num">${esc(f.adp(impacts.adpKgSbEq))}</td></tr>`;
  }).join('');
  const journeyTable = `<div><h3 class="sub-h">${t(f, 'footprintJourneyHeading')}</h3><div class="table-wrap"><table class="fp-table fp-journey"><caption>${t(f, 'footprintJourneyCaption')}</caption>
<thead><tr><th scope="col">${t(f, 'segment')}</th><th scope="col" class="num">${t(f, 'ghg')}</th><th scope="col" class="num">${t(f, 'water')}</th><th scope="col" class="num">${t(f, 'adp')}</th></tr></thead>
<tbody>${journeyRows}</tbody>
<tfoot><tr><th scope="row">${t(f, 'total')}</th><td class="num">${esc(f.ghg(fp.ghgGrams))}</td><td class="num">${esc(f.water(fp.waterLitres))}</td><td class="num">${esc(f.adp(fp.adpKgSbEq))}</td></tr></tfoot>
</table></div></div>`;

  // Projection.
  const projection = asRecord(result.summary.projection);
  const perThousand = asRecord(projection?.perThousandJourneys) as Impacts | null;
  const perYear = asRecord(projection?.perYear) as Impacts | null;
  const usage = asRecord(projection?.usage);
  const projectionRows = INDICATORS.map(([key, field]) => {
    const fmt = (value: number | null | undefined) => (key === 'ghg' ? f.ghg(value) : key === 'water' ? f.water(value) : f.adp(value));
    return `<tr><th scope="row">${t(f, key)}</th><td class="num">${esc(fmt(fp[field]))}</td><td class="num">${esc(fmt(perThousand ? asNumber(perThousand[field]) : fp[field] * 1000))}</td><td class="num">${esc(perYear ? fmt(asNumber(perYear[field])) : l.dash)}</td></tr>`;
  }).join('');
  const usageLine =
    perYear && usage
      ? `<p class="usage">${t(f, 'usageLine', {
          users: f.num(asNumber(usage.users)),
          perUser: f.num(asNumber(usage.journeysPerUserPerYear)),
          total: f.num(asNumber(usage.journeysPerYear)),
        })}</p>`
      : `<p class="usage hint">${t(f, 'noYearProjection')}</p>`;
  const projectionTable = `<div><h3 class="sub-h">${t(f, 'projectionHeading')}</h3><div class="table-wrap"><table class="fp-table"><caption>${t(f, 'projectionCaption')}</caption>
<thead><tr><th scope="col">${t(f, 'indicator')}</th><th scope="col" class="num">${t(f, 'perJourney')}</th><th scope="col" class="num">${t(f, 'perThousand')}</th><th scope="col" class="num">${t(f, 'perYear')}</th></tr></thead>
<tbody>${projectionRows}</tbody></table></div>${usageLine}</div>`;

  // Per step, three indicators × (four sources + total), each indicator in one unit.
  // One unit per indicator, chosen so that the smallest step total reads without a string of zeros.
  const smallest = (field: keyof Impacts, total: number) => smallestPositive(ctx.views.map(({ step }) => (step.footprint ? step.footprint[field] : 0))) ?? total;
  const units: Record<string, DisplayUnit> = {
    ghg: ghgUnit(smallest('ghgGrams', fp.ghgGrams)),
    water: waterUnit(smallest('waterLitres', fp.waterLitres)),
    adp: adpUnit(smallest('adpKgSbEq', fp.adpKgSbEq)),
  };
  const group = INDICATORS.map(
    ([key]) => `<th scope="colgroup" colspan="5" class="ctr grp">${t(f, key)} <span class="unit">(${esc(units[key].unit)})</span></th>`,
  ).join('');
  const subHead = INDICATORS.map(
    () =>
      SEGMENTS.map(([, full, short]) => `<th scope="col" class="num"><abbr title="${esc(l[full])}">${t(f, short)}</abbr><span class="vh"> (${t(f, full)})</span></th>`).join('') +
      `<th scope="col" class="num">${t(f, 'total')}</th>`,
  ).join('');
  const cells = (impacts: FootprintLike | null) =>
    INDICATORS.map(([key, field]) =>
      impacts === null
        ? `<td class="num muted" colspan="5">${esc(l.dash)}</td>`
        : SEGMENTS.map(([segment]) => `<td class="num">${esc(f.sig(impacts.breakdown[segment][field] * units[key].factor))}</td>`).join('') +
          `<td class="num"><strong>${esc(f.sig(impacts[field] * units[key].factor))}</strong></td>`,
    ).join('');
  const stepRows = ctx.views
    .map(({ step, index }) => `<tr class="${step.status}"><th scope="row"><span class="step-idx">${index + 1}.</span>${esc(step.name)}</th>${cells(step.footprint as FootprintLike | null)}</tr>`)
    .join('');
  const stepsTable = `<div class="wide-print"><h3 class="sub-h">${t(f, 'footprintStepsHeading')}</h3><div class="table-wrap" tabindex="0" role="region" aria-label="${esc(l.footprintStepsHeading)}"><table class="fp-table fp-steps"><caption>${t(f, 'footprintStepsCaption')}</caption>
<colgroup><col></colgroup><colgroup span="5"></colgroup><colgroup span="5"></colgroup><colgroup span="5"></colgroup>
<thead><tr><td></td>${group}</tr><tr><th scope="col">${t(f, 'colStep')}</th>${subHead}</tr></thead>
<tbody>${stepRows}</tbody>
<tfoot><tr><th scope="row">${t(f, 'journeyTotal')}</th>${cells(fp)}</tr></tfoot>
</table></div></div>`;

  return `${head}<div class="fp-grid">${journeyTable}${projectionTable}</div>${stepsTable}</section>`;
}

function kv(f: Fmt, rows: [LabelKey, string | null][]): string {
  return `<dl class="kv">${rows.map(([key, value]) => `<dt>${t(f, key)}</dt><dd>${value === null ? `<span class="muted">${t(f, 'envUnknown')}</span>` : value}</dd>`).join('')}</dl>`;
}

function renderEnvironment(ctx: Context, f: Fmt): string {
  const { result } = ctx;
  const env = result.environment;
  const device = env.device as Record<string, unknown>;
  const viewport = asRecord(device.viewport);
  const battery = asRecord(device.battery);
  const methodology = asRecord(env.methodology);
  const footprint = asRecord(methodology?.footprint);
  const factors = asRecord(footprint?.factors);
  const scoring = scoringOf(result);
  const calibration = asRecord(env.hostCalibration);
  const sourceRecord = asRecord(env.energySource);
  const sourceCalibration = asRecord(sourceRecord?.calibration);
  const source = energySourceView(result);
  const e = (value: string | null | undefined) => (value === null || value === undefined ? null : esc(value));

  const viewportText = viewport
    ? `${f.num(asNumber(viewport.width))} × ${f.num(asNumber(viewport.height))} px${asNumber(device.deviceScaleFactor) !== null ? ` @${f.num(asNumber(device.deviceScaleFactor), 2)}x` : ''}`
    : null;
  const batteryText = battery ? `${f.num(asNumber(battery.capacityMah))} mAh · ${f.num(asNumber(battery.voltageV), 2)} V` : null;
  const l = f.labels;
  const kbps = (value: number | null) => (value === null ? l.dash : value >= 1000 ? `${f.num(value / 1000, 1)} ${l.unitMb}` : `${f.num(value)} ${l.unitKbps}`);

  const deviceCard = `<div class="card"><h3>${t(f, 'envDevice')}</h3>${kv(f, [
    ['device', e(env.device.name)],
    ['envProfileId', `<code>${esc(env.device.id)}</code>`],
    ['envViewport', e(viewportText)],
    ['envCpuSlowdown', `×${esc(f.num(env.emulation.cpuSlowdownFactor, 2))}`],
    ['envBattery', e(batteryText)],
  ])}</div>`;
  const networkCard = `<div class="card"><h3>${t(f, 'envNetwork')}</h3>${kv(f, [
    ['network', e(env.network.name)],
    ['envProfileId', `<code>${esc(env.network.id)}</code>`],
    ['envLatency', esc(`${f.num(env.emulation.latencyMs)} ${l.unitMs}`)],
    ['envThroughput', esc(`${kbps(env.emulation.downloadKbps)} / ${kbps(env.emulation.uploadKbps)}`)],
  ])}</div>`;
  const hostCard = `<div class="card"><h3>${t(f, 'envHost')}</h3>${kv(f, [
    ['envBrowser', env.browser ? esc(`${env.browser.name} ${env.browser.version}`) : null],
    ['envPlatform', esc(`${env.host.platform} ${env.host.arch} · Node.js ${env.host.node}`)],
    ['envCpu', e(env.host.cpuModel)],
    ['envCores', esc(f.num(env.host.cpus))],
  ])}</div>`;

  const benchmark = asNumber(calibration?.benchmarkIndex) ?? asNumber(sourceCalibration?.benchmarkIndex);
  const hostBenchmark = asNumber(calibration?.hostBenchmarkIndex) ?? asNumber(sourceCalibration?.hostBenchmarkIndex);
  const referenceBenchmark = asNumber(sourceCalibration?.referenceBenchmarkIndex);
  const method = asString(calibration?.method) ?? asString(sourceCalibration?.method);
  const calibrationCard = `<div class="card wide"><h3>${t(f, 'envCalibration')}</h3>${
    benchmark === null && hostBenchmark === null
      ? `<p class="muted">${t(f, 'envNotCalibrated')}</p>`
      : kv(f, [
          ['envBenchmark', esc(f.num(benchmark, 0))],
          ['envHostBenchmark', hostBenchmark === null ? null : esc(f.num(hostBenchmark, 0))],
          ['envReferenceBenchmark', referenceBenchmark === null ? null : esc(f.num(referenceBenchmark, 0))],
        ]) + (method ? `<p class="note method-text"><strong>${t(f, 'envCalibrationMethod')}${t(f, 'colon').trimEnd()}</strong> <span lang="en">${esc(method)}</span></p>` : '')
  }</div>`;

  const grid = asString(footprint?.grid);
  const gridIntensity = asNumber(footprint?.gridIntensityGPerKWh);
  const methodologyCard = `<div class="card"><h3>${t(f, 'envMethodology')}</h3>${kv(f, [
    ['envEnergyModel', source.model ? esc(`${source.model} ${source.version ?? asString(methodology?.energyModel) ?? ''}`.trim()) : e(asString(methodology?.energyModel))],
    ['envScoring', scoring.id ? esc(`${scoring.id} ${scoring.version ?? ''}`.trim()) : null],
    ['envFootprintModel', e(asString(footprint?.version))],
    ['envFootprintFactors', factors ? esc(`${asString(factors.id) ?? ''} ${asString(factors.version) ?? ''}`.trim()) : null],
    ['envGrid', grid ? esc(`${grid}${gridIntensity !== null ? ` · ${f.num(gridIntensity, 2)} g CO2e/kWh` : ''}`) : null],
  ])}</div>`;
  const sourceCard = `<div class="card"><h3>${t(f, 'envEnergySource')}</h3><p class="note source-text">${
    source.kind === 'model'
      ? `<span class="src-pill src-model">${t(f, 'energyModelled')}</span>`
      : source.kind === 'measured'
        ? `<span class="src-pill src-measured">${t(f, 'energyMeasured')}</span>`
        : `<span class="src-pill src-unknown">${t(f, 'energyUnknown')}</span>`
  }${source.description ? `<span lang="en">${esc(source.description)}</span>` : ''}</p></div>`;
  const journeyCard = `<div class="card wide"><h3>${t(f, 'envJourney')}</h3>${kv(f, [
    ['envFile', `<code>${esc(result.journey.file)}</code>`],
    ['envSha', `<code>${esc(result.journey.sha256)}</code>`],
    ['envStart', esc(f.date(env.startedAt))],
    ['envEnd', env.finishedAt ? esc(f.date(env.finishedAt)) : null],
    ['envIterations', t(f, 'iterationsValue', { done: result.completedIterations, total: result.iterations })],
    ['envStatus', t(f, RUN_STATUS_KEYS[result.status])],
  ])}</div>`;

  return `<section id="environment" class="section" aria-labelledby="environment-h"><h2 id="environment-h">${t(f, 'envHeading')}</h2>
<div class="env-grid">${deviceCard}${networkCard}${hostCard}${journeyCard}${methodologyCard}${calibrationCard}${sourceCard}</div></section>`;
}

function renderMethod(ctx: Context, f: Fmt): string {
  const given = ctx.options.methodologyHref;
  // A caller's link, but never a script: relative, file: or http(s) only.
  const href = given && (!/^[a-z][a-z0-9+.-]*:/i.test(given) || /^(https?|file):/i.test(given)) ? given : undefined;
  const file = '<code>docs/methodology.md</code>';
  const doc = `${href ? `<a href="${esc(href)}">${file}</a>` : file} ${t(f, 'methodDoc')}`;
  return `<section id="method" class="section" aria-labelledby="method-h"><h2 id="method-h">${t(f, 'methodHeading')}</h2>
<div class="card method"><p>${t(f, 'methodScores')}</p><p>${t(f, 'methodThresholds')}</p><p>${t(f, 'methodEnergy')}</p><p>${t(f, 'methodLink')} ${doc}.</p></div></section>`;
}

function renderFooter(ctx: Context, f: Fmt): string {
  const { result, options } = ctx;
  const generated = t(f, 'generatedBy', { tool: result.tool.name, version: result.tool.version }) + (options.generatedAt ? ` ${t(f, 'generatedAt', { date: f.date(options.generatedAt) })}` : '');
  return `<footer class="site-foot"><div class="wrap"><p>${generated}.</p><p>${t(f, 'footerNote')}</p></div></footer>`;
}

function renderBody(ctx: Context, lang: ReportLang, alt: boolean): string {
  const f = new Formatter(lang);
  const other: ReportLang = lang === 'fr' ? 'en' : 'fr';
  return `${renderHeader(ctx, f, other)}
<main id="main" tabindex="-1"><div class="wrap">
${renderSummary(ctx, f)}
${renderWarnings(ctx, f)}
${renderCharts(ctx, f)}
${renderStepTable(ctx, f, alt)}
${renderRecommendations(ctx, f)}
${renderFootprint(ctx, f)}
${renderEnvironment(ctx, f)}
${renderMethod(ctx, f)}
</div></main>
${renderFooter(ctx, f)}
<dialog class="shot-dialog" aria-labelledby="shot-dialog-title"><div class="dlg-head"><p class="dlg-title" id="shot-dialog-title"></p><button type="button" data-close-dialog>${t(f, 'close')}</button></div><img alt=""></dialog>`;
}

/**
 * Renders the HTML report of a result: one self-contained, offline file (inline CSS, chart.js and data).
 *
 * @param result - a result.json (possibly partial: failed or skipped steps, null figures, no runs)
 * @param options - screenshots, language, chart.js source, generation date
 * @returns the HTML document
 */
export function renderHtmlReport(result: Result, options: HtmlReportOptions = {}): string {
  const defaultLang: ReportLang = options.defaultLang === 'en' ? 'en' : 'fr';
  const otherLang: ReportLang = defaultLang === 'fr' ? 'en' : 'fr';
  const views = stepViews(result, options.screenshotBase, options.embedScreenshots);
  const ctx: Context = {
    result,
    views,
    warnings: deriveWarnings(result, views),
    charts: chartData(result, views),
    options,
    lighthouse: lighthousePassView(result, options.screenshotBase),
  };

  const titles = {
    fr: fillLabel(REPORT_LABELS.fr.docTitle, { journey: result.journey.name }),
    en: fillLabel(REPORT_LABELS.en.docTitle, { journey: result.journey.name }),
  };
  const data = { ...ctx.charts, defaultLang, locales: LOCALES, titles, labels: REPORT_LABELS };
  const chartJs = (options.chartJsSource ?? loadChartJsSource()).replace(/<\/(script)/gi, '<\\/$1').replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '\n');
  const script = `${chartJs}\n;${CLIENT_SCRIPT}`;
  const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data: file:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  return `<!DOCTYPE html>
<html lang="${defaultLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="${esc(`${result.tool.name} ${result.tool.version}`)}">
<meta name="color-scheme" content="light">
<title>${esc(titles[defaultLang])}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<div id="report" data-lang="${defaultLang}">
${renderBody(ctx, defaultLang, false)}
</div>
<template id="report-${otherLang}">
${renderBody(ctx, otherLang, true)}
</template>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
