/**
 * `--lighthouse` in real Chromium: after the measured iteration, a separate pass in which Lighthouse observes
 * each step of the same browser's page (a timespan around signing in, a navigation around the click to the
 * heavy page). The heavy page's audit must name its uncompressed script; the result must validate; the pass
 * must stay out of the medians; no secret may reach the Lighthouse reports.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney, type RunEvent } from '../../src/run/journey.js';
import { DEMO_PASSWORD } from '../../src/demo/server.js';
import { loadJourney } from '../../src/journey/load.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';

let outDir: string;
let result: Result;
let wallMs: number;
const events: RunEvent[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'ecoscore-lighthouse-'));
  const loaded = await loadJourney('test/fixtures/journeys/valid/demo-lighthouse.yaml', { env: { ECOSCORE_TEST_PASSWORD: DEMO_PASSWORD } });
  const t0 = performance.now();
  ({ result } = await runJourney(loaded, { outDir, lighthouse: true, onEvent: (event) => events.push(event) }));
  wallMs = performance.now() - t0;
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const step = (name: string) => result.steps.find((candidate) => candidate.name === name)!;

describe('a run with --lighthouse', () => {
  it('passes, writes a result.json that validates, and records the separate pass', async () => {
    expect(result.status).toBe('passed');
    const onDisk = await readResult(join(outDir, 'result.json'));
    expect(onDisk.environment.lighthouse).toMatchObject({ pass: 'separate', lighthouseVersion: '12.8.2', auditedSteps: 2 });
    expect(onDisk.environment.lighthouse?.error).toBeUndefined();
    expect(onDisk.steps.map((s) => s.lighthouse?.mode ?? null)).toEqual([null, 'timespan', 'navigation']);
    console.info(`--lighthouse demo run: ${(wallMs / 1000).toFixed(1)} s in all, Lighthouse pass ${(onDisk.environment.lighthouse!.durationMs! / 1000).toFixed(1)} s`);
  });

  it('recommends compressing the heavy page’s script, with its savings in bytes and radio charge', () => {
    const heavy = step('heavy page').lighthouse!;
    expect(heavy.error).toBeUndefined();
    const compression = heavy.recommendations.find((rec) => rec.audit === 'uses-text-compression');
    expect(compression).toBeDefined();
    expect(compression!.items[0].url).toMatch(/\/heavy\/ressources\.js$/);
    expect(compression!.estimatedSavingsBytes).toBeGreaterThan(300_000);
    expect(compression!.estimatedEnergyMah).toBeGreaterThan(0);
    const audits = heavy.recommendations.map((rec) => rec.audit);
    expect(audits).toEqual(expect.arrayContaining(['modern-image-formats', 'uses-long-cache-ttl', 'unused-javascript']));
    expect(heavy.metrics.largestContentfulPaintMs).toBeGreaterThan(0);
    expect(heavy.metrics.totalBlockingTimeMs).not.toBeNull();
    expect(heavy.estimatedSavingsBytes).toBeGreaterThan(1_000_000);
  });

  it('writes each audited step’s Lighthouse report next to result.json, without the secret typed in the journey', async () => {
    const files = (await readdir(join(outDir, 'lighthouse'))).sort();
    expect(files).toEqual(['02-sign-in.json', '03-heavy-page.json']);
    expect(step('heavy page').lighthouse!.report).toBe('lighthouse/03-heavy-page.json');
    for (const file of files) {
      const text = await readFile(join(outDir, 'lighthouse', file), 'utf8');
      expect(JSON.parse(text).lighthouseVersion).toBe('12.8.2');
      expect(text).not.toContain(DEMO_PASSWORD);
    }
  });

  it('keeps the pass out of the medians, and records what the step measured under Lighthouse', () => {
    expect(result.runs).toHaveLength(1);
    const heavyIndex = result.steps.findIndex((s) => s.name === 'heavy page');
    const measured = result.runs[0].samples[heavyIndex];
    expect(step('heavy page').metrics.durationMs).toBe(measured.durationMs);
    const pass = step('heavy page').lighthouse!.auditPass!;
    expect(pass.bytes).toBeGreaterThan(2_000_000);
    // The off-main-thread trace cannot run beside Lighthouse's own trace: the pass's energy is not modelled (null, never a partial sum).
    expect(pass.energyMah).toBeNull();
    expect(pass.cpuMs).toBeGreaterThan(0);
    expect(step('heavy page').lighthouse!.addedMs).toBeGreaterThan(0);
  });

  it('reports each audited step as a progress event', () => {
    const audited = events.filter((event): event is Extract<RunEvent, { type: 'lighthouse-step' }> => event.type === 'lighthouse-step');
    expect(audited.map((event) => [event.step, event.mode])).toEqual([
      ['sign in', 'timespan'],
      ['heavy page', 'navigation'],
    ]);
  });
});
