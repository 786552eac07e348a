/**
 * What a result records about the phone measured (`environment.mobileDevice`): model, manufacturer, OS
 * version and build fingerprint from `getprop`, and the battery's state (`dumpsys battery`) at the start and
 * the end of the run.
 */
import type { AndroidShell } from './android-shell.js';
import { pluggedSources, statusName, type BatteryState } from './android-parsers/battery.js';
import { deviceFactsOf, parseGetprop, type AndroidDeviceFacts } from './android-parsers/getprop.js';

/** The battery at one moment, as a result shows it. */
export interface BatterySnapshot {
  /** Charge level, % (`level` × 100 / `scale`). */
  levelPercent: number | null;
  /** `charging`, `discharging`, `not charging`, `full`, `unknown`. */
  status: string;
  /** Power sources plugged in (`USB`, `AC`, `wireless`, `dock`). */
  plugged: string[];
  chargeCounterUah: number | null;
  voltageMv: number | null;
  temperatureC: number | null;
  /** The battery service's state was overridden (`dumpsys battery unplug`/`set`): "UPDATES STOPPED". */
  updatesStopped: boolean;
  /** When it was read (ISO 8601, host clock). */
  at: string;
}

/** `environment.mobileDevice`. */
export interface MobileDeviceRecord extends AndroidDeviceFacts {
  platform: 'android';
  batteryStart: BatterySnapshot | null;
  batteryEnd: BatterySnapshot | null;
  /** How charging is cut while plugged, as documented by the user (`ECOSCORE_POWER_CUT`), or null. */
  powerCut: string | null;
}

/** A battery state as a result shows it. */
export function batterySnapshot(state: BatteryState, at = new Date()): BatterySnapshot {
  return {
    levelPercent: state.level !== null && state.scale ? Math.round((state.level * 1000) / state.scale) / 10 : state.level,
    status: statusName(state.status),
    plugged: pluggedSources(state),
    chargeCounterUah: state.chargeCounterUah,
    voltageMv: state.voltageMv,
    temperatureC: state.temperatureDeciC === null ? null : state.temperatureDeciC / 10,
    updatesStopped: state.updatesStopped,
    at: at.toISOString(),
  };
}

/** Reads the device's facts (`getprop`); each missing one is null. Throws when `getprop` cannot run. */
export async function readDeviceFacts(shell: AndroidShell): Promise<AndroidDeviceFacts> {
  return deviceFactsOf(parseGetprop(await shell('getprop', [])));
}
