/**
 * Small descriptive statistics for per-iteration figures (one value per iteration of a step:
 * bytes, durationMs, energyMah, scores, ...). Every function keeps the unit of its input:
 * the median of durations in ms is in ms. The coefficient of variation is a unitless fraction.
 *
 * Conventions (see docs/methodology.md, "Statistics"):
 * - Inputs must be finite numbers; an empty array or a NaN/Infinity is a programming error and
 *   throws an Error naming the function and the index. Missing measures are `null`, which only
 *   `summarize` accepts (it ignores them).
 * - The standard deviation is the SAMPLE one (divisor n - 1, Bessel's correction): iterations are
 *   a small sample of the runs a publisher could make, and the population formula (divisor n)
 *   would understate the spread for the 3 to 5 iterations typical of a campaign.
 * - The coefficient of variation is `standard deviation / mean`, a fraction (0.02 = 2 %), and is
 *   `null` when fewer than 2 values were measured, so a report never claims a stability it did
 *   not measure.
 *
 * Pure: no I/O, no clock.
 */

import { assertFiniteValues, median } from '../shared/stats.js';

/** The one median (shared with probes and renderers): see shared/stats.ts. */
export { median };

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Smallest value.
 *
 * @param values - at least one finite number, in any unit
 * @returns the minimum, in the unit of `values`
 * @throws Error when `values` is empty or holds a non-finite number
 */
export function min(values: readonly number[]): number {
  assertFiniteValues('min', values);
  // A loop rather than Math.min(...values): no argument-count limit on long series.
  let result = values[0] as number;
  for (const value of values) if (value < result) result = value;
  return result;
}

/**
 * Largest value.
 *
 * @param values - at least one finite number, in any unit
 * @returns the maximum, in the unit of `values`
 * @throws Error when `values` is empty or holds a non-finite number
 */
export function max(values: readonly number[]): number {
  assertFiniteValues('max', values);
  let result = values[0] as number;
  for (const value of values) if (value > result) result = value;
  return result;
}

/**
 * Arithmetic mean, `Σx / n`.
 *
 * @param values - at least one finite number, in any unit
 * @returns the mean, in the unit of `values`
 * @throws Error when `values` is empty or holds a non-finite number
 */
export function mean(values: readonly number[]): number {
  assertFiniteValues('mean', values);
  return sum(values) / values.length;
}

/**
 * Sample standard deviation, `sqrt(Σ(x - mean)² / (n - 1))` (Bessel's correction, see the module
 * note for why the sample and not the population formula). Computed in two passes for accuracy.
 *
 * @param values - finite numbers, in any unit
 * @returns the standard deviation in the unit of `values`, or `null` when fewer than 2 values
 *   (a spread cannot be estimated from one measure; an empty array also gives `null`)
 * @throws Error when a value is not a finite number
 */
export function standardDeviation(values: readonly number[]): number | null {
  if (Array.isArray(values) && values.length === 0) return null;
  assertFiniteValues('standardDeviation', values);
  if (values.length < 2) return null;
  const average = sum(values) / values.length;
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * Coefficient of variation, `sample standard deviation / |mean|`, a unitless fraction
 * (0.02 = 2 %). This is the `cv` of result.json `spread`.
 *
 * @param values - finite numbers, in any unit
 * @returns the fraction; `0` when every value is 0 (no spread around a zero mean); `null` when
 *   fewer than 2 values (not measured) or when the mean is 0 while the values differ
 *   (e.g. -1 and 1: the ratio is undefined)
 * @throws Error when a value is not a finite number
 */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const deviation = standardDeviation(values);
  if (deviation === null) return null;
  const average = sum(values) / values.length;
  if (average === 0) return deviation === 0 ? 0 : null;
  // |mean| keeps cv a non-negative spread measure should a figure (e.g. a delta) be negative.
  return deviation / Math.abs(average);
}

/** Per-metric summary of the iterations of a step, as stored in result.json. */
export interface Summary {
  /** Median of the measured values, in their unit. */
  readonly median: number;
  /** Smallest measured value, in their unit. */
  readonly min: number;
  /** Largest measured value, in their unit. */
  readonly max: number;
  /** Coefficient of variation (sample standard deviation / mean), a fraction; null when n < 2. */
  readonly cv: number | null;
  /** Number of measured (non-null) values. */
  readonly n: number;
}

/**
 * Summary of per-iteration figures: median, min, max, cv and count, ignoring `null` (and
 * `undefined`) entries, which stand for iterations where the metric was not measured.
 *
 * @param values - per-iteration figures in one unit; null for "not measured"
 * @returns the summary, or `null` when no value was measured
 * @throws Error when a non-null entry is not a finite number (its index in `values` is given)
 */
export function summarize(values: readonly (number | null | undefined)[]): Summary | null {
  if (!Array.isArray(values)) {
    throw new Error(`summarize: "values" must be an array of numbers or nulls, got ${String(values)}`);
  }
  const measured: number[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`summarize: values[${index}] must be a finite number or null, got ${String(value)}`);
    }
    measured.push(value);
  });
  if (measured.length === 0) return null;
  return {
    median: median(measured),
    min: min(measured),
    max: max(measured),
    cv: coefficientOfVariation(measured),
    n: measured.length,
  };
}

/** A value and its weight, for `weightedMean`. */
export interface WeightedValue {
  /** The value, in any unit (all pairs in the same unit). */
  readonly value: number;
  /** Its weight, a non-negative finite number (e.g. 0.7 for a critical step, 0.3 otherwise). */
  readonly weight: number;
}

/**
 * Weighted arithmetic mean, `Σ(value·weight) / Σweight`. Weights need not sum to 1.
 *
 * @param pairs - at least one `{ value, weight }`; values finite, weights finite and ≥ 0
 * @returns the weighted mean, in the unit of the values
 * @throws Error when `pairs` is empty, a value or weight is invalid, or all weights are 0
 */
export function weightedMean(pairs: readonly WeightedValue[]): number {
  if (!Array.isArray(pairs) || pairs.length === 0) {
    throw new Error('weightedMean: "pairs" is empty; at least one { value, weight } is needed');
  }
  let weighted = 0;
  let totalWeight = 0;
  pairs.forEach((pair, index) => {
    const value: unknown = pair?.value;
    const weight: unknown = pair?.weight;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`weightedMean: pairs[${index}].value must be a finite number, got ${String(value)}`);
    }
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new Error(
        `weightedMean: pairs[${index}].weight must be a non-negative finite number, got ${String(weight)}`,
      );
    }
    weighted += value * weight;
    totalWeight += weight;
  });
  if (totalWeight === 0) {
    throw new Error('weightedMean: the weights sum to 0; at least one weight must be positive');
  }
  return weighted / totalWeight;
}
