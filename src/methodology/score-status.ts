/**
 * Whether a journey can be graded, and why not (methodology 2.0: no grade without the data it needs). One code
 * per reason, with its parameters; renderers phrase them (English `message` kept in result.json for CI logs).
 *
 * Pure.
 */
import type { ScoreStatus } from '../model/score-status.js';

export { SCORE_STATUS_CODES, type ScoreStatus } from '../model/score-status.js';

/** One English sentence for a status (CLI, logs, result.json `message`). */
export function scoreStatusMessage(status: ScoreStatus): string {
  switch (status.code) {
    case 'graded':
      return 'graded';
    case 'running':
      return 'no grade yet: the run is still going';
    case 'interrupted':
      return 'no grade: the run was interrupted before every iteration finished';
    case 'no-iteration':
      return 'no grade: no iteration completed';
    case 'no-reference':
      return 'no grade: the journey has no reference step (add `{ name: reference, type: reference, duration: 10s }` first)';
    case 'no-work-step':
      return 'no grade: the journey has no step that loads, acts or scrolls';
    case 'step-failed':
      return `no grade: step "${status.step}" failed (iteration ${status.iterations.join(', ')})`;
    case 'step-skipped':
      return `no grade: step "${status.step}" never ran`;
    case 'input-missing':
      return `no grade: the ${status.subScore} sub-score of step "${status.step}" could not be computed${status.reason ? ` (${status.reason})` : ''}`;
  }
}
