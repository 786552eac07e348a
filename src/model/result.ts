/**
 * result.json (a contract: the names users' CI and the reports read; see README "result.json"). Fields may be added, never
 * renamed. Figures a probe could not take are `null`, never 0; figures the methodology has not computed
 * yet are `null` too.
 */
import { z } from 'zod';
import { ConstrainedSchema } from './constrained.js';
import { EnergySourceSchema, GitFactsSchema, HostCalibrationSchema, MethodologyRecordSchema, ResultDeviceSchema, ResultTargetSchema } from './environment.js';
import { STEP_TYPES } from './step-types.js';
import { METRIC_NAMES, type MetricName } from './metrics.js';
import { SCORE_STATUS_CODES } from './score-status.js';
import { WarningSchema } from './warning.js';

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
  /**
   * The app's response time, ms (what performance is scored on, methodology 2.0): from the start of the step's last
   * input before its last wait (its last input when it has no wait) to the later of that wait's end and the end of the
   * step's last response; tool pacing (scroll steps) left out.
   */
  responseMs: nullableNumber.optional(),
  /** End of the step's last network response, ms from the network probe's start (null without a response). */
  lastResponseEndMs: nullableNumber.optional(),
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
  /** CPU time of the whole browser process tree from /proc (user + system), milliseconds; informational (local browsers on Linux only). */
  processCpuMs: nullableNumber,
  /** CPU time of the page's renderer threads other than the main thread (compositor, raster and decode workers, IPC, workers), host ms (Chromium trace, probes/thread-cpu.ts). */
  rendererOtherCpuMs: nullableNumber.optional(),
  /** CPU time of the GPU process (display compositor; rasterisation with --disable-gpu), host ms (Chromium trace). */
  gpuCpuMs: nullableNumber.optional(),
  /** CPU time of the network service and other utility processes, host ms (Chromium trace). */
  utilityCpuMs: nullableNumber.optional(),
  /** JS heap used at the end of the step, bytes. */
  memoryBytes: nullableNumber,
  /** Elements at the end of the step (SVG descendants excluded; open shadow roots and same-origin iframes included). */
  domElements: nullableNumber,
  /** Elements of the main document only, SVG descendants excluded: the DOM count EcoIndex's reference uses. */
  documentElements: nullableNumber.optional(),
  /** Estimated or measured energy of the step, mAh (methodology). */
  energyMah: nullableNumber,
  /** Battery discharge rate during the step, µAh/s (methodology). */
  dischargeUahPerS: nullableNumber,
  /** Charge the step's work adds to an idle phone, mAh (methodology 2.0: what the energy sub-score reads). */
  excessEnergyMah: nullableNumber.optional(),
  /** Whether `energyMah` was measured on the device or modelled (methodology; never mixed within a step). */
  energyBasis: z.enum(['measured', 'model']).optional(),
  /**
   * Charge a device counter measured during the step (Android battery charge counter delta), mAh. When set,
   * the methodology keeps it as `energyMah` instead of modelling one. Absent or null: no counter reading.
   */
  measuredEnergyMah: nullableNumber.optional(),
  /**
   * How `measuredEnergyMah` was measured: battery current sampled on the device (Perfetto battery counters or
   * power rails, or sysfs `current_now`) and integrated over the step's window on the device clock. Null when
   * the window was not measured (the reason is `unavailable.energy`). Absent on platforms without a sampler.
   */
  energyMeasurement: z
    .object({
      method: z.enum(['perfetto-battery', 'perfetto-rails', 'sysfs-current']),
      /** Samples inside the window. */
      samples: z.number().int(),
      /** Longest gap between samples around and inside the window, ms (at most 250 when measured). */
      maxGapMs: z.number(),
      /** Length of the window on the device clock, ms. */
      windowMs: z.number(),
      /** `negative-when-discharging` (Android's documented convention) or `positive-when-discharging`. */
      signConvention: z.string(),
      /** Unit the gauge wrote current in (`µA`, `mA`; `µWs` for rails). */
      unit: z.string(),
    })
    .nullable()
    .optional(),
  /** Android's own estimate of the app uid's charge during the step (`dumpsys batterystats`), mAh. */
  appEstimatedMah: nullableNumber.optional(),
  /** Frames the app rendered during the step, and how many were janky (Android `dumpsys gfxinfo`). */
  frames: nullableNumber.optional(),
  jankyFrames: nullableNumber.optional(),
  /** Page URL at the end of the step (secrets redacted). */
  url: z.string().nullable(),
  /** Screenshot path relative to the result folder. */
  screenshot: z.string().nullable(),
  /** Probes that could not measure, with the reason (the figure is null, never invented). */
  unavailable: z.record(z.string(), z.string()).optional(),
});
/** One step of one iteration. */
export type RawStepSample = z.infer<typeof RawStepSampleSchema>;

export { METRIC_NAMES, type MetricName } from './metrics.js';

/** Spread of a figure over iterations; cv is standard deviation / mean as a fraction (0.02 = 2 %). */
export const SpreadSchema = z.object({ min: z.number(), max: z.number(), cv: z.number().nullable(), n: z.number().int() });

/** Metrics added by methodology 2.0: absent from older results, read as null. */
const METRICS_SINCE_2_0: ReadonlySet<MetricName> = new Set(['responseMs', 'rendererOtherCpuMs', 'gpuCpuMs', 'utilityCpuMs', 'documentElements', 'excessEnergyMah']);

const MetricsSchema = z.object(
  Object.fromEntries(METRIC_NAMES.map((name) => [name, METRICS_SINCE_2_0.has(name) ? nullableNumber.default(null) : nullableNumber])) as Record<MetricName, typeof nullableNumber>,
);

/** Scores 0..100; performance is null for pause and reference steps. */
export const ScoresSchema = z.object({
  energy: nullableNumber,
  performance: nullableNumber,
  data: nullableNumber,
  ecoscore: nullableNumber,
});

/** EcoIndex of a web load step (cnumr). */
export const EcoIndexSchema = z.object({ score: z.number(), grade: z.string(), ghgGrams: z.number(), waterCl: z.number() });

/**
 * The three environmental indicators: greenhouse gases in g CO2e; water consumed in litres (scope of each part:
 * docs/footprint.md); abiotic resource depletion, minerals and metals (EF "minerals and metals resource use"), in kg Sb eq.
 */
export const ImpactsSchema = z.object({ ghgGrams: z.number(), waterLitres: z.number(), adpKgSbEq: z.number() });
/** The three environmental indicators. */
export type Impacts = z.output<typeof ImpactsSchema>;

/** Footprint of a step or journey (methodology): totals and where they come from. */
export const FootprintSchema = ImpactsSchema.extend({
  breakdown: z.object({
    deviceManufacturing: ImpactsSchema,
    deviceElectricity: ImpactsSchema,
    network: ImpactsSchema,
    dataCentre: ImpactsSchema,
  }),
});

// --- Lighthouse (issue 7): audits of a step from the separate Lighthouse pass (docs/lighthouse.md). ---

/** One resource a recommendation names, with what fixing it would save. */
export const RecommendationItemSchema = z.object({
  /** URL of the resource (or the third party's name, for `third-party-summary`), as the page requested it. */
  url: z.string(),
  /** Transferred bytes of the resource, when Lighthouse gives them. */
  totalBytes: nullableNumber,
  /** Bytes the fix would save on this resource. */
  savingsBytes: nullableNumber,
  /** Milliseconds the fix would save (or main-thread blocking time, for third parties). */
  savingsMs: nullableNumber,
});

/** A sobriety recommendation for one step, from one Lighthouse audit (methodology/recommendations.ts). */
export const RecommendationSchema = z.object({
  /** Lighthouse audit id, e.g. `uses-text-compression`. */
  audit: z.string(),
  /** Lighthouse's title of the audit (English). */
  title: z.string(),
  /** What Lighthouse displayed, e.g. `Est savings of 438 KiB`, `1,960 elements`. */
  displayValue: z.string().nullable(),
  /** Bytes the fix would save (Lighthouse's estimate); null for audits that only describe (DOM size, payload). */
  estimatedSavingsBytes: nullableNumber,
  /** Milliseconds the fix would save (Lighthouse's estimate), when it gives one. */
  estimatedSavingsMs: nullableNumber,
  /** Radio charge of the saved bytes with the run's device and network, mAh (energyOfBytes); null without bytes. */
  estimatedEnergyMah: nullableNumber,
  /** True when the bytes are saved on a later visit, not on this one (cache lifetimes). */
  repeatVisit: z.boolean(),
  /** The resources with the largest savings, at most 5. */
  items: z.array(RecommendationItemSchema),
});
/** A recommendation. */
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** Lighthouse's metrics of a step (null when the mode has none: timespans have no paint metrics, snapshots none). */
export const LighthouseMetricsSchema = z.object({
  firstContentfulPaintMs: nullableNumber,
  largestContentfulPaintMs: nullableNumber,
  speedIndexMs: nullableNumber,
  totalBlockingTimeMs: nullableNumber,
  cumulativeLayoutShift: nullableNumber,
  interactionToNextPaintMs: nullableNumber,
});
/** Lighthouse's metrics of a step. */
export type LighthouseMetrics = z.infer<typeof LighthouseMetricsSchema>;

/** How Lighthouse observed a step: a navigation, a timespan of its actions, or a snapshot of its end state. */
export const LIGHTHOUSE_MODES = ['navigation', 'timespan', 'snapshot'] as const;

/** What the probes measured for a step during the Lighthouse pass (under Lighthouse's instrumentation). */
export const LighthousePassFiguresSchema = z.object({
  durationMs: nullableNumber,
  cpuMs: nullableNumber,
  bytes: nullableNumber,
  requests: nullableNumber,
  energyMah: nullableNumber,
});

/** Lighthouse audit of one step (`steps[].lighthouse`, present only with `ecoscore run --lighthouse`). */
export const StepLighthouseSchema = z.object({
  lighthouseVersion: z.string().nullable(),
  mode: z.enum(LIGHTHOUSE_MODES),
  metrics: LighthouseMetricsSchema,
  /** Ranked by estimated bytes saved, then milliseconds; descriptive audits last. */
  recommendations: z.array(RecommendationSchema),
  /** Bytes all recommendations would save on this step, each resource counted once (its largest saving); cache lifetimes left out. */
  estimatedSavingsBytes: nullableNumber,
  /** Radio charge of `estimatedSavingsBytes`, mAh. */
  estimatedEnergyMah: nullableNumber,
  /** The step's Lighthouse report (LHR JSON), relative to the result folder. */
  report: z.string().nullable(),
  /** Wall time Lighthouse added around the step in its pass (setup, collection, audits), ms. */
  addedMs: nullableNumber,
  /** The step's figures in the Lighthouse pass, to compare with the measured medians (Lighthouse's overhead). */
  auditPass: LighthousePassFiguresSchema.nullable(),
  /** Lighthouse's own warnings about the step. */
  warnings: z.array(z.string()),
  /** Why the step has no audit (Lighthouse failed on it). */
  error: z.string().optional(),
});
/** Lighthouse audit of one step. */
export type StepLighthouse = z.infer<typeof StepLighthouseSchema>;

/** The Lighthouse pass of a run (`environment.lighthouse`). */
export const LighthousePassSchema = z.object({
  /** `separate`: one extra iteration after the measured ones, never in the medians. */
  pass: z.literal('separate'),
  lighthouseVersion: z.string().nullable(),
  startedAt: z.string().nullable(),
  /** Wall time of the whole pass, ms. */
  durationMs: nullableNumber,
  /** Steps audited / attempted. */
  auditedSteps: z.number().int(),
  /** Why the pass could not run or stopped, when it did. */
  error: z.string().optional(),
  description: z.string(),
});
/** The Lighthouse pass of a run. */
export type LighthousePass = z.infer<typeof LighthousePassSchema>;

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
  /** Iterations in which it failed. */
  failedIn: z.array(z.number().int()).optional(),
  /** Probes that could not measure during this step, with the first reason. */
  unavailable: z.record(z.string(), z.string()).optional(),
  metrics: MetricsSchema,
  spread: z.record(z.string(), SpreadSchema),
  /** Discharge rate relative to the reference step's (1.5 = 50 % above idle); null without a reference. */
  dischargeRatio: nullableNumber.optional(),
  /** Medians of the step's per-iteration scores (one decimal); null for a step that failed in any iteration, never ran, or is the reference. */
  scores: ScoresSchema.nullable(),
  /** Grade of `scores.ecoscore` with the scoring profile's bounds. */
  grade: z.string().nullable().optional(),
  /** Whether the step's energy is measured (every iteration and the reference measured) or modelled, and why modelled. */
  energySource: z.object({ basis: z.enum(['measured', 'model']), reason: z.string().optional() }).optional(),
  /** Spread of the step's scores over the iterations in which it passed (each iteration scored on its own). */
  scoreSpread: z.record(z.string(), SpreadSchema).optional(),
  ecoindex: EcoIndexSchema.nullable(),
  footprint: FootprintSchema.nullable(),
  /** Screenshot of the last iteration that reached the end of the step, relative path. */
  screenshot: z.string().nullable(),
  /** Lighthouse metrics and sobriety recommendations (`ecoscore run --lighthouse`, web targets). */
  lighthouse: StepLighthouseSchema.optional(),
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
  /**
   * Android: the battery charge counter (`dumpsys battery`, µAh) when the iteration's energy sampler started
   * and after it stopped — a whole-iteration cross-check of the sampled step energies, never a step figure.
   * Null when the device has no counter or could not be read; absent on other platforms.
   */
  chargeCounter: z.object({ startUah: z.number(), endUah: z.number(), deltaMah: z.number() }).nullable().optional(),
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
  target: ResultTargetSchema,
  environment: z
    .object({
      device: ResultDeviceSchema,
      network: z.object({ id: z.string(), name: z.string() }).catchall(z.unknown()),
      browser: z.object({ name: z.string(), version: z.string(), executablePath: z.string().optional() }).nullable(),
      /** Where energy figures come from (the model, or a device instrument); null until computed. */
      energySource: EnergySourceSchema.nullable(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      host: z.object({ platform: z.string(), arch: z.string(), cpus: z.number(), cpuModel: z.string(), node: z.string() }),
      emulation: z.object({ cpuSlowdownFactor: z.number(), latencyMs: z.number(), downloadKbps: z.number(), uploadKbps: z.number() }),
      /** The Lighthouse pass, when the run had one (`--lighthouse`). */
      lighthouse: LighthousePassSchema.optional(),
      // Named after the others, so that a result read and written again keeps its key order.
      /** Host speed measured at run start; null when it could not be measured (or on mobile targets). */
      hostCalibration: HostCalibrationSchema.nullable().optional(),
      /** Methodology, energy model, scoring profile, footprint model and thresholds used. */
      methodology: MethodologyRecordSchema.optional(),
      /** Commit and branch measured. */
      git: GitFactsSchema.nullable().optional(),
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
      /** Why the journey has (or has no) grade (methodology 2.0); absent from older results. */
      status: z
        .object({ code: z.enum(SCORE_STATUS_CODES), message: z.string() })
        .catchall(z.unknown())
        .optional(),
      scores: z.object({ energy: nullableNumber, performance: nullableNumber, data: nullableNumber }).nullable(),
      footprint: FootprintSchema.nullable(),
      /** The journey footprint per 1,000 journeys, and per year with `--users` (methodology/evaluate.ts). */
      projection: z
        .object({
          perThousandJourneys: FootprintSchema,
          perYear: FootprintSchema.nullable(),
          usage: z.object({ users: z.number(), journeysPerUserPerYear: z.number(), journeysPerYear: z.number() }).nullable(),
        })
        .nullable()
        .optional(),
      spread: z.record(z.string(), SpreadSchema).nullable(),
      passedSteps: z.number().int(),
      failedSteps: z.number().int(),
      skippedSteps: z.number().int(),
      totals: z
        .object({ durationMs: nullableNumber, bytes: nullableNumber, requests: nullableNumber, cpuMs: nullableNumber, energyMah: nullableNumber.optional() })
        .catchall(nullableNumber),
    })
    .catchall(z.unknown()),
  /** What the reader should know: `{code, params, message}` (model/warning.ts); older results' strings are read as coded warnings. */
  warnings: z.array(WarningSchema),
  runs: z.array(RunSchema),
  /** `--constrained`: the journey replayed on a constrained profile, step by step (absent otherwise). */
  constrained: ConstrainedSchema.optional(),
});
export { ConstrainedSchema, type Constrained } from './constrained.js';
export { WARNING_CODES, normaliseWarning, warning, type Warning, type WarningCode, type WarningOf, type WarningParams } from './warning.js';
export * from './environment.js';

/** result.json. */
export type Result = z.infer<typeof ResultSchema>;
