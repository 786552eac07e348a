import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { variantName } from '../../src/cli/whitelabel-command.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-whitelabel-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ecoscore whitelabel', () => {
  it('names a campaign combination by its variant', () => {
    expect(variantName('out/demo-health--journey-device--wifi--pharma-plus/result.json')).toBe('pharma-plus');
    expect(variantName('reports/acme/result.json')).toBe('acme');
  });

  it('writes the statement as JSON, Markdown and HTML with min ≤ estimated ≤ max', async () => {
    const base = 'test/fixtures/results/compare';
    const { code, out, err } = await cli([
      'whitelabel',
      `producer=${base}/base/result.json`,
      `heavy=${base}/head-regressed/result.json`,
      '--estimate',
      'distributor-x',
      '--rule',
      'median',
      '--out',
      dir,
    ]);
    expect(code).toBe(0);
    expect(out).toContain('white-label statement:');
    // The warnings on stderr are the catalogue's English sentences (both recorded results have modelled energy).
    expect(err).toBe('warning: The energy of producer, heavy is estimated by a model from the measured CPU time, data and duration, not measured on a phone.');
    const statement = JSON.parse(await readFile(join(dir, 'whitelabel.json'), 'utf8'));
    for (const indicator of statement.indicators) {
      if (indicator.min === null) continue;
      expect(indicator.min).toBeLessThanOrEqual(indicator.estimated);
      expect(indicator.estimated).toBeLessThanOrEqual(indicator.max);
    }
    expect(await readFile(join(dir, 'whitelabel.html'), 'utf8')).toContain('<html');
    // whitelabel.json carries the sentences of its warnings and rule in both languages.
    expect(statement.warnings).toEqual([expect.objectContaining({ code: 'modelled-energy', fr: expect.stringContaining('L’énergie des variantes producer, heavy'), en: expect.stringContaining('The energy of producer, heavy') })]);
    expect(statement.rule.en).toContain('The service "distributor-x" was not measured');
  });

  it('an unknown estimate rule is a usage error', async () => {
    expect((await cli(['whitelabel', 'x.json', '--estimate', 'a', '--rule', 'mean'])).code).toBe(2);
  });
});
