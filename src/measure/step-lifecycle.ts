/**
 * The one step lifecycle, shared by the journey runner (`ecoscore run`, run/journey.ts) and the Playwright Test
 * recorder (playwright-test/recorder.ts), so that a step is measured the same way whoever drives it:
 *
 *  1. a reference step shows a blank tab (a failure there fails the step);
 *  2. (Lighthouse pass only) the audit starts observing;
 *  3. the probes start, then the iteration collectors mark the step's start;
 *  4. the step's body runs (the journey's actions, or the test's callback) and gives when the step was ready;
 *     a step with a body then waits for the page to settle; reference and pause steps stay idle their duration;
 *  5. the collectors mark the end, the probes stop; the response time is derived from the body's timings;
 *  6. (Lighthouse pass only) the audit ends;
 *  7. the screenshot, masked: the step's masks, every secret field the session filled, every secret still shown;
 *  8. the URL, redacted.
 * A body that throws fails the step (its error recorded, its figures kept); the error is returned to the caller.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScreenshotMasks, Session } from '../drivers/driver.js';
import { DEFAULT_REFERENCE_DURATION_MS, type Step } from '../journey/schema.js';
import { startProbes, stopProbes } from '../probes/probe.js';
import { skippedSample } from '../model/empty-sample.js';
import type { RawStepSample } from '../model/result.js';
import { errorSummary, stepFileStem } from '../shared/text.js';
import { responseTimeMs, type ActionTiming } from './response-time.js';
import { markCollectors } from './step-collectors.js';

/** Longest wait for the page to settle after a step's body (load event, then a quiet network), ms. */
export const SETTLE_MAX_MS = 5000;

/** What a step's body reports: when the step was ready (ms from its start) and its actions' timings. */
export interface BodyOutcome {
  readyMs: number | null;
  timings: ActionTiming[];
}

/**
 * The step's work between its probes' start and stop. `t0` is the step's start (`performance.now()`); `sample`
 * may be annotated (the runner records the failing action). Throws to fail the step.
 */
export type StepBody = (t0: number, sample: RawStepSample) => Promise<BodyOutcome>;

/** Lighthouse's hooks around a step (Lighthouse pass only); they never throw. */
export interface StepAuditHooks {
  begin(): Promise<void>;
  end(): Promise<void>;
}

/** One step to measure. */
export interface StepToMeasure {
  session: Session;
  step: Step;
  index: number;
  /** The iteration (screenshots go to `screenshots/<iteration>/`), or `lighthouse` for the Lighthouse pass. */
  iteration: number | 'lighthouse';
  outDir: string;
  redact: (text: string) => string;
  /** Null: an idle step (reference, pause without actions). */
  body: StepBody | null;
  /** The masks of the screenshot, asked for after the body ran (secret fills are recorded while it runs). */
  masks: () => ScreenshotMasks;
  audit?: StepAuditHooks;
  /** Told the step's start time once the probes run (the recorder keeps it for a test that times out). */
  onStart?: (t0: number) => void;
}

/** What {@link measureStep} gives back: the sample, and the error when the body threw. */
export interface MeasuredStep {
  sample: RawStepSample;
  error?: unknown;
}

/** Screenshot path of a step, relative to the output folder. */
export function stepScreenshotFile(iteration: number | 'lighthouse', index: number, name: string): string {
  return `screenshots/${iteration}/${stepFileStem(index, name)}.png`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Measures one step (see the module comment). Never throws for what the step or a probe does. */
export async function measureStep(input: StepToMeasure): Promise<MeasuredStep> {
  const { session, step, index, redact } = input;
  const sample: RawStepSample = { ...skippedSample(step, index), status: 'passed' };
  const unavailable: Record<string, string> = {};
  const describeError = (error: unknown) => redact(errorSummary(error));
  let thrown: unknown;
  const fail = (error: unknown) => {
    thrown = error;
    sample.status = 'failed';
    sample.error = redact(`${sample.failedAction ? `${sample.failedAction}: ` : ''}${errorSummary(error)}`);
    if (sample.failedAction) sample.failedAction = redact(sample.failedAction);
  };
  try {
    if (step.type === 'reference') await session.showBlank();
  } catch (error) {
    fail(error);
    sample.durationMs = 0;
    return { sample, error: thrown };
  }
  if (input.audit) await input.audit.begin();
  const started = await startProbes(session.probes, unavailable, describeError);
  await markCollectors(session, index, 'start', unavailable, describeError);

  const t0 = performance.now();
  input.onStart?.(t0);
  let outcome: BodyOutcome = { readyMs: null, timings: [] };
  try {
    if (input.body) {
      outcome = await input.body(t0, sample);
      await session.settle(SETTLE_MAX_MS);
    }
    const idleMs = step.type === 'reference' ? step.duration ?? DEFAULT_REFERENCE_DURATION_MS : step.type === 'pause' ? step.duration ?? 0 : 0;
    if (idleMs > 0) await session.idle(idleMs);
  } catch (error) {
    fail(error);
  }
  sample.durationMs = round(performance.now() - t0);
  sample.readyMs = outcome.readyMs === null ? null : round(outcome.readyMs);

  await markCollectors(session, index, 'end', unavailable, describeError);
  await stopProbes(started, sample as Record<string, unknown>, unavailable, describeError);
  sample.responseMs = sample.status === 'passed' ? responseTimeMs(outcome.timings, sample.lastResponseEndMs ?? null) : null;
  if (input.audit) await input.audit.end();

  const relative = stepScreenshotFile(input.iteration, index, step.name);
  try {
    await mkdir(join(input.outDir, 'screenshots', String(input.iteration)), { recursive: true });
    await session.screenshot(join(input.outDir, relative), input.masks());
    sample.screenshot = relative;
  } catch (error) {
    unavailable.screenshot = describeError(error);
  }
  const url = session.currentUrl();
  sample.url = url === null ? null : redact(url);
  if (Object.keys(unavailable).length > 0) sample.unavailable = unavailable;
  return thrown === undefined ? { sample } : { sample, error: thrown };
}
