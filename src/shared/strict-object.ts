/**
 * zod strict objects whose "unknown key" message names the key and suggests the closest known one, used by
 * every input file schema (journeys, campaigns, budgets).
 */
import { z } from 'zod';
import { closestMatch } from './closest-match.js';

/** A strict object: unknown keys are errors with a "did you mean" suggestion. */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const suggestion = closestMatch(issue.keys[0], known);
      return suggestion ? `unknown key, did you mean "${suggestion}"?` : `unknown key; expected one of: ${known.join(', ')}`;
    },
  });
}
