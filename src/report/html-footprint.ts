/** The footprint and environment sections of the HTML report. */
import { adpUnit, esc, ghgUnit, waterUnit, type DisplayUnit } from './html-format.js';
import type { Impacts, Result } from '../model/result.js';
import { energySourceView, type EnergySourceView } from './html-model.js';
import { energyLabelOf } from './grade-view.js';
import { energyLine } from './html-summary.js';
import { RUN_STATUS_KEYS, scoringOf, smallestPositive, t, type Context, type Fmt } from './html-parts.js';
import type { LabelKey } from './i18n.js';

const SEGMENTS = [
  ['deviceManufacturing', 'segManufacturing', 'segManufacturingShort'],
  ['deviceElectricity', 'segElectricity', 'segElectricityShort'],
  ['network', 'segNetwork', 'segNetworkShort'],
  ['dataCentre', 'segDataCentre', 'segDataCentreShort'],
] as const;

type FootprintLike = NonNullable<Result['summary']['footprint']>;

const INDICATORS = [
  ['ghg', 'ghgGrams', ghgUnit],
  ['water', 'waterLitres', waterUnit],
  ['adp', 'adpKgSbEq', adpUnit],
] as const;

export function renderFootprint(ctx: Context, f: Fmt): string {
  const { result } = ctx;
  const fp = result.summary.footprint;
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
  const projection = result.summary.projection ?? null;
  const perThousand = projection?.perThousandJourneys ?? null;
  const perYear = projection?.perYear ?? null;
  const usage = projection?.usage ?? null;
  const projectionRows = INDICATORS.map(([key, field]) => {
    const fmt = (value: number | null | undefined) => (key === 'ghg' ? f.ghg(value) : key === 'water' ? f.water(value) : f.adp(value));
    return `<tr><th scope="row">${t(f, key)}</th><td class="num">${esc(fmt(fp[field]))}</td><td class="num">${esc(fmt(perThousand ? perThousand[field] : fp[field] * 1000))}</td><td class="num">${esc(perYear ? fmt(perYear[field]) : l.dash)}</td></tr>`;
  }).join('');
  const usageLine =
    perYear && usage
      ? `<p class="usage">${t(f, 'usageLine', {
          users: f.num(usage.users),
          perUser: f.num(usage.journeysPerUserPerYear),
          total: f.num(usage.journeysPerYear),
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
    .map(({ step, index }) => `<tr class="${step.status}"><th scope="row"><span class="step-idx">${index + 1}.</span>${esc(step.name)}</th>${cells(step.footprint)}</tr>`)
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

/** The value escaped for HTML, or null when there is none (shown as unknown). */
const escOrNull = (value: string | null | undefined): string | null => (value === null || value === undefined ? null : esc(value));

/** The emulated device card: profile, viewport, CPU slowdown and battery. */
function deviceCard(ctx: Context, f: Fmt): string {
  const env = ctx.result.environment;
  const { viewport, deviceScaleFactor, battery } = env.device;
  const viewportText = viewport
    ? `${f.num(viewport.width)} × ${f.num(viewport.height)} px${deviceScaleFactor !== undefined ? ` @${f.num(deviceScaleFactor, 2)}x` : ''}`
    : null;
  const batteryText = battery ? `${f.num(battery.capacityMah)} mAh · ${f.num(battery.voltageV, 2)} V` : null;
  return `<div class="card"><h3>${t(f, 'envDevice')}</h3>${kv(f, [
    ['device', escOrNull(env.device.name)],
    ['envProfileId', `<code>${esc(env.device.id)}</code>`],
    ['envViewport', escOrNull(viewportText)],
    ['envCpuSlowdown', `×${esc(f.num(env.emulation.cpuSlowdownFactor, 2))}`],
    ['envBattery', escOrNull(batteryText)],
  ])}</div>`;
}

/** The host calibration card: benchmark indexes and method, from the host calibration or the energy source's. */
function calibrationCard(ctx: Context, f: Fmt): string {
  const env = ctx.result.environment;
  const calibration = env.hostCalibration ?? null;
  // The calibration the model used (the same measure, with the reference index), when the energy is modelled.
  const sourceCalibration = env.energySource?.kind === 'model' ? env.energySource.calibration : null;
  const benchmark = calibration?.benchmarkIndex ?? sourceCalibration?.benchmarkIndex ?? null;
  const hostBenchmark = calibration?.hostBenchmarkIndex ?? sourceCalibration?.hostBenchmarkIndex ?? null;
  const referenceBenchmark = sourceCalibration?.referenceBenchmarkIndex ?? null;
  const method = calibration?.method ?? sourceCalibration?.method ?? null;
  return `<div class="card wide"><h3>${t(f, 'envCalibration')}</h3>${
    benchmark === null && hostBenchmark === null
      ? `<p class="muted">${t(f, 'envNotCalibrated')}</p>`
      : kv(f, [
          ['envBenchmark', esc(f.num(benchmark, 0))],
          ['envHostBenchmark', hostBenchmark === null ? null : esc(f.num(hostBenchmark, 0))],
          ['envReferenceBenchmark', referenceBenchmark === null ? null : esc(f.num(referenceBenchmark, 0))],
        ]) + (method ? `<p class="note method-text"><strong>${t(f, 'envCalibrationMethod')}${t(f, 'colon').trimEnd()}</strong> <span lang="en">${esc(method)}</span></p>` : '')
  }</div>`;
}

/** The methodology card: methodology, energy model, scoring profile, footprint model, factors and grid. */
function methodologyCard(ctx: Context, f: Fmt, source: EnergySourceView): string {
  const { methodology } = ctx.result.environment;
  const footprint = methodology?.footprint;
  const factors = footprint?.factors;
  const scoring = scoringOf(ctx.result);
  const grid = footprint?.grid;
  const gridIntensity = footprint?.gridIntensityGPerKWh ?? null;
  return `<div class="card"><h3>${t(f, 'envMethodology')}</h3>${kv(f, [
    ['envMethodologyVersion', escOrNull(methodology?.version)],
    ['envEnergyModel', source.model ? esc(`${source.model} ${source.version ?? methodology?.energyModel ?? ''}`.trim()) : escOrNull(methodology?.energyModel)],
    ['envScoring', scoring.id ? esc(`${scoring.id} ${scoring.version ?? ''}`.trim()) : null],
    ['envFootprintModel', escOrNull(footprint?.version)],
    ['envFootprintFactors', factors ? esc(`${factors.id} ${factors.version}`.trim()) : null],
    ['envGrid', grid ? esc(`${grid}${gridIntensity !== null ? ` · ${f.num(gridIntensity, 2)} g CO2e/kWh` : ''}`) : null],
  ])}</div>`;
}

/** The environment section of the HTML report: device, network, host, journey, methodology, calibration, energy source. */
export function renderEnvironment(ctx: Context, f: Fmt): string {
  const { result } = ctx;
  const env = result.environment;
  const source = energySourceView(result);
  const l = f.labels;
  const kbps = (value: number | null) => (value === null ? l.dash : value >= 1000 ? `${f.num(value / 1000, 1)} ${l.unitMb}` : `${f.num(value)} ${l.unitKbps}`);

  const networkCard = `<div class="card"><h3>${t(f, 'envNetwork')}</h3>${kv(f, [
    ['network', escOrNull(env.network.name)],
    ['envProfileId', `<code>${esc(env.network.id)}</code>`],
    ['envLatency', esc(`${f.num(env.emulation.latencyMs)} ${l.unitMs}`)],
    ['envThroughput', esc(`${kbps(env.emulation.downloadKbps)} / ${kbps(env.emulation.uploadKbps)}`)],
  ])}</div>`;
  const hostCard = `<div class="card"><h3>${t(f, 'envHost')}</h3>${kv(f, [
    ['envBrowser', env.browser ? esc(`${env.browser.name} ${env.browser.version}`) : null],
    ['envPlatform', esc(`${env.host.platform} ${env.host.arch} · Node.js ${env.host.node}`)],
    ['envCpu', escOrNull(env.host.cpuModel)],
    ['envCores', esc(f.num(env.host.cpus))],
  ])}</div>`;
  const sourceCard = `<div class="card"><h3>${t(f, 'envEnergySource')}</h3><p class="note source-text">${energyLine(ctx, f)}</p>${
    source.description && energyLabelOf(result).label === 'modelled' ? `<p class="note"><span lang="en">${esc(source.description)}</span></p>` : ''
  }</div>`;
  const journeyCard = `<div class="card wide"><h3>${t(f, 'envJourney')}</h3>${kv(f, [
    ['envFile', `<code>${esc(result.journey.file)}</code>`],
    ['envSha', `<code>${esc(result.journey.sha256)}</code>`],
    ['envStart', esc(f.date(env.startedAt))],
    ['envEnd', env.finishedAt ? esc(f.date(env.finishedAt)) : null],
    ['envIterations', t(f, 'iterationsValue', { done: result.completedIterations, total: result.iterations })],
    ['envStatus', t(f, RUN_STATUS_KEYS[result.status])],
  ])}</div>`;

  return `<section id="environment" class="section" aria-labelledby="environment-h"><h2 id="environment-h">${t(f, 'envHeading')}</h2>
<div class="env-grid">${deviceCard(ctx, f)}${networkCard}${hostCard}${journeyCard}${methodologyCard(ctx, f, source)}${calibrationCard(ctx, f)}${sourceCard}</div></section>`;
}
