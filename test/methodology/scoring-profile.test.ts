/**
 * Grades of the displayed ecoscore and custom scoring profiles (`--scoring FILE`): bounds, validation errors that
 * name the field, and the profile recorded in the journey score. Synthetic inputs.
 */
import { describe, expect, it } from 'vitest';
import { defaultScoringProfile, ecoscoreGrade, parseScoringProfile, scoreJourney } from '../../src/methodology/ecoscore.js';
import { InputError } from '../../src/shared/input-error.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

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
    data.steps.action.performance.points[3].score = 95;
    expect(errorOf(data).message).toMatch(/steps\.action\.performance\.points\[3\]\.score: scores must never increase/);
  });

  it('names energy pages whose figures decrease, and pages under a rate-based metric', () => {
    const data = base();
    data.steps.load.energy.pages[2].bytes = 1;
    expect(errorOf(data).message).toMatch(/steps\.load\.energy\.pages\[2\]\.bytes: must not decrease/);
    const rate = base();
    rate.energyMetric = 'dischargeRatio';
    expect(errorOf(rate).message).toMatch(/steps\.[a-z-]+\.energy: percentile pages need "energyMetric": "excessEnergyUah"/);
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
