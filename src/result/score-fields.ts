/** The score fields every one-line summary of a result carries: a history line and a campaign index entry. */
import { z } from 'zod';
import type { Result } from '../model/result.js';

const nullableNumber = z.number().nullable();

/** Schema of `scoreStatus` in those summaries: the result's `summary.status` (methodology 2.0; absent from older files). */
export const ScoreStatusFieldSchema = z.object({ code: z.string(), message: z.string() }).catchall(z.unknown()).nullable().optional();

/** Schema of `scores` in those summaries: the journey's sub-scores. */
export const ScoresFieldSchema = z.object({ energy: nullableNumber, performance: nullableNumber, data: nullableNumber }).nullable();

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
