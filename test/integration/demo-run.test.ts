/**
 * The demo journey in real Chromium: every step measured, plausible figures, a valid result.json,
 * screenshots, and the secret password nowhere in what was written.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney, type RunEvent } from '../../src/campaign/run.js';
import { DEMO_PASSWORD, expectedElementCount } from '../../src/demo/server.js';
import { loadJourney } from '../../src/journey/load.js';
import { readResult } from '../../src/result/io.js';
import type { Result } from '../../src/result/schema.js';

let outDir: string;
let result: Result;
const events: RunEvent[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'ecoscore-demo-'));
  const loaded = await loadJourney('test/fixtures/journeys/valid/demo-short.yaml', { env: { ECOSCORE_TEST_PASSWORD: DEMO_PASSWORD } });
  ({ result } = await runJourney(loaded, { outDir, onEvent: (event) => events.push(event) }));
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const step = (name: string) => {
  const found = result.steps.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no step ${name}`);
  return found;
};

describe('demo journey in real Chromium', () => {
  it('passes every step and writes a result.json that validates', async () => {
    expect(result.status).toBe('passed');
    expect(result.steps.map((s) => s.status)).toEqual(Array(7).fill('passed'));
    const onDisk = await readResult(join(outDir, 'result.json'));
    expect(onDisk.steps).toHaveLength(7);
    expect(onDisk.runs[0].samples).toHaveLength(7);
    expect(onDisk.environment.browser?.version).toMatch(/^\d+\./);
  });

  it('counts transferred bytes and requests on load steps', () => {
    for (const name of ['login page', 'sign in', 'open measures', 'heavy page']) {
      expect(step(name).metrics.bytes).toBeGreaterThan(1000);
      expect(step(name).metrics.requests).toBeGreaterThan(0);
    }
    // The heavy page is deliberately over 2 MB of images.
    expect(step('heavy page').metrics.bytes).toBeGreaterThan(2_000_000);
    expect(step('heavy page').metrics.bytes).toBeGreaterThan(20 * step('open measures').metrics.bytes!);
  });

  it('sees no new request while the page is left idle or on the blank reference tab', () => {
    expect(step('read dashboard').metrics.requests).toBe(0);
    expect(step('read dashboard').metrics.bytes).toBe(0);
    expect(step('reference').metrics.requests).toBe(0);
  });

  it('counts the DOM elements the demo page is known to have', () => {
    expect(step('open measures').metrics.domElements).toBe(expectedElementCount('/measures'));
  });

  it('measures duration, time to the wait condition, CPU and memory', () => {
    const login = step('login page');
    expect(login.metrics.readyMs).toBeGreaterThan(0);
    expect(login.metrics.durationMs).toBeGreaterThanOrEqual(login.metrics.readyMs!);
    expect(step('reference').metrics.durationMs).toBeGreaterThanOrEqual(1000);
    expect(step('read dashboard').metrics.durationMs).toBeGreaterThanOrEqual(1500);
    expect(step('read dashboard').metrics.readyMs).toBeNull();
    expect(login.metrics.cpuMs).toBeGreaterThan(0);
    expect(login.metrics.memoryBytes).toBeGreaterThan(100_000);
    expect(step('heavy page').metrics.cpuMs).toBeGreaterThan(step('read dashboard').metrics.cpuMs!);
  });

  it('takes a screenshot at the end of every step', async () => {
    const files = await readdir(join(outDir, 'screenshots', '1'));
    expect(files).toHaveLength(7);
    for (const s of result.steps) {
      const png = await readFile(join(outDir, s.screenshot!));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('reports progress step by step', () => {
    expect(events.filter((event) => event.type === 'step-end')).toHaveLength(7);
    expect(events.at(-1)?.type).toBe('run-end');
  });

  it('never writes the secret password', async () => {
    const text = await readFile(join(outDir, 'result.json'), 'utf8');
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(JSON.stringify(events)).not.toContain(DEMO_PASSWORD);
  });
});
