/**
 * Report writing for the CLI: the reports of a result (output/reports.ts) with the results screenshot rendered by
 * Chromium, in its folder or, for `ecoscore report --out`, in a new one the run's files are copied to first
 * (output/copy-result.ts). Report problems are warnings: they never change a run's exit code (the measures are in
 * result.json whatever happens to the reports).
 */
import { dirname, resolve } from 'node:path';
import { chromiumSummaryRenderer } from '../run/summary-png.js';
import { copyResultFolder } from '../output/copy-result.js';
import { writeReports } from '../output/reports.js';
import type { Result } from '../model/result.js';
import { errorSummary } from '../shared/text.js';
import type { CliIo } from './io.js';

export { writeCampaignPages } from '../output/campaign-pages.js';

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

/** `ecoscore report`: regenerates the reports of a result, in its folder or in `outDir`. */
export async function regenerateReports(result: Result, resultFile: string, outDir: string | undefined, io: CliIo): Promise<string | null> {
  const target = outDir ?? dirname(resultFile);
  if (resolve(target) !== resolve(dirname(resultFile))) {
    for (const warning of await copyResultFolder(result, resultFile, target)) io.err(`warning: ${warning}`);
  }
  return writeAllReports(result, target, io);
}
