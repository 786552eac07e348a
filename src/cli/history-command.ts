/**
 * `ecoscore history [--html [--out DIR]]`: lists the runs of the history file, or writes the offline
 * dashboard (history.html) from it. Thin: reads the file, finds each run's report, calls the renderer.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { renderHistoryHtml } from '../report/history-html.js';
import { historyDashboardModel } from '../report/history-model.js';
import { readHistory } from '../output/history-file.js';
import { DEFAULT_HISTORY_FILE, type HistoryEntry } from '../result/history.js';
import type { CliIo } from './io.js';
import { renderHistory } from './summary.js';

/** Options of `history`. */
interface HistoryFlags {
  file: string;
  journey?: string;
  limit: number;
  json?: boolean;
  html?: boolean;
  out?: string;
}

/**
 * The link of a run's report.html relative to `outDir`, or null when it cannot be found. A result path is
 * tried as written (relative to the working folder), then relative to the history file's folder and its
 * parent, so that a CI artifact folder works wherever it was unpacked.
 */
export function reportLink(entry: HistoryEntry, historyFile: string, outDir: string): string | null {
  const historyDir = dirname(resolve(historyFile));
  const candidates = [resolve(entry.resultFile), resolve(historyDir, '..', entry.resultFile), resolve(historyDir, entry.resultFile)];
  for (const resultFile of candidates) {
    const report = join(dirname(resultFile), 'report.html');
    if (existsSync(report)) return relative(resolve(outDir), report).split(sep).join('/');
  }
  return null;
}

/** Adds `history` to the program. */
export function registerHistoryCommand(program: Command, io: CliIo, setExit: (code: number) => void, positiveInt: (value: string) => number): void {
  program
    .command('history')
    .description('list the runs recorded in the history file, or write its offline dashboard (--html)')
    .option('--file <file>', 'history file', DEFAULT_HISTORY_FILE)
    .option('--journey <name>', 'only this journey')
    .option('-n, --limit <n>', 'last N runs (listing only; the dashboard shows them all)', positiveInt, 20)
    .option('--json', 'print JSON lines')
    .option('--html', 'write the dashboard history.html (chart.js inlined, works offline and from a CI artifact folder)')
    .option('-o, --out <dir>', 'folder of history.html (default: the history file’s folder)')
    .action(async (options: HistoryFlags) => {
      const { entries, skipped } = await readHistory(options.file);
      const matching = entries.filter((entry) => !options.journey || entry.journey.name === options.journey);
      if (skipped.length) io.err(`warning: ${options.file}: unreadable line(s) ${skipped.join(', ')} skipped`);
      if (options.html) {
        const outDir = options.out ?? dirname(options.file);
        const model = historyDashboardModel(matching, {
          source: options.file,
          generatedAt: new Date().toISOString(),
          reportLink: (entry) => reportLink(entry, options.file, outDir),
        });
        await mkdir(outDir, { recursive: true });
        const file = join(outDir, 'history.html');
        await writeFile(file, renderHistoryHtml(model));
        io.out(`history dashboard: ${file} (${matching.length} runs, ${model.journeys.length} journeys)`);
        setExit(0);
        return;
      }
      const selected = matching.slice(-options.limit);
      if (options.json) io.out(selected.map((entry) => JSON.stringify(entry)).join('\n'));
      else io.out(renderHistory(selected, options.file));
      setExit(0);
    });
}
