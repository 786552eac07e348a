/**
 * Aggregation of per-iteration samples into per-step figures: medians for `metrics`, min/max/cv for
 * `spread`. Pure: plain data in, plain data out.
 */
import type { Step } from '../journey/schema.js';
import type { RawStepSample, Run, StepResult } from '../model/result.js';
import { METRIC_NAMES, type MetricName } from '../model/metrics.js';
import { summarize } from './stats.js';

/**
 * Builds the per-step results of a journey from its runs. A step's status is `failed` when it failed in
 * any iteration, `skipped` when it never ran; its figures are the medians over the iterations in which
 * it passed, or, when it passed in none, over what was measured before it failed (nothing is invented).
 */
export function aggregateSteps(steps: ReadonlyArray<Pick<Step, 'name' | 'type' | 'critical'>>, runs: ReadonlyArray<Run>): StepResult[] {
  return steps.map((step, index) => {
    const samples = runs.flatMap((run) => run.samples.filter((sample) => sample.index === index));
    const passed = samples.filter((sample) => sample.status === 'passed');
    const failed = samples.filter((sample) => sample.status === 'failed');
    const basis = passed.length > 0 ? passed : failed;
    const metrics = {} as Record<MetricName, number | null>;
    const spread: StepResult['spread'] = {};
    for (const name of METRIC_NAMES) {
      const summary = summarize(basis.map((sample) => sample[name]));
      metrics[name] = summary ? summary.median : null;
      if (summary) spread[name] = { min: summary.min, max: summary.max, cv: summary.cv, n: summary.n };
    }
    const status: StepResult['status'] = failed.length > 0 ? 'failed' : passed.length > 0 ? 'passed' : 'skipped';
    const lastWithScreenshot = [...samples].reverse().find((sample) => sample.screenshot !== null);
    const unavailable: Record<string, string> = Object.create(null);
    for (const sample of basis) for (const [probe, reason] of Object.entries(sample.unavailable ?? {})) unavailable[probe] ??= reason;
    const failedIn = runs.filter((run) => run.samples.some((sample) => sample.index === index && sample.status === 'failed')).map((run) => run.iteration);
    return {
      name: step.name,
      type: step.type,
      critical: step.critical,
      status,
      ...(failed[0]?.error !== undefined ? { error: failed[0].error } : {}),
      passedIterations: passed.length,
      failedIterations: failed.length,
      ...(failedIn.length > 0 ? { failedIn } : {}),
      ...(Object.keys(unavailable).length > 0 ? { unavailable: { ...unavailable } } : {}),
      metrics,
      spread,
      scores: null,
      ecoindex: null,
      footprint: null,
      screenshot: lastWithScreenshot?.screenshot ?? null,
    };
  });
}

/** Sum of a metric over steps, ignoring nulls; null when no step has it. */
export function totalOf(steps: ReadonlyArray<StepResult>, name: MetricName): number | null {
  const values = steps.map((step) => step.metrics[name]).filter((value): value is number => value !== null);
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) : null;
}

/** Keeps only samples of the given step index (helper for renderers and tests). */
export function samplesOf(runs: ReadonlyArray<Run>, index: number): RawStepSample[] {
  return runs.flatMap((run) => run.samples.filter((sample) => sample.index === index));
}
