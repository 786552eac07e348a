/**
 * Progress display of `ecoscore run`. On a terminal: finished steps scroll above one live status line
 * (iteration, step, elapsed, estimated time left). Elsewhere (CI logs): one plain line per finished step.
 */
import type { RunEvent } from '../run/journey.js';
import { renderStepLine } from './summary.js';

/** Where progress goes. */
export interface ProgressSink {
  write: (text: string) => void;
  isTTY: boolean;
}

function clock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Turns run events into progress output; `redact` hides secrets; `now` is injectable for tests. */
export function createProgress(sink: ProgressSink, redact: (text: string) => string, now: () => number = Date.now): (event: RunEvent) => void {
  let startedAt = now();
  let iterations = 1;
  let steps = 1;
  let done = 0;
  let current = '';
  let statusShown = false;

  const clearStatus = () => {
    if (sink.isTTY && statusShown) sink.write('\r\u001b[2K');
    statusShown = false;
  };
  const showStatus = () => {
    if (!sink.isTTY) return;
    const elapsed = now() - startedAt;
    const total = iterations * steps;
    const eta = done > 0 ? (elapsed / done) * (total - done) : null;
    const line = `  ${current}  ${done}/${total} steps · ${clock(elapsed)} elapsed${eta === null ? '' : ` · about ${clock(eta)} left`}`;
    sink.write(`\r\u001b[2K${redact(line).slice(0, 200)}`);
    statusShown = true;
  };

  return (event) => {
    switch (event.type) {
      case 'run-start':
        startedAt = now();
        iterations = event.iterations;
        steps = event.steps;
        clearStatus();
        sink.write(`${redact(`${event.journey}: ${event.steps} steps × ${event.iterations} iteration(s) in ${event.browser} → ${event.outDir}`)}\n`);
        return;
      case 'iteration-start':
        if (event.iteration > iterations) iterations = event.iteration; // --until-stable added one
        return;
      case 'step-start':
        current = `iteration ${event.iteration}/${iterations} · step ${event.index + 1}/${steps} ${event.step}`;
        showStatus();
        return;
      case 'step-end':
        done++;
        clearStatus();
        sink.write(`${redact(renderStepLine(event.iteration, event.sample))}\n`);
        showStatus();
        return;
      case 'lighthouse-step': {
        clearStatus();
        const added = event.addedMs === null ? '' : `, +${(event.addedMs / 1000).toFixed(1)} s`;
        const what = event.error ? `no audit (${event.error})` : `${event.recommendations} recommendation(s)`;
        sink.write(`${redact(`  lighthouse · step ${event.index + 1} ${event.step}${event.mode ? ` (${event.mode})` : ''}: ${what}${added}`)}
`);
        return;
      }
      case 'run-end':
        clearStatus();
        return;
      default:
        return;
    }
  };
}
