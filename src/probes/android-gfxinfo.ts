/**
 * Android frames probe: frames the app rendered during the step and how many were janky, from
 * `dumpsys gfxinfo <package>` after `dumpsys gfxinfo <package> reset` at the start (Android 6+).
 */
import type { AndroidShell } from './android-shell.js';
import { parseGfxinfo } from './android-parsers/gfxinfo.js';
import type { Probe, ProbeFigures } from './probe.js';

/** Frames and jank probe. */
export class AndroidGfxinfoProbe implements Probe {
  readonly name = 'android-gfxinfo';
  readonly fields = ['frames', 'jankyFrames'] as const;

  constructor(
    private readonly shell: AndroidShell,
    private readonly packageName: () => Promise<string>,
  ) {}

  async start(): Promise<void> {
    await this.shell('dumpsys', ['gfxinfo', await this.packageName(), 'reset']);
  }

  async stop(): Promise<ProbeFigures> {
    const stats = parseGfxinfo(await this.shell('dumpsys', ['gfxinfo', await this.packageName()]));
    // No statistics block: the app drew nothing since the reset (or Android ≤ 5, which has no counters).
    if (stats === null) throw new Error('dumpsys gfxinfo gave no frame statistics (nothing drawn since the reset, or Android 5 and older)');
    return { frames: stats.totalFrames, jankyFrames: stats.jankyFrames };
  }
}
