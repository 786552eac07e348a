/**
 * Iteration collectors (a trace of off-main-thread CPU) around the steps of one iteration: marks of each step's
 * window, and the figures copied into the samples when the iteration ends. Shared by the runner and the Playwright
 * Test recorder.
 */
import type { IterationCollector, Session } from '../drivers/driver.js';
import type { RawStepSample } from '../model/result.js';
import { errorSummary } from '../shared/text.js';

/** Begins every collector of a session; the value is null when it began, else why it could not. */
export async function beginCollectors(session: Session, redact: (text: string) => string): Promise<Map<IterationCollector, string | null>> {
  const collecting = new Map<IterationCollector, string | null>();
  for (const collector of session.collectors ?? []) {
    try {
      await collector.begin();
      collecting.set(collector, null);
    } catch (error) {
      collecting.set(collector, redact(errorSummary(error)));
    }
  }
  return collecting;
}

/** Marks the start or end of step `index` in every collector; a failure is recorded in `unavailable`. */
export async function markCollectors(session: Session, index: number, edge: 'start' | 'end', unavailable: Record<string, string>, describe: (error: unknown) => string): Promise<void> {
  for (const collector of session.collectors ?? []) {
    try {
      await collector.mark(index, edge);
    } catch (error) {
      unavailable[collector.name] = describe(error);
    }
  }
}

/**
 * Ends the iteration's collectors and copies their figures into the samples that ran; a collector that failed
 * (to begin or to end) leaves its fields null with the reason in `unavailable` (nothing is invented).
 */
export async function finishCollectors(collecting: Map<IterationCollector, string | null>, samples: RawStepSample[], redact: (text: string) => string): Promise<void> {
  for (const [collector, beginError] of collecting) {
    let figures: Map<number, Record<string, number> | null> = new Map();
    let reason = beginError;
    if (reason === null) {
      try {
        figures = await collector.end();
      } catch (error) {
        reason = redact(errorSummary(error));
      }
    }
    for (const sample of samples) {
      if (sample.status === 'skipped') continue;
      const measured = figures.get(sample.index) ?? null;
      const fields = sample as Record<string, unknown>;
      if (measured !== null) Object.assign(fields, measured);
      else {
        for (const field of collector.fields) fields[field] = null;
        sample.unavailable = { ...sample.unavailable, [collector.name]: reason ?? 'the step was not traced' };
      }
    }
  }
}
