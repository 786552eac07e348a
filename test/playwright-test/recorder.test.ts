/**
 * The journey recorder behind the Playwright Test fixture, on a stand-in page and session (no browser):
 * which steps it accepts, how it measures, fails, skips and ends, and that its results validate.
 * The real thing, on Chromium and the demo app, is test/e2e/ecoscore-fixture.spec.ts.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/drivers/driver.js';
import { JourneyRecorder, type JourneyRecorderOptions } from '../../src/playwright-test/recorder.js';
import type { Probe } from '../../src/probes/probe.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';
import { ResultSchema } from '../../src/model/result.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let dir: string;
let calls: string[];
let url: string;
let bytesPerStep: number;

function fakeSession(): Session {
  const probe: Probe = {
    name: 'network',
    fields: ['bytes', 'requests'],
    start: async () => void calls.push('probe start'),
    stop: async () => {
      calls.push('probe stop');
      return { bytes: bytesPerStep, requests: bytesPerStep > 0 ? 3 : 0 };
    },
  };
  const broken: Probe = {
    name: 'memory',
    fields: ['memoryBytes'],
    start: async () => undefined,
    stop: async () => {
      throw new Error('Performance.getMetrics has no JSHeapUsedSize');
    },
  };
  return {
    probes: [probe, broken],
    showBlank: async () => {
      calls.push('blank');
      url = 'about:blank';
    },
    perform: async () => undefined,
    idle: async (ms) => void calls.push(`idle ${ms}`),
    settle: async (ms) => void calls.push(`settle ${ms}`),
    // The recorder screenshots through the session, as the runner does (the one step lifecycle, measure/).
    screenshot: async (file, masks) => {
      expect(masks.maskValues).toEqual(['hunter2-secret']);
      calls.push(`screenshot ${masks.maskSelectors.length + (masks.maskNative?.length ?? 0)} masks`);
      await writeFile(file, PNG);
    },
    currentUrl: () => url,
    close: async () => undefined,
  };
}

const fakePage = {
  locator: (selector: string) => ({ selector }),
  // No frame to search for secrets to mask (the real search runs in test/drivers/playwright-masking.test.ts).
  frames: () => [],
  screenshot: async (options: { path: string; mask: unknown[] }) => {
    calls.push(`screenshot ${options.mask.length} masks`);
    await writeFile(options.path, PNG);
  },
} as unknown as Page;

function recorder(overrides: Partial<JourneyRecorderOptions> = {}): JourneyRecorder {
  return new JourneyRecorder({
    page: fakePage,
    session: fakeSession(),
    device: getDeviceProfile('mid-range-phone'),
    network: getNetworkProfile('wifi'),
    deviceRef: 'mid-range-phone',
    networkRef: 'wifi',
    journeyName: 'record a measure',
    specFile: 'tests/measure.spec.ts',
    specSha256: 'a'.repeat(64),
    baseUrl: null,
    outDir: dir,
    browser: { name: 'chromium', version: '156' },
    calibration: null,
    calibrationError: 'not measured in this test',
    secrets: ['hunter2-secret'],
    ...overrides,
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-recorder-'));
  calls = [];
  url = 'about:blank';
  bytesPerStep = 0;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JourneyRecorder', () => {
  it('measures a reference on a blank tab, a load with its callback then the settle rule, and a pause idle', async () => {
    const journey = recorder();
    await journey.step('reference', { type: 'reference', duration: '200ms' });
    bytesPerStep = 5000;
    await journey.step('home', { type: 'first-load', critical: true, mask: ['.avatar'] }, async () => {
      calls.push('callback');
      url = 'https://app.example.org/home?token=hunter2-secret';
    });
    bytesPerStep = 0;
    await journey.step('read', { type: 'pause', duration: '1s' });

    expect(calls).toEqual([
      'blank', 'probe start', 'idle 200', 'probe stop', 'screenshot 1 masks',
      'probe start', 'callback', 'settle 5000', 'probe stop', 'screenshot 2 masks',
      'probe start', 'idle 1000', 'probe stop', 'screenshot 1 masks',
    ]);
    const result = ResultSchema.parse(await journey.finalize({ status: 'passed' }));
    expect(result.status).toBe('passed');
    expect(result.journey).toEqual({ name: 'record a measure', file: 'tests/measure.spec.ts', sha256: 'a'.repeat(64) });
    expect(result.target).toMatchObject({ platform: 'web', url: 'https://app.example.org' });
    expect(result.steps.map((step) => [step.name, step.type, step.critical, step.status, step.metrics.bytes, step.screenshot])).toEqual([
      ['reference', 'reference', false, 'passed', 0, 'screenshots/1/01-reference.png'],
      ['home', 'first-load', true, 'passed', 5000, 'screenshots/1/02-home.png'],
      ['read', 'pause', false, 'passed', 0, 'screenshots/1/03-read.png'],
    ]);
    const samples = result.runs[0].samples;
    expect(samples[1].readyMs).not.toBeNull();
    expect(samples[0].readyMs).toBeNull();
    expect(samples[1].memoryBytes).toBeNull();
    expect(samples[1].unavailable).toEqual({ memory: 'Performance.getMetrics has no JSHeapUsedSize' });
    expect(samples[1].url).toBe('https://app.example.org/home?token=[secret]');
    expect(JSON.stringify(result)).not.toContain('hunter2-secret');
    expect(journey.screenshots()).toEqual(['screenshots/1/01-reference.png', 'screenshots/1/02-home.png', 'screenshots/1/03-read.png']);
    expect(ResultSchema.parse(JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'))).status).toBe('passed');
  });

  it('rewrites result.json after every step, with status running until the test ends', async () => {
    const journey = recorder({ baseUrl: 'http://127.0.0.1:4000' });
    expect(journey.result()).toBeNull();
    await journey.step('reference', { type: 'reference', duration: 10 });
    const written = ResultSchema.parse(JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')));
    expect(written.status).toBe('running');
    expect(written.steps).toHaveLength(1);
    expect(written.target).toMatchObject({ url: 'http://127.0.0.1:4000' });
    expect(written.journey.source).toBeUndefined();
  });

  it('records a failing callback as a failed step with its figures, rethrows it, and does not run later steps', async () => {
    const journey = recorder();
    bytesPerStep = 1234;
    const boom = new Error('expect(locator).toBeVisible() failed\n\nLocator: getByText(hunter2-secret)');
    await expect(journey.step('home', { type: 'load' }, async () => {
      throw boom;
    })).rejects.toBe(boom);
    expect(calls).not.toContain('settle 5000');
    await expect(journey.step('read', { type: 'pause', duration: 10 })).rejects.toThrow('ecoscore: step "read" not run: step "home" failed and a journey stops at its first failed step');

    const result = ResultSchema.parse(await journey.finalize({ status: 'failed', error: boom.message }));
    expect(result.status).toBe('failed');
    const [home, read] = result.steps;
    expect(home).toMatchObject({ status: 'failed', error: 'expect(locator).toBeVisible() failed' });
    expect(home.metrics.bytes).toBe(1234);
    expect(home.screenshot).toBe('screenshots/1/01-home.png');
    expect(read.status).toBe('skipped');
    expect(result.warnings.some((warning) => warning.code === 'test-ended-after-steps')).toBe(false);
  });

  it('records a step still running when the test ends (a timeout) as failed', async () => {
    const journey = recorder();
    let release!: () => void;
    const pending = journey.step('slow', { type: 'action' }, () => new Promise<void>((done) => (release = done)));
    await new Promise((done) => setTimeout(done, 20));
    const result = ResultSchema.parse(await journey.finalize({ status: 'timedOut', error: 'Test timeout of 30000ms exceeded.' }));
    expect(result.steps[0]).toMatchObject({ status: 'failed', error: 'the test ended during this step (timedOut: Test timeout of 30000ms exceeded.)' });
    expect(result.steps[0].metrics.durationMs).toBeGreaterThan(0);
    release();
    await pending;
    expect(journey.result()!.runs[0].samples).toHaveLength(1);
  });

  it('warns when the test failed after its steps, and returns null when no step was declared', async () => {
    const journey = recorder();
    await journey.step('reference', { type: 'reference', duration: 1 });
    const result = await journey.finalize({ status: 'failed', error: 'Error: expect(received).toBe(expected)\n\nExpected: 1' });
    expect(result!.status).toBe('passed');
    expect(result!.warnings).toContainEqual({
      code: 'test-ended-after-steps',
      params: { status: 'failed', error: 'Error: expect(received).toBe(expected)' },
      message: 'the test failed after its measured steps: Error: expect(received).toBe(expected); the measures are complete',
    });
    expect(await recorder().finalize({ status: 'passed' })).toBeNull();
  });

  it('refuses steps the method does not allow, before measuring anything', async () => {
    const journey = recorder();
    await expect(journey.step('x', { type: 'background' as never })).rejects.toThrow('type must be one of reference, pause, first-load, load, action, scroll, got "background"');
    await expect(journey.step('x', { type: 'load' })).rejects.toThrow('a load step needs a callback that performs it');
    await expect(journey.step('x', { type: 'pause' })).rejects.toThrow("a pause step needs a duration (e.g. '10s')");
    await expect(journey.step('x', { type: 'reference' }, () => undefined)).rejects.toThrow('a reference step measures an idle blank tab and takes no callback');
    await expect(journey.step('x', { type: 'pause', duration: 'soon' })).rejects.toThrow('"soon" is not a duration; write it like 500ms, 10s or 2m');
    expect(calls).toEqual([]);
    await journey.step('x', { type: 'pause', duration: 1 });
    await expect(journey.step('x', { type: 'pause', duration: 1 })).rejects.toThrow('duplicate step name');
  });

  it('defaults a reference step to 10 s of idle', async () => {
    await recorder().step('reference', { type: 'reference' });
    expect(calls).toContain('idle 10000');
  });
});
