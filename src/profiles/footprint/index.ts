/**
 * The built-in footprint factors, validated when this module loads, and the parser for user-supplied
 * factors. Pure: the JSON file is a static import.
 */
import { deepFreeze } from '../../shared/deep-freeze.js';
import { builtIn, parseProfileData } from '../parse.js';
import defaultFactorsData from './default.json' with { type: 'json' };
import { FootprintFactorsSchema, type FootprintFactors } from './schema.js';

export * from './schema.js';

/**
 * Validates user-supplied footprint factors. Throws an {@link InputError} naming every bad field
 * (`invalid footprint factors: devices.smartphone.lifetimeYears: …`).
 */
export function parseFootprintFactors(data: unknown, file?: string): FootprintFactors {
  return parseProfileData(FootprintFactorsSchema, data, 'footprint factors', file);
}

/** The built-in footprint factors (frozen). */
export const defaultFootprintFactors: FootprintFactors = builtIn('src/profiles/footprint/default.json', () => deepFreeze(parseFootprintFactors(defaultFactorsData)));
