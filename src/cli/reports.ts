/**
 * Report writing for the CLI: HTML, Markdown, JUnit and the evidence bundle of a result, with the
 * results screenshot rendered by Chromium. Report problems are warnings: they never change a run's exit
 * code (the measures are in result.json whatever happens to the reports).
 */
import { cp, copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { chromiumSummaryRenderer } from '../campaign/summary-png.js';
import { renderCampaignIndexHtml, renderCampaignIndexMarkdown } from '../report/campaign-index.js';
import { writeReports } from '../report/write.js';
import type { CampaignIndex } from '../result/campaign.js';
import type { Result } from '../result/schema.js';
import { errorSummary } from '../shared/text.js';
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

/** `ecoscore report`: regenerates the reports of a result, in its folder or in `outDir`. */
export async function regenerateReports(result: Result, resultFile: string, outDir: string | undefined, io: CliIo): Promise<string | null> {
  const sourceDir = dirname(resultFile);
  const target = outDir ?? sourceDir;
  if (resolve(target) !== resolve(sourceDir)) {
    await mkdir(target, { recursive: true });
    await copyFile(resultFile, join(target, 'result.json'));
    await cp(join(sourceDir, 'screenshots'), join(target, 'screenshots'), { recursive: true, force: true }).catch(() => undefined);
  }
  return writeAllReports(result, target, io);
}

/** Writes index.html and index.md of a campaign beside its campaign.json. */
export async function writeCampaignPages(index: CampaignIndex, outDir: string): Promise<void> {
  await writeFile(join(outDir, 'index.html'), renderCampaignIndexHtml(index));
  await writeFile(join(outDir, 'index.md'), renderCampaignIndexMarkdown(index));
}
