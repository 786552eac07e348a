/**
 * The parts of result.json's `target` and `environment` that are read back (reports, compare, rescore): the energy
 * source, the host calibration, the methodology (versions, scoring profile, footprint model, thresholds), git facts
 * and the emulated device's viewport and battery. Part of the result contract (result.ts).
 *
 * These objects are open: a read keeps the keys they do not name (a result written by another version, read and
 * written again, loses nothing), while their TypeScript type names only the known keys, so that the interfaces
 * the writers build them from (methodology/energy-source.ts, energy.ts, footprint.ts) fit it.
 */
import { z } from 'zod';

/**
 * An object schema whose parse keeps the keys `shape` does not name, typed by the keys it names (the output of
 * the same schema without them).
 */
export function openObject<Shape extends z.ZodRawShape>(shape: Shape): z.ZodType<z.output<z.ZodObject<Shape>>, z.input<z.ZodObject<Shape>>> {
  return z.looseObject(shape);
}

// --- target ---

/**
 * What was measured (`target`): the journey's target as validated, secrets redacted, plus `measuredUrl` for web
 * targets. Every field but `platform` is optional: which ones are set depends on the platform.
 */
export const ResultTargetSchema = z
  .object({
    platform: z.string(),
    /** Start URL as the journey gives it (`demo` for the embedded demo app), or the mobile browser's URL. */
    url: z.string().optional(),
    /** URL actually measured (the demo's local address when `url: demo`). */
    measuredUrl: z.string().optional(),
    /** Options of the embedded demo app. */
    variant: z.record(z.string(), z.union([z.string(), z.boolean(), z.number()])).optional(),
    /** Android app package, or iOS bundle id. */
    appPackage: z.string().optional(),
    bundleId: z.string().optional(),
    /** Path of the app file (.apk, .app). */
    app: z.string().optional(),
    /** Mobile browser measured (`chrome`, `safari`), when the target is a web page on a phone. */
    browser: z.string().optional(),
  })
  .catchall(z.unknown());
/** What was measured. */
export type ResultTarget = z.infer<typeof ResultTargetSchema>;

// --- environment.device ---

/**
 * The device profile as used (profiles/schema.ts, every field of it kept). Its first fields are named, in the
 * profile's order (so that a read keeps the key order), optional as results of other tools may lack them.
 */
export const ResultDeviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string().optional(),
    /** Layout viewport, CSS pixels. */
    viewport: openObject({ width: z.number(), height: z.number() }).optional(),
    deviceScaleFactor: z.number().optional(),
    userAgent: z.string().optional(),
    isMobile: z.boolean().optional(),
    hasTouch: z.boolean().optional(),
    cpuSlowdownFactor: z.number().optional(),
    battery: openObject({ capacityMah: z.number(), voltageV: z.number() }).optional(),
  })
  .catchall(z.unknown());

// --- environment.energySource (methodology/energy-source.ts) ---

const CALIBRATION_USED_SHAPE = {
  benchmarkIndex: z.number(),
  throttlingRate: z.number(),
  hostBenchmarkIndex: z.number(),
  referenceBenchmarkIndex: z.number(),
  method: z.string(),
};

const MODEL_ENERGY_SOURCE_SHAPE = {
  kind: z.literal('model'),
  /** Energy model id (`ecoscore-energy`) and version. */
  model: z.string(),
  version: z.string(),
  /** Device and network profile ids. */
  device: z.string(),
  network: z.string(),
  /** True when CPU time was normalised by a host calibration measured at run start. */
  calibrated: z.boolean(),
  /** The calibration used, when there was one. */
  calibration: openObject(CALIBRATION_USED_SHAPE).nullable(),
  /** Modelling choices that are not in the profiles (the last two since methodology 2.0). */
  assumptions: openObject({
    screenBrightnessFraction: z.number(),
    radioTail: z.string().nullable(),
    cpuFrequencyModel: z.string().optional(),
    requestConcurrency: z.number().optional(),
  }),
  /** One sentence for reports. */
  description: z.string(),
  /** Why the energy is modelled although a device instrument ran. */
  reason: z.string().optional(),
};

/** Energy modelled from measured resource use (`kind: model`). */
export const ModelEnergySourceSchema = openObject(MODEL_ENERGY_SOURCE_SHAPE);
/** Energy modelled from measured resource use. */
export type ModelEnergySourceRecord = z.output<typeof ModelEnergySourceSchema>;

const MEASURED_ENERGY_SOURCE_SHAPE = {
  kind: z.literal('measured'),
  /** The instrument: `android-power-sampler`. */
  instrument: z.string(),
  /** How it sampled, when all samples agree. */
  method: z.string().nullable(),
  /** Device model it ran on. */
  device: z.string(),
  /** Steps measured in every iteration, and steps modelled instead. */
  measuredSteps: z.number().int(),
  modelledSteps: z.number().int(),
  /** The model used for the modelled steps, when there are some. */
  fallback: ModelEnergySourceSchema.nullable(),
  /** One sentence for reports. */
  description: z.string(),
};
/** Energy measured on a device (`kind: measured`), with the model of the steps it could not measure. */
export type MeasuredEnergySourceRecord = z.output<z.ZodObject<typeof MEASURED_ENERGY_SOURCE_SHAPE>>;

const DEVICE_COUNTER_ENERGY_SOURCE_SHAPE = {
  kind: z.literal('device-counter'),
  /** `android-charge-counter` or `power-trace-csv`. */
  counter: z.string(),
  device: z.string().optional(),
  resolutionUah: z.number().nullable().optional(),
  file: z.string().optional(),
  description: z.string().optional(),
};
/** Methodology 1.x results measured with the charge counter (read, never written any more). */
export type DeviceCounterEnergySourceRecord = z.output<z.ZodObject<typeof DEVICE_COUNTER_ENERGY_SOURCE_SHAPE>>;

/** Where a result's energy figures come from (`environment.energySource`). */
export type EnergySourceRecord = ModelEnergySourceRecord | MeasuredEnergySourceRecord | DeviceCounterEnergySourceRecord;

/** Where a result's energy figures come from: the model, a device instrument, or (1.x) a charge counter. */
export const EnergySourceSchema: z.ZodType<EnergySourceRecord> = z.discriminatedUnion('kind', [
  z.looseObject(MODEL_ENERGY_SOURCE_SHAPE),
  z.looseObject(MEASURED_ENERGY_SOURCE_SHAPE),
  z.looseObject(DEVICE_COUNTER_ENERGY_SOURCE_SHAPE),
]);

// --- environment.hostCalibration (methodology/energy.ts HostCalibration) ---

/** Host speed measured at run start. */
export const HostCalibrationSchema = openObject({
  /** Benchmark index measured under `throttlingRate`. */
  benchmarkIndex: z.number(),
  throttlingRate: z.number(),
  /** `benchmarkIndex × throttlingRate`: the index of the unthrottled host. */
  hostBenchmarkIndex: z.number(),
  /** Wall time the calibration took, ms. */
  durationMs: z.number(),
  /** How the index was measured. */
  method: z.string(),
  /** Index of each round, when recorded. */
  rounds: z.array(z.number()).readonly().optional(),
});
/** Host speed measured at run start: what the calibration probe returns, the energy model reads and result.json records. */
export type HostCalibrationRecord = z.output<typeof HostCalibrationSchema>;
/** The same record, under the name the energy model and the probe use. */
export type HostCalibration = HostCalibrationRecord;

// --- environment.methodology ---

/** A threshold curve as recorded: `[{ value, score }]` from best to worst. */
export const ThresholdPointsSchema = z.array(openObject({ value: z.number(), score: z.number() }));
/** A threshold curve. */
export type ThresholdPoints = z.output<typeof ThresholdPointsSchema>;

/** The data curves of a step type, one per platform. */
export const DataCurvesSchema = openObject({ web: openObject({ points: ThresholdPointsSchema }), mobile: openObject({ points: ThresholdPointsSchema }) });

/**
 * The curves a step type's scores were read on (methodology 2.0): energy and performance points (null when the
 * type has no such sub-score) and data curves per platform.
 */
export const StepThresholdsSchema = openObject({ energy: ThresholdPointsSchema.nullable(), performance: ThresholdPointsSchema.nullable(), data: DataCurvesSchema });
/** The curves a step type's scores were read on. */
export type StepThresholdsUsed = z.output<typeof StepThresholdsSchema>;

/** The footprint model of a result (methodology/footprint.ts FootprintModelInfo). */
export const FootprintModelSchema = openObject({
  version: z.string(),
  factors: openObject({ id: z.string(), version: z.string() }),
  grid: z.string(),
  gridIntensityGPerKWh: z.number(),
  dataCentreGrid: z.string(),
  dataCentreGridIntensityGPerKWh: z.number(),
  deviceClass: z.string(),
  /** Written by the first 2.0 results only. */
  networkClass: z.string().optional(),
  intensitySource: z.string(),
});

/** What the scores were computed with (`environment.methodology`); `version` and `thresholds` since 2.0. */
export const MethodologyRecordSchema = openObject({
  /** Methodology version; absent from 1.x results (read as 1.0.0). */
  version: z.string().optional(),
  /** Energy model version. */
  energyModel: z.string().optional(),
  /** The scoring profile: id, version, and (2.0) the energy metric and the aggregation of the sub-scores. */
  scoring: openObject({ id: z.string(), version: z.string(), energyMetric: z.string().optional(), aggregation: z.string().optional() }).optional(),
  footprint: FootprintModelSchema.optional(),
  /** The curves used, per step type of the journey. */
  thresholds: z.record(z.string(), StepThresholdsSchema).optional(),
});
/** What the scores were computed with. */
export type MethodologyRecord = z.output<typeof MethodologyRecordSchema>;

// --- environment.git ---

/** Commit and branch measured; null when not in a git work tree. */
export const GitFactsSchema = openObject({ commit: z.string().nullable(), branch: z.string().nullable(), dirty: z.boolean().nullable() });
