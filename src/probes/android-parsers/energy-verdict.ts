/**
 * When sampled battery current is a measurement of a step, and what it measured. Pure.
 *
 * A step window is `measured` only when: the battery service's state at the start and the end of the
 * iteration is real (no "UPDATES STOPPED") and says the device was not charging and was on battery — or
 * plugged behind a documented power cut and not charging; the current's sign could be told; the samples
 * bracket the window with gaps of at most 250 ms; and the charge over the window left the battery. Otherwise
 * the window gets no figure and one sentence saying why (its energy is then modelled).
 */
import { BATTERY_STATUS_CHARGING, pluggedSources, statusName, type BatteryState } from './battery.js';
import type { RailEnergySample } from './perfetto-trace.js';
import { coverageOf, detectConventions, dischargeMahOver, interpolate, MAX_GAP_MS, meanVoltageV, type CurrentConventions, type PowerSample, type StepWindow } from './power-samples.js';

/** How a window was measured. */
export type EnergyMethod = 'perfetto-battery' | 'perfetto-rails' | 'sysfs-current';

/** What a sample records about its measured energy (`energyMeasurement` in result.json). */
export interface EnergyMeasurement {
  method: EnergyMethod;
  /** Samples inside the window. */
  samples: number;
  /** Longest gap between samples around and inside the window, ms. */
  maxGapMs: number;
  /** Length of the window on the device clock, ms. */
  windowMs: number;
  /** `negative-when-discharging` (Android's documented convention) or `positive-when-discharging`. */
  signConvention: string;
  /** Unit the gauge wrote current in (`µA`, `mA`), or `µWs` for rails. */
  unit: string;
}

/** One window's outcome. */
export type WindowVerdict =
  | { measuredEnergyMah: number; energyMeasurement: EnergyMeasurement }
  | { measuredEnergyMah: null; energyMeasurement: null; reason: string };

/** What one iteration's sampler recorded, and the battery state around it. */
export interface IterationRecording {
  method: EnergyMethod;
  /** Battery current samples (Perfetto battery counters or the sysfs loop). Empty for rails only. */
  samples: PowerSample[];
  /** Power rail energies (Perfetto, ODPM), when recorded. */
  rails: RailEnergySample[];
  /** `dumpsys battery` when the sampler started, and after it stopped (null: could not be read). */
  batteryStart: BatteryState | null;
  batteryEnd: BatteryState | null;
  /** How charging was cut while the device is plugged (a USB power blocker…), as documented by the user. */
  powerCut: string | null;
  /** Why the sampler produced nothing usable, when it did not. */
  samplerProblem: string | null;
}

/** Why the battery state of the iteration rules out a measurement, or null when it does not. */
export function batteryProblem(recording: IterationRecording): string | null {
  const { batteryStart, batteryEnd, powerCut } = recording;
  if (batteryStart === null || batteryEnd === null) return 'the battery state (dumpsys battery) could not be read at the start and end of the iteration, so charging cannot be ruled out';
  for (const [when, state] of [['start', batteryStart], ['end', batteryEnd]] as const) {
    if (state.updatesStopped) {
      return `the battery service reports "UPDATES STOPPED" at the ${when} of the iteration (its state was overridden with dumpsys battery unplug or set), so whether the device charges is unknown: run adb shell dumpsys battery reset and cut the power instead`;
    }
    if (state.status === BATTERY_STATUS_CHARGING) {
      const plugged = pluggedSources(state);
      return `the device was charging at the ${when} of the iteration (dumpsys battery status ${state.status}${plugged.length ? `, ${plugged.join(' + ')} powered` : ''}): the battery current is not the phone's draw`;
    }
    const plugged = pluggedSources(state);
    if (plugged.length > 0 && powerCut === null) {
      return `the device was ${plugged.join(' + ')} powered at the ${when} of the iteration (status ${statusName(state.status)}) and no power cut is documented (ECOSCORE_POWER_CUT): the charger may feed the phone, so the battery current is not its draw`;
    }
  }
  return null;
}

function measurementOf(method: EnergyMethod, coverage: { samples: number; maxGapMs: number }, window: StepWindow, conventions: { unit: string; signConvention: string }): EnergyMeasurement {
  return {
    method,
    samples: coverage.samples,
    maxGapMs: coverage.maxGapMs,
    windowMs: Math.round((window.endBootMs - window.startBootMs) * 10) / 10,
    signConvention: conventions.signConvention,
    unit: conventions.unit,
  };
}

/** Rails: energy of every rail over the window (µWs), as charge at the battery's mean voltage, mAh. */
function railsVerdict(recording: IterationRecording, window: StepWindow): WindowVerdict {
  const byRail = new Map<string, RailEnergySample[]>();
  for (const sample of recording.rails) byRail.set(sample.rail, [...(byRail.get(sample.rail) ?? []), sample]);
  const volts = meanVoltageV(recording.samples) ?? (recording.batteryStart?.voltageMv ? recording.batteryStart.voltageMv / 1000 : null);
  if (volts === null) return { measuredEnergyMah: null, energyMeasurement: null, reason: 'the power rails were recorded but no battery voltage was, so their energy cannot be turned into battery charge' };
  let energyUws = 0;
  let samples = 0;
  let maxGapMs = 0;
  for (const [rail, series] of byRail) {
    const times = series.map((sample) => sample.bootMs);
    const coverage = coverageOf(times, window);
    if (coverage.problem) return { measuredEnergyMah: null, energyMeasurement: null, reason: `power rail ${rail}: ${coverage.problem}` };
    // Cumulative counters: the window's energy is the difference of the interpolated totals at its bounds.
    const totals = series.map((sample) => sample.energyUws);
    energyUws += interpolate(times, totals, window.endBootMs) - interpolate(times, totals, window.startBootMs);
    samples = Math.max(samples, coverage.samples);
    maxGapMs = Math.max(maxGapMs, coverage.maxGapMs);
  }
  // µWs / V = µAs; 1 mAh = 3.6e6 µAs.
  const mah = energyUws / volts / 3.6e6;
  return { measuredEnergyMah: round(mah), energyMeasurement: measurementOf('perfetto-rails', { samples, maxGapMs }, window, { unit: 'µWs', signConvention: 'energy counters (no sign)' }) };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The outcome of every window of an iteration, in order. */
export function judgeWindows(recording: IterationRecording, windows: readonly StepWindow[]): WindowVerdict[] {
  const refuse = (reason: string): WindowVerdict => ({ measuredEnergyMah: null, energyMeasurement: null, reason });
  if (recording.samplerProblem) return windows.map(() => refuse(recording.samplerProblem!));
  const battery = batteryProblem(recording);
  if (battery) return windows.map(() => refuse(battery));
  if (recording.method === 'perfetto-rails') return windows.map((window) => railsVerdict(recording, window));
  let conventions: CurrentConventions;
  try {
    conventions = detectConventions(recording.samples);
  } catch (error) {
    return windows.map(() => refuse((error as Error).message));
  }
  const times = recording.samples.map((sample) => sample.bootMs);
  return windows.map((window) => {
    if (!(window.endBootMs > window.startBootMs)) return refuse('the step window on the device clock is empty (its start and end could not be ordered)');
    const coverage = coverageOf(times, window, MAX_GAP_MS);
    if (coverage.problem) return refuse(coverage.problem);
    const mah = dischargeMahOver(recording.samples, window, conventions);
    if (!(mah > 0)) {
      return refuse(`the battery gained ${round(-mah)} mAh during the step (current ${conventions.signConvention}, ${conventions.unit}): something powered the device`);
    }
    return { measuredEnergyMah: round(mah), energyMeasurement: measurementOf(recording.method, coverage, window, conventions) };
  });
}
