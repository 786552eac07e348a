import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import type { RawStepSample } from '../../src/model/result.js';

const sample = (index: number, step: string): RawStepSample =>
  ({ step, index, type: 'load', status: 'passed', startedAt: '', durationMs: 1000, bytes: 2000, requests: 3, cpuMs: 40 }) as RawStepSample;

function drive(isTTY: boolean): string {
  let out = '';
  let t = 0;
  const progress = createProgress({ write: (text) => (out += text), isTTY }, (text) => text.replace('hunter2', '[secret]'), () => t);
  progress({ type: 'run-start', journey: 'J hunter2', iterations: 2, steps: 2, outDir: 'out', browser: 'chromium 1' });
  for (const iteration of [1, 2]) {
    progress({ type: 'iteration-start', iteration });
    for (const index of [0, 1]) {
      progress({ type: 'step-start', iteration, index, step: `s${index}` });
      t += 1000;
      progress({ type: 'step-end', iteration, sample: sample(index, `s${index}`) });
    }
  }
  return out;
}

describe('progress display', () => {
  it('prints one plain line per step when not on a terminal (CI logs)', () => {
    const out = drive(false);
    expect(out).not.toContain('\u001b');
    expect(out.trim().split('\n')).toHaveLength(5);
    expect(out).toContain('J [secret]: 2 steps × 2 iteration(s)');
    expect(out).toContain('✓ [it 2] s1');
  });

  it('keeps a live status line with elapsed time and an estimate on a terminal', () => {
    const out = drive(true);
    expect(out).toContain('iteration 2/2 · step 2/2 s1');
    expect(out).toContain('3/4 steps · 00:03 elapsed · about 00:01 left');
    expect(out).toContain('\r\u001b[2K');
  });
});
