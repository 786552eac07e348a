import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/methodology/evaluate.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';
import type { Run } from '../../src/model/result.js';
import { run, sample, type TestStep } from './samples.js';

const device = getDeviceProfile('mid-range-phone');
const network = getNetworkProfile('wifi');
const calibration = { benchmarkIndex: 437.5, throttlingRate: 4, hostBenchmarkIndex: 1750, durationMs: 900, method: 'test' };
const steps: TestStep[] = [
  { name: 'reference', type: 'reference', critical: false },
  { name: 'home', type: 'first-load', critical: true },
  { name: 'read', type: 'pause', critical: false },
  { name: 'heavy', type: 'load', critical: false },
];
const home = { durationMs: 1200, readyMs: 700, responseMs: 700, bytes: 30_000, requests: 5, cpuMs: 200, rendererOtherCpuMs: 30, gpuCpuMs: 40, utilityCpuMs: 10, domElements: 60, documentElements: 60 };
const heavy = { durationMs: 7000, readyMs: 3500, responseMs: 6500, bytes: 3_700_000, requests: 10, cpuMs: 1500, rendererOtherCpuMs: 400, gpuCpuMs: 300, utilityCpuMs: 200, domElements: 1969, documentElements: 1969 };
const demoRun = (iteration: number, scale = 1): Run =>
  run(steps, iteration, {
    1: { ...home, cpuMs: home.cpuMs * scale, responseMs: home.responseMs * scale },
    3: { ...heavy, cpuMs: heavy.cpuMs * scale, responseMs: heavy.responseMs * scale },
  });
const context = { steps, platform: 'web' as const, device, network, calibration };

describe('evaluate', () => {
  it('fills energy, excess and basis of every sample that ran, and leaves skipped ones alone', () => {
    const skipped: Run = { ...demoRun(1), samples: [...demoRun(1).samples.slice(0, 3), { ...sample(steps, 3), status: 'skipped', durationMs: null }] };
    const [evaluated] = evaluate([skipped], context).runs;
    expect(evaluated!.samples[1]!.energyMah!).toBeGreaterThan(evaluated!.samples[1]!.excessEnergyMah!);
    expect(evaluated!.samples[1]!.energyBasis).toBe('model');
    expect(evaluated!.samples[3]!.energyMah).toBeNull();
  });

  it('counts an idle step only beyond the reference\u2019s own rate: a pause like the reference scores 100', () => {
    const evaluation = evaluate([demoRun(1)], context);
    const read = evaluation.runs[0]!.samples[2]!;
    expect(read.excessEnergyMah).toBe(0);
    expect(evaluation.steps[2]!.scores).toMatchObject({ energy: 100, performance: null, data: 100 });
    const busy = evaluate([run(steps, 1, { 1: home, 2: { cpuMs: 400, gpuCpuMs: 200 }, 3: heavy })], context);
    expect(busy.runs[0]!.samples[2]!.excessEnergyMah!).toBeGreaterThan(0);
    expect(busy.steps[2]!.scores!.energy!).toBeLessThan(100);
  });

  it('scores each iteration and gives the medians of their scores, one decimal, inside their spread', () => {
    const evaluation = evaluate([demoRun(1), demoRun(2, 1.5), demoRun(3, 0.7)], context);
    expect(evaluation.status).toEqual({ code: 'graded' });
    const [a, b, c] = evaluation.iterationEcoscores as number[];
    expect(b).toBeLessThan(a!);
    expect(c).toBeGreaterThan(a!);
    expect(evaluation.journey.ecoscore).toBe(a);
    expect(evaluation.ecoscoreSpread).toMatchObject({ min: b, max: c, n: 3 });
    for (const value of [evaluation.journey.ecoscore!, ...Object.values(evaluation.journey.scores)]) expect(Math.round(value! * 10) / 10).toBe(value);
    const heavyStep = evaluation.steps[3]!;
    expect(heavyStep.scores!.energy!).toBeGreaterThanOrEqual(heavyStep.scoreSpread!.energy!.min);
    expect(heavyStep.scores!.energy!).toBeLessThanOrEqual(heavyStep.scoreSpread!.energy!.max);
    expect(heavyStep.grade).toMatch(/^[A-G]$/);
    expect(evaluation.steps[0]!.scores).toBeNull(); // the reference is the baseline, not scored
  });

  it('gives no grade when a step failed in any iteration, and no scores to that step', () => {
    const failed: Run = { ...demoRun(2), status: 'failed', samples: [...demoRun(2).samples.slice(0, 3), { ...sample(steps, 3, heavy), status: 'failed', error: 'timeout' }] };
    const evaluation = evaluate([demoRun(1), failed], context);
    expect(evaluation.status).toEqual({ code: 'step-failed', step: 'heavy', iterations: [2] });
    expect(evaluation.journey).toMatchObject({ ecoscore: null, grade: null });
    expect(evaluation.steps[3]!.scores).toBeNull();
    expect(evaluation.iterationEcoscores).toEqual([expect.any(Number), null]);
  });

  it('gives no grade without a reference step, without a measured input, while running or when interrupted', () => {
    const noReference = evaluate([run(steps.slice(1), 1, { 0: home, 2: heavy })], { ...context, steps: steps.slice(1) });
    expect(noReference.status.code).toBe('no-reference');
    expect(noReference.journey.grade).toBeNull();
    const lost = run(steps, 1, { 1: home, 3: { ...heavy, gpuCpuMs: null, unavailable: { 'thread-cpu': 'tracing failed' } } });
    expect(evaluate([lost], context).status).toEqual({ code: 'input-missing', step: 'heavy', subScore: 'energy', reason: 'tracing failed' });
    expect(evaluate([demoRun(1)], { ...context, runState: 'running' }).status.code).toBe('running');
    expect(evaluate([demoRun(1)], { ...context, runState: 'interrupted' }).journey.ecoscore).toBeNull();
  });

  it('measures a step only when it and the reference were measured in every iteration (never mixed)', () => {
    const measured = (iteration: number, gap = false) =>
      run(steps, iteration, {
        0: { measuredEnergyMah: 0.3 },
        1: { ...home, measuredEnergyMah: 0.2 },
        2: { measuredEnergyMah: 0.31 },
        3: gap ? { ...heavy, measuredEnergyMah: null, unavailable: { energy: 'the device was charging' } } : { ...heavy, measuredEnergyMah: 1.2 },
      });
    const evaluation = evaluate([measured(1), measured(2, true)], context);
    expect(evaluation.energyBases.map((basis) => basis.measured)).toEqual([true, true, true, false]);
    expect(evaluation.steps[3]!.energySource).toEqual({ basis: 'model', reason: expect.stringMatching(/charging/) });
    expect(evaluation.runs[0]!.samples[3]!.energyBasis).toBe('model');
    // The measured excess is the measured charge minus the reference rate × the duration: 0.2 − 0.3 × 1.2 s / 5 s.
    expect(evaluation.runs[0]!.samples[1]!.excessEnergyMah).toBeCloseTo(0.2 - (0.3 / 5000) * 1200, 6);
    expect(evaluation.steps[3]!.dischargeRatio).toBeNull(); // modelled step, measured reference: no ratio
  });

  it('gives EcoIndex only for first loads of web targets, with the reference\u2019s DOM count', () => {
    const evaluation = evaluate([demoRun(1)], context);
    expect(evaluation.steps[1]!.ecoindex).not.toBeNull();
    expect(evaluation.steps[3]!.ecoindex).toBeNull();
    expect(evaluate([demoRun(1)], { ...context, platform: 'mobile' }).steps[1]!.ecoindex).toBeNull();
    expect(evaluate([run(steps, 1, { 1: { ...home, documentElements: null }, 3: heavy })], context).steps[1]!.ecoindex).toBeNull();
  });

  it('records the curves it scored on, resolved for the device and network', () => {
    const evaluation = evaluate([demoRun(1)], context);
    expect(evaluation.thresholds.steps.load.energy!.points[0]).toEqual({ value: 0, score: 100 });
    expect(evaluation.thresholds.steps.load.energy!.points.length).toBeGreaterThan(3);
  });

  it('projects the footprint per 1,000 journeys, and per year only when usage is given', () => {
    const plain = evaluate([demoRun(1)], context);
    expect(plain.projection!.perThousandJourneys.ghgGrams).toBeCloseTo(plain.footprint!.ghgGrams * 1000, 9);
    expect(plain.projection!.perYear).toBeNull();
    const withUsage = evaluate([demoRun(1)], { ...context, usage: { users: 10_000, journeysPerUserPerYear: 52 } });
    expect(withUsage.projection!.perYear!.ghgGrams).toBeCloseTo(withUsage.footprint!.ghgGrams * 520_000, 6);
  });
});
