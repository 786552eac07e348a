/**
 * White-label statement (annex 12.1): per indicator a minimum, a maximum and the estimated value retained,
 * from variants built by cloning the recorded demo result and changing its figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  WHITELABEL_INDICATOR_IDS,
  whiteLabelStatement,
  type WhiteLabelInput,
  type WhiteLabelStatement,
} from '../../src/methodology/whitelabel.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';

const FIXTURE = 'test/fixtures/results/demo-health/result.json';
const AT = '2026-11-22T10:00:00.000Z';

let base: Result;
/** The recorded demo result's journey totals (result.json summary.totals): bytes, energy in mAh, duration in ms. */
let RECORDED_BYTES: number;
let RECORDED_ENERGY_MAH: number;
let RECORDED_DURATION_MS: number;
beforeAll(async () => {
  base = await readResult(FIXTURE);
  ({ bytes: RECORDED_BYTES, energyMah: RECORDED_ENERGY_MAH, durationMs: RECORDED_DURATION_MS } = base.summary.totals as { bytes: number; energyMah: number; durationMs: number });
  for (const total of [RECORDED_BYTES, RECORDED_ENERGY_MAH, RECORDED_DURATION_MS]) expect(total).toBeGreaterThan(0);
});

/**
 * A variant: the demo result with its journey figures changed. `consumption` scales energy, bytes,
 * duration and footprint; `score` replaces the ecoscore and shifts the sub-scores by the same amount.
 */
function variant(name: string, score: number, consumption: number, edit?: (r: Result) => void): WhiteLabelInput {
  const result = structuredClone(base);
  const s = result.summary;
  const shift = score - (s.ecoscore as number);
  s.ecoscore = score;
  s.grade = score > 80 ? 'A' : score > 70 ? 'B' : score > 55 ? 'C' : 'D';
  s.scores = { energy: s.scores!.energy! + shift, performance: s.scores!.performance! + shift, data: s.scores!.data! + shift };
  s.totals = { ...s.totals, bytes: s.totals.bytes! * consumption, durationMs: s.totals.durationMs! * consumption, energyMah: (s.totals.energyMah as number) * consumption };
  s.footprint = { ...s.footprint!, ghgGrams: s.footprint!.ghgGrams * consumption, waterLitres: s.footprint!.waterLitres * consumption, adpKgSbEq: s.footprint!.adpKgSbEq * consumption };
  edit?.(result);
  return { name, result };
}

const line = (statement: WhiteLabelStatement, id: (typeof WHITELABEL_INDICATOR_IDS)[number]) => statement.indicators.find((i) => i.id === id)!;

function expectBounded(statement: WhiteLabelStatement): void {
  for (const indicator of statement.indicators) {
    if (indicator.estimated === null) continue;
    expect(indicator.min, indicator.id).not.toBeNull();
    expect(indicator.min!, indicator.id).toBeLessThanOrEqual(indicator.estimated);
    expect(indicator.estimated, indicator.id).toBeLessThanOrEqual(indicator.max!);
  }
}

const codes = (statement: WhiteLabelStatement) => statement.warnings.map((w) => w.code);

describe('whiteLabelStatement when the distributor’s variant was measured', () => {
  it('retains its own measured value for every indicator, with the min and max over all variants', () => {
    const variants = [variant('acme', 86, 1), variant('beta', 70, 1.5), variant('gamma', 92, 0.8)];
    const statement = whiteLabelStatement(variants, { estimate: 'beta', generatedAt: AT });
    expect(statement.estimate).toEqual({ name: 'beta', measured: true });
    expect(statement.rule.id).toBe('measured');
    expect(statement.indicators.map((i) => i.id)).toEqual([...WHITELABEL_INDICATOR_IDS]);
    const beta = variants[1].result.summary;
    expect(line(statement, 'ecoscore')).toMatchObject({ min: 70, max: 92, estimated: 70, minVariant: 'beta', maxVariant: 'gamma', rule: 'measured', estimatedFrom: ['beta'], unit: '/100', n: 3 });
    expect(line(statement, 'bytes')).toMatchObject({ estimated: beta.totals.bytes, min: RECORDED_BYTES * 0.8, max: RECORDED_BYTES * 1.5, minVariant: 'gamma', maxVariant: 'beta', unit: 'bytes' });
    expect(line(statement, 'energyMah').estimated).toBeCloseTo(RECORDED_ENERGY_MAH * 1.5, 9);
    expect(line(statement, 'durationMs').estimated).toBeCloseTo(RECORDED_DURATION_MS * 1.5, 6);
    expect(line(statement, 'ghgGrams').estimated).toBeCloseTo(beta.footprint!.ghgGrams, 12);
    expect(line(statement, 'waterLitres').estimated).toBeCloseTo(beta.footprint!.waterLitres, 12);
    expect(line(statement, 'adpKgSbEq').estimated).toBeCloseTo(beta.footprint!.adpKgSbEq, 20);
    expect(line(statement, 'energyScore').estimated).toBeCloseTo(beta.scores!.energy!, 9);
    for (const indicator of statement.indicators) expect(indicator.rule).toBe('measured');
    expect(statement.ecoscoreGrade).toEqual({ min: 'C', max: 'A', estimated: 'C' });
    expectBounded(statement);
    // The rule is a code with its parameters; its sentences are tested in test/report/i18n-whitelabel.test.ts.
    expect(statement.rule).toEqual({ id: 'measured', fallback: 'median', code: 'estimate-measured', params: { estimate: 'beta', variants: ['acme', 'beta', 'gamma'], fellBack: [] } });
  });

  it('falls back to the rule, with a warning, for a figure the distributor’s result lacks', () => {
    const variants = [
      variant('acme', 80, 1),
      variant('beta', 60, 2, (r) => {
        r.summary.footprint = null;
      }),
      variant('gamma', 90, 3),
    ];
    const statement = whiteLabelStatement(variants, { estimate: 'beta', generatedAt: AT });
    const ghg = line(statement, 'ghgGrams');
    expect(ghg.rule).toBe('median');
    expect(ghg.n).toBe(2);
    expect(ghg.estimated).toBeCloseTo((base.summary.footprint!.ghgGrams * 1 + base.summary.footprint!.ghgGrams * 3) / 2, 12);
    expect(ghg.estimatedFrom).toEqual(['acme', 'gamma']);
    expect(line(statement, 'ecoscore').rule).toBe('measured');
    expect(statement.warnings.filter((w) => w.code === 'estimate-not-measured-for-indicator').map((w) => w.indicator)).toEqual(['ghgGrams', 'waterLitres', 'adpKgSbEq']);
    expect(statement.rule.params).toMatchObject({ estimate: 'beta', fellBack: ['ghgGrams', 'waterLitres', 'adpKgSbEq'] });
    expect(statement.warnings.find((w) => w.code === 'estimate-not-measured-for-indicator')).toEqual({
      code: 'estimate-not-measured-for-indicator',
      params: { indicator: 'ghgGrams', estimate: 'beta', fallback: 'median' },
      variants: ['beta'],
      indicator: 'ghgGrams',
    });
    expectBounded(statement);
  });
});

describe('whiteLabelStatement when the distributor was not measured', () => {
  it('retains the median of an odd number of variants, naming the variant it comes from', () => {
    const variants = [variant('acme', 86, 1), variant('beta', 70, 1.5), variant('gamma', 92, 0.8)];
    const statement = whiteLabelStatement(variants, { estimate: 'delta', generatedAt: AT });
    expect(statement.estimate).toEqual({ name: 'delta', measured: false });
    expect(statement.rule.id).toBe('median');
    expect(line(statement, 'ecoscore')).toMatchObject({ min: 70, max: 92, estimated: 86, estimatedFrom: ['acme'], rule: 'median' });
    expect(line(statement, 'bytes')).toMatchObject({ estimated: RECORDED_BYTES, estimatedFrom: ['acme'] });
    expect(statement.ecoscoreGrade).toEqual({ min: 'C', max: 'A', estimated: 'A' });
    expectBounded(statement);
    expect(statement.rule).toEqual({ id: 'median', fallback: 'median', code: 'estimate-by-rule', params: { estimate: 'delta', variants: ['acme', 'beta', 'gamma'] } });
  });

  it('retains the mean of the two middle values for an even number of variants, graded with the default profile', () => {
    const variants = [variant('acme', 86, 1), variant('beta', 70, 1.5), variant('gamma', 92, 0.8), variant('omega', 60, 3)];
    const statement = whiteLabelStatement(variants, { estimate: 'delta', generatedAt: AT });
    // ecoscores sorted: 60, 70, 86, 92 → (70 + 86) / 2 = 78; bytes factors 0.8, 1, 1.5, 3 → (1 + 1.5) / 2 = 1.25
    expect(line(statement, 'ecoscore')).toMatchObject({ estimated: 78, estimatedFrom: ['beta', 'acme'] });
    expect(line(statement, 'bytes').estimated).toBeCloseTo(RECORDED_BYTES * 1.25, 6);
    expect(statement.ecoscoreGrade.estimated).toBe('B'); // 78 > 70
    expectBounded(statement);
  });

  it('retains the least favourable value with the conservative rule: lowest score, highest consumption', () => {
    const variants = [variant('acme', 86, 1), variant('beta', 70, 1.5), variant('gamma', 92, 0.8)];
    const statement = whiteLabelStatement(variants, { estimate: 'delta', rule: 'conservative', generatedAt: AT });
    expect(statement.rule.id).toBe('conservative');
    expect(line(statement, 'ecoscore')).toMatchObject({ estimated: 70, estimatedFrom: ['beta'], rule: 'conservative' });
    expect(line(statement, 'bytes')).toMatchObject({ estimated: RECORDED_BYTES * 1.5, estimatedFrom: ['beta'] });
    expect(line(statement, 'durationMs').estimated).toBe(line(statement, 'durationMs').max);
    expect(line(statement, 'dataScore').estimated).toBe(line(statement, 'dataScore').min);
    expect(statement.rule).toMatchObject({ id: 'conservative', fallback: 'conservative', code: 'estimate-by-rule' });
    expectBounded(statement);
  });

  it('keeps min ≤ estimated ≤ max for any figures, with either rule or a measured estimate', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const count = 1 + Math.floor(random() * 6);
      const variants = Array.from({ length: count }, (_, i) => variant(`v${i}`, Math.round(random() * 10000) / 100, 0.1 + random() * 5));
      for (const estimate of ['unmeasured', 'v0']) {
        for (const rule of ['median', 'conservative'] as const) expectBounded(whiteLabelStatement(variants, { estimate, rule, generatedAt: AT }));
      }
    }
  });

  it('states min = max = estimated, with a warning, from a single variant', () => {
    const statement = whiteLabelStatement([variant('acme', 86.43, 1)], { estimate: 'delta', generatedAt: AT });
    for (const indicator of statement.indicators) {
      expect(indicator.min).toBe(indicator.max);
      expect(indicator.estimated).toBe(indicator.min);
    }
    expect(codes(statement)).toContain('single-variant');
  });

  it('leaves an indicator no variant measured as null, with a warning', () => {
    const noEnergy = (r: Result) => {
      delete (r.summary.totals as Record<string, unknown>).energyMah;
    };
    const statement = whiteLabelStatement([variant('acme', 80, 1, noEnergy), variant('beta', 70, 2, noEnergy)], { estimate: 'delta', generatedAt: AT });
    expect(line(statement, 'energyMah')).toMatchObject({ min: null, max: null, estimated: null, rule: null, n: 0, estimatedFrom: [] });
    expect(statement.warnings.find((w) => w.code === 'indicator-not-measured')?.indicator).toBe('energyMah');
  });
});

describe('whiteLabelStatement records the variants and warns when they are not comparable', () => {
  it('records journey, device, network, iterations, spread and energy source of each variant', () => {
    const statement = whiteLabelStatement([variant('acme', 86.43, 1)], { estimate: 'acme', generatedAt: AT, tool: { name: 'ecoscore', version: '0.1.0' } });
    expect(statement.generatedAt).toBe(AT);
    expect(statement.tool).toEqual({ name: 'ecoscore', version: '0.1.0' });
    // The recorded run's journey hash, start, ecoscore CV over its iterations and scoring profile (result.json).
    expect(statement.variants[0]).toMatchObject({
      name: 'acme',
      journey: { name: 'Demo health app — record a blood pressure measure', sha256: '0f6f7eca7daee04cbcd5efe0c45dee582e389e9b0fde5dc674494283f716cc71', steps: 9 },
      target: { platform: 'web', name: 'demo' },
      device: { id: 'mid-range-phone' },
      network: { id: 'wifi' },
      startedAt: base.environment.startedAt,
      iterations: 3,
      completedIterations: 3,
      failedSteps: 0,
      ecoscoreCv: base.summary.spread!.ecoscore!.cv,
      energySource: 'model',
      scoringProfile: 'ecoscore-default@2.0.0',
    });
  });

  it('gives no comparability warning for variants measured alike (only that energy is modelled)', () => {
    const statement = whiteLabelStatement([variant('acme', 86, 1), variant('beta', 70, 1.5)], { estimate: 'delta', generatedAt: AT });
    expect(codes(statement)).toEqual(['modelled-energy']);
    expect(statement.warnings[0].variants).toEqual(['acme', 'beta']);
  });

  it('warns when variants were measured on different devices, networks, platforms or methods', () => {
    const statement = whiteLabelStatement(
      [
        variant('acme', 86, 1),
        variant('beta', 70, 1.5, (r) => {
          r.environment.device = { ...r.environment.device, id: 'high-end-phone', name: 'High-end phone' };
          r.environment.network = { ...r.environment.network, id: '4g', name: '4G' };
          r.target = { platform: 'android', appPackage: 'org.example.beta' };
          (r.environment.methodology as { scoring: { id: string } }).scoring = { id: 'official', version: '2' } as never;
        }),
      ],
      { estimate: 'delta', generatedAt: AT },
    );
    expect(codes(statement)).toEqual(expect.arrayContaining(['different-devices', 'different-networks', 'different-platforms', 'different-methodology']));
    const devices = statement.warnings.find((w) => w.code === 'different-devices')!;
    expect(devices.params).toEqual({ groups: [{ value: 'mid-range-phone', variants: ['acme'] }, { value: 'high-end-phone', variants: ['beta'] }] });
    expect(statement.warnings.find((w) => w.code === 'different-platforms')!.params).toEqual({ groups: [{ value: 'web', variants: ['acme'] }, { value: 'android', variants: ['beta'] }] });
    expect(statement.variants[1].target).toEqual({ platform: 'android', name: 'org.example.beta' });
  });

  it('tells different journeys (other steps) from different files of the same journey', () => {
    const otherSteps = whiteLabelStatement([variant('acme', 86, 1), variant('beta', 70, 1, (r) => r.steps.pop())], { estimate: 'x', generatedAt: AT });
    expect(codes(otherSteps)).toContain('different-journeys');
    expect(codes(otherSteps)).not.toContain('different-journey-files');
    const otherFile = whiteLabelStatement([variant('acme', 86, 1), variant('beta', 70, 1, (r) => (r.journey.sha256 = 'f'.repeat(64)))], { estimate: 'x', generatedAt: AT });
    expect(codes(otherFile)).toContain('different-journey-files');
    expect(codes(otherFile)).not.toContain('different-journeys');
  });

  it('warns about failed steps, incomplete runs, single iterations and mixed energy sources', () => {
    const statement = whiteLabelStatement(
      [
        variant('acme', 86, 1, (r) => {
          r.status = 'failed';
          r.summary.failedSteps = 1;
          r.summary.passedSteps = 8;
        }),
        variant('beta', 70, 1, (r) => {
          r.status = 'interrupted';
          r.completedIterations = 1;
          r.environment.energySource = { kind: 'device-counter', counter: 'android-charge-counter' };
        }),
      ],
      { estimate: 'x', generatedAt: AT },
    );
    const byCode = (code: string) => statement.warnings.filter((w) => w.code === code).flatMap((w) => w.variants);
    expect(byCode('failed-steps')).toEqual(['acme']);
    expect(byCode('incomplete-run')).toEqual(['beta']);
    expect(byCode('single-iteration')).toEqual(['beta']);
    expect(byCode('modelled-energy')).toEqual(['acme']);
    expect(codes(statement)).toContain('different-energy-sources');
    expect(statement.warnings.find((w) => w.code === 'failed-steps')!.params).toEqual({ variant: 'acme', failedSteps: 1, skippedSteps: 0 });
    expect(statement.warnings.find((w) => w.code === 'incomplete-run')!.params).toEqual({ variant: 'beta', completedIterations: 1, iterations: 3, status: 'interrupted' });
    expect(statement.warnings.find((w) => w.code === 'different-energy-sources')!.params).toEqual({ sources: [{ variant: 'acme', energySource: 'model' }, { variant: 'beta', energySource: 'device-counter' }] });
  });
});

describe('whiteLabelStatement input checks', () => {
  const ok = () => [variant('acme', 86, 1)];
  it('needs at least one variant', () => {
    expect(() => whiteLabelStatement([], { estimate: 'x', generatedAt: AT })).toThrow(/at least one measured variant is needed/);
  });
  it('needs unique, non-empty names', () => {
    expect(() => whiteLabelStatement([variant('acme', 86, 1), variant('beta', 80, 1), variant('acme', 70, 1)], { estimate: 'x', generatedAt: AT })).toThrow(
      'the variant name "acme" is given twice (variants[0] and variants[2]); names must be unique',
    );
    expect(() => whiteLabelStatement([{ ...variant('acme', 86, 1), name: ' ' }], { estimate: 'x', generatedAt: AT })).toThrow(/variants\[0\]\.name must be a non-empty string/);
  });
  it('needs results, an estimate name, a known rule and an ISO date', () => {
    expect(() => whiteLabelStatement([{ name: 'acme', result: {} as Result }], { estimate: 'x', generatedAt: AT })).toThrow(/variants\[0\] \("acme"\)\.result is not an ecoscore result/);
    expect(() => whiteLabelStatement(ok(), { estimate: '', generatedAt: AT })).toThrow(/"estimate" must name the distributor's service/);
    expect(() => whiteLabelStatement(ok(), { estimate: 'x', rule: 'mean' as never, generatedAt: AT })).toThrow(/"rule" must be one of median, conservative, got "mean"/);
    expect(() => whiteLabelStatement(ok(), { estimate: 'x', generatedAt: 'yesterday' })).toThrow(/"generatedAt" must be an ISO 8601 date-time/);
  });
  it('does not modify its inputs and gives plain JSON', () => {
    const variants = [variant('acme', 86, 1), variant('beta', 70, 2)];
    const before = structuredClone(variants);
    const statement = whiteLabelStatement(variants, { estimate: 'beta', generatedAt: AT });
    expect(variants).toEqual(before);
    expect(JSON.parse(JSON.stringify(statement))).toEqual(statement);
  });
});
