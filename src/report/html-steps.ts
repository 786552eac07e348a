/** The charts section and the step table of the HTML report. */
import { esc } from './html-format.js';
import { chartAvailability, type ChartData, type StepView } from './html-model.js';
import { ecoindexNoteApplies, energyLabelOf, stepEnergyBasis, stepGap, stepGapPhrase } from './grade-view.js';
import { STATUS_KEYS, STEP_TYPE_KEYS, gradeClass, metricCell, scorePill, smallestPositive, stepScorePill, t, type Context, type Fmt } from './html-parts.js';
import { ghgUnit } from './html-format.js';
import { fillLabel, type LabelKey } from './i18n.js';

function chartCard(f: Fmt, kind: string, titleKey: LabelKey, noteKey: LabelKey, description: string | null, heightPx: number, full = false): string {
  const id = `chart-${kind}-h`;
  const body =
    description === null
      ? `<p class="empty">${t(f, 'chartNoData')}</p>`
      : `<div class="chart-box" style="height:${Math.round(heightPx)}px"><canvas data-chart="${kind}" role="img" aria-label="${esc(description)}"><p>${esc(description)}</p></canvas></div>`;
  return `<div class="card chart-card${full ? ' full' : ''}" role="group" aria-labelledby="${id}"><h3 id="${id}">${t(f, titleKey)}</h3><p class="note">${t(f, noteKey)}</p>${body}</div>`;
}

export function renderCharts(ctx: Context, f: Fmt): string {
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

/** The response-time cell: what performance is scored on, with the step's duration and readiness below. */
function responseCell(f: Fmt, view: StepView): string {
  const m = view.step.metrics;
  const duration = m.durationMs !== null ? `<span class="sp">${t(f, 'durationLine', { value: f.ms(m.durationMs) })}</span>` : '';
  const ready = m.readyMs !== null ? `<span class="sp">${t(f, 'readyAt', { value: f.ms(m.readyMs) })}</span>` : '';
  return metricCell(f, view.step, 'responseMs', (v) => f.ms(v), duration + ready);
}

/** The CPU cell: main-thread time, and the browser's other threads and processes when they were measured. */
function cpuCell(f: Fmt, view: StepView): string {
  const m = view.step.metrics;
  const lines: [LabelKey, number | null][] = [
    ['cpuOtherThreads', m.rendererOtherCpuMs],
    ['cpuGpu', m.gpuCpuMs],
    ['cpuUtility', m.utilityCpuMs],
  ];
  const extra = lines
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `<span class="sp">${t(f, key, { value: f.ms(value) })}</span>`)
    .join('');
  return metricCell(f, view.step, 'cpuMs', (v) => f.ms(v), extra);
}

/** The added-charge cell (µAh, what energy is scored on), with the step's whole charge and, when steps differ, its basis. */
function energyCell(f: Fmt, view: StepView, perStepBasis: boolean): string {
  const { step } = view;
  const total = step.metrics.energyMah !== null ? `<span class="sp">${t(f, 'totalCharge', { value: f.mah(step.metrics.energyMah) })}</span>` : '';
  const basis = stepEnergyBasis(step);
  const basisLine =
    perStepBasis && basis
      ? `<span class="sp basis basis-${basis.basis}" title="${esc(basis.reason ? fillLabel(f.labels.energyModelReason, { reason: basis.reason }) : f.labels.basisTitle)}">${t(f, basis.basis === 'measured' ? 'basisMeasured' : 'basisModel')}</span>`
      : '';
  return metricCell(f, step, 'excessEnergyMah', (v) => (v === null ? f.labels.dash : `${f.sig(v * 1000)} ${f.labels.unitUah}`), total + basisLine);
}

/** The scores cell: the step's ecoscore and grade (`steps[].grade`), its sub-scores, and why a score is missing. */
function scoresCell(ctx: Context, f: Fmt, view: StepView): string {
  const l = f.labels;
  const s = view.step.scores;
  const subScore = (short: LabelKey, full: LabelKey, value: number | null | undefined) =>
    `<span class="subs-item"><abbr title="${esc(l[full])}">${t(f, short)}</abbr><span class="vh"> (${t(f, full)})</span> ${scorePill(f, ctx.result, value, true)}</span>`;
  const gap = stepGap(view.step);
  const why = gap ? `<span class="sp gap gap-${gap.kind}">${(({ key, values }) => t(f, key, values))(stepGapPhrase(gap, l))}</span>` : '';
  return `<td class="ctr scores-cell">${stepScorePill(f, view.step)}<span class="subs-line">${subScore('colScoreEnergy', 'colScoreEnergyFull', s?.energy)}${subScore('colScorePerformance', 'colScorePerformanceFull', s?.performance)}${subScore('colScoreData', 'colScoreDataFull', s?.data)}</span>${why}</td>`;
}

/** The step table: one row per step, the figures the scores read first. */
export function renderStepTable(ctx: Context, f: Fmt, alt: boolean): string {
  const l = f.labels;
  const ghg = ghgUnit(smallestPositive(ctx.views.map(({ step }) => step.footprint?.ghgGrams ?? 0)) ?? 1);
  const perStepBasis = energyLabelOf(ctx.result).label === 'partly-measured';
  const rows = ctx.views
    .map((view) => {
      const { step } = view;
      const m = step.metrics;
      const requests = m.requests !== null ? `<span class="sp">${t(f, 'requestsCount', { count: f.num(m.requests) })}</span>` : '';
      const documentLine = m.documentElements != null && m.documentElements !== m.domElements ? `<span class="sp">${t(f, 'documentElements', { count: f.num(m.documentElements) })}</span>` : '';
      const ratio =
        step.dischargeRatio !== null && step.dischargeRatio !== undefined
          ? `<span class="sp" title="${esc(l.ratioTitle)}">${t(f, 'ratioToReference', { ratio: f.num(step.dischargeRatio, 2) })}</span>`
          : '';
      const ecoindex = step.ecoindex
        ? `<span class="v">${esc(f.num(step.ecoindex.score))}<span class="gr ${gradeClass(step.ecoindex.grade)}">${esc(step.ecoindex.grade)}</span></span>`
        : `<span class="muted">${esc(l.dash)}</span>`;
      return `<tr class="${step.status}">
${stepCell(f, view, alt)}
${responseCell(f, view)}
${metricCell(f, step, 'bytes', (v) => f.bytes(v), requests)}
${cpuCell(f, view)}
${metricCell(f, step, 'domElements', (v) => f.num(v), documentLine)}
${metricCell(f, step, 'memoryBytes', (v) => f.bytes(v))}
${energyCell(f, view, perStepBasis)}
${metricCell(f, step, 'dischargeUahPerS', (v) => f.uahs(v), ratio)}
${scoresCell(ctx, f, view)}
<td class="num">${ecoindex}</td>
<td class="num"><span class="v">${esc(step.footprint ? f.sig(step.footprint.ghgGrams * ghg.factor) : l.dash)}</span></td>
</tr>`;
    })
    .join('');
  const th = (key: LabelKey, cls: string, title?: LabelKey) => `<th scope="col" class="${cls}"${title ? ` title="${esc(l[title])}"` : ''}>${t(f, key)}</th>`;
  return `<section id="steps" class="section wide-print" aria-labelledby="steps-h"><h2 id="steps-h">${t(f, 'stepsHeading')}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="steps-h">
<table class="steps"><caption>${t(f, 'stepsCaption')}</caption>
<thead><tr><th scope="col">${t(f, 'colStep')}</th>${th('colResponse', 'num', 'colResponseTitle')}${th('colData', 'num')}${th('colCpu', 'num')}${th('colDom', 'num')}${th('colHeap', 'num')}${th('colAddedCharge', 'num', 'colAddedChargeTitle')}${th('colDischarge', 'num')}${th('colEcoscore', 'ctr')}<th scope="col" class="num">${ecoindexNoteApplies(ctx.result) ? `<a href="#ecoindex-note">${t(f, 'colEcoindex')}</a>` : t(f, 'colEcoindex')}</th><th scope="col" class="num">${t(f, 'colGhg')} <span class="unit">(${esc(ghg.unit.replace(' CO2e', ''))})</span></th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
${ecoindexNoteApplies(ctx.result) ? `<p class="note" id="ecoindex-note">${t(f, 'ecoindexNote')}</p>` : ''}</section>`;
}
