/** Output streams of the CLI. */
import { writeFile } from 'node:fs/promises';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Raw writes to the progress stream (no newline added); default: through `err`. */
  write?: (text: string) => void;
  isTTY: boolean;
}


/**
 * Writes a converted file (a journey, a GDSL script) to `--out` (then says `wrote <file>` on stderr), or to
 * stdout without its trailing newlines when there is no `--out`.
 */
export async function writeOutput(io: CliIo, out: string | undefined, text: string): Promise<void> {
  if (out) {
    await writeFile(out, text);
    io.err(`wrote ${out}`);
  } else io.out(text.trimEnd());
}
