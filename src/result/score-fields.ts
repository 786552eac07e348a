/** The score fields every one-line summary of a result carries: a history line and a campaign index entry. */
import type { Result } from '../model/result.js';

/** Iterations, ecoscore, grade, why there is (or is no) grade, sub-scores and the ecoscore's cv, as the result records them. */
export function scoreFields(result: Result) {
  return {
    iterations: result.completedIterations,
    ecoscore: result.summary.ecoscore,
    grade: result.summary.grade,
    scoreStatus: result.summary.status ?? null,
    scores: result.summary.scores,
    ecoscoreCv: result.summary.spread?.ecoscore?.cv ?? null,
  };
}
