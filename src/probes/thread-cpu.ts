/**
 * Off-main-thread CPU probe (web): the CPU time of the browser threads that work for the page besides the
 * renderer's main thread (whose time the cpu probe measures), per step, from one Chromium trace per iteration
 * (CDP `Tracing`, category `toplevel`: every thread's top-level tasks with their thread CPU time `tdur`). It works
 * wherever CDP does, remote browsers included. Per-process CPU (`SystemInfo.getProcessInfo`) cannot be used:
 * under CDP CPU throttling the renderer's main thread and its `CPUThrottlingThread` burn most of a core even when
 * the page is idle (Chromium's `thread_cpu_throttler.cc` busy-waits in a signal handler).
 *
 * Counted: renderer processes (not the browser's own WebUI renderers) except their main thread; the GPU process
 * (compositing, and rasterisation with `--disable-gpu`); the network service and other utility processes (not
 * the tracing service). Not counted: the browser process (it also serves this toolkit's DevTools traffic).
 * Step windows are marked in the trace with `Tracing.recordClockSyncMarker`; a task that straddles a boundary is
 * split in proportion to its wall time. Figures are host CPU ms (these threads are not throttled).
 */
import type { CDPSession } from 'playwright-core';

/** A trace event as `Tracing.dataCollected` delivers it (the fields read here). */
export interface TraceEvent {
  pid: number;
  tid: number;
  ph: string;
  name: string;
  cat?: string;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

/** Off-main CPU of one step, host ms. */
export interface OffMainCpu {
  /** Renderer threads other than the main thread: compositor, raster and decode workers, IPC, workers. */
  rendererOtherCpuMs: number;
  /** GPU process: display compositor, rasterisation. */
  gpuCpuMs: number;
  /** Network service and other utility processes. */
  utilityCpuMs: number;
}

type Group = keyof OffMainCpu;

/** Which figure a thread feeds (null: not counted), from its process and thread names. */
export function threadGroup(processName: string | undefined, threadName: string | undefined): Group | null {
  const process = processName ?? '';
  if (process === 'Renderer') return threadName === 'CrRendererMain' || threadName === 'CPUThrottlingThread' ? null : 'rendererOtherCpuMs';
  if (process === 'GPU Process') return 'gpuCpuMs';
  if (process.startsWith('Service:') && !process.includes('tracing')) return 'utilityCpuMs';
  return null;
}

/**
 * Off-main CPU per window from trace events (pure). `windows` are `[startTs, endTs]` in trace microseconds; a
 * window whose markers are missing is null.
 */
export function offMainCpuByWindow(events: ReadonlyArray<TraceEvent>, windows: ReadonlyArray<[number, number] | null>): (OffMainCpu | null)[] {
  const processNames = new Map<number, string>();
  const threadNames = new Map<string, string>();
  for (const event of events) {
    if (event.ph !== 'M') continue;
    const name = (event.args as { name?: string } | undefined)?.name;
    if (event.name === 'process_name' && name) processNames.set(event.pid, name);
    if (event.name === 'thread_name' && name) threadNames.set(`${event.pid}:${event.tid}`, name);
  }
  const totals = windows.map((window) => (window === null ? null : { rendererOtherCpuMs: 0, gpuCpuMs: 0, utilityCpuMs: 0 }));
  for (const event of events) {
    if (event.ph !== 'X' || !event.tdur || event.cat !== 'toplevel') continue;
    const group = threadGroup(processNames.get(event.pid), threadNames.get(`${event.pid}:${event.tid}`));
    if (group === null) continue;
    const start = event.ts;
    const end = event.ts + (event.dur ?? 0);
    windows.forEach((window, index) => {
      const total = totals[index];
      if (window === null || total === null) return;
      const overlap = Math.min(end, window[1]) - Math.max(start, window[0]);
      if (overlap <= 0 && !(end === start && start >= window[0] && start <= window[1])) return;
      const share = end > start ? overlap / (end - start) : 1;
      total[group] += (event.tdur! * share) / 1000;
    });
  }
  return totals.map((total) =>
    total === null ? null : { rendererOtherCpuMs: round(total.rendererOtherCpuMs), gpuCpuMs: round(total.gpuCpuMs), utilityCpuMs: round(total.utilityCpuMs) },
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** One trace per iteration on a browser-level CDP session, with a marker at each step's start and end. */
export class ThreadCpuTracer {
  private events: TraceEvent[] = [];
  private running = false;
  private readonly marks: string[] = [];

  constructor(private readonly browserCdp: CDPSession) {
    browserCdp.on('Tracing.dataCollected' as never, (payload: { value: TraceEvent[] }) => {
      for (const event of payload.value) if (event.ph === 'M' || event.name === 'clock_sync' || event.cat === 'toplevel') this.events.push(event);
    });
  }

  /** Starts the iteration's trace. */
  async begin(): Promise<void> {
    this.events = [];
    this.marks.length = 0;
    await this.browserCdp.send('Tracing.start' as never, { traceConfig: { includedCategories: ['toplevel', '__metadata'], recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' } as never);
    this.running = true;
  }

  /** True while a trace is being recorded. */
  get active(): boolean {
    return this.running;
  }

  /** Marks a point of the trace (a step's start or end). */
  async mark(id: string): Promise<void> {
    if (!this.running) return;
    await this.browserCdp.send('Tracing.recordClockSyncMarker' as never, { syncId: id } as never);
    this.marks.push(id);
  }

  /** Ends the trace and returns the off-main CPU between each pair of markers `[startId, endId]`. */
  async end(windows: ReadonlyArray<[string, string]>): Promise<(OffMainCpu | null)[]> {
    if (!this.running) return windows.map(() => null);
    this.running = false;
    const complete = new Promise<void>((resolve) => this.browserCdp.once('Tracing.tracingComplete' as never, () => resolve()));
    await this.browserCdp.send('Tracing.end' as never);
    await complete;
    const at = new Map<string, number>();
    for (const event of this.events) {
      const id = (event.args as { sync_id?: string } | undefined)?.sync_id;
      if (event.name === 'clock_sync' && id !== undefined) at.set(id, event.ts);
    }
    const spans = windows.map(([start, end]) => (at.has(start) && at.has(end) ? ([at.get(start)!, at.get(end)!] as [number, number]) : null));
    const result = offMainCpuByWindow(this.events, spans);
    this.events = [];
    return result;
  }
}
