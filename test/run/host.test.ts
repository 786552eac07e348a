/**
 * gitFacts: the commit, branch and dirty flag recorded in every result, from real git repositories made in a
 * temporary folder. A clean tree is `dirty: false` (it was recorded as null, "unknown", before).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitFacts } from '../../src/run/host.js';

const NO_CI = { GITHUB_SHA: undefined, CI_COMMIT_SHA: undefined, GITHUB_HEAD_REF: undefined, GITHUB_REF_NAME: undefined, CI_COMMIT_REF_NAME: undefined };

let dir: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-git-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function repository(): Promise<string> {
  git('init', '--quiet', '--initial-branch=measured');
  await writeFile(join(dir, 'app.txt'), 'v1\n');
  git('add', 'app.txt');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', 'v1');
  return git('rev-parse', 'HEAD');
}

describe('gitFacts', () => {
  it('records a clean working copy as dirty: false', async () => {
    const commit = await repository();
    expect(gitFacts(NO_CI, dir)).toEqual({ commit, branch: 'measured', dirty: false });
  });

  it('records a changed tracked file as dirty: true, and ignores untracked files', async () => {
    const commit = await repository();
    await writeFile(join(dir, 'notes.txt'), 'untracked\n');
    expect(gitFacts(NO_CI, dir)?.dirty).toBe(false);
    await writeFile(join(dir, 'app.txt'), 'v2\n');
    expect(gitFacts(NO_CI, dir)).toEqual({ commit, branch: 'measured', dirty: true });
  });

  it('is null outside git, and dirty: null when only CI variables name the commit', () => {
    expect(gitFacts(NO_CI, dir)).toBeNull();
    expect(gitFacts({ ...NO_CI, GITHUB_SHA: 'a'.repeat(40), GITHUB_REF_NAME: 'main' }, dir)).toEqual({ commit: 'a'.repeat(40), branch: 'main', dirty: null });
  });
});
