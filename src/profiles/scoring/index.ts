/**
 * The built-in scoring profile, validated when this module loads, and the parser for user-supplied custom
 * scoring profiles (so that users holding the official thresholds can plug them in).
 *
 * Pure: the JSON file is a static import; reading a custom profile from disk is the caller's job, which
 * hands the parsed JSON to {@link parseScoringProfile}.
 */
import { deepFreeze } from '../../shared/deep-freeze.js';
import { builtIn, parseProfileData } from '../parse.js';
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
  return parseProfileData(ScoringProfileSchema, data, 'scoring profile', file);
}

/** The built-in scoring profile `ecoscore-default` (frozen; see its `version`). */
export const defaultScoringProfile: ScoringProfile = builtIn('src/profiles/scoring/default.json', () => deepFreeze(parseScoringProfile(defaultProfileData)));
