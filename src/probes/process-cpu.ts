/**
 * Process-tree CPU probe (Linux): user + system CPU time of the browser and all its child processes
 * (GPU, network service, renderers' compositor and raster threads) from `/proc/<pid>/stat` fields 14
 * and 15, in milliseconds, EXCLUDING the renderers' main threads (the renderer's main task): their time is the
 * `cpuMs` figure, and under CDP CPU throttling Chromium's throttler keeps them busy-waiting, which would
 * otherwise dominate this figure. It sees the work off the main thread (compositing, image decoding,
 * networking). Unavailable off Linux.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Probe, ProbeFigures } from './probe.js';

let clockTicksPerSecond: number | undefined;

/** Kernel clock ticks per second (`getconf CLK_TCK`, 100 on Linux unless configured otherwise). */
export function clockTicks(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicksPerSecond = 100;
    }
  }
  return clockTicksPerSecond;
}

/** Parses a `/proc/<pid>/stat` line: parent pid and utime + stime ticks. */
export function parseProcStat(line: string): { pid: number; ppid: number; ticks: number } {
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  const close = line.lastIndexOf(')');
  const pid = Number(line.slice(0, line.indexOf(' ')));
  const rest = line.slice(close + 2).split(' ');
  // rest[0] is field 3 (state): field n is rest[n - 3].
  return { pid, ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
}

/** Finds the pid of the process whose command line contains `marker`. */
export function findProcessByMarker(marker: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) return Number(entry);
    } catch {
      // process ended
    }
  }
  return null;
}

/**
 * Ticks of a renderer's main thread, 0 for other processes. The main thread is the task whose id is the
 * process id (its name is `CrRendererMain` in some builds, the executable's name in others).
 */
function rendererMainThreadTicks(pid: number): number {
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) return 0;
    return parseProcStat(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')).ticks;
  } catch {
    return 0; // process ended
  }
}

/** CPU milliseconds of a process and all its descendants, renderer main threads excluded. */
export function processTreeCpuMs(rootPid: number): number {
  const stats: { pid: number; ppid: number; ticks: number }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.push(parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      // process ended
    }
  }
  const children = new Map<number, number[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  const ticksOf = new Map(stats.map((stat) => [stat.pid, stat.ticks]));
  let ticks = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    ticks += (ticksOf.get(pid) ?? 0) - rendererMainThreadTicks(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / clockTicks();
}

/** Browser process-tree CPU probe. */
export class ProcessCpuProbe implements Probe {
  readonly name = 'process-cpu';
  readonly fields = ['processCpuMs'] as const;
  private before = 0;

  constructor(private readonly rootPid: number | null) {}

  async start(): Promise<void> {
    if (this.rootPid === null) return;
    this.before = processTreeCpuMs(this.rootPid);
  }

  async stop(): Promise<ProbeFigures> {
    if (this.rootPid === null) throw new Error('the browser process is not visible from here (remote browser or not Linux)');
    return { processCpuMs: Math.max(0, processTreeCpuMs(this.rootPid) - this.before) };
  }
}
