/**
 * Renderers of a comparison (`ecoscore compare`): plain text for logs, Markdown for a PR comment or a job
 * summary, JSON for scripts. Pure: a Comparison and budget check in, text out.
 */
import type { BudgetCheck } from '../result/budget.js';
import type { Comparison, Delta } from '../result/compare.js';
import { escapeMarkdown } from './markdown.js';

/** What the renderers show. */
export interface CompareReport {
  comparison: Comparison;
  budget: BudgetCheck | null;
  /** True when the gate fails (a regression or a broken budget). */
  failed: boolean;
}

function number(value: number | null, digits = 1): string {
  if (value === null) return '–';
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return value.toFixed(abs < 1 && value !== 0 ? 3 : digits);
}

function signed(value: number | null, digits = 1): string {
  if (value === null) return '–';
  return `${value > 0 ? '+' : ''}${number(value, digits)}`;
}

function describeDelta(delta: Delta): string {
  const relative = delta.relative === null ? '' : ` (${signed(delta.relative * 100, 1)} %)`;
  const noise = delta.noise === null ? 'noise unknown' : `noise ±${number(delta.noise)}`;
  return `${delta.scope} · ${delta.figure}: ${number(delta.base)} → ${number(delta.head)}, ${signed(delta.delta)}${relative}, ${noise}`;
}

/** Plain text for CI logs. */
export function renderCompareText(report: CompareReport): string {
  const { comparison, budget } = report;
  const lines = [
    `ecoscore ${number(comparison.base.ecoscore)} → ${number(comparison.head.ecoscore)} (${comparison.head.journey})`,
    `gate: score drop > ${comparison.options.maxDrop} points, bytes rise > ${comparison.options.tolerance * 100} % or time/energy rise > ${comparison.options.timeTolerance * 100} %, and beyond ${comparison.options.noiseFactor}× the measured noise`,
  ];
  if (comparison.regressions.length === 0) lines.push('no regression beyond noise');
  for (const delta of comparison.regressions) lines.push(`REGRESSION ${describeDelta(delta)}`);
  for (const delta of comparison.improvements) lines.push(`improvement ${describeDelta(delta)}`);
  for (const violation of budget?.violations ?? []) lines.push(`BUDGET ${violation.message}`);
  for (const warning of [...comparison.warnings, ...(budget?.warnings ?? [])]) lines.push(`warning: ${warning}`);
  if (comparison.addedSteps.length) lines.push(`steps added: ${comparison.addedSteps.join(', ')}`);
  if (comparison.removedSteps.length) lines.push(`steps removed: ${comparison.removedSteps.join(', ')}`);
  lines.push(report.failed ? 'result: FAILED' : 'result: passed');
  return lines.join('\n');
}

/** Markdown for a pull-request comment or a job summary. */
export function renderCompareMarkdown(report: CompareReport): string {
  const { comparison, budget } = report;
  const journey = comparison.deltas.filter((delta) => delta.scope === 'journey');
  const mark = (delta: Delta) => (delta.regression ? '🔴' : delta.improvement ? '🟢' : '');
  const out: string[] = [
    `### Ecoscore: ${number(comparison.base.ecoscore)} → ${number(comparison.head.ecoscore)} ${report.failed ? '❌' : '✅'}`,
    '',
    `Journey: ${escapeMarkdown(comparison.head.journey)}`,
    '',
    '| | base | head | change | noise (±) | |',
    '|---|---:|---:|---:|---:|---|',
    ...journey.map((delta) => `| ${escapeMarkdown(delta.figure)} | ${number(delta.base)} | ${number(delta.head)} | ${signed(delta.delta)} | ${delta.noise === null ? '–' : number(delta.noise)} | ${mark(delta)} |`),
    '',
  ];
  const steps = comparison.deltas.filter((delta) => delta.scope !== 'journey' && (delta.regression || delta.improvement));
  if (steps.length) {
    out.push('| step | figure | base | head | change | |', '|---|---|---:|---:|---:|---|');
    for (const delta of steps) {
      out.push(`| ${escapeMarkdown(delta.scope)} | ${delta.figure} | ${number(delta.base)} | ${number(delta.head)} | ${signed(delta.delta)}${delta.relative === null ? '' : ` (${signed(delta.relative * 100)} %)`} | ${mark(delta)} |`);
    }
    out.push('');
  }
  if (budget?.violations.length) {
    out.push('**Budgets broken**', '', ...budget.violations.map((violation) => `- ${escapeMarkdown(violation.message)}`), '');
  }
  const warnings = [...comparison.warnings, ...(budget?.warnings ?? [])];
  if (warnings.length) out.push('<details><summary>Warnings</summary>', '', ...warnings.map((warning) => `- ${escapeMarkdown(warning)}`), '', '</details>', '');
  out.push(
    `<sub>A change is a regression when a score drops by more than ${comparison.options.maxDrop} points, bytes rise by more than ${comparison.options.tolerance * 100} % or a duration or energy by more than ${comparison.options.timeTolerance * 100} %, and the change exceeds ${comparison.options.noiseFactor}× the noise measured over the iterations of both runs.</sub>`,
  );
  return out.join('\n');
}

/** JSON for scripts. */
export function renderCompareJson(report: CompareReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
