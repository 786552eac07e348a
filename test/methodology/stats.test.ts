import { describe, expect, it } from 'vitest';
import {
  coefficientOfVariation,
  max,
  mean,
  median,
  min,
  standardDeviation,
  summarize,
  weightedMean,
} from '../../src/methodology/stats.js';

// The textbook series used below: x = [2, 4, 4, 4, 5, 5, 7, 9]
//   n = 8, Σx = 40, mean = 5
//   Σ(x - 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32
//   sample variance = 32 / 7 = 4.571428…, sample SD = √4.571428… = 2.1380899353
//   (population SD would be √(32 / 8) = 2)
//   cv = 2.1380899353 / 5 = 0.4276179871
const textbook = [2, 4, 4, 4, 5, 5, 7, 9];

// Three iterations of a step duration: x = [1000, 1020, 980] ms
//   mean = 3000 / 3 = 1000 ms, Σ(x - 1000)² = 0 + 400 + 400 = 800
//   sample variance = 800 / 2 = 400 ms², SD = 20 ms, cv = 20 / 1000 = 0.02 (2 %)
const durationsMs = [1000, 1020, 980];

describe('median', () => {
  it('is the middle value of an odd count: median(3, 1, 2) = 2', () => {
    expect(median([3, 1, 2])).toBe(2);
  });
  it('is the mean of the two middle values of an even count: median(4, 1, 3, 2) = (2 + 3) / 2 = 2.5', () => {
    expect(median([4, 1, 3, 2])).toBeCloseTo(2.5, 12);
  });
  it('sorts numerically, not as strings: median(10, 9, 100) = 10', () => {
    expect(median([10, 9, 100])).toBe(10);
  });
  it('is the value itself for one value', () => {
    expect(median([5])).toBe(5);
  });
  it('does not modify its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('min, max, mean', () => {
  it('min(3, -1, 7.5) = -1 and max(3, -1, 7.5) = 7.5', () => {
    expect(min([3, -1, 7.5])).toBe(-1);
    expect(max([3, -1, 7.5])).toBe(7.5);
  });
  it('mean of the textbook series = 40 / 8 = 5', () => {
    expect(mean(textbook)).toBeCloseTo(5, 12);
  });
  it('mean of three durations = 3000 / 3 = 1000 ms', () => {
    expect(mean(durationsMs)).toBeCloseTo(1000, 9);
  });
  it('handles long series without an argument-count limit', () => {
    const long = Array.from({ length: 200_000 }, (_, i) => i);
    expect(min(long)).toBe(0);
    expect(max(long)).toBe(199_999);
  });
});

describe('standardDeviation (sample, n - 1)', () => {
  it('is √(32 / 7) = 2.1380899353 for the textbook series, not the population value 2', () => {
    expect(standardDeviation(textbook)).toBeCloseTo(2.1380899353, 9);
    expect(standardDeviation(textbook)).not.toBeCloseTo(2, 3);
  });
  it('is √(800 / 2) = 20 ms for three durations', () => {
    expect(standardDeviation(durationsMs)).toBeCloseTo(20, 9);
  });
  it('is √((1 + 1) / 1) = 1.4142135624 for (-2, -4)', () => {
    expect(standardDeviation([-2, -4])).toBeCloseTo(Math.SQRT2, 10);
  });
  it('is 0 for identical values', () => {
    expect(standardDeviation([7, 7, 7])).toBe(0);
  });
  it('stays accurate on a large offset (two-pass): SD of 1e9 + (1, 2, 3) = 1', () => {
    // mean = 1e9 + 2, Σ(x - mean)² = 1 + 0 + 1 = 2, variance = 2 / 2 = 1
    expect(standardDeviation([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBeCloseTo(1, 6);
  });
  it('is null for fewer than 2 values (no spread can be estimated)', () => {
    expect(standardDeviation([5])).toBeNull();
    expect(standardDeviation([])).toBeNull();
  });
});

describe('coefficientOfVariation', () => {
  it('is 20 / 1000 = 0.02 (2 %) for three durations', () => {
    expect(coefficientOfVariation(durationsMs)).toBeCloseTo(0.02, 12);
  });
  it('is 2.1380899353 / 5 = 0.4276179871 for the textbook series', () => {
    expect(coefficientOfVariation(textbook)).toBeCloseTo(0.4276179871, 9);
  });
  it('uses |mean| for a negative mean: (-2, -4) → √2 / 3 = 0.4714045208', () => {
    expect(coefficientOfVariation([-2, -4])).toBeCloseTo(0.4714045208, 9);
  });
  it('is 0 when every value is 0', () => {
    expect(coefficientOfVariation([0, 0, 0])).toBe(0);
  });
  it('is null when the mean is 0 but the values differ (undefined ratio)', () => {
    expect(coefficientOfVariation([-1, 1])).toBeNull();
  });
  it('is null for fewer than 2 values, so a single run claims no stability', () => {
    expect(coefficientOfVariation([42])).toBeNull();
    expect(coefficientOfVariation([])).toBeNull();
  });
  it('is unitless: scaling every value leaves it unchanged', () => {
    const bytes = durationsMs.map((x) => x * 1024);
    expect(coefficientOfVariation(bytes)).toBeCloseTo(0.02, 12);
  });
});

describe('summarize', () => {
  it('ignores nulls: (1020, null, 980, 1000) → median 1000, min 980, max 1020, cv 0.02, n 3', () => {
    const summary = summarize([1020, null, 980, 1000]);
    expect(summary).not.toBeNull();
    expect(summary?.median).toBeCloseTo(1000, 9);
    expect(summary?.min).toBe(980);
    expect(summary?.max).toBe(1020);
    expect(summary?.cv).toBeCloseTo(0.02, 12);
    expect(summary?.n).toBe(3);
  });
  it('treats undefined like null', () => {
    expect(summarize([undefined, 4, 6])).toEqual(summarize([4, 6]));
  });
  it('summarizes one value with cv null', () => {
    expect(summarize([42])).toEqual({ median: 42, min: 42, max: 42, cv: null, n: 1 });
  });
  it('returns null when nothing was measured', () => {
    expect(summarize([])).toBeNull();
    expect(summarize([null, null])).toBeNull();
  });
  it('even count: (4, 1, 3, 2) → median 2.5, cv = 1.2909944487 / 2.5 = 0.5163977795', () => {
    // mean 2.5, Σ(x - 2.5)² = 2.25 + 2.25 + 0.25 + 0.25 = 5, variance 5 / 3, SD 1.2909944487
    const summary = summarize([4, 1, 3, 2]);
    expect(summary?.median).toBeCloseTo(2.5, 12);
    expect(summary?.cv).toBeCloseTo(0.5163977795, 9);
  });
  it('rejects NaN with its index in the original array', () => {
    expect(() => summarize([1, null, Number.NaN])).toThrow(/summarize: values\[2\] must be a finite number or null, got NaN/);
  });
});

describe('weightedMean', () => {
  it('weighs a critical step 0.7 and a non-critical one 0.3: (80·0.7 + 50·0.3) / 1 = 71', () => {
    expect(
      weightedMean([
        { value: 80, weight: 0.7 },
        { value: 50, weight: 0.3 },
      ]),
    ).toBeCloseTo(71, 12);
  });
  it('does not need weights that sum to 1: (10·1 + 20·3) / 4 = 17.5', () => {
    expect(
      weightedMean([
        { value: 10, weight: 1 },
        { value: 20, weight: 3 },
      ]),
    ).toBeCloseTo(17.5, 12);
  });
  it('is the plain mean with equal weights: (2, 4, 9) → 15 / 3 = 5', () => {
    expect(weightedMean([2, 4, 9].map((value) => ({ value, weight: 0.3 })))).toBeCloseTo(5, 12);
  });
  it('ignores a zero-weight value: (100·0 + 50·2) / 2 = 50', () => {
    expect(
      weightedMean([
        { value: 100, weight: 0 },
        { value: 50, weight: 2 },
      ]),
    ).toBeCloseTo(50, 12);
  });
  it('rejects an empty list, a negative weight, a NaN value and weights summing to 0', () => {
    expect(() => weightedMean([])).toThrow(/weightedMean: "pairs" is empty/);
    expect(() => weightedMean([{ value: 1, weight: 1 }, { value: 2, weight: -1 }])).toThrow(
      /pairs\[1\]\.weight must be a non-negative finite number, got -1/,
    );
    expect(() => weightedMean([{ value: Number.NaN, weight: 1 }])).toThrow(/pairs\[0\]\.value must be a finite number/);
    expect(() => weightedMean([{ value: 1, weight: 0 }])).toThrow(/weights sum to 0/);
  });
});

describe('input validation', () => {
  it.each([
    ['median', median],
    ['min', min],
    ['max', max],
    ['mean', mean],
  ] as const)('%s rejects an empty array and names a non-finite value by index', (name, fn) => {
    expect(() => fn([])).toThrow(new RegExp(`${name}: "values" is empty`));
    expect(() => fn([1, Number.POSITIVE_INFINITY])).toThrow(new RegExp(`${name}: values\\[1\\] must be a finite number`));
  });
  it('standardDeviation and coefficientOfVariation reject NaN, even alone', () => {
    expect(() => standardDeviation([Number.NaN])).toThrow(/standardDeviation: values\[0\]/);
    expect(() => coefficientOfVariation([1, Number.NaN])).toThrow(/values\[1\]/);
  });
});
