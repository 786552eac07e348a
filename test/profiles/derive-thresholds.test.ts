import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveDefaultProfileJson } from '../../scripts/derive-thresholds.js';

describe('the default scoring profile is derived from the cited distributions', () => {
  it('is exactly what `npm run derive:thresholds` writes from src/profiles/scoring/distributions.json', () => {
    const committed = readFileSync(new URL('../../src/profiles/scoring/default.json', import.meta.url), 'utf8');
    expect(committed, 'run `npm run derive:thresholds` and commit the result').toBe(deriveDefaultProfileJson());
  });

  it('cites a source with a URL for every distribution it reads', () => {
    const inputs = JSON.parse(readFileSync(new URL('../../src/profiles/scoring/distributions.json', import.meta.url), 'utf8')) as {
      distributions: Record<string, { source: { title: string; url?: string }; percentiles: Record<string, number> }>;
    };
    for (const [id, distribution] of Object.entries(inputs.distributions)) {
      expect(distribution.source.url, id).toMatch(/^https:\/\//);
      expect(distribution.source.title, id).toMatch(/@ [0-9a-f]{40}/);
      expect(Object.keys(distribution.percentiles).length, id).toBeGreaterThanOrEqual(5);
    }
  });
});
