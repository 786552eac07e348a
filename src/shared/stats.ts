/**
 * The one median (and the finite-number check it shares with the methodology's statistics): a pure leaf
 * module, the only file of `shared/` that `methodology/` may import (rule `methodology-shared-stats-only`
 * in `.dependency-cruiser.cjs`). Probes, renderers and the methodology all take their median from here.
 *
 * Pure: no I/O, no clock.
 */

/**
 * Throws an Error naming `fn` when `values` is not a non-empty array of finite numbers (an empty array or a
 * NaN/Infinity is a programming error; missing measures are filtered out before).
 */
export function assertFiniteValues(fn: string, values: readonly number[]): void {
  if (!Array.isArray(values)) {
    throw new Error(`${fn}: "values" must be an array of finite numbers, got ${String(values)}`);
  }
  if (values.length === 0) {
    throw new Error(`${fn}: "values" is empty; at least one value is needed`);
  }
  values.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${fn}: values[${index}] must be a finite number, got ${String(value)}`);
    }
  });
}

/**
 * Median: the middle value once sorted, or the mean of the two middle values when the count is even.
 * The input array is not modified.
 *
 * @param values - at least one finite number, in any unit
 * @returns the median, in the unit of `values`
 * @throws Error when `values` is empty or holds a non-finite number
 */
export function median(values: readonly number[]): number {
  assertFiniteValues('median', values);
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
