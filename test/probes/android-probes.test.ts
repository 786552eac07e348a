/**
 * The Android probes and device checks, with an injected shell that answers with outputs recorded on real
 * devices (test/fixtures/android/): what each probe runs, what it reports, and that a probe that cannot
 * measure throws (the runner then records it as unavailable) instead of reporting 0.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AndroidBatterystatsProbe } from '../../src/probes/android-batterystats.js';
import { checkAndroidDevice } from '../../src/probes/android-checks.js';
import { AndroidCpuProbe } from '../../src/probes/android-cpu.js';
import { AndroidGfxinfoProbe } from '../../src/probes/android-gfxinfo.js';
import { AndroidMemoryProbe } from '../../src/probes/android-memory.js';
import { AndroidNetstatsProbe } from '../../src/probes/android-netstats.js';
import { appiumShell, type AndroidShell } from '../../src/probes/android-shell.js';

const fixture = (name: string) => readFileSync(`test/fixtures/android/${name}`, 'utf8');
const BATTERY = fixture('battery-samsung-s24.txt');

/** A shell answering from a table of `command args…` → output (or error); records every call. */
function recordedShell(answers: Record<string, string | Error | Array<string | Error>>): AndroidShell & { calls: string[] } {
  const calls: string[] = [];
  const shell = (async (command: string, args: string[] = []) => {
    const line = [command, ...args].join(' ');
    calls.push(line);
    let answer = answers[line];
    if (Array.isArray(answer)) answer = answer.length > 1 ? answer.shift()! : answer[0];
    if (answer === undefined) throw new Error(`${command}: not found`);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as AndroidShell & { calls: string[] };
  shell.calls = calls;
  return shell;
}

const pkg = async () => 'com.instagram.android';

describe('android-batterystats', () => {
  it('resets the statistics at the start and reads the uid’s estimate at the end', async () => {
    const shell = recordedShell({ 'dumpsys batterystats --reset': 'Battery stats reset.\n', 'dumpsys batterystats': fixture('batterystats-android-8.txt') });
    const probe = new AndroidBatterystatsProbe(shell, async () => 10_120);
    await probe.start();
    expect(await probe.stop()).toEqual({ appEstimatedMah: 4.7 });
    expect(shell.calls).toEqual(['dumpsys batterystats --reset', 'dumpsys batterystats']);
  });

  it('throws when the uid is not listed rather than reporting 0', async () => {
    const probe = new AndroidBatterystatsProbe(recordedShell({ 'dumpsys batterystats --reset': '', 'dumpsys batterystats': fixture('batterystats-android-7.txt') }), async () => 10_999);
    await probe.start();
    await expect(probe.stop()).rejects.toThrow(/uid 10999 is not listed/);
  });
});

describe('android-memory, android-gfxinfo, android-cpu', () => {
  it('reports the total PSS in bytes', async () => {
    const probe = new AndroidMemoryProbe(recordedShell({ 'dumpsys meminfo com.instagram.android': fixture('meminfo-maps.txt') }), pkg);
    await probe.start();
    expect(await probe.stop()).toEqual({ memoryBytes: 216_524 * 1024 });
  });

  it('resets the frame counters at the start and reports frames and janky frames', async () => {
    const shell = recordedShell({
      'dumpsys gfxinfo com.instagram.android reset': '',
      'dumpsys gfxinfo com.instagram.android': fixture('gfxinfo-instagram-android-12plus.txt'),
    });
    const probe = new AndroidGfxinfoProbe(shell, pkg);
    await probe.start();
    expect(await probe.stop()).toEqual({ frames: 51, jankyFrames: 9 });
    expect(shell.calls[0]).toBe('dumpsys gfxinfo com.instagram.android reset');
  });

  it('is unavailable when gfxinfo has no frame statistics', async () => {
    const probe = new AndroidGfxinfoProbe(recordedShell({ 'dumpsys gfxinfo com.instagram.android reset': '', 'dumpsys gfxinfo com.instagram.android': fixture('meminfo-maps.txt') }), pkg);
    await probe.start();
    await expect(probe.stop()).rejects.toThrow(/no frame statistics/);
  });

  it('reports the process’s CPU time since the start of the step, from /proc/<pid>/stat', async () => {
    const stat = fixture('proc-pid-stat-linux-host.txt');
    // Not running at the start (a step that launches the app), running at the end: all its CPU time counts.
    const probe = new AndroidCpuProbe(recordedShell({ 'pidof com.instagram.android': ['', '6863\n'], 'cat /proc/6863/stat': stat }), pkg);
    await probe.start();
    expect(await probe.stop()).toEqual({ cpuMs: 130 });
  });

  it('is unavailable when the app is not running at the end of the step', async () => {
    const probe = new AndroidCpuProbe(recordedShell({ 'pidof com.instagram.android': '' }), pkg);
    await probe.start();
    await expect(probe.stop()).rejects.toThrow(/is not running/);
  });
});

describe('android-netstats', () => {
  it('is unavailable, not 0, when neither netstats nor xt_qtaguid can be read', async () => {
    const probe = new AndroidNetstatsProbe(
      recordedShell({ 'dumpsys netstats --poll': '', 'dumpsys netstats detail': BATTERY, 'cat /proc/net/xt_qtaguid/stats': new Error('No such file or directory') }),
      async () => 10_120,
    );
    await expect(probe.start()).rejects.toThrow(/no "UID stats:" section/);
  });
});

describe('device checks before measuring', () => {
  it('warns that a USB-powered, charging device cannot be measured, and about automatic brightness', async () => {
    const checks = await checkAndroidDevice(
      recordedShell({
        'dumpsys battery': BATTERY,
        'settings get system screen_brightness': '128\n',
        'settings get system screen_brightness_mode': '1\n',
      }),
      null,
    );
    expect(checks.plugged).toEqual(['USB']);
    expect(checks.chargeCounterUah).toBe(3_719_506);
    expect(checks.brightness).toBe(128);
    expect(checks.brightnessAutomatic).toBe(true);
    expect(checks.warnings).toHaveLength(2);
    expect(checks.battery?.status).toBe(2);
    expect(checks.warnings[0]).toMatch(/^the device is USB powered: its battery current is not its draw, so energy is modelled, not measured/);
    expect(checks.warnings[1]).toMatch(/^automatic brightness is on/);
  });

  it('says what could not be checked when the shell fails', async () => {
    const checks = await checkAndroidDevice(recordedShell({}), 'org.example.health');
    expect(checks.warnings).toEqual([
      'the battery state could not be read (dumpsys: not found): whether the device charges is unknown',
      'the screen brightness could not be read (settings: not found)',
      'the foreground app could not be read (dumpsys: not found)',
    ]);
  });
});

describe('Appium’s mobile: shell', () => {
  it('sends the command and its arguments to the session', async () => {
    const sent: unknown[] = [];
    const shell = appiumShell(async (script, args) => {
      sent.push(script, args);
      return BATTERY;
    });
    expect(await shell('dumpsys', ['battery'])).toBe(BATTERY);
    expect(sent).toEqual(['mobile: shell', [{ command: 'dumpsys', args: ['battery'], timeout: 20_000 }]]);
  });

  it('explains the server flag when Appium refuses adb_shell', async () => {
    const shell = appiumShell(async () => {
      throw new Error('WebDriverError: Potentially insecure feature \'adb_shell\' has not been enabled. when running "execute/sync" with method "POST"');
    });
    await expect(shell('dumpsys', ['battery'])).rejects.toThrow(
      "mobile: shell dumpsys: Potentially insecure feature 'adb_shell' has not been enabled. (start the Appium server with --allow-insecure=uiautomator2:adb_shell)",
    );
  });
});
