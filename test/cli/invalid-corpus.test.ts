/**
 * The bad-input corpus (test/fixtures/journeys/invalid/): each file gives one clear sentence naming the
 * file, the line and the field, and the right exit code; run-time failures keep a valid partial result.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { readResult } from '../../src/output/result-file.js';

const dir = 'test/fixtures/journeys/invalid';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bad journey files: exit code 2 and one sentence with file, line and field', () => {
  const cases: [file: string, message: string][] = [
    ['unknown-key.yaml', 'unknown-key.yaml:8: steps[0].actions[1].click.txt: unknown key, did you mean "text"?'],
    ['wrong-type.yaml', 'wrong-type.yaml:3: iterations: expected number, got string "three"'],
    ['missing-name.yaml', 'missing-name.yaml:1: name: is required'],
    ['bad-duration.yaml', 'bad-duration.yaml:7: steps[1].duration: "ten seconds" is not a duration; write it like 500ms, 10s or 2m'],
    ['unknown-device.yaml', 'unknown-device.yaml:3: device: unknown device "mid-range-phon"'],
    ['missing-env.yaml', 'missing-env.yaml:8: steps[0].actions[1].fill.value: environment variable ECOSCORE_TEST_UNSET_SECRET is not set'],
    ['empty-steps.yaml', 'empty-steps.yaml:3: steps: a journey needs at least one step'],
    ['yaml-syntax.yaml', 'yaml-syntax.yaml:'],
  ];
  for (const [file, message] of cases) {
    it(`${file}`, async () => {
      for (const command of ['validate', 'run']) {
        const extra = command === 'run' ? ['--out', join(tmpdir(), 'ecoscore-never-written')] : [];
        const { code, err } = await cli([command, join(dir, file), ...extra]);
        expect(code).toBe(2);
        const lines = err.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`error: ${join(dir, message)}`);
        expect(lines[0]).not.toMatch(/\n\s+at /);
      }
    });
  }

  it('a YAML syntax error names the line', async () => {
    const { err } = await cli(['validate', join(dir, 'yaml-syntax.yaml')]);
    expect(err).toMatch(/yaml-syntax\.yaml:\d+: syntax error: /);
  });

  it('a missing file is bad input too', async () => {
    const { code, err } = await cli(['validate', join(dir, 'no-such-file.yaml')]);
    expect(code).toBe(2);
    expect(err).toContain('no-such-file.yaml: cannot read the journey file (no such file)');
  });

  it('an unknown command or flag is a usage error', async () => {
    expect((await cli(['runn'])).code).toBe(2);
    expect((await cli(['run', 'x.yaml', '--iterations', 'zero'])).code).toBe(2);
  });

  it('a broken custom scoring profile stops the run before anything is measured', async () => {
    const { code, err } = await cli(['run', 'journeys/demo-health.yaml', '--scoring', 'test/fixtures/scoring/invalid-profile.json']);
    expect(code).toBe(2);
    expect(err).toMatch(/^error: test\/fixtures\/scoring\/invalid-profile\.json: invalid scoring profile: version: /);
  });

  it('validate accepts the demo journey', async () => {
    const { code, out } = await cli(['validate', 'journeys/demo-health.yaml']);
    expect(code).toBe(0);
    expect(out).toContain('journeys/demo-health.yaml: valid (9 steps');
  });

  it('schema prints a JSON Schema', async () => {
    const { code, out } = await cli(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(out).properties.steps.type).toBe('array');
  });
});

describe('run-time failures: exit code 1, the failed step recorded, what was measured kept', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'ecoscore-invalid-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('unreachable URL: the load step fails with the network error, the reference step is kept', async () => {
    const out = join(outDir, 'unreachable');
    const { code } = await cli(['run', join(dir, 'unreachable-url.yaml'), '--out', out, '--quiet', '--no-history']);
    expect(code).toBe(1);
    const result = await readResult(join(out, 'result.json'));
    expect(result.status).toBe('failed');
    expect(result.steps.map((step) => step.status)).toEqual(['passed', 'failed', 'skipped']);
    expect(result.steps[1].error).toMatch(/^actions\[0\] goto \/: .*ERR_CONNECTION_REFUSED/);
    expect(result.steps[0].metrics.durationMs).toBeGreaterThanOrEqual(500);
    expect(result.steps[2].metrics.durationMs).toBeNull();
  }, 60_000);

  it('a selector that never appears: the step fails after its timeout, earlier steps keep their figures', async () => {
    const out = join(outDir, 'selector');
    const { code, out: stdout } = await cli(['run', join(dir, 'selector-never-appears.yaml'), '--out', out, '--quiet', '--no-history']);
    expect(code).toBe(1);
    const result = await readResult(join(out, 'result.json'));
    expect(result.steps.map((step) => step.status)).toEqual(['passed', 'passed', 'failed', 'skipped']);
    const failed = result.steps[2];
    expect(failed.error).toContain('actions[0] waitFor selector "#does-not-exist"');
    expect(failed.error).toContain('Timeout 1000ms exceeded');
    expect(failed.metrics.durationMs).toBeGreaterThanOrEqual(1000);
    expect(failed.screenshot).not.toBeNull();
    expect(result.steps[1].metrics.bytes).toBeGreaterThan(0);
    expect(stdout).toContain('✗ missing element');
  }, 60_000);
});
