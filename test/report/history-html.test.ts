/**
 * The history dashboard: per-journey series, methodology breaks, runs without a score, older history
 * lines, relative report links (a CI artifact folder), its strict CSP and its size for 1,000 runs. Inputs
 * are SYNTHETIC (test/helpers/synthetic-history.ts) except where a real result is named.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { renderHistoryHtml } from '../../src/report/history-html.js';
import { historyDashboardModel, LEGACY_METHODOLOGY } from '../../src/report/history-model.js';
import { HistoryEntrySchema, historyEntry } from '../../src/result/history.js';
import { readResult } from '../../src/output/result-file.js';
import { syntheticHistory } from '../helpers/synthetic-history.js';

const model = (runs = 40, journeys = 2) =>
  historyDashboardModel(syntheticHistory(runs, journeys), { source: 'history.jsonl', generatedAt: '2026-12-01T00:00:00.000Z', reportLink: () => null });

describe('history dashboard model', () => {
  it('groups runs per journey, oldest first, with commit, date, scores and the spread band', () => {
    const { journeys, runs } = model(40, 2);
    expect(runs).toBe(40);
    expect(journeys.map((j) => [j.name, j.date.length])).toEqual([
      ['Synthetic journey 1', 20],
      ['Synthetic journey 2', 20],
    ]);
    const j = journeys[0];
    expect([...j.date].sort()).toEqual(j.date);
    expect(j.commit[0]).toHaveLength(12);
    expect(j.low[1]! < j.ecoscore[1]! && j.ecoscore[1]! < j.high[1]!).toBe(true);
    expect(j.steps.map((s) => s.name)).toHaveLength(9);
    expect(j.steps[1].bytes).toHaveLength(20);
  });

  it('shows where the methodology version changed; lines without a version are 1.x', () => {
    const j = model(40, 2).journeys[0];
    expect(j.methodology[0]).toBe(LEGACY_METHODOLOGY);
    expect(j.breaks).toEqual([{ index: 10, from: '1.x', to: '2.0.0' }]);
  });

  it('keeps runs without a score (incomplete under methodology 2.0) as gaps, not zeros', () => {
    const j = model(40, 1).journeys[0];
    const index = j.status.indexOf('failed');
    expect(index).toBeGreaterThan(0);
    expect(j.ecoscore[index]).toBeNull();
    expect(j.grade[index]).toBeNull();
  });

  it('reads older history lines (no steps, no methodology, no range)', () => {
    const old = { ...syntheticHistory(1)[0] } as Record<string, unknown>;
    delete old.steps;
    delete old.methodologyVersion;
    delete old.ecoscoreRange;
    const entry = HistoryEntrySchema.parse(old);
    const m = historyDashboardModel([entry], { source: 'h', generatedAt: 'now', reportLink: () => null });
    expect(m.journeys[0].steps).toEqual([]);
    expect(m.journeys[0].low).toEqual([null]);
    expect(renderHistoryHtml(m)).toContain('have no per-step figures');
  });

  it('writes per-step figures and the ecoscore range of a real result into its history line', async () => {
    const result = await readResult('test/fixtures/results/demo-health/result.json');
    const entry = historyEntry(result, 'reports/demo/result.json');
    expect(entry.steps?.map((s) => s.name)).toEqual(result.steps.map((s) => s.name));
    expect(entry.steps?.[1].bytes).toBe(result.steps[1].metrics.bytes);
    expect(entry.ecoscoreRange).toEqual({ min: result.summary.spread!.ecoscore.min, max: result.summary.spread!.ecoscore.max });
    expect(HistoryEntrySchema.parse(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
  });
});

describe('history dashboard HTML', () => {
  it('stays under 1 MB for 1,000 runs (chart.js included)', () => {
    const html = renderHistoryHtml(model(1000, 2));
    const bytes = Buffer.byteLength(html, 'utf8');
    console.log(`history.html for 1,000 synthetic runs (2 journeys, 9 steps): ${bytes} bytes`);
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('has a strict CSP: no source but its one hashed script, and escapes what the history holds', () => {
    const entries = syntheticHistory(4, 1).map((e) => ({ ...e, journey: { name: '<img src=x onerror=alert(1)></script>', sha256: 's' } }));
    const html = renderHistoryHtml(historyDashboardModel(entries, { source: 'h', generatedAt: 'now', reportLink: () => null }));
    expect(html).toMatch(/content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"/);
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});

describe('ecoscore history --html', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecoscore-history-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('links each run to its report with relative paths, from a CI artifact folder unpacked anywhere', async () => {
    // The artifact: reports/history.jsonl whose result paths were written relative to the job's folder.
    const reports = join(dir, 'artifact', 'reports');
    const entries = syntheticHistory(3, 1, (i) => `reports/run-${i}/result.json`);
    for (let i = 0; i < 3; i++) {
      await mkdir(join(reports, `run-${i}`), { recursive: true });
      if (i !== 1) await writeFile(join(reports, `run-${i}`, 'report.html'), '<!doctype html>');
    }
    await writeFile(join(reports, 'history.jsonl'), entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const out: string[] = [];
    const code = await main(['history', '--html', '--file', join(reports, 'history.jsonl')], { out: (t) => out.push(t), err: () => undefined, isTTY: false });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('history.html (3 runs, 1 journeys)');
    const html = await readFile(join(reports, 'history.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="history-data">(.*?)<\/script>/s.exec(html)![1]) as { journeys: { report: (string | null)[] }[] };
    expect(data.journeys[0].report).toEqual(['run-0/report.html', null, 'run-2/report.html']);
  });
});
