/**
 * Android network probe (native apps): bytes the app's uid received and sent during the step, from
 * `dumpsys netstats detail` (after `dumpsys netstats --poll`, which folds the kernel counters into the
 * statistics), or from `/proc/net/xt_qtaguid/stats` on old devices that have it. Fills `bytes`
 * (received + sent, IP payload as counted by the kernel — not Chromium's `encodedDataLength`); requests cannot
 * be counted this way and stay null.
 *
 * Parsers untested on a recorded output (none found under a licence that allows copying): docs/mobile.md.
 */
import type { AndroidShell } from './android-shell.js';
import { parseNetstatsUidBytes, parseQtaguidUidBytes, type UidBytes } from './android-parsers/netstats.js';
import type { Probe, ProbeFigures } from './probe.js';

/** Reads the uid's counters: netstats first, xt_qtaguid as a fallback. A uid never seen counts 0. */
export async function readUidBytes(shell: AndroidShell, uid: number): Promise<UidBytes> {
  let netstatsError: unknown;
  try {
    await shell('dumpsys', ['netstats', '--poll']);
    return parseNetstatsUidBytes(await shell('dumpsys', ['netstats', 'detail']), uid) ?? { rxBytes: 0, txBytes: 0 };
  } catch (error) {
    netstatsError = error;
  }
  try {
    return parseQtaguidUidBytes(await shell('cat', ['/proc/net/xt_qtaguid/stats']), uid) ?? { rxBytes: 0, txBytes: 0 };
  } catch {
    throw netstatsError;
  }
}

/** Per-uid network probe. */
export class AndroidNetstatsProbe implements Probe {
  readonly name = 'android-netstats';
  readonly fields = ['bytes'] as const;
  private before: UidBytes | null = null;

  constructor(
    private readonly shell: AndroidShell,
    private readonly uid: () => Promise<number>,
  ) {}

  async start(): Promise<void> {
    this.before = null;
    this.before = await readUidBytes(this.shell, await this.uid());
  }

  async stop(): Promise<ProbeFigures> {
    if (this.before === null) throw new Error('the network counters were not read at the start of the step');
    const after = await readUidBytes(this.shell, await this.uid());
    const bytes = after.rxBytes - this.before.rxBytes + (after.txBytes - this.before.txBytes);
    if (bytes < 0) throw new Error('the network counters went backwards during the step (statistics reset by the system)');
    return { bytes };
  }
}
