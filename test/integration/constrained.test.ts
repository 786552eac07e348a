/**
 * `ecoscore run --constrained` end to end (issue 14, part 4: DEV.1.4): a real CLI process measures a short demo
 * journey on fiber, replays it on the entry-level phone over 3G, and writes the comparison into result.json,
 * report.html, report.md and the evidence bundle (`constrained.png` beside `results.png`). The heavy page cannot
 * load within its 5 s over 3G: the comparison must say it did not complete. Input errors exit 2 before anything runs.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/server.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';

const JOURNEY = 'test/fixtures/journeys/valid/constrained.yaml';
let dir: string;

function ecoscore(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/ecoscore.js', ...args], { env: { ...process.env, CI: '1', ECOSCORE_TEST_PASSWORD: DEMO_PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function textFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(json|html|md|xml|yaml|testgb)$/.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-constrained-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ecoscore run --constrained', () => {
  let run: { code: number | null; stdout: string; stderr: string };
  let result: Result;
  const out = () => join(dir, 'out');

  beforeAll(async () => {
    run = await ecoscore(['run', JOURNEY, '--constrained', '--out', out(), '--no-history']);
    result = await readResult(join(out(), 'result.json'));
  }, 150_000);

  it('keeps the measured run as it is and records the replay beside it', async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(result.status).toBe('passed');
    expect(result.environment.device.id).toBe('mid-range-phone');
    expect(result.environment.network.id).toBe('fiber');
    const section = result.constrained!;
    expect(section.device.id).toBe('entry-level-phone');
    expect(section.network.id).toBe('3g');
    expect(section.resultFile).toBe('constrained/result.json');
    const replay = await readResult(join(out(), section.resultFile));
    expect(replay.environment.device.id).toBe('entry-level-phone');
    expect(replay.environment.network.id).toBe('3g');
    expect(replay.completedIterations).toBe(1);
    // The comparison's figures are the two results' own step medians.
    section.steps.forEach((step, i) => {
      expect(step.usual.durationMs).toBe(result.steps[i]!.metrics.durationMs);
      expect(step.constrained.durationMs).toBe(replay.steps[i]!.metrics.durationMs);
      expect(step.constrained.status).toBe(replay.steps[i]!.status);
    });
  });

  it('says the heavy page did not complete over 3G and which completed steps were slowest', () => {
    const section = result.constrained!;
    expect(result.steps.find((step) => step.name === 'heavy page')!.status).toBe('passed');
    expect(section.notCompleted).toEqual(['heavy page']);
    expect(section.completedSteps).toBe(3);
    expect(section.slowest.map((index) => section.steps[index]!.name)).toEqual(
      section.steps
        .filter((step) => step.type !== 'reference' && step.constrained.status === 'passed')
        .sort((a, b) => b.constrained.durationMs! - a.constrained.durationMs!)
        .map((step) => step.name),
    );
    // Emulated 3G and a 6× slower CPU: loading pages takes longer than on fiber.
    const login = section.steps.find((step) => step.name === 'login page')!;
    expect(login.slowdown!).toBeGreaterThan(1.5);
    expect(run.stdout).toContain('constrained (entry-level-phone, 3g, not scored): 3 of 4 step(s) completed');
  });

  it('adds the DEV.1.4 section to report.html and report.md, and constrained.png to the evidence', async () => {
    const html = await readFile(join(out(), 'report.html'), 'utf8');
    expect(html).toContain('id="constrained"');
    expect(html).toContain('DEV.1.4 — Faible débit et équipements anciens');
    expect(html).toContain('un vieux téléphone réel');
    const markdown = await readFile(join(out(), 'report.md'), 'utf8');
    expect(markdown).toContain('### DEV.1.4 — Low bandwidth and older devices');
    expect(markdown).toMatch(/\| heavy page \| yes \|.*\| \*\*no\*\* \|/);
    const png = await readFile(join(out(), 'evidence', 'constrained.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await stat(join(out(), 'evidence', 'results.png'))).size).toBeGreaterThan(0);
    const manifest = JSON.parse(await readFile(join(out(), 'evidence', 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[]; missing: unknown[] };
    const entry = manifest.files.find((file) => file.path === 'constrained.png')!;
    expect(entry.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(manifest.missing).toEqual([]);
  });

  it('ecoscore report --out copies the replay (its result.json and screenshots) with the run', async () => {
    const copy = join(dir, 'copy');
    const report = await ecoscore(['report', join(out(), 'result.json'), '--out', copy]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).not.toContain('constrained replay');
    const original = await readFile(join(out(), 'constrained', 'result.json'));
    expect((await readFile(join(copy, 'constrained', 'result.json'))).equals(original)).toBe(true);
    const replay = await readResult(join(out(), 'constrained', 'result.json'));
    const shots = replay.steps.map((step) => step.screenshot).filter((path): path is string => path !== null);
    expect(shots.length).toBeGreaterThan(0);
    for (const shot of shots) {
      expect((await readFile(join(copy, 'constrained', shot))).equals(await readFile(join(out(), 'constrained', shot))), shot).toBe(true);
    }
    expect(await readFile(join(copy, 'report.html'), 'utf8')).toContain('id="constrained"');
  }, 60_000);

  it('never writes the secret, in the measured run or the replay', async () => {
    for (const file of await textFiles(out())) expect(await readFile(file, 'utf8'), file).not.toContain(DEMO_PASSWORD);
  });

  it('refuses a campaign file or a mobile journey before measuring anything (exit 2)', async () => {
    const campaign = await ecoscore(['run', 'test/fixtures/campaigns/two-by-two.yaml', '--constrained', '--out', join(dir, 'campaign'), '--no-history']);
    expect(campaign.code).toBe(2);
    expect(campaign.stderr).toMatch(/--constrained applies to journeys; .*two-by-two\.yaml is a campaign file/);
    await expect(stat(join(dir, 'campaign'))).rejects.toThrow();
    const mobile = await ecoscore(['run', 'test/fixtures/appium/fake-health.yaml', '--constrained', '--out', join(dir, 'mobile'), '--no-history']);
    expect(mobile.code).toBe(2);
    expect(mobile.stderr).toMatch(/--constrained emulates a phone and a network in Chromium, so it applies to web journeys; .*fake-health\.yaml targets android/);
    await expect(stat(join(dir, 'mobile'))).rejects.toThrow();
  });
});
