/** Facts about the machine that ran the measures, recorded in every result. */
import { execFileSync } from 'node:child_process';
import { arch, cpus, platform } from 'node:os';
import type { Result } from '../model/result.js';

/** Host platform, CPU and Node version. */
export function hostFacts(): Result['environment']['host'] {
  const list = cpus();
  return { platform: platform(), arch: arch(), cpus: list.length, cpuModel: list[0]?.model ?? 'unknown', node: process.version };
}

/**
 * The git commit and branch the measures were taken for, from CI variables or the working copy (`cwd`, default
 * the current folder); null outside git. `dirty` is whether tracked files differ from the commit: false for a
 * clean tree, null only when git cannot tell (no working copy, e.g. a commit given by CI variables alone).
 */
export function gitFacts(env: Record<string, string | undefined> = process.env, cwd?: string): { commit: string | null; branch: string | null; dirty: boolean | null } | null {
  /** git's trimmed output ('' when it prints nothing), or null when it fails. */
  const git = (...args: string[]): string | null => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    } catch {
      return null;
    }
  };
  const commit = env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? (git('rev-parse', 'HEAD') || null);
  if (commit === null) return null;
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || env.CI_COMMIT_REF_NAME || git('rev-parse', '--abbrev-ref', 'HEAD') || null;
  const status = git('status', '--porcelain', '--untracked-files=no');
  return { commit, branch, dirty: status === null ? null : status.length > 0 };
}
