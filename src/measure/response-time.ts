/**
 * The app's response time of a step (`responseMs`, what performance is scored on in methodology 2.0), from the
 * timings of its actions and the end of its last network response. Shared by the runner and the Playwright Test
 * recorder.
 */
import type { Action } from '../journey/schema.js';

/** When an action of a step ran, ms from the step's start, and how much of it was the tool's own pacing. */
export interface ActionTiming {
  kind: Action['kind'];
  startMs: number;
  endMs: number;
  pacingMs: number;
}

/** Actions that are the user's input (not waits, not idle pauses). */
const INPUT_ACTIONS: ReadonlySet<Action['kind']> = new Set(['goto', 'click', 'fill', 'press', 'scroll', 'swipe', 'back', 'launchApp', 'closeApp', 'background']);

/**
 * The app's response time of a step, ms (`responseMs`): from the start of the last input before the step's last
 * `waitFor` (the step's start when none) to the later of that wait's end and the end of the last network response;
 * without a `waitFor`, from the start of the last input to the later of its end (minus the tool's pacing) and the
 * last response's end. Null for a step without input or wait (reference, pause).
 */
export function responseTimeMs(timings: ReadonlyArray<ActionTiming>, lastResponseEndMs: number | null): number | null {
  const lastWait = timings.map((timing) => timing.kind).lastIndexOf('waitFor');
  let start: number;
  let end: number;
  if (lastWait >= 0) {
    const trigger = timings.slice(0, lastWait).reverse().find((timing) => INPUT_ACTIONS.has(timing.kind));
    start = trigger?.startMs ?? 0;
    end = timings[lastWait]!.endMs;
  } else {
    const trigger = [...timings].reverse().find((timing) => INPUT_ACTIONS.has(timing.kind));
    if (!trigger) return null;
    start = trigger.startMs;
    end = Math.max(start, trigger.endMs - trigger.pacingMs);
  }
  if (lastResponseEndMs !== null && lastResponseEndMs > end) end = lastResponseEndMs;
  return Math.round((end - start) * 10) / 10;
}

