/**
 * `ecoscore merge`: joins the outputs of a campaign's shards (each a folder with campaign.json and one
 * folder per combination) into one campaign folder whose structure is that of an unsharded run.
 */
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CampaignIndexSchema, type CampaignIndex, type Combination } from '../result/campaign.js';
import { InputError } from '../shared/input-error.js';
import { writeJsonAtomic } from '../shared/json-file.js';
import { readCampaignIndex, indexStatus } from './campaign.js';

/** What a merge produced. */
export interface MergeOutcome {
  index: CampaignIndex;
  indexFile: string;
}

/** Merges shard folders (or their campaign.json files) into `outDir`. */
export async function mergeCampaigns(sources: ReadonlyArray<string>, outDir: string): Promise<MergeOutcome> {
  if (sources.length === 0) throw new InputError('merge needs at least one campaign folder or campaign.json');
  const shards: { dir: string; index: CampaignIndex }[] = [];
  for (const source of sources) {
    const file = source.endsWith('.json') ? source : join(source, 'campaign.json');
    shards.push({ dir: join(file, '..'), index: await readCampaignIndex(file) });
  }
  const first = shards[0].index;
  for (const { dir, index } of shards) {
    if (index.sha256 !== first.sha256) {
      throw new InputError(`${dir}: comes from another campaign file than ${shards[0].dir} (campaign sha256 differ); merge only shards of one campaign`);
    }
  }
  const totals = new Set(shards.map(({ index }) => index.shard?.total).filter((total) => total !== undefined));
  const seen = new Map<string, string>();
  const combinations: Combination[] = [];
  await mkdir(outDir, { recursive: true });
  for (const { dir, index } of shards) {
    for (const combination of index.combinations) {
      const other = seen.get(combination.id);
      if (other !== undefined) throw new InputError(`combination ${combination.id} is in both ${other} and ${dir}`);
      seen.set(combination.id, dir);
      if (combination.resultFile) {
        await cp(join(dir, combination.id), join(outDir, combination.id), { recursive: true, force: true });
      }
      combinations.push(combination);
    }
  }
  combinations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
  const indexFile = join(outDir, 'campaign.json');
  await writeJsonAtomic(indexFile, merged);
  return { index: merged, indexFile };
}
