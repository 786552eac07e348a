/**
 * The Android output parsers on outputs recorded from real devices (test/fixtures/android/, each with a
 * `.source.md` saying where it comes from), across the Android versions whose formats differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BATTERY_STATUS_CHARGING, parseDumpsysBattery, pluggedSources } from '../../src/probes/android-parsers/battery.js';
import { parseEstimatedPowerUse, uidFromLabel } from '../../src/probes/android-parsers/batterystats.js';
import { parseGfxinfo } from '../../src/probes/android-parsers/gfxinfo.js';
import { parseMeminfoTotalPssKb } from '../../src/probes/android-parsers/meminfo.js';
import { parseNetstatsUidBytes, parseQtaguidUidBytes } from '../../src/probes/android-parsers/netstats.js';
import { parsePidof, parseSettingInt, parseUserId } from '../../src/probes/android-parsers/package.js';
import { cpuMsOf, parseProcPidStat } from '../../src/probes/android-parsers/proc-stat.js';

const fixture = (name: string) => readFileSync(`test/fixtures/android/${name}`, 'utf8');

describe('dumpsys battery', () => {
  it('reads the charge counter and the power sources of a Samsung Galaxy S24 (Android 14+)', () => {
    const state = parseDumpsysBattery(fixture('battery-samsung-s24.txt'));
    expect(state).toEqual({
      chargeCounterUah: 3_719_506,
      acPowered: false,
      usbPowered: true,
      wirelessPowered: false,
      dockPowered: false,
      status: BATTERY_STATUS_CHARGING,
      level: 75,
      scale: 100,
      voltageMv: 4156,
      temperatureDeciC: 357,
      updatesStopped: false,
    });
    expect(pluggedSources(state)).toEqual(['USB']);
  });

  it('ignores vendor lines that repeat a key in another case or indentation', () => {
    // Samsung prints "  charge counter:" and " The last voltage value sent…" besides the AOSP lines.
    const text = fixture('battery-samsung-s24.txt');
    expect(text).toMatch(/^ {2}charge counter: /m);
    expect(parseDumpsysBattery(text).voltageMv).toBe(4156);
  });

  it('refuses an output that is not a battery dump', () => {
    expect(() => parseDumpsysBattery(fixture('gfxinfo-android-9.txt'))).toThrow(/not a `dumpsys battery` output/);
  });
});

describe('dumpsys batterystats: Estimated power use', () => {
  it('reads Android 7 uid lines (`Uid u0a118: 14.5 ( cpu=14.5 )`) and the capacity line', () => {
    const power = parseEstimatedPowerUse(fixture('batterystats-android-7.txt'));
    expect(power.capacityMah).toBe(2876);
    expect(power.computedDrainMah).toBe(128);
    expect(power.actualDrainMah).toEqual({ min: 115, max: 144 });
    expect(power.uids.get(10118)).toBe(14.5);
    expect(power.uids.get(2000)).toBe(13.9);
    expect(power.uids.get(0)).toBe(9.9);
    expect(power.uids.get(10074)).toBe(0.000128);
    expect(power.uids.size).toBe(31);
    expect(power.components).toEqual({ Screen: 70.7, 'Cell standby': 6.94, Idle: 4.97, Wifi: 0.132 });
  });

  it('reads Android 8 lines with smearing: the uid’s own estimate, not the smeared total', () => {
    const power = parseEstimatedPowerUse(fixture('batterystats-android-8.txt'));
    expect(power.capacityMah).toBe(2700);
    expect(power.computedDrainMah).toBe(71.8);
    expect(power.actualDrainMah).toEqual({ min: 0, max: 0 });
    // u0a120 is org.mozilla.geckoview_example, the browser Mozilla measured: 4.70 mAh (67.4 with smearing).
    expect(power.uids.get(10120)).toBe(4.7);
    expect(power.uids.get(10097)).toBe(0.000176);
    expect(power.components.Screen).toBe(51.7);
    expect(power.components.Bluetooth).toBe(0.157);
  });

  it('converts uid labels to numbers', () => {
    expect(uidFromLabel('u0a120')).toBe(10120);
    expect(uidFromLabel('u10a5')).toBe(1_010_005);
    expect(uidFromLabel('1000')).toBe(1000);
    expect(uidFromLabel('u0i3')).toBe(99_003);
    expect(uidFromLabel('nope')).toBeNull();
  });

  it('refuses an output without the section', () => {
    expect(() => parseEstimatedPowerUse(fixture('battery-samsung-s24.txt'))).toThrow(/no "Estimated power use \(mAh\):" section/);
  });
});

describe('dumpsys meminfo: total PSS', () => {
  it('reads the TOTAL row of Android 4.3 (Pss / Shared Dirty columns)', () => {
    expect(parseMeminfoTotalPssKb(fixture('meminfo-android-4.3.txt'))).toBe(28_929);
  });

  it('reads the TOTAL row of Android 4.4 (Pss Total / Private Dirty columns)', () => {
    expect(parseMeminfoTotalPssKb(fixture('meminfo-android-4.4.txt'))).toBe(44_563);
  });

  it('reads the TOTAL row of an Android 8/9-era output with graphics rows (Google Maps)', () => {
    expect(parseMeminfoTotalPssKb(fixture('meminfo-maps.txt'))).toBe(216_524);
  });

  it('refuses an output without a total', () => {
    expect(() => parseMeminfoTotalPssKb(fixture('battery-samsung-s24.txt'))).toThrow(/no TOTAL line/);
  });
});

describe('dumpsys gfxinfo: frames', () => {
  it('reads Android 6 statistics (no 50th percentile)', () => {
    expect(parseGfxinfo(fixture('gfxinfo-android-6.txt'))).toEqual({
      totalFrames: 3,
      jankyFrames: 2,
      jankyFramesLegacy: null,
      p50Ms: null,
      p90Ms: 101,
      p95Ms: 101,
      p99Ms: 101,
    });
  });

  it('reads Android 9 statistics', () => {
    expect(parseGfxinfo(fixture('gfxinfo-android-9.txt'))).toEqual({
      totalFrames: 43,
      jankyFrames: 7,
      jankyFramesLegacy: null,
      p50Ms: 5,
      p90Ms: 69,
      p95Ms: 150,
      p99Ms: 200,
    });
  });

  it('reads Android 12+ statistics: the deadline-based Janky frames, not the legacy count', () => {
    expect(parseGfxinfo(fixture('gfxinfo-instagram-android-12plus.txt'))).toEqual({
      totalFrames: 51,
      jankyFrames: 9,
      jankyFramesLegacy: 13,
      p50Ms: 7,
      p90Ms: 48,
      p95Ms: 109,
      p99Ms: 300,
    });
  });

  it('gives null for an output without frame statistics', () => {
    expect(parseGfxinfo(fixture('meminfo-maps.txt'))).toBeNull();
  });
});

describe('/proc/<pid>/stat', () => {
  it('reads utime and stime (fields 14 and 15) of a line recorded on a Linux kernel', () => {
    const ticks = parseProcPidStat(fixture('proc-pid-stat-linux-host.txt'));
    expect(ticks).toEqual({ pid: 6863, comm: 'bash', utimeTicks: 4, stimeTicks: 9 });
    expect(cpuMsOf(ticks)).toBe(130); // (4 + 9) ticks at 100 Hz
  });

  it('refuses anything else', () => {
    expect(() => parseProcPidStat('no such process')).toThrow(/not a \/proc\/<pid>\/stat line/);
  });
});

describe('small outputs', () => {
  it('reads the app uid from the userId= line of dumpsys package', () => {
    expect(parseUserId(fixture('userid-droid-monitor.txt'))).toBe(10_475);
    expect(() => parseUserId('Unable to find package: org.example')).toThrow(/no userId= line/);
  });

  it('reads pidof and settings values', () => {
    expect(parsePidof('12345\n')).toBe(12_345);
    expect(parsePidof('')).toBeNull();
    expect(parseSettingInt('128\n')).toBe(128);
    expect(parseSettingInt('null\n')).toBeNull();
  });
});

describe('netstats and xt_qtaguid (no recorded output found: docs/mobile.md)', () => {
  it('refuses an output that has no UID stats section rather than counting 0 bytes', () => {
    expect(() => parseNetstatsUidBytes(fixture('battery-samsung-s24.txt'), 10_120)).toThrow(/no "UID stats:" section/);
  });

  it('finds no uid row in an output that is not xt_qtaguid', () => {
    expect(parseQtaguidUidBytes(fixture('meminfo-maps.txt'), 10_120)).toBeNull();
  });
});
