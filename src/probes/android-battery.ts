/**
 * Android battery charge-counter probe: the battery charge the device's fuel gauge counted during the step,
 * from `dumpsys battery` "Charge counter" (µAh) read at the start and at the end, as `measuredEnergyMah`.
 *
 * A real measure, with limits a reader must know (docs/mobile.md): the counter's resolution and update rate
 * depend on the fuel gauge (many update every few seconds, some by 1 000 µAh steps), so a short step may see no
 * change — then the probe throws, the step's energy is modelled, and the result says so; a device on USB or
 * AC power charges while measured, so a counter that rises throws too. Nothing is ever reported as 0 mAh.
 */
import type { AndroidShell } from './android-shell.js';
import { parseDumpsysBattery, pluggedSources } from './android/battery.js';
import type { Probe, ProbeFigures } from './probe.js';

/** Reads the charge counter, µAh; throws when the device has none. */
export async function readChargeCounterUah(shell: AndroidShell): Promise<{ chargeUah: number; plugged: string[] }> {
  const state = parseDumpsysBattery(await shell('dumpsys', ['battery']));
  if (state.chargeCounterUah === null || state.chargeCounterUah <= 0) {
    throw new Error('this device reports no battery charge counter (dumpsys battery has no positive "Charge counter")');
  }
  return { chargeUah: state.chargeCounterUah, plugged: pluggedSources(state) };
}

/** Charge-counter probe. */
export class AndroidBatteryProbe implements Probe {
  readonly name = 'android-battery';
  readonly fields = ['measuredEnergyMah'] as const;
  private before: number | null = null;

  constructor(private readonly shell: AndroidShell) {}

  async start(): Promise<void> {
    this.before = null;
    this.before = (await readChargeCounterUah(this.shell)).chargeUah;
  }

  async stop(): Promise<ProbeFigures> {
    if (this.before === null) throw new Error('the charge counter was not read at the start of the step');
    const { chargeUah, plugged } = await readChargeCounterUah(this.shell);
    const usedUah = this.before - chargeUah;
    if (usedUah < 0) {
      throw new Error(`the battery gained ${-usedUah} µAh during the step (${plugged.length ? `${plugged.join(' + ')} powered` : 'charging'}): unplug the device to measure`);
    }
    if (usedUah === 0) {
      throw new Error('the charge counter did not change during the step (its resolution or update rate is too coarse for this step); the energy is modelled');
    }
    return { measuredEnergyMah: usedUah / 1000 };
  }
}
