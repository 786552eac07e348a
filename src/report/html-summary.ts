/** The summary card (`#summary`, screenshotted as the evidence's results.png) and the warnings section of the HTML report. */
import { esc } from './html-format.js';
import { energyLabelOf, gradeStatusPhrase, isGraded } from './grade-view.js';
import { UNSTABLE_CV, energySourceView } from './html-model.js';
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
      spread.cv > UNSTABLE_CV ? `<span class="unstable-text">⚠ ${cv} (${t(f, 'unstable')})</span>` : cv
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

/** The warnings section: no grade and why first, then failed and skipped steps, stability, the run's own messages. */
export function renderWarnings(ctx: Context, f: Fmt): string {
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
  if (!isGraded(ctx.grade)) {
    const phrase = gradeStatusPhrase(ctx.grade, f.labels);
    items.unshift(`<li class="alert alert-error no-grade"><span class="kind">${esc(f.labels.noGradeTitle)}</span>${t(f, phrase.key, phrase.values)}</li>`);
  }
  if (w.noReference && ctx.grade.code !== 'no-reference') alert('warn', t(f, 'warnNoReference'));
  if (w.calibrationMissing) alert('warn', t(f, 'warnCalibration'));
  if (w.unstableJourney && isGraded(ctx.grade)) {
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
