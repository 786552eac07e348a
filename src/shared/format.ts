/** Number formatting shared by the CLI and renderers. Units follow EcoIndex: 1 kB = 1000 bytes. */

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
