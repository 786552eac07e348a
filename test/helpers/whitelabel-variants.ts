/**
 * Variants for the white-label renderer and catalogue tests: the recorded demo result
 * (test/fixtures/results/demo-health/result.json) cloned, its ecoscore replaced (with the grade the default
 * profile gives it) and its consumption scaled. SYNTHETIC figures, made in memory.
 */
import { displayedScore, ecoscoreGrade } from '../../src/methodology/ecoscore.js';
import type { WhiteLabelInput } from '../../src/methodology/whitelabel.js';
import type { Result } from '../../src/model/result.js';
import { readResult } from '../../src/output/result-file.js';

/** The recorded result the variants are made from. */
export const WHITELABEL_FIXTURE = 'test/fixtures/results/demo-health/result.json';

/** Reads the fixture once and returns a maker of variants from it. */
export async function variantMaker(): Promise<(name: string, score: number, consumption: number, edit?: (r: Result) => void) => WhiteLabelInput> {
  const base = await readResult(WHITELABEL_FIXTURE);
  return (name, score, consumption, edit) => {
    const result = structuredClone(base);
    const s = result.summary;
    s.ecoscore = score;
    s.grade = ecoscoreGrade(displayedScore(score));
    s.totals = { ...s.totals, bytes: s.totals.bytes! * consumption };
    s.footprint = { ...s.footprint!, ghgGrams: s.footprint!.ghgGrams * consumption };
    edit?.(result);
    return { name, result };
  };
}
