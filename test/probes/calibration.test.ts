import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALIBRATION_METHOD,
  CALIBRATION_ROUNDS,
  measureHostCalibration,
  roundIndex,
  summariseCalibration,
  type CalibrationMeasure,
} from '../../src/probes/calibration.js';
import type { HostCalibration } from '../../src/methodology/energy.js';
import { median } from '../../src/shared/stats.js';

describe('calibration arithmetic', () => {
  it('takes the median round, each round the mean of the two scaled rates', () => {
    // (10 000 / 5 + 14 000 / 7) / 2 = (2000 + 2000) / 2 = 2000
    expect(roundIndex(10_000, 14_000)).toBeCloseTo(2_000, 10);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const measure = summariseCalibration([[10_000, 14_000], [5_000, 7_000], [12_500, 17_500]], 4, 1_000);
    // rounds 2000, 1000, 2500 → median 2000; host 2000 × 4 = 8000
    expect(measure.rounds).toEqual([2_000, 1_000, 2_500]);
    expect(measure.benchmarkIndex).toBe(2_000);
    expect(measure.hostBenchmarkIndex).toBe(8_000);
    expect(measure.method).toBe(CALIBRATION_METHOD);
  });

  it('refuses a round that measured no work', () => {
    expect(() => summariseCalibration([[0, 14_000]], 1, 1_000)).toThrow(/round 1 measured no work/);
    expect(() => summariseCalibration([], 1, 1_000)).toThrow(/no round/);
  });

  it('has the shape of the methodology HostCalibration', () => {
    const measure: CalibrationMeasure = summariseCalibration([[10_000, 14_000]], 2, 900);
    const calibration: HostCalibration = measure; // structural typing: no conversion needed
    expect(calibration.hostBenchmarkIndex).toBe(4_000);
  });
});

describe('measureHostCalibration (Chromium)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto('about:blank');
    cdp = await context.newCDPSession(page);
    // Thread time: the time domain the cpu probe should read (see docs/methodology.md).
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('measures a slower page under ×4 throttling, and about the same host', async () => {
    // Interleaved, twice per rate: on a shared 2-core machine other work comes and goes; the better of two
    // measures is the one least disturbed by it.
    const measures: CalibrationMeasure[] = [];
    for (const rate of [1, 4, 1, 4]) measures.push(await measureHostCalibration(page, cdp, rate));
    const best = (rate: number) => measures.filter((m) => m.throttlingRate === rate).sort((a, b) => b.benchmarkIndex - a.benchmarkIndex)[0];
    const unthrottled = best(1);
    const throttled = best(4);

    for (const measure of measures) {
      expect(measure.rounds).toHaveLength(CALIBRATION_ROUNDS);
      expect(measure.benchmarkIndex).toBeGreaterThan(0);
      expect(measure.hostBenchmarkIndex).toBeCloseTo(measure.benchmarkIndex * measure.throttlingRate, 9);
      // Wall-clock windows: about 1 s whatever the host and rate (more only when CDP round trips crawl).
      expect(measure.durationMs).toBeGreaterThan(6 * 120);
      expect(measure.durationMs).toBeLessThan(2_500);
    }
    expect(throttled.benchmarkIndex).toBeLessThan(0.5 * unthrottled.benchmarkIndex);
    const hostRatio = throttled.hostBenchmarkIndex / unthrottled.hostBenchmarkIndex;
    expect(hostRatio).toBeGreaterThan(0.65);
    expect(hostRatio).toBeLessThan(1.35);
    console.info(
      `calibration: rate 1 index ${unthrottled.benchmarkIndex.toFixed(0)} (${unthrottled.durationMs} ms), ` +
        `rate 4 index ${throttled.benchmarkIndex.toFixed(0)} (${throttled.durationMs} ms), host ratio ${hostRatio.toFixed(2)}; ` +
        `all: ${measures.map((m) => `×${m.throttlingRate} ${m.benchmarkIndex.toFixed(0)} [${m.rounds.map((r) => r.toFixed(0)).join(', ')}]`).join('; ')}`,
    );
  });

  it('leaves the session throttled at the asked rate', async () => {
    await measureHostCalibration(page, cdp, 4);
    const timed = await page.evaluate<number>('(() => { const t = performance.now(); let x = 0; for (let i = 0; i < 5e6; i++) x = (x * 31 + i) | 0; return performance.now() - t; })()');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const free = await page.evaluate<number>('(() => { const t = performance.now(); let x = 0; for (let i = 0; i < 5e6; i++) x = (x * 31 + i) | 0; return performance.now() - t; })()');
    expect(timed).toBeGreaterThan(2 * free);
  });

  it('enables the Performance domain itself when nobody has', async () => {
    const other = await context.newPage();
    await other.goto('about:blank');
    const fresh = await context.newCDPSession(other);
    const measure = await measureHostCalibration(other, fresh, 1);
    expect(measure.benchmarkIndex).toBeGreaterThan(0);
    expect(await other.evaluate('typeof globalThis.__ecoscoreCalibration__')).toBe('undefined');
    await other.close();
  });

  it('refuses a throttling rate below 1', async () => {
    await expect(measureHostCalibration(page, cdp, 0.5)).rejects.toThrow(/≥ 1/);
  });
});
