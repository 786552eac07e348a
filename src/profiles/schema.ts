/**
 * Schemas of the device and network profiles (`src/profiles/devices/*.json`, `src/profiles/networks/*.json`,
 * and user-supplied custom profiles).
 *
 * Every number in a profile must cite where it comes from: each numeric field is covered by an entry of
 * `sources` whose `field` is that field's path (`power.cpuActiveMa`), one of its parents (`power`), or `*`.
 * A value that is a modelling choice rather than a published figure says so with `inferred: true` and why.
 *
 * Pure module: zod only, no I/O.
 */
import { z } from 'zod';

/** A path such as `power.cpuActiveMa` or `viewport`, or `*` for the whole profile. */
const FIELD_PATH = /^(\*|[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*)$/;

/** Profile ids are kebab-case so that they work as CLI flags and file names: `mid-range-phone`, `4g`. */
const PROFILE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Where a value comes from. */
export const ProfileSourceSchema = z
  .object({
    /** Field path the source covers (`power.screenOnMa`), a parent (`power`), or `*` for every field. */
    field: z.string().regex(FIELD_PATH, 'must be a field path such as "power.screenOnMa", or "*"'),
    /** What the value is and where it was read: repository and path, document and section, or the reasoning. */
    source: z.string().min(1),
    /** Link to the source, at a fixed commit when there is one. */
    url: z.url().optional(),
    /** Date of the source or of the reading (ISO 8601), when known. */
    date: z.string().optional(),
    /** True when the value is a modelling choice of this project rather than a published figure. */
    inferred: z.boolean().optional(),
  })
  .strict();
/** Where a value comes from. */
export type ProfileSource = z.infer<typeof ProfileSourceSchema>;

const SourcesSchema = z.array(ProfileSourceSchema).min(1, 'a profile must cite at least one source');

/** Viewport in CSS pixels. */
export const ViewportSchema = z
  .object({
    /** Width in CSS pixels. */
    width: z.number().int().positive().max(16_384),
    /** Height in CSS pixels. */
    height: z.number().int().positive().max(16_384),
  })
  .strict();

/** Battery of the device: lets a drain in mAh be shown as a share of the battery, and mA be turned into W. */
export const BatterySchema = z
  .object({
    /** Rated capacity in mAh (Android's `battery.capacity`). */
    capacityMah: z.number().positive().max(1_000_000),
    /** Nominal voltage in volts, used to convert currents (mA) to power (W). */
    voltageV: z.number().positive().max(1000),
  })
  .strict();
/** Battery of a device. */
export type Battery = z.infer<typeof BatterySchema>;

// Bounds on every number of a profile file: generous, but no 1e300 that would overflow a figure.
const current = z.number().nonnegative().max(1_000_000);

/** One operating point of a CPU cluster: a frequency and the current one busy core draws at it. */
export const CpuFrequencyStepSchema = z
  .object({
    /** Core frequency, MHz (`cpu.core_speeds.clusterN` / 1000). */
    mhz: z.number().positive(),
    /** Current of one core busy at that frequency, mA (`cpu.core_power.clusterN`, or `cpu.active.clusterN` on Android 7–8.0 profiles, which include the cluster's cost). */
    coreMa: current,
  })
  .strict();

/** A CPU cluster of a phone (cores sharing a frequency table), from its `power_profile.xml`. */
export const CpuClusterSchema = z
  .object({
    /** Cores in the cluster (`cpu.clusters.cores`). */
    cores: z.number().int().positive(),
    /** Extra current while any core of the cluster is busy, mA (`cpu.cluster_power.clusterN`; 0 when the per-core figures include it). */
    clusterMa: current,
    /** Operating points, ascending frequency. */
    steps: z.array(CpuFrequencyStepSchema).min(1),
  })
  .strict()
  .superRefine((cluster, ctx) => {
    for (let i = 1; i < cluster.steps.length; i++) {
      if (!(cluster.steps[i]!.mhz > cluster.steps[i - 1]!.mhz)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'mhz'], message: 'frequencies must be listed in strictly increasing order' });
      }
    }
  });
/** A CPU cluster. */
export type CpuCluster = z.infer<typeof CpuClusterSchema>;

/**
 * Component currents in mA, in the sense of Android's `power_profile.xml`
 * (https://source.android.com/docs/core/power/values): each is the current a component adds while in the
 * given state, measured at the battery.
 */
export const DevicePowerSchema = z
  .object({
    /** `screen.on`: extra current with the screen on at minimum brightness, mA. */
    screenOnMa: current,
    /** `screen.full`: extra current at maximum brightness compared with minimum brightness, mA. */
    screenFullMa: current,
    /**
     * Current while one CPU core is busy, mA; multiply by CPU time (all threads) to get charge. On Android
     * profiles: `cpu.active` + the core-count-weighted mean over clusters of (`cpu.cluster_power.clusterN` +
     * `cpu.core_power.clusterN` at the median frequency of the cluster's table). See `android-power-profile.ts`.
     */
    cpuActiveMa: current,
    /** CPU baseline while the device is awake but the CPU idles (`cpu.suspend` + `cpu.idle`), mA. */
    cpuIdleMa: current,
    /** Wi-Fi radio while transferring (`wifi.active`, or `wifi.controller.rx` on controller-level profiles), mA. */
    wifiActiveMa: current,
    /** Cellular radio while transferring (`radio.active`, or `modem.controller.rx`), mA. */
    radioActiveMa: current,
    /**
     * Cellular radio on but not transferring (`radio.on` at the median signal-strength bin, or
     * `modem.controller.idle`), mA.
     */
    radioOnMa: current,
    /**
     * CPU clusters with their per-frequency currents (energy model 2.0: work is charged at the frequency the
     * governor picks for it). Absent: one cluster at `cpuActiveMa` whatever the load (custom profiles, desktop).
     */
    cpuClusters: z.array(CpuClusterSchema).min(1).optional(),
    /** `cpu.active`: the CPU subsystem's current while any core is busy, mA (with `cpuClusters`). */
    cpuBaseMa: current.optional(),
  })
  .strict();
/** Component currents of a device, mA. */
export type DevicePower = z.infer<typeof DevicePowerSchema>;

/** Kinds of device. */
export const DEVICE_KINDS = ['phone', 'desktop', 'tablet'] as const;

/** A device: what the browser emulates (viewport, user agent, CPU speed) and what the energy model needs. */
export const DeviceProfileSchema = z
  .object({
    /** Kebab-case id, equal to the file name without `.json` for built-in profiles: `mid-range-phone`. */
    id: z.string().regex(PROFILE_ID, 'must be kebab-case, such as "mid-range-phone"'),
    /** Human name, naming the real device the numbers come from. */
    name: z.string().min(1),
    kind: z.enum(DEVICE_KINDS),
    /** Layout viewport in CSS pixels. */
    viewport: ViewportSchema,
    /** Device pixel ratio (physical pixels per CSS pixel). */
    deviceScaleFactor: z.number().positive().max(10),
    /** `User-Agent` the browser sends. */
    userAgent: z.string().min(1),
    /** Mobile viewport meta handling and mobile UA behaviour in Chromium. */
    isMobile: z.boolean(),
    /** Touch events enabled. */
    hasTouch: z.boolean(),
    /**
     * Chromium CPU throttling rate (`Emulation.setCPUThrottlingRate`) relative to a reference desktop:
     * 1 = no slowdown; Lighthouse emulates a mid-tier phone with 4.
     */
    cpuSlowdownFactor: z.number().min(1).max(100),
    battery: BatterySchema,
    power: DevicePowerSchema,
    /** Free text: caveats, how the device was chosen. */
    notes: z.string().optional(),
    sources: SourcesSchema,
  })
  .strict()
  .superRefine((profile, ctx) => requireSourcesForNumbers(profile, ctx));
/** A device profile. */
export type DeviceProfile = z.infer<typeof DeviceProfileSchema>;

/** Kinds of network. */
export const NETWORK_KINDS = ['wifi', 'cellular', 'wired'] as const;
/** Radio a network uses on the device (drives which radio current the energy model charges). */
export const NETWORK_RADIOS = ['wifi', 'cellular', 'none'] as const;

/** The real connection a preset stands for (packet-level figures, before request-level adjustment). */
export const NetworkTargetSchema = z
  .object({
    /** Round-trip time in ms. */
    rttMs: z.number().nonnegative().max(600_000),
    /** Downlink in kbit/s (1 kbit = 1000 bits). */
    downloadKbps: z.number().positive().max(1e9),
    /** Uplink in kbit/s. */
    uploadKbps: z.number().positive().max(1e9),
  })
  .strict();

/**
 * A network: the conditions Chromium applies (`Network.emulateNetworkConditions`) and the radio it uses.
 * `latencyMs`, `downloadKbps` and `uploadKbps` are the values applied per request; they include the
 * adjustment factors that make request-level throttling approximate the `target` connection, as DevTools
 * and Lighthouse do.
 */
export const NetworkProfileSchema = z
  .object({
    /** Kebab-case id, equal to the file name without `.json` for built-in profiles: `4g`. */
    id: z.string().regex(PROFILE_ID, 'must be kebab-case, such as "4g"'),
    /** Human name, naming the preset the numbers come from. */
    name: z.string().min(1),
    kind: z.enum(NETWORK_KINDS),
    /** Latency added to each request, ms (CDP `latency`). */
    latencyMs: z.number().nonnegative().max(600_000),
    /** Download throughput in kbit/s (1 kbit = 1000 bits). */
    downloadKbps: z.number().positive().max(1e9),
    /** Upload throughput in kbit/s. */
    uploadKbps: z.number().positive().max(1e9),
    radio: z.enum(NETWORK_RADIOS),
    /** The packet-level connection the preset emulates, when it differs from the applied values. */
    target: NetworkTargetSchema.optional(),
    /** Free text: caveats, how the preset was chosen. */
    notes: z.string().optional(),
    sources: SourcesSchema,
  })
  .strict()
  .superRefine((profile, ctx) => requireSourcesForNumbers(profile, ctx));
/** A network profile. */
export type NetworkProfile = z.infer<typeof NetworkProfileSchema>;

/** Conditions for the Chrome DevTools Protocol command `Network.emulateNetworkConditions`. */
export interface CdpNetworkConditions {
  offline: false;
  /** Minimum latency from request sent to response headers received, ms. */
  latency: number;
  /** Maximal aggregated download throughput, bytes/s. */
  downloadThroughput: number;
  /** Maximal aggregated upload throughput, bytes/s. */
  uploadThroughput: number;
}

/** kbit/s (1 kbit = 1000 bits, as in DevTools' presets) to bytes/s. */
export function kbpsToBytesPerSecond(kbps: number): number {
  return (kbps * 1000) / 8;
}

/**
 * The `Network.emulateNetworkConditions` parameters of a profile: latency in ms, throughputs converted from
 * kbit/s to bytes/s (the unit CDP expects).
 */
export function toCdpNetworkConditions(profile: Pick<NetworkProfile, 'latencyMs' | 'downloadKbps' | 'uploadKbps'>): CdpNetworkConditions {
  return {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: kbpsToBytesPerSecond(profile.downloadKbps),
    uploadThroughput: kbpsToBytesPerSecond(profile.uploadKbps),
  };
}

/** Paths of the numeric leaves of a value: `['viewport.width', 'power.cpuActiveMa', …]`. */
export function numericFieldPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'number') return [prefix];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const paths: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'sources') continue;
    paths.push(...numericFieldPaths(child, prefix ? `${prefix}.${key}` : key));
  }
  return paths;
}

/** True when `sources` has an entry for `path`, one of its parents, or `*`. */
export function isFieldSourced(path: string, sources: ReadonlyArray<Pick<ProfileSource, 'field'>>): boolean {
  return sources.some((s) => s.field === '*' || s.field === path || path.startsWith(`${s.field}.`));
}

/** Adds an issue on `sources` for every number of `profile` that no source cites (device, network and footprint data). */
export function requireSourcesForNumbers(profile: { sources: ReadonlyArray<Pick<ProfileSource, 'field'>> }, ctx: z.RefinementCtx): void {
  for (const path of numericFieldPaths(profile)) {
    if (!isFieldSourced(path, profile.sources)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message: `no source cites "${path}": add { "field": "${path}", "source": "…" } (or a parent field, or "*")`,
      });
    }
  }
}
