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
 * the tracing service). Not counted: the browser process (it also serves this toolkit's DevTools traffic) and
 * every process's trace writer thread (`PerfettoTrace`).
 * Step windows are marked in the trace with `Tracing.recordClockSyncMarker`; a task that straddles a boundary is
 * split in proportion to its wall time. Figures are host CPU ms (these threads are not throttled). The trace is read
 * in Perfetto's protobuf format (chrome-trace-proto.ts), decoded chunk by chunk as it is read.
 */
import type { CDPSession } from 'playwright-core';
import { ChromeTraceReader, type ChromeTrace } from './chrome-trace-proto.js';

/**
 * Bytes asked for per `IO.read` of the trace stream: small enough that decoding a chunk overlaps the browser's
 * preparing the next (the first read and the last decode cannot overlap anything).
 */
const READ_CHUNK_BYTES = 1024 * 1024;

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
  // The trace's own writer thread (PerfettoTrace) is this probe's cost, not the page's.
  if (threadName === 'PerfettoTrace') return null;
  if (process === 'Renderer') return threadName === 'CrRendererMain' || threadName === 'CPUThrottlingThread' ? null : 'rendererOtherCpuMs';
  if (process === 'GPU Process') return 'gpuCpuMs';
  if (process.startsWith('Service:') && !process.includes('tracing')) return 'utilityCpuMs';
  return null;
}

/**
 * Off-main CPU per window from a decoded trace (pure). `windows` are `[startUs, endUs]` on the trace clock; a window
 * whose markers are missing is null. A slice straddling a window edge counts in proportion to its wall time inside.
 */
export function offMainCpuByWindow(trace: ChromeTrace, windows: ReadonlyArray<[number, number] | null>): (OffMainCpu | null)[] {
  const totals = windows.map((window) => (window === null ? null : { rendererOtherCpuMs: 0, gpuCpuMs: 0, utilityCpuMs: 0 }));
  // The group of each thread, looked up once (a trace has some hundred thousand slices of some tens of threads).
  const groups = new Map<number, Map<number, Group | null>>();
  for (const slice of trace.slices) {
    if (slice.cpuUs === null || slice.cpuUs === 0) continue;
    let byTid = groups.get(slice.pid);
    if (!byTid) groups.set(slice.pid, (byTid = new Map()));
    let group = byTid.get(slice.tid);
    if (group === undefined) {
      group = threadGroup(trace.processNames.get(slice.pid), trace.threadNames.get(`${slice.pid}:${slice.tid}`));
      byTid.set(slice.tid, group);
    }
    if (group === null) continue;
    for (let index = 0; index < windows.length; index++) {
      const window = windows[index]!;
      const total = totals[index]!;
      if (window === null || total === null) continue;
      const overlap = Math.min(slice.endUs, window[1]) - Math.max(slice.startUs, window[0]);
      const length = slice.endUs - slice.startUs;
      if (length > 0 ? overlap <= 0 : !(slice.startUs >= window[0] && slice.startUs < window[1])) continue;
      const share = length > 0 ? overlap / length : 1;
      total[group] += (slice.cpuUs * share) / 1000;
    }
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
  private running = false;

  constructor(private readonly browserCdp: CDPSession) {}

  /** Starts the iteration's trace (protobuf stream: see chrome-trace-proto.ts for why). */
  async begin(): Promise<void> {
    await this.browserCdp.send('Tracing.start' as never, {
      traceConfig: { includedCategories: ['toplevel', '__metadata'], recordMode: 'recordContinuously' },
      transferMode: 'ReturnAsStream',
      streamFormat: 'proto',
      streamCompression: 'none',
    } as never);
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
  }

  /** Ends the trace and returns the off-main CPU between each pair of markers `[startId, endId]`. */
  async end(windows: ReadonlyArray<[string, string]>): Promise<(OffMainCpu | null)[]> {
    if (!this.running) return windows.map(() => null);
    this.running = false;
    const complete = new Promise<{ stream?: string }>((resolve) => this.browserCdp.once('Tracing.tracingComplete' as never, (event: { stream?: string }) => resolve(event)));
    await this.browserCdp.send('Tracing.end' as never);
    const { stream } = await complete;
    if (!stream) throw new Error('the browser returned no trace stream');
    const trace = await this.readStream(stream);
    const spans = windows.map(([start, end]) => {
      const from = trace.marks.get(start);
      const to = trace.marks.get(end);
      return from !== undefined && to !== undefined ? ([from, to] as [number, number]) : null;
    });
    return offMainCpuByWindow(trace, spans);
  }

  /**
   * Reads the trace stream and decodes it as it comes: the next chunk is asked for before this one is decoded, so
   * that the browser prepares it meanwhile.
   */
  private async readStream(handle: string): Promise<ChromeTrace> {
    type Chunk = { data: string; base64Encoded?: boolean; eof: boolean };
    const read = () => this.browserCdp.send('IO.read' as never, { handle, size: READ_CHUNK_BYTES } as never) as Promise<Chunk>;
    const reader = new ChromeTraceReader();
    try {
      let next: Promise<Chunk> | null = read();
      while (next) {
        const chunk: Chunk = await next;
        next = chunk.eof ? null : read();
        // A read that fails while this chunk is decoded is reported by the next await, not as an unhandled rejection.
        next?.catch(() => undefined);
        reader.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'latin1'));
      }
    } finally {
      await this.browserCdp.send('IO.close' as never, { handle } as never).catch(() => undefined);
    }
    return reader.finish();
  }
}
