/**
 * Number formatting shared by the CLI and renderers. Units follow EcoIndex: 1 kB = 1000 bytes.
 *
 * One rounding rule for every figure shown (CLI, Markdown, JUnit, HTML): by the exact value of the stored
 * number, as `toFixed` and `toPrecision` round. 0.05465 mAh is stored as 0.054649999…, so its added charge
 * is 54.6 µAh everywhere. `Intl.NumberFormat` rounds the shortest decimal form instead (54.65 → 54.7): the
 * HTML formatter rounds with {@link roundDecimals} / {@link roundSignificant} first and lets Intl only write
 * the digits in the reader's language.
 */

/** `value` rounded to `digits` decimals by the rule above: `roundDecimals(1.15, 1)` → 1.1 (1.15 is stored as 1.1499…). */
export function roundDecimals(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** `value` rounded to `digits` significant digits by the rule above: `roundSignificant(54.65, 3)` → 54.6. */
export function roundSignificant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

/** A number with `digits` significant digits, plain (no exponent) between 0.001 and 10^digits. */
export function significant(value: number, digits = 3): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
  if (abs < 1e-3) return value.toExponential(digits - 1);
  return String(roundSignificant(value, digits));
}

/** `1234567` → `1.23 MB`; null → `–`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '–';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** `1234` → `1.23 s`, `56.7` → `57 ms`; null → `–`. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A plain number with at most `digits` decimals; null → `–`. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '–';
  return value.toFixed(digits);
}

/** A fraction as a percentage: 0.034 → `3.4 %`; null → `–`. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return '–';
  return `${(fraction * 100).toFixed(1)} %`;
}
