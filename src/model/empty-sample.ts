/** A sample with no figure: a skipped step, or the start of a step before its probes report. */
import type { RawStepSample } from './result.js';

/** A `skipped` sample of step `index`: every figure null (never 0: nothing was measured). */
export function skippedSample(step: { name: string; type: RawStepSample['type'] }, index: number): RawStepSample {
  return {
    step: step.name,
    index,
    type: step.type,
    status: 'skipped',
    startedAt: new Date().toISOString(),
    durationMs: null,
    readyMs: null,
    bytes: null,
    requests: null,
    cachedRequests: null,
    failedRequests: null,
    firstPartyBytes: null,
    thirdPartyBytes: null,
    domains: null,
    cpuMs: null,
    scriptMs: null,
    layoutMs: null,
    styleMs: null,
    processCpuMs: null,
    memoryBytes: null,
    domElements: null,
    energyMah: null,
    dischargeUahPerS: null,
    url: null,
    screenshot: null,
  };
}
