/**
 * Checks of an Android device before measuring (warnings, never blocking): a device that charges falsifies
 * every battery figure; automatic or changing brightness changes the screen's draw between runs; another app
 * in the foreground measures the wrong thing.
 */
import type { AndroidShell } from './android-shell.js';
import { BATTERY_STATUS_CHARGING, parseDumpsysBattery, pluggedSources, type BatteryState } from './android-parsers/battery.js';
import { parseFocusedPackage, parseSettingInt } from './android-parsers/package.js';

/** What the checks found. */
export interface AndroidDeviceChecks {
  /** `dumpsys battery` before the run, or null when it could not be read. */
  battery: BatteryState | null;
  /** Power sources plugged in (`USB`, `AC`…); empty on battery; null when unknown. */
  plugged: string[] | null;
  /** Battery charge counter available (µAh), or null. */
  chargeCounterUah: number | null;
  /** `settings get system screen_brightness` (0-255 on most devices), or null. */
  brightness: number | null;
  /** `screen_brightness_mode`: 1 = automatic. */
  brightnessAutomatic: boolean | null;
  /** Package of the focused window, or null. */
  focusedPackage: string | null;
  /** One sentence per problem, for the result's warnings. */
  warnings: string[];
}

/**
 * Runs the checks. `expectedPackage` is the app that should be in front (null to skip that check). Every
 * command that fails becomes a warning saying what could not be checked.
 */
export async function checkAndroidDevice(shell: AndroidShell, expectedPackage: string | null): Promise<AndroidDeviceChecks> {
  const checks: AndroidDeviceChecks = { battery: null, plugged: null, chargeCounterUah: null, brightness: null, brightnessAutomatic: null, focusedPackage: null, warnings: [] };
  try {
    const battery = parseDumpsysBattery(await shell('dumpsys', ['battery']));
    checks.battery = battery;
    checks.plugged = pluggedSources(battery);
    checks.chargeCounterUah = battery.chargeCounterUah;
    if (battery.updatesStopped) {
      checks.warnings.push(
        'the battery service reports "UPDATES STOPPED" (dumpsys battery unplug or set was run): it prints a simulated state, so no energy can be labelled measured; run adb shell dumpsys battery reset, and cut the power for real (a USB power blocker, or adb over Wi-Fi)',
      );
    } else if (checks.plugged.length > 0 || battery.status === BATTERY_STATUS_CHARGING) {
      checks.warnings.push(
        `the device is ${checks.plugged.length ? `${checks.plugged.join(' + ')} powered` : 'charging'}: its battery current is not its draw, so energy is modelled, not measured, unless the power is cut (ECOSCORE_POWER_CUT documents a USB power blocker) and it does not charge; or measure over Wi-Fi adb: adb tcpip 5555`,
      );
    }
    if (battery.chargeCounterUah === null || battery.chargeCounterUah <= 0) {
      checks.warnings.push('the device reports no battery charge counter: the whole-iteration cross-check of the sampled energy is not available');
    }
  } catch (error) {
    checks.warnings.push(`the battery state could not be read (${(error as Error).message}): whether the device charges is unknown`);
  }
  try {
    checks.brightness = parseSettingInt(await shell('settings', ['get', 'system', 'screen_brightness']));
    const mode = parseSettingInt(await shell('settings', ['get', 'system', 'screen_brightness_mode']));
    checks.brightnessAutomatic = mode === null ? null : mode === 1;
    if (checks.brightnessAutomatic) {
      checks.warnings.push('automatic brightness is on: the screen draw changes with the light between runs (settings put system screen_brightness_mode 0)');
    }
  } catch (error) {
    checks.warnings.push(`the screen brightness could not be read (${(error as Error).message})`);
  }
  if (expectedPackage !== null) {
    try {
      checks.focusedPackage = parseFocusedPackage(await shell('dumpsys', ['window', 'windows']));
      if (checks.focusedPackage !== null && checks.focusedPackage !== expectedPackage) {
        checks.warnings.push(`another app is in the foreground (${checks.focusedPackage}, expected ${expectedPackage}): close it or dismiss its dialog`);
      }
    } catch (error) {
      checks.warnings.push(`the foreground app could not be read (${(error as Error).message})`);
    }
  }
  return checks;
}
