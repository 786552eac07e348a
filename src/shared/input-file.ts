/**
 * Reading input files (journeys, campaigns, budgets, profiles, results, GDSL) with a size bound: a file
 * larger than the limit is refused before it is read, so that a 60 MB journey cannot take gigabytes of
 * memory. The limit is 5 MB by default (a measured result of a long journey with `--lighthouse` is well
 * under 1 MB); `ECOSCORE_MAX_INPUT_BYTES` raises or lowers it.
 */
import { open } from 'node:fs/promises';
import type { z } from 'zod';
import { InputError, formatFieldPath } from './input-error.js';

/** Default size limit of an input file, in bytes (5 MB). */
export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** The size limit in force: `ECOSCORE_MAX_INPUT_BYTES` when it is a whole number ≥ 1, else the default. */
export function maxInputBytes(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.ECOSCORE_MAX_INPUT_BYTES);
  return Number.isSafeInteger(value) && value >= 1 ? value : DEFAULT_MAX_INPUT_BYTES;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Reads a UTF-8 input file. `kind` names it in messages (`journey file`, `result`…). Throws an
 * {@link InputError} (`<file>: cannot read the <kind> (<reason>)`, or `… is over the size limit`) when the
 * file is missing, not a regular file, or larger than {@link maxInputBytes}.
 */
export async function readInputFile(file: string, kind: string, limitBytes: number = maxInputBytes()): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new InputError(`${file}: cannot read the ${kind} (${reasonOf(error)})`, file);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new InputError(`${file}: cannot read the ${kind} (${stat.isDirectory() ? 'it is a folder' : 'not a regular file'})`, file);
    if (stat.size > limitBytes) {
      throw new InputError(`${file}: the ${kind} is ${formatSize(stat.size)}, over the ${formatSize(limitBytes)} limit of input files (ECOSCORE_MAX_INPUT_BYTES raises it)`, file);
    }
    // Read at most one byte more than the limit: a file that grows while it is read is refused too.
    const buffer = Buffer.alloc(Math.min(limitBytes, stat.size) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    // A full buffer means more bytes than the size read above, or than the limit.
    if (length === buffer.length) {
      throw new InputError(`${file}: the ${kind} grew while it was read, or is over the ${formatSize(limitBytes)} limit of input files`, file);
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: cannot read the ${kind} (${reasonOf(error)})`, file);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads a JSON input file (a result, a campaign index) and validates it with `schema`. Throws an
 * {@link InputError}: the reading errors of {@link readInputFile}, `<file>: not valid JSON (<reason>)`, or
 * `<file>: <field>: <message>` for the first schema issue (`root` names the field when it is the whole file).
 */
export async function readJsonInput<T>(file: string, kind: string, schema: z.ZodType<T>, root: string): Promise<T> {
  return parseJsonInput(await readInputFile(file, kind), file, schema, root);
}

/** Parses the text of a JSON input file named `file` (read by the caller) as {@link readJsonInput} does. */
export function parseJsonInput<T>(text: string, file: string, schema: z.ZodType<T>, root: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // One line: V8 quotes the text around the error, line breaks included.
    throw new InputError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`, file);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = formatFieldPath(issue.path);
    throw new InputError(`${file}: ${field || root}: ${issue.message}`, file, undefined, field || undefined);
  }
  return parsed.data;
}
