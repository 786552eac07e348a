/**
 * Builders of synthetic raw samples and runs for methodology tests (synthetic: made up for the tests, not recorded).
 */
import type { StepType } from '../../src/journey/schema.js';
import type { RawStepSample, Run } from '../../src/model/result.js';

/** A journey step as the methodology reads it. */
export interface TestStep {
  name: string;
  type: StepType;
  critical: boolean;
}

/** A passed sample of step `index` of `steps`, idle unless figures say otherwise. */
export function sample(steps: ReadonlyArray<TestStep>, index: number, figures: Partial<RawStepSample> = {}): RawStepSample {
  const step = steps[index]!;
  return {
    step: step.name,
    index,
    type: step.type,
    status: 'passed',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 5000,
    readyMs: null,
    responseMs: null,
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
    processCpuMs: null,
    rendererOtherCpuMs: 5,
    gpuCpuMs: 5,
    utilityCpuMs: 2,
    memoryBytes: 1_000_000,
    domElements: 3,
    documentElements: 3,
    energyMah: null,
    dischargeUahPerS: null,
    url: null,
    screenshot: null,
    ...figures,
  };
}

/** One passed iteration: a sample per step, with `figures[index]` overriding step `index`'s figures. */
export function run(steps: ReadonlyArray<TestStep>, iteration: number, figures: Record<number, Partial<RawStepSample>> = {}): Run {
  return {
    iteration,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    status: 'passed',
    samples: steps.map((_, index) => sample(steps, index, figures[index])),
  };
}
