/**
 * Energy of every sample of a run (methodology 2.0): measured where the never-mix rule allows it
 * (energy-source.ts), modelled otherwise, with the excess charge the score reads.
 *
 * - modelled: `estimateStepEnergy` (energy.ts); `excessEnergyMah` = CPU + radio charge;
 * - measured: `energyMah` = the device's measured charge; `excessEnergyMah` = measured charge − the same
 *   iteration's reference rate (measured) × the step's duration, floored at 0.
 * Idle steps (pause, background) count only the work beyond the reference step's own rate (the idle browser's
 * compositor, GPU and timer work, a few ms per second): each of their figures minus the reference's figure per ms ×
 * the step's duration, floored at 0, is what the model charges. A pause in which the page does nothing scores 100
 * however long it lasts. Work steps count their whole excess: the browser's idle share during a step is part of what the step's
 * time costs, and subtracting it would let slower work look cheaper.
 *
 * Pure: plain data in, plain data out.
 */
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { RawStepSample, Run } from '../model/result.js';
import { IDLE_STEP_TYPES } from './ecoscore.js';
import { estimateStepEnergy, type CpuTimeBasis, type HostCalibration } from './energy.js';
import { stepEnergyBases, type StepEnergyBasis } from './energy-source.js';

/** What the energy evaluation needs. */
export interface EnergyContext {
  device: DeviceProfile;
  network: NetworkProfile;
  calibration: HostCalibration | null;
  /** Where CPU times were measured (default `host-emulated`: Chromium on this machine). */
  cpuTimeBasis?: CpuTimeBasis;
  /** Index of the reference step (the first one), or -1. */
  referenceIndex: number;
  stepCount: number;
}

/** Runs with energy figures, and per step whether its energy is measured. */
export interface RunsWithEnergy {
  runs: Run[];
  bases: StepEnergyBasis[];
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function rateOf(mah: number | null, durationMs: number | null): number | null {
  return mah === null || durationMs === null || durationMs <= 0 ? null : (mah * 1000) / (durationMs / 1000);
}

const WORK_FIELDS = ['cpuMs', 'rendererOtherCpuMs', 'gpuCpuMs', 'utilityCpuMs', 'bytes', 'requests'] as const;

/**
 * An idle step's figures beyond the reference's: each work figure minus the reference's figure per ms × the step's
 * duration, floored at 0 (null stays null; a reference without a duration leaves the figures as they are).
 */
export function beyondReference(sample: RawStepSample, reference: RawStepSample): RawStepSample {
  const referenceMs = reference.durationMs;
  if (!referenceMs || sample.durationMs === null) return sample;
  const adjusted: RawStepSample = { ...sample };
  for (const field of WORK_FIELDS) {
    const value = sample[field];
    const base = reference[field];
    if (value === null || value === undefined || base === null || base === undefined) continue;
    adjusted[field] = Math.max(0, value - (base / referenceMs) * sample.durationMs);
  }
  return adjusted;
}

/** Fills `energyMah`, `excessEnergyMah`, `dischargeUahPerS` and `energyBasis` of every sample that ran. */
export function withEnergy(runs: ReadonlyArray<Run>, context: EnergyContext): RunsWithEnergy {
  const bases = stepEnergyBases(context.stepCount, context.referenceIndex, runs.flatMap((run) => run.samples));
  const energised = runs.map((run) => {
    const reference = run.samples.find((sample) => sample.index === context.referenceIndex && sample.status === 'passed');
    const referenceRate = reference ? rateOf(reference.measuredEnergyMah ?? null, reference.durationMs) : null;
    return {
      ...run,
      samples: run.samples.map((sample): RawStepSample => {
        if (sample.status === 'skipped') return sample;
        if (bases[sample.index]?.measured && sample.measuredEnergyMah != null) {
          const measured = sample.measuredEnergyMah;
          const excess = referenceRate === null || sample.durationMs === null ? null : Math.max(0, measured - (referenceRate * sample.durationMs) / 1_000_000);
          return {
            ...sample,
            energyBasis: 'measured',
            energyMah: round(measured, 6),
            excessEnergyMah: sample.index === context.referenceIndex ? 0 : round(excess, 6),
            dischargeUahPerS: round(rateOf(measured, sample.durationMs), 3),
          };
        }
        const basis = context.cpuTimeBasis ?? 'host-emulated';
        const energy = estimateStepEnergy(sample, context.device, context.network, context.calibration, basis);
        const idle = IDLE_STEP_TYPES.includes(sample.type) && sample.index !== context.referenceIndex;
        const excess = !idle
          ? energy.excessEnergyMah
          : reference === undefined
            ? null
            : estimateStepEnergy(beyondReference(sample, reference), context.device, context.network, context.calibration, basis).excessEnergyMah;
        return {
          ...sample,
          energyBasis: 'model',
          energyMah: round(energy.energyMah, 6),
          excessEnergyMah: round(excess, 6),
          dischargeUahPerS: round(energy.dischargeUahPerS, 3),
        };
      }),
    };
  });
  return { runs: energised, bases };
}
