/**
 * The regression gate on recorded real results of the demo journey (3 iterations each, see
 * test/fixtures/results/compare/PROVENANCE.md): an unchanged head passes (its changes are within the
 * measured noise), the deliberately regressed dashboard fails; budgets; exit codes of `ecoscore compare`.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { checkBudget, loadBudget } from '../../src/result/budget.js';
import { compareResults, gateProblem, methodologyVersionOf } from '../../src/result/compare.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';
import { asMethodology1x } from '../helpers/methodology-1x.js';

const dir = 'test/fixtures/results/compare';
const load = (name: string) => readResult(`${dir}/${name}/result.json`);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('compare', () => {
  it('passes an unchanged head: every change is within the noise or the tolerance', async () => {
    const comparison = compareResults(await load('base'), await load('head-unchanged'));
    expect(comparison.regressions).toEqual([]);
    expect(comparison.warnings).toEqual([]);
    const journey = comparison.deltas.find((delta) => delta.scope === 'journey' && delta.figure === 'ecoscore')!;
    expect(journey.noise).toBeGreaterThan(0);
  });

  it('fails the regressed dashboard: more bytes and a lower score on the step that loads it', async () => {
    const comparison = compareResults(await load('base'), await load('head-regressed'));
    const figures = comparison.regressions.map((delta) => `${delta.scope}/${delta.figure}`);
    expect(figures).toContain('sign in/bytes');
    const bytes = comparison.regressions.find((delta) => delta.scope === 'sign in' && delta.figure === 'bytes')!;
    expect(bytes.delta!).toBeGreaterThan(1_000_000);
    expect(comparison.warnings.join(' ')).toBe('');
  });

  it('a change within the measured noise is not a regression, the same change without noise is', async () => {
    const base = await load('base');
    const head = structuredClone(base) as Result;
    const step = head.steps.find((candidate) => candidate.name === 'sign in')!;
    step.metrics.durationMs = base.steps.find((candidate) => candidate.name === 'sign in')!.metrics.durationMs! * 1.15;
    step.spread.durationMs = { ...step.spread.durationMs, cv: 0.1 };
    expect(compareResults(base, head).regressions.map((delta) => delta.figure)).not.toContain('durationMs');
    step.spread.durationMs = { ...step.spread.durationMs, cv: 0 };
    const quietBase = structuredClone(base) as Result;
    quietBase.steps.find((candidate) => candidate.name === 'sign in')!.spread.durationMs.cv = 0;
    expect(compareResults(quietBase, head).regressions.map((delta) => delta.figure)).toContain('durationMs');
  });

  it('a score drop under --max-drop is not a regression', async () => {
    const base = await load('base');
    const head = structuredClone(base) as Result;
    head.summary.ecoscore = base.summary.ecoscore! - 1.5;
    // No measured noise on either side (synthetic), so only --max-drop decides.
    base.summary.spread = null;
    head.summary.spread = null;
    expect(compareResults(base, head, { maxDrop: 2 }).regressions).toEqual([]);
    expect(compareResults(base, head, { maxDrop: 1 }).regressions.map((delta) => delta.figure)).toEqual(['ecoscore']);
  });

  it('warns when the results are not comparable', async () => {
    const base = await load('base');
    const head = structuredClone(base) as Result;
    head.environment.network = { ...head.environment.network, id: '4g' };
    expect(compareResults(base, head).warnings.join(' ')).toContain('not comparable');
  });
});

describe('budgets', () => {
  it('the unchanged demo keeps its budget, the regressed one breaks the "sign in" data budget', async () => {
    const budget = await loadBudget('test/fixtures/budgets/demo.yaml');
    expect(checkBudget(await load('head-unchanged'), budget).violations).toEqual([]);
    const broken = checkBudget(await load('head-regressed'), budget).violations;
    expect(broken.map((violation) => `${violation.scope}/${violation.figure}`)).toEqual(['step "sign in"/bytes']);
    expect(broken[0].limit).toBe(200_000);
    // The journey floor is live: the regressed head scored just under it (synthetic) breaks it.
    const lower = await load('head-regressed');
    lower.summary.ecoscore = budget.journey!.minEcoscore! - 0.1;
    expect(checkBudget(lower, budget).violations.map((violation) => `${violation.scope}/${violation.figure}`)).toContain('journey/ecoscore');
  });

  it('cannot check a budget of an unknown step: it says so, with the closest step, and the gate fails closed', async () => {
    const check = checkBudget(await load('base'), { steps: { 'sign-in': { maxBytes: 1 } } });
    expect(check.unchecked[0]).toContain('did you mean "sign in"');
    expect(check.violations).toEqual([]);
  });

  it('rejects a budget file with a typo, naming file, line and field', async () => {
    await expect(loadBudget('test/fixtures/budgets/invalid.yaml')).rejects.toThrow(
      'test/fixtures/budgets/invalid.yaml:3: steps.sign in.maxByte: unknown key, did you mean "maxBytes"?',
    );
  });
});

describe('ecoscore compare (exit codes)', () => {
  it('0 for the unchanged head, 1 for the regressed head, 1 for a broken budget, 2 for bad input', async () => {
    expect((await cli(['compare', `${dir}/base/result.json`, `${dir}/head-unchanged/result.json`])).code).toBe(0);
    const regressed = await cli(['compare', `${dir}/base/result.json`, `${dir}/head-regressed/result.json`, '--format', 'markdown']);
    expect(regressed.code).toBe(1);
    expect(regressed.out).toContain('### Ecoscore:');
    expect(regressed.out).toContain('| sign in | bytes |');
    const budget = await cli(['compare', `${dir}/base/result.json`, `${dir}/head-regressed/result.json`, '--max-drop', '100', '--tolerance', '1000', '--budget', 'test/fixtures/budgets/demo.yaml']);
    expect(budget.code).toBe(1);
    expect(budget.out).toContain('BUDGET step "sign in": bytes');
    expect((await cli(['compare', `${dir}/base/result.json`, 'no/such/result.json'])).code).toBe(2);
    expect((await cli(['compare', `${dir}/base/result.json`, `${dir}/head-unchanged/result.json`, '--budget', 'test/fixtures/budgets/invalid.yaml'])).code).toBe(2);
    const json = await cli(['compare', `${dir}/base/result.json`, `${dir}/head-unchanged/result.json`, '--format', 'json']);
    expect(JSON.parse(json.out).failed).toBe(false);
  });
});

describe('the gate fails closed when it cannot check (issue 11, item 7)', () => {
  it('refuses different journeys, removed, added or reordered steps, and a head without steps', async () => {
    const base = await load('base');
    const variants: [string, (head: Result) => void, RegExp][] = [
      ['another journey', (head) => (head.journey.name = 'Another'), /different journeys/],
      ['a removed step', (head) => head.steps.pop(), /has no step "health resources \(heavy page\)" of the base/],
      ['an added step', (head) => head.steps.push({ ...head.steps[0], name: 'extra' }), /step\(s\) "extra" that the base has not/],
      ['reordered steps', (head) => head.steps.reverse(), /another order/],
      ['no steps', (head) => (head.steps = []), /has no steps/],
    ];
    for (const [what, change, message] of variants) {
      const head = structuredClone(base);
      change(head);
      expect(gateProblem(base, head), what).toMatch(message);
    }
    const edited = structuredClone(base);
    edited.journey.sha256 = 'f'.repeat(64);
    expect(gateProblem(base, edited)).toBeNull();
    expect(compareResults(base, edited).warnings.join(' ')).toContain('journey file changed');
  });

  it('refuses another methodology major version unless --allow-methodology-change; a result without one counts as 1.0.0', async () => {
    const head = await load('base');
    expect(methodologyVersionOf(head)).toBe('2.0.0');
    // SYNTHETIC 1.x base: the recorded base without its methodology version (and the other 2.0-only fields).
    const base = asMethodology1x(head);
    expect(methodologyVersionOf(base)).toBe('1.0.0');
    expect(gateProblem(base, head)).toMatch(/methodology 1\.0\.0 and the head with 2\.0\.0/);
    expect(gateProblem(base, head, { allowMethodologyChange: true })).toBeNull();
    const minor = structuredClone(base);
    (minor.environment.methodology as Record<string, unknown>).version = '1.4.0';
    expect(gateProblem(base, minor)).toBeNull();
    expect(gateProblem(head, await load('head-unchanged'))).toBeNull();
  });

  it('exit code 2 on the command line, and --allow-methodology-change lets the head be gated', async () => {
    const { mkdtemp, readFile, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const folder = await mkdtemp(join(tmpdir(), 'ecoscore-gate-'));
    try {
      // SYNTHETIC 1.x base (the recorded base without its methodology version); the head as recorded (2.0.0).
      await writeFile(join(folder, 'base.json'), JSON.stringify(asMethodology1x(await load('base'))));
      const head = `${dir}/head-unchanged/result.json`;
      expect(JSON.parse(await readFile(head, 'utf8')).environment.methodology.version).toBe('2.0.0');
      const refused = await cli(['compare', join(folder, 'base.json'), head]);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('pass --allow-methodology-change');
      expect((await cli(['compare', join(folder, 'base.json'), head, '--allow-methodology-change'])).code).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
