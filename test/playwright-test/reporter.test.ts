/**
 * The ecoscore reporter of Playwright Test, fed the way Playwright feeds it: a TestCase and a TestResult
 * whose attachments are the recorded demo result (test/fixtures/results/demo-health) and its screenshots.
 * The results screenshot renderer is stubbed (no browser).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FullConfig, TestCase, TestResult } from '@playwright/test/reporter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pngSize } from '../../src/browser/render-png.js';
import EcoscoreReporter from '../../src/playwright-test/reporter.js';
import { RESULT_ATTACHMENT, screenshotAttachmentName } from '../../src/playwright-test/attachments.js';
import type { SummaryPngRenderer } from '../../src/output/reports.js';
import { ResultSchema, type Result } from '../../src/model/result.js';

const FIXTURE_DIR = resolve('test/fixtures/results/demo-health');

let dir: string;
let lines: string[];
let recorded: Result;
let screenshots: string[];

const stubPng: SummaryPngRenderer = async (_html, png) => {
  const bytes = await readFile(join(FIXTURE_DIR, 'screenshots/1/01-reference.png'));
  await writeFile(png, bytes);
  return pngSize(bytes);
};

function testCase(id: string, titles: string[], project = 'chromium'): TestCase {
  return {
    id,
    title: titles[titles.length - 1],
    repeatEachIndex: 0,
    titlePath: () => ['', project, 'journeys.spec.ts', ...titles],
    parent: { project: () => ({ name: project }) },
  } as unknown as TestCase;
}

function testResult(result: unknown, options: { screenshots?: boolean; status?: TestResult['status'] } = {}): TestResult {
  const attachments: TestResult['attachments'] = [
    { name: 'trace', contentType: 'application/zip', path: '/nowhere/trace.zip' },
    { name: RESULT_ATTACHMENT, contentType: 'application/json', body: Buffer.from(JSON.stringify(result)) },
  ];
  if (options.screenshots !== false) {
    for (const path of screenshots) attachments.push({ name: screenshotAttachmentName(path), contentType: 'image/png', path: join(FIXTURE_DIR, path) });
  }
  return { status: options.status ?? 'passed', attachments } as unknown as TestResult;
}

function reporter(): EcoscoreReporter {
  const instance = new EcoscoreReporter({ outputDir: 'reports/playwright', renderSummaryPng: stubPng, log: (line) => lines.push(line) });
  instance.onBegin({ configFile: join(dir, 'playwright.config.ts'), rootDir: join(dir, 'tests') } as FullConfig);
  return instance;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-pw-reporter-'));
  lines = [];
  recorded = JSON.parse(await readFile(join(FIXTURE_DIR, 'result.json'), 'utf8')) as Result;
  screenshots = [];
  for (const iteration of await readdir(join(FIXTURE_DIR, 'screenshots'))) {
    for (const file of await readdir(join(FIXTURE_DIR, 'screenshots', iteration))) screenshots.push(`screenshots/${iteration}/${file}`);
  }
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('EcoscoreReporter', () => {
  it('writes result.json, the screenshots, report.html, report.md, junit.xml and evidence/ as `ecoscore run` does', async () => {
    const pw = reporter();
    pw.onTestEnd(testCase('t1', ['demo', 'record a measure']), testResult(recorded));
    await pw.onEnd();

    const out = join(dir, 'reports/playwright/chromium-demo-record-a-measure');
    const written = ResultSchema.parse(JSON.parse(await readFile(join(out, 'result.json'), 'utf8')));
    expect(written).toEqual(ResultSchema.parse(recorded));
    for (const path of screenshots) expect(await readFile(join(out, path))).toEqual(await readFile(join(FIXTURE_DIR, path)));
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<section id="summary"');
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain(recorded.journey.name);
    expect(await readFile(join(out, 'junit.xml'), 'utf8')).toContain('<testsuites');
    const manifest = JSON.parse(await readFile(join(out, 'evidence/manifest.json'), 'utf8')) as { files: { path: string }[] };
    const paths = manifest.files.map((file) => file.path);
    expect(paths).toContain('results.png');
    expect(paths).toContain('steps/09-health-resources-heavy-page.png');

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ecoscore +\d+\.\d [A-G] +passed .*chromium-demo-record-a-measure\/report\.html {2}\[chromium\] › demo › record a measure$/);
    expect(lines[0]).toContain(`${recorded.summary.ecoscore!.toFixed(1)} ${recorded.summary.grade}`);
    expect(pw.written.map((item) => item.dir)).toEqual([out]);
  });

  it('ignores tests without an ecoscore attachment and keeps the last attempt of a retried test', async () => {
    const pw = reporter();
    const plain = { status: 'passed', attachments: [] } as unknown as TestResult;
    pw.onTestEnd(testCase('plain', ['not measured']), plain);
    const failedFirst: Result = { ...recorded, status: 'failed' };
    pw.onTestEnd(testCase('retried', ['retried']), testResult(failedFirst, { screenshots: false, status: 'failed' }));
    pw.onTestEnd(testCase('retried', ['retried']), testResult(recorded, { screenshots: false }));
    await pw.onEnd();

    expect(await readdir(join(dir, 'reports/playwright'))).toEqual(['chromium-retried']);
    const written = JSON.parse(await readFile(join(dir, 'reports/playwright/chromium-retried/result.json'), 'utf8')) as Result;
    expect(written.status).toBe('passed');
    expect(lines).toHaveLength(1);
  });

  it('gives tests whose titles make the same folder name their own folders', async () => {
    const pw = reporter();
    pw.onTestEnd(testCase('a', ['Sign in!']), testResult(recorded, { screenshots: false }));
    pw.onTestEnd(testCase('b', ['sign in']), testResult(recorded, { screenshots: false }));
    await pw.onEnd();
    expect((await readdir(join(dir, 'reports/playwright'))).sort()).toEqual(['chromium-sign-in', 'chromium-sign-in-2']);
  });

  it('reports an attachment that is not a valid result as a warning, without throwing', async () => {
    const pw = reporter();
    pw.onTestEnd(testCase('bad', ['bad']), testResult({ ...recorded, steps: 'none' }, { screenshots: false }));
    pw.onTestEnd(testCase('good', ['good']), testResult(recorded, { screenshots: false }));
    await pw.onEnd();
    expect(lines[0]).toMatch(/^ecoscore: warning: the result of "\[chromium\] › bad" could not be written: the ecoscore-result attachment is not a valid result \(steps: /);
    expect(lines[1]).toMatch(/^ecoscore .* passed /);
  });

  it('never writes a screenshot attachment outside the result folder', async () => {
    const pw = reporter();
    const result = testResult(recorded, { screenshots: false });
    result.attachments.push({ name: 'ecoscore:screenshots/../../../escaped.png', contentType: 'image/png', path: join(FIXTURE_DIR, screenshots[0]) });
    pw.onTestEnd(testCase('t', ['t']), result);
    await pw.onEnd();
    await expect(readFile(join(dir, 'reports/escaped.png'))).rejects.toThrow();
    await expect(readFile(join(dir, 'escaped.png'))).rejects.toThrow();
  });
});
