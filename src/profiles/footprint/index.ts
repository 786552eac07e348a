/**
 * The built-in footprint factors, validated when this module loads, and the parser for user-supplied
 * factors. Pure: the JSON file is a static import.
 */
import { deepFreeze } from '../../shared/deep-freeze.js';
import { InputError, formatFieldPath } from '../../shared/input-error.js';
import defaultFactorsData from './default.json' with { type: 'json' };
import { FootprintFactorsSchema, type FootprintFactors } from './schema.js';

export * from './schema.js';

/**
 * Validates user-supplied footprint factors. Throws an {@link InputError} naming every bad field
 * (`invalid footprint factors: devices.smartphone.lifetimeYears: …`).
 */
export function parseFootprintFactors(data: unknown, file?: string): FootprintFactors {
  const result = FootprintFactorsSchema.safeParse(data);
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => {
        const path = formatFieldPath(issue.path);
        return path ? `${path}: ${issue.message}` : issue.message;
      })
      .join('; ');
    const first = result.error.issues[0];
    throw new InputError(`${file ? `${file}: ` : ''}invalid footprint factors: ${details}`, file, undefined, first ? formatFieldPath(first.path) || undefined : undefined);
  }
  return result.data;
}

/** The built-in footprint factors (frozen). */
export const defaultFootprintFactors: FootprintFactors = (() => {
  try {
    return deepFreeze(parseFootprintFactors(defaultFactorsData));
  } catch (error) {
    throw new Error(`src/profiles/footprint/default.json: ${error instanceof Error ? error.message : String(error)}`);
  }
})();
