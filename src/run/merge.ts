/**
 * `ecoscore merge`: joins the outputs of a campaign's shards (each a folder with campaign.json and one
 * folder per combination) into one campaign folder whose structure is that of an unsharded run.
 *
 * Everything is checked before the first write (ids, duplicates, that every combination folder is a real
 * folder inside its shard with no symbolic link in it, that the output is new or empty and is none of the
 * shards); the merged campaign is written into a temporary folder beside `--out`, which is renamed into
 * place at the end. A failing merge writes nothing at `--out`.
 */
import { randomBytes } from 'node:crypto';
import { cp, lstat, mkdir, readdir, realpath, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CampaignIndexSchema, COMBINATION_ID_PATTERN, type CampaignIndex, type Combination } from '../result/campaign.js';
import { InputError } from '../shared/input-error.js';
import { writeJsonAtomic } from '../shared/json-file.js';
import { isInside } from '../shared/safe-path.js';
import { readCampaignIndex, indexStatus } from './campaign.js';

/** What a merge produced. */
export interface MergeOutcome {
  index: CampaignIndex;
  indexFile: string;
}

/** The first symbolic link or special file under `dir` (relative path and what it is), or null. */
async function firstNonRegular(dir: string, prefix = ''): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isSymbolicLink()) return `${path} is a symbolic link`;
    if (entry.isDirectory()) {
      const inner = await firstNonRegular(join(dir, entry.name), path);
      if (inner) return inner;
    } else if (!entry.isFile()) return `${path} is not a regular file`;
  }
  return null;
}

/** Checks that `--out` is new or an empty folder, and neither one of the shards nor inside or around one. */
async function checkOutput(outDir: string, shardDirs: readonly string[]): Promise<void> {
  const out = resolve(outDir);
  for (const dir of shardDirs) {
    const shard = resolve(dir);
    if (out === shard || isInside(shard, out) || isInside(out, shard)) {
      throw new InputError(`--out ${outDir}: is, holds or is inside the shard folder ${dir}; merge into a new folder`);
    }
  }
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  if (entries.length > 0) throw new InputError(`--out ${outDir}: the folder is not empty; merge into a new or empty folder (nothing there is overwritten)`);
}

/** Checks the folder of one combination in its shard: a real folder inside the shard, no link inside. */
async function checkCombinationFolder(shardDir: string, combination: Combination): Promise<string> {
  const where = `${join(shardDir, 'campaign.json')}: combination ${combination.id}`;
  if (!COMBINATION_ID_PATTERN.test(combination.id)) throw new InputError(`${where}: the id is not a combination id`);
  const folder = join(shardDir, combination.id);
  const info = await lstat(folder).catch(() => null);
  if (!info) throw new InputError(`${where}: its folder ${folder} is missing`);
  if (info.isSymbolicLink() || !info.isDirectory()) throw new InputError(`${where}: ${folder} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}; not merged`);
  if (!isInside(await realpath(shardDir), await realpath(folder))) throw new InputError(`${where}: ${folder} is outside its shard folder`);
  const problem = await firstNonRegular(folder);
  if (problem) throw new InputError(`${where}: ${problem} in ${folder}; not merged`);
  return folder;
}

/** Merges shard folders (or their campaign.json files) into `outDir`. */
export async function mergeCampaigns(sources: ReadonlyArray<string>, outDir: string): Promise<MergeOutcome> {
  if (sources.length === 0) throw new InputError('merge needs at least one campaign folder or campaign.json');
  const shards: { dir: string; index: CampaignIndex }[] = [];
  for (const source of sources) {
    const file = source.endsWith('.json') ? source : join(source, 'campaign.json');
    shards.push({ dir: dirname(file), index: await readCampaignIndex(file) });
  }
  const first = shards[0].index;
  for (const { dir, index } of shards) {
    if (index.sha256 !== first.sha256) {
      throw new InputError(`${dir}: comes from another campaign file than ${shards[0].dir} (campaign sha256 differ); merge only shards of one campaign`);
    }
  }
  await checkOutput(outDir, shards.map(({ dir }) => dir));

  // Every check before the first write.
  const seen = new Map<string, string>();
  const combinations: Combination[] = [];
  const copies: { from: string; id: string }[] = [];
  for (const { dir, index } of shards) {
    for (const combination of index.combinations) {
      const other = seen.get(combination.id);
      if (other !== undefined) throw new InputError(`combination ${combination.id} is in both ${other} and ${dir}`);
      seen.set(combination.id, dir);
      if (combination.resultFile) copies.push({ from: await checkCombinationFolder(dir, combination), id: combination.id });
      combinations.push(combination);
    }
  }
  combinations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const merged = mergedIndex(shards, combinations);

  // Written aside, renamed into place.
  const temporary = join(dirname(resolve(outDir)), `.${basename(resolve(outDir))}.merge-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(temporary, { recursive: true });
    for (const { from, id } of copies) await cp(from, join(temporary, id), { recursive: true, errorOnExist: true, force: false });
    await writeJsonAtomic(join(temporary, 'campaign.json'), merged);
    await rmdir(outDir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    await rename(temporary, outDir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  return { index: merged, indexFile: join(outDir, 'campaign.json') };
}

function mergedIndex(shards: { dir: string; index: CampaignIndex }[], combinations: Combination[]): CampaignIndex {
  const first = shards[0].index;
  const totals = new Set(shards.map(({ index }) => index.shard?.total).filter((total) => total !== undefined));
  const warnings = [...new Set(shards.flatMap(({ index }) => index.warnings))];
  const shardNumbers = shards.map(({ index }) => index.shard?.index).filter((n): n is number => n !== undefined);
  if (totals.size === 1) {
    const total = [...totals][0]!;
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !shardNumbers.includes(n));
    if (missing.length > 0) warnings.push(`shard(s) ${missing.join(', ')} of ${total} are missing from the merge: their combinations are not in this index`);
  }
  const merged: CampaignIndex = CampaignIndexSchema.parse({
    ...first,
    startedAt: shards.map(({ index }) => index.startedAt).sort()[0],
    finishedAt: shards.some(({ index }) => index.finishedAt === null) ? null : shards.map(({ index }) => index.finishedAt!).sort().at(-1)!,
    status: indexStatus(combinations, false),
    shard: undefined,
    mergedFrom: shards.map(({ dir }) => dir),
    workers: Math.max(...shards.map(({ index }) => index.workers)),
    combinations,
    warnings,
  });
  delete (merged as Partial<CampaignIndex>).shard;
  return merged;
}
