/** The charts section and the step table of the HTML report. */
import { esc } from './html-format.js';
import { chartAvailability, type ChartData, type StepView } from './html-model.js';
import { STATUS_KEYS, STEP_TYPE_KEYS, gradeClass, metricCell, scorePill, smallestPositive, t, type Context, type Fmt } from './html-parts.js';
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

export function renderStepTable(ctx: Context, f: Fmt, alt: boolean): string {
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

