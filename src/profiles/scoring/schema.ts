/**
 * Schema of a scoring profile (`src/profiles/scoring/default.json` and user-supplied custom profiles): the
 * thresholds that turn a step's measured figures into energy, performance and data sub-scores (0..100),
 * the weights of critical and normal steps, and the grade bounds.
 *
 * Each threshold set is a list of points `{ value, score }`, values strictly increasing and scores never
 * increasing (more of a resource never scores better); scores between two points are linearly
 * interpolated and clamped to the first/last score beyond the ends (see `scoreFromThresholds` in
 * `src/methodology/ecoscore.ts`). Each set must say why its numbers were chosen (`justification`) and cite
 * at least one `source`.
 *
 * Pure module: zod only, no I/O.
 */
import { z } from 'zod';
import { STEP_TYPES, type StepType } from '../../model/step-types.js';

/** Semantic version such as `1.0.0` or `2.1.0-rc.1`. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
/** Kebab-case id, as for device and network profiles. */
const PROFILE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * What the energy thresholds are expressed in:
 * - `excessEnergyUah`: the charge the step's work adds to an idle phone, µAh (methodology 2.0, the default:
 *   modelled as CPU + radio charge, measured as the step's charge minus the reference step's rate × duration);
 * - `dischargeRatio`: the step's discharge rate divided by the reference step's (unitless; 1 = idle);
 * - `dischargeExcessUahPerS`: the step's discharge rate minus the reference step's, µAh/s;
 * - `dischargeUahPerS`: the step's discharge rate itself, µAh/s (no reference needed; for thresholds
 *   measured on a known device, such as the official ones).
 */
export const ENERGY_METRICS = ['excessEnergyUah', 'dischargeRatio', 'dischargeExcessUahPerS', 'dischargeUahPerS'] as const;
/** What the energy thresholds are expressed in. */
export type EnergyMetric = (typeof ENERGY_METRICS)[number];

/** A publication a threshold set is anchored on. */
export const ThresholdSourceSchema = z
  .object({
    /** What was read, and where: document and section, repository and path, or the reasoning. */
    title: z.string().min(1),
    /** Link, at a fixed commit or version when there is one. */
    url: z.url().optional(),
    /** Date of the source or of the reading (ISO 8601), when known. */
    date: z.string().optional(),
  })
  .strict();
/** A publication a threshold set is anchored on. */
export type ThresholdSource = z.infer<typeof ThresholdSourceSchema>;

/** One point of a threshold curve: the score (0..100) a step gets at `value`. */
export const ThresholdPointSchema = z
  .object({
    /** Measured value in the unit of the set (ratio, µAh/s, ms or bytes), ≥ 0. */
    value: z.number().nonnegative().finite(),
    /** Score at that value, 0..100. */
    score: z.number().min(0).max(100),
  })
  .strict();
/** One point of a threshold curve. */
export type ThresholdPoint = z.infer<typeof ThresholdPointSchema>;

/** A threshold curve with its justification and sources. */
export const ThresholdSetSchema = z
  .object({
    /** At least two points; values strictly increasing, scores never increasing. */
    points: z.array(ThresholdPointSchema).min(2, 'a threshold set needs at least 2 points'),
    /** Why these numbers: which percentile or published limit each point stands for. */
    justification: z.string().min(1),
    /** Publications the points are anchored on. */
    source: z.array(ThresholdSourceSchema).min(1, 'cite at least one source'),
  })
  .strict()
  .superRefine((set, ctx) => {
    for (let i = 1; i < set.points.length; i++) {
      const previous = set.points[i - 1] as ThresholdPoint;
      const point = set.points[i] as ThresholdPoint;
      if (!(point.value > previous.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['points', i, 'value'],
          message: `values must be strictly increasing (${point.value} follows ${previous.value})`,
        });
      }
      if (point.score > previous.score) {
        ctx.addIssue({
          code: 'custom',
          path: ['points', i, 'score'],
          message: `scores must never increase with the value (${point.score} follows ${previous.score}): more of a resource never scores better`,
        });
      }
    }
  });
/** A threshold curve with its justification and sources. */
export type ThresholdSet = z.infer<typeof ThresholdSetSchema>;

/** A page at a percentile of a published distribution, as the energy model's input. */
export const PercentilePageSchema = z
  .object({
    /** Percentile of the distribution, 0..100 (the step scores 100 − percentile at this page's energy). */
    percentile: z.number().min(0).max(100),
    /** Transferred bytes. */
    bytes: z.number().nonnegative().finite(),
    /** Requests. */
    requests: z.number().nonnegative().finite(),
    /** Main-thread CPU time, ms, on a device of `cpuSlowdownFactor` (the distribution's lab device). */
    mainThreadMs: z.number().nonnegative().finite(),
    /** CPU time off the main thread (compositor, raster, GPU, network), ms on the same device. */
    otherThreadMs: z.number().nonnegative().finite(),
  })
  .strict();

/**
 * Energy thresholds derived through the energy model: the excess charge of each percentile page on the run's
 * device and network is the value at which a step scores `100 − percentile` (in µAh, for `excessEnergyUah`).
 * `scripts/derive-thresholds.ts` writes these pages from the cited distributions.
 */
export const ModelThresholdSetSchema = z
  .object({
    /** The pages, by strictly increasing percentile, their figures never decreasing. */
    pages: z.array(PercentilePageSchema).min(2, 'give at least 2 percentile pages'),
    /** CPU slowdown of the device the pages' CPU times were measured on (4: Lighthouse's mobile lab device). */
    cpuSlowdownFactor: z.number().min(1),
    justification: z.string().min(1),
    source: z.array(ThresholdSourceSchema).min(1, 'cite at least one source'),
  })
  .strict()
  .superRefine((set, ctx) => {
    for (let i = 1; i < set.pages.length; i++) {
      const previous = set.pages[i - 1]!;
      const page = set.pages[i]!;
      if (!(page.percentile > previous.percentile)) {
        ctx.addIssue({ code: 'custom', path: ['pages', i, 'percentile'], message: 'percentiles must be strictly increasing' });
      }
      for (const field of ['bytes', 'requests', 'mainThreadMs', 'otherThreadMs'] as const) {
        if (page[field] < previous[field]) {
          ctx.addIssue({ code: 'custom', path: ['pages', i, field], message: `must not decrease with the percentile (${page[field]} follows ${previous[field]})` });
        }
      }
    }
  });
/** Energy thresholds derived through the energy model. */
export type ModelThresholdSet = z.infer<typeof ModelThresholdSetSchema>;

/** Thresholds of one step type. `null` means the sub-score does not apply to that type. */
export const StepThresholdsSchema = z
  .object({
    /**
     * In the profile's `energyMetric`: fixed points, or (with `excessEnergyUah`) percentile pages the energy model
     * turns into points for the run's device and network; null when energy is not scored for this type.
     */
    energy: z.union([ThresholdSetSchema, ModelThresholdSetSchema]).nullable(),
    /**
     * Duration in ms (for `first-load` and `load`: time to the step's wait condition, `readyMs`, when
     * present); null when performance is not scored for this type (always null for pause and reference).
     */
    performance: ThresholdSetSchema.nullable(),
    /** Transferred bytes, separately for web targets (any browser) and native mobile apps. */
    data: z
      .object({
        web: ThresholdSetSchema,
        mobile: ThresholdSetSchema,
      })
      .strict(),
  })
  .strict();
/** Thresholds of one step type. */
export type StepThresholds = z.infer<typeof StepThresholdsSchema>;

/** One grade bound: a score strictly greater than `min` gets `grade` (first match wins). */
export const GradeBoundSchema = z
  .object({
    grade: z.string().min(1),
    min: z.number().min(0).max(100),
  })
  .strict();

const stepsShape = Object.fromEntries(STEP_TYPES.map((type) => [type, StepThresholdsSchema])) as Record<
  StepType,
  typeof StepThresholdsSchema
>;

/** A scoring profile. */
export const ScoringProfileSchema = z
  .object({
    /** Kebab-case id recorded in result.json with the version: `ecoscore-default`. */
    id: z.string().regex(PROFILE_ID, 'must be kebab-case, such as "ecoscore-default"'),
    /** Semantic version of the thresholds; recorded in result.json. */
    version: z.string().regex(SEMVER, 'must be a semantic version such as "1.0.0"'),
    /** What the profile is and where its numbers come from. */
    description: z.string().min(1),
    /** Unit of every energy threshold of the profile. */
    energyMetric: z.enum(ENERGY_METRICS),
    /**
     * How step scores make the journey score (default `deficit-sum`, methodology 2.0): `deficit-sum` — each step's
     * shortfall from 100, weighted, summed and divided by the weights of the steps that do the journey's work
     * (not pause, background or reference steps), so that idle steps can only lower it; `weighted-mean` — the
     * weighted mean of 1.x, kept for custom profiles that reproduce it.
     */
    aggregation: z.enum(['deficit-sum', 'weighted-mean']).optional(),
    /** Weights of the journey score. */
    weights: z
      .object({
        /** Weight of a step marked `critical: true`. */
        critical: z.number().positive().finite(),
        /** Weight of any other step. */
        normal: z.number().positive().finite(),
        justification: z.string().min(1),
        source: z.array(ThresholdSourceSchema).min(1, 'cite at least one source'),
      })
      .strict(),
    /** Grade bounds, best first: a score strictly greater than `min` gets `grade`; below all, `lowestGrade`. */
    grades: z
      .object({
        bounds: z.array(GradeBoundSchema).min(1),
        lowestGrade: z.string().min(1),
        justification: z.string().min(1),
        source: z.array(ThresholdSourceSchema).min(1, 'cite at least one source'),
      })
      .strict()
      .superRefine((grades, ctx) => {
        for (let i = 1; i < grades.bounds.length; i++) {
          const previous = grades.bounds[i - 1] as { min: number };
          const bound = grades.bounds[i] as { min: number };
          if (!(bound.min < previous.min)) {
            ctx.addIssue({ code: 'custom', path: ['bounds', i, 'min'], message: 'bounds must be listed best first, with strictly decreasing "min"' });
          }
        }
      }),
    /** Thresholds per step type; every type must be present. */
    steps: z.object(stepsShape).strict(),
  })
  .strict()
  .superRefine((profile, ctx) => {
    for (const [type, thresholds] of Object.entries(profile.steps)) {
      if (thresholds.energy && 'pages' in thresholds.energy && profile.energyMetric !== 'excessEnergyUah') {
        ctx.addIssue({ code: 'custom', path: ['steps', type, 'energy'], message: 'percentile pages need "energyMetric": "excessEnergyUah"' });
      }
    }
    for (const type of ['pause', 'reference'] as const) {
      if (profile.steps[type]?.performance) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', type, 'performance'],
          message: `must be null: performance is not scored for ${type} steps`,
        });
      }
    }
  });
/** A scoring profile. */
export type ScoringProfile = z.infer<typeof ScoringProfileSchema>;
