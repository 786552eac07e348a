/**
 * Every recorded methodology 2.0 result fixture, scored again from its own raw samples by today's code
 * (run/rescore.ts), gives back the recorded result field by field: what the code derives (steps, scores,
 * summary, energy source, methodology, warnings, status) is unchanged by a refactor that claims to keep behaviour.
 * Warnings are compared by their English `message` against the recorded strings (the fixtures predate warning codes).
 * A fixture re-recorded by a change that moves figures must be re-recorded with it (see each PROVENANCE.md).
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rescore } from '../../src/run/rescore.js';
import { readResult } from '../../src/output/result-file.js';

const ROOT = 'test/fixtures/results';

/** result.json files under the fixtures, with the methodology major version they were scored with. */
function fixtures(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtures(path);
    return name === 'result.json' ? [path] : [];
  });
}

describe('recorded results re-score to themselves', () => {
  const files = fixtures();
  it('finds the 2.0 fixtures', async () => {
    const versions = await Promise.all(files.map(async (file) => ((await readResult(file)).environment.methodology as { version?: string } | undefined)?.version));
    expect(versions.filter((version) => version?.startsWith('2.')).length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files) {
    it(file, async () => {
      const recorded = await readResult(file);
      const version = (recorded.environment.methodology as { version?: string } | undefined)?.version;
      if (!version?.startsWith('2.')) return; // scored by methodology 1.x: a re-score differs by design
      const again = rescore(recorded);
      expect(again.status).toBe(recorded.status);
      expect(again.completedIterations).toBe(recorded.completedIterations);
      again.steps.forEach((step, index) => expect(step, `${file} step ${index} "${step.name}"`).toEqual(recorded.steps[index]));
      expect(again.steps).toHaveLength(recorded.steps.length);
      expect(again.summary).toEqual(recorded.summary);
      expect(again.environment.energySource).toEqual(recorded.environment.energySource);
      expect(again.environment.methodology).toEqual(recorded.environment.methodology);
      // Warnings are codes with params since the fixtures were recorded, which hold the English sentences: the
      // re-scored warnings' messages must be the recorded strings, one for one, in the same order.
      const recordedWarnings = (JSON.parse(await readFile(file, 'utf8')) as { warnings: unknown[] }).warnings;
      expect(again.warnings.map((warning) => warning.message)).toEqual(recordedWarnings.map((item) => (typeof item === 'string' ? item : (item as { message: string }).message)));
      expect(again.runs).toEqual(recorded.runs);
    });
  }
});
