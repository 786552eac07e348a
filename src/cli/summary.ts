/** The per-step summary table printed at the end of `ecoscore run`. */
import type { CampaignIndex } from '../result/campaign.js';
import type { HistoryEntry } from '../result/history.js';
import type { RawStepSample, Result } from '../result/schema.js';
import { formatBytes, formatMs, formatNumber, formatPercent } from '../shared/format.js';
import { renderTable } from './table.js';

const STATUS_MARK = { passed: '✓', failed: '✗', skipped: '–' } as const;

/** The table of a result's steps with their median figures and scores, and the journey's headline. */
export function renderSummary(result: Result): string {
  const rows = result.steps.map((step) => [
    `${STATUS_MARK[step.status]} ${step.name}`,
    step.type + (step.critical ? '*' : ''),
    formatMs(step.metrics.durationMs),
    formatBytes(step.metrics.bytes),
    formatNumber(step.metrics.requests),
    formatMs(step.metrics.cpuMs),
    formatNumber(step.metrics.dischargeUahPerS),
    formatNumber(step.scores?.energy),
    formatNumber(step.scores?.performance),
    formatNumber(step.scores?.data),
    formatNumber(step.scores?.ecoscore),
    step.ecoindex ? `${step.ecoindex.score} ${step.ecoindex.grade}` : '–',
  ]);
  const totals = result.summary.totals;
  rows.push(['total', '', formatMs(totals.durationMs), formatBytes(totals.bytes), formatNumber(totals.requests), formatMs(totals.cpuMs), '', '', '', '', '', '']);
  const table = renderTable(
    ['step', 'type', 'duration', 'transfer', 'req', 'cpu', 'µAh/s', 'energy', 'perf', 'data', 'score', 'ecoindex'],
    rows,
  );
  const summary = result.summary;
  const lines: string[] = [table, `(* critical step; medians over ${result.completedIterations} iteration(s); data = transferred bytes incl. headers)`, ''];
  if (summary.ecoscore !== null) {
    const spread = summary.spread?.ecoscore;
    const spreadText = spread && spread.cv !== null ? ` (min ${spread.min}, max ${spread.max}, cv ${formatPercent(spread.cv)} over ${spread.n})` : '';
    const scores = summary.scores;
    lines.push(
      `ecoscore ${summary.ecoscore.toFixed(1)} / 100, grade ${summary.grade}${spreadText}` +
        (scores ? ` — energy ${formatNumber(scores.energy)}, performance ${formatNumber(scores.performance)}, data ${formatNumber(scores.data)}` : ''),
    );
  } else {
    lines.push('ecoscore: not computed (no step could be scored)');
  }
  if (summary.footprint) {
    lines.push(
      `footprint per journey: ${summary.footprint.ghgGrams.toFixed(3)} g CO2e, ${(summary.footprint.waterLitres * 1000).toFixed(1)} mL water, ` +
        `${summary.footprint.adpKgSbEq.toExponential(2)} kg Sb eq (grid ${String((result.environment.methodology as { footprint?: { grid?: string } } | undefined)?.footprint?.grid ?? '?')})`,
    );
  }
  const source = result.environment.energySource as { kind?: string; description?: string } | null;
  if (source?.description) lines.push(`energy: ${source.kind === 'model' ? 'MODELLED' : 'MEASURED'} — ${source.description}`);
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}

/** One line for a finished step, for logs. */
export function renderStepLine(iteration: number, sample: RawStepSample): string {
  const mark = STATUS_MARK[sample.status];
  const figures = `${formatMs(sample.durationMs).padStart(8)}  ${formatBytes(sample.bytes).padStart(9)}  ${formatNumber(sample.requests).padStart(3)} req  cpu ${formatMs(sample.cpuMs)}`;
  const tail = sample.status === 'failed' ? `  FAILED: ${sample.error ?? ''}` : '';
  return `  ${mark} [it ${iteration}] ${sample.step.padEnd(30)} ${figures}${tail}`;
}

/** The table of a campaign's combinations. */
export function renderCampaignSummary(index: CampaignIndex): string {
  const rows = index.combinations.map((c) => [
    `${c.status === 'passed' ? '✓' : c.status === 'pending' ? '…' : '✗'} ${c.id}`,
    c.status,
    c.ecoscore === null ? '–' : `${c.ecoscore.toFixed(1)} ${c.grade}`,
    formatNumber(c.scores?.energy),
    formatNumber(c.scores?.performance),
    formatNumber(c.scores?.data),
    formatBytes(c.totals.bytes),
    formatNumber(c.totals.energyMah, 3),
    formatPercent(c.ecoscoreCv),
    c.wallTimeMs === null ? '–' : formatMs(c.wallTimeMs),
  ]);
  const table = renderTable(['combination', 'status', 'ecoscore', 'energy', 'perf', 'data', 'transfer', 'mAh', 'cv', 'wall time'], rows);
  const lines = [`${index.name}${index.shard ? ` (shard ${index.shard.index}/${index.shard.total})` : ''}: ${index.status}`, table];
  for (const warning of index.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}

/** The table of history entries, oldest first, with the change of ecoscore from one run to the next. */
export function renderHistory(entries: ReadonlyArray<HistoryEntry>, file: string): string {
  if (entries.length === 0) return `no run recorded in ${file}`;
  let previous: number | null = null;
  const rows = entries.map((entry) => {
    const change = entry.ecoscore !== null && previous !== null ? entry.ecoscore - previous : null;
    if (entry.ecoscore !== null) previous = entry.ecoscore;
    return [
      entry.date.replace('T', ' ').slice(0, 16),
      entry.journey.name.slice(0, 40),
      entry.git?.commit ? `${entry.git.commit.slice(0, 8)}${entry.git.dirty ? '+' : ''}` : '–',
      entry.git?.branch ?? '–',
      entry.ecoscore === null ? '–' : `${entry.ecoscore.toFixed(1)} ${entry.grade}`,
      change === null ? '' : `${change > 0 ? '+' : ''}${change.toFixed(1)}`,
      formatPercent(entry.ecoscoreCv),
      formatBytes(entry.totals.bytes),
      entry.status,
    ];
  });
  return renderTable(['date (UTC)', 'journey', 'commit', 'branch', 'ecoscore', 'change', 'cv', 'transfer', 'status'], rows);
}
