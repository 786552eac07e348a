/**
 * The DEV.1.4 section of the HTML report (`ecoscore run --constrained`): each step in the measure's conditions
 * and on the constrained profile, whether it completed, its duration and bytes, the slowest steps, and plainly
 * what an emulated profile shows and does not. `evidence/constrained.png` is drawn from this section.
 */
import type { Constrained } from '../model/result.js';
import { esc } from './html-format.js';
import { t, type Context, type Fmt } from './html-parts.js';

/** The element `constrained.png` is rendered from. */
export const CONSTRAINED_SELECTOR = '#constrained';

type Figures = Constrained['steps'][number]['usual'];

function completedCell(f: Fmt, figures: Figures): string {
  if (figures.status === 'skipped') return `<td class="muted">${t(f, 'constrainedNotRun')}</td>`;
  return figures.status === 'passed' ? `<td>${t(f, 'constrainedYes')}</td>` : `<td class="bad"><strong>${t(f, 'constrainedNo')}</strong></td>`;
}

function figureCells(f: Fmt, figures: Figures): string {
  return `${completedCell(f, figures)}<td class="num">${esc(f.ms(figures.durationMs))}</td><td class="num">${esc(f.bytes(figures.bytes))}</td>`;
}

/** The section, or '' when the run had no constrained replay. */
export function renderConstrained(ctx: Context, f: Fmt): string {
  const section = ctx.result.constrained;
  if (!section) return '';
  const usualDevice = ctx.result.environment.device.id;
  const usualNetwork = ctx.result.environment.network.id;
  const intro = t(f, 'constrainedIntro', {
    iterations: section.iterations,
    device: section.device.name,
    slowdown: f.num(section.device.cpuSlowdownFactor),
    network: section.network.name,
    downKbps: f.num(section.network.downloadKbps),
    latencyMs: f.num(section.network.latencyMs),
  });
  const head = `<section id="constrained" class="section" aria-labelledby="constrained-h"><h2 id="constrained-h">${t(f, 'constrainedHeading')}</h2>
<p class="note">${intro}</p><p class="note">${t(f, 'constrainedShows')}</p><p class="note"><strong>${t(f, 'constrainedDoesNot')}</strong></p>`;
  if (section.error) return `${head}<p class="bad">${t(f, 'constrainedError', { error: section.error })}</p></section>`;
  const names = (indexes: number[]) => indexes.map((index) => `« ${section.steps[index]?.name ?? index} »`).join(', ');
  const facts = [
    t(f, 'constrainedCompleted', { completed: section.completedSteps, total: section.totalSteps }),
    section.notCompleted.length > 0 ? t(f, 'constrainedNotCompleted', { steps: section.notCompleted.map((name) => `« ${name} »`).join(', ') }) : '',
    section.slowest.length > 0 ? t(f, 'constrainedSlowest', { steps: names(section.slowest) }) : '',
  ].filter(Boolean);
  const sub = ['constrainedColCompleted', 'constrainedColDuration', 'constrainedColBytes'] as const;
  const subHead = sub.map((key) => `<th scope="col">${t(f, key)}</th>`).join('');
  const rows = section.steps
    .map((step) => {
      const slowest = section.slowest.includes(step.index);
      const factor = step.type === 'reference' || step.type === 'pause' ? `<span class="muted">${t(f, 'constrainedIdle')}</span>` : step.slowdown === null ? '–' : `×${esc(f.num(step.slowdown, 2))}`;
      return `<tr${slowest ? ' class="slowest"' : ''}><th scope="row">${esc(step.name)}</th>${figureCells(f, step.usual)}${figureCells(f, step.constrained)}<td class="num">${slowest ? `<strong>${factor}</strong>` : factor}</td></tr>`;
    })
    .join('');
  const table = `<div class="table-wrap"><table class="fp-table"><caption>${t(f, 'constrainedCaption')}</caption>
<thead><tr><th scope="col" rowspan="2">${t(f, 'constrainedColStep')}</th><th scope="colgroup" colspan="3">${t(f, 'constrainedColUsual', { device: usualDevice, network: usualNetwork })}</th><th scope="colgroup" colspan="3">${t(f, 'constrainedColConstrained', { device: section.device.id, network: section.network.id })}</th><th scope="col" rowspan="2">${t(f, 'constrainedColSlowdown')}</th></tr>
<tr>${subHead}${subHead}</tr></thead><tbody>${rows}</tbody></table></div>`;
  return `${head}<div class="card">${facts.map((fact) => `<p>${fact}</p>`).join('')}${table}<p class="note">${t(f, 'constrainedResult', { file: section.resultFile })}</p></div></section>`;
}
