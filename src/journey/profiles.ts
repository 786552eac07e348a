/**
 * Resolves a journey's device and network: a built-in profile id, or a path to a custom profile JSON
 * file (relative to the journey file), validated by the profile schemas.
 */
import { dirname, resolve } from 'node:path';
import { getDeviceProfile, getNetworkProfile, parseDeviceProfile, parseNetworkProfile } from '../profiles/index.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import { InputError } from '../shared/input-error.js';
import { readInputFile } from '../shared/input-file.js';
import type { LoadedJourney } from './load.js';

/** True when a device/network value names a file rather than a built-in id. */
export function isProfileFile(value: string): boolean {
  return value.endsWith('.json');
}

async function readProfileFile<T>(path: string, kind: string, parse: (data: unknown) => T): Promise<T> {
  const text = await readInputFile(path, `${kind} profile`);
  try {
    return parse(JSON.parse(text));
  } catch (error) {
    // The profile parser already says "invalid <kind> profile: <field>: …": said once, with the file in front.
    const prefix = `invalid ${kind} profile: `;
    const message = (error as Error).message;
    const detail = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    throw new InputError(`${path}: ${prefix}${detail}`, path, undefined, error instanceof InputError ? error.field : undefined);
  }
}

/** The profiles a run uses; `overrides` come from `--device` / `--network` and win over the journey. */
export async function resolveProfiles(
  loaded: Pick<LoadedJourney, 'journey' | 'file'>,
  overrides: { device?: string; network?: string } = {},
): Promise<{ device: DeviceProfile; network: NetworkProfile }> {
  const base = dirname(loaded.file);
  const deviceRef = overrides.device ?? loaded.journey.device;
  const networkRef = overrides.network ?? loaded.journey.network;
  const where = (flag: string, field: string) => (overrides[flag as 'device'] ? `--${flag}` : `${loaded.file}: ${field}`);
  const device = isProfileFile(deviceRef)
    ? await readProfileFile(overrides.device ? resolve(deviceRef) : resolve(base, deviceRef), 'device', parseDeviceProfile)
    : lookup(() => getDeviceProfile(deviceRef), where('device', 'device'));
  const network = isProfileFile(networkRef)
    ? await readProfileFile(overrides.network ? resolve(networkRef) : resolve(base, networkRef), 'network', parseNetworkProfile)
    : lookup(() => getNetworkProfile(networkRef), where('network', 'network'));
  return { device, network };
}

function lookup<T>(get: () => T, where: string): T {
  try {
    return get();
  } catch (error) {
    throw new InputError(`${where}: ${(error as Error).message}`);
  }
}
