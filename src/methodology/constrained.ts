/**
 * DEV.1.4 "Faible débit et équipements anciens" (low bandwidth and older devices): the journey measured in its
 * usual conditions beside the same journey replayed on a constrained profile (entry-level phone over 3G), step
 * by step. Pure: step figures in, the comparison out. The figures are each run's own step medians; nothing is
 * scored here (the constrained replay is evidence of what still works and how slow it gets, not an ecoscore).
 */

/** The figures of one step in one condition, as the result of that run gives them. */
export interface ConditionStep {
  name: string;
  type: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Median step duration, ms (null when not measured). */
  durationMs: number | null;
  /** Median bytes transferred, null when not measured. */
  bytes: number | null;
}

/** One step in both conditions. */
export interface ConstrainedStep {
  index: number;
  name: string;
  type: string;
  usual: Omit<ConditionStep, 'name' | 'type'>;
  constrained: Omit<ConditionStep, 'name' | 'type'>;
  /** Constrained duration / usual duration, two decimals; null unless the step passed in both, and for idle steps. */
  slowdown: number | null;
}

/** The DEV.1.4 comparison. */
export interface ConstrainedComparison {
  steps: ConstrainedStep[];
  /** Steps that passed under constraint / steps of the journey. */
  completedSteps: number;
  totalSteps: number;
  /** Indexes of the slowest completed work steps under constraint (by duration, slowest first, at most 3). */
  slowest: number[];
  /** Names of the steps that did not complete under constraint (failed or never reached), journey order. */
  notCompleted: string[];
}

/** Steps whose duration is chosen by the journey (they wait a set time), not by the app. */
const IDLE_STEP_TYPES = new Set(['reference', 'pause']);

/** How many slowest steps the comparison names. */
export const SLOWEST_STEPS = 3;

/**
 * Pairs the two runs' steps by position (the same journey file was replayed: same steps in the same order) and
 * ranks the slowest under constraint. Throws when the runs do not have the same steps: a comparison of two
 * different journeys would be meaningless.
 */
export function compareConstrained(usual: readonly ConditionStep[], constrained: readonly ConditionStep[]): ConstrainedComparison {
  if (usual.length !== constrained.length || usual.some((step, i) => step.name !== constrained[i]!.name)) {
    throw new Error('the constrained replay does not have the same steps as the measured run');
  }
  const steps = usual.map((step, index): ConstrainedStep => {
    const other = constrained[index]!;
    const idle = IDLE_STEP_TYPES.has(step.type);
    const both = step.status === 'passed' && other.status === 'passed';
    const ratio = both && !idle && step.durationMs !== null && other.durationMs !== null && step.durationMs > 0 ? Math.round((other.durationMs / step.durationMs) * 100) / 100 : null;
    return {
      index,
      name: step.name,
      type: step.type,
      usual: { status: step.status, durationMs: step.durationMs, bytes: step.bytes },
      constrained: { status: other.status, durationMs: other.durationMs, bytes: other.bytes },
      slowdown: ratio,
    };
  });
  const slowest = steps
    .filter((step) => !IDLE_STEP_TYPES.has(step.type) && step.constrained.durationMs !== null && step.constrained.status === 'passed')
    .sort((a, b) => b.constrained.durationMs! - a.constrained.durationMs! || a.index - b.index)
    .slice(0, SLOWEST_STEPS)
    .map((step) => step.index);
  return {
    steps,
    completedSteps: steps.filter((step) => step.constrained.status === 'passed').length,
    totalSteps: steps.length,
    slowest,
    notCompleted: steps.filter((step) => step.constrained.status !== 'passed').map((step) => step.name),
  };
}
