/**
 * The warning contract (model/warning.ts): coded warnings are validated against their code's params, and the
 * plain strings of results written before codes are read back as the code their sentence was built for (or
 * `legacy-text`), the string kept as the message. Inputs: the recorded demo result (test/fixtures/results/demo-health,
 * see its PROVENANCE.md) and sentences of methodology/warnings.ts built from synthetic conditions (synthetic).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { EnergySource } from '../../src/methodology/energy-source.js';
import type { Evaluation } from '../../src/methodology/evaluate.js';
import { resultWarnings } from '../../src/methodology/warnings.js';
import { ResultSchema, WARNING_CODES, normaliseWarning, type Run, type StepResult } from '../../src/model/result.js';
import { WarningSchema } from '../../src/model/warning.js';

describe('coded warnings', () => {
  it('pass through as they are, and are refused with a path when their params do not fit the code', () => {
    const ok = { code: 'browser-restarted', params: { restarts: 1 }, message: 'the browser crashed and was restarted 1 time(s)' };
    expect(WarningSchema.parse(ok)).toEqual(ok);
    const bad = WarningSchema.safeParse({ code: 'browser-restarted', params: { restarts: 'one' }, message: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.some((issue) => issue.path.join('.').startsWith('params'))).toBe(true);
    expect(WarningSchema.safeParse({ code: 'made-up', params: {}, message: 'x' }).success).toBe(false);
  });
});

describe('results written before warnings had codes', () => {
  it('parse, and every recorded string becomes a coded warning whose message is that string', async () => {
    const raw = JSON.parse(await readFile('test/fixtures/results/demo-health/result.json', 'utf8')) as { warnings: string[] };
    expect(raw.warnings.length).toBeGreaterThan(0);
    const result = ResultSchema.parse(raw);
    expect(result.warnings.map((item) => item.message)).toEqual(raw.warnings);
    expect(result.warnings.every((item) => item.code === 'step-unstable')).toBe(true);
    // Written again and read back, nothing changes.
    expect(ResultSchema.parse(JSON.parse(JSON.stringify(result))).warnings).toEqual(result.warnings);
  });

  it('reads each sentence the runner wrote back as its code; anything else is legacy-text', () => {
    const steps = [
      { name: 'sign "in"', status: 'failed', failedIterations: 1, passedIterations: 2, error: 'timeout: 15 s', spread: { readyMs: { min: 1, max: 2, cv: 0.2, n: 3 } } },
    ] as unknown as StepResult[];
    const runs = [{ iteration: 1, status: 'passed', samples: [{ unavailable: { cpu: 'no CDP session' } }] }] as unknown as Run[];
    const source = { kind: 'model', reason: 'charging' } as unknown as EnergySource;
    const evaluation = { runs, ecoscoreSpread: { min: 1, max: 2, cv: 0.2, n: 3 }, energyBases: [] } as unknown as Evaluation;
    const built = resultWarnings(evaluation, {
      steps,
      iterations: 3,
      completedIterations: 1,
      interrupted: true,
      browserRestarts: 1,
      energySource: source,
      deviceWarnings: ['USB powered'],
      lighthouseError: 'no page',
      calibrationFailed: false,
    });
    const shaped = ['step-failed', 'journey-unstable', 'step-unstable', 'browser-restarted', 'run-interrupted', 'probe-unavailable', 'device-check', 'lighthouse-failed'];
    for (const item of built) {
      const read = normaliseWarning(item.message);
      expect(read.message).toBe(item.message);
      expect(read.code, item.message).toBe(shaped.includes(item.code) ? item.code : 'legacy-text');
      if (['step-failed', 'browser-restarted', 'run-interrupted', 'probe-unavailable', 'device-check', 'lighthouse-failed'].includes(item.code)) expect(read.params).toEqual(item.params);
    }
    expect(built.map((item) => item.code)).toEqual(expect.arrayContaining(shaped));
    expect(normaliseWarning('something else entirely')).toEqual({ code: 'legacy-text', params: { text: 'something else entirely' }, message: 'something else entirely' });
  });

  it('has a closed list of codes, legacy-text included', () => {
    expect(new Set(WARNING_CODES).size).toBe(WARNING_CODES.length);
    expect(WARNING_CODES).toContain('legacy-text');
  });
});

describe('a sentence that only looks like a coded one', () => {
  it('stays legacy-text when a figure does not read back', () => {
    const text = 'step "x": readyMs is unstable (cv 1.0 %, 1-–2 over 3 iterations)';
    expect(normaliseWarning(text)).toEqual({ code: 'legacy-text', params: { text }, message: text });
  });
});
