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
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { strictObject } from '../shared/strict-object.js';
import { parseDurationMs } from '../journey/duration.js';
import { closestMatch } from '../profiles/closest-match.js';
import { InputError } from '../shared/input-error.js';
import { parseYamlInput } from '../shared/yaml-input.js';
import type { Result } from './schema.js';

const SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(B|kB|KB|MB|GB)?\s*$/;
const SIZE_FACTOR: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/** A size in bytes: a number, or `500kB`, `2MB` (1 kB = 1000 bytes, as EcoIndex). */
const BytesSchema = z.union([z.number().nonnegative(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const match = SIZE_PATTERN.exec(value);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a size; write it like 500kB, 2MB or a number of bytes` });
    return z.NEVER;
  }
  return Number(match[1]) * SIZE_FACTOR[match[2] ?? 'B'];
});

const MillisecondsSchema = z.union([z.number().nonnegative(), z.string()]).transform((value, ctx) => {
  const ms = parseDurationMs(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration; write it like 500ms, 2s or 1m` });
    return z.NEVER;
  }
  return ms;
});

const Score = z.number().min(0).max(100);

const LimitsSchema = strictObject({
  minEcoscore: Score.optional(),
  minScores: strictObject({ energy: Score.optional(), performance: Score.optional(), data: Score.optional() }).optional(),
  maxBytes: BytesSchema.optional(),
  maxRequests: z.number().int().nonnegative().optional(),
  maxEnergyMah: z.number().nonnegative().optional(),
  maxDurationMs: MillisecondsSchema.optional(),
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
});

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
  /** Budgets that could not be checked (unknown step, figure not measured). */
  warnings: string[];
}

function checkLimits(scope: string, limits: Limits, figures: { ecoscore: number | null; scores: Record<'energy' | 'performance' | 'data', number | null> | null; bytes: number | null; requests: number | null; energyMah: number | null; durationMs: number | null }, out: BudgetCheck): void {
  const check = (figure: string, actual: number | null, limit: number | undefined, kind: 'min' | 'max') => {
    if (limit === undefined) return;
    if (actual === null) {
      out.warnings.push(`${scope}: ${figure} was not measured, its budget (${kind} ${limit}) could not be checked`);
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

/** Checks a result against a budget. */
export function checkBudget(result: Result, budget: Budget): BudgetCheck {
  const out: BudgetCheck = { violations: [], warnings: [] };
  const specific = budget.journeys?.[result.journey.name];
  if (budget.journeys && !specific && !budget.journey && !budget.steps) {
    out.warnings.push(`no budget names the journey "${result.journey.name}"`);
  }
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
  const names = result.steps.map((step) => step.name);
  for (const steps of [budget.steps, specific?.steps]) {
    for (const [name, limits] of Object.entries(steps ?? {})) {
      const step = result.steps.find((candidate) => candidate.name === name);
      if (!step) {
        const suggestion = closestMatch(name, names);
        out.warnings.push(`budget for step "${name}": the journey has no such step${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
        continue;
      }
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
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read the budget file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, file);
  }
  const input = parseYamlInput(source, file);
  const parsed = BudgetSchema.safeParse(input.data ?? {}, { reportInput: true });
  if (!parsed.success) throw input.issueToError(parsed.error.issues[0]);
  return parsed.data;
}
