/**
 * Ecoscore (methodology 2.0): per-step energy, performance and data sub-scores (0..100) from the curves of a
 * resolved scoring profile, and the journey score.
 *
 * Following the public description of the official method: thresholds per step type, separate web and mobile
 * data thresholds, linear interpolation, performance not scored for pause steps, the global score as the mean of
 * the three sub-scores, critical steps weighing 0.7 and the others 0.3, a reference step (see docs/methodology.md
 * for what is published and what is *reported, unverified*). Our own choices, documented there:
 * - energy is the **excess charge** a step's work adds to an idle phone (µAh), not a discharge rate, so that
 *   neither idle time nor slowness can improve it;
 * - the journey sub-score is a **deficit sum**: each step's shortfall from 100 is weighted (0.7 for a critical step,
 *   0.3 for the others), summed over every scored step, and divided by 0.3 × the number of steps that do the
 *   journey's work (`first-load`, `load`, `action`, `scroll`). A journey of normal steps scores the mean of its
 *   steps; a critical step's shortfall counts 7/3 times; idle steps (`pause`, `background`) add their shortfall but
 *   no count. So an idle step that does nothing leaves the journey score unchanged and one that does something lowers
 *   it, and flagging a step critical can only lower it.
 *
 * Null rule: a sub-score whose input was not measured is `null`, never 0.
 *
 * Pure: no I/O, no clock.
 */
import type { StepType } from '../journey/schema.js';
import { defaultScoringProfile, parseScoringProfile, type EnergyMetric, type ScoringProfile, type ThresholdPoint } from '../profiles/scoring/index.js';
import { weightedMean } from './stats.js';
import { scoreFromThresholds, type ResolvedScoringProfile } from './thresholds.js';

export { defaultScoringProfile, parseScoringProfile, type ScoringProfile, type ThresholdPoint };
export { scoreFromThresholds, resolveScoringProfile, type ResolvedScoringProfile } from './thresholds.js';

/** `web` for any browser target (desktop or mobile browser); `mobile` for a native app. */
export type ScoringPlatform = 'web' | 'mobile';

import { SUB_SCORES, type SubScore } from '../model/score-status.js';

export { SUB_SCORES, type SubScore };

/** What {@link scoreStep} needs of a step (one iteration's sample, or medians). */
export interface StepScoreInput {
  readonly type: StepType;
  /** Critical steps weigh more in the journey score; not used for the step's own scores. */
  readonly critical: boolean;
  readonly platform: ScoringPlatform;
  readonly metrics: {
    /** Charge the step's work adds to an idle phone, mAh (energy 2.0). */
    readonly excessEnergyMah?: number | null;
    /** Battery discharge rate during the step, µAh/s (rate-based custom profiles). */
    readonly dischargeUahPerS: number | null;
    /** Wall time of the step, ms. */
    readonly durationMs: number | null;
    /** Time from the step's start until its last wait condition was met, ms; null without one. */
    readonly readyMs: number | null;
    /** The app's response time (from the last input to the end of its wait and requests), ms (methodology 2.0). */
    readonly responseMs?: number | null;
    /** Transferred bytes (`encodedDataLength`). */
    readonly bytes: number | null;
  };
}

/** The reference step's discharge rate (idle blank screen), µAh/s: for rate-based custom profiles only. */
export interface ReferenceDischarge {
  readonly dischargeUahPerS: number | null;
}

/** Sub-scores and ecoscore of one step, each 0..100 or null. */
export interface StepScores {
  energy: number | null;
  performance: number | null;
  data: number | null;
  /** Mean of the sub-scores that apply; null when one that applies is missing, or none applies. */
  ecoscore: number | null;
  /** Sub-scores that apply to the step but whose input was not measured. */
  missing: SubScore[];
}

/** Which profile produced a score (recorded in result.json). */
export interface ScoringProfileRef {
  readonly id: string;
  readonly version: string;
}

/** Journey score. */
export interface JourneyScore {
  /** Mean of the three journey sub-scores; null when one of them is null. */
  ecoscore: number | null;
  /** Grade of `ecoscore` as displayed (one decimal); null when `ecoscore` is null. */
  grade: string | null;
  scores: Record<SubScore, number | null>;
  profile: ScoringProfileRef;
  /** Steps that entered the journey score (reference steps and unscored steps are left out). */
  scoredSteps: number;
}

/** Step types for which performance is never scored (the official method: pause steps do not count for performance). */
export const PERFORMANCE_EXCLUDED_TYPES: readonly StepType[] = Object.freeze(['pause', 'reference', 'background'] as StepType[]);

/** Step types in which the user waits while nothing is asked of the app: their scores can only lower the journey's. */
export const IDLE_STEP_TYPES: readonly StepType[] = Object.freeze(['pause', 'background', 'reference'] as StepType[]);

const MORE_INFO = 'see docs/methodology.md#ecoscore';

function assertNonNegativeOrNull(field: string, value: unknown): asserts value is number | null | undefined {
  if (value === null || value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`scoreStep: "${field}" must be a non-negative finite number or null, got ${String(value)}; ${MORE_INFO}`);
  }
}

/**
 * The value the energy curve is read at, in the profile's `energyMetric`: `excessEnergyUah` = excess charge × 1000;
 * rate-based metrics need the reference step's rate (null without it).
 */
export function energyValue(metric: EnergyMetric, metrics: StepScoreInput['metrics'], reference: ReferenceDischarge | null): number | null {
  if (metric === 'excessEnergyUah') return metrics.excessEnergyMah == null ? null : metrics.excessEnergyMah * 1000;
  const rate = metrics.dischargeUahPerS;
  if (rate === null) return null;
  if (metric === 'dischargeUahPerS') return rate;
  const referenceRate = reference?.dischargeUahPerS ?? null;
  if (referenceRate === null || !(referenceRate > 0)) return null;
  return metric === 'dischargeRatio' ? rate / referenceRate : rate - referenceRate;
}

/**
 * The duration the performance curve is read at, ms: the step's response time (`responseMs`: from its last input to
 * the end of its wait and of its requests, so that neither idle time after the step is ready nor the tool's typing
 * counts); for results recorded before 2.0, the time to the last wait (`readyMs`), else `durationMs`. Null for pause,
 * background and reference steps and when not measured.
 */
export function performanceValue(step: Pick<StepScoreInput, 'type' | 'metrics'>): number | null {
  if (PERFORMANCE_EXCLUDED_TYPES.includes(step.type)) return null;
  if (step.metrics.responseMs !== undefined) return step.metrics.responseMs;
  return step.metrics.readyMs ?? step.metrics.durationMs;
}

/**
 * Sub-scores and ecoscore of one step on a resolved profile (see the module comment).
 *
 * @param step - type, platform and figures of the step
 * @param reference - the reference step's rate, for rate-based custom profiles (null otherwise)
 * @param profile - a profile resolved for the run's device and network ({@link resolveScoringProfile})
 * @throws Error when a figure is NaN, infinite or negative
 */
export function scoreStep(step: StepScoreInput, reference: ReferenceDischarge | null, profile: ResolvedScoringProfile): StepScores {
  const { metrics } = step;
  for (const field of ['excessEnergyMah', 'dischargeUahPerS', 'durationMs', 'readyMs', 'responseMs', 'bytes'] as const) assertNonNegativeOrNull(`metrics.${field}`, metrics[field]);
  const thresholds = profile.steps[step.type];
  if (!thresholds) throw new Error(`scoreStep: the scoring profile "${profile.id}" has no thresholds for step type "${step.type}"; ${MORE_INFO}`);
  if (step.platform !== 'web' && step.platform !== 'mobile') throw new Error(`scoreStep: "platform" must be "web" or "mobile", got ${String(step.platform)}; ${MORE_INFO}`);
  const missing: SubScore[] = [];
  const score = (name: SubScore, points: ThresholdPoint[] | null, value: number | null): number | null => {
    if (points === null) return null;
    if (value === null) {
      missing.push(name);
      return null;
    }
    return scoreFromThresholds(value, points);
  };
  const energy = score('energy', thresholds.energy?.points ?? null, energyValue(profile.energyMetric, metrics, reference));
  const performance = score('performance', PERFORMANCE_EXCLUDED_TYPES.includes(step.type) ? null : (thresholds.performance?.points ?? null), performanceValue(step));
  const data = score('data', thresholds.data[step.platform].points, metrics.bytes);
  const present = [energy, performance, data].filter((value): value is number => value !== null);
  const ecoscore = missing.length > 0 || present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
  return { energy, performance, data, ecoscore, missing };
}

/**
 * Grade of an ecoscore: the first bound whose `min` the score strictly exceeds, else the lowest grade. With the
 * default profile: A > 80, B > 70, C > 55, D > 40, E > 25, F > 10, else G (so 80.0 is B).
 *
 * @param score - ecoscore in 0..100, as displayed
 * @throws Error when the score is not a finite number in 0..100
 */
export function ecoscoreGrade(score: number, grades: ScoringProfile['grades'] = defaultScoringProfile.grades): string {
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new Error(`ecoscoreGrade: "score" must be a finite number between 0 and 100, got ${String(score)}; ${MORE_INFO}`);
  }
  for (const bound of grades.bounds) if (score > bound.min) return bound.grade;
  return grades.lowestGrade;
}

/** Rounds a score to the one decimal every output displays (the grade is taken from this value). */
export function displayedScore(score: number): number {
  return Math.round(score * 10) / 10;
}

/** A step as {@link scoreJourney} reads it. */
export interface JourneyStepScores {
  readonly type: StepType;
  readonly critical: boolean;
  /** Scores from {@link scoreStep}; null for a step that was not scored. */
  readonly scores: Pick<StepScores, SubScore> | null;
}

/**
 * Journey score (`deficit-sum`, see the module comment): for each sub-score,
 * `100 − Σ_scored w × (100 − s) / (w_normal × n_work)`, clamped to 0..100, where `w` is 0.7 for a critical step and
 * 0.3 for the others, "scored" are the non-reference steps with that sub-score, and `n_work` the number of them that
 * are not idle (pause, background). Null when no work step has the sub-score. The ecoscore is the mean of the three, null when
 * one is null; its grade is taken from its displayed value. Profiles asking for `weighted-mean` get 1.x's weighted
 * mean of the step scores instead.
 */
export function scoreJourney(steps: ReadonlyArray<JourneyStepScores>, profile: Pick<ScoringProfile, 'id' | 'version' | 'weights' | 'grades' | 'aggregation'> = defaultScoringProfile): JourneyScore {
  const scored = steps.filter((step) => step.type !== 'reference' && step.scores !== null);
  const weightOf = (step: JourneyStepScores) => (step.critical ? profile.weights.critical : profile.weights.normal);
  const subScore = (name: SubScore): number | null => {
    const withIt = scored.filter((step) => step.scores![name] !== null);
    if (profile.aggregation === 'weighted-mean') {
      return withIt.length > 0 ? clamp(weightedMean(withIt.map((step) => ({ value: step.scores![name] as number, weight: weightOf(step) })))) : null;
    }
    const workSteps = withIt.filter((step) => !IDLE_STEP_TYPES.includes(step.type)).length;
    if (workSteps === 0) return null;
    const workWeight = workSteps * profile.weights.normal;
    const deficit = withIt.reduce((sum, step) => sum + weightOf(step) * (100 - (step.scores![name] as number)), 0);
    return clamp(100 - deficit / workWeight);
  };
  const scores = { energy: subScore('energy'), performance: subScore('performance'), data: subScore('data') };
  const all = [scores.energy, scores.performance, scores.data];
  const ecoscore = all.some((value) => value === null) ? null : (all as number[]).reduce((sum, value) => sum + value, 0) / 3;
  return {
    ecoscore,
    grade: ecoscore === null ? null : ecoscoreGrade(displayedScore(ecoscore), profile.grades),
    scores,
    profile: { id: profile.id, version: profile.version },
    scoredSteps: scored.length,
  };
}

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}
