/**
 * Budgets (`ecoscore compare --budget budgets.yaml`, `ecoscore run --budget`): limits per journey and per
 * step on bytes, energy, duration and scores. A zod-validated file; checking is pure.
 *
 * ```yaml
 * journey: { minEcoscore: 70, minScores: { data: 60 }, maxBytes: 5MB, maxEnergyMah: 3, maxDurationMs: 60s }
 * steps:
 *   login page: { maxBytes: 100kB, maxDurationMs: 2s }
 * journeys:            # optional: budgets of one journey by name, applied on top of the above
 *   "Demo health app — record a blood pressure measure": { journey: { minEcoscore: 80 } }
 * ```
 *
 * The gate fails closed: a budget with no limit, a limit on a step the journey does not have, a journey no
 * budget applies to, or a figure that was not measured cannot be checked, and {@link checkBudget} lists it
 * in `unchecked` (the commands then exit with code 2) rather than passing.
 */
import { z } from 'zod';
import { strictObject } from '../shared/strict-object.js';
import { durationMsOrIssue, MAX_DURATION_MS } from '../journey/duration.js';
import { closestMatch } from '../shared/closest-match.js';
import { InputError } from '../shared/input-error.js';
import { readInputFile } from '../shared/input-file.js';
import { parseYamlInput } from '../shared/yaml-input.js';
import type { Result } from '../model/result.js';

const SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(B|kB|KB|MB|GB)?\s*$/;
const SIZE_FACTOR: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/** The largest size a budget may give: 1 TB, far above any journey. */
const MAX_BUDGET_BYTES = 1e12;

/** A size in bytes: a number, or `500kB`, `2MB` (1 kB = 1000 bytes, as EcoIndex); at most 1 TB. */
const BytesSchema = z.union([z.number().nonnegative().max(MAX_BUDGET_BYTES), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const match = SIZE_PATTERN.exec(value);
  const bytes = match ? Number(match[1]) * SIZE_FACTOR[match[2] ?? 'B'] : undefined;
  if (bytes === undefined || !Number.isFinite(bytes)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a size; write it like 500kB, 2MB or a number of bytes` });
    return z.NEVER;
  }
  if (bytes > MAX_BUDGET_BYTES) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is more than 1 TB, the largest size a budget may give` });
    return z.NEVER;
  }
  return bytes;
});

const MillisecondsSchema = z
  .union([z.number().nonnegative().max(MAX_DURATION_MS), z.string()])
  .transform((value, ctx) => durationMsOrIssue(value, ctx, 'budget', '500ms, 2s or 1m') ?? z.NEVER);

const Score = z.number().min(0).max(100);

const LimitsSchema = strictObject({
  minEcoscore: Score.optional(),
  minScores: strictObject({ energy: Score.optional(), performance: Score.optional(), data: Score.optional() }).optional(),
  maxBytes: BytesSchema.optional(),
  maxRequests: z.number().int().nonnegative().max(1e9).optional(),
  maxEnergyMah: z.number().nonnegative().max(1e6).optional(),
  maxDurationMs: MillisecondsSchema.optional(),
}).superRefine((limits, ctx) => {
  if (countLimits(limits) === 0) ctx.addIssue({ code: 'custom', message: 'sets no limit: an empty budget would pass everything' });
});

const JourneyBudgetSchema = strictObject({
  journey: LimitsSchema.optional(),
  steps: z.record(z.string(), LimitsSchema).optional(),
});

/** The budget file. */
export const BudgetSchema = strictObject({
  journey: LimitsSchema.optional(),
  steps: z.record(z.string(), LimitsSchema).optional(),
  journeys: z.record(z.string(), JourneyBudgetSchema).optional(),
}).superRefine((budget, ctx) => {
  const scopes = [budget.journey, ...Object.values(budget.steps ?? {}), ...Object.values(budget.journeys ?? {}).flatMap((j) => [j.journey, ...Object.values(j.steps ?? {})])];
  if (!scopes.some((limits) => limits && countLimits(limits) > 0)) ctx.addIssue({ code: 'custom', message: 'sets no limit: an empty budget would pass everything' });
});

function countLimits(limits: { minScores?: Record<string, unknown> } & Record<string, unknown>): number {
  return Object.entries(limits).filter(([key, value]) => value !== undefined && key !== 'minScores').length + Object.values(limits.minScores ?? {}).filter((v) => v !== undefined).length;
}

/** Limits of one scope. */
export type Limits = z.output<typeof LimitsSchema>;
/** A budget file after validation. */
export type Budget = z.output<typeof BudgetSchema>;

/** A broken budget. */
export interface BudgetViolation {
  /** `journey` or the step name. */
  scope: string;
  figure: string;
  limit: number;
  actual: number;
  message: string;
}

/** The outcome of a budget check. */
export interface BudgetCheck {
  violations: BudgetViolation[];
  /**
   * What could not be checked (no budget for the journey, a step it does not have, a figure not
   * measured): the gate fails closed on any of these.
   */
  unchecked: string[];
  /** Notes that do not change the outcome. */
  warnings: string[];
}

function checkLimits(scope: string, limits: Limits, figures: { ecoscore: number | null; scores: Record<'energy' | 'performance' | 'data', number | null> | null; bytes: number | null; requests: number | null; energyMah: number | null; durationMs: number | null }, out: BudgetCheck): void {
  const check = (figure: string, actual: number | null, limit: number | undefined, kind: 'min' | 'max') => {
    if (limit === undefined) return;
    if (actual === null) {
      out.unchecked.push(`${scope}: ${figure} was not measured, its budget (${kind} ${limit}) could not be checked`);
      return;
    }
    if (kind === 'max' ? actual > limit : actual < limit) {
      out.violations.push({ scope, figure, limit, actual, message: `${scope}: ${figure} ${round(actual)} is ${kind === 'max' ? 'above' : 'below'} its budget of ${limit}` });
    }
  };
  check('ecoscore', figures.ecoscore, limits.minEcoscore, 'min');
  for (const name of ['energy', 'performance', 'data'] as const) check(`${name} score`, figures.scores?.[name] ?? null, limits.minScores?.[name], 'min');
  check('bytes', figures.bytes, limits.maxBytes, 'max');
  check('requests', figures.requests, limits.maxRequests, 'max');
  check('energyMah', figures.energyMah, limits.maxEnergyMah, 'max');
  check('durationMs', figures.durationMs, limits.maxDurationMs, 'max');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A journey a budget is checked on: its name and step names. */
export interface BudgetedJourney {
  name: string;
  steps: readonly string[];
}

/**
 * What in `budget` cannot be checked on `journeys` (one sentence each): no budget applies to a journey,
 * a step budget names a step the journey does not have, a `journeys:` key looks like a misspelt journey
 * name. With `allJourneys` (the journeys of a whole run are known), a `journeys:` key naming none of
 * them is one too.
 */
export function budgetScopeProblems(budget: Budget, journeys: readonly BudgetedJourney[], options: { allJourneys?: boolean } = {}): string[] {
  const problems: string[] = [];
  const names = journeys.map((journey) => journey.name);
  for (const key of Object.keys(budget.journeys ?? {})) {
    if (names.includes(key)) continue;
    const suggestion = closestMatch(key, names);
    if (options.allJourneys || suggestion) {
      problems.push(`the budget names the journey "${key}", which was not measured${suggestion ? ` (did you mean "${suggestion}"?)` : names.length ? ` (measured: ${names.map((n) => `"${n}"`).join(', ')})` : ''}`);
    }
  }
  for (const journey of journeys) {
    const specific = budget.journeys && Object.hasOwn(budget.journeys, journey.name) ? budget.journeys[journey.name] : undefined;
    if (!specific && !budget.journey && !budget.steps) {
      problems.push(`no budget applies to the journey "${journey.name}" (the budget names only ${Object.keys(budget.journeys ?? {}).map((n) => `"${n}"`).join(', ')})`);
    }
    for (const steps of [budget.steps, specific?.steps]) {
      for (const name of Object.keys(steps ?? {})) {
        if (journey.steps.includes(name)) continue;
        const suggestion = closestMatch(name, journey.steps);
        problems.push(`the budget of step "${name}" cannot be checked: the journey "${journey.name}" has no such step${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
      }
    }
  }
  return problems;
}

/** Checks a result against a budget; see {@link BudgetCheck} for what fails closed. */
export function checkBudget(result: Result, budget: Budget): BudgetCheck {
  const out: BudgetCheck = { violations: [], unchecked: [], warnings: [] };
  out.unchecked.push(...budgetScopeProblems(budget, [{ name: result.journey.name, steps: result.steps.map((step) => step.name) }]));
  const specific = budget.journeys && Object.hasOwn(budget.journeys, result.journey.name) ? budget.journeys[result.journey.name] : undefined;
  const totals = result.summary.totals as Record<string, number | null>;
  const journeyFigures = {
    ecoscore: result.summary.ecoscore,
    scores: result.summary.scores,
    bytes: totals.bytes ?? null,
    requests: totals.requests ?? null,
    energyMah: totals.energyMah ?? null,
    durationMs: totals.durationMs ?? null,
  };
  for (const limits of [budget.journey, specific?.journey]) if (limits) checkLimits('journey', limits, journeyFigures, out);
  for (const steps of [budget.steps, specific?.steps]) {
    for (const [name, limits] of Object.entries(steps ?? {})) {
      const step = result.steps.find((candidate) => candidate.name === name);
      if (!step) continue; // in `unchecked` already
      checkLimits(`step "${name}"`, limits, {
        ecoscore: step.scores?.ecoscore ?? null,
        scores: step.scores,
        bytes: step.metrics.bytes,
        requests: step.metrics.requests,
        energyMah: step.metrics.energyMah,
        durationMs: step.metrics.durationMs,
      }, out);
    }
  }
  return out;
}

/** Reads and validates a budget file (YAML or JSON); problems name the file, line and field. */
export async function loadBudget(file: string): Promise<Budget> {
  const source = await readInputFile(file, 'budget file');
  const input = parseYamlInput(source, file);
  if (input.data === null || input.data === undefined) throw new InputError(`${file}:1: the budget file is empty: an empty budget would pass everything`, file, 1);
  const parsed = BudgetSchema.safeParse(input.data, { reportInput: true });
  if (!parsed.success) throw input.issueToError(parsed.error.issues[0]);
  return parsed.data;
}
