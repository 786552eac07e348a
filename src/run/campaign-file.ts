/**
 * Campaign files (`ecoscore run campaign.yaml`): journeys × devices × networks × variants, validated by
 * a strict zod schema with file:line errors. A variant is one deployment of a white-label product: named
 * variables substituted into the journeys (`${var:NAME}`) and optional target overrides (its URL, or the
 * embedded demo app's options).
 */
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { strictObject } from '../shared/strict-object.js';
import { closestMatch } from '../shared/closest-match.js';
import { deviceProfileIds, networkProfileIds } from '../profiles/index.js';
import { InputError, inputErrorAt } from '../shared/input-error.js';
import { readInputFile } from '../shared/input-file.js';
import { slugify } from '../shared/text.js';
import { parseYamlInput } from '../shared/yaml-input.js';

const VariantSchema = strictObject({
  name: z.string().min(1).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, dots, dashes and underscores'),
  description: z.string().optional(),
  vars: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().meta({
    description: 'Values of ${var:NAME} in the journeys.',
  }),
  url: z.string().min(1).optional().meta({ description: 'Replaces the web target URL of the journeys.' }),
  demo: z
    .record(z.string(), z.union([z.string(), z.boolean(), z.number()]))
    .optional()
    .meta({ description: 'Options of the embedded demo app (theme, heavyHome) when the target is url: demo.' }),
});

/** The campaign file. */
export const CampaignSchema = strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  journeys: z.array(z.string().min(1)).min(1, { message: 'a campaign needs at least one journey' }),
  devices: z.array(z.string().min(1)).min(1).optional().meta({ description: 'Device profile ids or files (default: each journey’s own).' }),
  networks: z.array(z.string().min(1)).min(1).optional().meta({ description: 'Network profile ids or files (default: each journey’s own).' }),
  variants: z.array(VariantSchema).min(1).optional(),
  iterations: z.number().int().min(1).max(100).optional().meta({ description: 'Overrides the journeys’ iterations.' }),
  out: z.string().min(1).optional().meta({ description: 'Output folder, relative to the campaign file.' }),
}).superRefine((campaign, ctx) => {
  const names = new Set<string>();
  for (const [index, variant] of (campaign.variants ?? []).entries()) {
    if (names.has(variant.name)) ctx.addIssue({ code: 'custom', path: ['variants', index, 'name'], message: `duplicate variant name "${variant.name}"` });
    names.add(variant.name);
  }
});

/** A variant after validation. */
export type Variant = z.output<typeof VariantSchema>;
/** A campaign after validation. */
export type Campaign = z.output<typeof CampaignSchema>;

/** One combination to run. */
export interface PlannedCombination {
  id: string;
  /** Journey file, resolved against the campaign file's folder. */
  journeyFile: string;
  /** Device and network as given (undefined: the journey's own). */
  device?: string;
  network?: string;
  variant: Variant | null;
}

/** A loaded campaign. */
export interface LoadedCampaign {
  campaign: Campaign;
  file: string;
  sha256: string;
  combinations: PlannedCombination[];
}

/** True when a YAML/JSON file is a campaign rather than a journey (it has `journeys:`). */
export function looksLikeCampaign(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'journeys' in data && !('steps' in data);
}

/**
 * Validates campaign text; `file` locates relative paths and names errors. `vars` (from `--var`) are
 * given to every combination; a variant's own `vars` win over them.
 */
export function parseCampaign(source: string, file: string, vars: Record<string, string | number | boolean> = {}): LoadedCampaign {
  const input = parseYamlInput(source, file);
  const parsed = CampaignSchema.safeParse(input.data, { reportInput: true });
  if (!parsed.success) throw input.issueToError(parsed.error.issues[0]);
  const campaign = parsed.data;
  for (const [field, ids] of [['devices', deviceProfileIds], ['networks', networkProfileIds]] as const) {
    for (const [index, value] of (campaign[field] ?? []).entries()) {
      if (value.endsWith('.json') || (ids as readonly string[]).includes(value)) continue;
      const suggestion = closestMatch(value, [...ids]);
      throw inputErrorAt(file, input.lineOf([field, index]), [field, index], `unknown ${field.slice(0, -1)} "${value}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
    }
  }
  const base = dirname(file);
  const combinations: PlannedCombination[] = [];
  for (const journey of campaign.journeys) {
    for (const device of campaign.devices ?? [undefined]) {
      for (const network of campaign.networks ?? [undefined]) {
        for (const variant of campaign.variants ?? [null]) {
          const id = [slugify(journey.replace(/\.(ya?ml|json)$/, '').split('/').pop()!), device ?? 'journey-device', network ?? 'journey-network', variant?.name ?? 'default']
            .map((part) => slugify(part))
            .join('--');
          const merged = variant ? { ...variant, vars: { ...vars, ...variant.vars } } : Object.keys(vars).length ? { name: 'default', vars } : null;
          combinations.push({ id, journeyFile: resolve(base, journey), device, network, variant: merged });
        }
      }
    }
  }
  // Deterministic order (sharding depends on it) and unique ids.
  combinations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < combinations.length; i++) {
    if (combinations[i].id === combinations[i - 1].id) throw new InputError(`${file}: two combinations share the id ${combinations[i].id}; give the journeys distinct file names`, file);
  }
  return { campaign, file, sha256: createHash('sha256').update(source).digest('hex'), combinations };
}

/** Reads and validates a campaign file. */
export async function loadCampaign(file: string, vars: Record<string, string | number | boolean> = {}): Promise<LoadedCampaign> {
  const source = await readInputFile(file, 'campaign file');
  return parseCampaign(source, file, vars);
}

/** The combinations of shard `index` (1-based) of `total`: every total-th combination in id order. */
export function shardOf<T>(combinations: ReadonlyArray<T>, index: number, total: number): T[] {
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(index) || index < 1 || index > total) {
    throw new InputError(`--shard must be I/N with 1 ≤ I ≤ N, got ${index}/${total}`);
  }
  return combinations.filter((_, position) => position % total === index - 1);
}
