/**
 * CPU part of the energy model 2.0: the charge of CPU work on a phone's clusters, at the frequency the
 * kernel's governor would pick for that work, from the per-cluster, per-frequency currents of the device's
 * `power_profile.xml`.
 *
 * Work is given in device milliseconds at the cluster's highest frequency (what the host calibration turns
 * measured CPU time into: the time a device of the profile's speed class needs under a saturating load). It is
 * taken to run as one continuous burst on one core, the case in which the governor climbs fastest:
 *
 * - PELT (the Linux scheduler's per-entity load tracking) lets a task's utilisation grow as
 *   `u(w) = 1 − 2^(−w / 32 ms)` while it runs (a geometric series whose weight halves every 32 ms:
 *   `y^32 = 0.5`, torvalds/linux `kernel/sched/pelt.c`, comment "we choose y^32 = 0.5"; frequency-invariant,
 *   so `w` counts work, not wall time);
 * - schedutil asks for `next_freq = 1.25 × max_freq × util / max` (torvalds/linux
 *   `Documentation/scheduler/schedutil.rst`, "Frequency / CPU Invariance") and cpufreq resolves it to the lowest
 *   listed frequency at or above it.
 *
 * While the burst runs at frequency `f`, a unit of work takes `f_max / f` units of wall time, drawing
 * `clusterMa + coreMa(f)` (Android's `cpu.cluster_power.clusterN` + `cpu.core_power.clusterN`), plus the CPU
 * subsystem's `cpu.active` for as long as any core is busy. AOSP's `CpuPowerCalculator` adds the same three
 * terms (aosp-mirror/platform_frameworks_base `core/java/com/android/internal/os/CpuPowerCalculator.java`).
 *
 * The charge is independent of the step's duration (so padding or slowness cannot lower it) and grows with the
 * work, faster than linearly once the governor reaches the high, inefficient frequencies.
 *
 * Pure: no I/O.
 */
import type { CpuCluster, DevicePower } from '../profiles/schema.js';

/** PELT's half-life, ms of running time: `y^32 = 0.5` (torvalds/linux kernel/sched/pelt.c). */
export const PELT_HALF_LIFE_MS = 32;

/** schedutil's headroom: `next_freq = 1.25 × max_freq × util / max` (torvalds/linux Documentation/scheduler/schedutil.rst). */
export const SCHEDUTIL_HEADROOM = 1.25;

/** mA × ms → mAh. */
const MS_PER_HOUR = 3_600_000;

/** CPU time of one step split by where it runs, device ms at the cluster's highest frequency. */
export interface CpuWork {
  /** The renderer's main thread (or a native app's whole process): the big cluster. */
  mainMs: number;
  /** Compositor and raster threads, GPU process, network service: the little cluster. */
  otherMs: number;
}

/** What {@link cpuCharge} found, for reports and tests. */
export interface CpuCharge {
  /** Total CPU charge, mAh. */
  mah: number;
  /** Wall time the main-thread work kept its core busy at the frequencies it ran at, ms. */
  mainBusyMs: number;
  /** Same for the other work, ms. */
  otherBusyMs: number;
  /** Work-weighted mean frequency of the main-thread work, MHz (null without work). */
  mainMeanMhz: number | null;
}

/** The clusters of a device: its `cpuClusters`, or one single-frequency cluster at `cpuActiveMa` for a profile without them. */
export function clustersOf(power: DevicePower): { clusters: CpuCluster[]; baseMa: number } {
  if (power.cpuClusters && power.cpuClusters.length > 0) return { clusters: power.cpuClusters, baseMa: power.cpuBaseMa ?? 0 };
  return { clusters: [{ cores: 1, clusterMa: 0, steps: [{ mhz: 1, coreMa: power.cpuActiveMa }] }], baseMa: 0 };
}

/** The cluster with the highest top frequency (main thread) and the one with the lowest (other threads). */
export function bigAndLittle(clusters: ReadonlyArray<CpuCluster>): { big: CpuCluster; little: CpuCluster } {
  const top = (cluster: CpuCluster) => Math.max(...cluster.steps.map((step) => step.mhz));
  let big = clusters[0]!;
  let little = clusters[0]!;
  for (const cluster of clusters) {
    if (top(cluster) > top(big)) big = cluster;
    if (top(cluster) < top(little)) little = cluster;
  }
  return { big, little };
}

/** Work (fmax-equivalent ms) after which PELT's utilisation reaches `util` (0 ≤ util < 1). */
function workAtUtil(util: number): number {
  return util <= 0 ? 0 : -PELT_HALF_LIFE_MS * Math.log2(1 - util);
}

/**
 * Charge and busy time of `workMs` of work run as one burst on one core of `cluster`, without the CPU
 * subsystem's `cpu.active` term (added once by {@link cpuCharge}).
 */
export function burstOnCluster(workMs: number, cluster: CpuCluster): { mahMs: number; busyMs: number; meanMhz: number | null } {
  if (!(workMs > 0)) return { mahMs: 0, busyMs: 0, meanMhz: null };
  const steps = [...cluster.steps].sort((a, b) => a.mhz - b.mhz);
  const fmax = steps[steps.length - 1]!.mhz;
  let chargeMaMs = 0;
  let busyMs = 0;
  let mhzWork = 0;
  let lowerWork = 0;
  for (const [index, step] of steps.entries()) {
    // This frequency serves utilisations up to step.mhz / (1.25 × fmax); the top one everything above.
    const upperUtil = index === steps.length - 1 ? 1 : Math.min(1, step.mhz / (SCHEDUTIL_HEADROOM * fmax));
    const upperWork = upperUtil >= 1 ? Infinity : workAtUtil(upperUtil);
    const work = Math.max(0, Math.min(workMs, upperWork) - lowerWork);
    if (work > 0) {
      const wallMs = (work * fmax) / step.mhz;
      chargeMaMs += (cluster.clusterMa + step.coreMa) * wallMs;
      busyMs += wallMs;
      mhzWork += step.mhz * work;
    }
    lowerWork = Math.max(lowerWork, upperWork);
    if (lowerWork >= workMs) break;
  }
  return { mahMs: chargeMaMs, busyMs, meanMhz: mhzWork / workMs };
}

/**
 * Charge of a step's CPU work, mAh: the main-thread work on the big cluster, the other work on the little one
 * (the same cluster on single-cluster devices), each as a burst (see the module comment), plus `cpu.active` for
 * the longer of the two busy times (the CPU subsystem is awake while either runs).
 */
export function cpuCharge(work: CpuWork, power: DevicePower): CpuCharge {
  const { clusters, baseMa } = clustersOf(power);
  const { big, little } = bigAndLittle(clusters);
  const main = burstOnCluster(work.mainMs, big);
  const other = burstOnCluster(work.otherMs, little);
  const awakeMs = Math.max(main.busyMs, other.busyMs);
  return {
    mah: (main.mahMs + other.mahMs + baseMa * awakeMs) / MS_PER_HOUR,
    mainBusyMs: main.busyMs,
    otherBusyMs: other.busyMs,
    mainMeanMhz: main.meanMhz,
  };
}
