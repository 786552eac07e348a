/**
 * Reading and writing result.json. Writes are atomic (temporary file + rename) so that a crash or
 * Ctrl-C never leaves a truncated file: the last complete state is always on disk.
 */
import { writeJsonAtomic } from '../shared/json-file.js';
import { InputError, formatFieldPath } from '../shared/input-error.js';
import { readInputFile } from '../shared/input-file.js';
import { stripControlCharactersDeep } from '../shared/text.js';
import { ResultSchema, type Result } from '../model/result.js';

/** Validates and writes a result atomically. */
export async function writeResult(file: string, result: Result): Promise<void> {
  await writeJsonAtomic(file, ResultSchema.parse(result));
}

/** Reads and validates a result.json; bad files give an {@link InputError} naming the file and field. */
export async function readResult(file: string): Promise<Result> {
  const text = await readInputFile(file, 'result');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`, file);
  }
  const parsed = ResultSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${file}: ${formatFieldPath(issue.path) || 'result'}: ${issue.message}`, file, undefined, formatFieldPath(issue.path));
  }
  // A result file is data from elsewhere: no string of it reaches a terminal or a report with control characters.
  return stripControlCharactersDeep(parsed.data);
}
