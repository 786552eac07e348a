/**
 * Android memory probe: the app's total PSS (proportional set size: private pages plus its share of shared
 * ones) at the end of the step, from `dumpsys meminfo <package>`, as `memoryBytes` (kB × 1024). On web
 * targets `memoryBytes` is the JavaScript heap; on Android it is the whole process.
 */
import type { AndroidShell } from './android-shell.js';
import { parseMeminfoTotalPssKb } from './android-parsers/meminfo.js';
import type { Probe, ProbeFigures } from './probe.js';

/** PSS probe. */
export class AndroidMemoryProbe implements Probe {
  readonly name = 'android-memory';
  readonly fields = ['memoryBytes'] as const;

  constructor(
    private readonly shell: AndroidShell,
    private readonly packageName: () => Promise<string>,
  ) {}

  async start(): Promise<void> {}

  async stop(): Promise<ProbeFigures> {
    const kb = parseMeminfoTotalPssKb(await this.shell('dumpsys', ['meminfo', await this.packageName()]));
    return { memoryBytes: kb * 1024 };
  }
}
