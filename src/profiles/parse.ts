/**
 * Validating profile data (devices, networks, footprint factors, scoring profiles), user-supplied or built in.
 * Pure: data in, a typed profile (or an error) out.
 */
import type { z } from 'zod';
import { InputError, formatFieldPath } from '../shared/input-error.js';

/**
 * Validates `data` with `schema`. Throws an {@link InputError} listing every problem with the path of its
 * field (`<file>: invalid <kind>: power.cpuActiveMa: …; …`, without `<file>: ` when no file is given); the
 * error's `field` is the first problem's.
 */
export function parseProfileData<T>(schema: z.ZodType<T>, data: unknown, kind: string, file?: string): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => {
        const path = formatFieldPath(issue.path);
        return path ? `${path}: ${issue.message}` : issue.message;
      })
      .join('; ');
    const first = result.error.issues[0];
    throw new InputError(`${file ? `${file}: ` : ''}invalid ${kind}: ${details}`, file, undefined, first ? formatFieldPath(first.path) || undefined : undefined);
  }
  return result.data;
}

/**
 * Built-in data checked when its module loads: `load()`'s value, or an Error naming the data file
 * (`src/profiles/scoring/default.json: …`). A broken built-in profile is the toolkit's bug, not bad input.
 */
export function builtIn<T>(file: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
