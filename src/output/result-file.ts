/**
 * Reading and writing result.json. Writes are atomic (temporary file + rename) so that a crash or
 * Ctrl-C never leaves a truncated file: the last complete state is always on disk.
 */
import { writeJsonAtomic } from '../shared/json-file.js';
import { parseJsonInput, readJsonInput } from '../shared/input-file.js';
import { stripControlCharactersDeep } from '../shared/text.js';
import { ResultSchema, type Result } from '../model/result.js';

/** Validates and writes a result atomically. */
export async function writeResult(file: string, result: Result): Promise<void> {
  await writeJsonAtomic(file, ResultSchema.parse(result));
}

/** Reads and validates a result.json; bad files give an InputError naming the file and field (see readJsonInput). */
export async function readResult(file: string): Promise<Result> {
  const result = await readJsonInput(file, 'result', ResultSchema, 'result');
  // A result file is data from elsewhere: no string of it reaches a terminal or a report with control characters.
  return stripControlCharactersDeep(result);
}

/** Parses the text of a result.json read by the caller (`file` names it in errors), as {@link readResult} does. */
export function parseResult(text: string, file: string): Result {
  return stripControlCharactersDeep(parseJsonInput(text, file, ResultSchema, 'result'));
}
