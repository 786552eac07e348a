/**
 * Threshold curves: how a measured value becomes a 0..100 score, and how the scoring profile's percentile
 * distributions become curves.
 *
 * The official method places each step type's thresholds at percentiles of a large measurement base ("very
 * good" at the 20th percentile, "good" at the 40th, linear in between; *reported, unverified*, see
 * docs/methodology.md). We extend that rule to the whole distribution: a step whose figure equals the p-th
 * percentile of the distribution scores `100 − p` (so 80 at the 20th percentile, 60 at the 40th: "better than
 * 80 % / 60 % of the base"), linearly in between, 100 at 0, and down to 0 along the slope of the last two
 * percentiles.
 *
 * Pure: no I/O.
 */
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { ModelThresholdSet, ScoringProfile, ThresholdPoint } from '../profiles/scoring/schema.js';
import type { StepType } from '../journey/schema.js';
import { cpuCharge } from './energy-cpu.js';
import { radioCharge } from './energy-radio.js';

const MORE_INFO = 'see docs/methodology.md#ecoscore';

/**
 * Score of `value` on a threshold curve: linear interpolation between the two points around `value`,
 * the first point's score below the first value, the last point's score above the last value, clamped to
 * 0..100. Points must be sorted by strictly increasing value (as the scoring schema enforces).
 *
 * @param value - measured value in the unit of the points (µAh, ratio, ms or bytes)
 * @param points - at least one `{ value, score }`
 * @returns a score in 0..100
 * @throws Error when `value` is not a finite number or `points` is empty or unsorted
 */
export function scoreFromThresholds(value: number, points: ReadonlyArray<ThresholdPoint>): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`scoreFromThresholds: "value" must be a finite number, got ${String(value)}; ${MORE_INFO}`);
  }
  if (!Array.isArray(points) || points.length === 0) {
    throw new Error(`scoreFromThresholds: "points" is empty; at least one { value, score } is needed; ${MORE_INFO}`);
  }
  for (let i = 1; i < points.length; i++) {
    if (!(points[i]!.value > points[i - 1]!.value)) {
      throw new Error(`scoreFromThresholds: points[${i}].value must be greater than points[${i - 1}].value; ${MORE_INFO}`);
    }
  }
  const clamp = (score: number) => Math.min(100, Math.max(0, score));
  const first = points[0]!;
  if (value <= first.value) return clamp(first.score);
  for (let i = 1; i < points.length; i++) {
    const lower = points[i - 1]!;
    const upper = points[i]!;
    if (value <= upper.value) return clamp(lower.score + ((value - lower.value) / (upper.value - lower.value)) * (upper.score - lower.score));
  }
  return clamp(points[points.length - 1]!.score);
}

/** A value at a percentile of a distribution. */
export interface PercentileValue {
  /** 0..100. */
  percentile: number;
  /** In the unit of the curve (bytes, ms, µAh). */
  value: number;
}

/**
 * The curve of a distribution: `(0, 100)`, then `(value_p, 100 − p)` for every percentile, then `(v0, 0)` where the
 * line through the last two points reaches 0. A percentile whose value does not exceed the previous point's is
 * skipped (a curve's values are strictly increasing). Values are rounded to 3 decimals.
 *
 * @throws Error when fewer than two points remain
 */
export function pointsFromPercentiles(percentiles: ReadonlyArray<PercentileValue>): ThresholdPoint[] {
  const points: ThresholdPoint[] = [{ value: 0, score: 100 }];
  for (const { percentile, value } of [...percentiles].sort((a, b) => a.percentile - b.percentile)) {
    const rounded = Math.round(value * 1000) / 1000;
    if (rounded > points[points.length - 1]!.value) points.push({ value: rounded, score: 100 - percentile });
  }
  if (points.length < 2) throw new Error(`pointsFromPercentiles: the distribution has no positive value; ${MORE_INFO}`);
  const last = points[points.length - 1]!;
  const before = points[points.length - 2]!;
  if (last.score > 0) {
    const slope = (before.score - last.score) / (last.value - before.value);
    const zeroAt = slope > 0 ? last.value + last.score / slope : last.value * 2;
    points.push({ value: Math.round(zeroAt * 1000) / 1000, score: 0 });
  }
  return points;
}

/**
 * Excess charge of a percentile page on a device and network, µAh: the energy model run on the page's bytes,
 * requests and CPU times, CPU times scaled from the distribution's lab device to this one
 * (`× device.cpuSlowdownFactor / set.cpuSlowdownFactor`).
 */
export function pageExcessEnergyUah(page: ModelThresholdSet['pages'][number], set: Pick<ModelThresholdSet, 'cpuSlowdownFactor'>, device: DeviceProfile, network: NetworkProfile): number {
  const scale = device.cpuSlowdownFactor / set.cpuSlowdownFactor;
  const cpu = cpuCharge({ mainMs: page.mainThreadMs * scale, otherMs: page.otherThreadMs * scale }, device.power);
  const radio = radioCharge(page.bytes, page.requests, device.power, network);
  return (cpu.mah + radio.mah) * 1000;
}

/** A scoring profile whose every curve is points (energy pages resolved for one device and network). */
export interface ResolvedScoringProfile extends Omit<ScoringProfile, 'steps'> {
  steps: Record<StepType, { energy: { points: ThresholdPoint[] } | null; performance: { points: ThresholdPoint[] } | null; data: { web: { points: ThresholdPoint[] }; mobile: { points: ThresholdPoint[] } } }>;
}

/** Resolves the profile's energy percentile pages into points for a device and network (other curves as they are). */
export function resolveScoringProfile(profile: ScoringProfile, device: DeviceProfile, network: NetworkProfile): ResolvedScoringProfile {
  const steps = {} as ResolvedScoringProfile['steps'];
  for (const [type, thresholds] of Object.entries(profile.steps) as [StepType, ScoringProfile['steps'][StepType]][]) {
    const energy = thresholds.energy;
    steps[type] = {
      energy:
        energy === null
          ? null
          : 'pages' in energy
            ? { points: pointsFromPercentiles(energy.pages.map((page) => ({ percentile: page.percentile, value: pageExcessEnergyUah(page, energy, device, network) }))) }
            : { points: energy.points },
      performance: thresholds.performance ? { points: thresholds.performance.points } : null,
      data: { web: { points: thresholds.data.web.points }, mobile: { points: thresholds.data.mobile.points } },
    };
  }
  return { ...profile, steps };
}
