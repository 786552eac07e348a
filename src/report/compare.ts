/**
 * Renderers of a comparison (`ecoscore compare`): plain text for logs, Markdown for a PR comment or a job
 * summary, JSON for scripts. Pure: a Comparison and budget check in, text out.
 */
import type { BudgetCheck } from '../result/budget.js';
import type { Comparison, Delta } from '../result/compare.js';
import type { Result } from '../model/result.js';
import { gradeStatusOf, gradeStatusSentence, isGraded, scoreText, type GradeStatus } from './grade-view.js';
import { escapeMarkdown } from './markdown.js';

/** Whether one side of a comparison has a grade, and why not (its `summary.status`). */
export interface CompareGrade {
  ecoscore: number | null;
  grade: string | null;
  status: GradeStatus;
  /** The English sentence of `status` (`graded` when it has a grade). */
  reason: string;
}

/** What the renderers show. */
export interface CompareReport {
  comparison: Comparison;
  budget: BudgetCheck | null;
  /** True when the gate fails (a regression or a broken budget). */
  failed: boolean;
  /** Grades of base and head with the reason when one has none (read from the two results by {@link compareGrades}). */
  grades?: { base: CompareGrade; head: CompareGrade };
}

/** The grades of base and head, each with its status: what the renderers show of "no grade without the data". */
export function compareGrades(base: Result, head: Result): { base: CompareGrade; head: CompareGrade } {
  const of = (result: Result): CompareGrade => {
    const status = gradeStatusOf(result);
    const graded = isGraded(status);
    return { ecoscore: graded ? result.summary.ecoscore : null, grade: graded ? result.summary.grade : null, status, reason: gradeStatusSentence(status) };
  };
  return { base: of(base), head: of(head) };
}

/** One side's ecoscore as shown: `72.3 B`, or `no grade`. */
function sideText(report: CompareReport, side: 'base' | 'head'): string {
  const grade = report.grades?.[side];
  if (!grade) return scoreText(report.comparison[side].ecoscore);
  return isGraded(grade.status) ? `${scoreText(grade.ecoscore)}${grade.grade ? ` ${grade.grade}` : ''}` : 'no grade';
}

/** The sides without a grade, with the reason. */
function ungradedSides(report: CompareReport): { side: 'base' | 'head'; reason: string }[] {
  return (['base', 'head'] as const).filter((side) => report.grades && !isGraded(report.grades[side].status)).map((side) => ({ side, reason: report.grades![side].reason }));
}

/** A delta's value: scores with exactly one decimal (the value graded), metrics as {@link number}. */
function value(delta: Delta, which: 'base' | 'head'): string {
  return delta.kind === 'score' ? scoreText(delta[which]) : number(delta[which]);
}

/** A delta's change: scores with one decimal, metrics as {@link signed}. */
function change(delta: Delta): string {
  if (delta.kind !== 'score') return signed(delta.delta);
  return delta.delta === null ? '–' : `${delta.delta > 0 ? '+' : ''}${delta.delta.toFixed(1)}`;
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
  return `${delta.scope} · ${delta.figure}: ${value(delta, 'base')} → ${value(delta, 'head')}, ${change(delta)}${relative}, ${noise}`;
}

/** Plain text for CI logs. */
export function renderCompareText(report: CompareReport): string {
  const { comparison, budget } = report;
  const lines = [
    `ecoscore ${sideText(report, 'base')} → ${sideText(report, 'head')} (${comparison.head.journey})`,
    ...ungradedSides(report).map(({ side, reason }) => `${side}: ${reason}`),
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
    `### Ecoscore: ${sideText(report, 'base')} → ${sideText(report, 'head')} ${report.failed ? '❌' : '✅'}`,
    '',
    ...ungradedSides(report).flatMap(({ side, reason }) => [`⛔ **${side}**: ${escapeMarkdown(reason)}`, '']),
    `Journey: ${escapeMarkdown(comparison.head.journey)}`,
    '',
    '| | base | head | change | noise (±) | |',
    '|---|---:|---:|---:|---:|---|',
    ...journey.map((delta) => `| ${escapeMarkdown(delta.figure)} | ${value(delta, 'base')} | ${value(delta, 'head')} | ${change(delta)} | ${delta.noise === null ? '–' : number(delta.noise)} | ${mark(delta)} |`),
    '',
  ];
  const steps = comparison.deltas.filter((delta) => delta.scope !== 'journey' && (delta.regression || delta.improvement));
  if (steps.length) {
    out.push('| step | figure | base | head | change | |', '|---|---|---:|---:|---:|---|');
    for (const delta of steps) {
      out.push(`| ${escapeMarkdown(delta.scope)} | ${delta.figure} | ${value(delta, 'base')} | ${value(delta, 'head')} | ${change(delta)}${delta.relative === null ? '' : ` (${signed(delta.relative * 100)} %)`} | ${mark(delta)} |`);
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
