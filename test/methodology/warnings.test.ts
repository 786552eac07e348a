/**
 * The one owner of a result's warnings (methodology/warnings.ts): each warning is a code with the params its
 * sentence needs and the English message; `--cv-threshold` decides which figures are unstable. Read on the recorded
 * demo result (test/fixtures/results/demo-health, see its PROVENANCE.md) scored again, and on a synthetic evaluation
 * (synthetic: made up for the tests, not recorded) for the run's conditions.
 */
import { describe, expect, it } from 'vitest';
import type { EnergySource } from '../../src/methodology/energy-source.js';
import type { Evaluation } from '../../src/methodology/evaluate.js';
import { DEFAULT_CV_THRESHOLD, WATCHED_METRICS, resultWarnings, type WarningContext } from '../../src/methodology/warnings.js';
import { readResult } from '../../src/output/result-file.js';
import { rescore } from '../../src/run/rescore.js';
import type { Run, Warning } from '../../src/model/result.js';

const FIXTURE = 'test/fixtures/results/demo-health/result.json';

/** The step figures above `threshold` that the rule watches (spread recorded in the fixture). */
function unstableFigures(steps: Awaited<ReturnType<typeof readResult>>['steps'], threshold: number): string[] {
  return steps.flatMap((step) =>
    WATCHED_METRICS.filter((metric) => {
      const spread = step.spread[metric];
      return spread?.cv != null && spread.cv > threshold && spread.max > spread.min;
    }).map((metric) => `${step.name}/${metric}`),
  );
}

describe('unstable figures follow the run’s cv threshold', () => {
  it('at the default 5 %, gives the recorded warnings as step-unstable codes with their figures', async () => {
    const recorded = await readResult(FIXTURE);
    const again = rescore(recorded);
    const unstable = again.warnings.filter((item): item is Extract<Warning, { code: 'step-unstable' }> => item.code === 'step-unstable');
    expect(unstable.map((item) => `${item.params.step}/${item.params.metric}`)).toEqual(unstableFigures(recorded.steps, DEFAULT_CV_THRESHOLD));
    for (const item of unstable) {
      const spread = recorded.steps.find((step) => step.name === item.params.step)!.spread[item.params.metric]!;
      expect(item.params).toMatchObject({ cv: spread.cv, min: spread.min, max: spread.max, n: spread.n, cvThreshold: DEFAULT_CV_THRESHOLD });
      expect(item.message).toContain(`${item.params.metric} is unstable (cv ${(spread.cv! * 100).toFixed(1)} %`);
    }
  });

  it('at --cv-threshold 0.15, warns only about the figures above 15 %', async () => {
    const recorded = await readResult(FIXTURE);
    const again = rescore(recorded, { cvThreshold: 0.15 });
    const unstable = again.warnings.filter((item) => item.code === 'step-unstable');
    const expected = unstableFigures(recorded.steps, 0.15);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(unstableFigures(recorded.steps, DEFAULT_CV_THRESHOLD).length);
    expect(unstable.map((item) => (item.code === 'step-unstable' ? `${item.params.step}/${item.params.metric}` : ''))).toEqual(expected);
    for (const item of unstable) expect(item.params).toMatchObject({ cvThreshold: 0.15 });
  });
});

/** A finished evaluation with no spread, no failure and no measured energy (synthetic). */
function evaluation(runs: Run[] = [], journeyCv: number | null = null): Evaluation {
  return { runs, ecoscoreSpread: journeyCv === null ? null : { min: 50, max: 60, cv: journeyCv, n: 3 }, energyBases: [] } as unknown as Evaluation;
}

const MODEL = { kind: 'model', model: 'ecoscore-energy', version: '2.0.0', device: 'd', network: 'n', calibrated: false, calibration: null, assumptions: {}, description: '' } as unknown as EnergySource;

const BASE: WarningContext = { steps: [], iterations: 3, completedIterations: 3, interrupted: false, energySource: MODEL, calibrationFailed: false };

describe('the run’s conditions', () => {
  it('gives nothing for a clean run', () => {
    expect(resultWarnings(evaluation(), BASE)).toEqual([]);
  });

  it('codes each condition with its params, in the runner’s order', () => {
    const runs = [{ iteration: 2, status: 'failed', startedAt: '', finishedAt: null, samples: [{ unavailable: { memory: 'no heap' } }] }] as unknown as Run[];
    const warnings = resultWarnings(evaluation(runs, 0.08), {
      ...BASE,
      completedIterations: 1,
      interrupted: true,
      browserRestarts: 2,
      energySource: { ...MODEL, reason: 'the device was charging' } as EnergySource,
      deviceWarnings: ['automatic brightness is on'],
      lighthouseError: 'Lighthouse timed out',
      calibrationFailed: true,
      calibrationError: 'no CDP',
      testConditions: ['a trace was recorded'],
      testEndedAfterSteps: { status: 'timedOut', error: null },
    });
    expect(warnings.map((item) => item.code)).toEqual([
      'journey-unstable',
      'iterations-failed',
      'browser-restarted',
      'run-interrupted',
      'probe-unavailable',
      'energy-modelled',
      'device-check',
      'lighthouse-failed',
      'calibration-failed',
      'test-condition',
      'test-ended-after-steps',
    ]);
    expect(warnings.map((item) => item.params)).toEqual([
      { cv: 0.08, n: 3, cvThreshold: 0.05 },
      { iterations: [2] },
      { restarts: 2 },
      { completedIterations: 1, iterations: 3 },
      { probe: 'memory', reason: 'no heap' },
      { reason: 'the device was charging' },
      { text: 'automatic brightness is on' },
      { error: 'Lighthouse timed out' },
      { reason: 'no CDP' },
      { text: 'a trace was recorded' },
      { status: 'timedOut', error: null },
    ]);
    expect(warnings[0].message).toBe('the journey ecoscore varies by 8.0 % (cv) over 3 iterations, above 5 %: add iterations (--until-stable) or check what differs between them');
    expect(warnings[8].message).toBe('the host speed calibration failed (no CDP): CPU energy is not normalised across machines');
    expect(warnings[10].message).toBe('the test timedOut after its measured steps; the measures are complete');
  });

  it('does not call the journey unstable at or below the threshold', () => {
    expect(resultWarnings(evaluation([], 0.08), { ...BASE, cvThreshold: 0.1 })).toEqual([]);
    expect(resultWarnings(evaluation([], 0.05), BASE)).toEqual([]);
  });
});
