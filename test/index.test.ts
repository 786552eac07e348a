import { describe, expect, it } from 'vitest';
import * as ecoscore from '../src/index.js';

describe('public API', () => {
  it('exports computeEcoIndex({ dom, requests, sizeKb }) → { score, grade, ghgGrams, waterCl }', () => {
    // cnumr/ecoindex_python tests/compute/test_ecoindex.py: (dom 100, requests 100, 100 kB) → 72, B, 1.56 g, 2.34 cl
    expect(ecoscore.computeEcoIndex({ dom: 100, requests: 100, sizeKb: 100 })).toEqual({ score: 72, grade: 'B', ghgGrams: 1.56, waterCl: 2.34 });
  });
  it('exports the loaders, runner, result schema and renderers', () => {
    for (const name of ['loadJourney', 'runJourney', 'runCampaign', 'readResult', 'compareResults', 'renderHtmlReport', 'renderMarkdown', 'renderJunit', 'exportGdsl', 'whiteLabelStatement']) {
      expect(typeof (ecoscore as Record<string, unknown>)[name]).toBe('function');
    }
    expect(ecoscore.ResultSchema).toBeDefined();
  });
});
