/**
 * Renders one element of a local HTML file to PNG in headless Chromium: the "screenshot of the ecoscore
 * results" that the evidence bundle holds (output/ takes this as a callback: report/ and output/ never drive a browser).
 *
 * Offline by construction: every request that is not `file:` or `data:` (or a `blob:` the page made) is
 * aborted and reported, so a report that would fetch a font or a script from the network renders as it
 * would without one, and says so.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findBrowser, NO_BROWSER_MESSAGE } from './find-browser.js';

/** Flags of the rendering browser: those of the measuring browser (no sandbox, no background traffic). */
export const RENDER_CHROMIUM_FLAGS = CHROMIUM_FLAGS;

/** Options of {@link renderElementPng}. */
export interface RenderPngOptions {
  /** Chromium executable; default: {@link findBrowser}. */
  executablePath?: string;
  /** Viewport width in CSS pixels (default 1200); the height follows the element. */
  width?: number;
  /** Device pixel ratio of the screenshot (default 2, legible when zoomed). */
  deviceScaleFactor?: number;
  /** Browser locale the page sees (`navigator.language`, `Accept-Language`), default `en`. */
  lang?: 'fr' | 'en';
  /** Gives up after this long, milliseconds (default 30 000). */
  timeoutMs?: number;
}

/** What {@link renderElementPng} wrote. */
export interface RenderedPng {
  /** Width of the PNG in pixels: the element's CSS width × the device scale factor. */
  width: number;
  /** Height of the PNG in pixels. */
  height: number;
  /** Requests the page tried and that were blocked (not `file:`/`data:`), in order. */
  blockedRequests: string[];
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((byte, i) => png[i] !== byte)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const LOCAL_URL = /^(file|data|blob):/i;

/**
 * Opens `htmlFile` in headless Chromium, waits until it is still (network idle, web fonts loaded,
 * canvases such as charts no longer changing), and writes a PNG of the first element matching
 * `selector` to `pngFile`. Returns the PNG's size in pixels (CSS pixels × scale).
 */
export async function renderElementPng(htmlFile: string, selector: string, pngFile: string, options: RenderPngOptions = {}): Promise<RenderedPng> {
  const executablePath = options.executablePath ?? findBrowser()?.executablePath;
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  const timeout = options.timeoutMs ?? 30_000;
  const locale = options.lang === 'fr' ? 'fr-FR' : 'en-US';
  const blockedRequests: string[] = [];
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: RENDER_CHROMIUM_FLAGS, headless: true, timeout });
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1200, height: 800 },
      deviceScaleFactor: options.deviceScaleFactor ?? 2,
      locale,
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(timeout);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (LOCAL_URL.test(url)) return route.continue();
      blockedRequests.push(url);
      return route.abort('blockedbyclient');
    });
    // WebSockets are not routed by `route`: refuse them too.
    await context.routeWebSocket(/.*/, (socket) => {
      blockedRequests.push(socket.url());
      return socket.close();
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(resolve(htmlFile)).href, { waitUntil: 'networkidle', timeout });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const element = page.locator(selector).first();
    if ((await element.count()) === 0) throw new Error(`${htmlFile}: no element matches ${selector}`);
    await element.scrollIntoViewIfNeeded();
    await waitForStillCanvases(page, timeout);
    const png = await element.screenshot({ type: 'png', animations: 'disabled', timeout });
    await mkdir(dirname(pngFile), { recursive: true });
    await writeFile(pngFile, png);
    return { ...pngSize(png), blockedRequests };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

/** Waits until every canvas (charts) draws the same pixels twice in a row, 150 ms apart, at most 5 s. */
async function waitForStillCanvases(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + Math.min(5000, timeoutMs);
  let previous = '';
  for (;;) {
    const current = await page.evaluate(
      () =>
        new Promise<string>((done) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const canvases = Array.from(document.querySelectorAll('canvas'));
              done(canvases.map((canvas) => {
                try {
                  const data = canvas.toDataURL();
                  let hash = 5381;
                  for (let i = 0; i < data.length; i++) hash = ((hash * 33) ^ data.charCodeAt(i)) >>> 0;
                  return `${canvas.width}x${canvas.height}:${data.length}:${hash}`;
                } catch {
                  return 'tainted';
                }
              }).join('|'));
            }),
          ),
        ),
    );
    if (current === previous || Date.now() > deadline) return;
    previous = current;
    await page.waitForTimeout(150);
  }
}
