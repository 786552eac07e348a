/**
 * CPU probe (web): main-thread time of the page's renderer from CDP `Performance.getMetrics`
 * (TaskDuration, ScriptDuration, LayoutDuration, RecalcStyleDuration, in seconds) as deltas over the
 * step. Runs under the device's CPU throttling, so the figures are times of the emulated device.
 */
import type { CDPSession } from 'playwright-core';
import type { Probe, ProbeFigures } from './probe.js';

const COUNTERS = { cpuMs: 'TaskDuration', scriptMs: 'ScriptDuration', layoutMs: 'LayoutDuration', styleMs: 'RecalcStyleDuration' } as const;
type Counter = keyof typeof COUNTERS;

/** Reads CDP Performance metrics as a name → value map. */
export async function readPerformanceMetrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return new Map(metrics.map((metric) => [metric.name, metric.value]));
}

/** Renderer main-thread CPU probe. */
export class CpuProbe implements Probe {
  readonly name = 'cpu';
  readonly fields = ['cpuMs', 'scriptMs', 'layoutMs', 'styleMs'] as const;
  private before: Map<string, number> | null = null;

  constructor(private readonly cdp: CDPSession) {}

  async start(): Promise<void> {
    this.before = await readPerformanceMetrics(this.cdp);
  }

  async stop(): Promise<ProbeFigures> {
    const after = await readPerformanceMetrics(this.cdp);
    const before = this.before;
    this.before = null;
    const figures: ProbeFigures = {};
    // The counters restart with every new document (a navigation, in the same renderer process or another):
    // after one, the new document's total is the time spent since, which belongs to this step. The main
    // frame's NavigationStart tells a new document even when its total has already passed the old start.
    const navigated = before !== null && before.get('NavigationStart') !== after.get('NavigationStart');
    for (const [field, metric] of Object.entries(COUNTERS) as [Counter, string][]) {
      const end = after.get(metric);
      if (end === undefined) throw new Error(`Performance.getMetrics has no ${metric}`);
      const start = before?.get(metric) ?? 0;
      const deltaSeconds = navigated || end < start ? end : end - start;
      figures[field] = round(deltaSeconds * 1000);
    }
    return figures;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
