/**
 * Writes every report of a result into its output folder (the one that holds result.json and
 * screenshots/): `report.html`, `report.md`, `junit.xml` and the `evidence/` bundle.
 *
 * Each file is written on its own, atomically; a part that fails is reported in `errors` and the others
 * are still written. The results screenshot needs a browser, which output/ never drives: the caller
 * passes a renderer (the CLI and the Playwright reporter pass `chromiumSummaryRenderer` from run/summary-png.ts,
 * built on browser/render-png.ts).
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../model/result.js';
import { stripControlCharactersDeep } from '../shared/text.js';
import { writeFileAtomic } from '../shared/json-file.js';
import { writeEvidence, type EvidenceFiles, type ReportError, type SummaryPngRenderer } from './evidence.js';
import { renderHtmlReport, type HtmlReportOptions } from '../report/html.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';

export type { EvidenceFiles, EvidenceManifest, ManifestFile, ManifestMissing, ReportError, SummaryPngRenderer } from './evidence.js';
export { EVIDENCE_DIR, EVIDENCE_ZIP, gdslFromRedactedSource, stepScreenshotPath, writeEvidence } from './evidence.js';

/** Options the HTML renderer takes (screenshots, language, chart.js source, date): see report/html.ts. */
export type HtmlRenderOptions = HtmlReportOptions;

/** An HTML renderer: a Result in, a complete HTML document out, with a `<section id="summary">`. */
export type RenderHtml = (result: Result, options?: HtmlRenderOptions) => string;

/** The reports {@link writeReports} can write. */
export type ReportFormat = 'html' | 'markdown' | 'junit' | 'evidence';

/** Every report format, in the order they are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'markdown', 'junit', 'evidence'];

/** File names of the reports in the output folder. */
export const REPORT_FILE_NAMES = { html: 'report.html', markdown: 'report.md', junit: 'junit.xml' } as const;

/** Options of {@link writeReports}. */
export interface WriteReportsOptions {
  /** HTML renderer (default: {@link renderHtmlReport}). */
  renderHtml?: RenderHtml;
  /** Options passed to the HTML renderer (generatedAt defaults to `generatedAt` below). */
  htmlOptions?: HtmlRenderOptions;
  /**
   * Renders report.html's `#summary` to `evidence/results.png`. Absent or null: no results.png, and the
   * manifest says why.
   */
  renderSummaryPng?: SummaryPngRenderer | null;
  /** Which reports to write (default: all). */
  formats?: readonly ReportFormat[];
  /** Folder the result's screenshots are read from (default: `outDir`). */
  sourceDir?: string;
  /** result.json whose hash the evidence manifest records (default: `<outDir>/result.json`). */
  resultFile?: string;
  /** ISO date written in the reports and the manifest (default: now). */
  generatedAt?: string;
}

/** What {@link writeReports} wrote: paths (null when not asked for or not written) and the errors. */
export interface ReportFiles {
  html: string | null;
  markdown: string | null;
  junit: string | null;
  evidence: EvidenceFiles | null;
  /** One entry per part that failed; the other parts were written. Empty when everything went well. */
  errors: ReportError[];
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * Writes the reports of `result` into `outDir`. Never throws for a failed part: see `errors` (and the
 * evidence manifest's `missing`).
 */
export async function writeReports(input: Result, outDir: string, options: WriteReportsOptions = {}): Promise<ReportFiles> {
  // Step names, errors and URLs come from pages and files: no control character reaches a report.
  const result = stripControlCharactersDeep(input);
  const formats = new Set(options.formats ?? REPORT_FORMATS);
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const renderHtml = options.renderHtml ?? renderHtmlReport;
  const files: ReportFiles = { html: null, markdown: null, junit: null, evidence: null, errors: [] };

  const write = async (file: string, render: () => string): Promise<string | null> => {
    try {
      await writeFileAtomic(file, render());
      return file;
    } catch (error) {
      files.errors.push({ file, message: message(error) });
      return null;
    }
  };

  // The HTML is also what results.png is taken from: render it when either is asked for.
  const wantsPng = formats.has('evidence') && Boolean(options.renderSummaryPng);
  let htmlFile: string | null = null;
  let htmlMissingReason: string | undefined;
  if (formats.has('html') || wantsPng) {
    // Without the html format, a hidden temporary file in the same folder (relative screenshot paths resolve).
    const target = formats.has('html') ? join(outDir, REPORT_FILE_NAMES.html) : join(outDir, `.summary-${process.pid}.html`);
    htmlFile = await write(target, () => renderHtml(result, { generatedAt, ...options.htmlOptions }));
    if (htmlFile === null) htmlMissingReason = `report.html could not be written: ${files.errors[files.errors.length - 1]?.message ?? 'unknown error'}`;
    if (formats.has('html')) files.html = htmlFile;
  }
  if (formats.has('markdown')) files.markdown = await write(join(outDir, REPORT_FILE_NAMES.markdown), () => renderMarkdown(result));
  if (formats.has('junit')) files.junit = await write(join(outDir, REPORT_FILE_NAMES.junit), () => renderJunit(result));

  if (formats.has('evidence')) {
    try {
      files.evidence = await writeEvidence(result, outDir, {
        sourceDir: options.sourceDir,
        resultFile: options.resultFile,
        htmlFile,
        htmlMissingReason,
        renderSummaryPng: options.renderSummaryPng,
        generatedAt,
      });
      files.errors.push(...files.evidence.errors);
    } catch (error) {
      files.errors.push({ file: join(outDir, 'evidence'), message: message(error) });
    }
  }
  if (htmlFile !== null && !formats.has('html')) await unlink(htmlFile).catch(() => undefined);
  return files;
}
