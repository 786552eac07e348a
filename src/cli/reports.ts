/**
 * Report writing for the CLI: HTML, Markdown, JUnit and the evidence bundle of a result, with the
 * results screenshot rendered by Chromium. Report problems are warnings: they never change a run's exit
 * code (the measures are in result.json whatever happens to the reports).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { chromiumSummaryRenderer } from '../run/summary-png.js';
import { renderCampaignIndexHtml, renderCampaignIndexMarkdown } from '../report/campaign-index.js';
import { PNG_SIGNATURE, SCREENSHOT_PATH } from '../output/evidence.js';
import { writeFileAtomic } from '../shared/json-file.js';
import { writeReports } from '../output/reports.js';
import type { CampaignIndex } from '../result/campaign.js';
import { ResultSchema, type Result } from '../model/result.js';
import { CONSTRAINED_DIR } from '../run/constrained.js';
import { InputError } from '../shared/input-error.js';
import { firstLinkUnder, readFileInside } from '../shared/safe-path.js';
import { errorSummary, stripControlCharactersDeep } from '../shared/text.js';
import type { CliIo } from './io.js';

/** Writes every report of `result` into `outDir` (which holds result.json and screenshots/). Returns report.html's path. */
export async function writeAllReports(result: Result, outDir: string, io: CliIo, options: { sourceDir?: string; resultFile?: string } = {}): Promise<string | null> {
  const files = await writeReports(result, outDir, {
    ...options,
    renderSummaryPng: chromiumSummaryRenderer(result, (message) => io.err(`report: ${message}`)),
  }).catch((error: unknown) => {
    io.err(`warning: reports could not be written: ${errorSummary(error)}`);
    return null;
  });
  if (!files) return null;
  for (const problem of files.errors) io.err(`warning: report ${problem.file}: ${problem.message}`);
  return files.html ?? null;
}

/**
 * The folder `ecoscore report --out DIR` writes into must hold nothing it did not write: it is new or
 * empty, or holds this very result.json (a report regenerated again). Anything else is refused (exit 2)
 * rather than overwritten.
 */
async function checkReportFolder(target: string, resultBytes: Buffer): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new InputError(`--out ${target}: cannot be used (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (entries.length === 0) return;
  const existing = await readFile(join(target, 'result.json')).catch(() => null);
  if (existing && existing.equals(resultBytes)) return;
  throw new InputError(`--out ${target}: the folder is not empty and holds ${existing ? 'another result.json' : 'no result of this run'}; give a new or empty folder (nothing there is overwritten)`);
}

/** The screenshots a result refers to (steps and every sample), as checked relative paths. */
function screenshotsOf(result: Result): string[] {
  const paths = [...result.steps.map((step) => step.screenshot), ...result.runs.flatMap((run) => run.samples.map((sample) => sample.screenshot))];
  return [...new Set(paths.filter((path): path is string => typeof path === 'string' && SCREENSHOT_PATH.test(path)))];
}

/**
 * Copies a result.json (`bytes`) and the screenshots its result names from `sourceDir` to `target`: each read
 * without following a link and checked to be a PNG; what cannot be copied is returned with the reason.
 */
async function copyRunFiles(result: Result, bytes: Buffer, sourceDir: string, target: string): Promise<string[]> {
  await mkdir(target, { recursive: true });
  await writeFileAtomic(join(target, 'result.json'), bytes);
  const notCopied: string[] = [];
  for (const path of screenshotsOf(result)) {
    try {
      const png = await readFileInside(sourceDir, path);
      if (!PNG_SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error('not a PNG file');
      if (await firstLinkUnder(target, path)) throw new Error('the destination goes through a symbolic link');
      await writeFileAtomic(join(target, path), png);
    } catch (error) {
      notCopied.push(`${path} (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : errorSummary(error)})`);
    }
  }
  return notCopied;
}

/**
 * The constrained replay (`run --constrained`, DEV.1.4) beside a result: its result.json and screenshots in
 * `constrained/`, copied like the run's own. Only the folder the run writes is followed; a missing or unreadable
 * replay is a warning (the section still renders from the result).
 */
async function copyConstrainedReplay(result: Result, sourceDir: string, target: string, io: CliIo): Promise<void> {
  if (result.constrained?.resultFile !== `${CONSTRAINED_DIR}/result.json`) return;
  const from = join(sourceDir, CONSTRAINED_DIR);
  try {
    const bytes = await readFileInside(sourceDir, result.constrained.resultFile);
    if (await firstLinkUnder(target, CONSTRAINED_DIR)) throw new Error('the destination goes through a symbolic link');
    const replay = stripControlCharactersDeep(ResultSchema.parse(JSON.parse(bytes.toString('utf8'))));
    const notCopied = await copyRunFiles(replay, bytes, from, join(target, CONSTRAINED_DIR));
    if (notCopied.length > 0) io.err(`warning: ${notCopied.length} screenshot(s) of the constrained replay not copied: ${notCopied.slice(0, 3).join(', ')}${notCopied.length > 3 ? ', …' : ''}`);
  } catch (error) {
    io.err(`warning: the constrained replay (${result.constrained.resultFile}) was not copied: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : errorSummary(error)}`);
  }
}

/** `ecoscore report`: regenerates the reports of a result, in its folder or in `outDir`. */
export async function regenerateReports(result: Result, resultFile: string, outDir: string | undefined, io: CliIo): Promise<string | null> {
  const sourceDir = dirname(resultFile);
  const target = outDir ?? sourceDir;
  if (resolve(target) !== resolve(sourceDir)) {
    const bytes = await readFile(resultFile);
    await checkReportFolder(target, bytes);
    const notCopied = await copyRunFiles(result, bytes, sourceDir, target);
    if (notCopied.length > 0) io.err(`warning: ${notCopied.length} screenshot(s) not copied: ${notCopied.slice(0, 3).join(', ')}${notCopied.length > 3 ? ', …' : ''}`);
    await copyConstrainedReplay(result, sourceDir, target, io);
  }
  return writeAllReports(result, target, io);
}

/** Writes index.html and index.md of a campaign beside its campaign.json. */
export async function writeCampaignPages(input: CampaignIndex, outDir: string): Promise<void> {
  const index = stripControlCharactersDeep(input);
  await writeFile(join(outDir, 'index.html'), renderCampaignIndexHtml(index));
  await writeFile(join(outDir, 'index.md'), renderCampaignIndexMarkdown(index));
}
