import { describe, expect, it } from 'vitest';
import {
  computeEcoIndex,
  ECOINDEX_GRADE_THRESHOLDS,
  ECOINDEX_QUANTILES,
  ecoIndexGhgGrams,
  ecoIndexGrade,
  ecoIndexQuantile,
  ecoIndexRawScore,
  ecoIndexWaterCl,
} from '../../src/methodology/ecoindex.js';

describe('EcoIndex constants', () => {
  // cnumr/ecoindex_python_fullstack components/ecoindex/data/quantiles.py
  // @ f441e630feb5d1f70f95de2fcc5a0c833d6793de (same values in cnumr/GreenIT-Analysis
  // script/ecoIndex.js @ acc0334c712ba68939466c42af1514b5f448e19f)
  it('has the 21 published quantiles for DOM, requests and size', () => {
    expect(ECOINDEX_QUANTILES.dom).toEqual([
      0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801,
      2479, 594601,
    ]);
    expect(ECOINDEX_QUANTILES.requests).toEqual([
      0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
    ]);
    expect(ECOINDEX_QUANTILES.sizeKb).toEqual([
      0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27,
      1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
    ]);
  });

  // cnumr/ecoindex_python_fullstack components/ecoindex/data/grades.py @ f441e630feb5d1f70f95de2fcc5a0c833d6793de
  it('has the published grade thresholds A=80 B=70 C=55 D=40 E=25 F=10', () => {
    expect(ECOINDEX_GRADE_THRESHOLDS.map((t) => [t.grade, t.min])).toEqual([
      ['A', 80],
      ['B', 70],
      ['C', 55],
      ['D', 40],
      ['E', 25],
      ['F', 10],
    ]);
  });

  it('cannot be mutated by a caller', () => {
    expect(Object.isFrozen(ECOINDEX_QUANTILES)).toBe(true);
    expect(Object.isFrozen(ECOINDEX_QUANTILES.dom)).toBe(true);
    expect(Object.isFrozen(ECOINDEX_GRADE_THRESHOLDS)).toBe(true);
  });
});

describe('reference test values of ecoindex_python', () => {
  // Values from cnumr/ecoindex_python tests/compute/test_ecoindex.py
  // @ 4b716bb334c91b32c95be268337d9f4175cb5ea7, identical in cnumr/ecoindex_python_fullstack
  // test/components/ecoindex/compute/test_ecoindex.py @ f441e630feb5d1f70f95de2fcc5a0c833d6793de
  // (test_get_quantiles). Python asserts exact float equality; so do we.
  it('interpolates quantile positions (test_get_quantiles)', () => {
    expect(ecoIndexQuantile(ECOINDEX_QUANTILES.sizeKb, 2500)).toBe(14.086372025739513);
    expect(ecoIndexQuantile(ECOINDEX_QUANTILES.dom, 150)).toBe(2.892857142857143);
    expect(ecoIndexQuantile(ECOINDEX_QUANTILES.requests, 23)).toBe(2.8);
    expect(ecoIndexQuantile(ECOINDEX_QUANTILES.sizeKb, 310182.902)).toBe(20);
  });

  // Same file and commits, test_get_score: get_score(dom, requests, size) == score.
  it.each([
    [100, 100, 100, 72],
    [100, 100, 1000, 67],
    [100, 100, 10000, 58],
    [200, 200, 10000, 46],
    [2355, 267, 2493, 10],
    [240, 20, 331, 83],
  ])('dom=%d requests=%d size=%d kB scores %d (test_get_score)', (dom, requests, sizeKb, score) => {
    expect(computeEcoIndex({ dom, requests, sizeKb }).score).toBe(score);
  });

  // Same file and commits, test_get_ecoindex and test_get_ecoindex_out_of_range; the first one is
  // also the README example of ecoindex_compute on PyPI:
  // Ecoindex(grade='B', score=72.0, ges=1.56, water=2.34).
  it('computes score, grade, GHG and water (test_get_ecoindex)', () => {
    expect(computeEcoIndex({ dom: 100, requests: 100, sizeKb: 100 })).toEqual({
      score: 72,
      grade: 'B',
      ghgGrams: 1.56,
      waterCl: 2.34,
    });
  });

  it('caps inputs above the last quantile (test_get_ecoindex_out_of_range)', () => {
    expect(computeEcoIndex({ dom: 2240, requests: 100, sizeKb: 310182.902 })).toEqual({
      score: 16,
      grade: 'F',
      ghgGrams: 2.68,
      waterCl: 4.02,
    });
  });

  // Same file and commits, test_get_grade.
  it.each([
    [2, 'G'],
    [25, 'F'],
    [10, 'G'],
    [50.2, 'D'],
    [100, 'A'],
  ] as const)('grades %d as %s (test_get_grade)', (score, grade) => {
    expect(ecoIndexGrade(score)).toBe(grade);
  });

  // Same file and commits, test_get_greenhouse_gases_emission and test_get_water_consumption.
  it.each([
    [2, 2.96, 4.44],
    [10, 2.8, 4.2],
    [50, 2, 3],
    [70, 1.6, 2.4],
  ])('score %d emits %d g CO2e and uses %d cl of water', (score, ghg, water) => {
    expect(ecoIndexGhgGrams(score)).toBe(ghg);
    expect(ecoIndexWaterCl(score)).toBe(water);
  });
});

describe('reference test values of ecoindex_js', () => {
  // cnumr/ecoindex_js test/compute-ecoindex.js @ 9afb1a6cf33251453cc654f571d937ec0c29ae26:
  // the three inputs at the same quantile i give exactly 100 - i × 100 / 20.
  it('gives 100 - 5·i when every input sits on quantile i', () => {
    for (let i = 0; i < ECOINDEX_QUANTILES.dom.length; i++) {
      const input = {
        dom: ECOINDEX_QUANTILES.dom[i] as number,
        requests: ECOINDEX_QUANTILES.requests[i] as number,
        sizeKb: ECOINDEX_QUANTILES.sizeKb[i] as number,
      };
      expect(ecoIndexRawScore(input)).toBe(100 - i * 5);
      expect(computeEcoIndex(input).score).toBe(100 - i * 5);
    }
  });
});

describe('computeEcoIndex edge cases', () => {
  it('scores an empty page (all inputs 0) 100, grade A, 1 g CO2e, 1.5 cl', () => {
    expect(computeEcoIndex({ dom: 0, requests: 0, sizeKb: 0 })).toEqual({
      score: 100,
      grade: 'A',
      ghgGrams: 1,
      waterCl: 1.5,
    });
  });

  it('counts values at or above the last quantile as quantile 20, down to score 0 (G, 3 g, 4.5 cl)', () => {
    const atLast = { dom: 594601, requests: 3920, sizeKb: 223212.26 };
    const farAbove = { dom: 10_000_000, requests: 1_000_000, sizeKb: 1e9 };
    expect(ecoIndexQuantile(ECOINDEX_QUANTILES.dom, 594601)).toBe(20);
    expect(ecoIndexQuantile(ECOINDEX_QUANTILES.dom, 594600)).toBeCloseTo(20, 4);
    expect(computeEcoIndex(atLast)).toEqual({ score: 0, grade: 'G', ghgGrams: 3, waterCl: 4.5 });
    expect(computeEcoIndex(farAbove)).toEqual(computeEcoIndex(atLast));
  });

  // Python's round() rounds halves to even: round(92.5) == 92, round(97.5) == 98.
  // dom=159 is quantile 3 exactly, so the raw score is 100 - 5·(3·3)/6 = 92.5.
  it('rounds a half-way score to even like Python round(), not half up like Math.round', () => {
    expect(ecoIndexRawScore({ dom: 159, requests: 0, sizeKb: 0 })).toBe(92.5);
    expect(computeEcoIndex({ dom: 159, requests: 0, sizeKb: 0 }).score).toBe(92);
    // dom=47 is quantile 1: 100 - 5·3/6 = 97.5 → 98
    expect(ecoIndexRawScore({ dom: 47, requests: 0, sizeKb: 0 })).toBe(97.5);
    expect(computeEcoIndex({ dom: 47, requests: 0, sizeKb: 0 }).score).toBe(98);
  });

  it('grades the rounded score, as the reference does', () => {
    // raw 80.4 rounds to 80, which is B (strictly greater than 80 is needed for A)
    const input = { dom: 466, requests: 0, sizeKb: 0 }; // q = 7 + 49/59, raw = 100 - 2.5·q ≈ 80.42
    const raw = ecoIndexRawScore(input);
    expect(raw).toBeGreaterThan(80);
    expect(raw).toBeLessThan(80.5);
    expect(computeEcoIndex(input)).toMatchObject({ score: 80, grade: 'B' });
  });

  it('returns an integer score within [0, 100]', () => {
    for (const dom of [0, 10, 500, 3000, 1e6]) {
      for (const requests of [0, 7, 80, 400]) {
        for (const sizeKb of [0, 0.5, 900, 9000, 5e5]) {
          const { score } = computeEcoIndex({ dom, requests, sizeKb });
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        }
      }
    }
  });
});

describe('monotonicity: a heavier page never scores higher', () => {
  // Deterministic pseudo-random inputs (LCG), so failures are reproducible.
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
  const samples = Array.from({ length: 300 }, () => ({
    dom: Math.floor(next() * 4000),
    requests: Math.floor(next() * 400),
    sizeKb: next() * 12000,
  }));

  it.each(['dom', 'requests', 'sizeKb'] as const)('raising %s never raises the score', (field) => {
    for (const base of samples) {
      for (const step of [0.01, 1, 17, 250, 5000, 1e6]) {
        const heavier = { ...base, [field]: base[field] + step };
        expect(ecoIndexRawScore(heavier)).toBeLessThanOrEqual(ecoIndexRawScore(base));
        expect(computeEcoIndex(heavier).score).toBeLessThanOrEqual(computeEcoIndex(base).score);
      }
    }
  });

  it('raising all three never raises the score, and GHG/water never fall', () => {
    for (const base of samples) {
      const heavier = { dom: base.dom * 1.5 + 1, requests: base.requests * 1.5 + 1, sizeKb: base.sizeKb * 1.5 + 1 };
      const a = computeEcoIndex(base);
      const b = computeEcoIndex(heavier);
      expect(b.score).toBeLessThanOrEqual(a.score);
      expect(b.ghgGrams).toBeGreaterThanOrEqual(a.ghgGrams);
      expect(b.waterCl).toBeGreaterThanOrEqual(a.waterCl);
    }
  });
});

describe('ecoIndexGrade boundaries (strictly greater than the threshold)', () => {
  it.each([
    [100, 'A'],
    [81, 'A'],
    [80.01, 'A'],
    [80, 'B'],
    [71, 'B'],
    [70, 'C'],
    [56, 'C'],
    [55, 'D'],
    [41, 'D'],
    [40, 'E'],
    [26, 'E'],
    [25, 'F'],
    [11, 'F'],
    [10.01, 'F'],
    [10, 'G'],
    [0, 'G'],
  ] as const)('score %d is grade %s', (score, grade) => {
    expect(ecoIndexGrade(score)).toBe(grade);
  });

  it.each([-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects score %d', (score) => {
    expect(() => ecoIndexGrade(score)).toThrow(/"score" must be a finite EcoIndex score between 0 and 100/);
  });
});

describe('GHG and water formulas', () => {
  it('GHG = 2 + 2·(50 - score)/100 g CO2e and water = 3 + 3·(50 - score)/100 cl, to 2 decimals', () => {
    for (let score = 0; score <= 100; score++) {
      expect(ecoIndexGhgGrams(score)).toBeCloseTo(2 + (2 * (50 - score)) / 100, 10);
      expect(ecoIndexWaterCl(score)).toBeCloseTo(3 + (3 * (50 - score)) / 100, 10);
    }
    expect(ecoIndexGhgGrams(100)).toBe(1);
    expect(ecoIndexGhgGrams(0)).toBe(3);
    expect(ecoIndexWaterCl(100)).toBe(1.5);
    expect(ecoIndexWaterCl(0)).toBe(4.5);
  });

  it('rounds an unrounded score to 2 decimals: 72.345 → 1.55 g, 2.33 cl', () => {
    // 2 + 2·(50 - 72.345)/100 = 1.5531 → 1.55 ; 3 + 3·(50 - 72.345)/100 = 2.32965 → 2.33
    expect(ecoIndexGhgGrams(72.345)).toBe(1.55);
    expect(ecoIndexWaterCl(72.345)).toBe(2.33);
  });

  it('water is always 1.5 × GHG (same score, same linear model)', () => {
    for (let score = 0; score <= 100; score += 5) {
      expect(ecoIndexWaterCl(score)).toBeCloseTo(1.5 * ecoIndexGhgGrams(score), 2);
    }
  });
});

describe('input validation', () => {
  it.each([
    ['dom', { dom: -1, requests: 0, sizeKb: 0 }],
    ['dom', { dom: Number.NaN, requests: 0, sizeKb: 0 }],
    ['requests', { dom: 0, requests: -0.5, sizeKb: 0 }],
    ['requests', { dom: 0, requests: Number.POSITIVE_INFINITY, sizeKb: 0 }],
    ['sizeKb', { dom: 0, requests: 0, sizeKb: -10 }],
    ['sizeKb', { dom: 0, requests: 0, sizeKb: Number.NaN }],
  ])('names the bad field "%s"', (field, input) => {
    expect(() => computeEcoIndex(input)).toThrow(
      new RegExp(`EcoIndex: "${field}" must be a non-negative finite number`),
    );
  });

  it('rejects a missing field and a non-number with the field name', () => {
    expect(() => computeEcoIndex({ dom: 10, requests: 2 } as never)).toThrow(/"sizeKb".*got undefined/);
    expect(() => computeEcoIndex({ dom: '10', requests: 2, sizeKb: 1 } as never)).toThrow(/"dom"/);
  });

  it('rejects a missing input object', () => {
    expect(() => computeEcoIndex(undefined as never)).toThrow(/expected an object \{ dom, requests, sizeKb \}/);
  });
});
