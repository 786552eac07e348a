/**
 * The mobile driver's once-per-run device checks, on a recording WebDriver client behind a local `/status`
 * server (no device here): a server that denies `adb shell` gets one warning naming what cannot be measured and
 * no Android probes; a shell that works gives the device's facts, the battery at start and end and the energy
 * probes; iOS gets a warning that energy is not measured; app ids of farms are not taken for files; credentials
 * of the URL never appear in messages.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalAppPath, openAppiumDriver, redactCapabilities, redactUrl, scrubCredentials, credentialsOf, type WebDriverClient } from '../../src/drivers/appium.js';
import type { AppiumSession } from '../../src/drivers/appium/session.js';
import type { AndroidShell } from '../../src/probes/android-shell.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';
import type { Run } from '../../src/model/result.js';

const device = getDeviceProfile('mid-range-phone');
const network = getNetworkProfile('wifi');
const BATTERY = readFileSync('test/fixtures/android/battery-discharging-derived.txt', 'utf8');

let status: Server;
let statusUrl: string;
beforeAll(async () => {
  status = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ value: { ready: true, build: { version: '3.8.0' } } }));
  });
  await new Promise<void>((resolve) => status.listen(0, '127.0.0.1', resolve));
  const address = status.address();
  statusUrl = `http://user:pa55-word@127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(async () => {
  await new Promise((resolve) => status.close(resolve));
});

const client = (): WebDriverClient => ({
  capabilities: {},
  findElements: async () => [],
  elementClick: async () => null,
  elementClear: async () => null,
  elementSendKeys: async () => null,
  isElementDisplayed: async () => true,
  getElementRect: async () => ({ x: 0, y: 0, width: 1, height: 1 }),
  executeScript: async () => {
    throw new Error('Potentially insecure feature \'adb_shell\' has not been enabled. If you want to enable this feature and accept the security ramifications, please do so by following the documented instructions at http://appium.io/docs/en/latest/guides/security/');
  },
  performActions: async () => null,
  releaseActions: async () => null,
  navigateTo: async () => null,
  back: async () => null,
  getUrl: async () => '',
  getWindowRect: async () => ({ width: 1, height: 1, x: 0, y: 0 }),
  getPageSource: async () => '',
  takeScreenshot: async () => '',
  getLogs: async () => [],
  deleteSession: async () => null,
});

describe('the device checks of a run', () => {
  it('a server that denies adb shell: one warning naming the figures lost, no Android probes, the run goes on', async () => {
    const driver = await openAppiumDriver({ target: { platform: 'android', appPackage: 'org.example', appiumUrl: statusUrl }, device, network, connect: async () => client() });
    const first = await driver.openSession();
    const second = await driver.openSession();
    expect(first.probes).toEqual([]);
    expect(second.probes).toEqual([]);
    expect(driver.deviceWarnings).toHaveLength(1);
    expect(driver.deviceWarnings[0]).toMatch(/^the device shell is not available \(mobile: shell echo: Potentially insecure feature 'adb_shell' has not been enabled.*\(start the Appium server with --allow-insecure=uiautomator2:adb_shell\)\): measured energy \(battery current\), device CPU time, memory, frames, app network bytes \(native apps\) and batterystats cannot be measured on this server, and energy is modelled; durations, screenshots are measured$/);
    expect(driver.mobileDevice()).toBeNull();
    await driver.close();
  });

  it('a working shell: device facts, battery at the start and the end, energy and Android probes', async () => {
    const shell: AndroidShell = async (command, args = []) => {
      const line = [command, ...args].join(' ');
      if (line === 'echo ecoscore') return 'ecoscore\n';
      if (line === 'getprop') return '[ro.product.model]: [Pixel 8]\n[ro.product.manufacturer]: [Google]\n[ro.build.version.release]: [14]\n[ro.build.version.sdk]: [34]\n[ro.build.fingerprint]: [google/shiba/shiba:14/AP1A/1:user/release-keys]\n';
      if (line === 'dumpsys battery') return BATTERY;
      if (line.startsWith('settings get')) return '0\n';
      if (line === 'dumpsys window windows') return 'mCurrentFocus=Window{1 u0 org.example/org.example.Main}\n';
      throw new Error(`${command}: not scripted`);
    };
    const driver = await openAppiumDriver({ target: { platform: 'android', appPackage: 'org.example', appiumUrl: statusUrl }, device, network, androidShell: shell, powerCut: null, connect: async () => client() });
    const session = (await driver.openSession()) as AppiumSession;
    expect(session.probes.map((probe) => probe.name)).toEqual(['energy', 'android-netstats', 'android-cpu', 'android-memory', 'android-gfxinfo', 'android-batterystats', 'energy']);
    expect(driver.deviceWarnings).toEqual([]);
    expect(driver.mobileDevice()).toMatchObject({
      platform: 'android',
      model: 'Pixel 8',
      manufacturer: 'Google',
      androidVersion: '14',
      sdk: 34,
      fingerprint: 'google/shiba/shiba:14/AP1A/1:user/release-keys',
      batteryStart: { levelPercent: 75, status: 'discharging', plugged: [], chargeCounterUah: 3_719_506, updatesStopped: false },
      batteryEnd: null,
      powerCut: null,
    });
    // An iteration without steps: nothing sampled, nothing measured, nothing invented.
    const run: Run = { iteration: 1, startedAt: new Date().toISOString(), finishedAt: null, status: 'running', samples: [] };
    await session.finishIteration(run);
    expect(run.chargeCounter).toBeNull();
    await driver.close();
  });

  it('iOS: a warning that energy is not measured', async () => {
    const driver = await openAppiumDriver({ target: { platform: 'ios', bundleId: 'org.example', appiumUrl: statusUrl }, device, network, connect: async () => client() });
    expect(driver.deviceWarnings).toEqual([expect.stringMatching(/^iOS: energy is not measured on iOS devices/)]);
    const session = await driver.openSession();
    expect(session.probes).toEqual([]);
    await driver.close();
  });
});

describe('farm credentials and app ids', () => {
  it('keeps farm app ids as they are and only paths are files', () => {
    for (const id of ['storage:filename=health.apk', 'storage:7c9f1a2e-1b2c', 'sauce-storage:health.apk', 'bs://c700ce60cf13ae8ed97705a55b8e022f13c5827c', 'lt://APP10160', 'https://example.org/health.apk']) expect(isLocalAppPath(id)).toBe(false);
    for (const path of ['health.apk', './apps/health.apk', '/opt/apps/health.apk', 'C:\\apps\\health.apk']) expect(isLocalAppPath(path)).toBe(true);
  });

  it('redacts URLs, vendor secret capabilities, and every form of the credentials in values', () => {
    expect(redactUrl('https://alice:s3cr%40t@hub.example.com/wd/hub')).toBe('https://[secret]:[secret]@hub.example.com/wd/hub');
    expect(redactUrl('http://127.0.0.1:4723/')).toBe('http://127.0.0.1:4723/');
    const caps = { 'bstack:options': { userName: 'alice', accessKey: 'AK-123', deviceName: 'Pixel 8' }, 'sauce:options': { username: 'bob', accessKey: 'SK-9' }, 'appium:udid': 'R58M' };
    expect(redactCapabilities(caps)).toEqual({ 'bstack:options': { userName: '[secret]', accessKey: '[secret]', deviceName: 'Pixel 8' }, 'sauce:options': { username: '[secret]', accessKey: '[secret]' }, 'appium:udid': 'R58M' });
    const secrets = credentialsOf({ appiumUrl: 'https://alice:s3cr%40t@hub.example.com/wd/hub', capabilities: caps });
    expect(secrets).toEqual(expect.arrayContaining(['s3cr%40t', 's3cr@t', 'alice:s3cr@t', Buffer.from('alice:s3cr@t').toString('base64'), 'AK-123', 'alice']));
    expect(scrubCredentials({ message: 'GET https://alice:s3cr%40t@hub failed; key "s3cr@t"', nested: ['AK-123'] }, secrets)).toEqual({ message: 'GET https://[secret]:[secret]@hub failed; key "[secret]"', nested: ['[secret]'] });
  });

  it('never prints the credentials when the server does not answer', async () => {
    const driver = await openAppiumDriver({ target: { platform: 'android', appPackage: 'org.example', appiumUrl: 'http://bob:t0p-s3cret@127.0.0.1:9/wd/hub' }, device, network, connect: async () => client() });
    await expect(driver.openSession()).rejects.toThrow('no Appium server answers at http://[secret]:[secret]@127.0.0.1:9/wd/hub (GET /status failed): start it, or fix target.appiumUrl');
  });
});
