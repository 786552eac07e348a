/**
 * Registry of the built-in device and network profiles, validated when this module loads, and parsers for
 * user-supplied custom profiles.
 *
 * Pure: the JSON files are static imports, so this module does no I/O and can be used by the methodology
 * layer. Reading a custom profile from disk is the loader's job; it hands the parsed JSON to
 * {@link parseDeviceProfile} / {@link parseNetworkProfile}.
 */
import { deepFreeze } from '../shared/deep-freeze.js';
import { InputError } from '../shared/input-error.js';
import { closestMatch } from '../shared/closest-match.js';
import { builtIn, parseProfileData } from './parse.js';
import desktop from './devices/desktop.json' with { type: 'json' };
import entryLevelPhone from './devices/entry-level-phone.json' with { type: 'json' };
import highEndPhone from './devices/high-end-phone.json' with { type: 'json' };
import midRangePhone from './devices/mid-range-phone.json' with { type: 'json' };
import fiber from './networks/fiber.json' with { type: 'json' };
import threeG from './networks/3g.json' with { type: 'json' };
import fourG from './networks/4g.json' with { type: 'json' };
import wifi from './networks/wifi.json' with { type: 'json' };
import {
  DeviceProfileSchema,
  NetworkProfileSchema,
  type DeviceProfile,
  type NetworkProfile,
} from './schema.js';

export * from './schema.js';
export { closestMatch, editDistance, type ClosestMatchOptions } from '../shared/closest-match.js';
export { deriveDevicePower, parseAndroidPowerProfileXml, type AndroidPowerProfile, type DerivedAndroidPower } from './android-power-profile.js';

/** Device used when a journey names none. */
export const DEFAULT_DEVICE_ID = 'mid-range-phone';
/** Network used when a journey names none. */
export const DEFAULT_NETWORK_ID = 'wifi';

/** Built-in device profiles by file name (without `.json`), from the least to the most powerful phone, then desktop. */
const DEVICE_FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['entry-level-phone', entryLevelPhone],
  ['mid-range-phone', midRangePhone],
  ['high-end-phone', highEndPhone],
  ['desktop', desktop],
];

/** Built-in network profiles by file name (without `.json`), from the usual to the fastest. */
const NETWORK_FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['wifi', wifi],
  ['4g', fourG],
  ['3g', threeG],
  ['fiber', fiber],
];

function buildRegistry<T extends { id: string }>(
  files: ReadonlyArray<readonly [string, unknown]>,
  folder: string,
  parse: (data: unknown) => T,
): ReadonlyMap<string, T> {
  const registry = new Map<string, T>();
  for (const [fileId, data] of files) {
    const file = `src/profiles/${folder}/${fileId}.json`;
    const profile = builtIn(file, () => parse(data));
    if (profile.id !== fileId) throw new Error(`${file}: id "${profile.id}" must equal the file name "${fileId}"`);
    registry.set(fileId, deepFreeze(profile));
  }
  return registry;
}

/**
 * Validates user-supplied data as a device profile. Throws an {@link InputError} listing every problem
 * (`invalid device profile: power.cpuActiveMa: …`).
 */
export function parseDeviceProfile(data: unknown): DeviceProfile {
  return parseProfileData(DeviceProfileSchema, data, 'device profile');
}

/** Validates user-supplied data as a network profile. Throws an {@link InputError} listing every problem. */
export function parseNetworkProfile(data: unknown): NetworkProfile {
  return parseProfileData(NetworkProfileSchema, data, 'network profile');
}

const DEVICES = buildRegistry(DEVICE_FILES, 'devices', parseDeviceProfile);
const NETWORKS = buildRegistry(NETWORK_FILES, 'networks', parseNetworkProfile);

/** Ids of the built-in device profiles: `entry-level-phone`, `mid-range-phone`, `high-end-phone`, `desktop`. */
export const deviceProfileIds: readonly string[] = Object.freeze([...DEVICES.keys()]);
/** Ids of the built-in network profiles: `wifi`, `4g`, `3g`, `fiber`. */
export const networkProfileIds: readonly string[] = Object.freeze([...NETWORKS.keys()]);

/** Raised for an unknown profile id; a bad-input error (CLI exit code 2). */
export class UnknownProfileError extends InputError {
  constructor(
    /** `device` or `network`. */
    readonly profileKind: 'device' | 'network',
    /** The id asked for. */
    readonly id: string,
    /** The known ids. */
    readonly known: readonly string[],
    /** The closest known id, when one is close enough to suggest. */
    readonly suggestion: string | undefined,
  ) {
    super(
      `unknown ${profileKind} "${id}"` + (suggestion ? ` (did you mean "${suggestion}"?)` : '') + `; known ${profileKind}s: ${known.join(', ')}`,
      undefined,
      undefined,
      profileKind,
    );
    this.name = 'UnknownProfileError';
  }
}

/**
 * The known id closest to `id`: by edit distance (up to half the length of `id`, at least 3), else a known
 * id that contains `id` or is contained in it (`mid-range` → `mid-range-phone`).
 */
export function suggestProfileId(id: string, known: readonly string[]): string | undefined {
  const lower = id.toLowerCase();
  return (
    closestMatch(id, known, { maxDistance: Math.max(3, Math.ceil(id.length / 2)) }) ??
    (lower ? known.find((k) => k.includes(lower) || lower.includes(k)) : undefined)
  );
}

/** A built-in device profile (frozen). Throws {@link UnknownProfileError} for an unknown id. */
export function getDeviceProfile(id: string): DeviceProfile {
  const profile = DEVICES.get(id);
  if (!profile) throw new UnknownProfileError('device', id, deviceProfileIds, suggestProfileId(id, deviceProfileIds));
  return profile;
}

/** A built-in network profile (frozen). Throws {@link UnknownProfileError} for an unknown id. */
export function getNetworkProfile(id: string): NetworkProfile {
  const profile = NETWORKS.get(id);
  if (!profile) throw new UnknownProfileError('network', id, networkProfileIds, suggestProfileId(id, networkProfileIds));
  return profile;
}

/** All built-in device profiles, in {@link deviceProfileIds} order. */
export function listDeviceProfiles(): DeviceProfile[] {
  return [...DEVICES.values()];
}

/** All built-in network profiles, in {@link networkProfileIds} order. */
export function listNetworkProfiles(): NetworkProfile[] {
  return [...NETWORKS.values()];
}
