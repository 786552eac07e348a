/**
 * Control characters from pages and files never reach a terminal or a report (issue 11, item 8): a step
 * name or an error holding terminal escape sequences, a bell or a bidirectional override is rendered
 * without them in report.md, report.html and junit.xml, and printed without them by the CLI.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { writeReports } from '../../src/output/reports.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';
import { stripControlCharacters } from '../../src/shared/text.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE_NAME = 'sign in\u001b[2J\u001b[31m\u001b]0;pwned\u0007\u202e';
const HOSTILE_ERROR = 'boom\u001b[1A\u001b[2K\r✓ all steps passed\u0000';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-control-'));
  await cp('test/fixtures/results/demo-health', dir, { recursive: true });
  const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as Result;
  result.steps[2].name = HOSTILE_NAME;
  result.steps[2].status = 'failed';
  result.steps[2].error = HOSTILE_ERROR;
  result.journey.name = `Demo\u001b[8m hidden`;
  await writeFile(join(dir, 'result.json'), JSON.stringify(result));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('control characters', () => {
  it('are stripped, tabs and newlines kept', () => {
    expect(stripControlCharacters('a\u001b[31mred\u001b[0m\tb\r\nc\u0007\u202ed')).toBe('ared\tb\ncd');
  });

  it('never reach report.md, report.html or junit.xml', async () => {
    const result = await readResult(join(dir, 'result.json'));
    const files = await writeReports(result, dir, { formats: ['html', 'markdown', 'junit'] });
    for (const file of [files.html, files.markdown, files.junit]) {
      const text = await readFile(file!, 'utf8');
      expect(text, file!).not.toMatch(CONTROL);
    }
    expect(await readFile(files.markdown!, 'utf8')).toContain('sign in');
  });

  it('are stripped from what the library renders even from a Result built in memory', async () => {
    const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as Result;
    const files = await writeReports(result, join(dir, 'in-memory'), { formats: ['markdown', 'junit'] });
    for (const file of [files.markdown, files.junit]) expect(await readFile(file!, 'utf8')).not.toMatch(CONTROL);
  });

  it('never reach the terminal', { timeout: 60_000 }, async () => {
    const out: string[] = [];
    const err: string[] = [];
    await main(['report', join(dir, 'result.json'), '--out', join(dir, 'printed')], { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false });
    const printed = [...out, ...err].join('\n');
    expect(printed).toContain('sign in');
    expect(printed).not.toMatch(CONTROL);
  });
});
