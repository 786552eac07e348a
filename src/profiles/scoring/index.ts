/**
 * The built-in scoring profile, validated when this module loads, and the parser for user-supplied custom
 * scoring profiles (so that users holding the official thresholds can plug them in).
 *
 * Pure: the JSON file is a static import; reading a custom profile from disk is the caller's job, which
 * hands the parsed JSON to {@link parseScoringProfile}.
 */
import { deepFreeze } from '../../shared/deep-freeze.js';
import { InputError, formatFieldPath } from '../../shared/input-error.js';
import defaultProfileData from './default.json' with { type: 'json' };
import { ScoringProfileSchema, type ScoringProfile } from './schema.js';

export * from './schema.js';

/**
 * Validates user-supplied data as a scoring profile. Throws an {@link InputError} listing every problem
 * with the path of the field: `invalid scoring profile: steps.load.data.web.points[2].score: scores must
 * never increase with the value (70 follows 60): …`.
 *
 * @param data - parsed JSON (or YAML) of a scoring profile
 * @param file - optional file name, used as a prefix of the message
 */
export function parseScoringProfile(data: unknown, file?: string): ScoringProfile {
  const result = ScoringProfileSchema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    const details = result.error.issues
      .map((issue) => {
        const path = formatFieldPath(issue.path);
        return path ? `${path}: ${issue.message}` : issue.message;
      })
      .join('; ');
    throw new InputError(
      `${file ? `${file}: ` : ''}invalid scoring profile: ${details}`,
      file,
      undefined,
      first ? formatFieldPath(first.path) || undefined : undefined,
    );
  }
  return result.data;
}

/** The built-in scoring profile `ecoscore-default` (frozen; see its `version`). */
export const defaultScoringProfile: ScoringProfile = (() => {
  try {
    return deepFreeze(parseScoringProfile(defaultProfileData));
  } catch (error) {
    throw new Error(`src/profiles/scoring/default.json: ${error instanceof Error ? error.message : String(error)}`);
  }
})();
