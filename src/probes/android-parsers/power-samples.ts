/**
 * Battery current samples on the device's boot clock, and what they say about one step window: the unit and
 * sign conventions of the gauge, whether the samples cover the window, and the charge integrated over it.
 * Pure: samples in, figures out.
 *
 * Conventions: Android documents `BATTERY_PROPERTY_CURRENT_NOW` (and Perfetto's `current_ua`) as µA, positive
 * when current enters the battery; many vendors report the opposite sign, and some report mA. Both are
 * detected on a discharging device from the samples themselves: the sign of the median current is the
 * discharge sign, and a median below 20 000 in magnitude is read as mA (a phone with its screen on draws far
 * more than 20 mA, and far less than 20 A).
 */
import { median } from '../../shared/stats.js';

/** One sample: raw current (and voltage) as the device wrote them, at a boot-clock time. */
export interface PowerSample {
  /** CLOCK_BOOTTIME, ms. */
  bootMs: number;
  current: number;
  voltage: number | null;
}

/** A step's window on the device's boot clock. */
export interface StepWindow {
  startBootMs: number;
  endBootMs: number;
}

/** How the gauge writes current. */
export interface CurrentConventions {
  unit: 'µA' | 'mA';
  signConvention: 'negative-when-discharging' | 'positive-when-discharging';
  /** Median raw current over the iteration (the basis of the detection). */
  medianRaw: number;
}

/** Magnitude below which a median current is read as mA. */
export const MILLIAMP_THRESHOLD = 20_000;

/** Longest gap between samples a measured window may contain, ms. */
export const MAX_GAP_MS = 250;

/**
 * Detects unit and sign from the samples of a discharging device.
 * @throws one sentence when there are no samples or their median is 0 (no current reported)
 */
export function detectConventions(samples: readonly PowerSample[]): CurrentConventions {
  if (samples.length === 0) throw new Error('the sampler recorded no battery current');
  const medianRaw = median(samples.map((sample) => sample.current));
  if (medianRaw === 0) throw new Error('the battery current reads 0 (median of the iteration): the gauge reports no current, so its sign cannot be told');
  return {
    unit: Math.abs(medianRaw) < MILLIAMP_THRESHOLD ? 'mA' : 'µA',
    signConvention: medianRaw < 0 ? 'negative-when-discharging' : 'positive-when-discharging',
    medianRaw,
  };
}

/** The discharge current of a raw sample in µA (positive = leaving the battery). */
export function dischargeMicroamps(raw: number, conventions: CurrentConventions): number {
  const ua = conventions.unit === 'mA' ? raw * 1000 : raw;
  return conventions.signConvention === 'negative-when-discharging' ? -ua : ua;
}

/** How well samples cover a window. */
export interface Coverage {
  /** Samples inside the window (bounds included). */
  samples: number;
  /** Longest gap between consecutive samples from the last one before the window to the first one after it, ms. */
  maxGapMs: number;
  /** Why the window is not covered, or null when it is. */
  problem: string | null;
}

/** Whether `times` (sorted, ms) bracket the window with gaps of at most `maxGapMs`. */
export function coverageOf(times: readonly number[], window: StepWindow, maxGapMs = MAX_GAP_MS): Coverage {
  const before = times.filter((t) => t <= window.startBootMs).at(-1);
  const after = times.find((t) => t >= window.endBootMs);
  const inside = times.filter((t) => t >= window.startBootMs && t <= window.endBootMs);
  const chain = [...(before !== undefined ? [before] : []), ...inside.filter((t) => t !== before && t !== after), ...(after !== undefined ? [after] : [])];
  let maxGap = 0;
  for (let i = 1; i < chain.length; i++) maxGap = Math.max(maxGap, chain[i] - chain[i - 1]);
  const round = (ms: number) => Math.round(ms);
  let problem: string | null = null;
  if (before === undefined) {
    const first = times[0];
    problem = first === undefined
      ? 'the sampler recorded nothing'
      : `the samples do not cover the step window (they start ${round(first - window.startBootMs)} ms after it starts)`;
  } else if (after === undefined) {
    problem = `the samples do not cover the step window (they end ${round(window.endBootMs - times[times.length - 1])} ms before it ends)`;
  } else if (maxGap > maxGapMs) {
    problem = `the sampler lost samples: a ${round(maxGap)} ms gap around the step window (at most ${maxGapMs} ms)`;
  }
  return { samples: inside.length, maxGapMs: round(maxGap), problem };
}

/** Value of a piecewise-linear series at time t (t inside its range). */
export function interpolate(times: readonly number[], values: readonly number[], t: number): number {
  let i = 0;
  while (i < times.length - 2 && times[i + 1] < t) i++;
  const [t0, t1] = [times[i], times[i + 1]];
  if (t1 === t0) return values[i];
  return values[i] + ((values[i + 1] - values[i]) * (t - t0)) / (t1 - t0);
}

/**
 * Integral of a piecewise-linear series over the window (trapezoids, clipped at the window's bounds with
 * linear interpolation), in value·ms. The series must bracket the window ({@link coverageOf}).
 */
export function integrateOverWindow(times: readonly number[], values: readonly number[], window: StepWindow): number {
  if (times.length < 2) throw new Error('at least two samples are needed to integrate');
  const points: Array<[number, number]> = [[window.startBootMs, interpolate(times, values, window.startBootMs)]];
  for (let i = 0; i < times.length; i++) if (times[i] > window.startBootMs && times[i] < window.endBootMs) points.push([times[i], values[i]]);
  points.push([window.endBootMs, interpolate(times, values, window.endBootMs)]);
  let area = 0;
  for (let i = 1; i < points.length; i++) area += ((points[i][1] + points[i - 1][1]) / 2) * (points[i][0] - points[i - 1][0]);
  return area;
}

/** Charge that left the battery during the window, mAh (negative when charge entered it). */
export function dischargeMahOver(samples: readonly PowerSample[], window: StepWindow, conventions: CurrentConventions): number {
  const times = samples.map((sample) => sample.bootMs);
  const microamps = samples.map((sample) => dischargeMicroamps(sample.current, conventions));
  // µA·ms → mAh: 1 mAh = 3.6e9 µA·ms.
  return integrateOverWindow(times, microamps, window) / 3.6e9;
}

/** Mean battery voltage over the samples that have one, V (µV or mV detected by magnitude); null without. */
export function meanVoltageV(samples: readonly PowerSample[]): number | null {
  const volts = samples.flatMap((sample) => (sample.voltage === null || sample.voltage <= 0 ? [] : [sample.voltage > 100_000 ? sample.voltage / 1e6 : sample.voltage / 1e3]));
  return volts.length === 0 ? null : volts.reduce((sum, v) => sum + v, 0) / volts.length;
}

/**
 * Parses the sysfs sampler's output: one `UPTIME_S CURRENT VOLTAGE` line per sample (`/proc/uptime`'s first
 * field, CLOCK_BOOTTIME in s with 10 ms resolution; raw `current_now`; raw `voltage_now` or empty). Lines that
 * do not parse (a read that failed) are counted, not guessed.
 */
export function parseSysfsSamples(text: string): { samples: PowerSample[]; badLines: number } {
  const samples: PowerSample[] = [];
  let badLines = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    // Exactly three space-separated fields: an empty one (a failed read) must not shift the others.
    const [uptime, current, voltage, ...rest] = line.split(' ');
    if (rest.length > 0 || !/^\d+(\.\d+)?$/.test(uptime ?? '') || !/^-?\d+$/.test(current ?? '') || (voltage !== undefined && voltage !== '' && !/^-?\d+$/.test(voltage))) {
      badLines++;
      continue;
    }
    samples.push({ bootMs: Number(uptime) * 1000, current: Number(current), voltage: voltage ? Number(voltage) : null });
  }
  samples.sort((a, b) => a.bootMs - b.bootMs);
  return { samples, badLines };
}

/** `/proc/uptime` → CLOCK_BOOTTIME in ms. */
export function parseUptimeMs(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s/.exec(text);
  if (!match) throw new Error(`not a /proc/uptime line: ${JSON.stringify(text.slice(0, 40))}`);
  return Number(match[1]) * 1000;
}
