import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { DEMO_PASSWORD } from '../../src/demo/server.js';
import { parseJourney } from '../../src/journey/load.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-gdsl-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ecoscore gdsl', () => {
  it('exports the demo journey to standard output without its secret', async () => {
    const { code, out } = await cli(['gdsl', 'export', 'journeys/demo-health.yaml']);
    expect(code).toBe(0);
    expect(out).toContain('measureStart,CHRGT_LOGIN_PAGE');
    expect(out).toContain('measureStart,PAUSE_REFERENCE');
    expect(out).not.toContain(DEMO_PASSWORD);
  });

  it('exports a journey whose env secret is not set (only placeholders are written)', async () => {
    const { code, out } = await cli(['gdsl', 'export', 'test/fixtures/journeys/invalid/missing-env.yaml']);
    expect(code).toBe(0);
    expect(out).toContain('enterText,${SECRET_1}');
    expect(out).not.toContain('unset-env');
  });

  it('imports what it exported into a journey that validates', async () => {
    const testgb = join(dir, 'demo.testgb');
    const yamlFile = join(dir, 'demo.yaml');
    expect((await cli(['gdsl', 'export', 'journeys/demo-health.yaml', '--out', testgb])).code).toBe(0);
    expect((await cli(['gdsl', 'import', testgb, '--out', yamlFile])).code).toBe(0);
    const loaded = parseJourney(await readFile(yamlFile, 'utf8'), yamlFile, { env: { SECRET_1: 'x-secret' } });
    expect(loaded.journey.steps.map((step) => step.name)).toEqual([
      'reference', 'login page', 'sign in', 'read dashboard', 'open measures', 'scroll measures', 'add a measure', 'appointments', 'health resources (heavy page)',
    ]);
  });

  it('names the file and line of an unknown command (exit code 2)', async () => {
    const { code, err } = await cli(['gdsl', 'import', 'test/fixtures/gdsl/unknown-command.testgb']);
    expect(code).toBe(2);
    expect(err).toMatch(/^error: test\/fixtures\/gdsl\/unknown-command\.testgb:\d+: unknown GDSL command "/);
  });
});
