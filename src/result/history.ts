/**
 * Run history: one JSON line per run in a history file (default `reports/history.jsonl`), so that CI and reports
 * can show the ecoscore's trend across commits. This file is the line (its schema, what it keeps of a result);
 * output/history-file.ts appends and reads the file.
 */
import { z } from 'zod';
import type { Result } from '../model/result.js';
import { ScoreStatusFieldSchema, ScoresFieldSchema, scoreFields } from './score-fields.js';

/** Default history file. */
export const DEFAULT_HISTORY_FILE = 'reports/history.jsonl';

const nullableNumber = z.number().nullable();

/** Per-step figures of a history line (medians over the run's iterations). */
export const HistoryStepSchema = z.object({
  name: z.string(),
  type: z.string(),
  status: z.string(),
  bytes: nullableNumber,
  requests: nullableNumber,
  energyMah: nullableNumber,
  durationMs: nullableNumber,
});
/** Per-step figures of a history line. */
export type HistoryStep = z.infer<typeof HistoryStepSchema>;

/** One line of the history. */
export const HistoryEntrySchema = z.object({
  date: z.string(),
  journey: z.object({ name: z.string(), sha256: z.string() }),
  target: z.string().nullable(),
  device: z.string(),
  network: z.string(),
  git: z.object({ commit: z.string().nullable(), branch: z.string().nullable(), dirty: z.boolean().nullable() }).nullable(),
  status: z.string(),
  iterations: z.number().int(),
  ecoscore: nullableNumber,
  grade: z.string().nullable(),
  /** Why the run has (or has no) grade: the result's `summary.status` (methodology 2.0; absent from older files). */
  scoreStatus: ScoreStatusFieldSchema,
  scores: ScoresFieldSchema,
  ecoscoreCv: nullableNumber,
  totals: z.object({ durationMs: nullableNumber, bytes: nullableNumber, energyMah: nullableNumber }),
  ghgGrams: nullableNumber,
  resultFile: z.string(),
  // Added for the history dashboard (optional: older lines stay readable).
  /** Version of the methodology that scored the run; absent on older lines (methodology 1.x). */
  methodologyVersion: z.string().nullable().optional(),
  /** The ecoscore's range over the run's iterations (its spread). */
  ecoscoreRange: z.object({ min: z.number(), max: z.number() }).nullable().optional(),
  /** Per-step medians: bytes, energy (mAh), duration (ms), requests. */
  steps: z.array(HistoryStepSchema).optional(),
});
/** A history entry. */
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `environment.methodology.version` when the result has one (methodology 2.0 on), else null. */
function methodologyVersionOf(result: Result): string | null {
  const methodology = (result.environment as { methodology?: { version?: unknown } }).methodology;
  return typeof methodology?.version === 'string' ? methodology.version : null;
}

function rangeOf(spread: { min?: unknown; max?: unknown } | undefined): { min: number; max: number } | null {
  return typeof spread?.min === 'number' && typeof spread.max === 'number' ? { min: spread.min, max: spread.max } : null;
}

/** The history entry of a result. */
export function historyEntry(result: Result, resultFile: string): HistoryEntry {
  const totals = result.summary.totals as Record<string, number | null>;
  const git = (result.environment.git as HistoryEntry['git'] | undefined) ?? null;
  const target = result.target as { url?: unknown; appPackage?: unknown; bundleId?: unknown };
  return {
    date: result.environment.startedAt,
    journey: { name: result.journey.name, sha256: result.journey.sha256 },
    target: typeof target.url === 'string' ? target.url : typeof target.appPackage === 'string' ? target.appPackage : typeof target.bundleId === 'string' ? target.bundleId : null,
    device: result.environment.device.id,
    network: result.environment.network.id,
    git,
    status: result.status,
    ...scoreFields(result),
    totals: { durationMs: totals.durationMs ?? null, bytes: totals.bytes ?? null, energyMah: totals.energyMah ?? null },
    ghgGrams: result.summary.footprint?.ghgGrams ?? null,
    resultFile,
    methodologyVersion: methodologyVersionOf(result),
    ecoscoreRange: rangeOf(result.summary.spread?.ecoscore),
    steps: result.steps.map((step) => ({
      name: step.name,
      type: step.type,
      status: step.status,
      bytes: step.metrics.bytes ?? null,
      requests: step.metrics.requests ?? null,
      energyMah: step.metrics.energyMah ?? null,
      durationMs: step.metrics.durationMs ?? null,
    })),
  };
}
