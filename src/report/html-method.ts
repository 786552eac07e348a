/** The method section of the HTML report: how the scores are made (methodology 2.0 or 1.x) and the thresholds the run used. */
import { esc } from './html-format.js';
import type { ThresholdPoints } from '../model/result.js';
import { STEP_TYPE_KEYS, methodologyVersionOf, t, type Context, type Fmt } from './html-parts.js';
import type { LabelKey } from './i18n.js';

/** The points of a curve, or null when there are none. */
const pointsOf = (points: ThresholdPoints | null): ThresholdPoints | null => (points !== null && points.length > 0 ? points : null);

function curveText(f: Fmt, points: ThresholdPoints | null, format: (value: number) => string): string {
  if (points === null) return `<span class="muted">${t(f, 'thresholdsNone')}</span>`;
  return points.map((point) => `${esc(format(point.value))} → ${esc(f.num(point.score))}`).join(' · ');
}

/** The table of `environment.methodology.thresholds` (methodology 2.0): each step type's curves; empty for older results. */
function thresholdsTable(ctx: Context, f: Fmt): string {
  const thresholds = ctx.result.environment.methodology?.thresholds;
  if (!thresholds) return '';
  const { target } = ctx.result;
  const platform = target.platform === 'web' || typeof target.browser === 'string' ? 'web' : 'mobile';
  const rows = Object.entries(thresholds)
    .map(([type, curves]) => {
      const typeLabel = type in STEP_TYPE_KEYS ? t(f, STEP_TYPE_KEYS[type as keyof typeof STEP_TYPE_KEYS]) : esc(type);
      return `<tr><th scope="row">${typeLabel}</th><td>${curveText(f, pointsOf(curves.energy), (v) => `${f.sig(v)} ${f.labels.unitUah}`)}</td><td>${curveText(f, pointsOf(curves.performance), (v) => f.ms(v))}</td><td>${curveText(f, pointsOf(curves.data[platform].points), (v) => f.bytes(v))}</td></tr>`;
    })
    .join('');
  const head = (['thresholdsType', 'thresholdsEnergy', 'thresholdsPerformance', 'thresholdsData'] as LabelKey[]).map((key) => `<th scope="col">${t(f, key)}</th>`).join('');
  return `<details class="thresholds"><summary>${t(f, 'thresholdsHeading')}</summary><div class="table-wrap"><table class="fp-table"><caption>${t(f, 'thresholdsCaption')}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

/** The method section. */
export function renderMethod(ctx: Context, f: Fmt): string {
  const given = ctx.options.methodologyHref;
  // A caller's link, but never a script: relative, file: or http(s) only.
  const href = given && (!/^[a-z][a-z0-9+.-]*:/i.test(given) || /^(https?|file):/i.test(given)) ? given : undefined;
  const file = '<code>docs/methodology.md</code>';
  const doc = `${href ? `<a href="${esc(href)}">${file}</a>` : file} ${t(f, 'methodDoc')}`;
  const version = methodologyVersionOf(ctx.result);
  const v2 = version !== null && Number.parseInt(version, 10) >= 2;
  const paragraphs: LabelKey[] = v2 ? ['methodScores2', 'methodThresholds2', 'methodEnergy2', 'methodNoGrade2'] : ['methodScores', 'methodThresholds', 'methodEnergy'];
  const versionLine = version ? `<p><strong>${t(f, 'methodVersion', { version })}</strong></p>` : '';
  return `<section id="method" class="section" aria-labelledby="method-h"><h2 id="method-h">${t(f, 'methodHeading')}</h2>
<div class="card method">${versionLine}${paragraphs.map((key) => `<p>${t(f, key)}</p>`).join('')}<p>${t(f, 'methodLink')} ${doc}.</p>${thresholdsTable(ctx, f)}</div></section>`;
}
