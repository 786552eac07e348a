/**
 * Parser of the "Estimated power use (mAh)" section of `dumpsys batterystats`: Android's own estimate of the
 * charge each uid (app) and each hardware component drew since the statistics were last reset, from the
 * device's power_profile.xml. Pure.
 *
 * Formats handled: Android 7 (`Uid u0a118: 14.5 ( cpu=14.5 )`), Android 8-11 (`… Including smearing: …` /
 * `Excluded from smearing`), and the Android 12+ form printed by AOSP `BatteryUsageStats.dump`
 * (`UID u0a120: 4.70 fg: … bg: …`, a `Global` block) — the last one untested on a recording (see
 * test/fixtures/android/batterystats.source.md).
 */

/** The estimated power section. */
export interface EstimatedPowerUse {
  /** Battery capacity the estimate assumes, mAh. */
  capacityMah: number | null;
  /** Sum of the estimates, mAh. */
  computedDrainMah: number | null;
  /** Charge the battery really lost, mAh (a range when the level granularity is coarse). */
  actualDrainMah: { min: number; max: number } | null;
  /** Estimated charge per uid, mAh (uid as a number: u0a120 → 10120). */
  uids: Map<number, number>;
  /** Estimated charge of non-app consumers (Screen, Idle, Wifi, Cell standby…), mAh. */
  components: Record<string, number>;
}

/** Converts an Android uid label (`u0a120`, `u10a5`, `1000`, `u0i3`) to its number. Null for anything else. */
export function uidFromLabel(label: string): number | null {
  if (/^\d+$/.test(label)) return Number(label);
  const app = /^u(\d+)a(\d+)$/.exec(label);
  if (app) return Number(app[1]) * 100_000 + 10_000 + Number(app[2]);
  const isolated = /^u(\d+)i(\d+)$/.exec(label);
  if (isolated) return Number(isolated[1]) * 100_000 + 99_000 + Number(isolated[2]);
  const system = /^u(\d+)s(\d+)$/.exec(label);
  if (system) return Number(system[1]) * 100_000 + Number(system[2]);
  return null;
}

/** Parses the "Estimated power use (mAh)" section. Throws when the output has none. */
export function parseEstimatedPowerUse(text: string): EstimatedPowerUse {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^\s*Estimated power use \(mAh\):\s*$/.test(line));
  if (start < 0) throw new Error('no "Estimated power use (mAh):" section in the `dumpsys batterystats` output');
  const result: EstimatedPowerUse = { capacityMah: null, computedDrainMah: null, actualDrainMah: null, uids: new Map(), components: {} };
  const baseIndent = /^\s*/.exec(lines[start])![0].length;
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') break;
    if (/^\s*/.exec(line)![0].length <= baseIndent) break;
    const capacity = /Capacity:\s*([\d.]+).*?Computed drain:\s*([\d.]+)(?:,\s*actual drain:\s*([\d.]+)(?:-([\d.]+))?)?/.exec(line);
    if (capacity) {
      result.capacityMah = Number(capacity[1]);
      result.computedDrainMah = Number(capacity[2]);
      if (capacity[3] !== undefined) {
        const min = Number(capacity[3]);
        result.actualDrainMah = { min, max: capacity[4] !== undefined ? Number(capacity[4]) : min };
      }
      continue;
    }
    const uid = /^\s*uid\s+(\S+):\s+([\d.]+(?:e-?\d+)?)/i.exec(line);
    if (uid) {
      const number = uidFromLabel(uid[1]);
      // Android 12+ repeats the uid under `(on battery…)` sub-lines; the first line is the total.
      if (number !== null && !result.uids.has(number)) result.uids.set(number, Number(uid[2]));
      continue;
    }
    const component = /^\s*([A-Za-z][A-Za-z -]*?):\s+([\d.]+(?:e-?\d+)?)(?:\s|$)/.exec(line);
    if (component && !(component[1] in result.components)) result.components[component[1]] = Number(component[2]);
  }
  return result;
}
