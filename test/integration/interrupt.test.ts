/**
 * Ctrl-C (issue 11, item 10), with a real process and a real signal sent to its process group as a
 * terminal does: the step in progress finishes and is kept, result.json says `interrupted`, the browser
 * and the embedded demo server are stopped; a second Ctrl-C quits at once, and the browser still dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/result.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-interrupt-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `ecoscore run` in its own process group (so that a signal to the group is a terminal's Ctrl-C). */
function startRun(outDir: string): Running {
  const child = spawn(process.execPath, ['bin/ecoscore.js', 'run', 'test/fixtures/journeys/valid/interrupt.yaml', '--out', outDir, '--no-history', '--no-reports'], {
    detached: true,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, stderr: () => stderr, exited };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Pids of the processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return state.slice(state.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function demoUrlOf(outDir: string): Promise<string> {
  const result = JSON.parse(await readFile(join(outDir, 'result.json'), 'utf8')) as Result;
  return String((result.target as { measuredUrl?: string }).measuredUrl ?? '');
}

describe.skipIf(process.platform !== 'linux')('Ctrl-C during a run', () => {
  it('finishes the step in progress, keeps it, writes an interrupted result and stops the browser and the demo server', async () => {
    const outDir = join(dir, 'once');
    const run = startRun(outDir);
    try {
      await waitFor(() => run.stderr().includes('login page'), 90_000, 'the first step to end');
      const browsers = childrenOf(run.child.pid!);
      expect(browsers.length).toBeGreaterThan(0);
      const demoUrl = await demoUrlOf(outDir);
      expect(await listening(demoUrl)).toBe(true);
      // Well inside the 6 s pause step (the line above is printed just before it starts).
      await new Promise((resolve) => setTimeout(resolve, 2000));
      process.kill(-run.child.pid!, 'SIGINT');
      const { code } = await run.exited;
      expect(code).toBe(1);
      expect(run.stderr()).toContain('Interrupted (SIGINT): finishing the current step');
      const result = JSON.parse(await readFile(join(outDir, 'result.json'), 'utf8')) as Result;
      expect(result.status).toBe('interrupted');
      const [login, longRead, after] = result.steps;
      expect(login.status).toBe('passed');
      // The pause in progress ran to its end in the browser Playwright did not close.
      expect(longRead.status).toBe('passed');
      expect(longRead.error ?? null).toBeNull();
      expect(result.runs[0].samples[1].durationMs).toBeGreaterThanOrEqual(5900);
      expect(after.status).toBe('skipped');
      expect(await listening(demoUrl)).toBe(false);
      for (const pid of browsers) expect(alive(pid), `browser process ${pid}`).toBe(false);
    } finally {
      try {
        process.kill(-run.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, 150_000);

  it('a second Ctrl-C quits at once, and the browser is still killed', async () => {
    const outDir = join(dir, 'twice');
    const run = startRun(outDir);
    try {
      await waitFor(() => run.stderr().includes('login page'), 90_000, 'the first step to end');
      const browsers = childrenOf(run.child.pid!);
      expect(browsers.length).toBeGreaterThan(0);
      process.kill(-run.child.pid!, 'SIGINT');
      await waitFor(() => run.stderr().includes('Interrupted'), 10_000, 'the first interrupt to be seen');
      const t0 = Date.now();
      process.kill(-run.child.pid!, 'SIGINT');
      const { code } = await run.exited;
      expect(code).toBe(130);
      // Well before the 6 s pause would have ended.
      expect(Date.now() - t0).toBeLessThan(4000);
      await waitFor(() => browsers.every((pid) => !alive(pid)), 5000, 'the browser processes to die');
      // What was measured before the interrupt is on disk.
      const result = JSON.parse(await readFile(join(outDir, 'result.json'), 'utf8')) as Result;
      expect(result.runs[0].samples[0].status).toBe('passed');
    } finally {
      try {
        process.kill(-run.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, 150_000);
});
