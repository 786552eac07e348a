/**
 * `ecoscore import recorder`: writes the journey YAML (or prints it), and bad input is one sentence with
 * exit code 2.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ecoscore import recorder', () => {
  it('writes the journey of the demo recording, which validates', async () => {
    const file = join(dir, 'journey.yaml');
    const { code, err } = await cli(['import', 'recorder', 'journeys/recordings/demo-appointments.recording.json', '--target', 'demo', '--out', file]);
    expect(code).toBe(0);
    expect(err).toContain(`wrote ${file}`);
    expect(await readFile(file, 'utf8')).toContain('url: demo');
    process.env.RECORDING_SECRET_1 = 'x';
    try {
      expect((await cli(['validate', file])).code).toBe(0);
    } finally {
      delete process.env.RECORDING_SECRET_1;
    }
  });

  it('names the step of an unsupported Recorder step, exit code 2', async () => {
    const file = join(dir, 'custom.json');
    await writeFile(file, JSON.stringify({ title: 't', steps: [{ type: 'navigate', url: 'https://a.example/' }, { type: 'customStep', name: 'x', parameters: {} }] }, null, 2));
    const { code, err } = await cli(['import', 'recorder', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/^error: .*custom\.json:\d+: steps\[1\]: customStep is not supported/);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('refuses a --target that is neither demo nor an http(s) origin, and a missing file', async () => {
    expect((await cli(['import', 'recorder', 'journeys/recordings/demo-health.recording.json', '--target', 'ftp://x'])).code).toBe(2);
    const missing = await cli(['import', 'recorder', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read the Recorder export (no such file)');
  });
});
