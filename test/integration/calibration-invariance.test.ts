/**
 * The host calibration keeps the modelled CPU energy of the same page stable when the host gets slower.
 * A slower host is simulated with extra CDP CPU throttling: the tool still believes it applies the
 * device's rate (4), while Chromium really runs at 4 × 2. Without calibration the CPU energy doubles;
 * with it, it stays within a few percent.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/server.js';
import { findBrowser } from '../../src/drivers/find-browser.js';
import { CHROMIUM_FLAGS } from '../../src/drivers/playwright.js';
import { estimateStepEnergy, type HostCalibration } from '../../src/methodology/energy.js';
import { median } from '../../src/methodology/stats.js';
import { measureHostCalibration } from '../../src/probes/calibration.js';
import { CpuProbe } from '../../src/probes/cpu.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';

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
    const normal: number[] = [];
    const slow: number[] = [];
    const rawRatio: number[] = [];
    for (let round = 0; round < 5; round++) {
      const a = await measure(1);
      const b = await measure(2);
      const energy = (m: { cpuMs: number; calibration: HostCalibration }) =>
        estimateStepEnergy({ durationMs: 1000, cpuMs: m.cpuMs, bytes: 0, requests: 0 }, device, network, m.calibration).components.cpuMah!;
      normal.push(energy(a));
      slow.push(energy(b));
      rawRatio.push(b.cpuMs / a.cpuMs);
    }
    // Uncalibrated, the slower host doubles the CPU time …
    expect(median(rawRatio)).toBeGreaterThan(1.6);
    // … calibrated, the energy estimate moves much less (bound of ±25 %: this 2-core machine is shared and noisy;
    // on a quiet one the figure is within a few percent, see the issue note).
    const calibratedRatio = median(slow) / median(normal);
    expect(calibratedRatio).toBeGreaterThan(0.75);
    expect(calibratedRatio).toBeLessThan(1.25);
    expect(Math.abs(calibratedRatio - 1)).toBeLessThan(Math.abs(median(rawRatio) - 1));
    console.log(`calibration invariance: raw CPU ratio ${median(rawRatio).toFixed(2)}, calibrated energy ratio ${calibratedRatio.toFixed(3)}`);
  }, 120_000);
});
