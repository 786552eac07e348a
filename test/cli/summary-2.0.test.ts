/**
 * The CLI's text outputs of methodology 2.0 results (src/cli/summary.ts): the table and headline printed after
 * `ecoscore run` / `ecoscore report`, the campaign table, and `ecoscore history`. On the recorded 2.0 demo
 * result and SYNTHETIC variants of it (test/report/fixture-2.0.ts), and on history lines and combinations built
 * here from them (synthetic too).
 */
import { describe, expect, it } from 'vitest';
import { renderCampaignSummary, renderHistory, renderSummary } from '../../src/cli/summary.js';
import type { CampaignIndex, Combination } from '../../src/result/campaign.js';
import { historyEntry } from '../../src/result/history.js';
import type { Result } from '../../src/model/result.js';
import { at80, partlyMeasured, recorded, withoutGrade, type NoGradeKind } from '../report/fixture-2.0.js';

const KINDS: NoGradeKind[] = ['step-failed', 'step-skipped', 'input-missing', 'no-reference'];
const line = (text: string, start: string) => text.split('\n').find((l) => l.startsWith(start)) ?? '';

describe('renderSummary (ecoscore run / ecoscore report)', () => {
  it('prints NO GRADE with the reason, no grade letter and no sub-score, for a journey without a grade', async () => {
    for (const kind of KINDS) {
      const text = renderSummary(withoutGrade(await recorded(), kind));
      const headline = line(text, 'ecoscore');
      expect(headline).toMatch(/^ecoscore: NO GRADE — No grade: /);
      expect(headline).not.toMatch(/grade [A-G]\b/);
      expect(headline).not.toMatch(/(energy|performance|data) [0-9]/);
    }
    const failed = renderSummary(withoutGrade(await recorded(), 'step-failed'));
    expect(line(failed, 'ecoscore')).toBe('ecoscore: NO GRADE — No grade: step “sign in” failed (iteration(s) 1).');
    expect(failed).toContain('  sign in: no score: step failed (iteration(s) 1)');
    expect(renderSummary(withoutGrade(await recorded(), 'input-missing'))).toContain('  sign in: no score: energy not measured (energy: the power sampler lost samples for 1.2 s)');
  });

  it('prints the headline and scores with one decimal, and the step grades of steps[].grade', async () => {
    const result = await recorded();
    const text = renderSummary(result);
    // The recorded summary, each figure with one decimal.
    const { ecoscore, grade, scores } = result.summary;
    expect(line(text, 'ecoscore')).toBe(`ecoscore ${ecoscore!.toFixed(1)} / 100, grade ${grade} — energy ${scores!.energy!.toFixed(1)}, performance ${scores!.performance!.toFixed(1)}, data ${scores!.data!.toFixed(1)}`);
    // login page as recorded: response 666.9 ms, 28,202 bytes, 5 requests, CPU 244.1 ms, added charge 54.65 µAh,
    // scores 92.8 / 96.8 / 99.5, step ecoscore 96.4 A, EcoIndex 95 A.
    expect(line(text, '✓ login page')).toMatch(/first-load\*\s+667 ms\s+28\.2 kB\s+5\s+244 ms\s+55\s+92\.8\s+96\.8\s+99\.5\s+96\.4 A\s+95 A$/);
    const at = renderSummary(at80(await recorded()));
    expect(line(at, 'ecoscore')).toBe('ecoscore 80.0 / 100, grade B — energy 80.0, performance 75.0, data 85.0');
    expect(line(at, '✓ login page')).toContain(' 80.0 B ');
  });

  it('prints the one energy-source label (no MODELLED / MEASURED any more) and marks each step’s basis when they differ', async () => {
    expect(line(renderSummary(await recorded()), 'energy source')).toMatch(/^energy source: modelled — Modelled from/);
    const partly = renderSummary(partlyMeasured(await recorded()));
    expect(line(partly, 'energy source')).toMatch(/^energy source: partly-measured \(8 step\(s\) measured, 1 modelled\) — Measured on the device/);
    // Added charge in µAh as recorded (sign in 61.3, login page 54.65), then the step's basis.
    expect(line(partly, '✓ sign in')).toMatch(/\s61 ~\s/);
    expect(line(partly, '✓ login page')).toMatch(/\s55 m\s/);
    expect(partly).not.toMatch(/MODELLED|MEASURED/);
  });
});

/** SYNTHETIC: the campaign entry of a result, as `combinationEntry` writes it (the fields the table reads). */
function combination(id: string, result: Result, status: Combination['status'] = result.status === 'passed' ? 'passed' : 'failed'): Combination {
  const totals = result.summary.totals as Result['summary']['totals'] & { energyMah?: number | null };
  return {
    id,
    journey: { name: result.journey.name, file: result.journey.file },
    device: result.environment.device.id,
    network: result.environment.network.id,
    variant: id,
    status,
    resultFile: `${id}/result.json`,
    iterations: result.completedIterations,
    ecoscore: result.summary.ecoscore,
    grade: result.summary.grade,
    scores: result.summary.scores,
    ecoscoreCv: null,
    totals: { durationMs: totals.durationMs, bytes: totals.bytes, requests: totals.requests, energyMah: totals.energyMah ?? null },
    footprint: result.summary.footprint,
    wallTimeMs: 60_000,
    parallel: false,
  };
}

function campaign(combinations: Combination[]): CampaignIndex {
  return {
    schemaVersion: 1,
    tool: { name: 'ecoscore', version: '0.1.0' },
    name: 'demo',
    file: 'campaigns/demo.yaml',
    sha256: 'a'.repeat(64),
    startedAt: '2026-12-01T08:50:57.924Z',
    finishedAt: '2026-12-01T09:00:00.000Z',
    status: 'failed',
    workers: 1,
    iterations: 1,
    combinations,
    warnings: [],
  };
}

describe('renderCampaignSummary', () => {
  it('prints "no grade" with the reason for a combination without one, 80.0 B and one-decimal sub-scores for the others', async () => {
    const text = renderCampaignSummary(campaign([combination('plain', at80(await recorded())), combination('broken', withoutGrade(await recorded(), 'step-failed'))]));
    expect(line(text, '✓ plain')).toMatch(/passed\s+80\.0 B\s+80\.0\s+75\.0\s+85\.0\s/);
    expect(line(text, '✗ broken')).toMatch(/failed\s+no grade\s+–\s+–\s+–\s/);
    expect(text).toContain('  broken: No grade: the run failed (see its report).');
  });
});

describe('renderHistory (ecoscore history)', () => {
  it('prints "no grade" and why for a run without a grade, and one-decimal ecoscores with their grade', async () => {
    const graded = historyEntry(at80(await recorded()), 'reports/a/result.json');
    // The recorded run's start, in UTC to the minute, as the history table prints it.
    const started = (await recorded()).environment.startedAt.slice(0, 16).replace('T', ' ');
    const failed = historyEntry(withoutGrade(await recorded(), 'step-failed'), 'reports/b/result.json');
    const text = renderHistory([graded, failed], 'reports/history.jsonl');
    const rows = text.split('\n');
    expect(rows[2]).toMatch(/\s80\.0 B\s/);
    expect(rows[3]).toMatch(/\sno grade\s/);
    expect(rows[3]).not.toMatch(/\s[0-9.]+ [A-G]\s/);
    // The line keeps the result's summary.status, so it says why.
    expect(text).toContain(`${started} Demo health app — record a blood pressure measure: No grade: step “sign in” failed (iteration(s) 1).`);
    // A line written before lines kept summary.status (synthetic: the same line without it) can only say the run failed.
    const older = { ...failed };
    delete older.scoreStatus;
    expect(renderHistory([graded, older], 'reports/history.jsonl')).toContain(`${started} Demo health app — record a blood pressure measure: No grade: the run failed (see its report).`);
  });
});
