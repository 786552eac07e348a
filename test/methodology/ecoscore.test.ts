/**
 * The scoring of methodology 2.0 (methodology/ecoscore.ts, thresholds.ts): curves read between their points, thresholds
 * derived from the cited percentiles, the default profile, step scores, the deficit-sum journey score. Synthetic inputs.
 */
import { describe, expect, it } from 'vitest';
import { STEP_TYPES, type StepType } from '../../src/journey/schema.js';
import {
  defaultScoringProfile,
  displayedScore,
  energyValue,
  performanceValue,
  resolveScoringProfile,
  scoreFromThresholds,
  scoreJourney,
  scoreStep,
  type ScoringPlatform,
  type StepScoreInput,
} from '../../src/methodology/ecoscore.js';
import { estimateStepEnergy, type StepEnergyInput } from '../../src/methodology/energy.js';
import { pageExcessEnergyUah, pointsFromPercentiles } from '../../src/methodology/thresholds.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';
import distributions from '../../src/profiles/scoring/distributions.json' with { type: 'json' };

const phone = getDeviceProfile('mid-range-phone');
const wifi = getNetworkProfile('wifi');
const profile = resolveScoringProfile(defaultScoringProfile, phone, wifi);
const PHONES = ['entry-level-phone', 'mid-range-phone', 'high-end-phone'].map(getDeviceProfile);

function step(type: StepType, metrics: Partial<StepScoreInput['metrics']>, platform: ScoringPlatform = 'web', critical = false): StepScoreInput {
  return { type, critical, platform, metrics: { excessEnergyMah: null, dischargeUahPerS: null, durationMs: null, readyMs: null, responseMs: null, bytes: null, ...metrics } };
}

/** The excess charge of a step's figures on the mid-range phone over Wi-Fi, mAh. */
const excessOf = (figures: Partial<StepEnergyInput>, device = phone, network = wifi) =>
  estimateStepEnergy({ durationMs: 1000, cpuMs: 0, bytes: 0, requests: 0, rendererOtherCpuMs: 0, gpuCpuMs: 0, utilityCpuMs: 0, ...figures }, device, network, null).excessEnergyMah;

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

describe('pointsFromPercentiles', () => {
  it('scores the p-th percentile 100 − p, starts at (0, 100) and reaches 0 along the last slope', () => {
    const points = pointsFromPercentiles([
      { percentile: 10, value: 100 },
      { percentile: 50, value: 300 },
      { percentile: 90, value: 1000 },
    ]);
    expect(points).toEqual([
      { value: 0, score: 100 },
      { value: 100, score: 90 },
      { value: 300, score: 50 },
      { value: 1000, score: 10 },
      { value: 1000 + 10 / (40 / 700), score: 0 },
    ]);
    expect(scoreFromThresholds(200, points)).toBeCloseTo(70, 10);
  });

  it('skips a percentile whose value does not exceed the previous one', () => {
    const points = pointsFromPercentiles([
      { percentile: 10, value: 5 },
      { percentile: 25, value: 5 },
      { percentile: 50, value: 9 },
    ]);
    expect(points.map((point) => point.score)).toEqual([100, 90, 50, 0]);
  });
});

describe('the default scoring profile (2.0)', () => {
  it('is identified, versioned, scores excess energy and adds deficits', () => {
    expect(defaultScoringProfile.id).toBe('ecoscore-default');
    expect(defaultScoringProfile.version).toBe('2.0.0');
    expect(defaultScoringProfile.energyMetric).toBe('excessEnergyUah');
    expect(defaultScoringProfile.aggregation).toBe('deficit-sum');
    expect(defaultScoringProfile.weights).toMatchObject({ critical: 0.7, normal: 0.3 });
  });

  it('has thresholds for every step type, with separate web and mobile data curves', () => {
    for (const type of STEP_TYPES) {
      const thresholds = defaultScoringProfile.steps[type];
      expect(thresholds.data.web.points.length, type).toBeGreaterThanOrEqual(2);
      expect(thresholds.data.mobile.points.length, type).toBeGreaterThanOrEqual(2);
    }
    expect(defaultScoringProfile.steps.reference.energy).toBeNull();
    expect(defaultScoringProfile.steps.pause.performance).toBeNull();
  });

  it('reads first-load data on the home-page weights of the Web Almanac: the p-th percentile scores 100 − p', () => {
    const home = distributions.distributions['page-weight-home'];
    for (const [percentile, kb] of Object.entries(home.percentiles)) {
      expect(scoreFromThresholds(kb * 1024, defaultScoringProfile.steps['first-load'].data.web.points), percentile).toBeCloseTo(100 - Number(percentile), 6);
    }
  });

  it('resolves energy pages through the energy model for the run\u2019s device and network', () => {
    const set = defaultScoringProfile.steps.load.energy!;
    if (!('pages' in set)) throw new Error('expected percentile pages');
    const points = profile.steps.load.energy!.points;
    for (const page of set.pages) {
      expect(scoreFromThresholds(pageExcessEnergyUah(page, set, phone, wifi), points), String(page.percentile)).toBeCloseTo(100 - page.percentile, 2);
    }
    // The same page costs more on 4G (LTE tail, slower transfers) than on Wi-Fi.
    const fourG = resolveScoringProfile(defaultScoringProfile, phone, getNetworkProfile('4g')).steps.load.energy!.points;
    expect(fourG[1]!.value).toBeGreaterThan(points[1]!.value);
  });
});

describe('scoreStep', () => {
  it('scores energy on the excess charge (µAh), performance on the response time and data on bytes', () => {
    const scores = scoreStep(step('load', { excessEnergyMah: 0.1, responseMs: 900, readyMs: 2500, durationMs: 3000, bytes: 30_000 }), null, profile);
    expect(scores.energy).toBeCloseTo(scoreFromThresholds(100, profile.steps.load.energy!.points), 10);
    expect(scores.performance).toBeCloseTo(scoreFromThresholds(900, profile.steps.load.performance!.points), 10);
    expect(scores.data).toBeCloseTo(scoreFromThresholds(30_000, profile.steps.load.data.web.points), 10);
    expect(scores.ecoscore).toBeCloseTo((scores.energy! + scores.performance! + scores.data!) / 3, 10);
    expect(scores.missing).toEqual([]);
  });

  it('falls back to readyMs, then durationMs, for results recorded before responseMs existed', () => {
    expect(performanceValue(step('load', { readyMs: 700, durationMs: 1200, responseMs: undefined }))).toBe(700);
    expect(performanceValue(step('action', { durationMs: 1200, responseMs: undefined }))).toBe(1200);
    expect(performanceValue(step('action', { responseMs: 300, readyMs: 900 }))).toBe(300);
  });

  it('never scores performance for pause, background and reference steps', () => {
    for (const type of ['pause', 'background', 'reference'] as const) {
      expect(scoreStep(step(type, { excessEnergyMah: 0, durationMs: 5000, responseMs: 5000, bytes: 0 }), null, profile).performance, type).toBeNull();
    }
  });

  it('scores an idle pause at 100 and a step that moved nothing at 100 on data', () => {
    expect(scoreStep(step('pause', { excessEnergyMah: 0, durationMs: 30_000, bytes: 0 }), null, profile)).toMatchObject({ energy: 100, data: 100, ecoscore: 100 });
  });

  it('lists the sub-scores whose input is missing and gives no step ecoscore then (null, never 0)', () => {
    const scores = scoreStep(step('load', { excessEnergyMah: null, responseMs: 900, bytes: 30_000 }), null, profile);
    expect(scores.energy).toBeNull();
    expect(scores.missing).toEqual(['energy']);
    expect(scores.ecoscore).toBeNull();
  });

  it('rejects negative and non-finite figures, naming the field', () => {
    expect(() => scoreStep(step('load', { bytes: -1 }), null, profile)).toThrow(/metrics\.bytes/);
    expect(() => scoreStep(step('load', { excessEnergyMah: Number.NaN }), null, profile)).toThrow(/metrics\.excessEnergyMah/);
  });

  it('scores the demo\u2019s heavy resources page below 50 on energy and on data', () => {
    // Figures of a methodology 2.0 run of journeys/demo-health.yaml on this machine (2026-12-01, host index 2441 → cpuScale 1.395).
    const heavy = { cpuMs: 2194 * 1.395, bytes: 3_691_073, requests: 10, rendererOtherCpuMs: 498.5 * 1.395, gpuCpuMs: 302.6 * 1.395, utilityCpuMs: 231.3 * 1.395 };
    const scores = scoreStep(step('load', { excessEnergyMah: excessOf(heavy), responseMs: 7170, bytes: heavy.bytes }), null, profile);
    expect(scores.energy!).toBeLessThan(50);
    expect(scores.data!).toBeLessThan(50);
  });

  // A step whose main thread is busy for its whole duration D does D of work: below 20 on energy, on Wi-Fi (the network of
  // Greenspector's default dashboards), once D reaches these durations (the figures at which each curve crosses 20 on the
  // slowest phone, rounded up). Slower work can never score better than the same work done fast (item 3 of the
  // methodology), so a work-based score cannot be below 20 for every duration: a 100 ms saturated click is fine.
  const SATURATED_BELOW_20_FROM_MS = { 'first-load': 15_000, load: 10_000, action: 1_500, scroll: 2_500 } as const;
  for (const device of PHONES) {
    it(`scores a step with a saturated main thread below 20 on energy on the ${device.id}`, () => {
      const resolved = resolveScoringProfile(defaultScoringProfile, device, wifi);
      for (const [type, fromMs] of Object.entries(SATURATED_BELOW_20_FROM_MS) as [StepType, number][]) {
        for (const durationMs of [fromMs, fromMs * 2, 60_000]) {
          const excess = excessOf({ durationMs, cpuMs: durationMs }, device);
          const scores = scoreStep(step(type, { excessEnergyMah: excess, responseMs: durationMs, durationMs, bytes: 0 }), null, resolved);
          expect(scores.energy!, `${type} ${durationMs} ms`).toBeLessThan(20);
        }
      }
    });
  }
});

describe('energyValue (custom rate-based profiles)', () => {
  it('computes the excess charge in µAh, the ratio, the excess rate or the rate itself', () => {
    const metrics = { excessEnergyMah: 0.25, dischargeUahPerS: 120, durationMs: 1000, readyMs: null, bytes: 0 };
    expect(energyValue('excessEnergyUah', metrics, null)).toBeCloseTo(250, 10);
    expect(energyValue('dischargeRatio', metrics, { dischargeUahPerS: 80 })).toBeCloseTo(1.5, 10);
    expect(energyValue('dischargeExcessUahPerS', metrics, { dischargeUahPerS: 80 })).toBeCloseTo(40, 10);
    expect(energyValue('dischargeUahPerS', metrics, null)).toBe(120);
    expect(energyValue('dischargeRatio', metrics, null)).toBeNull();
  });
});

describe('scoreJourney (deficit sum)', () => {
  const s = (score: number) => ({ energy: score, performance: score, data: score });

  it('gives a journey of normal steps the mean of its steps', () => {
    const journey = scoreJourney([
      { type: 'load', critical: false, scores: s(80) },
      { type: 'action', critical: false, scores: s(50) },
    ]);
    expect(journey.ecoscore).toBeCloseTo(65, 10);
  });

  it('counts a critical step\u2019s shortfall 0.7 / 0.3 times: flagging a step critical can only lower the score', () => {
    const plain = scoreJourney([
      { type: 'load', critical: false, scores: s(90) },
      { type: 'action', critical: false, scores: s(60) },
    ]).ecoscore!;
    const flagged = scoreJourney([
      { type: 'load', critical: true, scores: s(90) },
      { type: 'action', critical: false, scores: s(60) },
    ]).ecoscore!;
    // 100 − (0.7 × 10 + 0.3 × 40) / (0.3 × 2) = 100 − 31.67
    expect(flagged).toBeCloseTo(100 - (0.7 * 10 + 0.3 * 40) / 0.6, 10);
    expect(flagged).toBeLessThan(plain);
  });

  it('adds an idle step\u2019s shortfall without counting it: an idle step that does nothing changes nothing', () => {
    const work = [
      { type: 'load' as const, critical: true, scores: s(80) },
      { type: 'scroll' as const, critical: false, scores: s(70) },
    ];
    const base = scoreJourney(work).scores.energy!;
    expect(scoreJourney([...work, { type: 'pause', critical: true, scores: { energy: 100, performance: null, data: 100 } }]).scores.energy).toBeCloseTo(base, 10);
    expect(scoreJourney([...work, { type: 'pause', critical: false, scores: { energy: 90, performance: null, data: 100 } }]).scores.energy!).toBeLessThan(base);
  });

  it('leaves out the reference step and unscored steps, and gives null (not 0) without a work step', () => {
    const journey = scoreJourney([
      { type: 'reference', critical: false, scores: s(0) },
      { type: 'load', critical: false, scores: s(70) },
      { type: 'action', critical: false, scores: null },
    ]);
    expect(journey.ecoscore).toBeCloseTo(70, 10);
    expect(scoreJourney([{ type: 'pause', critical: false, scores: { energy: 100, performance: null, data: 100 } }]).ecoscore).toBeNull();
  });

  it('gives no ecoscore when one of the three sub-scores is missing', () => {
    expect(scoreJourney([{ type: 'load', critical: false, scores: { energy: null, performance: 80, data: 80 } }]).ecoscore).toBeNull();
  });

  it('takes the grade from the score as displayed: 80.04 shows as 80.0 and is a B', () => {
    const journey = scoreJourney([{ type: 'load', critical: false, scores: s(80.04) }]);
    expect(displayedScore(journey.ecoscore!)).toBe(80);
    expect(journey.grade).toBe('B');
  });

  it('keeps the weighted mean of 1.x for profiles that ask for it', () => {
    const legacy = { ...defaultScoringProfile, aggregation: 'weighted-mean' as const };
    const journey = scoreJourney(
      [
        { type: 'load', critical: true, scores: s(80) },
        { type: 'action', critical: false, scores: s(50) },
      ],
      legacy,
    );
    expect(journey.ecoscore).toBeCloseTo(0.7 * 80 + 0.3 * 50, 10);
  });
});
