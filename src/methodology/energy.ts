/**
 * Energy model (web targets): estimates the phone's battery charge for one step from what the probes
 * measured (wall time, renderer main-thread CPU time, transferred bytes, requests) and the device and
 * network profiles. There is no power meter on a web run: every figure here is modelled, and results say
 * so through {@link energySourceOfModel}.
 *
 *   energyMah = screenMah + cpuMah + networkMah + baseMah                     (charge, mAh)
 *   screenMah = (screenOnMa + SCREEN_BRIGHTNESS_FRACTION × screenFullMa) × durationMs / MS_PER_HOUR
 *   cpuMah    = cpuActiveMa × deviceCpuMs / MS_PER_HOUR
 *               deviceCpuMs = cpuMs × hostBenchmarkIndex / REFERENCE_BENCHMARK_INDEX   (cpuMs if uncalibrated)
 *   networkMah = radioActiveMa × radioEquivalentMs / MS_PER_HOUR
 *               radioEquivalentMs = min(durationMs, transferMs) + Σ tail segments within the step × power ratio
 *               transferMs = bytes × 8 / downloadKbps
 *   baseMah   = (cpuIdleMa + radioOnMa if cellular) × durationMs / MS_PER_HOUR
 *   dischargeUahPerS = energyMah × 1000 / (durationMs / 1000)
 *
 * Every coefficient is a named constant below with its source; docs/methodology.md gives the
 * reasoning, the sources with commits, and the known limits.
 *
 * Pure: no I/O, no clock, no browser. Type-only imports from result/ and profiles/.
 */
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { RawStepSample } from '../result/schema.js';

/** Version of this model: bump the minor for a changed coefficient, the major for a changed formula. */
export const ENERGY_MODEL_VERSION = '1.0.0';
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
 * (GoogleChrome/lighthouse @ d82d5d9b6c753e56d10c6367357d73d5406c308a, "Benchmarking CPU Power" and
 * "Calibrating the CPU slowdown"): "a constant 4x CPU multiplier ... moves a typical run in the high-end
 * desktop bracket somewhere into the mid-tier mobile bracket", and its multiplier table starts from the
 * high-end desktop (2x to a high-end phone, 4x to a mid-tier one), which is where our device profiles take
 * their slowdowns from. Inferred: the midpoint of the bracket.
 */
export const REFERENCE_BENCHMARK_INDEX = 1750;

/** A part of a radio's tail: how long the radio stays in a state after the last byte, and its current relative to active. */
export interface RadioTailSegment {
  /** Duration of the state, ms. */
  readonly durationMs: number;
  /** Current in that state as a fraction of the active (transferring) current, in [0, 1]. */
  readonly powerRatio: number;
}

/** How a radio behaves after a transfer. */
export interface RadioTailModel {
  /** Short name, recorded with results: `lte`, `umts`, `wifi`. */
  readonly name: string;
  /** States the radio goes through after the last byte, in order. */
  readonly tail: readonly RadioTailSegment[];
  /** Where the numbers come from. */
  readonly source: string;
}

/**
 * LTE (4G): after the last packet the radio stays in RRC_CONNECTED for the inactivity timer (0.1 s), then
 * short DRX (0.02 s), then long DRX (10 s) before RRC_IDLE: 10.12 s in all, at the tail power P_TAIL
 * 1.06 W against LTE_BETA 1.2 W while transferring (ratio 0.8833). AT&T Application Resource Optimizer's
 * default LTE profile (attdevsupport/ARO, ARODataAnalyzer/src/lte.conf @ 86c3078f1b40a85ece6e17271ced3584a13918cb:
 * INACTIVITY_TIMER=0.1, T_SHORT_DRX=0.02, T_LONG_DRX=10, P_TAIL=1.06, LTE_BETA=1.2), the tool built on the
 * LTE power model of Huang et al., "A Close Examination of Performance and Power Characteristics of 4G LTE
 * Networks", MobiSys 2012.
 */
export const LTE_TAIL: RadioTailModel = Object.freeze({
  name: 'lte',
  tail: Object.freeze([Object.freeze({ durationMs: 100 + 20 + 10_000, powerRatio: 1.06 / 1.2 })]),
  source: 'attdevsupport/ARO ARODataAnalyzer/src/lte.conf @ 86c3078f (Huang et al., MobiSys 2012)',
});

/**
 * UMTS (3G): after the last packet the radio stays in DCH for 4 s (POWER_DCH 1.30 W), then in FACH for
 * 10 s (POWER_FACH 0.30 W, ratio 0.30 / 1.30) before IDLE. AT&T ARO's 3G profile of a Samsung i997 on
 * AT&T's network (attdevsupport/ARO, ARODataAnalyzer/src/i997.conf @ e003885da668322c45ec90420e5e88b05124f354:
 * DCH_FACH_TIMER=4, FACH_IDLE_TIMER=10, POWER_DCH=1.30, POWER_FACH=0.30), after the state-machine inference
 * of Qian et al., "Characterizing Radio Resource Allocation for 3G Networks", IMC 2010.
 */
export const UMTS_TAIL: RadioTailModel = Object.freeze({
  name: 'umts',
  tail: Object.freeze([
    Object.freeze({ durationMs: 4_000, powerRatio: 1 }),
    Object.freeze({ durationMs: 10_000, powerRatio: 0.3 / 1.3 }),
  ]),
  source: 'attdevsupport/ARO ARODataAnalyzer/src/i997.conf @ e003885d (Qian et al., IMC 2010)',
});

/**
 * Wi-Fi: the interface stays awake 0.25 s after a transfer before power-save mode. AT&T ARO's Wi-Fi profile
 * (attdevsupport/ARO, ARODataAnalyzer/src/WiFi.conf @ 0ddc244b9f768941a8907da0ab64bd68c6f11c7a:
 * WIFI_TAIL_TIME=0.25). ARO gives no tail power: inferred equal to the active current (ratio 1).
 */
export const WIFI_TAIL: RadioTailModel = Object.freeze({
  name: 'wifi',
  tail: Object.freeze([Object.freeze({ durationMs: 250, powerRatio: 1 })]),
  source: 'attdevsupport/ARO ARODataAnalyzer/src/WiFi.conf @ 0ddc244b',
});

/**
 * Tail model of the built-in cellular networks by profile id. Network profiles do not say which
 * generation they emulate; other cellular profiles (custom ones) get {@link LTE_TAIL}.
 */
export const CELLULAR_TAIL_BY_NETWORK_ID: Readonly<Record<string, RadioTailModel>> = Object.freeze({ '3g': UMTS_TAIL, '4g': LTE_TAIL });

/** The radio tail model of a network, or null when the device uses no radio (wired). */
export function radioTailModel(network: Pick<NetworkProfile, 'id' | 'radio'>): RadioTailModel | null {
  if (network.radio === 'wifi') return WIFI_TAIL;
  if (network.radio === 'cellular') return CELLULAR_TAIL_BY_NETWORK_ID[network.id] ?? LTE_TAIL;
  return null;
}

/**
 * Speed of the machine that ran the measures, measured at run start (probes/calibration.ts). Plain data:
 * the probe returns the same fields under the name `CalibrationMeasure`.
 */
export interface HostCalibration {
  /** Benchmark index measured under `throttlingRate` (higher is faster; Lighthouse-like scale). */
  benchmarkIndex: number;
  /** CDP CPU throttling rate applied during the measure (the session's, the device's `cpuSlowdownFactor`). */
  throttlingRate: number;
  /** `benchmarkIndex × throttlingRate`: the index of the unthrottled host. */
  hostBenchmarkIndex: number;
  /** Wall time the calibration took, ms. */
  durationMs: number;
  /** How the index was measured. */
  method: string;
  /** Index of each round, when recorded. */
  rounds?: readonly number[];
}

/**
 * Measured figures of one step the model uses. A {@link RawStepSample} fits as is. `processCpuMs` is accepted
 * but not used by model 1.0.0 (see docs/methodology.md: under CDP throttling it is dominated by the
 * throttler's busy-wait).
 */
export type StepEnergyInput = Pick<RawStepSample, 'durationMs' | 'cpuMs' | 'bytes' | 'requests'> & {
  processCpuMs?: number | null;
};

/** Charge of each part of the phone during the step, mAh; null when an input it needs was not measured. */
export interface EnergyComponents {
  /** Screen on at {@link SCREEN_BRIGHTNESS_FRACTION} brightness for the step's duration. */
  screenMah: number | null;
  /** CPU active current × device CPU time. */
  cpuMah: number | null;
  /** Radio (Wi-Fi or cellular) active current × transfer time, plus its tail within the step. */
  networkMah: number | null;
  /** Awake-CPU baseline, plus the cellular radio's idle-on current, for the step's duration. */
  baseMah: number | null;
}

/** The model's estimate for one step. */
export interface StepEnergy {
  /** Battery charge of the step, mAh; null when any input the model needs is null (never a partial sum). */
  energyMah: number | null;
  /** Mean discharge rate over the step, µAh/s; null when energy is null or the step lasted 0 ms. */
  dischargeUahPerS: number | null;
  components: EnergyComponents;
  /** Main-thread CPU time the device would have spent, ms; null when cpuMs is null. */
  deviceCpuMs: number | null;
  /** Time the radio is charged at its full active current (transfer + power-weighted tail), ms; null when bytes or requests are null. */
  radioEquivalentMs: number | null;
  /** True when `deviceCpuMs` was normalised by a host calibration; false when cpuMs was used as is. */
  calibrated: boolean;
  /** Factor applied to cpuMs: hostBenchmarkIndex / REFERENCE_BENCHMARK_INDEX, or 1 without calibration. */
  cpuScale: number;
}

/** Where energy figures come from when they are modelled. Recorded as `environment.energySource`. */
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
  };
  /** One sentence for reports. */
  description: string;
}

/** Where energy figures come from when a device measured them (future: Android charge counter, power trace). */
export interface DeviceCounterEnergySource {
  kind: 'device-counter';
  /** `android-charge-counter`: `dumpsys battery` charge counter (µAh); `power-trace-csv`: an external meter's trace. */
  counter: 'android-charge-counter' | 'power-trace-csv';
  /** Device the measures were taken on (model, serial hidden). */
  device: string;
  /** Resolution of the counter, µAh, when known. */
  resolutionUah?: number | null;
  /** Trace file, relative to the result folder, when there is one. */
  file?: string;
  /** One sentence for reports. */
  description: string;
}

/** Any energy source. */
export type EnergySource = ModelEnergySource | DeviceCounterEnergySource;

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
 * Device CPU time, ms: main-thread time measured under CDP throttling at the device's slowdown k, on a
 * host of index H, scaled to a device defined as k times slower than the reference desktop of index R:
 * `cpuMs × H / R`. A faster host ran the throttled page faster than the reference would have, so its
 * figure is scaled up. Without calibration, `cpuMs` as is (the host is taken to be the reference).
 */
export function deviceCpuMsOf(cpuMs: number, calibration: HostCalibration | null): number {
  return cpuMs * cpuScaleOf(calibration);
}

/**
 * Radio time charged at the full active current within a step, ms: transfer time at the network's
 * download throughput, then the radio's tail states weighted by their power ratio, all capped at the step's
 * duration (the model has no state across steps). 0 when the step made no request and moved no byte.
 */
export function radioEquivalentMsOf(durationMs: number, bytes: number, requests: number, network: NetworkProfile): number {
  const model = radioTailModel(network);
  if (model === null || (bytes === 0 && requests === 0)) return 0;
  // kbit/s = bit/ms: bytes × 8 bits / (kbit/s) = ms.
  const transferMs = Math.min(durationMs, (bytes * 8) / network.downloadKbps);
  let remainingMs = durationMs - transferMs;
  let equivalentMs = transferMs;
  for (const segment of model.tail) {
    const inStepMs = Math.min(remainingMs, segment.durationMs);
    equivalentMs += inStepMs * segment.powerRatio;
    remainingMs -= inStepMs;
  }
  return equivalentMs;
}

/**
 * Estimates the phone's battery charge for one step. Inputs are the step's measured figures (a
 * {@link RawStepSample} fits); a null input makes the components that need it null and the total null: a
 * probe that failed never yields a made-up figure. Throws a RangeError for a negative or non-finite input.
 */
export function estimateStepEnergy(
  input: StepEnergyInput,
  device: DeviceProfile,
  network: NetworkProfile,
  calibration: HostCalibration | null,
): StepEnergy {
  const durationMs = checkInput('durationMs', input.durationMs);
  const cpuMs = checkInput('cpuMs', input.cpuMs);
  const bytes = checkInput('bytes', input.bytes);
  const requests = checkInput('requests', input.requests);
  checkInput('processCpuMs', input.processCpuMs);
  const power = device.power;
  const cpuScale = cpuScaleOf(calibration);

  const screenMa = power.screenOnMa + SCREEN_BRIGHTNESS_FRACTION * power.screenFullMa;
  const baseMa = power.cpuIdleMa + (network.radio === 'cellular' ? power.radioOnMa : 0);
  const radioMa = network.radio === 'wifi' ? power.wifiActiveMa : network.radio === 'cellular' ? power.radioActiveMa : 0;

  const deviceCpuMs = cpuMs === null ? null : cpuMs * cpuScale;
  const radioEquivalentMs = durationMs === null || bytes === null || requests === null ? null : radioEquivalentMsOf(durationMs, bytes, requests, network);

  const components: EnergyComponents = {
    screenMah: durationMs === null ? null : (screenMa * durationMs) / MS_PER_HOUR,
    cpuMah: deviceCpuMs === null ? null : (power.cpuActiveMa * deviceCpuMs) / MS_PER_HOUR,
    networkMah: radioEquivalentMs === null ? null : (radioMa * radioEquivalentMs) / MS_PER_HOUR,
    baseMah: durationMs === null ? null : (baseMa * durationMs) / MS_PER_HOUR,
  };
  const parts = [components.screenMah, components.cpuMah, components.networkMah, components.baseMah];
  const energyMah = parts.every((part): part is number => part !== null) ? parts.reduce((sum, part) => sum + part, 0) : null;
  const dischargeUahPerS = energyMah === null || durationMs === null || durationMs === 0 ? null : (energyMah * 1000) / (durationMs / 1000);

  return { energyMah, dischargeUahPerS, components, deviceCpuMs, radioEquivalentMs, calibrated: calibration !== null, cpuScale };
}

/**
 * A step's discharge rate relative to the reference step's (1.5 = 50 % more current than the idle
 * reference). Null when there is no reference, either rate is null, or the reference rate is 0.
 */
export function relativeDischarge(
  step: Pick<StepEnergy, 'dischargeUahPerS'>,
  reference: Pick<StepEnergy, 'dischargeUahPerS'> | null,
): number | null {
  if (reference === null || reference.dischargeUahPerS === null || step.dischargeUahPerS === null) return null;
  if (reference.dischargeUahPerS === 0) return null;
  return step.dischargeUahPerS / reference.dischargeUahPerS;
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
    assumptions: { screenBrightnessFraction: SCREEN_BRIGHTNESS_FRACTION, radioTail: tail === null ? null : tail.name },
    description:
      `Modelled from measured CPU time, bytes and duration with the ${device.id} power profile (${profile}) ` +
      `on the ${network.id} network` +
      (calibration === null ? ', CPU time not normalised by a host calibration' : ', CPU time normalised by a host calibration') +
      '; not a measurement.',
  };
}

/**
 * Radio charge of transferring `bytes` at the network's download throughput, mAh: the marginal cost of a
 * byte in this model, `radioMa × (bytes × 8 / downloadKbps) / MS_PER_HOUR` (the networkMah formula without
 * its tail, which a smaller transfer does not remove when the step still makes requests). 0 on a wired
 * network (no radio). Used to express a recommendation's byte savings as charge (docs/lighthouse.md).
 */
export function energyOfBytes(bytes: number, device: DeviceProfile, network: NetworkProfile): number {
  const checked = checkInput('bytes', bytes) ?? 0;
  const power = device.power;
  const radioMa = network.radio === 'wifi' ? power.wifiActiveMa : network.radio === 'cellular' ? power.radioActiveMa : 0;
  // kbit/s = bit/ms: bytes × 8 bits / (kbit/s) = ms.
  const transferMs = (checked * 8) / network.downloadKbps;
  return (radioMa * transferMs) / MS_PER_HOUR;
}
