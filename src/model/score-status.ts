/**
 * Why a journey has (or has no) grade: the codes of methodology 2.0's "no grade without the data it needs", and the
 * sub-score names they refer to. The contract only; methodology/score-status.ts decides the status and phrases it.
 */

/** The three sub-scores. */
export const SUB_SCORES = ['energy', 'performance', 'data'] as const;
/** A sub-score name. */
export type SubScore = (typeof SUB_SCORES)[number];

/** Why a journey has (or has no) grade. */
export type ScoreStatus =
  | { code: 'graded' }
  | { code: 'running' }
  | { code: 'interrupted' }
  | { code: 'no-iteration' }
  | { code: 'no-reference' }
  | { code: 'no-work-step' }
  | { code: 'step-failed'; step: string; iterations: number[] }
  | { code: 'step-skipped'; step: string }
  | { code: 'input-missing'; step: string; subScore: SubScore; reason: string | null };

/** The codes of {@link ScoreStatus}. */
export const SCORE_STATUS_CODES = ['graded', 'running', 'interrupted', 'no-iteration', 'no-reference', 'no-work-step', 'step-failed', 'step-skipped', 'input-missing'] as const;
