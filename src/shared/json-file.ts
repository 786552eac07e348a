/**
 * Atomic writes: a temporary file beside the target, renamed over it, so readers never see a half-written
 * file (a crash or Ctrl-C leaves the last complete state). The one implementation for results, campaign
 * indexes, reports and the evidence bundle.
 */
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;

/** Writes `data` to `file` atomically (creating its folder); the temporary file is removed when a step fails. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${counter++}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Writes `value` as indented JSON to `file` atomically (creating its folder). */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
