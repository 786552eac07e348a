/**
 * Bad input: a file, a flag or a value the user can fix. The CLI prints the message alone (one sentence
 * naming the file, line and field) and exits with code 2.
 */
export class InputError extends Error {
  /** Exit code the CLI uses for bad input. */
  readonly exitCode = 2;

  constructor(
    message: string,
    /** File the error is in, when there is one. */
    readonly file?: string,
    /** 1-based line in `file`, when known. */
    readonly line?: number,
    /** Field path such as `steps[3].actions[1].click.txt`, when known. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Formats a zod/field path as `steps[3].actions[1].click`. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Builds an InputError whose message reads `file:line: field: message`. */
export function inputErrorAt(file: string, line: number | undefined, path: ReadonlyArray<PropertyKey>, message: string): InputError {
  const field = formatFieldPath(path);
  const where = line !== undefined ? `${file}:${line}` : file;
  return new InputError(`${where}: ${field ? `${field}: ` : ''}${message}`, file, line, field || undefined);
}
