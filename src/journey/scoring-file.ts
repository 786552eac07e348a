/** Reads a custom scoring profile file (JSON or YAML) for `--scoring`. */
import { parseScoringProfile, type ScoringProfile } from '../profiles/scoring/index.js';
import { readInputFile } from '../shared/input-file.js';
import { parseYamlInput } from '../shared/yaml-input.js';

/** Reads and validates a scoring profile; every problem is an {@link InputError} naming the file and field. */
export async function loadScoringProfile(file: string): Promise<ScoringProfile> {
  const text = await readInputFile(file, 'scoring profile');
  return parseScoringProfile(parseYamlInput(text, file).data, file);
}
