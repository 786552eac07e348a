/**
 * Where a result's energy figures come from (`environment.energySource`, `steps[].energySource`): the model, or
 * a device instrument that measured them. One owner for the label every renderer prints
 * ({@link energySourceLabel}).
 *
 * Never mix: a step's energy is `measured` only when every iteration's sample of the step AND of the reference
 * step was measured (a measured excess needs a measured baseline); otherwise every iteration of the step is
 * modelled, and the step says why.
 *
 * Pure: no I/O.
 */
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import { REQUEST_CONCURRENCY, radioTailModel } from './energy-radio.js';
import { ENERGY_MODEL_ID, ENERGY_MODEL_VERSION, REFERENCE_BENCHMARK_INDEX, SCREEN_BRIGHTNESS_FRACTION, type HostCalibration } from './energy.js';

/** Where energy figures come from when they are modelled. */
export interface ModelEnergySource {
  kind: 'model';
  model: typeof ENERGY_MODEL_ID;
  version: string;
  /** Device profile id. */
  device: string;
  /** Network profile id. */
  network: string;
  /** True when CPU time was normalised by a host calibration measured at run start. */
  calibrated: boolean;
  /** The calibration used, when there was one. */
  calibration: {
    benchmarkIndex: number;
    throttlingRate: number;
    hostBenchmarkIndex: number;
    referenceBenchmarkIndex: number;
    method: string;
  } | null;
  /** Modelling choices that are not in the profiles. */
  assumptions: {
    screenBrightnessFraction: number;
    radioTail: string | null;
    /** How CPU work is charged: `pelt-schedutil-burst` (energy-cpu.ts). */
    cpuFrequencyModel?: string;
    /** Requests whose round trips overlap (energy-radio.ts). */
    requestConcurrency?: number;
  };
  /** Why the energy is modelled although a device instrument ran (charging, lost samples…). */
  reason?: string;
  /** One sentence for reports. */
  description: string;
}

/** Energy measured on a device by sampling its battery current and voltage (Android, see docs/mobile.md). */
export interface MeasuredEnergySource {
  kind: 'measured';
  /** The instrument: `android-power-sampler`. */
  instrument: string;
  /** How it sampled (`perfetto-battery`, `perfetto-rails`, `sysfs-current`), when all samples agree. */
  method: string | null;
  /** Device model it ran on. */
  device: string;
  /** Steps whose energy is measured in every iteration, and steps modelled instead. */
  measuredSteps: number;
  modelledSteps: number;
  /** The model used for the modelled steps, when there are some. */
  fallback: ModelEnergySource | null;
  /** One sentence for reports. */
  description: string;
}

/** Results of methodology 1.x measured with the charge counter (read, never written any more). */
export interface DeviceCounterEnergySource {
  kind: 'device-counter';
  counter: string;
  device: string;
  description: string;
}

/** Any energy source. */
export type EnergySource = ModelEnergySource | MeasuredEnergySource | DeviceCounterEnergySource;

/** The one label of an energy source, for every renderer: `modelled`, `measured`, or `partly measured`. */
export type EnergySourceLabel = 'modelled' | 'measured' | 'partly-measured';

/** The label of an energy source (legacy charge-counter results read as `partly-measured`: their figures mixed both). */
export function energySourceLabel(source: Pick<EnergySource, 'kind'> & Partial<Pick<MeasuredEnergySource, 'modelledSteps'>>): EnergySourceLabel {
  if (source.kind === 'model') return 'modelled';
  if (source.kind === 'measured') return (source.modelledSteps ?? 0) > 0 ? 'partly-measured' : 'measured';
  return 'partly-measured';
}

/** The `environment.energySource` of results whose energy this model estimated. */
export function energySourceOfModel(device: DeviceProfile, network: NetworkProfile, calibration: HostCalibration | null): ModelEnergySource {
  const fromAndroid = device.sources.some((source) => /power_profile\.xml/.test(source.source) && (source.field === 'power' || source.field === '*'));
  const profile = fromAndroid ? `AOSP power_profile.xml of the ${device.name}` : device.name;
  const tail = radioTailModel(network);
  return {
    kind: 'model',
    model: ENERGY_MODEL_ID,
    version: ENERGY_MODEL_VERSION,
    device: device.id,
    network: network.id,
    calibrated: calibration !== null,
    calibration:
      calibration === null
        ? null
        : {
            benchmarkIndex: calibration.benchmarkIndex,
            throttlingRate: calibration.throttlingRate,
            hostBenchmarkIndex: calibration.benchmarkIndex * calibration.throttlingRate,
            referenceBenchmarkIndex: REFERENCE_BENCHMARK_INDEX,
            method: calibration.method,
          },
    assumptions: {
      screenBrightnessFraction: SCREEN_BRIGHTNESS_FRACTION,
      radioTail: tail === null ? null : tail.name,
      cpuFrequencyModel: device.power.cpuClusters ? 'pelt-schedutil-burst' : 'single-current',
      requestConcurrency: REQUEST_CONCURRENCY,
    },
    description:
      `Modelled from the measured CPU time of every browser process, bytes and requests with the ${device.id} power profile (${profile}) ` +
      `on the ${network.id} network` +
      (calibration === null ? ', CPU time not normalised by a host calibration' : ', CPU time normalised by a host calibration') +
      '; not a measurement.',
  };
}

/** Per step: whether its energy is measured, and why not when it is not. */
export interface StepEnergyBasis {
  measured: boolean;
  /** Why the step is modelled although a device instrument ran (its first unmeasured sample's reason). */
  reason: string | null;
}

/** What {@link stepEnergyBases} reads of a sample. */
export interface EnergySampleView {
  index: number;
  status: string;
  measuredEnergyMah?: number | null;
  unavailable?: Record<string, string>;
}

/**
 * The never-mix rule: for each step index, measured when every passed sample of the step, and every passed
 * sample of the reference step, carries a measured charge; else modelled, with the reason of the first sample
 * that had none (`unavailable.energy`), or "no instrument" when nothing was measured at all.
 */
export function stepEnergyBases(stepCount: number, referenceIndex: number, samples: ReadonlyArray<EnergySampleView>): StepEnergyBasis[] {
  const passedOf = (index: number) => samples.filter((sample) => sample.index === index && sample.status === 'passed');
  const unmeasured = (index: number) => passedOf(index).find((sample) => sample.measuredEnergyMah == null) ?? null;
  const anyMeasured = samples.some((sample) => sample.measuredEnergyMah != null);
  const referenceGap = referenceIndex >= 0 ? unmeasured(referenceIndex) : null;
  return Array.from({ length: stepCount }, (_, index) => {
    if (!anyMeasured) return { measured: false, reason: null };
    const passed = passedOf(index);
    const gap = unmeasured(index);
    if (passed.length > 0 && gap === null && referenceIndex >= 0 && referenceGap === null) return { measured: true, reason: null };
    if (referenceIndex < 0) return { measured: false, reason: 'the journey has no reference step to measure the idle baseline' };
    const why = gap ?? referenceGap;
    const prefix = gap === null ? 'the reference step was not measured in every iteration' : 'not measured in every iteration';
    return { measured: false, reason: `${prefix}${why?.unavailable?.energy ? `: ${why.unavailable.energy}` : ''}` };
  });
}

/** What {@link energySourceOfRun} reads of a run's samples. */
export interface RunEnergySampleView {
  unavailable?: Record<string, string>;
  energyMeasurement?: { method: string } | null;
}

/**
 * The result's energy source: `measured` when at least one step's energy was measured in every iteration (with the
 * counts and the model of the others), else the model, with the reason when a device instrument ran but measured
 * nothing usable. `deviceName` names the phone measured (its model, else the device profile id).
 */
export function energySourceOfRun(
  model: ModelEnergySource,
  stepCount: number,
  bases: readonly StepEnergyBasis[],
  samples: readonly RunEnergySampleView[],
  deviceName: () => string,
): EnergySource {
  const measuredSteps = bases.filter((basis) => basis.measured).length;
  if (measuredSteps === 0) {
    const reason = bases.map((basis) => basis.reason).find((candidate): candidate is string => candidate !== null) ?? samples.map((sample) => sample.unavailable?.energy).find((why) => why !== undefined);
    return reason ? { ...model, reason } : model;
  }
  const modelledSteps = stepCount - measuredSteps;
  const device = deviceName();
  return {
    kind: 'measured',
    instrument: 'android-power-sampler',
    method: samples.find((sample) => sample.energyMeasurement)?.energyMeasurement?.method ?? null,
    device,
    measuredSteps,
    modelledSteps,
    fallback: modelledSteps > 0 ? model : null,
    description:
      `Measured on the device (${device}): battery current sampled every 100 ms and integrated over each step's window on the device clock; ` +
      'a window counts only when the device was on battery and not charging and the samples cover it with gaps of at most 250 ms' +
      (modelledSteps > 0 ? `; ${modelledSteps} step(s) could not be measured in every iteration and are modelled (${model.model} ${model.version})` : '') +
      '.',
  };
}
