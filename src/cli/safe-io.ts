/**
 * What the CLI prints goes through here: every secret met while the command ran is replaced (in every
 * form, see journey/secrets.ts), and terminal escape sequences and control characters from data files are
 * stripped. The progress display's own "erase line" sequence is the only one kept.
 */
import { scopeRedactor } from '../journey/secrets.js';
import { stripControlCharacters } from '../shared/text.js';
import type { CliIo } from './io.js';

/** The one sequence the progress display writes itself: back to the start of the line, erase it. */
const ERASE_LINE = '\r\u001b[2K';

/** A line printed by the CLI: secrets redacted, control characters stripped. */
export function safeText(text: string): string {
  return scopeRedactor().redact(stripControlCharacters(text));
}

/** `io` with {@link safeText} applied to everything written through it. */
export function guardIo(io: CliIo): CliIo {
  const write = io.write;
  return {
    out: (text) => io.out(safeText(text)),
    err: (text) => io.err(safeText(text)),
    ...(write ? { write: (text: string) => write(text.split(ERASE_LINE).map(safeText).join(ERASE_LINE)) } : {}),
    isTTY: io.isTTY,
  };
}
