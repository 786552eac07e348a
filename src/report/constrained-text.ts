/**
 * The DEV.1.4 comparison (`ecoscore run --constrained`) as text: a Markdown section for report.md and a few
 * lines for the CLI summary, in English (the labels of i18n-constrained.ts).
 */
import type { Result } from '../model/result.js';
import { formatBytes, formatMs } from '../shared/format.js';
import { EN_LABELS_CONSTRAINED as L } from './i18n-constrained.js';
import { fillLabel } from './i18n.js';

type Section = NonNullable<Result['constrained']>;
type Figures = Section['steps'][number]['usual'];

const IDLE = new Set(['reference', 'pause']);

function completed(figures: Figures): string {
  return figures.status === 'skipped' ? L.constrainedNotRun : figures.status === 'passed' ? L.constrainedYes : `**${L.constrainedNo}**`;
}

function quoted(names: string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
}

/** The facts of the comparison: completed steps, those that did not complete, the slowest. */
function facts(section: Section): string[] {
  if (section.error) return [fillLabel(L.constrainedError, { error: section.error })];
  return [
    fillLabel(L.constrainedCompleted, { completed: section.completedSteps, total: section.totalSteps }),
    ...(section.notCompleted.length > 0 ? [fillLabel(L.constrainedNotCompleted, { steps: quoted(section.notCompleted) })] : []),
    ...(section.slowest.length > 0 ? [fillLabel(L.constrainedSlowest, { steps: quoted(section.slowest.map((index) => section.steps[index]?.name ?? String(index))) })] : []),
  ];
}

function intro(section: Section): string {
  return fillLabel(L.constrainedIntro, {
    iterations: section.iterations,
    device: section.device.name,
    slowdown: section.device.cpuSlowdownFactor,
    network: section.network.name,
    downKbps: section.network.downloadKbps,
    latencyMs: section.network.latencyMs,
  });
}

/** The report.md section, or nothing without a constrained replay. `escape` escapes step names for Markdown. */
export function constrainedMarkdown(result: Result, escape: (text: string) => string): string[] {
  const section = result.constrained;
  if (!section) return [];
  const usual = `${result.environment.device.id}, ${result.environment.network.id}`;
  const constrained = `${section.device.id}, ${section.network.id}`;
  const lines = [`### ${L.constrainedHeading}`, '', escape(intro(section)), '', escape(L.constrainedShows), '', `**${escape(L.constrainedDoesNot)}**`, ''];
  lines.push(...facts(section).map((fact) => `- ${escape(fact)}`), '');
  if (section.steps.length > 0) {
    lines.push(
      `| Step | Completed (${usual}) | Duration (${usual}) | Bytes (${usual}) | Completed (${constrained}) | Duration (${constrained}) | Bytes (${constrained}) | Factor |`,
      '|---|---|---:|---:|---|---:|---:|---:|',
      ...section.steps.map((step) => {
        const factor = IDLE.has(step.type) ? L.constrainedIdle : step.slowdown === null ? '–' : `×${step.slowdown.toFixed(2)}`;
        const cells = (figures: Figures) => `${completed(figures)} | ${formatMs(figures.durationMs)} | ${formatBytes(figures.bytes)}`;
        return `| ${escape(step.name)} | ${cells(step.usual)} | ${cells(step.constrained)} | ${section.slowest.includes(step.index) ? `**${factor}**` : factor} |`;
      }),
      '',
    );
  }
  lines.push(escape(fillLabel(L.constrainedResult, { file: section.resultFile })), '');
  return lines;
}

/** Lines for the CLI summary, or none without a constrained replay. */
export function constrainedSummaryLines(result: Result): string[] {
  const section = result.constrained;
  if (!section) return [];
  return [`constrained (${section.device.id}, ${section.network.id}, not scored): ${facts(section).join(' ')}`];
}
