import { mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { appendHistory, readHistory } from '../../src/output/history-file.js';
import { historyEntry } from '../../src/result/history.js';
import { readResult } from '../../src/output/result-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-history-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('history', () => {
  it('appends one line per run and reads them back in order', async () => {
    const file = join(dir, 'history.jsonl');
    const result = await readResult('test/fixtures/results/demo-health/result.json');
    await appendHistory(file, historyEntry(result, 'a/result.json'));
    await appendHistory(file, { ...historyEntry(result, 'b/result.json'), ecoscore: 80 });
    const { entries, skipped } = await readHistory(file);
    expect(entries.map((entry) => entry.resultFile)).toEqual(['a/result.json', 'b/result.json']);
    expect(entries[0].ecoscore).toBe(result.summary.ecoscore);
    expect(entries[0].journey.sha256).toBe(result.journey.sha256);
    expect(skipped).toEqual([]);
  });

  it('skips a corrupt line and says which', async () => {
    const file = join(dir, 'corrupt.jsonl');
    const result = await readResult('test/fixtures/results/demo-health/result.json');
    await writeFile(file, '');
    await appendHistory(file, historyEntry(result, 'a/result.json'));
    await appendFile(file, '{"half": \n');
    await appendHistory(file, historyEntry(result, 'c/result.json'));
    const { entries, skipped } = await readHistory(file);
    expect(entries).toHaveLength(2);
    expect(skipped).toEqual([2]);
  });

  it('a missing history is empty; `ecoscore history` lists entries with the change between runs', async () => {
    expect((await readHistory(join(dir, 'none.jsonl'))).entries).toEqual([]);
    const file = join(dir, 'cli.jsonl');
    const result = await readResult('test/fixtures/results/demo-health/result.json');
    await appendHistory(file, { ...historyEntry(result, 'a'), ecoscore: 80 });
    await appendHistory(file, { ...historyEntry(result, 'b'), ecoscore: 77.5 });
    const out: string[] = [];
    const code = await main(['history', '--file', file], { out: (text) => out.push(text), err: () => undefined, isTTY: false });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('-2.5');
  });
});
