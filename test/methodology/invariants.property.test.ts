/**
 * Invariants of methodology 2.0, pinned with property-based tests over generated journeys and samples (synthetic
 * inputs from fast-check): the journey score rises and falls with the work, and no journey layout can raise it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StepType } from '../../src/journey/schema.js';
import { evaluate, type Evaluation } from '../../src/methodology/evaluate.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';
import type { RawStepSample, Run } from '../../src/model/result.js';
import { sample, type TestStep } from './samples.js';

const DEVICES = ['entry-level-phone', 'mid-range-phone', 'high-end-phone'].map(getDeviceProfile);
const NETWORKS = ['wifi', '4g', '3g'].map(getNetworkProfile);
const WORK_TYPES: StepType[] = ['first-load', 'load', 'action', 'scroll'];
const calibration = { benchmarkIndex: 500, throttlingRate: 4, hostBenchmarkIndex: 2000, durationMs: 900, method: 'test' };
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };

/** Figures of one step in one iteration. */
type Figures = Pick<RawStepSample, 'durationMs' | 'responseMs' | 'bytes' | 'requests' | 'cpuMs' | 'rendererOtherCpuMs' | 'gpuCpuMs' | 'utilityCpuMs'>;

const workFigures: fc.Arbitrary<Figures> = fc
  .record({
    responseMs: fc.integer({ min: 20, max: 20_000 }),
    paddingMs: fc.integer({ min: 0, max: 5_000 }),
    bytes: fc.integer({ min: 0, max: 8_000_000 }),
    requests: fc.integer({ min: 0, max: 200 }),
    cpuMs: fc.integer({ min: 0, max: 8_000 }),
    rendererOtherCpuMs: fc.integer({ min: 0, max: 1_000 }),
    gpuCpuMs: fc.integer({ min: 0, max: 1_000 }),
    utilityCpuMs: fc.integer({ min: 0, max: 500 }),
  })
  .map(({ paddingMs, ...figures }) => ({ ...figures, durationMs: figures.responseMs + paddingMs }));

/** Reference-like idle figures for `durationMs` (the idle browser's small CPU rate of the reference step). */
const idleFigures = (durationMs: number): Figures => ({ durationMs, responseMs: null, bytes: 0, requests: 0, cpuMs: durationMs / 500, rendererOtherCpuMs: durationMs / 1000, gpuCpuMs: durationMs / 1000, utilityCpuMs: 0 });

interface Case {
  steps: TestStep[];
  /** figures[iteration][stepIndex] */
  figures: Figures[][];
  device: number;
  network: number;
}

const stepArb = fc.record({ type: fc.constantFrom<StepType>(...WORK_TYPES, 'pause'), critical: fc.boolean() });

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    steps: fc.array(stepArb, { minLength: 1, maxLength: 7 }).filter((list) => list.some((step) => step.type !== 'pause')),
    iterations: fc.integer({ min: 1, max: 4 }),
    device: fc.integer({ min: 0, max: DEVICES.length - 1 }),
    network: fc.integer({ min: 0, max: NETWORKS.length - 1 }),
    seed: fc.integer(),
  })
  .chain(({ steps, iterations, device, network }) => {
    const journey: TestStep[] = [{ name: 'reference', type: 'reference', critical: false }, ...steps.map((step, i) => ({ name: `s${i}`, ...step }))];
    const iteration = fc.tuple(...journey.map((step) => (step.type === 'reference' || step.type === 'pause' ? fc.integer({ min: 1000, max: 30_000 }).map(idleFigures) : workFigures)));
    return fc.array(iteration, { minLength: iterations, maxLength: iterations }).map((figures) => ({ steps: journey, figures, device, network }));
  });

function runsOf(c: Case): Run[] {
  return c.figures.map((iteration, i) => ({
    iteration: i + 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    status: 'passed',
    samples: c.steps.map((_, index) => sample(c.steps, index, iteration[index])),
  }));
}

function score(c: Case, runs: Run[] = runsOf(c)): Evaluation {
  return evaluate(runs, { steps: c.steps, platform: 'web', device: DEVICES[c.device]!, network: NETWORKS[c.network]!, calibration });
}

/** Journey ecoscore, or -Infinity when not graded (no grade is never better than a grade). */
const headline = (evaluation: Evaluation) => evaluation.journey.ecoscore ?? -Infinity;

/** Applies `change` to the figures of one (work) step in every iteration. */
function withStep(c: Case, index: number, change: (figures: Figures) => Figures): Case {
  return { ...c, figures: c.figures.map((iteration) => iteration.map((figures, i) => (i === index ? change(figures) : figures))) };
}

const workIndex = (c: Case, pick: number) => {
  const indexes = c.steps.map((step, i) => (WORK_TYPES.includes(step.type) ? i : -1)).filter((i) => i >= 0);
  return indexes[pick % indexes.length]!;
};

describe('methodology invariants (property-based)', () => {
  it('scores every generated journey in [0, 100] with a grade, never NaN, the headline inside its own spread', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const evaluation = score(c);
        expect(evaluation.status.code).toBe('graded');
        const { ecoscore, scores } = evaluation.journey;
        for (const value of [ecoscore, scores.energy, scores.performance, scores.data]) {
          expect(Number.isFinite(value)).toBe(true);
          expect(value!).toBeGreaterThanOrEqual(0);
          expect(value!).toBeLessThanOrEqual(100);
        }
        expect(ecoscore!).toBeGreaterThanOrEqual(evaluation.ecoscoreSpread!.min);
        expect(ecoscore!).toBeLessThanOrEqual(evaluation.ecoscoreSpread!.max);
        for (const name of ['energy', 'performance', 'data'] as const) {
          expect(scores[name]!).toBeGreaterThanOrEqual(evaluation.subScoreSpread[name]!.min);
          expect(scores[name]!).toBeLessThanOrEqual(evaluation.subScoreSpread[name]!.max);
        }
        for (const step of evaluation.steps) {
          for (const value of Object.values(step.scores ?? {})) if (value !== null) expect(value >= 0 && value <= 100).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never rises when a step moves more bytes, makes more requests, uses more CPU or responds later', () => {
    const more = fc.constantFrom<(f: Figures, k: number) => Figures>(
      (f, k) => ({ ...f, bytes: f.bytes! + k * 1000 }),
      (f, k) => ({ ...f, requests: f.requests! + k }),
      (f, k) => ({ ...f, cpuMs: f.cpuMs! + k }),
      (f, k) => ({ ...f, gpuCpuMs: f.gpuCpuMs! + k }),
      (f, k) => ({ ...f, rendererOtherCpuMs: f.rendererOtherCpuMs! + k }),
      (f, k) => ({ ...f, utilityCpuMs: f.utilityCpuMs! + k }),
      (f, k) => ({ ...f, responseMs: f.responseMs! + k, durationMs: f.durationMs! + k }),
    );
    fc.assert(
      fc.property(caseArb, fc.nat(), more, fc.integer({ min: 1, max: 5_000 }), (c, pick, change, k) => {
        const index = workIndex(c, pick);
        const before = score(c).journey;
        const after = score(withStep(c, index, (f) => change(f, k))).journey;
        expect(headline({ journey: after } as Evaluation)).toBeLessThanOrEqual(before.ecoscore!);
        for (const name of ['energy', 'performance', 'data'] as const) expect(after.scores[name]!).toBeLessThanOrEqual(before.scores[name]!);
      }),
      RUNS,
    );
  });

  it('does not move when a step is padded after it is ready, or does the same work more slowly never rises', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.integer({ min: 1, max: 60_000 }), fc.double({ min: 1, max: 10, noNaN: true }), (c, pick, padMs, slowdown) => {
        const index = workIndex(c, pick);
        const base = score(c).journey.ecoscore!;
        const padded = score(withStep(c, index, (f) => ({ ...f, durationMs: f.durationMs! + padMs }))).journey.ecoscore!;
        expect(padded).toBe(base);
        const slower = score(withStep(c, index, (f) => ({ ...f, responseMs: f.responseMs! * slowdown, durationMs: f.durationMs! * slowdown }))).journey.ecoscore!;
        expect(slower).toBeLessThanOrEqual(base);
      }),
      RUNS,
    );
  });

  it('never rises when idle pause steps are added anywhere, and does not move when they idle like the reference', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.integer({ min: 1000, max: 60_000 }), fc.boolean(), fc.integer({ min: 0, max: 3000 }), (c, at, durationMs, critical, extraCpuMs) => {
        const position = 1 + (at % c.steps.length);
        const pause: TestStep = { name: 'padding pause', type: 'pause', critical };
        const steps = [...c.steps.slice(0, position), pause, ...c.steps.slice(position)];
        const insert = (figures: Figures[], idle: Figures) => [...figures.slice(0, position), idle, ...figures.slice(position)];
        const base = score(c).journey.ecoscore!;
        const idle = score({ ...c, steps, figures: c.figures.map((f) => insert(f, idleFigures(durationMs))) }).journey.ecoscore!;
        expect(Math.abs(idle - base)).toBeLessThanOrEqual(0.1);
        expect(idle).toBeLessThanOrEqual(base + 1e-9);
        const busy = score({ ...c, steps, figures: c.figures.map((f) => insert(f, { ...idleFigures(durationMs), cpuMs: durationMs / 500 + extraCpuMs, bytes: extraCpuMs * 10 })) }).journey.ecoscore!;
        expect(busy).toBeLessThanOrEqual(idle);
      }),
      RUNS,
    );
  });

  it('never rises when a step is flagged critical', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const index = 1 + (pick % (c.steps.length - 1));
        const unflagged = { ...c, steps: c.steps.map((step, i) => (i === index ? { ...step, critical: false } : step)) };
        const flagged = { ...c, steps: c.steps.map((step, i) => (i === index ? { ...step, critical: true } : step)) };
        expect(score(flagged).journey.ecoscore!).toBeLessThanOrEqual(score(unflagged).journey.ecoscore!);
      }),
      RUNS,
    );
  });

  it('gives no grade when a step fails fast, so failing is never better than completing', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), (c, pickStep, pickIteration) => {
        const index = workIndex(c, pickStep);
        const runs = runsOf(c);
        const broken = runs[pickIteration % runs.length]!;
        broken.status = 'failed';
        broken.samples = broken.samples.map((s, i): RawStepSample =>
          i < index ? s : i === index ? { ...s, status: 'failed', error: 'failed fast', durationMs: 1, responseMs: null, bytes: 0, requests: 0, cpuMs: 0 } : { ...s, status: 'skipped' },
        );
        const evaluation = score(c, runs);
        expect(evaluation.status.code).toBe('step-failed');
        expect(evaluation.journey.ecoscore).toBeNull();
        expect(evaluation.journey.grade).toBeNull();
        expect(headline(evaluation)).toBeLessThan(score(c).journey.ecoscore!);
      }),
      RUNS,
    );
  });
});
