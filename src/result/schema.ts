/**
 * result.json (contract, DESIGN.md): names that users' CI and reports read. Fields may be added, never
 * renamed. Figures a probe could not take are `null`, never 0; figures the methodology has not computed
 * yet are `null` too.
 */
import { z } from 'zod';
import { STEP_TYPES } from '../journey/schema.js';
import { METRIC_NAMES, type MetricName } from '../methodology/metrics.js';

/** Current version of the result format. */
export const RESULT_SCHEMA_VERSION = 1;

const nullableNumber = z.number().nullable();

/** Per-host traffic of one step. */
export const DomainTrafficSchema = z.object({ bytes: z.number(), requests: z.number() });

/**
 * What the probes measured for one step in one iteration (plain JSON). Bytes are transferred bytes
 * (Chromium `encodedDataLength`, headers included); CPU figures are milliseconds of the emulated device.
 */
export const RawStepSampleSchema = z.object({
  step: z.string(),
  index: z.number().int(),
  type: z.enum(STEP_TYPES),
  status: z.enum(['passed', 'failed', 'skipped']),
  error: z.string().optional(),
  /** Which action failed, as `actions[2] click`. */
  failedAction: z.string().optional(),
  startedAt: z.string(),
  /** Wall time of the step, milliseconds. */
  durationMs: nullableNumber,
  /** Time from the step's start until its last wait condition was met, milliseconds; null without one. */
  readyMs: nullableNumber,
  bytes: nullableNumber,
  requests: nullableNumber,
  cachedRequests: nullableNumber,
  failedRequests: nullableNumber,
  firstPartyBytes: nullableNumber,
  thirdPartyBytes: nullableNumber,
  domains: z.record(z.string(), DomainTrafficSchema).nullable(),
  /** Renderer main-thread task time (CDP Performance TaskDuration delta), milliseconds. */
  cpuMs: nullableNumber,
  scriptMs: nullableNumber,
  layoutMs: nullableNumber,
  styleMs: nullableNumber,
  /** CPU time of the whole browser process tree from /proc (user + system), milliseconds. */
  processCpuMs: nullableNumber,
  /** JS heap used at the end of the step, bytes. */
  memoryBytes: nullableNumber,
  /** Elements at the end of the step (SVG descendants excluded; open shadow roots and same-origin iframes included). */
  domElements: nullableNumber,
  /** Estimated or measured energy of the step, mAh (methodology). */
  energyMah: nullableNumber,
  /** Battery discharge rate during the step, µAh/s (methodology). */
  dischargeUahPerS: nullableNumber,
  /** Page URL at the end of the step (secrets redacted). */
  url: z.string().nullable(),
  /** Screenshot path relative to the result folder. */
  screenshot: z.string().nullable(),
  /** Probes that could not measure, with the reason (the figure is null, never invented). */
  unavailable: z.record(z.string(), z.string()).optional(),
});
/** One step of one iteration. */
export type RawStepSample = z.infer<typeof RawStepSampleSchema>;

export { METRIC_NAMES, type MetricName } from '../methodology/metrics.js';

/** Spread of a figure over iterations; cv is standard deviation / mean as a fraction (0.02 = 2 %). */
export const SpreadSchema = z.object({ min: z.number(), max: z.number(), cv: z.number().nullable(), n: z.number().int() });

const MetricsSchema = z.object(Object.fromEntries(METRIC_NAMES.map((name) => [name, nullableNumber])) as Record<MetricName, typeof nullableNumber>);

/** Scores 0..100; performance is null for pause and reference steps. */
export const ScoresSchema = z.object({
  energy: nullableNumber,
  performance: nullableNumber,
  data: nullableNumber,
  ecoscore: nullableNumber,
});

/** EcoIndex of a web load step (cnumr). */
export const EcoIndexSchema = z.object({ score: z.number(), grade: z.string(), ghgGrams: z.number(), waterCl: z.number() });

/** The three environmental indicators: g CO2e, litres of water, kg Sb eq of abiotic resources. */
export const ImpactsSchema = z.object({ ghgGrams: z.number(), waterLitres: z.number(), adpKgSbEq: z.number() });

/** Footprint of a step or journey (methodology): totals and where they come from. */
export const FootprintSchema = ImpactsSchema.extend({
  breakdown: z.object({
    deviceManufacturing: ImpactsSchema,
    deviceElectricity: ImpactsSchema,
    network: ImpactsSchema,
    dataCentre: ImpactsSchema,
  }),
});

/** One step of the journey, aggregated over iterations. */
export const StepResultSchema = z.object({
  name: z.string(),
  type: z.enum(STEP_TYPES),
  critical: z.boolean(),
  status: z.enum(['passed', 'failed', 'skipped']),
  error: z.string().optional(),
  /** Iterations in which this step passed / failed. */
  passedIterations: z.number().int(),
  failedIterations: z.number().int(),
  metrics: MetricsSchema,
  spread: z.record(z.string(), SpreadSchema),
  /** Discharge rate relative to the reference step's (1.5 = 50 % above idle); null without a reference. */
  dischargeRatio: nullableNumber.optional(),
  scores: ScoresSchema.nullable(),
  /** Spread of the step's scores over the iterations in which it passed (each iteration scored on its own). */
  scoreSpread: z.record(z.string(), SpreadSchema).optional(),
  ecoindex: EcoIndexSchema.nullable(),
  footprint: FootprintSchema.nullable(),
  /** Screenshot of the last iteration that reached the end of the step, relative path. */
  screenshot: z.string().nullable(),
});
/** A step of the result. */
export type StepResult = z.infer<typeof StepResultSchema>;

/** One iteration: the raw samples of every step. */
export const RunSchema = z.object({
  iteration: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['passed', 'failed', 'running', 'interrupted']),
  samples: z.array(RawStepSampleSchema),
});
/** One iteration. */
export type Run = z.infer<typeof RunSchema>;

/** The whole result (contract). */
export const ResultSchema = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  journey: z.object({
    name: z.string(),
    file: z.string(),
    /** sha256 of the journey file as written. */
    sha256: z.string(),
    /** The journey file's text, secrets redacted (for evidence and `ecoscore report`). */
    source: z.string().optional(),
  }),
  target: z.object({ platform: z.string() }).catchall(z.unknown()),
  environment: z
    .object({
      device: z.object({ id: z.string(), name: z.string() }).catchall(z.unknown()),
      network: z.object({ id: z.string(), name: z.string() }).catchall(z.unknown()),
      browser: z.object({ name: z.string(), version: z.string(), executablePath: z.string().optional() }).nullable(),
      /** Where energy figures come from (model + profile, or a device counter); null until computed. */
      energySource: z.unknown().nullable(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      host: z.object({ platform: z.string(), arch: z.string(), cpus: z.number(), cpuModel: z.string(), node: z.string() }),
      emulation: z.object({ cpuSlowdownFactor: z.number(), latencyMs: z.number(), downloadKbps: z.number(), uploadKbps: z.number() }),
    })
    .catchall(z.unknown()),
  /** Iterations asked for. */
  iterations: z.number().int(),
  /** Iterations that ran to their end (passed or failed). */
  completedIterations: z.number().int(),
  status: z.enum(['passed', 'failed', 'running', 'interrupted']),
  steps: z.array(StepResultSchema),
  summary: z
    .object({
      ecoscore: nullableNumber,
      grade: z.string().nullable(),
      scores: z.object({ energy: nullableNumber, performance: nullableNumber, data: nullableNumber }).nullable(),
      footprint: FootprintSchema.nullable(),
      spread: z.record(z.string(), SpreadSchema).nullable(),
      passedSteps: z.number().int(),
      failedSteps: z.number().int(),
      skippedSteps: z.number().int(),
      totals: z
        .object({ durationMs: nullableNumber, bytes: nullableNumber, requests: nullableNumber, cpuMs: nullableNumber })
        .catchall(nullableNumber),
    })
    .catchall(z.unknown()),
  warnings: z.array(z.string()),
  runs: z.array(RunSchema),
});
/** result.json. */
export type Result = z.infer<typeof ResultSchema>;
