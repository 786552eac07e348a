/**
 * The Playwright Test fixture on the embedded demo app: an ordinary Playwright test whose steps are
 * measured by `ecoscore.step`, with the toolkit's real probes, on the test's own page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PASSWORD, startDemoServer, type DemoServer } from '../../src/demo/server.js';
import { ResultSchema } from '../../src/model/result.js';
import { expect, test } from '../../src/playwright-test/index.js';
import { measureDemoJourney } from './demo-journey.js';

let demo: DemoServer;
/** Where the measured test wrote its result: read again once the fixture has finished the journey. */
let measuredOutputDir: string | null = null;

test.beforeAll(async () => {
  demo = await startDemoServer();
});

test.afterAll(async () => {
  await demo?.close();
  // When the test is over the fixture ends the journey: the iteration's off-main-thread CPU trace is read, and the
  // journey gets its grade (during the test, result() is a running result, without one).
  if (measuredOutputDir === null) return;
  const final = ResultSchema.parse(JSON.parse(await readFile(join(measuredOutputDir, 'result.json'), 'utf8')));
  expect(final.summary.status?.code).toBe('graded');
  expect(final.summary.ecoscore).toEqual(expect.any(Number));
  expect(final.summary.grade).toMatch(/^[A-G]$/);
  for (const sample of final.runs[0].samples) expect(sample.gpuCpuMs, sample.step).toEqual(expect.any(Number));
});

test.use({ ecoscoreOptions: { device: 'mid-range-phone', network: 'wifi', secrets: [DEMO_PASSWORD] } });

test('a test becomes a measured journey: reference, first load, sign in, pause', async ({ page, ecoscore }) => {
  await measureDemoJourney(page, ecoscore, demo.url);

  // The device profile's context options replaced the config's 1280×900.
  expect(page.viewportSize()).toEqual(ecoscore.device.viewport);
  expect(await page.evaluate(() => navigator.userAgent)).toBe(ecoscore.device.userAgent);

  const result = ResultSchema.parse(ecoscore.result());
  expect(result.journey.name).toBe('a test becomes a measured journey: reference, first load, sign in, pause');
  expect(result.journey.file).toMatch(/(^|\/)test\/e2e\/ecoscore-fixture\.spec\.ts$/);
  expect(result.journey.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(result.journey.source).toBeUndefined();
  expect(result.target).toMatchObject({ platform: 'web', url: demo.url });
  expect(result.environment.device.id).toBe('mid-range-phone');
  expect(result.environment.emulation.cpuSlowdownFactor).toBe(4);
  expect(result.steps.map((step) => [step.name, step.type, step.status])).toEqual([
    ['reference', 'reference', 'passed'],
    ['login page', 'first-load', 'passed'],
    ['sign in', 'load', 'passed'],
    ['read dashboard', 'pause', 'passed'],
  ]);
  const [reference, login, signIn, pause] = result.steps;
  expect(reference.metrics.requests).toBe(0);
  expect(login.metrics.bytes).toBeGreaterThan(0);
  expect(login.metrics.requests).toBeGreaterThan(0);
  expect(signIn.metrics.bytes).toBeGreaterThan(0);
  expect(pause.metrics.requests).toBe(0);
  expect(pause.metrics.bytes).toBe(0);
  for (const step of result.steps) {
    expect(step.metrics.durationMs).toBeGreaterThan(0);
    expect(step.metrics.cpuMs).not.toBeNull();
    expect(step.metrics.domElements).not.toBeNull();
    expect(step.screenshot).toMatch(/^screenshots\/1\/0\d-[a-z-]+\.png$/);
  }
  expect(pause.metrics.durationMs).toBeGreaterThanOrEqual(500);
  expect(login.ecoindex).not.toBeNull();
  // The journey is still running: no grade yet (see afterAll for the finished result).
  expect(result.summary.status?.code).toBe('running');
  expect(result.summary.ecoscore).toBeNull();
  measuredOutputDir = ecoscore.outputDir;
  expect(JSON.stringify(result)).not.toContain(DEMO_PASSWORD);

  // result.json is rewritten after every step, beside the screenshots.
  const written = ResultSchema.parse(JSON.parse(await readFile(join(ecoscore.outputDir, 'result.json'), 'utf8')));
  expect(written.steps).toHaveLength(4);
  const png = await readFile(join(ecoscore.outputDir, signIn.screenshot!));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
});

test('a failing step is recorded as failed with what it measured, rethrown, and stops the journey', async ({ page, ecoscore }) => {
  const failing = ecoscore.step('login page', { type: 'first-load' }, async () => {
    await page.goto(`${demo.url}/`);
    await expect(page.getByText('Cette page n’existe pas')).toBeVisible({ timeout: 300 });
  });
  await expect(failing).rejects.toThrow(/toBeVisible|Cette page/);
  await expect(ecoscore.step('read', { type: 'pause', duration: 100 })).rejects.toThrow('not run: step "login page" failed');

  const result = ResultSchema.parse(ecoscore.result());
  const [login, read] = result.steps;
  expect(login.status).toBe('failed');
  expect(login.error).toBeTruthy();
  expect(result.runs[0].samples[0].error).toContain('toBeVisible');
  expect(login.metrics.bytes).toBeGreaterThan(0);
  expect(login.screenshot).not.toBeNull();
  expect(read.status).toBe('skipped');
  expect(result.summary.failedSteps).toBe(1);
});
