/**
 * The warnings' message catalogue (report/i18n-warnings.ts): French and English have the same keys, one phrase
 * per warning code, and each phrase names only its code's params (plus the journey's min and max, which the HTML
 * report adds), so that every placeholder is filled. Params are synthetic (made up for the test).
 */
import { describe, expect, it } from 'vitest';
import { WARNING_CODES, type Warning, type WarningCode } from '../../src/model/result.js';
import { WARNING_PARAMS } from '../../src/model/warning.js';
import { WARNING_PHRASES, phraseWarning, type WarningFormat } from '../../src/report/i18n-warnings.js';

const SAMPLE_PARAMS: Record<WarningCode, Record<string, unknown>> = {
  'step-failed': { step: 's', failedIterations: 1, iterations: 3, error: 'boom' },
  'journey-unstable': { cv: 0.08, n: 3, cvThreshold: 0.05 },
  'step-unstable': { step: 's', metric: 'readyMs', cv: 0.1, min: 1, max: 2, n: 3, cvThreshold: 0.05 },
  'iterations-failed': { iterations: [1, 3] },
  'browser-restarted': { restarts: 1 },
  'run-interrupted': { completedIterations: 1, iterations: 3 },
  'probe-unavailable': { probe: 'cpu', reason: 'r' },
  'energy-modelled': { reason: 'r' },
  'energy-partly-modelled': { modelledSteps: 2, reason: 'r' },
  'device-check': { text: 't' },
  'lighthouse-failed': { error: 'e' },
  'calibration-failed': { reason: null },
  'test-condition': { text: 't' },
  'test-ended-after-steps': { status: 'failed', error: null },
  'legacy-text': { text: 't' },
};

const format = (lang: 'fr' | 'en'): WarningFormat => ({ lang, percent: (x) => `${x * 100} %`, num: String, metric: (name) => `<${name}>` });

describe('the warnings catalogue', () => {
  it('has the same keys in French and English: every warning code, each with a phrase', () => {
    expect(Object.keys(WARNING_PHRASES.fr).sort()).toEqual(Object.keys(WARNING_PHRASES.en).sort());
    expect(Object.keys(WARNING_PHRASES.fr).sort()).toEqual([...WARNING_CODES].sort());
    for (const lang of ['fr', 'en'] as const) for (const code of WARNING_CODES) expect(WARNING_PHRASES[lang][code].trim(), `${lang} ${code}`).not.toBe('');
  });

  it('names only its code’s params, and says it in French in French', () => {
    for (const code of WARNING_CODES) {
      const params = Object.keys(WARNING_PARAMS[code].shape).concat(code === 'journey-unstable' ? ['min', 'max'] : []);
      for (const lang of ['fr', 'en'] as const) {
        for (const [, name] of WARNING_PHRASES[lang][code].matchAll(/\{(\w+)\}/g)) expect(params, `${lang} ${code} {${name}}`).toContain(name);
      }
      if (code !== 'legacy-text') expect(WARNING_PHRASES.fr[code]).not.toBe(WARNING_PHRASES.en[code]);
    }
  });

  it('fills every placeholder from the params, formatted per language', () => {
    for (const code of WARNING_CODES) {
      const item = { code, params: WARNING_PARAMS[code].parse(SAMPLE_PARAMS[code]), message: 'm' } as Warning;
      for (const lang of ['fr', 'en'] as const) expect(phraseWarning(item, format(lang), { min: '1', max: '2' })).not.toMatch(/\{\w+\}/);
    }
    const unstable = { code: 'step-unstable', params: SAMPLE_PARAMS['step-unstable'], message: 'm' } as Warning;
    expect(phraseWarning(unstable, format('en'))).toContain('<readyMs> varies between iterations (CV 10 %');
    const calibration = { code: 'calibration-failed', params: { reason: null }, message: 'm' } as Warning;
    expect(phraseWarning(calibration, format('fr'))).toContain('(raison inconnue)');
  });
});
