/**
 * The probe interface: a probe measures one kind of resource around a step. `start` marks the
 * beginning of the measured window, `stop` returns the figures of the window as fields of a
 * {@link RawStepSample}. A probe that cannot measure throws: the runner records the reason and leaves
 * its figures null (nothing is invented).
 */
import type { RawStepSample } from '../model/result.js';

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

/**
 * Starts every probe; one that throws is recorded in `unavailable` (with `describe(error)`) and left out.
 * @returns the started probes, to hand to {@link stopProbes}.
 */
export async function startProbes(probes: ReadonlyArray<Probe>, unavailable: Record<string, string>, describe: (error: unknown) => string): Promise<Probe[]> {
  const started: Probe[] = [];
  for (const probe of probes) {
    try {
      await probe.start();
      started.push(probe);
    } catch (error) {
      unavailable[probe.name] = describe(error);
    }
  }
  return started;
}

/**
 * Stops the started probes and copies their figures into `sample`; a probe that throws is recorded in
 * `unavailable` and its fields are set to null (never a made-up figure).
 */
export async function stopProbes(started: ReadonlyArray<Probe>, sample: Record<string, unknown>, unavailable: Record<string, string>, describe: (error: unknown) => string): Promise<void> {
  for (const probe of started) {
    try {
      Object.assign(sample, await probe.stop());
    } catch (error) {
      unavailable[probe.name] = describe(error);
      for (const field of probe.fields) sample[field] = null;
    }
  }
}
