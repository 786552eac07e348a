/**
 * Android CPU probe: user + system CPU time of the app's main process during the step, from
 * `/proc/<pid>/stat` fields 14-15 (clock ticks, 100 per second on Android), as `cpuMs` — real device CPU time,
 * not a host under throttling (so no host calibration applies to it).
 */
import type { AndroidShell } from './android-shell.js';
import { cpuMsOf, parseProcPidStat } from './android-parsers/proc-stat.js';
import { parsePidof } from './android-parsers/package.js';
import type { Probe, ProbeFigures } from './probe.js';

/** CPU time of the process named `processName` so far, ms, with its pid. */
export async function readProcessCpuMs(shell: AndroidShell, processName: string): Promise<{ pid: number; cpuMs: number }> {
  const pid = parsePidof(await shell('pidof', [processName]));
  if (pid === null) throw new Error(`the process ${processName} is not running`);
  return { pid, cpuMs: cpuMsOf(parseProcPidStat(await shell('cat', [`/proc/${pid}/stat`]))) };
}

/** App process CPU probe. */
export class AndroidCpuProbe implements Probe {
  readonly name = 'android-cpu';
  readonly fields = ['cpuMs'] as const;
  private before: { pid: number; cpuMs: number } | null = null;

  constructor(
    private readonly shell: AndroidShell,
    private readonly processName: () => Promise<string>,
  ) {}

  async start(): Promise<void> {
    this.before = null;
    // The app may not be running yet (a step that launches it): it then starts from 0.
    this.before = await readProcessCpuMs(this.shell, await this.processName()).catch(() => null);
  }

  async stop(): Promise<ProbeFigures> {
    const after = await readProcessCpuMs(this.shell, await this.processName());
    const before = this.before !== null && this.before.pid === after.pid ? this.before.cpuMs : 0;
    return { cpuMs: Math.max(0, after.cpuMs - before) };
  }
}
