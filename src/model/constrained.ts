/** The `constrained` section of result.json (`ecoscore run --constrained`, DEV.1.4): see methodology/constrained.ts. */
import { z } from 'zod';

/** The folder of the constrained replay (its own result.json and screenshots), inside the run's folder. */
export const CONSTRAINED_DIR = 'constrained';

const nullableNumber = z.number().nullable();

const ConditionFiguresSchema = z.object({ status: z.enum(['passed', 'failed', 'skipped']), durationMs: nullableNumber, bytes: nullableNumber });

/**
 * `ecoscore run --constrained` (DEV.1.4, low bandwidth and older devices): the same journey replayed on a
 * constrained profile, compared step by step with this run (methodology/constrained.ts). Not scored.
 */
export const ConstrainedSchema = z.object({
  device: z.object({ id: z.string(), name: z.string(), cpuSlowdownFactor: z.number() }),
  network: z.object({ id: z.string(), name: z.string(), downloadKbps: z.number(), uploadKbps: z.number(), latencyMs: z.number() }),
  /** The constrained replay's own result, relative to this result's folder. */
  resultFile: z.string(),
  /** The replay's status; `failed` when a step failed under constraint (information, not this run's failure). */
  status: z.enum(['passed', 'failed', 'running', 'interrupted']),
  iterations: z.number().int(),
  /** Why the replay could not run or be compared, when it could not. */
  error: z.string().optional(),
  steps: z.array(
    z.object({ index: z.number().int(), name: z.string(), type: z.string(), usual: ConditionFiguresSchema, constrained: ConditionFiguresSchema, slowdown: nullableNumber }),
  ),
  completedSteps: z.number().int(),
  totalSteps: z.number().int(),
  slowest: z.array(z.number().int()),
  notCompleted: z.array(z.string()),
});
/** The constrained replay of a run. */
export type Constrained = z.infer<typeof ConstrainedSchema>;
