/**
 * The history file (`reports/history.jsonl`): one line per run, appended; read back with unreadable lines reported.
 * The line itself (schema, what it keeps of a result) is result/history.ts's.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HistoryEntrySchema, type HistoryEntry } from '../result/history.js';

/** Appends one entry to the history file (creating it). */
export async function appendHistory(file: string, entry: HistoryEntry): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(HistoryEntrySchema.parse(entry))}\n`);
}

/** Reads a history file; a missing file is an empty history; unreadable lines are reported in `skipped`. */
export async function readHistory(file: string): Promise<{ entries: HistoryEntry[]; skipped: number[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: [] };
    throw error;
  }
  const entries: HistoryEntry[] = [];
  const skipped: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      entries.push(HistoryEntrySchema.parse(JSON.parse(line)));
    } catch {
      skipped.push(index + 1);
    }
  });
  return { entries, skipped };
}
