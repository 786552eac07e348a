/** The per-step summary table printed at the end of `ecoscore run`. */
import { constrainedSummaryLines } from '../report/constrained-text.js';
import type { CampaignIndex } from '../result/campaign.js';
import type { HistoryEntry } from '../result/history.js';
import {
  ENERGY_LABEL_TEXT,
  energyLabelOf,
  englishText,
  gradeStatusOf,
  gradeStatusSentence,
  isGraded,
  recordGradeStatus,
  scoreText,
  stepEnergyBasis,
  stepGap,
  stepGapPhrase,
  stepGrade,
  toUah,
} from '../report/grade-view.js';
import { REPORT_LABELS } from '../report/i18n.js';
import { warningsOf } from '../report/i18n-warnings.js';
import type { RawStepSample, Result, StepResult } from '../model/result.js';
import { formatBytes, formatMs, formatNumber, formatPercent } from '../shared/format.js';
import { renderTable } from './table.js';

const STATUS_MARK = { passed: '✓', failed: '✗', skipped: '–' } as const;

/** A step's ecoscore cell: one decimal and its grade (`steps[].grade`), or `–`. */
function stepScore(step: StepResult): string {
  const score = step.scores?.ecoscore;
  if (score === null || score === undefined) return '–';
  const grade = stepGrade(step);
  return `${scoreText(score)}${grade ? ` ${grade}` : ''}`;
}

/** The journey's headline: ecoscore, grade and sub-scores with one decimal, or "no grade" and why. */
export function headlineLine(result: Result): string {
  const summary = result.summary;
  const status = gradeStatusOf(result);
  if (!isGraded(status) || summary.ecoscore === null) return `ecoscore: NO GRADE — ${gradeStatusSentence(status)}`;
  const spread = summary.spread?.ecoscore;
  const spreadText = spread && spread.cv !== null ? ` (min ${scoreText(spread.min)}, max ${scoreText(spread.max)}, cv ${formatPercent(spread.cv)} over ${spread.n})` : '';
  const scores = summary.scores;
  return (
    `ecoscore ${scoreText(summary.ecoscore)} / 100, grade ${summary.grade}${spreadText}` +
    (scores ? ` — energy ${scoreText(scores.energy)}, performance ${scoreText(scores.performance)}, data ${scoreText(scores.data)}` : '')
  );
}

/** The energy source line, with the one label every output prints. */
export function energySourceLine(result: Result): string | null {
  const energy = energyLabelOf(result);
  if (energy.label === 'unknown' && !energy.description) return null;
  const counts = energy.label === 'partly-measured' && energy.measuredSteps !== null ? ` (${energy.measuredSteps} step(s) measured, ${energy.modelledSteps ?? 0} modelled)` : '';
  const reason = energy.reason ? ` — modelled because: ${energy.reason}` : '';
  return `energy source: ${ENERGY_LABEL_TEXT[energy.label]}${counts}${energy.description ? ` — ${energy.description}` : ''}${reason}`;
}

/** The table of a result's steps with their median figures and scores, and the journey's headline. */
export function renderSummary(result: Result): string {
  const perStepBasis = energyLabelOf(result).label === 'partly-measured';
  const rows = result.steps.map((step) => {
    const added = toUah(step.metrics.excessEnergyMah);
    const basis = perStepBasis ? stepEnergyBasis(step) : null;
    return [
      `${STATUS_MARK[step.status]} ${step.name}`,
      step.type + (step.critical ? '*' : ''),
      formatMs(step.metrics.responseMs),
      formatBytes(step.metrics.bytes),
      formatNumber(step.metrics.requests),
      formatMs(step.metrics.cpuMs),
      added === null ? '–' : `${formatNumber(added, added < 10 ? 1 : 0)}${basis ? (basis.basis === 'measured' ? ' m' : ' ~') : ''}`,
      scoreText(step.scores?.energy),
      scoreText(step.scores?.performance),
      scoreText(step.scores?.data),
      stepScore(step),
      step.ecoindex ? `${step.ecoindex.score} ${step.ecoindex.grade}` : '–',
    ];
  });
  const totals = result.summary.totals;
  rows.push(['total', '', '', formatBytes(totals.bytes), formatNumber(totals.requests), formatMs(totals.cpuMs), '', '', '', '', '', '']);
  const table = renderTable(['step', 'type', 'response', 'transfer', 'req', 'cpu', 'µAh', 'energy', 'perf', 'data', 'score', 'ecoindex'], rows);
  const summary = result.summary;
  const lines: string[] = [
    table,
    `(* critical step; medians over ${result.completedIterations} iteration(s); response = from the last input to the end of the wait and requests (what performance is scored on); ` +
      `µAh = charge the step adds to an idle phone (what energy is scored on)${perStepBasis ? ', m measured, ~ modelled' : ''}; data = transferred bytes incl. headers; ` +
      'ecoindex = EcoIndex of the step, cold loads only, not under ecoindex.fr’s conditions)',
  ];
  for (const step of result.steps) {
    const gap = stepGap(step);
    if (gap && gap.kind !== 'reference') lines.push(`  ${step.name}: ${englishText(stepGapPhrase(gap, REPORT_LABELS.en))}`);
  }
  lines.push('', headlineLine(result));
  if (summary.footprint) {
    lines.push(
      `footprint per journey: ${summary.footprint.ghgGrams.toFixed(3)} g CO2e, ${(summary.footprint.waterLitres * 1000).toFixed(1)} mL water, ` +
        `${summary.footprint.adpKgSbEq.toExponential(2)} kg Sb eq (grid ${String((result.environment.methodology as { footprint?: { grid?: string } } | undefined)?.footprint?.grid ?? '?')})`,
    );
  }
  const energy = energySourceLine(result);
  if (energy) lines.push(energy);
  lines.push(...constrainedSummaryLines(result));
  for (const warning of warningsOf(result)) lines.push(`warning: ${warning.message}`);
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
    c.ecoscore === null ? (c.status === 'pending' ? '–' : 'no grade') : `${scoreText(c.ecoscore)} ${c.grade ?? ''}`.trimEnd(),
    scoreText(c.scores?.energy),
    scoreText(c.scores?.performance),
    scoreText(c.scores?.data),
    formatBytes(c.totals.bytes),
    formatNumber(c.totals.energyMah, 3),
    formatPercent(c.ecoscoreCv),
    c.wallTimeMs === null ? '–' : formatMs(c.wallTimeMs),
  ]);
  const table = renderTable(['combination', 'status', 'ecoscore', 'energy', 'perf', 'data', 'transfer', 'mAh', 'cv', 'wall time'], rows);
  const lines = [`${index.name}${index.shard ? ` (shard ${index.shard.index}/${index.shard.total})` : ''}: ${index.status}`, table];
  for (const c of index.combinations) {
    if (c.ecoscore === null && c.status !== 'pending') lines.push(`  ${c.id}: ${gradeStatusSentence(recordGradeStatus(c))}`);
  }
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
      entry.ecoscore === null ? 'no grade' : `${scoreText(entry.ecoscore)} ${entry.grade ?? ''}`.trimEnd(),
      change === null ? '' : `${change > 0 ? '+' : ''}${change.toFixed(1)}`,
      formatPercent(entry.ecoscoreCv),
      formatBytes(entry.totals.bytes),
      entry.status,
    ];
  });
  const table = renderTable(['date (UTC)', 'journey', 'commit', 'branch', 'ecoscore', 'change', 'cv', 'transfer', 'status'], rows);
  const notes = entries
    .filter((entry) => entry.ecoscore === null)
    .map((entry) => `  ${entry.date.replace('T', ' ').slice(0, 16)} ${entry.journey.name}: ${gradeStatusSentence(recordGradeStatus(entry))}`);
  return [table, ...notes].join('\n');
}
