/**
 * Android batterystats probe: Android's own estimate of the charge the app's uid drew during the step
 * (`dumpsys batterystats` "Estimated power use (mAh)", computed by the OS from power_profile.xml and the
 * app's CPU, radio, screen, sensor time), as `appEstimatedMah`.
 *
 * The statistics are reset at the start of every step (`dumpsys batterystats --reset`: this clears the
 * device's battery usage history — use a test device) and read at its end. An estimate, not a measure; the
 * energy source of the result stays the charge counter or the model.
 */
import type { AndroidShell } from './android-shell.js';
import { parseEstimatedPowerUse } from './android-parsers/batterystats.js';
import type { Probe, ProbeFigures } from './probe.js';

/** Batterystats probe for one app uid. */
export class AndroidBatterystatsProbe implements Probe {
  readonly name = 'android-batterystats';
  readonly fields = ['appEstimatedMah'] as const;

  /** `uid` resolves the app's Linux uid (10000+), e.g. from `dumpsys package`. */
  constructor(
    private readonly shell: AndroidShell,
    private readonly uid: () => Promise<number>,
  ) {}

  async start(): Promise<void> {
    await this.uid();
    await this.shell('dumpsys', ['batterystats', '--reset']);
  }

  async stop(): Promise<ProbeFigures> {
    const uid = await this.uid();
    const power = parseEstimatedPowerUse(await this.shell('dumpsys', ['batterystats']));
    const mah = power.uids.get(uid);
    // Not listed: the OS printed no estimate for the app (too small, or not attributed); no figure is invented.
    if (mah === undefined) throw new Error(`uid ${uid} is not listed in batterystats' Estimated power use for this step`);
    return { appEstimatedMah: mah };
  }
}
