/**
 * Durations in journey files: `500ms`, `10s`, `1.5s`, `2m`, or a bare number of milliseconds.
 */
import type { z } from 'zod';

const DURATION_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min)?\s*$/;

const FACTOR_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000 };

/** The longest duration an input file may give: 24 hours, in milliseconds. */
export const MAX_DURATION_MS = 24 * 60 * 60 * 1000;

/**
 * Parses a duration written as `500ms`, `10s`, `1.5s`, `2m` or a number of milliseconds. Bounds are the
 * caller's: see {@link MAX_DURATION_MS}.
 * @returns the duration in milliseconds, or `undefined` when the text is not a duration.
 */
export function parseDurationMs(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  const unit = match[2] ?? 'ms';
  return Math.round(Number(match[1]) * FACTOR_MS[unit]);
}

/** Formats milliseconds the way journey files write them (`10s`, `500ms`, `1.5s`). */
export function formatDurationMs(durationMs: number): string {
  if (durationMs >= 1000 && durationMs % 100 === 0) return `${durationMs / 1000}s`;
  return `${durationMs}ms`;
}

/**
 * The zod transform of a duration field of an input file (journeys, budgets): the duration in milliseconds,
 * or an issue (`"<value>" is not a duration; write it like <examples>`, or longer than 24 h, the longest
 * duration a `<owner>` may give) added to `ctx` and `undefined` (the transform then returns `z.NEVER`).
 */
export function durationMsOrIssue(value: string | number, ctx: z.RefinementCtx, owner: 'journey' | 'budget', examples: string): number | undefined {
  const ms = parseDurationMs(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration; write it like ${examples}` });
    return undefined;
  }
  if (ms > MAX_DURATION_MS) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is longer than 24h, the longest duration a ${owner} may give` });
    return undefined;
  }
  return ms;
}
