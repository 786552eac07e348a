/**
 * Browser CPU probe (web): CPU time of every process of the browser during the step, from the Chrome DevTools
 * Protocol's `SystemInfo.getProcessInfo` on the browser target (cumulative CPU seconds "across all threads of the
 * process since the process start", per process: https://chromedevtools.github.io/devtools-protocol/tot/SystemInfo/#method-getProcessInfo).
 * It works wherever CDP does, remote browsers included (`--browser-endpoint`), unlike `/proc`.
 *
 * Figures, ms over the step: `rendererCpuMs` (every renderer: the page's main thread — busy-waiting under CDP CPU
 * throttling — and its compositor, raster and worker threads, out-of-process iframes), `gpuCpuMs` (the GPU process),
 * `utilityCpuMs` (the network service and other utility processes), `browserProcessCpuMs` (the browser process,
 * which also serves our own DevTools traffic: informational). A process that starts during the step counts from 0;
 * one that ends during the step is lost with its time (it can no longer be read). Chromium reports CPU time at the
 * operating system's resolution (10 ms per process on Linux).
 */
import type { CDPSession } from 'playwright-core';
import type { Probe, ProbeFigures } from './probe.js';

interface ProcessInfo {
  type: string;
  id: number;
  cpuTime: number;
}

type Group = 'rendererCpuMs' | 'gpuCpuMs' | 'utilityCpuMs' | 'browserProcessCpuMs';

/** Which figure a process type feeds: `browser`, `renderer`, `GPU` (any case), anything else is a utility process. */
export function processGroup(type: string): Group {
  const lower = type.toLowerCase();
  if (lower === 'browser') return 'browserProcessCpuMs';
  if (lower === 'renderer') return 'rendererCpuMs';
  if (lower === 'gpu') return 'gpuCpuMs';
  return 'utilityCpuMs';
}

/** CPU ms per group between two readings of `SystemInfo.getProcessInfo` (pure). */
export function cpuDeltas(before: ReadonlyArray<ProcessInfo>, after: ReadonlyArray<ProcessInfo>): Record<Group, number> {
  const start = new Map(before.map((process) => [process.id, process.cpuTime]));
  const totals: Record<Group, number> = { rendererCpuMs: 0, gpuCpuMs: 0, utilityCpuMs: 0, browserProcessCpuMs: 0 };
  for (const process of after) {
    const seconds = Math.max(0, process.cpuTime - (start.get(process.id) ?? 0));
    totals[processGroup(process.type)] += seconds * 1000;
  }
  for (const key of Object.keys(totals) as Group[]) totals[key] = Math.round(totals[key] * 10) / 10;
  return totals;
}

/** Browser process-CPU probe over a browser-level CDP session. */
export class BrowserCpuProbe implements Probe {
  readonly name = 'browser-cpu';
  readonly fields = ['rendererCpuMs', 'gpuCpuMs', 'utilityCpuMs', 'browserProcessCpuMs'] as const;
  private before: ProcessInfo[] | null = null;

  /** `browserCdp`: a session on the browser target (`browser.newBrowserCDPSession()`), or null when there is none. */
  constructor(private readonly browserCdp: CDPSession | null) {}

  private async read(): Promise<ProcessInfo[]> {
    if (this.browserCdp === null) throw new Error('no browser-level DevTools session (SystemInfo.getProcessInfo needs one)');
    const { processInfo } = (await this.browserCdp.send('SystemInfo.getProcessInfo' as never)) as { processInfo: ProcessInfo[] };
    return processInfo;
  }

  async start(): Promise<void> {
    this.before = await this.read();
  }

  async stop(): Promise<ProbeFigures> {
    const before = this.before;
    this.before = null;
    if (before === null) throw new Error('the browser-cpu probe was not started');
    return cpuDeltas(before, await this.read());
  }
}
