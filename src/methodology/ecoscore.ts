/**
 * Ecoscore: per-step energy, performance and data sub-scores (0..100) from the thresholds of a scoring
 * profile, and the journey score (critical steps weigh 0.7, others 0.3).
 *
 * The method follows the public description of the official ecoscore (Greenspector, summarised in
 * shared/DOMAIN.md): thresholds per step type, separate web and mobile data thresholds, linear
 * interpolation between threshold points, energy as a discharge rate compared with the reference step,
 * performance not scored for pause steps, global score = mean of the three sub-scores, critical steps
 * weighing 0.7 and the others 0.3. The official thresholds are not published: the default profile
 * (`src/profiles/scoring/default.json`) holds this project's own, each anchored on a cited public figure;
 * users plug in others with {@link parseScoringProfile}. See docs/methodology.md, "Ecoscore".
 *
 * Null rule: a sub-score whose input was not measured is `null`, never 0; `null`s are left out of means.
 *
 * Pure: no I/O, no clock.
 */
import type { StepType } from '../journey/schema.js';
import {
  defaultScoringProfile,
  parseScoringProfile,
  type EnergyMetric,
  type ScoringProfile,
  type ThresholdPoint,
} from '../profiles/scoring/index.js';
import { weightedMean } from './stats.js';

export { defaultScoringProfile, parseScoringProfile, type ScoringProfile, type ThresholdPoint };

/** `web` for any browser target (desktop or mobile browser); `mobile` for a native app. */
export type ScoringPlatform = 'web' | 'mobile';

/** What {@link scoreStep} needs of a step (medians over iterations, as in result.json). */
export interface StepScoreInput {
  readonly type: StepType;
  /** Critical steps weigh more in the journey score; not used for the step's own scores. */
  readonly critical: boolean;
  readonly platform: ScoringPlatform;
  readonly metrics: {
    /** Battery discharge rate during the step, µAh/s. */
    readonly dischargeUahPerS: number | null;
    /** Wall time of the step, ms. */
    readonly durationMs: number | null;
    /** Time from the step's start until its last wait condition was met, ms; null without one. */
    readonly readyMs: number | null;
    /** Transferred bytes (`encodedDataLength`). */
    readonly bytes: number | null;
  };
}

/** The reference step's discharge rate (idle blank screen), µAh/s. */
export interface ReferenceDischarge {
  readonly dischargeUahPerS: number | null;
}

/** Sub-scores and ecoscore of one step, each 0..100 or null (not measured, or not applicable). */
export interface StepScores {
  energy: number | null;
  performance: number | null;
  data: number | null;
  /** Mean of the sub-scores that apply and are not null; null when none. */
  ecoscore: number | null;
}

/** Which profile produced a score (recorded in result.json). */
export interface ScoringProfileRef {
  readonly id: string;
  readonly version: string;
}

/** Journey score. */
export interface JourneyScore {
  /** Mean of the journey sub-scores that are not null; null when none. */
  ecoscore: number | null;
  /** Grade of `ecoscore` (A–G with the default profile); null when `ecoscore` is null. */
  grade: string | null;
  /** Each: weighted mean over the scored steps whose sub-score is not null (critical 0.7, others 0.3). */
  scores: { energy: number | null; performance: number | null; data: number | null };
  /** Profile id and version, to record in result.json. */
  profile: ScoringProfileRef;
  /** Steps that entered the journey score (reference steps and unscored steps are left out). */
  scoredSteps: number;
}

/** Step types for which performance is never scored (DOMAIN.md: pause steps do not count for performance). */
export const PERFORMANCE_EXCLUDED_TYPES: readonly StepType[] = Object.freeze(['pause', 'reference'] as StepType[]);

/** Step types whose performance is the time to the wait condition (`readyMs`) when there is one. */
export const READY_TIME_TYPES: readonly StepType[] = Object.freeze(['first-load', 'load'] as StepType[]);

const MORE_INFO = 'see docs/methodology.md#ecoscore';

function assertFiniteOrNull(field: string, value: unknown): asserts value is number | null {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`scoreStep: "${field}" must be a finite number or null, got ${String(value)}; ${MORE_INFO}`);
  }
}

function assertNonNegativeOrNull(field: string, value: unknown): asserts value is number | null {
  assertFiniteOrNull(field, value);
  if (value !== null && value < 0) {
    throw new Error(`scoreStep: "${field}" must not be negative, got ${value}; ${MORE_INFO}`);
  }
}

/**
 * Score of `value` on a threshold curve: linear interpolation between the two points around `value`,
 * the first point's score below the first value, the last point's score above the last value, clamped to
 * 0..100. Points must be sorted by strictly increasing value (as the scoring schema enforces).
 *
 * @param value - measured value in the unit of the points (ratio, µAh/s, ms or bytes)
 * @param points - at least one `{ value, score }`
 * @returns a score in 0..100
 * @throws Error when `value` is not a finite number or `points` is empty or unsorted
 */
export function scoreFromThresholds(value: number, points: ReadonlyArray<ThresholdPoint>): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`scoreFromThresholds: "value" must be a finite number, got ${String(value)}; ${MORE_INFO}`);
  }
  if (!Array.isArray(points) || points.length === 0) {
    throw new Error(`scoreFromThresholds: "points" is empty; at least one { value, score } is needed; ${MORE_INFO}`);
  }
  for (let i = 1; i < points.length; i++) {
    if (!((points[i] as ThresholdPoint).value > (points[i - 1] as ThresholdPoint).value)) {
      throw new Error(`scoreFromThresholds: points[${i}].value must be greater than points[${i - 1}].value; ${MORE_INFO}`);
    }
  }
  const clamp = (score: number) => Math.min(100, Math.max(0, score));
  const first = points[0] as ThresholdPoint;
  if (value <= first.value) return clamp(first.score);
  for (let i = 1; i < points.length; i++) {
    const lower = points[i - 1] as ThresholdPoint;
    const upper = points[i] as ThresholdPoint;
    if (value <= upper.value) {
      const t = (value - lower.value) / (upper.value - lower.value);
      return clamp(lower.score + t * (upper.score - lower.score));
    }
  }
  return clamp((points[points.length - 1] as ThresholdPoint).score);
}

/**
 * The value the energy thresholds are compared with, in the profile's `energyMetric`:
 * `dischargeRatio` = step / reference; `dischargeExcessUahPerS` = step − reference (µAh/s);
 * `dischargeUahPerS` = step (µAh/s). Null when the step's rate is null, or when the metric needs a
 * reference and there is none (or its rate is null or not positive).
 */
export function energyValue(
  metric: EnergyMetric,
  dischargeUahPerS: number | null,
  reference: ReferenceDischarge | null,
): number | null {
  if (dischargeUahPerS === null) return null;
  if (metric === 'dischargeUahPerS') return dischargeUahPerS;
  const referenceRate = reference?.dischargeUahPerS ?? null;
  if (referenceRate === null || !(referenceRate > 0)) return null;
  return metric === 'dischargeRatio' ? dischargeUahPerS / referenceRate : dischargeUahPerS - referenceRate;
}

/**
 * The duration the performance thresholds are compared with, ms: for `first-load` and `load`, the time to
 * the step's wait condition (`readyMs`) when present, else `durationMs`; for other types, `durationMs`;
 * null for pause and reference steps (not scored) and when not measured.
 */
export function performanceValue(step: Pick<StepScoreInput, 'type' | 'metrics'>): number | null {
  if (PERFORMANCE_EXCLUDED_TYPES.includes(step.type)) return null;
  if (READY_TIME_TYPES.includes(step.type) && step.metrics.readyMs !== null) return step.metrics.readyMs;
  return step.metrics.durationMs;
}

function meanOfPresent(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length > 0 ? present.reduce((sum, value) => sum + value, 0) / present.length : null;
}

/**
 * Sub-scores and ecoscore of one step.
 *
 * - energy: the step's discharge rate in the profile's `energyMetric` (by default, the ratio to the
 *   reference step's rate), scored on the step type's energy thresholds; null when the rate or the needed
 *   reference is missing, or when the type has no energy thresholds (the reference step itself);
 * - performance: {@link performanceValue} on the type's performance thresholds; always null for pause
 *   and reference steps;
 * - data: bytes on the type's `web` or `mobile` data thresholds;
 * - ecoscore: mean of the sub-scores that are not null; null when all are null.
 *
 * @param step - type, platform and medians of the step
 * @param reference - the reference step's discharge rate, or null when the journey has none
 * @param profile - scoring profile (default: {@link defaultScoringProfile})
 * @throws Error when a metric is NaN, infinite or negative (discharge rates may not be negative either)
 */
export function scoreStep(
  step: StepScoreInput,
  reference: ReferenceDischarge | null,
  profile: ScoringProfile = defaultScoringProfile,
): StepScores {
  const { metrics } = step;
  assertNonNegativeOrNull('metrics.dischargeUahPerS', metrics.dischargeUahPerS);
  assertNonNegativeOrNull('metrics.durationMs', metrics.durationMs);
  assertNonNegativeOrNull('metrics.readyMs', metrics.readyMs);
  assertNonNegativeOrNull('metrics.bytes', metrics.bytes);
  if (reference !== null) assertFiniteOrNull('reference.dischargeUahPerS', reference.dischargeUahPerS);
  const thresholds = profile.steps[step.type];
  if (!thresholds) throw new Error(`scoreStep: the scoring profile "${profile.id}" has no thresholds for step type "${step.type}"; ${MORE_INFO}`);
  if (step.platform !== 'web' && step.platform !== 'mobile') {
    throw new Error(`scoreStep: "platform" must be "web" or "mobile", got ${String(step.platform)}; ${MORE_INFO}`);
  }

  const energyInput = thresholds.energy ? energyValue(profile.energyMetric, metrics.dischargeUahPerS, reference) : null;
  const energy = thresholds.energy && energyInput !== null ? scoreFromThresholds(energyInput, thresholds.energy.points) : null;

  const performanceInput = thresholds.performance ? performanceValue(step) : null;
  const performance =
    thresholds.performance && performanceInput !== null ? scoreFromThresholds(performanceInput, thresholds.performance.points) : null;

  const dataThresholds = thresholds.data[step.platform];
  const data = metrics.bytes !== null ? scoreFromThresholds(metrics.bytes, dataThresholds.points) : null;

  return { energy, performance, data, ecoscore: meanOfPresent([energy, performance, data]) };
}

/**
 * Grade of an ecoscore: the first bound whose `min` the score strictly exceeds, else the lowest grade.
 * With the default profile (EcoIndex bounds): A > 80, B > 70, C > 55, D > 40, E > 25, F > 10, else G
 * (so exactly 80 is B).
 *
 * @param score - ecoscore in 0..100
 * @param grades - grade bounds of a scoring profile (default: those of {@link defaultScoringProfile})
 * @throws Error when the score is not a finite number in 0..100
 */
export function ecoscoreGrade(score: number, grades: ScoringProfile['grades'] = defaultScoringProfile.grades): string {
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new Error(`ecoscoreGrade: "score" must be a finite number between 0 and 100, got ${String(score)}; ${MORE_INFO}`);
  }
  for (const bound of grades.bounds) {
    if (score > bound.min) return bound.grade;
  }
  return grades.lowestGrade;
}

/** A step as {@link scoreJourney} reads it. */
export interface JourneyStepScores {
  readonly type: StepType;
  readonly critical: boolean;
  /** Scores from {@link scoreStep}; null for a step that was not scored (e.g. failed). */
  readonly scores: Pick<StepScores, 'energy' | 'performance' | 'data'> | null;
}

/**
 * Journey score.
 *
 * Each journey sub-score (energy, performance, data) is the weighted mean of that sub-score over the
 * steps where it is not null, a critical step weighing `profile.weights.critical` (0.7) and any other
 * `profile.weights.normal` (0.3). The journey ecoscore is the mean of the journey sub-scores that are
 * not null (the official global score is the mean of the three sub-scores), graded with
 * {@link ecoscoreGrade}.
 *
 * Reference steps are left out: the reference is the idle baseline the energy of the other steps is
 * compared with, not part of what the user does; scoring it would add a step that scores well by
 * construction and reward long baselines. Steps with `scores: null` are left out too.
 *
 * @param steps - the journey's steps in order, with their scores
 * @param profile - scoring profile (default: {@link defaultScoringProfile})
 */
export function scoreJourney(
  steps: ReadonlyArray<JourneyStepScores>,
  profile: ScoringProfile = defaultScoringProfile,
): JourneyScore {
  const scored = steps.filter((step) => step.type !== 'reference' && step.scores !== null);
  const weightOf = (step: JourneyStepScores) => (step.critical ? profile.weights.critical : profile.weights.normal);
  const journeyMean = (name: 'energy' | 'performance' | 'data'): number | null => {
    const pairs = scored
      .filter((step) => step.scores?.[name] !== null && step.scores?.[name] !== undefined)
      .map((step) => ({ value: step.scores?.[name] as number, weight: weightOf(step) }));
    // Clamped: a mean of scores in 0..100 is in 0..100 up to rounding errors.
    return pairs.length > 0 ? Math.min(100, Math.max(0, weightedMean(pairs))) : null;
  };
  const scores = { energy: journeyMean('energy'), performance: journeyMean('performance'), data: journeyMean('data') };
  const ecoscore = meanOfPresent([scores.energy, scores.performance, scores.data]);
  return {
    ecoscore,
    grade: ecoscore === null ? null : ecoscoreGrade(ecoscore, profile.grades),
    scores,
    profile: { id: profile.id, version: profile.version },
    scoredSteps: scored.length,
  };
}
