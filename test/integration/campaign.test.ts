/**
 * Campaigns end to end on the demo app: 2 variants × 2 networks; shards merged equal the structure of
 * the whole campaign; --resume after the process was killed mid-campaign loses no finished run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCampaignIndex, runCampaign } from '../../src/run/campaign.js';
import { loadCampaign } from '../../src/run/campaign-file.js';
import { mergeCampaigns } from '../../src/run/merge.js';
import { readResult } from '../../src/output/result-file.js';
import type { CampaignIndex } from '../../src/result/campaign.js';

const campaignFile = 'test/fixtures/campaigns/two-by-two.yaml';
let dir: string;
let whole: CampaignIndex;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-campaign-'));
  ({ index: whole } = await runCampaign(await loadCampaign(campaignFile), { outDir: join(dir, 'whole'), workers: 2 }));
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What must be identical between two indexes of the same campaign (figures differ run to run). */
const structure = (index: CampaignIndex) => ({
  name: index.name,
  sha256: index.sha256,
  status: index.status,
  combinations: index.combinations.map((c) => ({ id: c.id, variant: c.variant, network: c.network, status: c.status, resultFile: c.resultFile, keys: Object.keys(c).sort() })),
});

describe('campaign', () => {
  it('runs every combination with 2 workers, one result per combination, and says they ran in parallel', async () => {
    expect(whole.status).toBe('passed');
    expect(whole.combinations.map((c) => c.id)).toEqual([
      'tiny--journey-device--fiber--pharma-plus',
      'tiny--journey-device--fiber--tensio',
      'tiny--journey-device--wifi--pharma-plus',
      'tiny--journey-device--wifi--tensio',
    ]);
    for (const c of whole.combinations) {
      const result = await readResult(join(dir, 'whole', c.resultFile!));
      expect(result.environment.network.id).toBe(c.network);
      expect(c.ecoscore).toBe(result.summary.ecoscore);
      expect(c.parallel).toBe(true);
    }
    expect(whole.warnings.join(' ')).toContain('may be perturbed');
    expect(await readCampaignIndex(join(dir, 'whole', 'campaign.json'))).toEqual(whole);
  });

  it('applies each variant to the demo app', async () => {
    const dark = await readResult(join(dir, 'whole', 'tiny--journey-device--wifi--pharma-plus', 'result.json'));
    expect(dark.target.variant).toEqual({ theme: 'dark', heavyHome: true });
  });

  it('splits into shards deterministically, and merged shards have the structure of the whole campaign', async () => {
    const loaded = await loadCampaign(campaignFile);
    const one = await runCampaign(loaded, { outDir: join(dir, 'shard-1'), shard: { index: 1, total: 2 } });
    const two = await runCampaign(loaded, { outDir: join(dir, 'shard-2'), shard: { index: 2, total: 2 } });
    expect(one.index.combinations.map((c) => c.id)).toEqual([whole.combinations[0].id, whole.combinations[2].id]);
    expect(two.index.combinations.map((c) => c.id)).toEqual([whole.combinations[1].id, whole.combinations[3].id]);
    const merged = await mergeCampaigns([join(dir, 'shard-1'), join(dir, 'shard-2')], join(dir, 'merged'));
    expect(structure(merged.index)).toEqual(structure(whole));
    expect(merged.index.shard).toBeUndefined();
    for (const c of merged.index.combinations) expect(existsSync(join(dir, 'merged', c.resultFile!))).toBe(true);
  }, 180_000);

  it('resumes after the process was killed mid-campaign without losing a finished run', async () => {
    const out = join(dir, 'resumed');
    const child = spawn(process.execPath, ['bin/ecoscore.js', 'run', campaignFile, '--out', out, '--quiet', '--no-history', '--no-reports'], { stdio: 'ignore' });
    // Kill it once the index shows one finished combination.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        try {
          const index = JSON.parse(readFileSync(join(out, 'campaign.json'), 'utf8')) as CampaignIndex;
          if (index.combinations.some((c) => c.status === 'passed')) {
            clearInterval(timer);
            child.kill('SIGKILL');
            resolve();
          }
        } catch {
          // not written yet
        }
      }, 200);
      child.on('exit', () => {
        clearInterval(timer);
        resolve();
      });
      setTimeout(() => reject(new Error('campaign did not start')), 90_000);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = JSON.parse(await readFile(join(out, 'campaign.json'), 'utf8')) as CampaignIndex;
    const finished = before.combinations.filter((c) => c.status === 'passed');
    expect(finished.length).toBeGreaterThanOrEqual(1);
    expect(finished.length).toBeLessThan(4);
    const startedBefore = new Map<string, string>();
    for (const c of finished) startedBefore.set(c.id, (await readResult(join(out, c.resultFile!))).environment.startedAt);

    const { index } = await runCampaign(await loadCampaign(campaignFile), { outDir: out, resume: true });
    expect(index.status).toBe('passed');
    expect(index.combinations.every((c) => c.status === 'passed')).toBe(true);
    for (const [id, startedAt] of startedBefore) {
      expect((await readResult(join(out, id, 'result.json'))).environment.startedAt).toBe(startedAt);
    }
    expect(index.warnings.join(' ')).toContain('kept (--resume)');
  }, 180_000);
});
