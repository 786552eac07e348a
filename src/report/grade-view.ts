/**
 * What every renderer shows of methodology 2.0's scoring, read from a Result once: whether the journey has a
 * grade and why not (`summary.status`), why a step shows no score, the grade of a step (`steps[].grade`, taken
 * with the scoring profile's bounds), scores with the one decimal the grade was taken from, and the one label
 * of the energy source (`energySourceLabel`).
 *
 * Older results (methodology 1.x) carry none of these fields: they read as graded when they have an ecoscore,
 * and a missing figure shows as `–`. Pure: no I/O.
 */
import { z } from 'zod';
import { displayedScore, ecoscoreGrade, PERFORMANCE_EXCLUDED_TYPES, SUB_SCORES, type SubScore } from '../methodology/ecoscore.js';
import { energySourceLabel, type EnergySourceLabel } from '../methodology/energy-source.js';
import { SCORE_STATUS_CODES, type ScoreStatus } from '../methodology/score-status.js';
import type { Result, StepResult } from '../model/result.js';
import { fillLabel, REPORT_LABELS, type LabelKey, type ReportLabels } from './i18n.js';

/**
 * Whether a journey has a grade: a {@link ScoreStatus} of methodology 2.0, or `unknown` for a code this
 * version does not know (its own English `message` is shown) or a result that does not say why it has none.
 */
export type GradeStatus =
  | ScoreStatus
  | { code: 'unknown'; message: string | null }
  /** Report-side codes for summaries that keep no `summary.status` (campaign combinations, history lines). */
  | { code: 'run-failed' }
  | { code: 'see-report' };

/**
 * A `summary.status` as a result, a campaign combination or a history line records it, read leniently: its code
 * (the one field it needs), its English message and the code's parameters, each read as its default when absent
 * or of another type.
 */
const RecordedStatusSchema = z.object({
  code: z.string(),
  message: z.string().nullable().catch(null),
  step: z.string().catch('?'),
  iterations: z.array(z.unknown()).catch([]),
  subScore: z.enum(SUB_SCORES).nullable().catch(null),
  reason: z.string().nullable().catch(null),
});

/** Reads a `summary.status` object; null when it is not one. */
export function parseGradeStatus(value: unknown): GradeStatus | null {
  const parsed = RecordedStatusSchema.safeParse(value);
  if (!parsed.success) return null;
  const { code, message, step, iterations, subScore, reason } = parsed.data;
  const known = SCORE_STATUS_CODES.find((candidate) => candidate === code);
  switch (known) {
    case undefined:
      return { code: 'unknown', message };
    case 'step-failed':
      return { code: known, step, iterations: iterations.filter((n): n is number => typeof n === 'number' && Number.isInteger(n)) };
    case 'step-skipped':
      return { code: known, step };
    case 'input-missing':
      return subScore === null ? { code: 'unknown', message } : { code: known, step, subScore, reason };
    default:
      return { code: known };
  }
}

/**
 * The grade status of a result: its `summary.status` (methodology 2.0); for an older result, `graded` when it has
 * an ecoscore, else the first reason the result shows (interrupted, still running, no reference step, a failed or
 * skipped step, no iteration), else `unknown`.
 */
export function gradeStatusOf(result: Pick<Result, 'summary' | 'steps' | 'status' | 'completedIterations'>): GradeStatus {
  const recorded = parseGradeStatus(result.summary.status);
  // A graded status without an ecoscore (or the reverse) cannot be shown as graded.
  if (recorded && (recorded.code !== 'graded' || result.summary.ecoscore !== null)) return recorded;
  if (result.summary.ecoscore !== null && result.summary.grade !== null) return { code: 'graded' };
  if (result.status === 'interrupted') return { code: 'interrupted' };
  if (result.status === 'running') return { code: 'running' };
  const failed = result.steps.find((step) => step.status === 'failed');
  if (failed) return { code: 'step-failed', step: failed.name, iterations: failed.failedIn ?? [] };
  const skipped = result.steps.find((step) => step.status === 'skipped');
  if (skipped) return { code: 'step-skipped', step: skipped.name };
  if (result.steps.length > 0 && !result.steps.some((step) => step.type === 'reference')) return { code: 'no-reference' };
  if (result.completedIterations === 0) return { code: 'no-iteration' };
  return { code: 'unknown', message: null };
}

/** True when the journey has a grade to show. */
export function isGraded(status: GradeStatus): boolean {
  return status.code === 'graded';
}

/** A label key and its values: each renderer fills (and escapes) them in its own language. */
export interface Phrase {
  key: LabelKey;
  values: Record<string, string | number>;
}

const SUB_SCORE_NAME_KEYS: Record<SubScore, LabelKey> = { energy: 'subScoreNameEnergy', performance: 'subScoreNamePerformance', data: 'subScoreNameData' };

/** The phrase of a grade status ("No grade: step “sign in” failed (iteration 2)."), in the labels' language. */
export function gradeStatusPhrase(status: GradeStatus, labels: ReportLabels): Phrase {
  switch (status.code) {
    case 'graded':
      return { key: 'gradeGraded', values: {} };
    case 'running':
      return { key: 'noGradeRunning', values: {} };
    case 'interrupted':
      return { key: 'noGradeInterrupted', values: {} };
    case 'no-iteration':
      return { key: 'noGradeNoIteration', values: {} };
    case 'no-reference':
      return { key: 'noGradeNoReference', values: {} };
    case 'no-work-step':
      return { key: 'noGradeNoWorkStep', values: {} };
    case 'step-failed':
      return status.iterations.length > 0
        ? { key: 'noGradeStepFailed', values: { step: status.step, iterations: status.iterations.join(', ') } }
        : { key: 'noGradeStepFailedAny', values: { step: status.step } };
    case 'step-skipped':
      return { key: 'noGradeStepSkipped', values: { step: status.step } };
    case 'input-missing': {
      const subScore = labels[SUB_SCORE_NAME_KEYS[status.subScore]];
      return status.reason
        ? { key: 'noGradeInputMissing', values: { step: status.step, subScore, reason: status.reason } }
        : { key: 'noGradeInputMissingNoReason', values: { step: status.step, subScore } };
    }
    case 'unknown':
      return status.message ? { key: 'noGradeOther', values: { message: status.message } } : { key: 'noGradeNotSaid', values: {} };
    case 'run-failed':
      return { key: 'noGradeRunFailed', values: {} };
    case 'see-report':
      return { key: 'noGradeSeeReport', values: {} };
  }
}

/** What {@link recordGradeStatus} reads: a campaign combination or a history line. */
export interface GradedRecord {
  ecoscore: number | null;
  status: string;
  error?: string;
  /** `summary.status` of the run, when the record keeps it. */
  scoreStatus?: unknown;
}

/**
 * Whether a campaign combination or a history line has a grade, and why not: its `scoreStatus` when it keeps
 * the run's `summary.status`, else what its run status says (interrupted, failed, could not run), else "see
 * the run's report".
 */
export function recordGradeStatus(record: GradedRecord): GradeStatus {
  if (record.ecoscore !== null) return { code: 'graded' };
  const recorded = parseGradeStatus(record.scoreStatus);
  if (recorded && recorded.code !== 'graded') return recorded;
  if (record.status === 'interrupted') return { code: 'interrupted' };
  if (record.status === 'running' || record.status === 'pending') return { code: 'running' };
  if (record.status === 'error') return { code: 'unknown', message: record.error ?? null };
  if (record.status === 'failed') return { code: 'run-failed' };
  return { code: 'see-report' };
}

/** A phrase as plain English text (CLI, Markdown and JUnit outputs), each value passed through `escape`. */
export function englishText(phrase: Phrase, escape: (text: string) => string = (text) => text): string {
  const values = Object.fromEntries(Object.entries(phrase.values).map(([name, value]) => [name, typeof value === 'string' ? escape(value) : value]));
  return fillLabel(REPORT_LABELS.en[phrase.key], values);
}

/** The English sentence of a result's grade status (`graded` when it has a grade). */
export function gradeStatusSentence(status: GradeStatus): string {
  return englishText(gradeStatusPhrase(status, REPORT_LABELS.en));
}

/**
 * A score as every output prints it: exactly one decimal, the value the grade was taken from (`80.0`, `72.3`);
 * `–` when there is none. Methodology 2.0 results hold one-decimal scores; older ones are rounded the same way.
 */
export function scoreText(score: number | null | undefined): string {
  return typeof score === 'number' && Number.isFinite(score) ? displayedScore(score).toFixed(1) : '–';
}

/**
 * The grade of a step: `steps[].grade` (methodology 2.0, the scoring profile's bounds); for an older result
 * without the field, the grade of its displayed ecoscore with the default bounds; null without a score.
 */
export function stepGrade(step: Pick<StepResult, 'grade' | 'scores'>): string | null {
  if (step.grade !== undefined) return step.grade;
  const score = step.scores?.ecoscore;
  if (typeof score !== 'number' || !Number.isFinite(score)) return null;
  try {
    return ecoscoreGrade(Math.min(100, Math.max(0, displayedScore(score))));
  } catch {
    return null;
  }
}

/** Why a step shows no score (or lacks a sub-score), or null when it has its scores. */
export type StepGap =
  | { kind: 'reference' }
  | { kind: 'failed'; iterations: number[] }
  | { kind: 'skipped' }
  | { kind: 'not-measured'; subScores: SubScore[]; probes: { probe: string; reason: string }[] };

/** Sub-scores that apply to a step type (performance is not scored for pause, background and reference steps). */
export function applicableSubScores(type: StepResult['type']): SubScore[] {
  return SUB_SCORES.filter((name) => name !== 'performance' || !PERFORMANCE_EXCLUDED_TYPES.includes(type));
}

/**
 * Why a step has no ecoscore (null when it has one): the reference step is not scored; a failed step (in any iteration, methodology
 * 2.0) or a step that never ran has no scores; otherwise the sub-scores whose input was not measured, with the
 * probes that could not measure (`steps[].unavailable`).
 */
export function stepGap(step: Pick<StepResult, 'type' | 'status' | 'scores' | 'failedIn' | 'failedIterations' | 'unavailable'>): StepGap | null {
  if (step.scores?.ecoscore != null) return null;
  if (step.type === 'reference') return { kind: 'reference' };
  if (step.status === 'skipped') return { kind: 'skipped' };
  if (step.status === 'failed' || step.failedIterations > 0) return { kind: 'failed', iterations: step.failedIn ?? [] };
  const subScores = applicableSubScores(step.type).filter((name) => step.scores?.[name] == null);
  const probes = Object.entries(step.unavailable ?? {}).map(([probe, reason]) => ({ probe, reason }));
  return { kind: 'not-measured', subScores: subScores.length > 0 ? subScores : applicableSubScores(step.type), probes };
}

/** The phrase of a step gap ("no score: failed (iteration 2)"), in the labels' language. */
export function stepGapPhrase(gap: StepGap, labels: ReportLabels): Phrase {
  switch (gap.kind) {
    case 'reference':
      return { key: 'gapReference', values: {} };
    case 'skipped':
      return { key: 'gapSkipped', values: {} };
    case 'failed':
      return gap.iterations.length > 0 ? { key: 'gapFailed', values: { iterations: gap.iterations.join(', ') } } : { key: 'gapFailedAny', values: {} };
    case 'not-measured': {
      const subScores = gap.subScores.map((name) => labels[SUB_SCORE_NAME_KEYS[name]]).join(', ');
      return gap.probes.length > 0
        ? { key: 'gapNotMeasured', values: { subScores, probes: gap.probes.map(({ probe, reason }) => `${probe}: ${reason}`).join('; ') } }
        : { key: 'gapNotMeasuredNoProbe', values: { subScores } };
    }
  }
}

/** The energy source as every output names it: the label of `energySourceLabel`, or `unknown` when not recorded. */
export interface EnergyLabelView {
  label: EnergySourceLabel | 'unknown';
  /** The source's own sentence (English). */
  description: string | null;
  /** Why the energy is modelled although a device instrument ran. */
  reason: string | null;
  /** Steps measured / modelled, for a measured source. */
  measuredSteps: number | null;
  modelledSteps: number | null;
}

/** Reads `environment.energySource` into its one label; `unknown` when the result has none. */
export function energyLabelOf(result: Pick<Result, 'environment'>): EnergyLabelView {
  const source = result.environment.energySource;
  if (!source) return { label: 'unknown', description: null, reason: null, measuredSteps: null, modelledSteps: null };
  const measured = source.kind === 'measured' ? source : null;
  return {
    label: energySourceLabel(source),
    description: source.description ?? null,
    // Why modelled: the model's own reason, or that of the model a measured source fell back on.
    reason: (source.kind === 'model' ? source.reason : measured?.fallback?.reason) ?? null,
    measuredSteps: measured?.measuredSteps ?? null,
    modelledSteps: measured?.modelledSteps ?? null,
  };
}

/** The label as the text outputs (CLI, Markdown, JUnit) print it: `energySourceLabel`'s own word, `unknown` when not recorded. */
export const ENERGY_LABEL_TEXT: Readonly<Record<EnergyLabelView['label'], string>> = {
  modelled: 'modelled',
  measured: 'measured',
  'partly-measured': 'partly-measured',
  unknown: 'unknown',
};

/** A step's energy basis (`steps[].energySource.basis`), or null for an older result. */
export function stepEnergyBasis(step: Pick<StepResult, 'energySource'>): { basis: 'measured' | 'model'; reason: string | null } | null {
  return step.energySource ? { basis: step.energySource.basis, reason: step.energySource.reason ?? null } : null;
}

/** Charge in µAh (the unit the added charge is shown in) from mAh; null stays null. */
export function toUah(mah: number | null | undefined): number | null {
  return typeof mah === 'number' && Number.isFinite(mah) ? mah * 1000 : null;
}

/**
 * Whether the "EcoIndex of the step" note applies: a methodology 2.0 result (EcoIndex of cold loads only, with
 * the main document's DOM count) with at least one step that has an EcoIndex.
 */
export function ecoindexNoteApplies(result: Pick<Result, 'environment' | 'steps'>): boolean {
  const version = result.environment.methodology?.version;
  return typeof version === 'string' && Number.parseInt(version, 10) >= 2 && result.steps.some((step) => step.ecoindex !== null);
}
