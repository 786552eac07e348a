import { describe, expect, it } from 'vitest';
import { STEP_TYPES, type StepType } from '../../src/journey/schema.js';
import { ECOINDEX_QUANTILES } from '../../src/methodology/ecoindex.js';
import {
  defaultScoringProfile,
  ecoscoreGrade,
  energyValue,
  parseScoringProfile,
  performanceValue,
  scoreFromThresholds,
  scoreJourney,
  scoreStep,
  type ScoringPlatform,
  type ScoringProfile,
  type StepScoreInput,
} from '../../src/methodology/ecoscore.js';
import { InputError } from '../../src/shared/input-error.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function step(
  type: StepType,
  metrics: Partial<StepScoreInput['metrics']>,
  platform: ScoringPlatform = 'web',
  critical = false,
): StepScoreInput {
  return {
    type,
    critical,
    platform,
    metrics: { dischargeUahPerS: null, durationMs: null, readyMs: null, bytes: null, ...metrics },
  };
}

/** Reference step of the mid-range phone at rest: 96 mA = 96,000 µAh / 3600 s = 26.67 µAh/s. */
const REFERENCE = { dischargeUahPerS: 96_000 / 3600 };

describe('scoreFromThresholds', () => {
  const points = [
    { value: 0, score: 100 },
    { value: 100, score: 80 },
    { value: 300, score: 40 },
    { value: 1000, score: 0 },
  ];

  it('returns the score of a point at that point', () => {
    expect(scoreFromThresholds(0, points)).toBeCloseTo(100, 10);
    expect(scoreFromThresholds(100, points)).toBeCloseTo(80, 10);
    expect(scoreFromThresholds(300, points)).toBeCloseTo(40, 10);
    expect(scoreFromThresholds(1000, points)).toBeCloseTo(0, 10);
  });

  it('interpolates linearly between two points', () => {
    // 50 is halfway from 0 (100) to 100 (80): 100 - 0.5 × 20 = 90
    expect(scoreFromThresholds(50, points)).toBeCloseTo(90, 10);
    // 200 is halfway from 100 (80) to 300 (40): 80 - 0.5 × 40 = 60
    expect(scoreFromThresholds(200, points)).toBeCloseTo(60, 10);
    // 475 is a quarter of the way from 300 (40) to 1000 (0): 40 - 0.25 × 40 = 30
    expect(scoreFromThresholds(475, points)).toBeCloseTo(30, 10);
  });

  it('clamps to the first and last scores beyond both ends', () => {
    const inner = [
      { value: 10, score: 90 },
      { value: 20, score: 30 },
    ];
    expect(scoreFromThresholds(0, inner)).toBeCloseTo(90, 10);
    expect(scoreFromThresholds(-5, inner)).toBeCloseTo(90, 10);
    expect(scoreFromThresholds(25, inner)).toBeCloseTo(30, 10);
    expect(scoreFromThresholds(1e12, inner)).toBeCloseTo(30, 10);
  });

  it('keeps scores within 0..100 even for out-of-range points', () => {
    const wild = [
      { value: 0, score: 150 },
      { value: 10, score: -50 },
    ];
    expect(scoreFromThresholds(0, wild)).toBe(100);
    expect(scoreFromThresholds(10, wild)).toBe(0);
    expect(scoreFromThresholds(5, wild)).toBeCloseTo(50, 10);
  });

  it('rejects NaN, empty and unsorted points', () => {
    expect(() => scoreFromThresholds(Number.NaN, points)).toThrow(/"value" must be a finite number/);
    expect(() => scoreFromThresholds(1, [])).toThrow(/"points" is empty/);
    expect(() =>
      scoreFromThresholds(5, [
        { value: 10, score: 100 },
        { value: 10, score: 0 },
      ]),
    ).toThrow(/points\[1\]\.value must be greater/);
  });
});

describe('the default scoring profile', () => {
  it('is identified and versioned', () => {
    expect(defaultScoringProfile.id).toBe('ecoscore-default');
    expect(defaultScoringProfile.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(defaultScoringProfile.energyMetric).toBe('dischargeRatio');
    expect(defaultScoringProfile.weights.critical).toBe(0.7);
    expect(defaultScoringProfile.weights.normal).toBe(0.3);
  });

  it('has thresholds for every step type, with separate web and mobile data thresholds', () => {
    for (const type of STEP_TYPES) {
      const thresholds = defaultScoringProfile.steps[type];
      expect(thresholds, type).toBeDefined();
      expect(thresholds.data.web.points.length).toBeGreaterThanOrEqual(2);
      expect(thresholds.data.mobile.points.length).toBeGreaterThanOrEqual(2);
      for (const set of [thresholds.energy, thresholds.performance, thresholds.data.web, thresholds.data.mobile]) {
        if (set === null) continue;
        expect(set.justification.length).toBeGreaterThan(20);
        expect(set.source.length).toBeGreaterThan(0);
      }
    }
    expect(defaultScoringProfile.steps.pause.performance).toBeNull();
    expect(defaultScoringProfile.steps.reference.performance).toBeNull();
    expect(defaultScoringProfile.steps.reference.energy).toBeNull();
  });

  it('anchors first-load web data thresholds on the EcoIndex size quantiles (20th percentile = 80, 40th = 60)', () => {
    const kbToBytes = (i: number) => Math.round((ECOINDEX_QUANTILES.sizeKb[i] as number) * 1000);
    expect(defaultScoringProfile.steps['first-load'].data.web.points).toEqual([
      { value: 0, score: 100 },
      { value: kbToBytes(4), score: 80 },
      { value: kbToBytes(8), score: 60 },
      { value: kbToBytes(12), score: 40 },
      { value: kbToBytes(16), score: 20 },
      { value: kbToBytes(19), score: 0 },
    ]);
  });

  it('expects less data of later loads, actions, scrolls and pauses than of a first load', () => {
    const bytesAt80 = (type: StepType) => (defaultScoringProfile.steps[type].data.web.points[1] as { value: number }).value;
    expect(bytesAt80('load')).toBeLessThan(bytesAt80('first-load'));
    expect(bytesAt80('scroll')).toBeLessThan(bytesAt80('load'));
    expect(bytesAt80('action')).toBeLessThan(bytesAt80('load'));
    expect(bytesAt80('pause')).toBeLessThan(bytesAt80('action'));
    // a pause that transfers nothing is perfect on data
    expect(scoreStep(step('pause', { bytes: 0 }), REFERENCE).data).toBe(100);
  });
});

describe('scoreStep', () => {
  it('scores a load step on energy (ratio to the reference), performance (readyMs) and data', () => {
    const scores = scoreStep(step('load', { dischargeUahPerS: 2 * REFERENCE.dischargeUahPerS, durationMs: 5000, readyMs: 1500, bytes: 239_730 }), REFERENCE);
    // energy: ratio 2.0 between 1.8 (60) and 2.4 (40): 60 - (0.2 / 0.6) × 20 = 53.333…
    expect(scores.energy).toBeCloseTo(53.3333333, 6);
    // performance: readyMs 1500 between 1000 (80) and 2000 (60): 70 (durationMs 5000 is ignored)
    expect(scores.performance).toBeCloseTo(70, 10);
    // data: 239,730 bytes is the load web 'very good' point: 80
    expect(scores.data).toBeCloseTo(80, 10);
    // ecoscore: (53.333 + 70 + 80) / 3 = 67.777…
    expect(scores.ecoscore).toBeCloseTo(67.7777778, 6);
  });

  it('uses durationMs for a load without a wait condition, and for actions even with one', () => {
    expect(performanceValue(step('first-load', { durationMs: 3000, readyMs: null }))).toBe(3000);
    expect(performanceValue(step('first-load', { durationMs: 3000, readyMs: 900 }))).toBe(900);
    expect(performanceValue(step('action', { durationMs: 3000, readyMs: 900 }))).toBe(3000);
    expect(performanceValue(step('scroll', { durationMs: 700, readyMs: null }))).toBe(700);
  });

  it('never scores performance for pause and reference steps', () => {
    for (const type of ['pause', 'reference'] as const) {
      const scores = scoreStep(step(type, { dischargeUahPerS: REFERENCE.dischargeUahPerS, durationMs: 10_000, readyMs: 10_000, bytes: 0 }), REFERENCE);
      expect(scores.performance, type).toBeNull();
      expect(performanceValue(step(type, { durationMs: 10_000 }))).toBeNull();
    }
  });

  it('scores the reference step on data only (its energy is the baseline itself)', () => {
    const scores = scoreStep(step('reference', { dischargeUahPerS: REFERENCE.dischargeUahPerS, durationMs: 5000, bytes: 0 }), REFERENCE);
    expect(scores).toEqual({ energy: null, performance: null, data: 100, ecoscore: 100 });
  });

  it('scores a pause step at the reference rate, transferring nothing, at 100', () => {
    const scores = scoreStep(step('pause', { dischargeUahPerS: REFERENCE.dischargeUahPerS, durationMs: 5000, bytes: 0 }), REFERENCE);
    expect(scores.energy).toBeCloseTo(100, 10);
    expect(scores.data).toBeCloseTo(100, 10);
    expect(scores.ecoscore).toBeCloseTo(100, 10);
  });

  it('propagates nulls as null, never 0', () => {
    const none = scoreStep(step('load', {}), REFERENCE);
    expect(none).toEqual({ energy: null, performance: null, data: null, ecoscore: null });

    const noEnergy = scoreStep(step('load', { durationMs: 1000, bytes: 1000 }), REFERENCE);
    expect(noEnergy.energy).toBeNull();
    expect(noEnergy.ecoscore).toBeCloseTo(((noEnergy.performance as number) + (noEnergy.data as number)) / 2, 10);

    // a rate but no reference: the ratio cannot be computed
    expect(scoreStep(step('load', { dischargeUahPerS: 50, bytes: 0 }), null).energy).toBeNull();
    expect(scoreStep(step('load', { dischargeUahPerS: 50, bytes: 0 }), { dischargeUahPerS: null }).energy).toBeNull();
    expect(scoreStep(step('load', { dischargeUahPerS: 50, bytes: 0 }), { dischargeUahPerS: 0 }).energy).toBeNull();

    const noBytes = scoreStep(step('action', { dischargeUahPerS: 30, durationMs: 500 }), REFERENCE);
    expect(noBytes.data).toBeNull();
    expect(noBytes.energy).not.toBeNull();
  });

  it('rejects negative and non-finite metrics, naming the field', () => {
    expect(() => scoreStep(step('load', { bytes: -1 }), REFERENCE)).toThrow(/"metrics\.bytes" must not be negative/);
    expect(() => scoreStep(step('load', { durationMs: Number.NaN }), REFERENCE)).toThrow(/"metrics\.durationMs" must be a finite number/);
  });

  it('uses the web or the mobile data thresholds according to the platform', () => {
    const bytes = 500_000;
    const web = scoreStep(step('first-load', { bytes }, 'web'), null).data as number;
    const mobile = scoreStep(step('first-load', { bytes }, 'mobile'), null).data as number;
    // web: 500,000 between 479,460 (80) and 1,098,620 (60): 80 - 20 × 20,540 / 619,160 = 79.3365…
    expect(web).toBeCloseTo(80 - (20 * 20_540) / 619_160, 6);
    // mobile thresholds are 2/3 of the web ones: a native app downloads no code, styles or fonts
    // 500,000 between 319,640 (80) and 732,413 (60): 80 - 20 × 180,360 / 412,773 = 71.261…
    expect(mobile).toBeCloseTo(80 - (20 * 180_360) / 412_773, 6);
    expect(mobile).toBeLessThan(web);
  });

  describe('monotonicity', () => {
    const platforms: ScoringPlatform[] = ['web', 'mobile'];
    const grid = (max: number, n = 400) => Array.from({ length: n + 1 }, (_, i) => (max * i) / n);

    it('more bytes never raise the data score', () => {
      for (const type of STEP_TYPES) {
        for (const platform of platforms) {
          let previous = Number.POSITIVE_INFINITY;
          for (const bytes of grid(12_000_000)) {
            const data = scoreStep(step(type, { bytes }, platform), null).data as number;
            expect(data, `${type}/${platform} at ${bytes} B`).toBeLessThanOrEqual(previous + 1e-9);
            previous = data;
          }
        }
      }
    });

    it('a longer duration never raises the performance score', () => {
      for (const type of STEP_TYPES) {
        let previous = Number.POSITIVE_INFINITY;
        for (const durationMs of grid(30_000)) {
          const performance = scoreStep(step(type, { durationMs }), null).performance;
          if (performance === null) continue;
          expect(performance, `${type} at ${durationMs} ms`).toBeLessThanOrEqual(previous + 1e-9);
          previous = performance;
        }
      }
    });

    it('a higher discharge rate never raises the energy score', () => {
      for (const type of STEP_TYPES) {
        let previous = Number.POSITIVE_INFINITY;
        for (const dischargeUahPerS of grid(5 * REFERENCE.dischargeUahPerS)) {
          const energy = scoreStep(step(type, { dischargeUahPerS }), REFERENCE).energy;
          if (energy === null) continue;
          expect(energy, `${type} at ${dischargeUahPerS} µAh/s`).toBeLessThanOrEqual(previous + 1e-9);
          previous = energy;
        }
      }
    });
  });

  it('orders the demo pages sensibly: the heavy page scores clearly below a light one on data, performance and energy', () => {
    // Demo figures (mid-range-phone, wifi): light loads 3–30 kB, ~1.1 s (ready ~0.6–1.0 s); heavy page 3.69 MB in 7.4 s (ready 3.4 s).
    // Energy is illustrative: the model's rest current (96 mA) vs +~1.7× for the heavy page (radio + CPU busy), +~0.7× for a light one.
    const reference = REFERENCE;
    for (const type of ['first-load', 'load'] as const) {
      const light = scoreStep(step(type, { bytes: 20_000, durationMs: 1100, readyMs: 900, dischargeUahPerS: 1.7 * reference.dischargeUahPerS }), reference);
      const heavy = scoreStep(step(type, { bytes: 3_690_000, durationMs: 7400, readyMs: 3400, dischargeUahPerS: 2.7 * reference.dischargeUahPerS }), reference);
      expect(light.data as number, type).toBeGreaterThan(95);
      expect(heavy.data as number, type).toBeLessThan(20);
      expect((light.data as number) - (heavy.data as number), type).toBeGreaterThan(75);
      expect((light.energy as number) - (heavy.energy as number), type).toBeGreaterThan(25);
      expect(heavy.performance as number, type).toBeLessThan(light.performance as number);
      expect((light.ecoscore as number) - (heavy.ecoscore as number), type).toBeGreaterThan(30);
    }
    // worked example, first load, heavy page: 3,690,000 B between 3,401,590 (20) and 8,037,540 (0):
    // 20 - 20 × 288,410 / 4,635,950 = 18.7557…
    const heavyFirst = scoreStep(step('first-load', { bytes: 3_690_000 }), null);
    expect(heavyFirst.data).toBeCloseTo(20 - (20 * 288_410) / 4_635_950, 6);
  });
});

describe('energyValue', () => {
  it('computes the ratio, the excess or the rate itself', () => {
    expect(energyValue('dischargeRatio', 60, { dischargeUahPerS: 40 })).toBeCloseTo(1.5, 10);
    expect(energyValue('dischargeExcessUahPerS', 60, { dischargeUahPerS: 40 })).toBeCloseTo(20, 10);
    expect(energyValue('dischargeUahPerS', 60, null)).toBe(60);
    expect(energyValue('dischargeExcessUahPerS', 60, null)).toBeNull();
    expect(energyValue('dischargeRatio', null, { dischargeUahPerS: 40 })).toBeNull();
  });

  it('lets a custom profile score absolute discharge rates (e.g. thresholds of 170 and 210 µAh/s)', () => {
    const custom = clone(defaultScoringProfile) as ScoringProfile;
    custom.id = 'absolute-example';
    custom.energyMetric = 'dischargeUahPerS';
    const set = {
      points: [
        { value: 170, score: 80 },
        { value: 210, score: 60 },
        { value: 400, score: 0 },
      ],
      justification: 'example of absolute thresholds',
      source: [{ title: 'shared/DOMAIN.md example' }],
    };
    for (const type of STEP_TYPES) if (custom.steps[type].energy) custom.steps[type].energy = set;
    const profile = parseScoringProfile(custom);
    // 190 µAh/s, halfway from 170 (80) to 210 (60): 70, with no reference needed
    expect(scoreStep(step('load', { dischargeUahPerS: 190 }), null, profile).energy).toBeCloseTo(70, 10);
    expect(scoreStep(step('load', { dischargeUahPerS: 100 }), null, profile).energy).toBeCloseTo(80, 10);
  });
});

describe('scoreJourney', () => {
  const full = (score: number) => ({ energy: score, performance: score, data: score });

  it('weighs a critical step 0.7 and a normal step 0.3: 80 and 50 give 71', () => {
    // (0.7 × 80 + 0.3 × 50) / (0.7 + 0.3) = (56 + 15) / 1 = 71
    const journey = scoreJourney([
      { type: 'first-load', critical: true, scores: full(80) },
      { type: 'load', critical: false, scores: full(50) },
    ]);
    expect(journey.ecoscore).toBeCloseTo(71, 10);
    expect(journey.scores.energy).toBeCloseTo(71, 10);
    expect(journey.scores.performance).toBeCloseTo(71, 10);
    expect(journey.scores.data).toBeCloseTo(71, 10);
    expect(journey.grade).toBe('B');
    expect(journey.profile).toEqual({ id: 'ecoscore-default', version: defaultScoringProfile.version });
  });

  it('averages each sub-score over the steps where it applies, then takes the mean of the sub-scores', () => {
    const journey = scoreJourney([
      { type: 'reference', critical: false, scores: { energy: null, performance: null, data: 100 } },
      { type: 'first-load', critical: true, scores: { energy: 60, performance: 90, data: 30 } },
      { type: 'pause', critical: false, scores: { energy: 100, performance: null, data: 100 } },
    ]);
    // reference left out; energy: (0.7 × 60 + 0.3 × 100) / 1.0 = 72
    expect(journey.scores.energy).toBeCloseTo(72, 10);
    // performance: the first load only (pause not scored): 90
    expect(journey.scores.performance).toBeCloseTo(90, 10);
    // data: (0.7 × 30 + 0.3 × 100) / 1.0 = 51
    expect(journey.scores.data).toBeCloseTo(51, 10);
    // ecoscore: (72 + 90 + 51) / 3 = 71
    expect(journey.ecoscore).toBeCloseTo(71, 10);
    expect(journey.scoredSteps).toBe(2);
  });

  it('does not score the reference step', () => {
    const withReference = scoreJourney([
      { type: 'reference', critical: true, scores: full(100) },
      { type: 'load', critical: false, scores: full(40) },
    ]);
    expect(withReference.ecoscore).toBeCloseTo(40, 10);
  });

  it('gives null, not 0, when nothing was scored', () => {
    const journey = scoreJourney([
      { type: 'load', critical: true, scores: null },
      { type: 'action', critical: false, scores: { energy: null, performance: null, data: null } },
    ]);
    expect(journey.ecoscore).toBeNull();
    expect(journey.grade).toBeNull();
    expect(journey.scores).toEqual({ energy: null, performance: null, data: null });
    expect(scoreJourney([]).ecoscore).toBeNull();
  });
});

describe('ecoscoreGrade', () => {
  it('uses the EcoIndex bounds: A > 80, B > 70, C > 55, D > 40, E > 25, F > 10, else G', () => {
    const cases: Array<[number, string]> = [
      [100, 'A'],
      [80.01, 'A'],
      [80, 'B'],
      [70.01, 'B'],
      [70, 'C'],
      [55.5, 'C'],
      [55, 'D'],
      [40, 'E'],
      [25.1, 'E'],
      [25, 'F'],
      [10.1, 'F'],
      [10, 'G'],
      [0, 'G'],
    ];
    for (const [score, grade] of cases) expect(ecoscoreGrade(score), String(score)).toBe(grade);
  });

  it('rejects scores outside 0..100', () => {
    expect(() => ecoscoreGrade(-1)).toThrow(/between 0 and 100/);
    expect(() => ecoscoreGrade(100.5)).toThrow(/between 0 and 100/);
    expect(() => ecoscoreGrade(Number.NaN)).toThrow(/between 0 and 100/);
  });
});

describe('parseScoringProfile (custom profiles)', () => {
  const base = () => clone(defaultScoringProfile) as unknown as Record<string, any>;
  const errorOf = (data: unknown): InputError => {
    try {
      parseScoringProfile(data, 'my-profile.json');
    } catch (error) {
      return error as InputError;
    }
    throw new Error('expected parseScoringProfile to throw');
  };

  it('accepts a valid custom profile and records its id and version in the journey score', () => {
    const data = base();
    data.id = 'official-2025';
    data.version = '2.0.0';
    const profile = parseScoringProfile(data);
    const journey = scoreJourney([{ type: 'load', critical: false, scores: { energy: 50, performance: 50, data: 50 } }], profile);
    expect(journey.profile).toEqual({ id: 'official-2025', version: '2.0.0' });
  });

  it('names a missing step type', () => {
    const data = base();
    delete data.steps.scroll;
    const error = errorOf(data);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^my-profile\.json: invalid scoring profile: steps\.scroll: /);
  });

  it('names points whose values do not increase', () => {
    const data = base();
    data.steps.load.data.web.points[2].value = 1;
    expect(errorOf(data).message).toMatch(/steps\.load\.data\.web\.points\[2\]\.value: values must be strictly increasing/);
  });

  it('names scores that increase with the value', () => {
    const data = base();
    data.steps.action.energy.points[3].score = 95;
    expect(errorOf(data).message).toMatch(/steps\.action\.energy\.points\[3\]\.score: scores must never increase/);
  });

  it('refuses performance thresholds for pause steps', () => {
    const data = base();
    data.steps.pause.performance = clone(data.steps.action.performance);
    expect(errorOf(data).message).toMatch(/steps\.pause\.performance: must be null/);
  });

  it('refuses unknown keys, a missing source, a bad version and scores beyond 100', () => {
    const unknown = base();
    unknown.steps.load.data.web.treshold = 1;
    expect(errorOf(unknown).message).toMatch(/steps\.load\.data\.web: .*treshold/);

    const noSource = base();
    noSource.steps['first-load'].performance.source = [];
    expect(errorOf(noSource).message).toMatch(/steps\.first-load\.performance\.source: cite at least one source/);

    const badVersion = base();
    badVersion.version = 'v1';
    expect(errorOf(badVersion).message).toMatch(/version: must be a semantic version/);

    const tooHigh = base();
    tooHigh.steps.scroll.data.mobile.points[0].score = 120;
    expect(errorOf(tooHigh).message).toMatch(/steps\.scroll\.data\.mobile\.points\[0\]\.score/);
    expect(errorOf(tooHigh).field).toBe('steps.scroll.data.mobile.points[0].score');
  });
});
