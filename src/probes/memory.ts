/**
 * Memory probe (web): JavaScript heap in use at the end of the step (CDP `Performance.getMetrics`
 * `JSHeapUsedSize`, bytes).
 */
import type { CDPSession } from 'playwright-core';
import { readPerformanceMetrics } from './cpu.js';
import type { Probe, ProbeFigures } from './probe.js';

/** JS heap probe. */
export class MemoryProbe implements Probe {
  readonly name = 'memory';
  readonly fields = ['memoryBytes'] as const;

  constructor(private readonly cdp: CDPSession) {}

  async start(): Promise<void> {}

  async stop(): Promise<ProbeFigures> {
    const metrics = await readPerformanceMetrics(this.cdp);
    const used = metrics.get('JSHeapUsedSize');
    if (used === undefined) throw new Error('Performance.getMetrics has no JSHeapUsedSize');
    return { memoryBytes: used };
  }
}
