/**
 * Paths that come from data files (a result's screenshot paths, a campaign's combination ids) or that a
 * command writes to: a data file never reaches outside its folder, never through a symbolic link, and an
 * output never replaces an input.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from './input-error.js';

/** Is `child` strictly inside `parent` (both compared as absolute paths, lexically)? */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel !== '' && !isAbsolute(rel) && !rel.split(sep).includes('..');
}

/** Is `child` inside `parent` once every symbolic link of both is resolved? False when either is missing. */
export async function isReallyInside(parent: string, child: string): Promise<boolean> {
  try {
    return isInside(await realpath(parent), await realpath(child));
  } catch {
    return false;
  }
}

/** The first symbolic link met from `root` (excluded) down to `root/relativePath` (included), or null. */
export async function firstLinkUnder(root: string, relativePath: string): Promise<string | null> {
  let current = resolve(root);
  for (const part of relativePath.split(/[\\/]+/).filter((p) => p !== '' && p !== '.')) {
    current = resolve(current, part);
    try {
      if ((await lstat(current)).isSymbolicLink()) return current;
    } catch {
      return null; // does not exist (yet): nothing further can be a link
    }
  }
  return null;
}

/**
 * Reads a regular file that is inside `root` without following a symbolic link on the way (the file
 * itself is opened with `O_NOFOLLOW`). Throws an Error saying why otherwise.
 */
export async function readFileInside(root: string, relativePath: string): Promise<Buffer> {
  const file = resolve(root, relativePath);
  if (!isInside(root, file)) throw new Error(`${relativePath} points outside ${root}`);
  const link = await firstLinkUnder(root, relativePath);
  if (link) throw new Error(`${relativePath} goes through a symbolic link (${link}); links are not followed`);
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]); // ENOENT when missing
  if (!isInside(realRoot, realFile)) throw new Error(`${relativePath} is not inside ${root} once links are resolved`);
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${relativePath} is not a regular file`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Do two paths name the same file (same path once resolved, or same device and inode)? */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses (exit code 2) to write `output` when it is one of `inputs`: `gdsl export x.yaml --out x.yaml`
 * would replace the journey it reads.
 */
export async function assertNotAnInput(output: string, inputs: ReadonlyArray<string>, flag = '--out'): Promise<void> {
  for (const input of inputs) {
    if (await sameFile(output, input)) {
      throw new InputError(`${flag} ${output} is the input file ${input}: write the output to another file`, input);
    }
  }
}
