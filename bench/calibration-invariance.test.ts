/**
 * The host calibration keeps the modelled CPU energy of the same page stable when the host gets slower.
 * Run with `npm run bench:calibration` (not part of `npm test`: on a shared 2-core machine single runs gave
 * calibrated ratios from 0.53 to 1.39, and a raw CPU ratio as low as 1.27 when the throttling did not take).
 * A slower host is simulated with extra CDP CPU throttling: the tool still believes it applies the
 * device's rate (4), while Chromium really runs at 4 × 2. Without calibration the CPU energy doubles;
 * with it, it stays within a few percent.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../src/demo/server.js';
import { findBrowser } from '../src/browser/find-browser.js';
import { CHROMIUM_FLAGS } from '../src/drivers/playwright.js';
import { estimateStepEnergy, type HostCalibration } from '../src/methodology/energy.js';
import { measureHostCalibration } from '../src/probes/calibration.js';
import { CpuProbe } from '../src/probes/cpu.js';
import { getDeviceProfile, getNetworkProfile } from '../src/profiles/index.js';

const device = getDeviceProfile('mid-range-phone');
const network = getNetworkProfile('fiber');
let browser: Browser;
let server: DemoServer;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findBrowser()!.executablePath, args: CHROMIUM_FLAGS });
  server = await startDemoServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const WORKLOAD = `(() => {
  let checksum = 0;
  for (let round = 0; round < 6; round++) {
    const rows = Array.from(document.querySelectorAll('*'), (element, index) => ({ tag: element.tagName, index, text: (element.textContent || '').slice(0, 40) }));
    rows.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.index - b.index));
    checksum += JSON.stringify(rows).length;
  }
  return checksum;
})()`;

/** Calibrates and measures the heavy demo page's main-thread CPU with the host `hostSlowdown` times slower. */
async function measure(hostSlowdown: number): Promise<{ cpuMs: number; calibration: HostCalibration }> {
  const rate = device.cpuSlowdownFactor * hostSlowdown;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const measured = await measureHostCalibration(page, cdp, rate);
    // What the tool records: it only knows the device's rate, not that the host is slower.
    const calibration = { ...measured, throttlingRate: device.cpuSlowdownFactor, hostBenchmarkIndex: measured.benchmarkIndex * device.cpuSlowdownFactor };
    await page.goto(`${server.url}/ressources`, { waitUntil: 'load' }); // the heavy page is public
    const probe = new CpuProbe(cdp);
    await probe.start();
    // A fixed amount of page work: sorting and serialising the heavy page's own table, as a script would.
    await page.evaluate<number>(WORKLOAD);
    const { cpuMs } = await probe.stop();
    return { cpuMs: cpuMs!, calibration };
  } finally {
    await context.close();
  }
}

describe('host calibration', () => {
  it('keeps the modelled CPU energy of a page stable when the host is twice as slow', async () => {
    // Best-of estimators (fastest CPU time, highest benchmark index): other processes on a shared machine
    // only ever slow a measure down, so the best of several is the least noisy figure.
    const best = { 1: { cpuMs: Infinity, index: 0 }, 2: { cpuMs: Infinity, index: 0 } } as Record<1 | 2, { cpuMs: number; index: number }>;
    for (let round = 0; round < 4; round++) {
      for (const hostSlowdown of [1, 2] as const) {
        const measured = await measure(hostSlowdown);
        best[hostSlowdown].cpuMs = Math.min(best[hostSlowdown].cpuMs, measured.cpuMs);
        best[hostSlowdown].index = Math.max(best[hostSlowdown].index, measured.calibration.benchmarkIndex);
      }
    }
    const energy = (hostSlowdown: 1 | 2) => {
      const { cpuMs, index } = best[hostSlowdown];
      const calibration: HostCalibration = {
        benchmarkIndex: index,
        throttlingRate: device.cpuSlowdownFactor,
        hostBenchmarkIndex: index * device.cpuSlowdownFactor,
        durationMs: 0,
        method: 'test',
      };
      return estimateStepEnergy({ durationMs: 1000, cpuMs, bytes: 0, requests: 0 }, device, network, calibration).components.cpuMah!;
    };
    const rawRatio = best[2].cpuMs / best[1].cpuMs;
    const calibratedRatio = energy(2) / energy(1);
    console.log(`calibration invariance: raw CPU ratio ${rawRatio.toFixed(2)}, calibrated energy ratio ${calibratedRatio.toFixed(3)}`);
    // Uncalibrated, the slower host doubles the CPU time …
    expect(rawRatio).toBeGreaterThan(1.6);
    // … calibrated, the energy estimate moves at most half as much as the raw CPU time. On a quiet machine it
    // stays within a few percent (1.03 seen); on this shared 2-core machine single runs reached 0.85–1.39, so
    // the absolute bound is loose.
    expect(calibratedRatio).toBeGreaterThan(0.6);
    expect(calibratedRatio).toBeLessThan(1.5);
    expect(Math.abs(calibratedRatio - 1)).toBeLessThan(Math.abs(rawRatio - 1) / 2);
  }, 180_000);
});
