/**
 * Energy model 2.0 (web and mobile targets): estimates a phone's battery charge for one step from what the
 * probes measured and the device and network profiles. On a web run there is no power meter: every figure here
 * is modelled, and results say so (`environment.energySource`, see energy-source.ts).
 *
 *   energyMah       = idleMah + cpuMah + radioMah                              (charge of the step, mAh)
 *   idleMah         = (screenOnMa + SCREEN_BRIGHTNESS_FRACTION × screenFullMa + cpuIdleMa
 *                      + radioOnMa if cellular) × durationMs / MS_PER_HOUR     (what an idle phone draws anyway)
 *   excessEnergyMah = cpuMah + radioMah                                        (what the app's work adds: the score's input)
 *   cpuMah          = energy-cpu.ts: main-thread work on the big cluster, other work on the little one, at the
 *                     frequency the governor picks for a burst of that work
 *   radioMah        = energy-radio.ts: transfer, request round trips and the whole radio tail
 *   dischargeUahPerS = energyMah × 1000 / (durationMs / 1000)
 *
 * CPU work in device milliseconds (web targets measured in emulated Chromium, `cpuTimeBasis: 'host-emulated'`):
 *   mainMs  = cpuMs × cpuScale                     (renderer main thread, measured under CDP throttling ×k)
 *   otherMs = (rendererOtherCpuMs + gpuCpuMs + utilityCpuMs) × k × cpuScale   (the renderer's other threads, the GPU
 *             process, the network service and other utility processes: host time, not throttled)
 *   cpuScale = hostBenchmarkIndex / REFERENCE_BENCHMARK_INDEX   (1 without a calibration)
 * On a device (`cpuTimeBasis: 'device'`, Android /proc): mainMs = cpuMs (the app's whole process), otherMs = 0.
 *
 * `excessEnergyMah` does not depend on the step's duration: padding a step after it is ready, or doing the same
 * work more slowly, leaves it unchanged; more bytes, requests or CPU work raise it.
 *
 * Every coefficient is a named constant with its source; docs/methodology.md gives the reasoning and limits.
 *
 * Pure: no I/O, no clock, no browser. Type-only imports from model/ and profiles/.
 */
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { HostCalibration } from '../model/environment.js';
import type { RawStepSample } from '../model/result.js';
import { cpuCharge, type CpuWork } from './energy-cpu.js';
import { radioCharge } from './energy-radio.js';

export {
  CELLULAR_TAIL_BY_NETWORK_ID,
  LTE_TAIL,
  REQUEST_CONCURRENCY,
  UMTS_TAIL,
  WIFI_TAIL,
  energyOfBytes,
  radioCharge,
  radioTailModel,
  type RadioTailModel,
  type RadioTailSegment,
} from './energy-radio.js';
export { cpuCharge, type CpuWork } from './energy-cpu.js';

/** Version of this model: bump the minor for a changed coefficient, the major for a changed formula. */
export const ENERGY_MODEL_VERSION = '2.0.0';
/** Name of this model in `environment.energySource.model`. */
export const ENERGY_MODEL_ID = 'ecoscore-energy';

/** Milliseconds per hour: mA × ms / MS_PER_HOUR = mAh. */
export const MS_PER_HOUR = 3_600_000;

/**
 * Share of `screen.full` added to `screen.on`: 0.5, the middle of Android's five brightness bins.
 * AOSP's ScreenPowerCalculator charges `screen.on + screen.full × (bin + 0.5) / NUM_SCREEN_BRIGHTNESS_BINS`
 * per brightness bin (aosp-mirror/platform_frameworks_base, core/java/com/android/internal/os/
 * ScreenPowerCalculator.java @ 0b2a818bd66584a0f8b764c7c31d7198a0d2ebcc, `calculateTotalPowerFromBrightness`);
 * with 5 bins the middle one (bin 2) gives (2 + 0.5) / 5 = 0.5. Inferred: the official measures use a
 * "stable brightness" whose level is not published, so we take the middle bin.
 */
export const SCREEN_BRIGHTNESS_FRACTION = 0.5;

/**
 * Benchmark index of the reference desktop that device `cpuSlowdownFactor`s are relative to: 1750, the
 * middle of Lighthouse's "High-End Desktop" bracket (1500-2000). Lighthouse docs/throttling.md
 * (GoogleChrome/lighthouse @ 2b8caf21a3e9d03633b52e43e35e97291ae6553d, "Benchmarking CPU Power" and
 * "Calibrating the CPU slowdown"): "a constant 4x CPU multiplier ... moves a typical run in the high-end
 * desktop bracket somewhere into the mid-tier mobile bracket", and its multiplier table starts from the
 * high-end desktop (2x to a high-end phone, 4x to a mid-tier one), which is where our device profiles take
 * their slowdowns from. Inferred: the midpoint of the bracket.
 */
export const REFERENCE_BENCHMARK_INDEX = 1750;

/** Speed of the machine that ran the measures, measured at run start (probes/calibration.ts); the contract is model/'s. */
export type { HostCalibration } from '../model/environment.js';

/**
 * Where CPU times were measured: `host-emulated` — Chromium on this machine under CDP CPU throttling (web targets:
 * main-thread time is throttled, other processes' time is host time); `device` — on the phone itself (Android
 * `/proc`: the app process's time, all threads).
 */
export type CpuTimeBasis = 'host-emulated' | 'device';

/**
 * Measured figures of one step the model uses (a {@link RawStepSample} fits as is). With `host-emulated` CPU
 * times, `rendererOtherCpuMs`, `gpuCpuMs` and `utilityCpuMs` (the thread-cpu probe) are inputs: when one is null the
 * CPU charge and the energy are null (never a partial sum).
 */
export type StepEnergyInput = Pick<RawStepSample, 'durationMs' | 'cpuMs' | 'bytes' | 'requests'> & {
  rendererOtherCpuMs?: number | null;
  gpuCpuMs?: number | null;
  utilityCpuMs?: number | null;
};

/** Charge of each part of the phone during the step, mAh; null when an input it needs was not measured. */
export interface EnergyComponents {
  /** Screen on at {@link SCREEN_BRIGHTNESS_FRACTION} brightness for the step's duration. */
  screenMah: number | null;
  /** The step's CPU work on the device's clusters (energy-cpu.ts). */
  cpuMah: number | null;
  /** Radio: transfer, request round trips and the whole tail (energy-radio.ts). */
  networkMah: number | null;
  /** Awake-CPU baseline, plus the cellular radio's idle-on current, for the step's duration. */
  baseMah: number | null;
}

/** The model's estimate for one step. */
export interface StepEnergy {
  /** Battery charge of the step, mAh; null when any input the model needs is null (never a partial sum). */
  energyMah: number | null;
  /** Charge the app's work adds to an idle phone (CPU + radio), mAh; null when an input is missing. */
  excessEnergyMah: number | null;
  /** Mean discharge rate over the step, µAh/s; null when energy is null or the step lasted 0 ms. */
  dischargeUahPerS: number | null;
  components: EnergyComponents;
  /** CPU work in device ms at the cluster's top frequency: main thread, and everything else; null when not measured. */
  deviceCpuMs: CpuWork | null;
  /** Time the radio is charged at its full active current (transfer + request waits + tail), ms; null when bytes or requests are null. */
  radioEquivalentMs: number | null;
  /** True when CPU time was normalised by a host calibration. */
  calibrated: boolean;
  /** hostBenchmarkIndex / REFERENCE_BENCHMARK_INDEX, or 1 without calibration. */
  cpuScale: number;
}

function checkInput(name: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`energy model: "${name}" must be a non-negative finite number or null, got ${value} (see docs/methodology.md)`);
  }
  return value;
}

/** hostBenchmarkIndex / REFERENCE_BENCHMARK_INDEX, from a calibration's measured index and rate. */
export function cpuScaleOf(calibration: HostCalibration | null): number {
  if (calibration === null) return 1;
  const { benchmarkIndex, throttlingRate } = calibration;
  if (!(Number.isFinite(benchmarkIndex) && benchmarkIndex > 0 && Number.isFinite(throttlingRate) && throttlingRate >= 1)) {
    throw new RangeError(
      `energy model: calibration needs a positive benchmarkIndex and a throttlingRate ≥ 1, got ${benchmarkIndex} and ${throttlingRate}`,
    );
  }
  return (benchmarkIndex * throttlingRate) / REFERENCE_BENCHMARK_INDEX;
}

/**
 * Device main-thread time, ms: main-thread time measured under CDP throttling at the device's slowdown k, on a
 * host of index H, scaled to a device defined as k times slower than the reference desktop of index R:
 * `cpuMs × H / R`. Without calibration, `cpuMs` as is (the host is taken to be the reference).
 */
export function deviceCpuMsOf(cpuMs: number, calibration: HostCalibration | null): number {
  return cpuMs * cpuScaleOf(calibration);
}

/**
 * The step's CPU work in device ms (see the module comment), or null when a CPU figure it needs is missing.
 */
export function deviceCpuWorkOf(
  input: StepEnergyInput,
  device: Pick<DeviceProfile, 'cpuSlowdownFactor'>,
  calibration: HostCalibration | null,
  basis: CpuTimeBasis,
): CpuWork | null {
  const cpuMs = checkInput('cpuMs', input.cpuMs);
  if (cpuMs === null) return null;
  if (basis === 'device') return { mainMs: cpuMs, otherMs: 0 };
  const renderer = checkInput('rendererOtherCpuMs', input.rendererOtherCpuMs);
  const gpu = checkInput('gpuCpuMs', input.gpuCpuMs);
  const utility = checkInput('utilityCpuMs', input.utilityCpuMs);
  if (renderer === null || gpu === null || utility === null) return null;
  const scale = cpuScaleOf(calibration);
  const otherHostMs = renderer + gpu + utility;
  return { mainMs: cpuMs * scale, otherMs: otherHostMs * device.cpuSlowdownFactor * scale };
}

/**
 * Estimates the phone's battery charge for one step. A null input makes the components that need it null and
 * the totals null: a probe that failed never yields a made-up figure. Throws a RangeError for a negative or
 * non-finite input.
 */
export function estimateStepEnergy(
  input: StepEnergyInput,
  device: DeviceProfile,
  network: NetworkProfile,
  calibration: HostCalibration | null,
  basis: CpuTimeBasis = 'host-emulated',
): StepEnergy {
  const durationMs = checkInput('durationMs', input.durationMs);
  const bytes = checkInput('bytes', input.bytes);
  const requests = checkInput('requests', input.requests);
  const power = device.power;
  const cpuScale = cpuScaleOf(calibration);
  const work = deviceCpuWorkOf(input, device, calibration, basis);

  const screenMa = power.screenOnMa + SCREEN_BRIGHTNESS_FRACTION * power.screenFullMa;
  const baseMa = power.cpuIdleMa + (network.radio === 'cellular' ? power.radioOnMa : 0);
  const radio = bytes === null || requests === null ? null : radioCharge(bytes, requests, power, network);

  const components: EnergyComponents = {
    screenMah: durationMs === null ? null : (screenMa * durationMs) / MS_PER_HOUR,
    cpuMah: work === null ? null : cpuCharge(work, power).mah,
    networkMah: radio === null ? null : radio.mah,
    baseMah: durationMs === null ? null : (baseMa * durationMs) / MS_PER_HOUR,
  };
  const excessEnergyMah = components.cpuMah === null || components.networkMah === null ? null : components.cpuMah + components.networkMah;
  const energyMah =
    excessEnergyMah === null || components.screenMah === null || components.baseMah === null
      ? null
      : excessEnergyMah + components.screenMah + components.baseMah;
  const dischargeUahPerS = energyMah === null || durationMs === null || durationMs === 0 ? null : (energyMah * 1000) / (durationMs / 1000);
  return {
    energyMah,
    excessEnergyMah,
    dischargeUahPerS,
    components,
    deviceCpuMs: work,
    radioEquivalentMs: radio === null ? null : radio.radioEquivalentMs,
    calibrated: calibration !== null,
    cpuScale,
  };
}

/**
 * A step's discharge rate relative to the reference step's (1.5 = 50 % more current than the idle
 * reference). Null when there is no reference, either rate is null, or the reference rate is 0. Reported for
 * information (`steps[].dischargeRatio`); model 2.0 scores energy on the excess charge, not on this ratio.
 */
export function relativeDischarge(
  step: Pick<StepEnergy, 'dischargeUahPerS'>,
  reference: Pick<StepEnergy, 'dischargeUahPerS'> | null,
): number | null {
  if (reference === null || reference.dischargeUahPerS === null || step.dischargeUahPerS === null) return null;
  if (reference.dischargeUahPerS === 0) return null;
  return step.dischargeUahPerS / reference.dischargeUahPerS;
}
