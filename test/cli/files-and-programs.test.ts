/**
 * A data file never chooses a program to run or a path outside its folder (issue 11, items 1 and 5):
 * `ecoscore report` ignores the browser a result names; merge writes nothing when it fails and never
 * outside `--out`; `report --out` copies only what the result names and deletes nothing; `--out` never
 * replaces an input.
 */
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCampaigns } from '../../src/run/merge.js';
import { main } from '../../src/cli/program.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FIXTURE = 'test/fixtures/results/demo-health';

describe('ecoscore report', () => {
  it('never runs the browser a result file names', async () => {
    const folder = join(dir, 'exec');
    await cp(FIXTURE, folder, { recursive: true });
    const marker = join(dir, 'the-script-ran');
    const script = join(dir, 'evil-browser.sh');
    await writeFile(script, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`);
    await chmod(script, 0o755);
    const result = JSON.parse(await readFile(join(folder, 'result.json'), 'utf8'));
    result.environment.browser = { ...result.environment.browser, executablePath: script };
    await writeFile(join(folder, 'result.json'), JSON.stringify(result));
    const { code } = await cli(['report', join(folder, 'result.json')]);
    expect([0, 1]).toContain(code);
    expect(existsSync(marker)).toBe(false);
    // The results screenshot was still rendered, by the browser found on this machine.
    const manifest = JSON.parse(await readFile(join(folder, 'evidence/manifest.json'), 'utf8'));
    expect(manifest.files.map((file: { path: string }) => file.path)).toContain('results.png');
  }, 120_000);

  it('--out copies only the screenshots the result names, never through a link, and can be regenerated in place', async () => {
    const source = join(dir, 'source');
    await cp(FIXTURE, source, { recursive: true });
    await writeFile(join(source, 'screenshots/3/unlisted.png'), 'not named by the result');
    await rm(join(source, 'screenshots/3/01-reference.png'));
    await symlink('/etc/hostname', join(source, 'screenshots/3/01-reference.png'));
    const target = join(dir, 'target');
    const first = await cli(['report', join(source, 'result.json'), '--out', target]);
    expect([0, 1]).toContain(first.code);
    expect(first.err).toContain('screenshot(s) not copied: screenshots/3/01-reference.png');
    expect(existsSync(join(target, 'screenshots/3/unlisted.png'))).toBe(false);
    expect(existsSync(join(target, 'screenshots/3/01-reference.png'))).toBe(false);
    expect(existsSync(join(target, 'screenshots/3/02-login-page.png'))).toBe(true);
    // Again into the same folder: it holds this very result, so it may be regenerated.
    const second = await cli(['report', join(source, 'result.json'), '--out', target]);
    expect([0, 1]).toContain(second.code);
  }, 120_000);
});

describe('ecoscore merge', () => {
  const index = (id: string, sha: string) =>
    JSON.stringify({
      schemaVersion: 1,
      tool: { name: 'ecoscore', version: '0.1.0' },
      name: 'c',
      file: 'c.yaml',
      sha256: sha,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:01:00.000Z',
      status: 'passed',
      workers: 1,
      iterations: 1,
      combinations: [
        {
          id,
          journey: { name: 'j', file: 'j.yaml' },
          device: 'desktop',
          network: 'wifi',
          variant: 'default',
          status: 'passed',
          resultFile: `${id}/result.json`,
          iterations: 1,
          ecoscore: 80,
          grade: 'B',
          scores: null,
          ecoscoreCv: null,
          totals: { durationMs: 1, bytes: 1, requests: 1, energyMah: 1 },
          footprint: null,
          wallTimeMs: 1,
          parallel: false,
        },
      ],
      warnings: [],
    });

  async function shard(name: string, id: string, withLink = false): Promise<string> {
    const folder = join(dir, 'merge', name);
    await mkdir(join(folder, id), { recursive: true });
    await writeFile(join(folder, id, 'result.json'), '{}');
    if (withLink) await symlink('/etc/hostname', join(folder, id, 'screenshot.png'));
    await writeFile(join(folder, 'campaign.json'), index(id, 'c'.repeat(64)));
    return folder;
  }

  it('a failing merge writes nothing, not even the shards checked before the bad one', async () => {
    const good = await shard('good', 'j--desktop--wifi--a');
    const bad = await shard('bad', 'j--desktop--wifi--b', true);
    const out = join(dir, 'merge', 'out');
    await expect(mergeCampaigns([good, bad], out)).rejects.toThrow('screenshot.png is a symbolic link');
    expect(existsSync(out)).toBe(false);
    expect((await readdir(join(dir, 'merge'))).filter((name) => name.includes('merge-'))).toEqual([]);
  });

  it('a good merge lands in --out whole', async () => {
    const a = await shard('a', 'j--desktop--wifi--c');
    const b = await shard('b', 'j--desktop--wifi--d');
    const out = join(dir, 'merge', 'merged');
    const { index: merged } = await mergeCampaigns([a, b], out);
    expect(merged.combinations.map((c) => c.id)).toEqual(['j--desktop--wifi--c', 'j--desktop--wifi--d']);
    expect((await readdir(out)).sort()).toEqual(['campaign.json', 'j--desktop--wifi--c', 'j--desktop--wifi--d']);
  });
});

describe('--out never replaces an input', () => {
  it('gdsl export x.yaml --out x.yaml leaves the journey as it was', async () => {
    const file = join(dir, 'x.yaml');
    const text = 'name: x\ntarget: { platform: web, url: demo }\nsteps:\n  - { name: p, type: pause, duration: 1s }\n';
    await writeFile(file, text);
    const { code, err } = await cli(['gdsl', 'export', file, '--out', file]);
    expect(code).toBe(2);
    expect(err).toBe(`error: --out ${file} is the input file ${file}: write the output to another file`);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('through a hard link too', async () => {
    const { link } = await import('node:fs/promises');
    const file = join(dir, 'y.yaml');
    await writeFile(file, 'name: y\ntarget: { platform: web, url: demo }\nsteps:\n  - { name: p, type: pause, duration: 1s }\n');
    await link(file, join(dir, 'y-link.yaml'));
    expect((await cli(['gdsl', 'export', file, '--out', join(dir, 'y-link.yaml')])).code).toBe(2);
  });
});
