/** The per-step summary table printed at the end of `ecoscore run`. */
import type { RawStepSample, Result } from '../result/schema.js';
import { formatBytes, formatMs, formatNumber } from '../shared/format.js';
import { renderTable } from './table.js';

const STATUS_MARK = { passed: '✓', failed: '✗', skipped: '–' } as const;

/** The table of a result's steps with their median figures. */
export function renderSummary(result: Result): string {
  const rows = result.steps.map((step) => [
    `${STATUS_MARK[step.status]} ${step.name}`,
    step.type + (step.critical ? '*' : ''),
    formatMs(step.metrics.durationMs),
    formatMs(step.metrics.readyMs),
    formatBytes(step.metrics.bytes),
    formatNumber(step.metrics.requests),
    formatMs(step.metrics.cpuMs),
    formatNumber(step.metrics.domElements),
    formatBytes(step.metrics.memoryBytes),
  ]);
  const totals = result.summary.totals;
  rows.push(['total', '', formatMs(totals.durationMs), '', formatBytes(totals.bytes), formatNumber(totals.requests), formatMs(totals.cpuMs), '', '']);
  const table = renderTable(['step', 'type', 'duration', 'ready', 'data', 'requests', 'cpu', 'dom', 'js heap'], rows);
  const lines = [table, `(* critical step; medians over ${result.completedIterations} iteration(s); data = transferred bytes incl. headers)`];
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}

/** One line for a finished step, for logs. */
export function renderStepLine(iteration: number, iterations: number, sample: RawStepSample): string {
  const mark = STATUS_MARK[sample.status];
  const figures = `${formatMs(sample.durationMs)}  ${formatBytes(sample.bytes)}  ${formatNumber(sample.requests)} req  cpu ${formatMs(sample.cpuMs)}`;
  const tail = sample.status === 'failed' ? `  FAILED: ${sample.error ?? ''}` : '';
  return `  ${mark} [${iteration}/${iterations}] ${sample.step.padEnd(24)} ${figures}${tail}`;
}
