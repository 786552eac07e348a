/**
 * Resilience of a run: a browser that dies mid-run fails that iteration only (a new browser runs the
 * next); --until-stable adds iterations up to its maximum; an abort writes a valid interrupted result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney } from '../../src/run/journey.js';
import { loadJourney } from '../../src/journey/load.js';
import { readResult } from '../../src/output/result-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-resilience-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Kills the Chromium processes this test process launched (those carrying the toolkit's marker switch). */
function killOurBrowsers(): number {
  let killed = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (cmdline.includes('--ecoscore-run=') && ppid === process.pid) {
        process.kill(Number(pid), 'SIGKILL');
        killed++;
      }
    } catch {
      // gone
    }
  }
  return killed;
}

describe.skipIf(process.platform !== 'linux')('run resilience', () => {
  it('restarts a crashed browser and goes on with the next iteration', async () => {
    const loaded = await loadJourney('test/fixtures/journeys/valid/tiny.yaml');
    const outDir = join(dir, 'crash');
    let killed = 0;
    const { result } = await runJourney(loaded, {
      outDir,
      iterations: 2,
      onEvent: (event) => {
        if (event.type === 'step-end' && event.iteration === 1 && event.sample.index === 0) killed = killOurBrowsers();
      },
    });
    expect(killed).toBe(1);
    expect(result.runs.map((run) => run.status)).toEqual(['failed', 'passed']);
    expect(result.runs[0].samples[1].status).toBe('failed');
    expect(result.runs[1].samples.every((sample) => sample.status === 'passed')).toBe(true);
    expect(result.completedIterations).toBe(2);
    expect(result.warnings).toContainEqual({ code: 'browser-restarted', params: { restarts: 1 }, message: 'the browser crashed and was restarted 1 time(s)' });
    // What iteration 1 measured before the crash is kept.
    expect(result.runs[0].samples[0].durationMs).toBeGreaterThanOrEqual(300);
    expect((await readResult(join(outDir, 'result.json'))).status).toBe('failed');
  }, 90_000);

  it('adds iterations until stable, up to the maximum', async () => {
    const loaded = await loadJourney('test/fixtures/journeys/valid/tiny.yaml');
    // A threshold of 0 is never met: the run goes to the maximum.
    const { result } = await runJourney(loaded, { outDir: join(dir, 'stable'), iterations: 1, untilStable: { cvThreshold: 0, maxIterations: 3 } });
    expect(result.runs).toHaveLength(3);
    expect(result.summary.spread!.ecoscore.n).toBe(3);
  }, 90_000);

  it('stops after the current step when aborted and writes a valid interrupted result', async () => {
    const loaded = await loadJourney('test/fixtures/journeys/valid/tiny.yaml');
    const controller = new AbortController();
    const outDir = join(dir, 'abort');
    const { result } = await runJourney(loaded, {
      outDir,
      iterations: 3,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'step-end' && event.sample.index === 1) controller.abort();
      },
    });
    expect(result.status).toBe('interrupted');
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0].status).toBe('interrupted');
    expect(result.steps[1].metrics.bytes).toBeGreaterThan(0);
    const onDisk = await readResult(join(outDir, 'result.json'));
    expect(onDisk.status).toBe('interrupted');
  }, 90_000);
});
