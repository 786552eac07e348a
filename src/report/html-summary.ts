/** The summary card (`#summary`, screenshotted as the evidence's results.png) and the warnings section of the HTML report. */
import { esc } from './html-format.js';
import { energyLabelOf, gradeStatusPhrase, isGraded } from './grade-view.js';
import { energySourceView } from './html-model.js';
import type { Warning } from '../model/result.js';
import { phraseWarning, type WarningFormat } from './i18n-warnings.js';
import { RUN_STATUS_KEYS, gauge, gradeClass, methodologyVersionOf, metricLabel, scoringOf, subScoreColour, t, targetText, type Context, type Fmt } from './html-parts.js';
import { fillLabel, type LabelKey } from './i18n.js';

/** The headline: ecoscore gauge and grade badge, or "no grade" with the reason (no sub-score either). */
function headline(ctx: Context, f: Fmt): string {
  const { result } = ctx;
  const { summary } = result;
  const graded = isGraded(ctx.grade);
  const score = graded ? summary.ecoscore : null;
  const grade = graded ? summary.grade : null;
  const spread = graded ? (summary.spread?.ecoscore ?? null) : null;
  const mainLabel =
    score === null
      ? `${f.labels.ecoscore}${f.labels.colon}${f.labels.gradeNone}`
      : `${f.labels.ecoscore}${f.labels.colon}${fillLabel(f.labels.scoreOf, { score: f.score1(score) })}, ${f.labels.gradeLabel} ${grade ?? f.labels.gradeNone}`;
  if (score === null) {
    const phrase = gradeStatusPhrase(ctx.grade, f.labels);
    return `<div class="sc-score no-grade"><p class="label" aria-hidden="true">${t(f, 'ecoscore')}</p>${gauge(f, null, null, 'lg', esc(f.labels.dash), mainLabel)}<p class="grade-badge grade-none"><span class="gl">${t(f, 'gradeLabel')}</span><span class="gv gv-none">${t(f, 'noGradeTitle')}</span></p><p class="sc-nograde" data-status="${esc(ctx.grade.code)}">${t(f, phrase.key, phrase.values)}</p><p class="sc-spread">${t(f, 'noGradeRule')}</p></div>`;
  }
  let spreadText: string;
  if (spread && spread.n >= 2 && spread.cv !== null) {
    const cv = t(f, 'cvLabel', { cv: f.percent(spread.cv) });
    spreadText = `${t(f, 'spreadLine', { min: f.score1(spread.min), max: f.score1(spread.max), n: spread.n })}<br>${
      ctx.warnings.unstableJourney ? `<span class="unstable-text">⚠ ${cv} (${t(f, 'unstable')})</span>` : cv
    }`;
  } else if ((spread && spread.n < 2) || result.completedIterations <= 1) spreadText = t(f, 'spreadSingle');
  else spreadText = t(f, 'spreadNone');
  const badge = `<p class="grade-badge ${gradeClass(grade)}"><span class="gl">${t(f, 'gradeLabel')}</span><span class="gv">${esc(grade ?? '?')}</span></p>`;
  return `<div class="sc-score"><p class="label" aria-hidden="true">${t(f, 'ecoscore')}</p>${gauge(f, score, grade, 'lg', esc(f.score1(score)), mainLabel)}${badge}<p class="sc-spread">${spreadText}</p></div>`;
}

/** The three sub-score gauges (one decimal; `–` without a grade). */
function subScores(ctx: Context, f: Fmt): string {
  const scores = isGraded(ctx.grade) ? ctx.result.summary.scores : null;
  const subs: [LabelKey, number | null][] = [
    ['subEnergy', scores?.energy ?? null],
    ['subPerformance', scores?.performance ?? null],
    ['subData', scores?.data ?? null],
  ];
  return subs
    .map(([key, value]) => {
      const label = `${f.labels[key]}${f.labels.colon}${value === null ? f.labels.dash : fillLabel(f.labels.scoreOf, { score: f.score1(value) })}`;
      return `<li class="subscore">${gauge(f, value, subScoreColour(ctx.result, value), 'sm', esc(f.score1(value)), label)}<span class="sub-label" aria-hidden="true">${t(f, key)}</span></li>`;
    })
    .join('');
}

/** The energy source with its one label (modelled, measured, partly measured) and what it says of itself. */
export function energyLine(ctx: Context, f: Fmt): string {
  const { result } = ctx;
  const label = energyLabelOf(result);
  const source = energySourceView(result);
  const reason = label.reason ? ` — ${t(f, 'energyModelReason', { reason: label.reason })}` : '';
  switch (label.label) {
    case 'modelled':
      return `<span class="src-pill src-model">${t(f, 'energyModelled')}</span>${t(f, 'energyModelledDetail', {
        model: source.model ?? '?',
        version: source.version ?? '?',
        device: source.device ?? result.environment.device.id,
      })}${reason} — ${t(f, 'energyNotMeasuredNote')}`;
    case 'measured':
      return `<span class="src-pill src-measured">${t(f, 'energyMeasured')}</span>${esc(source.description ?? '')}`;
    case 'partly-measured': {
      const counts =
        label.measuredSteps !== null && label.modelledSteps !== null ? `${t(f, 'energyPartlyDetail', { measured: label.measuredSteps, modelled: label.modelledSteps })}${reason}. ` : '';
      return `<span class="src-pill src-partly">${t(f, 'energyPartlyMeasured')}</span>${counts}${source.description ? `<span lang="en">${esc(source.description)}</span>` : ''}`;
    }
    default:
      return `<span class="src-pill src-unknown">${t(f, 'energyUnknown')}</span>`;
  }
}

function stats(ctx: Context, f: Fmt): string {
  const { result } = ctx;
  const { passedSteps, failedSteps, skippedSteps, totals } = result.summary;
  const problems: string[] = [];
  if (failedSteps > 0) problems.push(`<span class="failed-count">${t(f, 'statFailed', { failed: failedSteps })}</span>`);
  if (skippedSteps > 0) problems.push(t(f, 'stepsSkipped', { skipped: skippedSteps }));
  const rows: [LabelKey, string, string][] = [
    ['statSteps', t(f, 'statStepsValue', { passed: passedSteps, total: result.steps.length }), problems.join(' · ')],
    ['statDuration', esc(f.ms(totals.durationMs)), ''],
    ['statData', esc(f.bytes(totals.bytes)), ''],
    ['statRequests', esc(f.num(totals.requests)), ''],
    ['statEnergy', esc(f.mah(totals.energyMah ?? null)), ''],
  ];
  return `<ul class="stats">${rows
    .map(([key, value, extra]) => `<li${key === 'statSteps' && failedSteps > 0 ? ' class="bad"' : ''}><span class="k">${t(f, key)}</span><span class="v">${value}</span>${extra ? `<span class="x">${extra}</span>` : ''}</li>`)
    .join('')}</ul>`;
}

/** The summary card: what results.png shows (headline or the reason there is none, sub-scores, footprint, facts). */
export function renderSummary(ctx: Context, f: Fmt): string {
  const { result } = ctx;
  const { summary } = result;
  const target = targetText(result);
  const scoring = scoringOf(result);
  const fp = summary.footprint;
  const tiles: [LabelKey, string][] = [
    ['ghg', f.ghg(fp?.ghgGrams)],
    ['water', f.water(fp?.waterLitres)],
    ['adp', f.adp(fp?.adpKgSbEq)],
  ];
  const fpHtml = `<div class="fp"><h3>${t(f, 'footprintPerJourney')}</h3><ul class="fp-tiles">${tiles
    .map(([key, value]) => `<li class="fp-tile"><span class="k">${t(f, key)}</span><span class="v">${esc(value)}</span></li>`)
    .join('')}</ul></div>`;
  const scoringText = scoring.id ? `${scoring.id}${scoring.version ? ` v${scoring.version}` : ''}` : f.labels.envUnknown;
  const iterationsText = fillLabel(f.labels.iterationsValue, { done: result.completedIterations, total: result.iterations });
  const status = result.status === 'passed' ? '' : `<br><span class="status-${result.status}">${t(f, 'runStatus')}${t(f, 'colon')}${t(f, RUN_STATUS_KEYS[result.status])}</span>`;
  const version = methodologyVersionOf(result);

  return `<section id="summary" aria-labelledby="summary-h">
<div class="sc-head">
<div><h2 id="summary-h">${t(f, 'summaryHeading')}</h2>
<p class="sc-title">${esc(result.journey.name)}</p>
<p class="sc-url"><span class="vh">${t(f, 'target')}${t(f, 'colon')}</span><span class="url">${esc(target.url)}</span>${target.demo ? ` · ${t(f, 'demoApp')}` : ''}</p></div>
<p class="sc-meta"><strong>${esc(f.date(result.environment.startedAt))}</strong><br>${esc(result.tool.name)} ${esc(result.tool.version)} · ${t(f, 'envIterations')}${t(f, 'colon')}${esc(iterationsText)}${status}</p>
</div>
<div class="sc-body">
${headline(ctx, f)}
<div class="sc-right"><ul class="subs">${subScores(ctx, f)}</ul>${fpHtml}${stats(ctx, f)}</div>
</div>
<dl class="sc-facts">
<div class="wide"><dt>${t(f, 'envEnergySource')}</dt><dd>${energyLine(ctx, f)}</dd></div>
<div><dt>${t(f, 'device')}</dt><dd>${esc(result.environment.device.name)}</dd></div>
<div><dt>${t(f, 'network')}</dt><dd>${esc(result.environment.network.name)}</dd></div>
<div><dt>${t(f, 'scoringProfile')}</dt><dd>${esc(scoringText)}${version ? ` · ${t(f, 'methodVersion', { version })}` : ''} <span class="muted">(${t(f, 'unofficialThresholds')})</span></dd></div>
</dl>
</section>`;
}

/** How the HTML report formats a warning's values in its language. */
export function warningFormat(f: Fmt): WarningFormat {
  return { lang: f.lang, percent: (fraction) => f.percent(fraction), num: (value) => f.num(value, 6), metric: (name) => metricLabel(f, name) };
}

/** A warning phrased in the report's language, escaped. */
function phrase(f: Fmt, item: Warning, extra: Readonly<Record<string, string>> = {}): string {
  return esc(phraseWarning(item, warningFormat(f), extra));
}

/** The alerts of the result's warnings about steps: failed, not run, unstable; and the journey's own stability. */
function stepAlerts(ctx: Context, f: Fmt, alert: (kind: 'error' | 'warn' | 'info', body: string) => void): void {
  const w = ctx.warnings;
  for (const { warning, view } of w.failedSteps) {
    let body = phrase(f, warning);
    if (warning.params.error) body += `<pre>${esc(warning.params.error)}${view.failedAction ? `\n(${esc(view.failedAction)})` : ''}</pre>`;
    alert('error', body);
  }
  if (w.interrupted) alert('warn', phrase(f, w.interrupted));
  else if (w.incomplete) alert('info', t(f, 'warnIncomplete', { done: ctx.result.completedIterations, total: ctx.result.iterations }));
  for (const view of w.skippedSteps) alert('warn', t(f, 'warnSkippedStep', { step: view.step.name }));
  if (w.noReference && ctx.grade.code !== 'no-reference') alert('warn', t(f, 'warnNoReference'));
  if (w.unstableJourney && isGraded(ctx.grade)) {
    const spread = ctx.result.summary.spread?.ecoscore ?? null;
    alert('warn', phrase(f, w.unstableJourney, { min: spread ? f.score1(spread.min) : '?', max: spread ? f.score1(spread.max) : '?' }));
  }
  if (w.unstableSteps.length > 0) {
    const list = w.unstableSteps
      .map(({ step, figures }) => `<li><strong>${esc(step)}</strong>${t(f, 'colon')}${figures.map((figure) => `${esc(metricLabel(f, figure.params.metric))} ${esc(f.percent(figure.params.cv))}`).join(', ')}</li>`)
      .join('');
    const threshold = w.unstableSteps[0].figures[0].params.cvThreshold;
    const heading = threshold === null ? t(f, 'warnUnstableStepsLegacy') : t(f, 'warnUnstableSteps', { threshold: f.percent(threshold) });
    alert('warn', `<p>${heading}</p><ul class="unstable-list">${list}</ul><p class="hint">${t(f, 'warnUnstableHint')}</p>`);
  }
}

/**
 * The warnings section: no grade and why first, then failed, interrupted and skipped steps, stability, every other
 * warning of the result phrased from its code, and an older result's sentences that no code describes.
 */
export function renderWarnings(ctx: Context, f: Fmt): string {
  const w = ctx.warnings;
  const items: string[] = [];
  const alert = (kind: 'error' | 'warn' | 'info', body: string) => {
    const label = kind === 'error' ? f.labels.severityError : kind === 'warn' ? f.labels.severityWarning : f.labels.severityInfo;
    items.push(`<li class="alert alert-${kind}"><span class="kind">${esc(label)}</span>${body}</li>`);
  };
  if (!isGraded(ctx.grade)) {
    const status = gradeStatusPhrase(ctx.grade, f.labels);
    items.push(`<li class="alert alert-error no-grade"><span class="kind">${esc(f.labels.noGradeTitle)}</span>${t(f, status.key, status.values)}</li>`);
  }
  stepAlerts(ctx, f, alert);
  for (const item of w.others) alert('warn', phrase(f, item));
  if (w.singleIteration) alert('info', t(f, 'warnSingleIteration'));

  const rawHtml =
    w.legacyTexts.length > 0
      ? `<div class="raw"><h3>${t(f, 'warnRawHeading')}</h3><ul lang="en">${w.legacyTexts.map((text) => `<li>${esc(text)}</li>`).join('')}</ul></div>`
      : '';
  const body = items.length > 0 ? `<ul class="alerts">${items.join('')}</ul>` : `<p class="alert alert-ok">✓ ${t(f, 'noWarnings')}</p>`;
  return `<section id="warnings" class="section" aria-labelledby="warnings-h"><h2 id="warnings-h">${t(f, 'warningsHeading')}</h2>${body}${rawHtml}</section>`;
}
