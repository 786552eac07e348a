/**
 * The demo journey in real Chromium: every step measured, plausible figures, a valid result.json,
 * screenshots, and the secret password nowhere in what was written.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney, type RunEvent } from '../../src/run/journey.js';
import { DEMO_PASSWORD, expectedElementCount } from '../../src/demo/server.js';
import { loadJourney } from '../../src/journey/load.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';

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

  it('models the energy of every step, from a calibrated host, and says it is modelled', () => {
    const source = result.environment.energySource as { kind: string; calibrated: boolean; description: string };
    expect(source.kind).toBe('model');
    expect(source.calibrated).toBe(true);
    expect(source.description).toContain('not a measurement');
    for (const s of result.steps) {
      expect(s.metrics.energyMah).toBeGreaterThan(0);
      expect(s.metrics.dischargeUahPerS).toBeGreaterThan(0);
    }
    // Downloading 3.7 MB and running its script draws more current than reading an idle page.
    expect(step('heavy page').metrics.dischargeUahPerS).toBeGreaterThan(step('read dashboard').metrics.dischargeUahPerS!);
    expect(step('heavy page').dischargeRatio).toBeGreaterThan(1.05);
  });

  it('scores the heavy page clearly below the light pages on data and energy', () => {
    const heavy = step('heavy page').scores!;
    for (const name of ['sign in', 'open measures']) {
      const light = step(name).scores!;
      expect(light.data! - heavy.data!).toBeGreaterThan(30);
      expect(light.energy!).toBeGreaterThan(heavy.energy!);
      expect(light.ecoscore!).toBeGreaterThan(heavy.ecoscore!);
    }
    expect(step('read dashboard').scores!.performance).toBeNull();
    expect(result.summary.ecoscore).toBeGreaterThan(0);
    expect(result.summary.grade).toMatch(/^[A-G]$/);
  });

  it('gives the EcoIndex of the cold first load only (the reference\'s conditions), and a footprint for every step', () => {
    expect(step('login page').ecoindex!.score).toBeGreaterThan(0);
    expect(step('login page').metrics.documentElements).toBeGreaterThan(0);
    expect(step('heavy page').ecoindex).toBeNull();
    expect(step('scroll measures').ecoindex).toBeNull();
    expect(step('reference').ecoindex).toBeNull();
    for (const s of result.steps) expect(s.footprint!.ghgGrams).toBeGreaterThan(0);
    expect(result.summary.footprint!.ghgGrams).toBeGreaterThan(step('heavy page').footprint!.ghgGrams);
    expect(result.summary.projection!.perThousandJourneys.ghgGrams).toBeCloseTo(result.summary.footprint!.ghgGrams * 1000, 6);
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
