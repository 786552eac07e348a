/**
 * The canary test (issue 11): the web demo run through the real CLI, in its own process, with canary
 * secrets from the environment — a number, a word with `"` and `\`, a non-ASCII word (the demo password) —
 * typed, put in a URL and shown back by the app. Every encoded form of each canary is looked for in the
 * whole output folder (result.json, reports, evidence, screenshots), inside the evidence zip, and on
 * standard output and error. None may be found.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretForms } from '../../src/journey/secrets.js';
import type { Result } from '../../src/model/result.js';

const CANARIES = {
  CANARY_PIN: '482915',
  CANARY_WORD: 'ca"na\\ry-Wörd',
  DEMO_PASSWORD: 'Mot2passé-canari!',
};

let dir: string;
let outDir: string;
let run: { code: number | null; stdout: string; stderr: string };

/** Runs the CLI in a child process, with the canaries in its environment. */
function ecoscore(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/ecoscore.js', ...args], { env: { ...process.env, ...CANARIES, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under `root`, with its bytes; zip files also give their entries as `<zip>!<entry>`. */
async function everything(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    files.set(relative(root, path), bytes);
    if (path.endsWith('.zip')) {
      for (const [name, content] of Object.entries(unzipSync(new Uint8Array(bytes)))) files.set(`${relative(root, path)}!${name}`, Buffer.from(content));
    }
  }
  return files;
}

/** Every string of a parsed JSON document, keys included (decoded: no escaping can hide a canary). */
function* jsonStrings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* jsonStrings(item);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) (yield key, yield* jsonStrings(item));
}

/**
 * Where `haystack` holds a form of `canary`: every form anywhere, in the raw bytes and, for JSON, in every
 * decoded string; a short number only between non-digits (a figure such as 1482915 bytes is not it).
 */
function findings(haystack: Buffer, canary: string, name = ''): string[] {
  const texts = [haystack.toString('utf8')];
  if (name.endsWith('.json')) {
    try {
      texts.push(...jsonStrings(JSON.parse(texts[0])));
    } catch {
      // not JSON after all: the raw text is searched
    }
  }
  const found = new Set<string>();
  for (const form of secretForms(canary)) {
    const pattern = /^\d{1,7}$/.test(form) ? new RegExp(`(?<![0-9])${form}(?![0-9])`) : null;
    for (const text of texts) if (pattern ? pattern.test(text) : text.includes(form)) found.add(form);
  }
  return [...found];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-canary-'));
  outDir = join(dir, 'out');
  run = await ecoscore(['run', 'test/fixtures/journeys/valid/canary.yaml', '--out', outDir, '--no-history', '-n', '1']);
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('canary secrets on the web demo', () => {
  it('the run passes: the canaries were really typed (the demo accepts only the canary password)', async () => {
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(await readFile(join(outDir, 'result.json'), 'utf8')) as Result;
    expect(result.steps.map((step) => step.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(result.runs[0].samples[0].url).toContain('pin=[secret]');
    expect(result.journey.source).toContain('${env:CANARY_WORD}');
  });

  it('wrote the whole bundle that is looked through', async () => {
    const files = [...(await everything(outDir)).keys()];
    for (const name of ['result.json', 'report.html', 'report.md', 'junit.xml', 'evidence/journey.yaml', 'evidence/journey.testgb', 'evidence/manifest.json', 'evidence/evidence.zip!journey.yaml']) {
      expect(files).toContain(name);
    }
    expect(files.filter((name) => name.endsWith('.png')).length).toBeGreaterThanOrEqual(4);
  });

  for (const [name, canary] of Object.entries(CANARIES)) {
    it(`${name}: no form of it in any file, zip entry, stdout or stderr`, async () => {
      const leaks: string[] = [];
      for (const [file, bytes] of await everything(outDir)) for (const form of findings(bytes, canary, file)) leaks.push(`${file}: ${form}`);
      for (const form of findings(Buffer.from(run.stdout), canary)) leaks.push(`stdout: ${form}`);
      for (const form of findings(Buffer.from(run.stderr), canary)) leaks.push(`stderr: ${form}`);
      expect(leaks).toEqual([]);
    });
  }

  it('ecoscore report regenerates the reports elsewhere without a canary either', async () => {
    const again = join(dir, 'again');
    const report = await ecoscore(['report', join(outDir, 'result.json'), '--out', again]);
    expect(report.code, report.stderr).toBe(0);
    const leaks: string[] = [];
    for (const canary of Object.values(CANARIES)) {
      for (const [file, bytes] of await everything(again)) for (const form of findings(bytes, canary, file)) leaks.push(`${file}: ${form}`);
      for (const form of findings(Buffer.from(report.stdout + report.stderr), canary)) leaks.push(`output: ${form}`);
    }
    expect(leaks).toEqual([]);
  }, 120_000);
});
