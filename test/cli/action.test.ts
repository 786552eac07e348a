/**
 * The GitHub Action (action.yml): its inputs, that every step it runs is a sub-command of
 * scripts/ecoscore-action.sh, and those sub-commands on recorded results (test/fixtures/results/compare,
 * see its PROVENANCE.md): compare writes compare.md and its exit code, summary joins report.md and the
 * comparison, gate fails on a regression. (scripts/ci-recipe-check.sh runs the same steps with real runs.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface ActionFile {
  inputs: Record<string, { required?: boolean; default?: string }>;
  runs: { using: string; steps: { run?: string; uses?: string; with?: Record<string, string> }[] };
}
const action = parse(readFileSync('action.yml', 'utf8')) as ActionFile;
const FIXTURES = 'test/fixtures/results/compare';
let dir: string;

function step(sub: string, env: Record<string, string>): { code: number | null; stdout: string; outputs: Record<string, string> } {
  const outputs = join(dir, `${sub}-${Math.random().toString(36).slice(2)}.out`);
  writeFileSync(outputs, '');
  const run = spawnSync('bash', ['scripts/ecoscore-action.sh', sub], { env: { ...process.env, ...env, GITHUB_OUTPUT: outputs }, encoding: 'utf8', timeout: 120_000 });
  const parsed = Object.fromEntries(readFileSync(outputs, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
  return { code: run.status, stdout: run.stdout, outputs: parsed };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecoscore-action-'));
  for (const name of ['base', 'head-unchanged', 'head-regressed']) cpSync(join(FIXTURES, name), join(dir, name), { recursive: true });
  writeFileSync(join(dir, 'head-regressed', 'report.md'), '# ecoscore report (stand-in for the test)\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('action.yml', () => {
  it('is a composite action taking journey and baseline, and uploading the report folder', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.inputs.journey.required).toBe(true);
    expect(action.inputs.baseline).toBeDefined();
    expect(action.runs.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
    const subs = action.runs.steps.flatMap((s) => [...(s.run ?? '').matchAll(/ecoscore-action\.sh" (\w+)/g)].map((m) => m[1]));
    expect(subs).toEqual(['run', 'compare', 'summary', 'gate']);
    expect(execFileSync('bash', ['-n', 'scripts/ecoscore-action.sh'], { encoding: 'utf8' })).toBe('');
  });
});

describe('scripts/ecoscore-action.sh on recorded results', () => {
  it('compare: an unchanged head passes, a regressed head fails, and the gate says so', () => {
    const unchanged = step('compare', { OUT: join(dir, 'head-unchanged'), BASELINE: join(dir, 'base') });
    expect(unchanged.code).toBe(0);
    expect(unchanged.outputs['exit-code']).toBe('0');
    const regressed = step('compare', { OUT: join(dir, 'head-regressed'), BASELINE: join(dir, 'base', 'result.json') });
    expect(regressed.outputs['exit-code']).toBe('1');
    expect(readFileSync(join(dir, 'head-regressed', 'compare.md'), 'utf8')).toMatch(/regress/i);
    expect(step('gate', { RUN_CODE: '0', COMPARE_CODE: '0' }).code).toBe(0);
    expect(step('gate', { RUN_CODE: '0', COMPARE_CODE: '1' }).code).toBe(1);
    expect(step('gate', { RUN_CODE: '1', COMPARE_CODE: '' }).code).toBe(1);
  });

  it('compare without a baseline says so and gates nothing', () => {
    const none = step('compare', { OUT: join(dir, 'head-unchanged'), BASELINE: join(dir, 'missing') });
    expect(none.outputs['exit-code']).toBe('');
    expect(none.stdout).toContain('No baseline to compare with');
    expect(step('gate', { RUN_CODE: '0', COMPARE_CODE: '' }).code).toBe(0);
  });

  it('summary: the report, then the comparison, for the job summary', () => {
    step('compare', { OUT: join(dir, 'head-regressed'), BASELINE: join(dir, 'base') });
    const summary = step('summary', { OUT: join(dir, 'head-regressed') }).stdout;
    expect(summary.startsWith('# ecoscore report')).toBe(true);
    expect(summary).toContain('## Compared with the baseline');
  });
});
