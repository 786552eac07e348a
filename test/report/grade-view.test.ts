/**
 * What every renderer reads of methodology 2.0's scoring (src/report/grade-view.ts): the grade status, why a
 * step has no score, the step's own grade, the one-decimal score text and the one energy-source label. On the
 * recorded 2.0 result, SYNTHETIC variants of it (test/report/fixture-2.0.ts) and the recorded 1.x result.
 */
import { describe, expect, it } from 'vitest';
import {
  energyLabelOf,
  gradeStatusOf,
  gradeStatusSentence,
  parseGradeStatus,
  recordGradeStatus,
  scoreText,
  stepGap,
  stepGapPhrase,
  stepGrade,
} from '../../src/report/grade-view.js';
import { REPORT_LABELS, fillLabel } from '../../src/report/i18n.js';
import { readResult } from '../../src/output/result-file.js';
import { recorded, withoutGrade, partlyMeasured, BROKEN_STEP } from './fixture-2.0.js';

const LEGACY = 'test/fixtures/results/demo-health/result.json';

describe('gradeStatusOf', () => {
  it('reads summary.status of a 2.0 result: graded for the recorded demo', async () => {
    expect(gradeStatusOf(await recorded())).toEqual({ code: 'graded' });
  });

  it('reads every code with its parameters (synthetic variants of the recorded result)', async () => {
    const base = await recorded();
    expect(gradeStatusOf(withoutGrade(base, 'step-failed'))).toEqual({ code: 'step-failed', step: BROKEN_STEP, iterations: [1] });
    expect(gradeStatusOf(withoutGrade(base, 'step-skipped'))).toEqual({ code: 'step-skipped', step: BROKEN_STEP });
    expect(gradeStatusOf(withoutGrade(base, 'no-reference'))).toEqual({ code: 'no-reference' });
    expect(gradeStatusOf(withoutGrade(base, 'input-missing'))).toEqual({ code: 'input-missing', step: BROKEN_STEP, subScore: 'energy', reason: 'the power sampler lost samples for 1.2 s' });
  });

  it('never shows a grade that the result does not hold: a "graded" status without an ecoscore is not graded', async () => {
    const result = await recorded();
    Object.assign(result.summary, { ecoscore: null, grade: null });
    expect(gradeStatusOf(result).code).not.toBe('graded');
  });

  it('keeps the English message of a code it does not know', () => {
    expect(parseGradeStatus({ code: 'probe-drift', message: 'no grade: the probe drifted' })).toEqual({ code: 'unknown', message: 'no grade: the probe drifted' });
    expect(parseGradeStatus('graded')).toBeNull();
  });

  it('reads an older result as graded when it has an ecoscore, and from what it shows when it has none', async () => {
    const legacy = await readResult(LEGACY);
    expect(gradeStatusOf(legacy)).toEqual({ code: 'graded' });
    legacy.summary.ecoscore = null;
    legacy.summary.grade = null;
    legacy.steps[2].status = 'failed';
    expect(gradeStatusOf(legacy)).toEqual({ code: 'step-failed', step: legacy.steps[2].name, iterations: [] });
  });

  it('phrases every code with its parameters in English and French', async () => {
    const failed = gradeStatusOf(withoutGrade(await recorded(), 'step-failed'));
    expect(gradeStatusSentence(failed)).toBe('No grade: step “sign in” failed (iteration(s) 1).');
    expect(gradeStatusSentence(gradeStatusOf(withoutGrade(await recorded(), 'input-missing')))).toBe(
      'No grade: the energy sub-score of step “sign in” could not be computed (the power sampler lost samples for 1.2 s).',
    );
    expect(fillLabel(REPORT_LABELS.fr.noGradeStepFailed, { step: 'sign in', iterations: '1' })).toBe('Pas de note : l’étape « sign in » a échoué (itération(s) 1).');
  });

  it('says why a campaign combination or history line has no grade from its run status when it keeps no summary.status', () => {
    expect(recordGradeStatus({ ecoscore: 72.3, status: 'passed' })).toEqual({ code: 'graded' });
    expect(recordGradeStatus({ ecoscore: null, status: 'failed' })).toEqual({ code: 'run-failed' });
    expect(recordGradeStatus({ ecoscore: null, status: 'error', error: 'journey not found' })).toEqual({ code: 'unknown', message: 'journey not found' });
    expect(recordGradeStatus({ ecoscore: null, status: 'passed', scoreStatus: { code: 'no-reference' } })).toEqual({ code: 'no-reference' });
  });
});

describe('scoreText and stepGrade', () => {
  it('prints exactly one decimal, the value the grade was taken from', () => {
    expect(scoreText(80)).toBe('80.0');
    expect(scoreText(72.3)).toBe('72.3');
    expect(scoreText(86.43)).toBe('86.4');
    expect(scoreText(null)).toBe('–');
  });

  it('takes a step grade from steps[].grade (the profile’s bounds), not from default bounds', async () => {
    const step = (await recorded()).steps[1];
    expect(stepGrade(step)).toBe('A');
    // SYNTHETIC: a profile whose bounds gave 94.4 a C; the default bounds would say A.
    expect(stepGrade({ ...step, grade: 'C' })).toBe('C');
    expect(stepGrade({ ...step, grade: null })).toBeNull();
    // 1.x results have no steps[].grade: default bounds on the displayed score (80.0 is B).
    expect(stepGrade({ scores: { energy: 80, performance: 80, data: 80, ecoscore: 80.04 } })).toBe('B');
  });
});

describe('stepGap', () => {
  it('says why each step of a result without a grade has no score', async () => {
    const failed = withoutGrade(await recorded(), 'step-failed');
    const sign = failed.steps.find((step) => step.name === BROKEN_STEP)!;
    expect(stepGap(sign)).toEqual({ kind: 'failed', iterations: [1] });
    expect(stepGap(failed.steps[0])).toEqual({ kind: 'reference' });
    expect(stepGap(failed.steps[1])).toBeNull();
    const missing = withoutGrade(await recorded(), 'input-missing').steps.find((step) => step.name === BROKEN_STEP)!;
    const gap = stepGap(missing)!;
    expect(gap).toEqual({ kind: 'not-measured', subScores: ['energy'], probes: [{ probe: 'energy', reason: 'the power sampler lost samples for 1.2 s' }] });
    expect(fillLabel(REPORT_LABELS.en.gapNotMeasured, stepGapPhrase(gap, REPORT_LABELS.en).values)).toBe('no score: energy not measured (energy: the power sampler lost samples for 1.2 s)');
  });
});

describe('energyLabelOf: the one label of energySourceLabel', () => {
  it('is modelled for the demo, partly-measured when some steps are modelled, partly-measured for a 1.x charge counter', async () => {
    const result = await recorded();
    expect(energyLabelOf(result).label).toBe('modelled');
    const partly = energyLabelOf(partlyMeasured(result));
    expect(partly).toMatchObject({ label: 'partly-measured', measuredSteps: 8, modelledSteps: 1 });
    const all = partlyMeasured(result);
    (all.environment.energySource as Record<string, unknown>).modelledSteps = 0;
    expect(energyLabelOf(all).label).toBe('measured');
    const counter = structuredClone(result);
    counter.environment.energySource = { kind: 'device-counter', counter: 'charge_counter', device: 'Pixel 4a', description: 'x' };
    expect(energyLabelOf(counter).label).toBe('partly-measured');
    counter.environment.energySource = null;
    expect(energyLabelOf(counter).label).toBe('unknown');
  });
});
