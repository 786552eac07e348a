/**
 * Parser of `dumpsys battery` (Android's BatteryService state). Pure: text in, plain object out.
 *
 * The lines read are the ones AOSP's `BatteryService.dumpInternal` prints (`  AC powered: true`,
 * `  Charge counter: 3719506`, `  level: 75`…); vendors add their own lines (Samsung adds a lowercase
 * `charge counter:` and `current now:`), which are ignored. `Charge counter` is the fuel gauge's remaining
 * charge in µAh (BatteryManager.BATTERY_PROPERTY_CHARGE_COUNTER); it is absent on old devices and reads 0 or
 * a fixed value on emulators.
 */

/** What `dumpsys battery` says. Fields the output lacks are null. */
export interface BatteryState {
  /** Remaining charge from the fuel gauge, µAh (`Charge counter`). */
  chargeCounterUah: number | null;
  acPowered: boolean | null;
  usbPowered: boolean | null;
  wirelessPowered: boolean | null;
  dockPowered: boolean | null;
  /** BatteryManager status: 1 unknown, 2 charging, 3 discharging, 4 not charging, 5 full. */
  status: number | null;
  level: number | null;
  scale: number | null;
  voltageMv: number | null;
  /** Tenths of a degree Celsius. */
  temperatureDeciC: number | null;
  /**
   * True when the service prints `(UPDATES STOPPED -- use 'reset' to restart)`: its state was overridden with
   * `dumpsys battery unplug` / `set …`, so what it prints (plugged, status) is simulated, not the hardware's.
   */
  updatesStopped: boolean;
}

/** BatteryManager.BATTERY_STATUS_CHARGING. */
export const BATTERY_STATUS_CHARGING = 2;

/** BatteryManager.BATTERY_STATUS_DISCHARGING. */
export const BATTERY_STATUS_DISCHARGING = 3;

/** BatteryManager's status codes by name (BATTERY_STATUS_UNKNOWN = 1 … BATTERY_STATUS_FULL = 5). */
const STATUS_NAMES: Record<number, string> = { 1: 'unknown', 2: 'charging', 3: 'discharging', 4: 'not charging', 5: 'full' };

/** `charging`, `discharging`, `not charging`, `full`, `unknown`, or `status N` for a vendor code. */
export function statusName(status: number | null): string {
  if (status === null) return 'unknown';
  return STATUS_NAMES[status] ?? `status ${status}`;
}

/** Parses `dumpsys battery`. Throws when the text is not a BatteryService dump. */
export function parseDumpsysBattery(text: string): BatteryState {
  if (!/Current Battery Service state:/.test(text)) {
    throw new Error('not a `dumpsys battery` output (no "Current Battery Service state:" line)');
  }
  // Only the indented "key: value" lines of the service's own block, case-sensitive: vendors repeat some
  // keys in lowercase with other meanings.
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^ {2}([A-Za-z][A-Za-z ]*?):\s*(.*?)\s*$/.exec(line);
    if (match && !values.has(match[1])) values.set(match[1], match[2]);
  }
  const bool = (key: string): boolean | null => {
    const value = values.get(key);
    return value === 'true' ? true : value === 'false' ? false : null;
  };
  const int = (key: string): number | null => {
    const value = values.get(key);
    return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : null;
  };
  return {
    chargeCounterUah: int('Charge counter'),
    acPowered: bool('AC powered'),
    usbPowered: bool('USB powered'),
    wirelessPowered: bool('Wireless powered'),
    dockPowered: bool('Dock powered'),
    status: int('status'),
    level: int('level'),
    scale: int('scale'),
    voltageMv: int('voltage'),
    temperatureDeciC: int('temperature'),
    updatesStopped: /^\s*\(UPDATES STOPPED\b/m.test(text),
  };
}

/** The power sources the device is plugged into (`AC`, `USB`, `wireless`, `dock`), empty when on battery. */
export function pluggedSources(state: BatteryState): string[] {
  const sources: string[] = [];
  if (state.acPowered) sources.push('AC');
  if (state.usbPowered) sources.push('USB');
  if (state.wirelessPowered) sources.push('wireless');
  if (state.dockPowered) sources.push('dock');
  return sources;
}
