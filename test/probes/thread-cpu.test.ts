/**
 * The off-main-thread CPU probe in real Chromium: one protobuf trace on a browser-level DevTools session, windows
 * marked around an idle wait and around an animation that repaints a large gradient every frame. The animated
 * window must show more compositor / raster / GPU-process CPU than the idle one; figures are whatever this host
 * measured, so only their order and sanity are asserted.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find-browser.js';
import { ThreadCpuTracer, type OffMainCpu } from '../../src/probes/thread-cpu.js';

const PAGE = `<!doctype html><html><head><style>
  body { margin: 0 }
  #spin { width: 900px; height: 900px; background: linear-gradient(45deg, #c33, #36c, #3c6) }
  .on #spin { animation: spin 0.6s linear infinite }
  @keyframes spin { to { transform: rotate(360deg) } }
</style></head><body><div id="spin"></div></body></html>`;

/** Starts a CSS animation and a rAF loop that repaints a large gradient every frame. */
function animate(page: Page): Promise<void> {
  return page.evaluate(() => {
    document.body.classList.add('on');
    const spin = document.getElementById('spin')!;
    let frame = 0;
    const tick = () => {
      frame++;
      spin.style.background = `linear-gradient(${frame * 7}deg, #c33, #36c ${frame % 100}%, #3c6)`;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const offMain = (cpu: OffMainCpu) => cpu.gpuCpuMs + cpu.rendererOtherCpuMs;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const executablePath = findBrowser()?.executablePath;
  if (!executablePath || !existsSync(executablePath)) throw new Error('no Chromium found for the thread-cpu test');
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.setContent(PAGE);
});

afterAll(async () => {
  await browser?.close();
});

describe('ThreadCpuTracer (Chromium)', () => {
  it('returns nulls and marks nothing when no trace was begun', async () => {
    const tracer = new ThreadCpuTracer(await browser.newBrowserCDPSession());
    expect(tracer.active).toBe(false);
    await tracer.mark('never-traced');
    expect(await tracer.end([['a', 'b']])).toEqual([null]);
  });

  it('measures more off-main CPU while animating than while idle, and null for markers it never saw', async () => {
    const tracer = new ThreadCpuTracer(await browser.newBrowserCDPSession());
    await tracer.begin();
    expect(tracer.active).toBe(true);
    await page.waitForTimeout(200); // let the page settle after tracing starts
    await tracer.mark('idle:start');
    await page.waitForTimeout(800);
    await tracer.mark('idle:end');
    await animate(page);
    await tracer.mark('animated:start');
    await page.waitForTimeout(800);
    await tracer.mark('animated:end');
    const [idle, animated, unknown, halfMissing] = await tracer.end([
      ['idle:start', 'idle:end'],
      ['animated:start', 'animated:end'],
      ['no-such-marker', 'animated:end'],
      ['idle:start', 'no-such-marker'],
    ]);
    expect(tracer.active).toBe(false);
    expect(unknown).toBeNull();
    expect(halfMissing).toBeNull();
    expect(idle).not.toBeNull();
    expect(animated).not.toBeNull();
    for (const cpu of [idle!, animated!]) {
      for (const value of Object.values(cpu)) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }
    }
    // Repainting a 900 × 900 gradient at every frame costs raster and compositing time; an idle page almost none.
    expect(offMain(animated!)).toBeGreaterThan(offMain(idle!));
    expect(offMain(animated!)).toBeGreaterThan(5);
  });
});
