/**
 * The DEV.1.4 comparison (methodology/constrained.ts) over generated pairs of runs (synthetic inputs from
 * fast-check): what it says completed, what it ranks slowest and the factors it gives follow from the two runs'
 * step figures, whatever they are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLOWEST_STEPS, compareConstrained, type ConditionStep } from '../../src/methodology/constrained.js';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };
const TYPES = ['reference', 'first-load', 'load', 'action', 'scroll', 'pause'];
const figures = fc.record({
  status: fc.constantFrom('passed' as const, 'passed' as const, 'failed' as const, 'skipped' as const),
  durationMs: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null, freq: 8 }),
  bytes: fc.option(fc.integer({ min: 0, max: 9_000_000 }), { nil: null, freq: 8 }),
});
const pairs = fc.array(fc.record({ type: fc.constantFrom(...TYPES), usual: figures, constrained: figures }), { minLength: 1, maxLength: 14 }).map((steps) => ({
  usual: steps.map((step, i): ConditionStep => ({ name: `step ${i}`, type: step.type, ...step.usual })),
  constrained: steps.map((step, i): ConditionStep => ({ name: `step ${i}`, type: step.type, ...step.constrained })),
}));

describe('compareConstrained', () => {
  it('counts what completed, names what did not and keeps both conditions’ figures (property)', () => {
    fc.assert(
      fc.property(pairs, ({ usual, constrained }) => {
        const comparison = compareConstrained(usual, constrained);
        expect(comparison.totalSteps).toBe(usual.length);
        expect(comparison.completedSteps).toBe(constrained.filter((step) => step.status === 'passed').length);
        expect(comparison.notCompleted).toEqual(constrained.filter((step) => step.status !== 'passed').map((step) => step.name));
        comparison.steps.forEach((step, i) => {
          expect(step.usual).toEqual({ status: usual[i]!.status, durationMs: usual[i]!.durationMs, bytes: usual[i]!.bytes });
          expect(step.constrained).toEqual({ status: constrained[i]!.status, durationMs: constrained[i]!.durationMs, bytes: constrained[i]!.bytes });
        });
      }),
      RUNS,
    );
  });

  it('ranks the slowest completed work steps, slowest first, never an idle step (property)', () => {
    fc.assert(
      fc.property(pairs, ({ usual, constrained }) => {
        const { slowest } = compareConstrained(usual, constrained);
        const eligible = constrained.map((step, index) => ({ step, index })).filter(({ step }) => step.status === 'passed' && step.durationMs !== null && step.type !== 'reference' && step.type !== 'pause');
        expect(slowest.length).toBe(Math.min(SLOWEST_STEPS, eligible.length));
        const durations = slowest.map((index) => constrained[index]!.durationMs!);
        expect([...durations].sort((a, b) => b - a)).toEqual(durations);
        for (const index of slowest) expect(eligible.some((entry) => entry.index === index)).toBe(true);
        // Nothing left out is slower than the last one named.
        const last = durations[durations.length - 1];
        if (last !== undefined) for (const { step, index } of eligible) if (!slowest.includes(index)) expect(step.durationMs!).toBeLessThanOrEqual(last);
      }),
      RUNS,
    );
  });

  it('gives a factor only for work steps that passed in both conditions (property)', () => {
    fc.assert(
      fc.property(pairs, ({ usual, constrained }) => {
        for (const step of compareConstrained(usual, constrained).steps) {
          const comparable =
            step.type !== 'reference' && step.type !== 'pause' && step.usual.status === 'passed' && step.constrained.status === 'passed' && (step.usual.durationMs ?? 0) > 0 && step.constrained.durationMs !== null;
          if (!comparable) expect(step.slowdown).toBeNull();
          else {
            // The factor is given to two decimals: within half a hundredth of the exact ratio (and float error).
            const exact = step.constrained.durationMs! / step.usual.durationMs!;
            expect(Math.abs(step.slowdown! - exact)).toBeLessThanOrEqual(0.005 + 1e-12 * exact);
          }
        }
      }),
      RUNS,
    );
  });

  it('refuses two runs that do not have the same steps', () => {
    const step = (name: string): ConditionStep => ({ name, type: 'load', status: 'passed', durationMs: 1, bytes: 1 });
    expect(() => compareConstrained([step('a')], [step('a'), step('b')])).toThrow(/same steps/);
    expect(() => compareConstrained([step('a')], [step('b')])).toThrow(/same steps/);
  });
});
