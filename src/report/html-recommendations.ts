/** The Lighthouse recommendations section of the HTML report (`ecoscore run --lighthouse`, issue 7). */
import type { StepResult } from '../model/result.js';
import { esc } from './html-format.js';
import { auditLabelKey } from './html-model.js';
import { t, type Context, type Fmt } from './html-parts.js';
import type { LabelKey } from './i18n.js';

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

export function renderRecommendations(ctx: Context, f: Fmt): string {
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
