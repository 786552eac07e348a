/**
 * What the methodology can tell about a journey before it runs: layouts that will get no grade, or that the
 * scoring rules treat in a way the author may not expect. `ecoscore validate` prints these as warnings.
 *
 * Pure.
 */
import type { Step } from '../journey/schema.js';
import { IDLE_STEP_TYPES } from './ecoscore.js';

/** Warnings about a journey's layout, one sentence each (empty when there is nothing to say). */
export function journeyWarnings(journey: { steps: ReadonlyArray<Pick<Step, 'name' | 'type' | 'critical'>> }): string[] {
  const warnings: string[] = [];
  const references = journey.steps.filter((step) => step.type === 'reference');
  if (references.length === 0) {
    warnings.push('the journey has no reference step, so it will get no grade: add `{ name: reference, type: reference, duration: 10s }` as its first step');
  } else if (journey.steps[0]!.type !== 'reference') {
    warnings.push(`the reference step "${references[0]!.name}" is not the first step: the official method measures the idle baseline first`);
  }
  if (references.length > 1) {
    warnings.push(`the journey has ${references.length} reference steps: the first ("${references[0]!.name}") is the baseline, the others are scored like pauses`);
  }
  if (!journey.steps.some((step) => !IDLE_STEP_TYPES.includes(step.type))) {
    warnings.push('the journey has no first-load, load, action or scroll step, so it will get no grade');
  }
  return warnings;
}
