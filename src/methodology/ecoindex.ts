/**
 * EcoIndex (Collectif Conception Numérique Responsable, cnumr) — per-page environmental score
 * computed from the DOM element count, the number of requests and the transferred size.
 *
 * Reference implementation reproduced here (same constants, same formula, same rounding):
 *   cnumr/ecoindex_python, `ecoindex/compute/ecoindex.py` @ 4b716bb334c91b32c95be268337d9f4175cb5ea7
 *   (MIT; identical in `components/ecoindex/compute/ecoindex.py` of cnumr/ecoindex_python_fullstack
 *   @ a3c32f5aff03d25663d64139dd7c2fa01eebd475, the code behind the ecoindex.fr API), with its data
 *   files `components/ecoindex/data/quantiles.py` and `grades.py` @ f441e630feb5d1f70f95de2fcc5a0c833d6793de.
 * The same quantiles and grade thresholds appear in cnumr/GreenIT-Analysis `script/ecoIndex.js`
 *   @ acc0334c712ba68939466c42af1514b5f448e19f (AGPL-3.0; only the published numbers are reused here,
 *   not its code) and in cnumr/ecoindex_js `ecoindex.js`.
 *
 * Rounding, as in ecoindex_python:
 *   - the score is rounded to an integer with Python's `round()`, i.e. round-half-to-even
 *     (92.5 → 92, 97.5 → 98), NOT JavaScript's `Math.round` (half up);
 *   - grade, GHG and water are derived from that rounded score;
 *   - GHG and water are `round(100 × x) / 100` (2 decimals).
 * GreenIT-Analysis (current `script/ecoIndex.js`) differs: it keeps the unrounded score, grades it,
 * and formats GHG/water with `toFixed(2)` (a string). We follow ecoindex_python.
 *
 * Pure: no I/O, no clock.
 */

/** One of the seven EcoIndex grades, best (A) to worst (G). */
export type EcoIndexGrade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G';

/** Measured page figures that EcoIndex takes as input. */
export interface EcoIndexInput {
  /** Number of DOM elements (count, ≥ 0). EcoIndex counts all elements except SVG descendants. */
  readonly dom: number;
  /** Number of HTTP requests made by the page (count, ≥ 0). */
  readonly requests: number;
  /** Transferred size in kilobytes (kB = 1000 bytes of `encodedDataLength`, ≥ 0). */
  readonly sizeKb: number;
}

/** EcoIndex of one page, as returned by ecoindex_python's `get_ecoindex`. */
export interface EcoIndexResult {
  /** EcoIndex score, an integer from 0 (worst) to 100 (best). */
  readonly score: number;
  /** Grade A..G derived from the rounded score. */
  readonly grade: EcoIndexGrade;
  /** Greenhouse gas emissions in grams of CO2 equivalent per page view, 2 decimals. */
  readonly ghgGrams: number;
  /** Water consumption in centilitres per page view, 2 decimals. */
  readonly waterCl: number;
}

/**
 * EcoIndex quantile tables (21 values each, the 0th to 20th vigintiles of the HTTP Archive sample
 * used by cnumr). Source: cnumr/ecoindex_python_fullstack `components/ecoindex/data/quantiles.py`
 * @ f441e630feb5d1f70f95de2fcc5a0c833d6793de (same values in GreenIT-Analysis `script/ecoIndex.js`).
 */
export const ECOINDEX_QUANTILES: {
  /** DOM element counts. */
  readonly dom: readonly number[];
  /** Request counts. */
  readonly requests: readonly number[];
  /** Transferred sizes in kB. */
  readonly sizeKb: readonly number[];
} = Object.freeze({
  dom: Object.freeze([
    0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801,
    2479, 594601,
  ]),
  requests: Object.freeze([
    0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
  ]),
  sizeKb: Object.freeze([
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27,
    1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
  ]),
});

/**
 * Grade thresholds: a score strictly greater than `min` gets `grade` (first match wins), so
 * 80 is B and 81 is A. Source: `components/ecoindex/data/grades.py` (A=80, B=70, C=55, D=40, E=25,
 * F=10, G=0) and `get_grade` (`if ecoindex > threshold`) in ecoindex_python.
 */
export const ECOINDEX_GRADE_THRESHOLDS: readonly { readonly grade: EcoIndexGrade; readonly min: number }[] =
  Object.freeze([
    { grade: 'A', min: 80 },
    { grade: 'B', min: 70 },
    { grade: 'C', min: 55 },
    { grade: 'D', min: 40 },
    { grade: 'E', min: 25 },
    { grade: 'F', min: 10 },
  ] as const);

const MORE_INFO = 'see docs/methodology.md#ecoindex';

function assertNonNegativeFinite(field: string, value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(
      `EcoIndex: "${field}" must be a non-negative finite number (${what}), got ${String(value)}; ${MORE_INFO}`,
    );
  }
}

function assertScore(score: unknown, fn: string): asserts score is number {
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new Error(
      `${fn}: "score" must be a finite EcoIndex score between 0 and 100, got ${String(score)}; ${MORE_INFO}`,
    );
  }
}

/**
 * Python 3 `round(x)` for the non-negative values used here: nearest integer, ties to even.
 * `x` is compared exactly, as Python does, so 92.5 → 92 and 93.5 → 94.
 */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor; // exact for |x| < 2^52
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** `round(100 * x) / 100` as in ecoindex_python (2 decimals, ties to even on the scaled value). */
function roundTo2Decimals(x: number): number {
  return roundHalfEven(100 * x) / 100;
}

/**
 * Position of `value` in a quantile table, linearly interpolated (`get_quantile` in ecoindex_python):
 * `i - 1 + (value - Q[i-1]) / (Q[i] - Q[i-1])` for the first `i` with `value < Q[i]`, and
 * `Q.length - 1` (20) when `value` is at or above the last quantile. Result in [0, 20].
 *
 * @param quantiles - ascending table, e.g. `ECOINDEX_QUANTILES.dom`
 * @param value - the measured figure, in the table's unit (count or kB)
 */
export function ecoIndexQuantile(quantiles: readonly number[], value: number): number {
  for (let i = 1; i < quantiles.length; i++) {
    const upper = quantiles[i] as number;
    if (value < upper) {
      const lower = quantiles[i - 1] as number;
      return i - 1 + (value - lower) / (upper - lower);
    }
  }
  return quantiles.length - 1;
}

/**
 * Unrounded EcoIndex score, `100 - 5 × (3·qDom + 2·qRequests + qSize) / 6`, in [0, 100].
 * `computeEcoIndex` rounds it; this is exported for diagnostics (e.g. showing 80.4 vs 80).
 */
export function ecoIndexRawScore(input: EcoIndexInput): number {
  validateInput(input);
  const qDom = ecoIndexQuantile(ECOINDEX_QUANTILES.dom, input.dom);
  const qRequests = ecoIndexQuantile(ECOINDEX_QUANTILES.requests, input.requests);
  const qSize = ecoIndexQuantile(ECOINDEX_QUANTILES.sizeKb, input.sizeKb);
  return 100 - (5 * (3 * qDom + 2 * qRequests + qSize)) / 6;
}

/**
 * EcoIndex grade of a score: A if score > 80, B if > 70, C if > 55, D if > 40, E if > 25, F if > 10,
 * else G (bounds are strict, so exactly 80 is B). Accepts unrounded scores (50.2 → D).
 *
 * @param score - EcoIndex score in [0, 100]
 * @throws Error when the score is not a finite number in [0, 100]
 */
export function ecoIndexGrade(score: number): EcoIndexGrade {
  assertScore(score, 'ecoIndexGrade');
  for (const { grade, min } of ECOINDEX_GRADE_THRESHOLDS) {
    if (score > min) return grade;
  }
  return 'G';
}

/**
 * Greenhouse gas emissions of one page view in g CO2e: `2 + 2 × (50 - score) / 100`, rounded to
 * 2 decimals (`get_greenhouse_gases_emmission` in ecoindex_python). Range 1.00 (score 100) to 3.00 (score 0).
 *
 * @param score - EcoIndex score in [0, 100]
 */
export function ecoIndexGhgGrams(score: number): number {
  assertScore(score, 'ecoIndexGhgGrams');
  return roundTo2Decimals(2 + (2 * (50 - score)) / 100);
}

/**
 * Water consumption of one page view in centilitres: `3 + 3 × (50 - score) / 100`, rounded to
 * 2 decimals (`get_water_consumption` in ecoindex_python). Range 1.50 (score 100) to 4.50 (score 0).
 *
 * @param score - EcoIndex score in [0, 100]
 */
export function ecoIndexWaterCl(score: number): number {
  assertScore(score, 'ecoIndexWaterCl');
  return roundTo2Decimals(3 + (3 * (50 - score)) / 100);
}

function validateInput(input: EcoIndexInput): void {
  if (input === null || typeof input !== 'object') {
    throw new Error(`EcoIndex: expected an object { dom, requests, sizeKb }, got ${String(input)}; ${MORE_INFO}`);
  }
  assertNonNegativeFinite('dom', input.dom, 'DOM element count');
  assertNonNegativeFinite('requests', input.requests, 'HTTP request count');
  assertNonNegativeFinite('sizeKb', input.sizeKb, 'transferred size in kB');
}

/**
 * EcoIndex of one page, exactly as ecoindex_python's `get_ecoindex(dom, size, requests)`:
 * integer score (round half to even), grade from that score, GHG (g CO2e) and water (cl) from that
 * score rounded to 2 decimals. Inputs of 0 give score 100 (A, 1 g, 1.5 cl); inputs at or above the
 * last quantile count as quantile 20, so the score never goes below 0.
 *
 * @param input.dom - DOM element count (≥ 0)
 * @param input.requests - HTTP request count (≥ 0)
 * @param input.sizeKb - transferred size in kB (1000 bytes) (≥ 0)
 * @throws Error naming the field when an input is negative, NaN or infinite
 */
export function computeEcoIndex(input: EcoIndexInput): EcoIndexResult {
  const score = roundHalfEven(ecoIndexRawScore(input));
  return {
    score,
    grade: ecoIndexGrade(score),
    ghgGrams: ecoIndexGhgGrams(score),
    waterCl: ecoIndexWaterCl(score),
  };
}
