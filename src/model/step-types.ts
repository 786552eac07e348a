/**
 * The step types of the method (reference, pause, first load, load, action, scroll; background on mobile: the
 * step types of Greenspector's method, docs/methodology.md). Shared by journeys and scoring profiles (a leaf).
 */
export const STEP_TYPES = ['reference', 'pause', 'first-load', 'load', 'action', 'scroll', 'background'] as const;

/** A step type. */
export type StepType = (typeof STEP_TYPES)[number];
