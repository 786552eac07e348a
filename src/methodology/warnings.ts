/**
 * The one owner of a result's warnings (result.json `warnings`): failed steps, unstable figures (above the run's
 * `--cv-threshold`), failed iterations, a crashed browser, an interrupted run, probes that could not measure, energy
 * that is modelled although a device instrument ran, and the warnings the devices, the Lighthouse pass and the host
 * calibration reported. Each is a code with its params and the English sentence for logs (model/warning.ts);
 * renderers phrase it from the code. Pure: no I/O.
 */
import type { EnergySource } from './energy-source.js';
import type { Evaluation } from './evaluate.js';
import { warning, type Run, type StepResult, type Warning } from '../model/result.js';

/** Default coefficient of variation above which a figure is reported as unstable (5 %). */
export const DEFAULT_CV_THRESHOLD = 0.05;

/** Metrics whose instability is worth a warning (the inputs of the three sub-scores). */
export const WATCHED_METRICS = ['durationMs', 'readyMs', 'bytes', 'energyMah'] as const;

/** What the warnings are built from, besides the evaluation. */
export interface WarningContext {
  /** The steps as the result holds them (the Lighthouse pass's audits joined). */
  steps: readonly StepResult[];
  /** Iterations asked for, and iterations that finished (passed or failed). */
  iterations: number;
  completedIterations: number;
  interrupted: boolean;
  /** A figure whose cv is above this is reported as unstable (default {@link DEFAULT_CV_THRESHOLD}). */
  cvThreshold?: number;
  /** Browsers restarted after a crash. */
  browserRestarts?: number;
  /** The result's energy source (what {@link energySourceOfRun} gave). */
  energySource: EnergySource;
  /** Sentences of a mobile device's pre-run checks (charging, brightness, foreground app, sampler). */
  deviceWarnings?: readonly string[];
  /** Why the Lighthouse pass failed, when it did. */
  lighthouseError?: string | null;
  /** Whether the host speed calibration applies (a web target measured in a local browser) and failed, and why. */
  calibrationFailed: boolean;
  calibrationError?: string;
  /** Sentences of a Playwright test's measuring conditions (viewport, trace, video), recorded by the fixture. */
  testConditions?: readonly string[];
  /** How a Playwright test ended when it failed after its measured steps (`failed`, `timedOut`…), with its error. */
  testEndedAfterSteps?: { status: string; error: string | null } | null;
}

const percent = (fraction: number, digits: number) => `${(fraction * 100).toFixed(digits)} %`;

/** Failed steps, then the unstable journey ecoscore and unstable step figures. */
function stepWarnings(evaluation: Evaluation, context: WarningContext): Warning[] {
  const warnings: Warning[] = [];
  for (const step of context.steps) {
    if (step.status !== 'failed') continue;
    const iterations = step.failedIterations + step.passedIterations;
    const error = step.error ?? null;
    warnings.push(
      warning('step-failed', { step: step.name, failedIterations: step.failedIterations, iterations, error }, `step "${step.name}" failed in ${step.failedIterations} of ${iterations} iteration(s): ${error ?? 'unknown error'}`),
    );
  }
  const cvThreshold = context.cvThreshold ?? DEFAULT_CV_THRESHOLD;
  const journey = evaluation.ecoscoreSpread;
  if (journey && journey.cv !== null && journey.cv > cvThreshold) {
    warnings.push(
      warning(
        'journey-unstable',
        { cv: journey.cv, n: journey.n, cvThreshold },
        `the journey ecoscore varies by ${percent(journey.cv, 1)} (cv) over ${journey.n} iterations, above ${percent(cvThreshold, 0)}: add iterations (--until-stable) or check what differs between them`,
      ),
    );
  }
  for (const step of context.steps) {
    for (const metric of WATCHED_METRICS) {
      const spread = step.spread[metric];
      if (spread?.cv == null || spread.cv <= cvThreshold || spread.max - spread.min <= 0) continue;
      const { cv, min, max, n } = spread;
      warnings.push(
        warning('step-unstable', { step: step.name, metric, cv, min, max, n, cvThreshold }, `step "${step.name}": ${metric} is unstable (cv ${percent(cv, 1)}, ${min}–${max} over ${n} iterations)`),
      );
    }
  }
  return warnings;
}

/** Failed iterations, browser restarts and an interrupted run. */
function runWarnings(runs: readonly Run[], context: WarningContext): Warning[] {
  const warnings: Warning[] = [];
  const failed = runs.filter((run) => run.status === 'failed').map((run) => run.iteration);
  if (failed.length > 0) {
    warnings.push(
      warning('iterations-failed', { iterations: failed }, `iteration(s) ${failed.join(', ')} failed: their passed steps are kept in the medians, their failed step is reported above`),
    );
  }
  const restarts = context.browserRestarts ?? 0;
  if (restarts > 0) warnings.push(warning('browser-restarted', { restarts }, `the browser crashed and was restarted ${restarts} time(s)`));
  if (context.interrupted) {
    const { completedIterations, iterations } = context;
    warnings.push(
      warning('run-interrupted', { completedIterations, iterations }, `the run was interrupted after ${completedIterations} of ${iterations} iteration(s); figures cover what was measured`),
    );
  }
  return warnings;
}

/** Probes that could not measure (the last reason of each), and energy that is modelled although an instrument ran. */
function measureWarnings(evaluation: Evaluation, context: WarningContext): Warning[] {
  const warnings: Warning[] = [];
  const unavailable = new Map<string, string>();
  for (const run of evaluation.runs) for (const sample of run.samples) for (const [probe, reason] of Object.entries(sample.unavailable ?? {})) unavailable.set(probe, reason);
  for (const [probe, reason] of unavailable) warnings.push(warning('probe-unavailable', { probe, reason }, `probe "${probe}" could not measure (its figures are null): ${reason}`));
  const source = context.energySource;
  if (source.kind === 'model' && source.reason) {
    warnings.push(warning('energy-modelled', { reason: source.reason }, `energy is modelled, not measured: ${source.reason}`));
  } else if (source.kind === 'measured' && source.modelledSteps > 0) {
    const reason = evaluation.energyBases.map((basis) => basis.reason).find((candidate): candidate is string => candidate !== null) ?? 'not measured in every iteration';
    const { modelledSteps } = source;
    warnings.push(warning('energy-partly-modelled', { modelledSteps, reason }, `energy of ${modelledSteps} step(s) is modelled, the others measured: ${reason}`));
  }
  return warnings;
}

/** What the devices, the Lighthouse pass and the host calibration reported. */
function conditionWarnings(context: WarningContext): Warning[] {
  const warnings: Warning[] = (context.deviceWarnings ?? []).map((text) => warning('device-check', { text }, `device check: ${text}`));
  if (context.lighthouseError) warnings.push(warning('lighthouse-failed', { error: context.lighthouseError }, `Lighthouse: ${context.lighthouseError}`));
  if (context.calibrationFailed) {
    const reason = context.calibrationError ?? null;
    warnings.push(
      warning('calibration-failed', { reason }, `the host speed calibration failed (${reason ?? 'unknown reason'}): CPU energy is not normalised across machines`),
    );
  }
  return warnings;
}

/** The Playwright Test recorder's own warnings: measuring conditions, a test that failed after its measured steps. */
function testWarnings(context: WarningContext): Warning[] {
  const warnings: Warning[] = (context.testConditions ?? []).map((text) => warning('test-condition', { text }, text));
  const ended = context.testEndedAfterSteps;
  if (ended) {
    const message = `the test ${ended.status} after its measured steps${ended.error ? `: ${ended.error}` : ''}; the measures are complete`;
    warnings.push(warning('test-ended-after-steps', { status: ended.status, error: ended.error }, message));
  }
  return warnings;
}

/** Every warning of a result, in the order the runner has always listed them. */
export function resultWarnings(evaluation: Evaluation, context: WarningContext): Warning[] {
  return [...stepWarnings(evaluation, context), ...runWarnings(evaluation.runs, context), ...measureWarnings(evaluation, context), ...conditionWarnings(context), ...testWarnings(context)];
}
