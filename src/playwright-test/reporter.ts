/**
 * `ecoscore/playwright-test/reporter`: the Playwright Test reporter of the ecoscore fixture. For every test
 * that measured steps (it carries an `ecoscore-result` attachment), writes what `ecoscore run` writes into
 * `<outputDir>/<test-slug>/`: result.json, screenshots/, report.html, report.md, junit.xml and evidence/,
 * then prints one line per test (ecoscore, grade, report path).
 *
 * ```ts
 * reporter: [['list'], ['ecoscore/playwright-test/reporter', { outputDir: 'reports/playwright' }]]
 * ```
 * Report problems are warnings: they never fail the test run (the measures are in result.json).
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { FullConfig, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { chromiumSummaryRenderer } from '../run/summary-png.js';
import { gradeStatusOf, gradeStatusSentence } from '../report/grade-view.js';
import { writeReports, type SummaryPngRenderer } from '../output/reports.js';
import { writeResult } from '../output/result-file.js';
import { ResultSchema, type Result } from '../model/result.js';
import { errorSummary } from '../shared/text.js';
import { RESULT_ATTACHMENT, screenshotPathOfAttachment, testSlug } from './attachments.js';

/** Options of the reporter (the second item of its entry in `reporter`). */
export interface EcoscoreReporterOptions {
  /** Folder of the results, relative to the config file's folder (default `reports/playwright`). */
  outputDir?: string;
  /** Render report.html's summary to evidence/results.png with Chromium (default true). */
  summaryPng?: boolean;
  /** Programmatic use: the renderer of evidence/results.png (default: Chromium through Playwright). */
  renderSummaryPng?: SummaryPngRenderer | null;
  /** Programmatic use: where summary lines and warnings go (default: standard output). */
  log?: (line: string) => void;
}

/** What the reporter wrote for one test. */
export interface EcoscoreTestReport {
  title: string;
  dir: string;
  result: Result;
  html: string | null;
}

/** Default folder of the results, relative to the config file's folder. */
export const DEFAULT_REPORTER_OUTPUT_DIR = 'reports/playwright';

type Attachment = TestResult['attachments'][number];

async function attachmentBytes(attachment: Attachment): Promise<Buffer> {
  if (attachment.body) return attachment.body;
  if (attachment.path) return readFile(attachment.path);
  throw new Error(`attachment "${attachment.name}" has neither a body nor a path`);
}

/** Writes the ecoscore results of a Playwright Test run. */
export default class EcoscoreReporter implements Reporter {
  private root = process.cwd();
  private readonly tests = new Map<string, { test: TestCase; result: TestResult }>();
  private readonly log: (line: string) => void;
  /** What was written, in test order (for programmatic use and tests). */
  readonly written: EcoscoreTestReport[] = [];

  constructor(private readonly options: EcoscoreReporterOptions = {}) {
    this.log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig): void {
    this.root = config.configFile ? dirname(config.configFile) : config.rootDir;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // The last attempt wins: a retried test is reported as it finally ran.
    if (result.attachments.some((attachment) => attachment.name === RESULT_ATTACHMENT)) this.tests.set(test.id, { test, result });
    else this.tests.delete(test.id);
  }

  async onEnd(): Promise<void> {
    const outputDir = resolve(this.root, this.options.outputDir ?? DEFAULT_REPORTER_OUTPUT_DIR);
    const used = new Set<string>();
    for (const { test, result } of this.tests.values()) {
      // titlePath: root, project, file, describes…, title.
      const titles = test.titlePath().slice(3);
      const project = test.parent.project()?.name;
      const title = [project ? `[${project}]` : '', ...titles].filter(Boolean).join(' › ');
      const base = testSlug(titles, { project, repeatEachIndex: test.repeatEachIndex });
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
      used.add(slug);
      try {
        const written = await this.writeTest(join(outputDir, slug), result);
        this.written.push({ title, ...written });
        const { ecoscore, grade } = written.result.summary;
        const path = relative(process.cwd(), written.html ?? join(written.dir, 'result.json')) || '.';
        const noGrade = ecoscore === null ? `  (${gradeStatusSentence(gradeStatusOf(written.result))})` : '';
        this.log(`ecoscore ${ecoscore === null ? '  –  ' : ecoscore.toFixed(1).padStart(5)} ${(grade ?? '–').padEnd(2)} ${written.result.status.padEnd(6)} ${path}  ${title}${noGrade}`);
      } catch (error) {
        this.log(`ecoscore: warning: the result of "${title}" could not be written: ${errorSummary(error)}`);
      }
    }
  }

  private async writeTest(dir: string, testResult: TestResult): Promise<{ dir: string; result: Result; html: string | null }> {
    const attachment = testResult.attachments.find((item) => item.name === RESULT_ATTACHMENT)!;
    const parsed = ResultSchema.safeParse(JSON.parse((await attachmentBytes(attachment)).toString('utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`the ${RESULT_ATTACHMENT} attachment is not a valid result (${issue.path.join('.') || 'result'}: ${issue.message})`);
    }
    const result = parsed.data;
    // Screenshots and evidence of an earlier run of the same test would be mixed with these.
    await rm(join(dir, 'screenshots'), { recursive: true, force: true });
    await rm(join(dir, 'evidence'), { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeResult(join(dir, 'result.json'), result);
    for (const item of testResult.attachments) {
      const path = screenshotPathOfAttachment(item.name);
      if (path === null) continue;
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      if (item.path) await copyFile(item.path, target);
      else if (item.body) await writeFile(target, item.body);
    }
    const files = await writeReports(result, dir, { renderSummaryPng: this.summaryRenderer(result) });
    for (const problem of files.errors) this.log(`ecoscore: warning: report ${problem.file}: ${problem.message}`);
    return { dir, result, html: files.html };
  }

  private summaryRenderer(result: Result): SummaryPngRenderer | null {
    if (this.options.renderSummaryPng !== undefined) return this.options.renderSummaryPng;
    if (this.options.summaryPng === false) return null;
    return chromiumSummaryRenderer(result, (message) => this.log(`ecoscore: report: ${message}`));
  }
}
