/** Reads a custom scoring profile file (JSON or YAML) for `--scoring`. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { parseScoringProfile, type ScoringProfile } from '../profiles/scoring/index.js';
import { InputError } from '../shared/input-error.js';

/** Reads and validates a scoring profile; every problem is an {@link InputError} naming the file and field. */
export async function loadScoringProfile(file: string): Promise<ScoringProfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read the scoring profile (${(error as NodeJS.ErrnoException).code ?? String(error)})`, file);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new InputError(`${file}: syntax error: ${(error as Error).message.split('\n')[0]}`, file);
  }
  return parseScoringProfile(data, file);
}
