import { describe, expect, it } from 'vitest';
import { evaluate, withModelledEnergy } from '../../src/methodology/evaluate.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';
import type { RawStepSample, Run } from '../../src/result/schema.js';

const device = getDeviceProfile('mid-range-phone');
const network = getNetworkProfile('wifi');
const calibration = { benchmarkIndex: 437.5, throttlingRate: 4, hostBenchmarkIndex: 1750, durationMs: 900, method: 'test' };
const steps = [
  { name: 'reference', type: 'reference' as const, critical: false },
  { name: 'home', type: 'first-load' as const, critical: true },
  { name: 'read', type: 'pause' as const, critical: false },
  { name: 'heavy', type: 'load' as const, critical: false },
];

function sample(index: number, figures: Partial<RawStepSample> = {}): RawStepSample {
  return {
    step: steps[index].name,
    index,
    type: steps[index].type,
    status: 'passed',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 5000,
    readyMs: null,
    bytes: 0,
    requests: 0,
    cachedRequests: 0,
    failedRequests: 0,
    firstPartyBytes: 0,
    thirdPartyBytes: 0,
    domains: {},
    cpuMs: 10,
    scriptMs: 0,
    layoutMs: 0,
    styleMs: 0,
    processCpuMs: 100,
    memoryBytes: 1_000_000,
    domElements: 3,
    energyMah: null,
    dischargeUahPerS: null,
    url: null,
    screenshot: null,
    ...figures,
  };
}

function run(iteration: number, scale = 1, overrides: Record<number, Partial<RawStepSample>> = {}): Run {
  return {
    iteration,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    status: 'passed',
    samples: [
      sample(0, overrides[0]),
      sample(1, { durationMs: 1200 * scale, readyMs: 700 * scale, bytes: 30_000, requests: 5, cpuMs: 200 * scale, domElements: 60, ...overrides[1] }),
      sample(2, overrides[2]),
      sample(3, { durationMs: 7000 * scale, readyMs: 3500 * scale, bytes: 3_700_000, requests: 10, cpuMs: 1500 * scale, domElements: 1969, ...overrides[3] }),
    ],
  };
}

const context = { steps, platform: 'web' as const, device, network, calibration };

describe('evaluate', () => {
  it('fills the modelled energy of every measured sample, and leaves skipped ones null', () => {
    const runs = withModelledEnergy([{ ...run(1), samples: [...run(1).samples.slice(0, 3), { ...sample(3), status: 'skipped' as const, durationMs: null }] }], context);
    expect(runs[0].samples[1].energyMah).toBeGreaterThan(0);
    expect(runs[0].samples[1].dischargeUahPerS).toBeGreaterThan(0);
    expect(runs[0].samples[3].energyMah).toBeNull();
  });

  it('scores steps from the medians against the reference step', () => {
    const evaluation = evaluate([run(1), run(2, 1.1), run(3, 0.9)], context);
    const [reference, home, read, heavy] = evaluation.steps;
    expect(reference.dischargeRatio).toBeNull();
    expect(read.dischargeRatio).toBeCloseTo(1, 2); // an idle page draws what the idle blank tab draws
    expect(heavy.dischargeRatio!).toBeGreaterThan(home.dischargeRatio!);
    expect(read.scores!.performance).toBeNull();
    expect(heavy.scores!.data!).toBeLessThan(home.scores!.data!);
    expect(heavy.scores!.energy!).toBeLessThan(home.scores!.energy!);
    expect(home.metrics.durationMs).toBe(1200); // median of 1200, 1320, 1080
    expect(home.spread.durationMs.min).toBe(1080);
    expect(home.spread.durationMs.max).toBeCloseTo(1320, 6);
  });

  it('gives EcoIndex only for web loads and a footprint for every step that ran', () => {
    const evaluation = evaluate([run(1)], context);
    expect(evaluation.steps[1].ecoindex).not.toBeNull();
    expect(evaluation.steps[3].ecoindex!.score).toBeLessThan(evaluation.steps[1].ecoindex!.score);
    expect(evaluation.steps[0].ecoindex).toBeNull();
    expect(evaluation.steps[2].ecoindex).toBeNull();
    expect(evaluate([run(1)], { ...context, platform: 'mobile' }).steps[1].ecoindex).toBeNull();
    for (const step of evaluation.steps) expect(step.footprint!.ghgGrams).toBeGreaterThan(0);
  });

  it('reports the journey ecoscore of each iteration and its spread', () => {
    const heavier = { 3: { bytes: 6_000_000, cpuMs: 3000, readyMs: 6000 } };
    const lighter = { 3: { bytes: 1_000_000, cpuMs: 800, readyMs: 2000 } };
    const evaluation = evaluate([run(1), run(2, 1, heavier), run(3, 1, lighter)], context);
    expect(evaluation.iterationEcoscores).toHaveLength(3);
    const [a, b, c] = evaluation.iterationEcoscores as number[];
    expect(b).toBeLessThan(a); // heavier iteration, lower score
    expect(c).toBeGreaterThan(a);
    expect(evaluation.ecoscoreSpread!.min).toBe(b);
    expect(evaluation.ecoscoreSpread!.max).toBe(c);
    expect(evaluation.ecoscoreSpread!.n).toBe(3);
    expect(evaluation.journey.ecoscore).toBeGreaterThan(0);
  });

  it('does not score a step that never ran, and the journey footprint is then unknown', () => {
    const failedRun: Run = {
      ...run(1),
      status: 'failed',
      samples: [...run(1).samples.slice(0, 3), { ...sample(3), status: 'skipped', durationMs: null, bytes: null, requests: null, cpuMs: null }],
    };
    const evaluation = evaluate([failedRun], context);
    expect(evaluation.steps[3].status).toBe('skipped');
    expect(evaluation.steps[3].scores).toBeNull();
    expect(evaluation.steps[3].footprint).toBeNull();
    expect(evaluation.footprint).toBeNull();
    expect(evaluation.projection).toBeNull();
  });

  it('projects the footprint per 1,000 journeys, and per year only when usage is given', () => {
    const plain = evaluate([run(1)], context);
    expect(plain.projection!.perThousandJourneys.ghgGrams).toBeCloseTo(plain.footprint!.ghgGrams * 1000, 9);
    expect(plain.projection!.perYear).toBeNull();
    const withUsage = evaluate([run(1)], { ...context, usage: { users: 10_000, journeysPerUserPerYear: 52 } });
    expect(withUsage.projection!.perYear!.ghgGrams).toBeCloseTo(withUsage.footprint!.ghgGrams * 520_000, 6);
    expect(withUsage.projection!.usage!.journeysPerYear).toBe(520_000);
  });

  it('uses the world grid when asked (higher carbon intensity than France)', () => {
    const fr = evaluate([run(1)], context).footprint!;
    const world = evaluate([run(1)], { ...context, grid: 'WORLD' }).footprint!;
    expect(world.breakdown.deviceElectricity.ghgGrams).toBeGreaterThan(fr.breakdown.deviceElectricity.ghgGrams);
  });
});
