/**
 * Comparison of two results of the same journey (`ecoscore compare base head`): per-step and journey
 * deltas of every score and metric, and the regressions a CI gate fails on. A change is a regression only
 * when it goes the wrong way by more than the measured noise of both runs AND by more than the tolerance
 * (`maxDrop` points for scores, `tolerance` as a fraction for metrics). Pure: results in, plain data out.
 */
import type { MetricName } from '../model/metrics.js';
import type { Result, StepResult } from '../model/result.js';

/** Options of {@link compareResults}. */
export interface CompareOptions {
  /** Score points a score may lose before it counts as a regression (default 2). */
  maxDrop?: number;
  /** Relative increase of bytes or requests before it counts as a regression (default 0.05 = 5 %). */
  tolerance?: number;
  /**
   * Relative increase of a time-driven figure (durations, CPU time, energy) before it counts as a regression
   * (default 0.10 = 10 %): these vary more from one machine state to the next than a run's own spread shows.
   */
  timeTolerance?: number;
  /** How many noise standard deviations a change must exceed (default 2). */
  noiseFactor?: number;
}

/** Defaults of the regression gate. */
export const COMPARE_DEFAULTS = { maxDrop: 2, tolerance: 0.05, timeTolerance: 0.1, noiseFactor: 2 } as const;

/** Figures judged with `timeTolerance`. */
const TIME_DRIVEN = new Set(['durationMs', 'readyMs', 'cpuMs', 'energyMah', 'dischargeUahPerS']);

/** Metrics compared per step; all are "lower is better". */
export const COMPARED_METRICS = ['durationMs', 'readyMs', 'bytes', 'requests', 'cpuMs', 'domElements', 'energyMah', 'dischargeUahPerS'] as const satisfies readonly MetricName[];
/** Metrics a regression is gated on (the inputs of the three sub-scores). */
export const GATED_METRICS = ['durationMs', 'bytes', 'energyMah'] as const satisfies readonly MetricName[];
const SCORE_NAMES = ['ecoscore', 'energy', 'performance', 'data'] as const;

/** One compared figure. */
export interface Delta {
  /** `journey` or the step name. */
  scope: string;
  /** `ecoscore`, `energy`, … for scores; a metric name otherwise. */
  figure: string;
  kind: 'score' | 'metric';
  base: number | null;
  head: number | null;
  /** head − base; null when either is missing. */
  delta: number | null;
  /** delta / base, for metrics; null when base is 0 or missing. */
  relative: number | null;
  /** Combined standard deviation of the two runs (from their spreads); null when unknown (1 iteration). */
  noise: number | null;
  /** The change is worse by more than the noise and the tolerance. */
  regression: boolean;
  /** The change is better by more than the noise and the tolerance. */
  improvement: boolean;
}

/** A comparison. */
export interface Comparison {
  base: { journey: string; file: string; startedAt: string; ecoscore: number | null; iterations: number };
  head: { journey: string; file: string; startedAt: string; ecoscore: number | null; iterations: number };
  options: Required<CompareOptions>;
  deltas: Delta[];
  regressions: Delta[];
  improvements: Delta[];
  /** Steps present in only one of the results. */
  addedSteps: string[];
  removedSteps: string[];
  warnings: string[];
}

/** The methodology version a result was produced with: `environment.methodology.version`, "1.0.0" when absent. */
export function methodologyVersionOf(result: Result): string {
  const version = (result.environment.methodology as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' && version.trim() !== '' ? version.trim() : '1.0.0';
}

/** The major number of a semver string (`2.1.0` → 2), or null when it is not one. */
function majorOf(version: string): number | null {
  const match = /^v?(\d+)(?:\.\d+){0,2}(?:[-+].*)?$/.exec(version);
  return match ? Number(match[1]) : null;
}

/** Options of {@link gateProblem}. */
export interface GateOptions {
  /** Accept a head measured with another major version of the methodology than the base. */
  allowMethodologyChange?: boolean;
}

/**
 * Why `head` cannot be gated against `base`, in one sentence, or null when it can: a gate that cannot
 * check fails closed. Different journeys (names), a changed list of steps (a step removed, added or moved:
 * a removed step would hide its regression), a head without steps, or another major version of the
 * methodology (scores are not comparable across it) unless `allowMethodologyChange`.
 */
export function gateProblem(base: Result, head: Result, options: GateOptions = {}): string | null {
  if (head.steps.length === 0) return 'the head result has no steps: there is nothing to compare';
  if (base.steps.length === 0) return 'the base result has no steps: there is nothing to compare against';
  if (base.journey.name !== head.journey.name) {
    return `the results are of different journeys ("${base.journey.name}" and "${head.journey.name}"): compare a head with a base of the same journey`;
  }
  const baseNames = base.steps.map((step) => step.name);
  const headNames = head.steps.map((step) => step.name);
  const removed = baseNames.filter((name) => !headNames.includes(name));
  const added = headNames.filter((name) => !baseNames.includes(name));
  if (removed.length > 0) return `the head result has no step ${removed.map((n) => `"${n}"`).join(', ')} of the base: a removed step cannot be gated (measure a new base)`;
  if (added.length > 0) return `the head result has step(s) ${added.map((n) => `"${n}"`).join(', ')} that the base has not: the journeys differ (measure a new base)`;
  if (baseNames.some((name, index) => headNames[index] !== name)) return 'the head result has the steps of the base in another order: the journeys differ (measure a new base)';
  const [baseVersion, headVersion] = [methodologyVersionOf(base), methodologyVersionOf(head)];
  const [baseMajor, headMajor] = [majorOf(baseVersion), majorOf(headVersion)];
  if (!options.allowMethodologyChange && (baseMajor === null || headMajor === null || baseMajor !== headMajor)) {
    return `the base was scored with methodology ${baseVersion} and the head with ${headVersion}: scores of different major versions are not comparable (measure a new base, or pass --allow-methodology-change)`;
  }
  return null;
}

/** Standard deviation of a figure from its spread (cv × |median|), or null when unknown. */
function sdOf(value: number | null, cv: number | null | undefined): number | null {
  if (value === null || cv === null || cv === undefined) return null;
  return Math.abs(cv * value);
}

function combinedNoise(a: number | null, b: number | null): number | null {
  if (a === null && b === null) return null;
  return Math.sqrt((a ?? 0) ** 2 + (b ?? 0) ** 2);
}

function judge(delta: Omit<Delta, 'regression' | 'improvement'>, options: Required<CompareOptions>): Delta {
  if (delta.delta === null) return { ...delta, regression: false, improvement: false };
  const beyondNoise = Math.abs(delta.delta) > options.noiseFactor * (delta.noise ?? 0);
  let beyondTolerance: boolean;
  if (delta.kind === 'score') beyondTolerance = Math.abs(delta.delta) > options.maxDrop;
  else {
    const tolerance = TIME_DRIVEN.has(delta.figure) ? options.timeTolerance : options.tolerance;
    beyondTolerance = delta.base === 0 ? delta.delta !== 0 : delta.relative !== null && Math.abs(delta.relative) > tolerance;
  }
  const significant = beyondNoise && beyondTolerance;
  // Scores: higher is better. Metrics: lower is better.
  const worse = delta.kind === 'score' ? delta.delta < 0 : delta.delta > 0;
  return { ...delta, regression: significant && worse, improvement: significant && !worse };
}

function metricDelta(scope: string, figure: string, base: StepResult | undefined, head: StepResult | undefined, name: (typeof COMPARED_METRICS)[number]): Omit<Delta, 'regression' | 'improvement'> {
  const b = base?.metrics[name] ?? null;
  const h = head?.metrics[name] ?? null;
  const delta = b === null || h === null ? null : h - b;
  return {
    scope,
    figure,
    kind: 'metric',
    base: b,
    head: h,
    delta,
    relative: delta === null || b === null || b === 0 ? null : delta / b,
    noise: combinedNoise(sdOf(b, base?.spread[name]?.cv), sdOf(h, head?.spread[name]?.cv)),
  };
}

/** Compares `head` with `base`. */
export function compareResults(base: Result, head: Result, options: CompareOptions = {}): Comparison {
  const settings = { ...COMPARE_DEFAULTS, ...options };
  const deltas: Delta[] = [];
  const warnings: string[] = [];
  if (base.journey.name !== head.journey.name) warnings.push(`the results are of different journeys ("${base.journey.name}" and "${head.journey.name}")`);
  else if (base.journey.sha256 !== head.journey.sha256) warnings.push('the journey file changed between the two results (same steps): steps may not measure the same thing');
  if (methodologyVersionOf(base) !== methodologyVersionOf(head)) warnings.push(`methodology versions differ (${methodologyVersionOf(base)} vs ${methodologyVersionOf(head)})`);
  if (base.environment.device.id !== head.environment.device.id || base.environment.network.id !== head.environment.network.id) {
    warnings.push(`device or network differ (${base.environment.device.id}/${base.environment.network.id} vs ${head.environment.device.id}/${head.environment.network.id}): figures are not comparable`);
  }
  const baseScoring = (base.environment.methodology as { scoring?: { id: string; version: string } } | undefined)?.scoring;
  const headScoring = (head.environment.methodology as { scoring?: { id: string; version: string } } | undefined)?.scoring;
  if (baseScoring && headScoring && (baseScoring.id !== headScoring.id || baseScoring.version !== headScoring.version)) {
    warnings.push(`scoring profiles differ (${baseScoring.id} ${baseScoring.version} vs ${headScoring.id} ${headScoring.version})`);
  }
  if (base.completedIterations < 2 || head.completedIterations < 2) {
    warnings.push('a result has fewer than 2 iterations: its noise is unknown, so only the tolerances gate regressions');
  }

  // Journey scores: each one's noise comes from its own spread over the iterations (summary.spread).
  for (const name of SCORE_NAMES) {
    const b = name === 'ecoscore' ? base.summary.ecoscore : base.summary.scores?.[name] ?? null;
    const h = name === 'ecoscore' ? head.summary.ecoscore : head.summary.scores?.[name] ?? null;
    const noise = combinedNoise(sdOf(b, base.summary.spread?.[name]?.cv), sdOf(h, head.summary.spread?.[name]?.cv));
    deltas.push(judge({ scope: 'journey', figure: name, kind: 'score', base: b, head: h, delta: b === null || h === null ? null : h - b, relative: null, noise }, settings));
  }
  for (const name of ['durationMs', 'bytes', 'requests', 'energyMah'] as const) {
    const b = (base.summary.totals as Record<string, number | null>)[name] ?? null;
    const h = (head.summary.totals as Record<string, number | null>)[name] ?? null;
    const delta = b === null || h === null ? null : h - b;
    deltas.push(judge({ scope: 'journey', figure: name, kind: 'metric', base: b, head: h, delta, relative: delta === null || !b ? null : delta / b, noise: null }, settings));
  }

  const headSteps = new Map(head.steps.map((step) => [step.name, step]));
  const baseSteps = new Map(base.steps.map((step) => [step.name, step]));
  for (const step of base.steps) {
    const other = headSteps.get(step.name);
    if (!other) continue;
    for (const name of SCORE_NAMES) {
      const b = step.scores?.[name] ?? null;
      const h = other.scores?.[name] ?? null;
      const noise = combinedNoise(sdOf(b, step.scoreSpread?.[name]?.cv), sdOf(h, other.scoreSpread?.[name]?.cv));
      deltas.push(judge({ scope: step.name, figure: name, kind: 'score', base: b, head: h, delta: b === null || h === null ? null : h - b, relative: null, noise }, settings));
    }
    for (const name of COMPARED_METRICS) {
      const judged = judge(metricDelta(step.name, name, step, other, name), settings);
      // Only the gated metrics can fail a build; the others are reported.
      deltas.push((GATED_METRICS as readonly string[]).includes(name) ? judged : { ...judged, regression: false });
    }
  }
  const summary = (result: Result) => ({
    journey: result.journey.name,
    file: result.journey.file,
    startedAt: result.environment.startedAt,
    ecoscore: result.summary.ecoscore,
    iterations: result.completedIterations,
  });
  return {
    base: summary(base),
    head: summary(head),
    options: settings,
    deltas,
    regressions: deltas.filter((delta) => delta.regression),
    improvements: deltas.filter((delta) => delta.improvement),
    addedSteps: head.steps.filter((step) => !baseSteps.has(step.name)).map((step) => step.name),
    removedSteps: base.steps.filter((step) => !headSteps.has(step.name)).map((step) => step.name),
    warnings,
  };
}
