/**
 * The probe interface: a probe measures one kind of resource around a step. `start` marks the
 * beginning of the measured window, `stop` returns the figures of the window as fields of a
 * {@link RawStepSample}. A probe that cannot measure throws: the runner records the reason and leaves
 * its figures null (nothing is invented).
 */
import type { RawStepSample } from '../result/schema.js';

/** Fields of a sample a probe may fill. */
export type ProbeFigures = Partial<Omit<RawStepSample, 'step' | 'index' | 'type' | 'status' | 'error' | 'startedAt'>>;

/** One probe. */
export interface Probe {
  /** Short name used in `unavailable` reasons, e.g. `network`. */
  readonly name: string;
  /** Fields this probe fills (set to null when it fails). */
  readonly fields: ReadonlyArray<keyof ProbeFigures>;
  /** Marks the start of a measured window. */
  start(): Promise<void>;
  /** Ends the window and returns its figures. */
  stop(): Promise<ProbeFigures>;
}
