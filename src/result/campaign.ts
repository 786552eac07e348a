/**
 * campaign.json: the index of a measurement campaign (journeys × devices × networks × variants), one
 * entry per combination with its headline figures and the path of its result.json. Written after every
 * combination, so an interrupted campaign leaves a valid partial index. Shards write the same structure
 * with `shard` set; `ecoscore merge` joins them into the structure of an unsharded run.
 */
import { z } from 'zod';
import { FootprintSchema } from '../model/result.js';
import { ScoreStatusFieldSchema, ScoresFieldSchema } from './score-fields.js';

/** Current version of the campaign index format. */
export const CAMPAIGN_SCHEMA_VERSION = 1;

const nullableNumber = z.number().nullable();

/**
 * A combination id: the slugs of journey, device, network and variant joined by `--` — lower-case letters,
 * digits and dashes only, so that it is always one plain folder name (never `..`, never a path).
 */
export const COMBINATION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,254}$/;

/** One combination of the campaign. */
export const CombinationSchema = z.object({
  /** Stable id: `<journey>--<device>--<network>--<variant>` (file-name safe, {@link COMBINATION_ID_PATTERN}). */
  id: z.string().regex(COMBINATION_ID_PATTERN, 'is not a combination id (lower-case letters, digits and dashes)'),
  journey: z.object({ name: z.string().nullable(), file: z.string() }),
  device: z.string(),
  network: z.string(),
  /** Variant name (`default` when the campaign has none). */
  variant: z.string(),
  /** `pending`: not run yet (interrupted campaign or another shard); `error`: could not run at all. */
  status: z.enum(['pending', 'passed', 'failed', 'interrupted', 'error']),
  error: z.string().optional(),
  /** result.json of the combination, relative to the campaign folder. */
  resultFile: z.string().nullable(),
  iterations: z.number().int().nullable(),
  ecoscore: nullableNumber,
  grade: z.string().nullable(),
  /** Why the run has (or has no) grade: the result's `summary.status` (methodology 2.0; absent from older files). */
  scoreStatus: ScoreStatusFieldSchema,
  scores: ScoresFieldSchema,
  /** Coefficient of variation of the journey ecoscore over the iterations. */
  ecoscoreCv: nullableNumber,
  totals: z.object({ durationMs: nullableNumber, bytes: nullableNumber, requests: nullableNumber, energyMah: nullableNumber }),
  footprint: FootprintSchema.nullable(),
  /** Wall time of the combination's run, ms. */
  wallTimeMs: nullableNumber,
  /** True when this combination ran while others ran in parallel (energy figures may be perturbed). */
  parallel: z.boolean(),
}).superRefine((combination, ctx) => {
  if (combination.resultFile !== null && combination.resultFile.replace(/\\/g, '/') !== `${combination.id}/result.json`) {
    ctx.addIssue({ code: 'custom', path: ['resultFile'], message: `must be ${combination.id}/result.json (the result of the combination, in its own folder)` });
  }
});
/** One combination. */
export type Combination = z.infer<typeof CombinationSchema>;

/** The campaign index (contract: CI scripts read these names; fields may be added). */
export const CampaignIndexSchema = z.object({
  schemaVersion: z.literal(CAMPAIGN_SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  name: z.string(),
  /** Campaign file as given. */
  file: z.string(),
  /** sha256 of the campaign file. */
  sha256: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'passed', 'failed', 'interrupted']),
  /** Set on a shard's index; absent on a whole or merged campaign. */
  shard: z.object({ index: z.number().int(), total: z.number().int() }).optional(),
  /** Shards a merged index was built from. */
  mergedFrom: z.array(z.string()).optional(),
  workers: z.number().int(),
  iterations: z.number().int(),
  combinations: z.array(CombinationSchema),
  warnings: z.array(z.string()),
});
/** campaign.json. */
export type CampaignIndex = z.infer<typeof CampaignIndexSchema>;
