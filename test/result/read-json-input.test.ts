/**
 * readJsonInput, the one reader of JSON input files (result.json, campaign.json): every failure is an
 * InputError of one line naming the file and, for a schema issue, the field.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readResult } from '../../src/output/result-file.js';
import { readCampaignIndex } from '../../src/run/campaign.js';
import { InputError } from '../../src/shared/input-error.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-json-input-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function errorOf(read: (file: string) => Promise<unknown>, text: string): Promise<InputError> {
  const file = join(dir, 'input.json');
  await writeFile(file, text);
  const error = await read(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('readJsonInput', () => {
  it('says "not valid JSON" in one line, even when the parser quotes a line break of the file', async () => {
    for (const read of [readResult, readCampaignIndex]) {
      const error = await errorOf(read, 'x\ny');
      expect(error.message.startsWith(`${join(dir, 'input.json')}: not valid JSON (`)).toBe(true);
      expect(error.message).not.toContain('\n');
    }
  });

  it('names the field of the first schema issue, or the whole file', async () => {
    const result = await errorOf(readResult, '{"schemaVersion": 99}');
    expect(result.message).toMatch(/: schemaVersion: /);
    expect(result.field).toBe('schemaVersion');
    expect((await errorOf(readResult, '[]')).message).toMatch(/input\.json: result: /);
    const campaign = await errorOf(readCampaignIndex, '[]');
    expect(campaign.message).toMatch(/input\.json: campaign: /);
  });
});
