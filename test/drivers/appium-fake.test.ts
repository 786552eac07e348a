/**
 * A native-app journey replayed through a real Appium 3 server (started by the toolkit on 127.0.0.1) and
 * WebdriverIO, on Appium's fake driver: actions, waits, screenshots and step results, the Android probes
 * unavailable (no device, not zeros), the energy modelled and said so, and the failures a user meets (a
 * missing element, no server at appiumUrl, an unknown app) as one clear sentence with the result kept.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney } from '../../src/run/journey.js';
import { loadJourney } from '../../src/journey/load.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';
import { requireAppiumDrivers } from './appium-setup.js';

const ANDROID_PROBES = ['energy', 'android-netstats', 'android-cpu', 'android-memory', 'android-gfxinfo', 'android-batterystats'];

let outDir: string;
let result: Result;
let wallMs: number;

beforeAll(async () => {
  requireAppiumDrivers();
  outDir = await mkdtemp(join(tmpdir(), 'ecoscore-appium-fake-'));
  const started = performance.now();
  ({ result } = await runJourney(await loadJourney('test/fixtures/appium/fake-health.yaml'), { outDir }));
  wallMs = performance.now() - started;
}, 120_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const step = (name: string) => {
  const found = result.steps.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no step ${name}`);
  return found;
};

describe('a native journey on Appium’s fake driver', () => {
  it('passes every step and writes a result.json that validates', async () => {
    expect(result.runs[0].samples.map((sample) => [sample.step, sample.status, sample.error ?? null])).toEqual([
      ['reference', 'passed', null],
      ['open measures', 'passed', null],
      ['scroll measures', 'passed', null],
      ['add a measure', 'passed', null],
      ['read the list', 'passed', null],
    ]);
    expect(result.status).toBe('passed');
    const onDisk = await readResult(join(outDir, 'result.json'));
    expect(onDisk.target.platform).toBe('android');
    expect(onDisk.environment.browser?.name).toBe('appium Fake');
    expect(onDisk.environment.browser?.version).toMatch(/^3\./);
  });

  it('times every step, including the idle ones and the time to the wait condition', () => {
    expect(step('reference').metrics.durationMs).toBeGreaterThanOrEqual(990); // a 1 s idle (timers may fire a hair early)
    expect(step('read the list').metrics.durationMs).toBeGreaterThanOrEqual(490);
    expect(step('open measures').metrics.readyMs).toBeGreaterThan(0);
    expect(step('open measures').metrics.durationMs).toBeGreaterThanOrEqual(step('open measures').metrics.readyMs!);
  });

  it('takes a PNG screenshot of every step', async () => {
    for (const sample of result.runs[0].samples) {
      expect(sample.screenshot).toMatch(/^screenshots\/1\/\d\d-.*\.png$/);
      const file = join(outDir, sample.screenshot!);
      expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
      expect((await stat(file)).size).toBeGreaterThan(1000);
    }
  });

  it('says once which figures the device shell denial costs, runs without the Android probes, figures null and never 0', () => {
    for (const sample of result.runs[0].samples) {
      expect(Object.keys(sample.unavailable ?? {}).filter((probe) => ANDROID_PROBES.includes(probe))).toEqual([]);
      for (const field of ['measuredEnergyMah', 'bytes', 'cpuMs', 'memoryBytes', 'frames', 'jankyFrames', 'appEstimatedMah'] as const) {
        expect(sample[field] ?? null).toBeNull();
      }
      expect(sample.energyMeasurement ?? null).toBeNull();
    }
    const denial = result.warnings.filter((warning) => /device shell is not available/.test(warning.message));
    expect(denial).toHaveLength(1);
    expect(denial[0].code).toBe('device-check');
    expect(denial[0].message).toMatch(/^device check: the device shell is not available \(this Appium driver has no `mobile: shell` \(no Android device behind it\).*\): measured energy \(battery current\), device CPU time, memory, frames, app network bytes \(native apps\) and batterystats cannot be measured on this server, and energy is modelled/);
    expect(result.runs[0].chargeCounter ?? null).toBeNull();
    expect(result.environment.mobileDevice ?? null).toBeNull();
  });

  it('models the energy, says so, and does not warn about a host calibration that does not apply', () => {
    const source = result.environment.energySource as { kind: string; description: string };
    expect(source.kind).toBe('model');
    expect(source.description).toMatch(/not a measurement/);
    // Duration is measured, bytes and CPU are not: the model cannot add up an energy (null, not 0).
    expect(step('open measures').metrics.energyMah).toBeNull();
    expect(result.warnings.some((warning) => warning.code === 'calibration-failed' || /calibration/.test(warning.message))).toBe(false);
  });

  it('writes Appium’s log next to the result and stops the server', () => {
    expect(existsSync(join(outDir, 'appium.log'))).toBe(true);
  });

  it('takes well under a minute', () => {
    expect(wallMs).toBeLessThan(60_000);
  });
});

describe('mobile failures', () => {
  let dir: string;
  beforeAll(async () => {
    requireAppiumDrivers();
    dir = await mkdtemp(join(tmpdir(), 'ecoscore-appium-failures-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fails the step whose element is missing with a clear error, skips the rest and keeps the result', async () => {
    const outDir = join(dir, 'missing');
    const { result } = await runJourney(await loadJourney('test/fixtures/appium/fake-missing-locator.yaml'), { outDir });
    expect(result.status).toBe('failed');
    const [open, appointments, read] = result.runs[0].samples;
    expect(open.status).toBe('passed');
    expect(appointments.status).toBe('failed');
    expect(appointments.error).toBe('actions[0] click text "Rendez-vous": no visible element matches text "Rendez-vous" after 1000 ms');
    expect(appointments.screenshot).not.toBeNull();
    expect(read.status).toBe('skipped');
    const onDisk = await readResult(join(outDir, 'result.json'));
    expect(onDisk.steps.map((step) => step.status)).toEqual(['passed', 'failed', 'skipped']);
  }, 60_000);

  it('says in one sentence that no Appium server answers at appiumUrl, and keeps the result', async () => {
    const outDir = join(dir, 'unreachable');
    const { result } = await runJourney(await loadJourney('test/fixtures/appium/unreachable-server.yaml'), { outDir });
    expect(result.status).toBe('failed');
    const first = result.runs[0].samples[0];
    expect(first.status).toBe('failed');
    expect(first.error).toMatch(/no Appium server answers at http:\/\/127\.0\.0\.1:9\/ \(GET \/status failed\): start it, or fix target\.appiumUrl$/);
    expect(first.error!.split('\n')).toHaveLength(1);
    expect(result.runs[0].samples[1].status).toBe('skipped');
    expect(existsSync(join(outDir, 'result.json'))).toBe(true);
  }, 60_000);

  it('says which Appium driver is missing and how to install it', async () => {
    const { result } = await runJourney(await loadJourney('test/fixtures/appium/no-uiautomator2.yaml'), { outDir: join(dir, 'no-driver') });
    expect(result.status).toBe('failed');
    expect(result.runs[0].samples[0].error).toMatch(
      /Appium could not start a session \(UiAutomator2\): Could not find a driver for automationName 'UiAutomator2'.* \(install it: node scripts\/install-appium-drivers\.mjs uiautomator2\)$/,
    );
  }, 60_000);

  it('rejects an app file that does not exist before starting anything', async () => {
    await expect(runJourney(await loadJourney('test/fixtures/appium/unknown-app.yaml'), { outDir: join(dir, 'unknown') })).rejects.toThrow(
      /^test\/fixtures\/appium\/unknown-app\.yaml: target\.app: the app file .*no-such-app\.apk does not exist$/,
    );
  });
});
