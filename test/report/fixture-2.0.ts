/**
 * The recorded methodology 2.0 demo result (test/fixtures/results/demo-health-2.0, see its README) and
 * SYNTHETIC variants of it built in memory for the renderer tests: a journey without a grade (a failed step, a
 * skipped step, an input that could not be measured, no reference step), a headline of exactly 80.0 with grade B,
 * and energy sources the demo cannot produce (partly measured, a 1.x charge counter). The synthetic edits only
 * change the fields the renderers read; nothing here is a measurement.
 */
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';

/** The recorded 2.0 result. */
export const FIXTURE_2_0 = 'test/fixtures/results/demo-health-2.0/result.json';

/** The recorded 2.0 result, as read (a fresh copy each time). */
export async function recorded(): Promise<Result> {
  return readResult(FIXTURE_2_0);
}

/** Kinds of synthetic "no grade" results. */
export type NoGradeKind = 'step-failed' | 'step-skipped' | 'input-missing' | 'no-reference';

/** The step of the demo that the synthetic variants break ("sign in", a critical load). */
export const BROKEN_STEP = 'sign in';

/**
 * SYNTHETIC: the recorded result as methodology 2.0 would write it had the journey no grade, for `kind`: no
 * headline, no sub-scores, `summary.status` saying why, and the step concerned without scores.
 */
export function withoutGrade(source: Result, kind: NoGradeKind): Result {
  const result = structuredClone(source);
  const index = result.steps.findIndex((step) => step.name === BROKEN_STEP);
  const step = result.steps[index];
  let status: Record<string, unknown>;
  switch (kind) {
    case 'step-failed':
      Object.assign(step, { status: 'failed', error: 'waitFor text "Tableau de bord": timeout 15000 ms exceeded', passedIterations: 0, failedIterations: 1, failedIn: [1], scores: null, grade: null });
      Object.assign(result.summary, { passedSteps: result.summary.passedSteps - 1, failedSteps: 1 });
      result.status = 'failed';
      status = { code: 'step-failed', step: BROKEN_STEP, iterations: [1], message: `no grade: step "${BROKEN_STEP}" failed (iteration 1)` };
      break;
    case 'step-skipped':
      Object.assign(step, { status: 'skipped', passedIterations: 0, scores: null, grade: null });
      Object.assign(result.summary, { passedSteps: result.summary.passedSteps - 1, skippedSteps: 1 });
      status = { code: 'step-skipped', step: BROKEN_STEP, message: `no grade: step "${BROKEN_STEP}" never ran` };
      break;
    case 'input-missing':
      step.scores = { ...step.scores!, energy: null, ecoscore: null };
      step.grade = null;
      step.unavailable = { energy: 'the power sampler lost samples for 1.2 s' };
      status = { code: 'input-missing', step: BROKEN_STEP, subScore: 'energy', reason: 'the power sampler lost samples for 1.2 s', message: 'no grade: …' };
      break;
    case 'no-reference':
      result.steps = result.steps.filter((s) => s.type !== 'reference');
      status = { code: 'no-reference', message: 'no grade: the journey has no reference step' };
      break;
  }
  Object.assign(result.summary, { ecoscore: null, grade: null, scores: null, status });
  return result;
}

/**
 * SYNTHETIC: the recorded result with a headline of exactly 80.0 (grade B: A needs more than 80), sub-scores
 * 80.0 / 75.0 / 85.0 and the login step at 80.0 B: every output must print "80.0" and "B", never "80".
 */
export function at80(source: Result): Result {
  const result = structuredClone(source);
  Object.assign(result.summary, { ecoscore: 80, grade: 'B', scores: { energy: 80, performance: 75, data: 85 } });
  result.summary.spread = { ecoscore: { min: 80, max: 80, cv: null, n: 1 } };
  const login = result.steps.find((step) => step.name === 'login page')!;
  Object.assign(login, { scores: { energy: 80, performance: 70, data: 90, ecoscore: 80 }, grade: 'B' });
  return result;
}

/** SYNTHETIC: an energy source measured on a device for some steps only (what an instrumented phone that lost samples writes). */
export function partlyMeasured(source: Result): Result {
  const result = structuredClone(source);
  // The recorded source is the model's: it becomes the fallback of the steps that could not be measured.
  const model = result.environment.energySource?.kind === 'model' ? result.environment.energySource : null;
  result.environment.energySource = {
    kind: 'measured',
    instrument: 'android-power-sampler',
    method: 'perfetto-battery',
    device: 'Pixel 4a',
    measuredSteps: 8,
    modelledSteps: 1,
    fallback: model,
    description: 'Measured on the device (Pixel 4a): battery current and voltage sampled and integrated over each step window; 1 step(s) could not be measured in every iteration and are modelled.',
  };
  for (const step of result.steps) step.energySource = { basis: 'measured' };
  result.steps.find((step) => step.name === BROKEN_STEP)!.energySource = { basis: 'model', reason: 'not measured in every iteration: the power sampler lost samples' };
  return result;
}
