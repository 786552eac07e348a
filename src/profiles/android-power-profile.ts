/**
 * From an Android `power_profile.xml` to the component currents of a {@link DevicePower}.
 *
 * Android's format (https://source.android.com/docs/core/power/values) gives, in mA, the current each
 * component adds in each state. This module reads the file's `<item>` and `<array>` entries and reduces them
 * to the seven figures the energy model uses. The reduction rules are this project's modelling choices and
 * are written out below so that every built-in phone profile can be recomputed from its cited source
 * (`test/profiles/profiles.test.ts` does so).
 *
 * Pure: takes the XML text, never reads a file.
 */
import type { CpuCluster, DevicePower } from './schema.js';

/** The entries of a `power_profile.xml`: single values and arrays, by name, in mA unless noted. */
export interface AndroidPowerProfile {
  items: Record<string, number>;
  arrays: Record<string, number[]>;
}

/** The currents derived from an Android power profile, with the battery capacity and how each was chosen. */
export interface DerivedAndroidPower {
  power: DevicePower;
  /** `battery.capacity` in mAh, when the file has it. */
  batteryCapacityMah?: number;
  /** One line per field saying which entries it came from. */
  derivation: Record<keyof DevicePower, string>;
}

const ENTRY = /<(item|array)\s+name="([^"]+)"\s*(\/>|>([\s\S]*?)<\/\1>)/g;
const VALUE = /<value>\s*([^<\s]+)\s*<\/value>/g;

/**
 * Reads the `<item name="…">` and `<array name="…">` entries of a `power_profile.xml`. As in Android's
 * parser, a name given twice keeps the last value. Comments are ignored.
 */
export function parseAndroidPowerProfileXml(xml: string): AndroidPowerProfile {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  // Keyed by names from the device's XML: no prototype, so that an item named `__proto__` is just an item.
  const items: Record<string, number> = Object.create(null) as Record<string, number>;
  const arrays: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  for (const match of text.matchAll(ENTRY)) {
    const [, tag, name, , body = ''] = match;
    if (tag === 'item') {
      const value = Number(body.trim());
      if (Number.isFinite(value)) items[name] = value;
    } else {
      arrays[name] = [...body.matchAll(VALUE)].map((v) => Number(v[1])).filter((v) => Number.isFinite(v));
    }
  }
  return { items, arrays };
}

/** The median entry of a list (the lower one of the two middle entries when the count is even). */
function lowerMedianIndex(length: number): number {
  return Math.floor((length - 1) / 2);
}

interface ClusterCost {
  cores: number;
  /** Current of one busy core of the cluster at the median frequency, including the cluster's own cost. */
  coreMa: number;
  description: string;
}

/** A cluster's per-core currents (mA), their frequencies (kHz) when given, and the name of the currents' array. */
interface ClusterTables {
  currents: number[] | undefined;
  speeds: number[] | undefined;
  currentsName: string;
}

/**
 * The tables of cluster `n`, from the three layouts found in device trees:
 * - Android 8.1+: `cpu.core_speeds.clusterN` / `cpu.core_power.clusterN` plus `cpu.cluster_power.clusterN`;
 * - Android 7–8.0: `cpu.speeds.clusterN` / `cpu.active.clusterN` (per-core current, cluster cost included);
 * - before Android 7: a single `cpu.speeds` / `cpu.active` array (cluster 0).
 */
function clusterTables(arrays: AndroidPowerProfile['arrays'], n: number): ClusterTables {
  if (arrays[`cpu.core_power.cluster${n}`]) {
    return { currents: arrays[`cpu.core_power.cluster${n}`], speeds: arrays[`cpu.core_speeds.cluster${n}`], currentsName: `cpu.core_power.cluster${n}` };
  }
  if (!arrays[`cpu.active.cluster${n}`] && n === 0 && arrays['cpu.active']) {
    return { currents: arrays['cpu.active'], speeds: arrays['cpu.speeds'], currentsName: 'cpu.active[]' };
  }
  return { currents: arrays[`cpu.active.cluster${n}`], speeds: arrays[`cpu.speeds.cluster${n}`], currentsName: `cpu.active.cluster${n}` };
}

/** Per-cluster cost of one busy core at the median frequency of the cluster's frequency table ({@link clusterTables}). */
function clusterCosts(profile: AndroidPowerProfile): ClusterCost[] {
  const { items, arrays } = profile;
  const coresPerCluster = arrays['cpu.clusters.cores'] ?? [1];
  const costs: ClusterCost[] = [];
  coresPerCluster.forEach((cores, n) => {
    const { currents, speeds, currentsName } = clusterTables(arrays, n);
    if (!currents || currents.length === 0) return;
    // Sort by frequency when the table gives one per current (some trees list them highest first).
    const pairs = currents.map((ma, i) => ({ ma, khz: speeds && speeds.length === currents.length ? speeds[i] : ma }));
    pairs.sort((a, b) => a.khz - b.khz);
    const middle = pairs[lowerMedianIndex(pairs.length)];
    const clusterMa = items[`cpu.cluster_power.cluster${n}`] ?? 0;
    const at = speeds && speeds.length === currents.length ? ` at ${middle.khz / 1000} MHz` : '';
    costs.push({
      cores,
      coreMa: clusterMa + middle.ma,
      description: `cluster${n} (${cores} cores): ${clusterMa ? `cpu.cluster_power ${clusterMa} + ` : ''}${currentsName} ${middle.ma}${at}`,
    });
  });
  return costs;
}

/**
 * The clusters with every operating point (energy model 2.0), read like {@link clusterCosts}: per-core
 * currents and frequencies per cluster, `cpu.cluster_power.clusterN` as the cluster's own cost (0 on older
 * layouts, whose per-core currents include it). Frequencies in MHz, ascending. A table whose frequencies are
 * missing or do not match its currents is left out (its cluster cannot be charged by frequency).
 */
export function deriveCpuClusters(profile: AndroidPowerProfile): CpuCluster[] {
  const { items, arrays } = profile;
  const coresPerCluster = arrays['cpu.clusters.cores'] ?? [1];
  const clusters: CpuCluster[] = [];
  coresPerCluster.forEach((cores, n) => {
    const { currents, speeds } = clusterTables(arrays, n);
    if (!currents || !speeds || speeds.length !== currents.length || currents.length === 0) return;
    const steps = currents
      .map((ma, i) => ({ mhz: round(speeds![i]! / 1000, 3), coreMa: round(ma) }))
      .sort((a, b) => a.mhz - b.mhz);
    clusters.push({ cores, clusterMa: round(items[`cpu.cluster_power.cluster${n}`] ?? 0), steps });
  });
  return clusters;
}

/** Rounds half up at `digits` decimals, ignoring binary noise (48.515 → 48.52, not 48.51). */
function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(Number((value * factor).toPrecision(12))) / factor;
}

/**
 * Reduces an Android power profile to {@link DevicePower}. Rules (modelling choices of this project):
 * - `screenOnMa` = `screen.on`; `screenFullMa` = `screen.full`.
 * - `cpuActiveMa` = `cpu.active` (item; 0 when absent) + the core-count-weighted mean, over clusters, of
 *   (`cpu.cluster_power.clusterN` + the per-core current at the median entry of the cluster's frequency
 *   table). It is the current of one busy core at a middle frequency, to be multiplied by CPU time summed over
 *   threads. Weighting by core count is neutral between big and little cores, since which cluster runs the
 *   browser's threads is not known.
 * - `cpuIdleMa` = `cpu.suspend` + `cpu.idle` (+ `cpu.awake`, the pre-Android-8.1 name of today's `cpu.idle`,
 *   whose old `cpu.idle` meant today's `cpu.suspend`): the CPU baseline while awake and idle.
 * - `wifiActiveMa` = `wifi.controller.rx` when present, else `wifi.active`: web journeys mostly receive.
 * - `radioActiveMa` = `modem.controller.rx` when present, else `radio.active`.
 * - `radioOnMa` = `modem.controller.idle` when present, else the median entry of `radio.on` (current per
 *   signal-strength bin while paging).
 * All rounded to 0.01 mA. A missing entry gives 0 and says so in `derivation`.
 */
export function deriveDevicePower(profile: AndroidPowerProfile): DerivedAndroidPower {
  const { items, arrays } = profile;
  const missing = (name: string) => `${name} absent: 0`;

  const clusters = clusterCosts(profile);
  const totalCores = clusters.reduce((sum, c) => sum + c.cores, 0);
  const weighted = totalCores > 0 ? clusters.reduce((sum, c) => sum + c.cores * c.coreMa, 0) / totalCores : 0;
  const cpuBase = items['cpu.active'] ?? 0;

  const idleParts = ['cpu.suspend', 'cpu.idle', 'cpu.awake'].filter((name) => items[name] !== undefined);
  const cpuIdle = idleParts.reduce((sum, name) => sum + items[name], 0);

  const wifiName = items['wifi.controller.rx'] !== undefined ? 'wifi.controller.rx' : 'wifi.active';
  const radioActiveName = items['modem.controller.rx'] !== undefined ? 'modem.controller.rx' : 'radio.active';
  let radioOn = 0;
  let radioOnSource = missing('modem.controller.idle and radio.on');
  if (items['modem.controller.idle'] !== undefined) {
    radioOn = items['modem.controller.idle'];
    radioOnSource = `modem.controller.idle ${radioOn}`;
  } else if (arrays['radio.on']?.length) {
    const bins = arrays['radio.on'];
    radioOn = bins[lowerMedianIndex(bins.length)];
    radioOnSource = `radio.on bin ${lowerMedianIndex(bins.length)} of [${bins.join(', ')}]: ${radioOn}`;
  }

  const power: DevicePower = {
    screenOnMa: round(items['screen.on'] ?? 0),
    screenFullMa: round(items['screen.full'] ?? 0),
    cpuActiveMa: round(cpuBase + weighted),
    cpuIdleMa: round(cpuIdle),
    wifiActiveMa: round(items[wifiName] ?? 0),
    radioActiveMa: round(items[radioActiveName] ?? 0),
    radioOnMa: round(radioOn),
  };
  const cpuClusters = deriveCpuClusters(profile);
  if (cpuClusters.length > 0) {
    power.cpuClusters = cpuClusters;
    power.cpuBaseMa = round(cpuBase);
  }
  const derivation: Record<keyof DevicePower, string> = {
    screenOnMa: items['screen.on'] !== undefined ? `screen.on ${items['screen.on']}` : missing('screen.on'),
    screenFullMa: items['screen.full'] !== undefined ? `screen.full ${items['screen.full']}` : missing('screen.full'),
    cpuActiveMa:
      clusters.length === 0
        ? missing('CPU tables')
        : `${cpuBase ? `cpu.active ${cpuBase} + ` : ''}core-weighted mean of [${clusters.map((c) => c.description).join('; ')}] = ${round(weighted, 4)}`,
    cpuIdleMa: idleParts.length ? idleParts.map((name) => `${name} ${items[name]}`).join(' + ') : missing('cpu.suspend/cpu.idle'),
    wifiActiveMa: items[wifiName] !== undefined ? `${wifiName} ${items[wifiName]}` : missing('wifi.controller.rx and wifi.active'),
    radioActiveMa: items[radioActiveName] !== undefined ? `${radioActiveName} ${items[radioActiveName]}` : missing('modem.controller.rx and radio.active'),
    radioOnMa: radioOnSource,
    cpuClusters:
      cpuClusters.length === 0
        ? missing('per-frequency CPU tables')
        : cpuClusters.map((c, n) => `cluster${n}: ${c.cores} cores, cluster_power ${c.clusterMa}, ${c.steps.length} steps ${c.steps[0]!.mhz}–${c.steps[c.steps.length - 1]!.mhz} MHz`).join('; '),
    cpuBaseMa: cpuBase ? `cpu.active ${cpuBase}` : missing('cpu.active'),
  };
  const capacity = items['battery.capacity'];
  return { power, derivation, ...(capacity !== undefined ? { batteryCapacityMah: capacity } : {}) };
}
