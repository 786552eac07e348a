/**
 * Writes a journey file form as YAML with a header comment, through the `yaml` package's Document API
 * (never by string concatenation), so that no value, file name or note can add a key to the journey.
 */
import { Document } from 'yaml';
import type { FileJourney } from './file-form.js';

/** C0/C1 control characters (ESC, BEL, …) except tab; never written into a comment. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** One comment line: control characters removed, line breaks made spaces. */
export function commentLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(CONTROL, '');
}

/** The journey as YAML, `header` lines written as `# …` comments above it. */
export function journeyYaml(journey: FileJourney, header: readonly string[]): string {
  const doc = new Document(journey);
  doc.commentBefore = header.map((line) => ` ${commentLine(line)}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
