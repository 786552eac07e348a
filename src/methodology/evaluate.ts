/**
 * The methodology applied to a run (2.0): energy per sample (measured or modelled, never mixed within a step),
 * medians and spread per step, each iteration scored on its own, the headline and every spread from the same
 * per-iteration scores (median, min, max), EcoIndex of cold loads, footprints, and whether the journey can be
 * graded at all. Pure: plain data in (raw samples, profiles, calibration), plain data out.
 */
import type { Step } from '../journey/schema.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { RawStepSample, Run, StepResult } from '../model/result.js';
import { aggregateSteps } from './aggregate.js';
import {
  defaultScoringProfile,
  displayedScore,
  ecoscoreGrade,
  IDLE_STEP_TYPES,
  resolveScoringProfile,
  scoreJourney,
  scoreStep,
  SUB_SCORES,
  type JourneyScore,
  type ResolvedScoringProfile,
  type ScoringPlatform,
  type ScoringProfile,
  type StepScores,
  type SubScore,
} from './ecoscore.js';
import { computeEcoIndex } from './ecoindex.js';
import { relativeDischarge, type CpuTimeBasis, type HostCalibration } from './energy.js';
import { withEnergy } from './evaluate-energy.js';
import type { StepEnergyBasis } from './energy-source.js';
import { computeStepFootprint, describeFootprintModel, journeyFootprint, projectFootprint, type Footprint, type FootprintModelInfo, type GridRegion } from './footprint.js';
import type { ScoreStatus } from './score-status.js';
import { median, summarize } from './stats.js';

/** What the evaluation needs besides the runs. */
export interface EvaluationContext {
  steps: ReadonlyArray<Pick<Step, 'name' | 'type' | 'critical'>>;
  platform: ScoringPlatform;
  device: DeviceProfile;
  network: NetworkProfile;
  /** Host speed measured at run start; null when it could not be measured. */
  calibration: HostCalibration | null;
  /** Where CPU times were measured (default `host-emulated`). */
  cpuTimeBasis?: CpuTimeBasis;
  scoring?: ScoringProfile;
  /** Electricity grid of the footprint (default `FRA`). */
  grid?: GridRegion;
  /** Usage for the yearly projection; without it only the per-1,000-journeys projection is given. */
  usage?: { users: number; journeysPerUserPerYear: number };
  /** `running` while iterations remain, `interrupted` after Ctrl-C, else `finished` (default). */
  runState?: 'running' | 'interrupted' | 'finished';
}

/** Projection of the journey footprint, with the usage it assumes. */
export interface ProjectionResult {
  perThousandJourneys: Footprint;
  perYear: Footprint | null;
  usage: { users: number; journeysPerUserPerYear: number; journeysPerYear: number } | null;
}

/** Min, max, cv and count of a score over the iterations. */
export interface ScoreSpread {
  min: number;
  max: number;
  cv: number | null;
  n: number;
}

/** Everything the methodology adds to a result. */
export interface Evaluation {
  /** The runs with `energyMah`, `excessEnergyMah`, `dischargeUahPerS` and `energyBasis` filled in every sample that ran. */
  runs: Run[];
  steps: StepResult[];
  /** The headline: median over the iterations whose every step passed; null scores unless `status.code` is `graded`. */
  journey: JourneyScore;
  status: ScoreStatus;
  /** Spread of the journey ecoscore over those iterations (the headline lies inside it). */
  ecoscoreSpread: ScoreSpread | null;
  subScoreSpread: Partial<Record<SubScore, ScoreSpread>>;
  /** Per-iteration journey ecoscores, one decimal (null for an iteration that could not be scored). */
  iterationEcoscores: (number | null)[];
  footprint: Footprint | null;
  projection: ProjectionResult | null;
  footprintModel: FootprintModelInfo;
  /** The profile with every curve resolved for this device and network: the thresholds used. */
  thresholds: ResolvedScoringProfile;
  /** Per step: measured or modelled energy, and why modelled when a device instrument ran. */
  energyBases: StepEnergyBasis[];
}

type IterationScores = { steps: (StepScores | null)[]; journey: JourneyScore; complete: boolean };

/** Scores every step of one iteration (its passed samples) and the journey when every step passed. */
function scoreIteration(run: Run, context: EvaluationContext, profile: ResolvedScoringProfile, referenceIndex: number): IterationScores {
  const sampleOf = (index: number): RawStepSample | null => run.samples.find((sample) => sample.index === index && sample.status === 'passed') ?? null;
  const reference = referenceIndex >= 0 ? sampleOf(referenceIndex) : null;
  const steps = context.steps.map((step, index) => {
    const sample = sampleOf(index);
    if (sample === null || index === referenceIndex) return null;
    // A later reference step is an idle blank screen like a pause: scored as one (its work cannot escape the score).
    const type = step.type === 'reference' ? 'pause' : step.type;
    return scoreStep({ type, critical: step.critical, platform: context.platform, metrics: sample }, reference, profile);
  });
  const complete = run.status === 'passed' && context.steps.every((_, index) => sampleOf(index) !== null);
  const journey = scoreJourney(
    context.steps.map((step, index) => ({ type: index !== referenceIndex && step.type === 'reference' ? 'pause' : step.type, critical: step.critical, scores: steps[index] ?? null })),
    profile,
  );
  return { steps, journey, complete };
}

const round1 = (value: number | null): number | null => (value === null ? null : displayedScore(value));

function spreadOf(values: ReadonlyArray<number | null>): ScoreSpread | null {
  const summary = summarize(values);
  return summary ? { min: summary.min, max: summary.max, cv: summary.cv, n: summary.n } : null;
}

/** The median of one-decimal values, at one decimal: it lies within their min and max. */
function medianScore(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : displayedScore(median(present));
}

/** Why the journey has no grade, first reason first; `graded` when it has one. */
function statusOf(context: EvaluationContext, steps: ReadonlyArray<StepResult>, iterations: ReadonlyArray<IterationScores>, referenceIndex: number): ScoreStatus {
  if (referenceIndex < 0) return { code: 'no-reference' };
  const failed = steps.find((step) => step.status === 'failed');
  if (failed) return { code: 'step-failed', step: failed.name, iterations: failed.failedIn ?? [] };
  if (context.runState === 'interrupted') return { code: 'interrupted' };
  if (context.runState === 'running') return { code: 'running' };
  const skipped = steps.find((step) => step.status === 'skipped');
  if (skipped) return { code: 'step-skipped', step: skipped.name };
  const complete = iterations.filter((iteration) => iteration.complete);
  if (complete.length === 0) return { code: 'no-iteration' };
  if (!context.steps.some((step) => !IDLE_STEP_TYPES.includes(step.type))) return { code: 'no-work-step' };
  for (const iteration of complete) {
    for (const [index, scores] of iteration.steps.entries()) {
      const missing = scores?.missing[0];
      if (missing) {
        const reasons = Object.values(steps[index]?.unavailable ?? {});
        return { code: 'input-missing', step: context.steps[index]!.name, subScore: missing, reason: reasons[0] ?? null };
      }
    }
  }
  return { code: 'graded' };
}

/** Spread of each step score (ecoscore and sub-scores) over the iterations, one decimal each; absent when none. */
function stepScoreSpread(perIteration: ReadonlyArray<StepScores | null>): NonNullable<StepResult['scoreSpread']> {
  const scoreSpread: NonNullable<StepResult['scoreSpread']> = {};
  for (const name of ['ecoscore', ...SUB_SCORES] as const) {
    const spread = spreadOf(perIteration.map((scores) => round1(scores?.[name] ?? null)));
    if (spread) scoreSpread[name] = spread;
  }
  return scoreSpread;
}

/** The step's scores: the median of its iterations' one-decimal scores, each sub-score and the ecoscore. */
function medianStepScores(perIteration: ReadonlyArray<StepScores | null>): NonNullable<StepResult['scores']> {
  return {
    energy: medianScore(perIteration.map((s) => round1(s?.energy ?? null))),
    performance: medianScore(perIteration.map((s) => round1(s?.performance ?? null))),
    data: medianScore(perIteration.map((s) => round1(s?.data ?? null))),
    ecoscore: medianScore(perIteration.map((s) => round1(s?.ecoscore ?? null))),
  };
}

/** Spread of each journey sub-score over the complete iterations; absent when none. */
function journeySubScoreSpread(complete: ReadonlyArray<IterationScores>): Evaluation['subScoreSpread'] {
  const subScoreSpread: Evaluation['subScoreSpread'] = {};
  for (const name of SUB_SCORES) {
    const spread = spreadOf(complete.map((iteration) => round1(iteration.journey.scores[name])));
    if (spread) subScoreSpread[name] = spread;
  }
  return subScoreSpread;
}

/** The headline: medians over the complete iterations when the journey is graded, else null scores and grade. */
function journeyHeadline(complete: ReadonlyArray<IterationScores>, graded: boolean, scoring: ScoringProfile, scoredSteps: number): JourneyScore {
  const ecoscore = graded ? medianScore(complete.map((iteration) => round1(iteration.journey.ecoscore))) : null;
  return {
    ecoscore,
    grade: ecoscore === null ? null : ecoscoreGrade(ecoscore, scoring.grades),
    scores: {
      energy: graded ? medianScore(complete.map((iteration) => round1(iteration.journey.scores.energy))) : null,
      performance: graded ? medianScore(complete.map((iteration) => round1(iteration.journey.scores.performance))) : null,
      data: graded ? medianScore(complete.map((iteration) => round1(iteration.journey.scores.data))) : null,
    },
    profile: { id: scoring.id, version: scoring.version },
    scoredSteps,
  };
}

/** The journey footprint per 1,000 journeys, and per year when the usage is given. */
function projectionOf(footprint: Footprint, usage: EvaluationContext['usage']): ProjectionResult {
  const projected = projectFootprint(footprint, usage ?? { users: 0, journeysPerUserPerYear: 0 });
  return {
    perThousandJourneys: projected.perThousandJourneys,
    perYear: usage ? projected.perYear : null,
    usage: usage ? { ...usage, journeysPerYear: projected.journeysPerYear } : null,
  };
}

/** Applies the whole methodology to the runs of a journey. */
export function evaluate(rawRuns: ReadonlyArray<Run>, context: EvaluationContext): Evaluation {
  const scoring = context.scoring ?? defaultScoringProfile;
  const thresholds = resolveScoringProfile(scoring, context.device, context.network);
  const footprintOptions = { device: context.device, network: context.network, grid: context.grid ?? 'FRA' };
  const referenceIndex = context.steps.findIndex((step) => step.type === 'reference');
  const { runs, bases } = withEnergy(rawRuns, { ...context, referenceIndex, stepCount: context.steps.length });
  const aggregated = aggregateSteps(context.steps, runs);
  const iterations = runs.filter((run) => run.status === 'passed' || run.status === 'failed').map((run) => scoreIteration(run, context, thresholds, referenceIndex));

  const steps: StepResult[] = aggregated.map((step, index) => {
    const { metrics } = step;
    const perIteration = iterations.map((iteration) => iteration.steps[index] ?? null);
    const scoreSpread = stepScoreSpread(perIteration);
    // A step that failed in any iteration, or never ran, has no scores; else the medians of its iterations' scores.
    const scored = step.status === 'passed' && index !== referenceIndex && perIteration.some((scores) => scores !== null);
    const scores = scored ? medianStepScores(perIteration) : null;
    const basis = bases[index]!;
    const sameBasis = referenceIndex >= 0 && basis.measured === bases[referenceIndex]!.measured;
    const canEcoIndex = context.platform === 'web' && step.type === 'first-load' && metrics.documentElements !== null && metrics.requests !== null && metrics.bytes !== null;
    return {
      ...step,
      dischargeRatio: referenceIndex >= 0 && index !== referenceIndex && sameBasis ? round(relativeDischarge(metrics, aggregated[referenceIndex]!.metrics), 3) : null,
      scores,
      grade: scores?.ecoscore == null ? null : ecoscoreGrade(scores.ecoscore, scoring.grades),
      scoreSpread,
      energySource: { basis: basis.measured ? 'measured' : 'model', ...(basis.reason ? { reason: basis.reason } : {}) },
      ecoindex: canEcoIndex ? computeEcoIndex({ dom: metrics.documentElements!, requests: metrics.requests!, sizeKb: metrics.bytes! / 1000 }) : null,
      footprint: step.status === 'skipped' ? null : computeStepFootprint(metrics, footprintOptions),
    };
  });

  const status = statusOf(context, steps, iterations, referenceIndex);
  const complete = iterations.filter((iteration) => iteration.complete);
  const iterationEcoscores = iterations.map((iteration) => (iteration.complete ? round1(iteration.journey.ecoscore) : null));
  const ecoscoreSpread = spreadOf(complete.map((iteration) => round1(iteration.journey.ecoscore)));
  const subScoreSpread = journeySubScoreSpread(complete);
  const journey = journeyHeadline(complete, status.code === 'graded', scoring, steps.filter((step) => step.scores !== null).length);

  const footprint = journeyFootprint(steps.map((step) => ({ type: step.type, footprint: step.footprint as Footprint | null })));
  const projection = footprint ? projectionOf(footprint, context.usage) : null;
  return {
    runs,
    steps,
    journey,
    status,
    ecoscoreSpread,
    subScoreSpread,
    iterationEcoscores,
    footprint,
    projection,
    footprintModel: describeFootprintModel(footprintOptions),
    thresholds,
    energyBases: bases,
  };
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
