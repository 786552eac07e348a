/**
 * Runs a campaign: every combination (journey × device × network × variant) as its own journey run in
 * `<out>/<combination id>/`, `--workers N` at a time, one shard of the combinations with `--shard I/N`,
 * skipping what is already on disk with `--resume`. `campaign.json` is rewritten after every combination,
 * so an interrupted campaign leaves a valid partial index.
 */
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import pLimit from 'p-limit';
import { loadJourney, type LoadedJourney } from '../journey/load.js';
import { resolveProfiles } from '../journey/profiles.js';
import { CAMPAIGN_SCHEMA_VERSION, CampaignIndexSchema, type CampaignIndex, type Combination } from '../result/campaign.js';
import { readResult } from '../output/result-file.js';
import { scoreFields } from '../result/score-fields.js';
import type { Result } from '../model/result.js';
import { readJsonInput } from '../shared/input-file.js';
import { writeJsonAtomic } from '../shared/json-file.js';
import { errorSummary, slugify } from '../shared/text.js';
import { TOOL } from '../shared/version.js';
import { shardOf, type LoadedCampaign, type PlannedCombination } from './campaign-file.js';
import { runJourney, type RunEvent, type RunOptions } from './journey.js';

/** Progress events of a campaign. */
export type CampaignEvent =
  | { type: 'campaign-start'; name: string; combinations: number; skipped: number; workers: number; outDir: string }
  | { type: 'combination-start'; id: string }
  | { type: 'combination-event'; id: string; event: RunEvent }
  | { type: 'combination-end'; id: string; combination: Combination }
  | { type: 'campaign-end'; index: CampaignIndex; indexFile: string };

/** Options of {@link runCampaign}; run options apply to every combination. */
export interface CampaignOptions
  extends Pick<RunOptions, 'executablePath' | 'browserEndpoint' | 'headed' | 'lighthouse' | 'grid' | 'scoring' | 'usage' | 'cvThreshold' | 'untilStable' | 'signal' | 'keepBrowserOnSignals'> {
  /** Output folder (default: the campaign's `out`, else `reports/campaigns/<name>`). */
  outDir?: string;
  /** Overrides the campaign's and journeys' iterations. */
  iterations?: number;
  /** Combinations run at the same time (default 1: parallel runs perturb each other's CPU and energy figures). */
  workers?: number;
  /** Run only shard `index` of `total`. */
  shard?: { index: number; total: number };
  /** Keep combinations whose finished result is already on disk. */
  resume?: boolean;
  onEvent?: (event: CampaignEvent) => void;
  /** Called after each combination's run (the CLI writes its reports here). */
  afterCombination?: (result: Result, outDir: string) => Promise<void>;
}

/** What a campaign produced. */
export interface CampaignOutcome {
  index: CampaignIndex;
  indexFile: string;
  outDir: string;
}

/** Default output folder of a campaign. */
export function defaultCampaignOutDir(loaded: LoadedCampaign): string {
  return loaded.campaign.out ? resolve(resolve(loaded.file, '..'), loaded.campaign.out) : join('reports', 'campaigns', slugify(loaded.campaign.name));
}

/** The index entry of a combination from its result (or a pending/error entry without one). */
export function combinationEntry(
  plan: PlannedCombination,
  outDir: string,
  result: Result | null,
  extra: { status?: Combination['status']; error?: string; wallTimeMs?: number | null; parallel: boolean; journeyName?: string | null },
): Combination {
  const journeyFile = relative(process.cwd(), plan.journeyFile) || plan.journeyFile;
  if (!result) {
    return {
      id: plan.id,
      journey: { name: extra.journeyName ?? null, file: journeyFile },
      device: plan.device ?? 'journey',
      network: plan.network ?? 'journey',
      variant: plan.variant?.name ?? 'default',
      status: extra.status ?? 'pending',
      ...(extra.error ? { error: extra.error } : {}),
      resultFile: null,
      iterations: null,
      ecoscore: null,
      grade: null,
      scores: null,
      ecoscoreCv: null,
      totals: { durationMs: null, bytes: null, requests: null, energyMah: null },
      footprint: null,
      wallTimeMs: extra.wallTimeMs ?? null,
      parallel: extra.parallel,
    };
  }
  const totals = result.summary.totals as Result['summary']['totals'] & { energyMah?: number | null };
  return {
    id: plan.id,
    journey: { name: result.journey.name, file: journeyFile },
    device: result.environment.device.id,
    network: result.environment.network.id,
    variant: plan.variant?.name ?? 'default',
    status: result.status === 'passed' ? 'passed' : result.status === 'interrupted' || result.status === 'running' ? 'interrupted' : 'failed',
    resultFile: join(plan.id, 'result.json'),
    ...scoreFields(result),
    totals: { durationMs: totals.durationMs, bytes: totals.bytes, requests: totals.requests, energyMah: totals.energyMah ?? null },
    footprint: result.summary.footprint,
    wallTimeMs: extra.wallTimeMs ?? null,
    parallel: extra.parallel,
  };
}

/** Status of a whole index from its combinations. */
export function indexStatus(combinations: ReadonlyArray<Combination>, interrupted: boolean): CampaignIndex['status'] {
  if (interrupted || combinations.some((c) => c.status === 'pending' || c.status === 'interrupted')) return 'interrupted';
  return combinations.every((c) => c.status === 'passed') ? 'passed' : 'failed';
}

/** Loads the journey of a combination with its variant's variables and target overrides. */
async function loadCombinationJourney(plan: PlannedCombination): Promise<LoadedJourney> {
  const loaded = await loadJourney(plan.journeyFile, { vars: plan.variant?.vars });
  const target = loaded.journey.target;
  if (plan.variant && target.platform === 'web') {
    if (plan.variant.url) target.url = plan.variant.url;
    if (plan.variant.demo) target.variant = { ...target.variant, ...plan.variant.demo };
  }
  return loaded;
}

/** Reads a finished result of a previous run of the campaign, or null. */
async function finishedResult(file: string): Promise<Result | null> {
  try {
    const result = await readResult(file);
    return result.status === 'passed' || result.status === 'failed' ? result : null;
  } catch {
    return null;
  }
}

/**
 * Loads every combination's journey and resolves its profiles before anything runs: bad input stops the
 * campaign with exit code 2 before a single measure.
 */
async function loadCombinationJourneys(plans: ReadonlyArray<PlannedCombination>): Promise<Map<string, LoadedJourney>> {
  const journeys = new Map<string, LoadedJourney>();
  for (const plan of plans) {
    const journey = await loadCombinationJourney(plan);
    await resolveProfiles(journey, { device: plan.device, network: plan.network });
    journeys.set(plan.id, journey);
  }
  return journeys;
}

/** The index entries before any run: pending, or (with `--resume`) the finished result already on disk. */
async function initialEntries(
  plans: ReadonlyArray<PlannedCombination>,
  journeys: ReadonlyMap<string, LoadedJourney>,
  outDir: string,
  resume: boolean | undefined,
): Promise<{ entries: Map<string, Combination>; skipped: number }> {
  const entries = new Map<string, Combination>();
  let skipped = 0;
  for (const plan of plans) {
    const previous = resume ? await finishedResult(join(outDir, plan.id, 'result.json')) : null;
    if (previous) skipped++;
    entries.set(
      plan.id,
      combinationEntry(plan, outDir, previous, { parallel: false, journeyName: journeys.get(plan.id)!.journey.name, wallTimeMs: previous ? previousWallTime(previous) : null }),
    );
  }
  return { entries, skipped };
}

/** The warnings of the index: parallel runs perturb each other, kept combinations were not measured now. */
function campaignWarnings(workers: number, parallel: boolean, skipped: number): string[] {
  const warnings: string[] = [];
  if (parallel) warnings.push(`${workers} combinations ran at the same time: CPU time and modelled energy may be perturbed; use --workers 1 for figures to publish`);
  if (skipped > 0) warnings.push(`${skipped} combination(s) were already measured and kept (--resume)`);
  return warnings;
}

/** One campaign run: what its combinations share, and their index entries as they finish. */
interface CampaignRun {
  loaded: LoadedCampaign;
  options: CampaignOptions;
  outDir: string;
  plans: ReadonlyArray<PlannedCombination>;
  workers: number;
  /** More than one combination at a time. */
  parallel: boolean;
  entries: Map<string, Combination>;
  startedAt: string;
  warnings: string[];
  emit: (event: CampaignEvent) => void;
}

/** The index as it is now: `running` while `finishedAt` is null. */
function buildIndex(run: CampaignRun, finishedAt: string | null): CampaignIndex {
  const { loaded, options } = run;
  const combinations = run.plans.map((plan) => run.entries.get(plan.id)!);
  return {
    schemaVersion: CAMPAIGN_SCHEMA_VERSION,
    tool: { ...TOOL },
    name: loaded.campaign.name,
    file: loaded.file,
    sha256: loaded.sha256,
    startedAt: run.startedAt,
    finishedAt,
    status: finishedAt === null ? 'running' : indexStatus(combinations, options.signal?.aborted ?? false),
    ...(options.shard ? { shard: options.shard } : {}),
    workers: run.workers,
    iterations: options.iterations ?? loaded.campaign.iterations ?? 0,
    combinations,
    warnings: [...run.warnings],
  };
}

/** Writes the index to `indexFile` and returns it. Writes are queued: two workers finishing together must not interleave their writes. */
function queuedIndexWriter(run: CampaignRun, indexFile: string): (finishedAt: string | null) => Promise<CampaignIndex> {
  let writing = Promise.resolve();
  return (finishedAt) => {
    const index = CampaignIndexSchema.parse(buildIndex(run, finishedAt));
    writing = writing.then(() => writeJsonAtomic(indexFile, index));
    return writing.then(() => index);
  };
}

/** Runs one combination in `<out>/<id>/` and returns its index entry (an `error` entry when the run throws). */
async function runCombination(run: CampaignRun, plan: PlannedCombination, journey: LoadedJourney): Promise<Combination> {
  const { loaded, options, outDir, parallel } = run;
  const combinationDir = join(outDir, plan.id);
  const t0 = performance.now();
  try {
    const { result } = await runJourney(journey, {
      ...options,
      outDir: combinationDir,
      device: plan.device,
      network: plan.network,
      iterations: options.iterations ?? loaded.campaign.iterations,
      onEvent: (event) => run.emit({ type: 'combination-event', id: plan.id, event }),
    });
    await options.afterCombination?.(result, combinationDir);
    return combinationEntry(plan, outDir, result, { parallel, wallTimeMs: Math.round(performance.now() - t0) });
  } catch (error) {
    return combinationEntry(plan, outDir, null, {
      status: 'error',
      error: journey.redactor.redact(errorSummary(error)),
      parallel,
      journeyName: journey.journey.name,
      wallTimeMs: Math.round(performance.now() - t0),
    });
  }
}

/** Runs a campaign and writes `<out>/campaign.json`. */
export async function runCampaign(loaded: LoadedCampaign, options: CampaignOptions = {}): Promise<CampaignOutcome> {
  const outDir = options.outDir ?? defaultCampaignOutDir(loaded);
  const indexFile = join(outDir, 'campaign.json');
  const workers = Math.max(1, options.workers ?? 1);
  const plans = options.shard ? shardOf(loaded.combinations, options.shard.index, options.shard.total) : loaded.combinations;
  const emit = options.onEvent ?? (() => undefined);
  await mkdir(outDir, { recursive: true });
  const journeys = await loadCombinationJourneys(plans);

  const parallel = workers > 1 && plans.length > 1;
  const { entries, skipped } = await initialEntries(plans, journeys, outDir, options.resume);
  const warnings = campaignWarnings(workers, parallel, skipped);
  const run: CampaignRun = { loaded, options, outDir, plans, workers, parallel, entries, startedAt: new Date().toISOString(), warnings, emit };
  const writeIndex = queuedIndexWriter(run, indexFile);
  await writeIndex(null);
  emit({ type: 'campaign-start', name: loaded.campaign.name, combinations: plans.length, skipped, workers, outDir });

  const limit = pLimit(workers);
  await Promise.all(
    plans.map((plan) =>
      limit(async () => {
        if (entries.get(plan.id)!.status !== 'pending' || options.signal?.aborted) return;
        emit({ type: 'combination-start', id: plan.id });
        const entry = await runCombination(run, plan, journeys.get(plan.id)!);
        entries.set(plan.id, entry);
        await writeIndex(null);
        emit({ type: 'combination-end', id: plan.id, combination: entry });
      }),
    ),
  );
  const index = await writeIndex(new Date().toISOString());
  emit({ type: 'campaign-end', index, indexFile });
  return { index, indexFile, outDir };
}

function previousWallTime(result: Result): number | null {
  const finished = result.environment.finishedAt;
  return finished ? Date.parse(finished) - Date.parse(result.environment.startedAt) : null;
}

/** Reads and validates a campaign.json. */
export async function readCampaignIndex(file: string): Promise<CampaignIndex> {
  return readJsonInput(file, 'campaign index', CampaignIndexSchema, 'campaign');
}

