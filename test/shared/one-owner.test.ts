/**
 * Helpers that were written again instead of shared (issue 12) now have one owner each: the helper works,
 * and no other file of src/ carries its own copy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeJsonAtomic } from '../../src/shared/json-file.js';
import { median } from '../../src/shared/stats.js';
import { stepFileStem } from '../../src/shared/text.js';

function sources(dir = 'src'): Array<{ file: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [{ file: path, text: readFileSync(path, 'utf8') }] : [];
  });
}

const filesMatching = (pattern: RegExp) => sources().filter(({ text }) => pattern.test(text)).map(({ file }) => file);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-owner-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('one owner per helper', () => {
  it('median: shared/stats.ts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow('median: "values" is empty');
    expect(filesMatching(/function median\b|const median\s*=/)).toEqual([join('src', 'shared', 'stats.ts')]);
  });

  it('atomic write: shared/json-file.ts, and a failed write leaves no temporary file', async () => {
    await writeJsonAtomic(join(dir, 'a', 'value.json'), { n: 1 });
    expect(JSON.parse(await readFile(join(dir, 'a', 'value.json'), 'utf8'))).toEqual({ n: 1 });
    await mkdir(join(dir, 'taken'));
    await expect(writeFileAtomic(join(dir, 'taken'), 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['a', 'taken']);
    expect(filesMatching(/\brename\(temporary, file\)/)).toEqual([join('src', 'shared', 'json-file.ts')]);
  });

  it('the NN-slug name of a step artifact: shared/text.ts', () => {
    expect(stepFileStem(2, 'Sign in!')).toBe('03-sign-in');
    expect(stepFileStem(11, 'Élan')).toBe('12-elan');
    expect(filesMatching(/padStart\(2, '0'\)\}-\$\{slugify/)).toEqual([join('src', 'shared', 'text.ts')]);
  });

  it('deepFreeze: shared/deep-freeze.ts', () => {
    expect(filesMatching(/function deepFreeze\b/)).toEqual([join('src', 'shared', 'deep-freeze.ts')]);
  });
});
