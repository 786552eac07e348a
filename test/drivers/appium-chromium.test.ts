/**
 * A mobile-web journey through the WebdriverIO path of Chrome on Android — a real Appium 3 server and
 * Appium's Chromium driver (appium-chromium-driver) driving this machine's Chromium with the device profile's
 * mobile emulation — against the embedded demo app. It proves that the path measures real traffic: the bytes
 * come from Chromium's performance log (`Network.loadingFinished` encodedDataLength).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney } from '../../src/run/journey.js';
import { DEMO_PASSWORD, startDemoServer, type DemoServer } from '../../src/demo/server.js';
import { loadJourney } from '../../src/journey/load.js';
import type { Result } from '../../src/model/result.js';
import { requireAppiumDrivers } from './appium-setup.js';

const CHROMEDRIVER = process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver';
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

let outDir: string;
let demo: DemoServer;
let result: Result;

beforeAll(async () => {
  requireAppiumDrivers();
  for (const [what, path] of [['ChromeDriver', CHROMEDRIVER], ['Chromium', CHROMIUM]]) {
    if (!existsSync(path)) throw new Error(`${what} is missing at ${path} (apt-get install -y chromium chromium-driver, or set CHROMEDRIVER / CHROME_PATH)`);
  }
  outDir = await mkdtemp(join(tmpdir(), 'ecoscore-appium-chromium-'));
  demo = await startDemoServer();
  const loaded = await loadJourney('test/fixtures/appium/chromium-demo.yaml', {
    env: { ECOSCORE_TEST_PASSWORD: DEMO_PASSWORD },
    vars: { DEMO_URL: demo.url, CHROMEDRIVER, CHROMIUM },
  });
  ({ result } = await runJourney(loaded, { outDir }));
}, 150_000);

afterAll(async () => {
  await demo?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const step = (name: string) => {
  const found = result.steps.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no step ${name}`);
  return found;
};

describe('a mobile-web journey through Appium’s Chromium driver', () => {
  it('passes every step', () => {
    expect(result.runs[0].samples.map((sample) => [sample.step, sample.status, sample.error ?? null])).toEqual([
      ['reference', 'passed', null],
      ['login page', 'passed', null],
      ['sign in', 'passed', null],
      ['read dashboard', 'passed', null],
      ['open measures', 'passed', null],
      ['scroll measures', 'passed', null],
      ['heavy page', 'passed', null],
    ]);
    expect(result.environment.browser?.name).toBe('appium Chromium');
  });

  it('counts real transferred bytes and requests from Chromium’s performance log on the load steps', () => {
    for (const name of ['login page', 'sign in', 'open measures', 'heavy page']) {
      expect(step(name).metrics.bytes, name).toBeGreaterThan(1000);
      expect(step(name).metrics.requests, name).toBeGreaterThan(0);
    }
    // The heavy page is deliberately over 2 MB of images.
    expect(step('heavy page').metrics.bytes).toBeGreaterThan(2_000_000);
    const sample = result.runs[0].samples.find((candidate) => candidate.step === 'heavy page')!;
    expect(Object.keys(sample.domains ?? {})).toEqual([new URL(demo.url).host]);
    expect(sample.firstPartyBytes).toBe(sample.bytes);
    expect(sample.unavailable?.['chromium-perf-log']).toBeUndefined();
  });

  it('sees no traffic on the blank reference tab nor while the page is left idle', () => {
    expect(step('reference').metrics.requests).toBe(0);
    expect(step('read dashboard').metrics.bytes).toBe(0);
  });

  it('records the URL of each step and a screenshot, and never writes the password', async () => {
    const sample = result.runs[0].samples.find((candidate) => candidate.step === 'open measures')!;
    expect(sample.url).toBe(`${demo.url}/measures`);
    for (const each of result.runs[0].samples) {
      // Say which step has none, and what the run recorded about it, rather than crash on a null path.
      expect(each.screenshot, `${each.step}: ${JSON.stringify(each.unavailable ?? null)} ${each.error ?? ''}`).toEqual(expect.any(String));
      expect(existsSync(join(outDir, each.screenshot!)), each.step).toBe(true);
    }
    expect(await readFile(join(outDir, 'result.json'), 'utf8')).not.toContain(DEMO_PASSWORD);
  });

  it('models the energy from the measured bytes and duration and says so', () => {
    expect((result.environment.energySource as { kind: string }).kind).toBe('model');
    expect(step('heavy page').metrics.energyMah).toBeNull(); // CPU time is not measured on this path
    expect(step('heavy page').metrics.durationMs).toBeGreaterThan(0);
  });
});
