/**
 * The methodology applied to a run: energy per sample, medians and spread per step, step scores,
 * EcoIndex of web loads, footprints, the journey score and its spread over iterations. Pure: plain data
 * in (raw samples, profiles, calibration), plain data out.
 */
import type { Step } from '../journey/schema.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { RawStepSample, Run, StepResult } from '../result/schema.js';
import { aggregateSteps } from './aggregate.js';
import { defaultScoringProfile, scoreJourney, scoreStep, type JourneyScore, type ScoringPlatform, type ScoringProfile } from './ecoscore.js';
import { computeEcoIndex } from './ecoindex.js';
import { estimateStepEnergy, relativeDischarge, type HostCalibration } from './energy.js';
import {
  computeStepFootprint,
  describeFootprintModel,
  journeyFootprint,
  projectFootprint,
  type Footprint,
  type FootprintModelInfo,
  type FootprintProjection,
  type GridRegion,
} from './footprint.js';
import { summarize } from './stats.js';

/** What the evaluation needs besides the runs. */
export interface EvaluationContext {
  steps: ReadonlyArray<Pick<Step, 'name' | 'type' | 'critical'>>;
  platform: ScoringPlatform;
  device: DeviceProfile;
  network: NetworkProfile;
  /** Host speed measured at run start; null when it could not be measured. */
  calibration: HostCalibration | null;
  scoring?: ScoringProfile;
  /** Electricity grid of the footprint (default `FRA`). */
  grid?: GridRegion;
  /** Usage for the yearly projection; without it only the per-1,000-journeys projection is given. */
  usage?: { users: number; journeysPerUserPerYear: number };
}

/** Projection of the journey footprint, with the usage it assumes. */
export interface ProjectionResult {
  perThousandJourneys: Footprint;
  perYear: Footprint | null;
  usage: { users: number; journeysPerUserPerYear: number; journeysPerYear: number } | null;
}

/** Everything the methodology adds to a result. */
export interface Evaluation {
  /** The runs with `energyMah` and `dischargeUahPerS` filled in every sample that has the inputs. */
  runs: Run[];
  steps: StepResult[];
  journey: JourneyScore;
  /** Spread of the journey ecoscore over the iterations that completed. */
  ecoscoreSpread: { min: number; max: number; cv: number | null; n: number } | null;
  /** Spread of the journey sub-scores over the iterations that completed. */
  subScoreSpread: Partial<Record<'energy' | 'performance' | 'data', { min: number; max: number; cv: number | null; n: number }>>;
  /** Per-iteration journey ecoscores (null for an iteration that could not be scored). */
  iterationEcoscores: (number | null)[];
  footprint: Footprint | null;
  projection: ProjectionResult | null;
  footprintModel: FootprintModelInfo;
}

/**
 * Fills the energy of each sample: the charge a device counter measured (`measuredEnergyMah`) when the sample
 * has one, else the model's estimate (a sample whose inputs are missing keeps null).
 */
export function withModelledEnergy(runs: ReadonlyArray<Run>, context: Pick<EvaluationContext, 'device' | 'network' | 'calibration'>): Run[] {
  return runs.map((run) => ({
    ...run,
    samples: run.samples.map((sample): RawStepSample => {
      if (sample.status === 'skipped') return sample;
      if (sample.measuredEnergyMah != null) {
        const seconds = sample.durationMs === null ? null : sample.durationMs / 1000;
        const rate = seconds !== null && seconds > 0 ? (sample.measuredEnergyMah * 1000) / seconds : null;
        return { ...sample, energyMah: round(sample.measuredEnergyMah, 6), dischargeUahPerS: round(rate, 3) };
      }
      const energy = estimateStepEnergy(sample, context.device, context.network, context.calibration);
      return { ...sample, energyMah: round(energy.energyMah, 6), dischargeUahPerS: round(energy.dischargeUahPerS, 3) };
    }),
  }));
}

/** Scores the steps of one set of figures against the reference step among them. */
function scoreSteps(
  steps: EvaluationContext['steps'],
  figuresOf: (index: number) => StepResult['metrics'] | null,
  context: EvaluationContext,
): (StepResult['scores'] & {})[] | null[] {
  const scoring = context.scoring ?? defaultScoringProfile;
  const referenceIndex = steps.findIndex((step) => step.type === 'reference');
  const referenceFigures = referenceIndex >= 0 ? figuresOf(referenceIndex) : null;
  const reference = referenceFigures ? { dischargeUahPerS: referenceFigures.dischargeUahPerS } : null;
  return steps.map((step, index) => {
    const metrics = figuresOf(index);
    if (metrics === null) return null;
    return scoreStep({ type: step.type, critical: step.critical, platform: context.platform, metrics }, reference, scoring);
  }) as (StepResult['scores'] & {})[];
}

/** Applies the whole methodology to the runs of a journey. */
export function evaluate(rawRuns: ReadonlyArray<Run>, context: EvaluationContext): Evaluation {
  const scoring = context.scoring ?? defaultScoringProfile;
  const footprintOptions = { device: context.device, network: context.network, grid: context.grid ?? 'FRA' };
  const runs = withModelledEnergy(rawRuns, context);
  const aggregated = aggregateSteps(context.steps, runs);

  // Step scores from the medians; a skipped step (never measured) is not scored.
  const stepScores = scoreSteps(context.steps, (index) => (aggregated[index].status === 'skipped' ? null : aggregated[index].metrics), context);
  const referenceIndex = context.steps.findIndex((step) => step.type === 'reference');
  const steps: StepResult[] = aggregated.map((step, index) => {
    const { metrics } = step;
    const isWebLoad = context.platform === 'web' && (step.type === 'load' || step.type === 'first-load');
    const canEcoIndex = isWebLoad && metrics.domElements !== null && metrics.requests !== null && metrics.bytes !== null;
    const footprint = step.status === 'skipped' ? null : computeStepFootprint(metrics, footprintOptions);
    return {
      ...step,
      dischargeRatio:
        referenceIndex >= 0 && index !== referenceIndex ? round(relativeDischarge(metrics, aggregated[referenceIndex].metrics), 3) : null,
      scores: roundScores(stepScores[index]),
      ecoindex: canEcoIndex ? computeEcoIndex({ dom: metrics.domElements!, requests: metrics.requests!, sizeKb: metrics.bytes! / 1000 }) : null,
      footprint,
    };
  });

  const journey = scoreJourney(
    steps.map((step) => ({ type: step.type, critical: step.critical, scores: step.scores })),
    scoring,
  );

  // The journey ecoscore of each completed iteration, for its spread; and each step's scores per iteration.
  const stepScoresByIteration: (StepResult['scores'] | null)[][] = context.steps.map(() => []);
  const journeySubScores: { energy: number | null; performance: number | null; data: number | null }[] = [];
  const iterationEcoscores = runs
    .filter((run) => run.status === 'passed' || run.status === 'failed')
    .map((run) => {
      const sampleOf = (index: number) => run.samples.find((sample) => sample.index === index && sample.status === 'passed') ?? null;
      const perStep = scoreSteps(context.steps, (index) => sampleOf(index), context);
      perStep.forEach((scores, index) => stepScoresByIteration[index].push(scores));
      const score = scoreJourney(
        context.steps.map((step, index) => ({ type: step.type, critical: step.critical, scores: perStep[index] })),
        scoring,
      );
      journeySubScores.push(score.scores);
      return score.ecoscore === null ? null : round(score.ecoscore, 2);
    });
  const spread = summarize(iterationEcoscores);
  const subScoreSpread: Evaluation['subScoreSpread'] = {};
  for (const name of ['energy', 'performance', 'data'] as const) {
    const summary = summarize(journeySubScores.map((scores) => scores[name]));
    if (summary) subScoreSpread[name] = { min: round(summary.min, 2)!, max: round(summary.max, 2)!, cv: summary.cv, n: summary.n };
  }
  for (const [index, step] of steps.entries()) {
    const scoreSpread: NonNullable<StepResult['scoreSpread']> = {};
    for (const name of ['ecoscore', 'energy', 'performance', 'data'] as const) {
      const summary = summarize(stepScoresByIteration[index].map((scores) => scores?.[name] ?? null));
      if (summary) scoreSpread[name] = { min: round(summary.min, 2)!, max: round(summary.max, 2)!, cv: summary.cv, n: summary.n };
    }
    step.scoreSpread = scoreSpread;
  }

  const footprint = journeyFootprint(steps.map((step) => ({ type: step.type, footprint: step.footprint as Footprint | null })));
  let projection: ProjectionResult | null = null;
  if (footprint) {
    const usage = context.usage ?? { users: 0, journeysPerUserPerYear: 0 };
    const projected = projectFootprint(footprint, usage);
    projection = {
      perThousandJourneys: projected.perThousandJourneys,
      perYear: context.usage ? projected.perYear : null,
      usage: context.usage ? { ...context.usage, journeysPerYear: projected.journeysPerYear } : null,
    };
  }
  return {
    runs,
    steps,
    journey: { ...journey, ecoscore: round(journey.ecoscore, 2), scores: roundScores(journey.scores as StepResult['scores'] & {})! },
    ecoscoreSpread: spread ? { min: spread.min, max: spread.max, cv: spread.cv, n: spread.n } : null,
    iterationEcoscores,
    subScoreSpread,
    footprint,
    projection,
    footprintModel: describeFootprintModel(footprintOptions),
  };
}

function roundScores<T extends Record<string, number | null>>(scores: T | null): T | null {
  if (scores === null) return null;
  return Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, round(value, 2)])) as T;
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export type { FootprintProjection };
