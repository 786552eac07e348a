/**
 * Screenshots with masks, failing closed. A step's `mask:` entries and every field that received a secret
 * since the last navigation are covered:
 *
 * - in browsers, by boxes drawn in the page for the shot (`mask:` entries are CSS selectors);
 * - on native screens, by rectangles painted over the PNG at the located elements' positions (`mask:` entries
 *   are ids or accessibility ids there, or XPath when they start with `/`), scaled from the window's size to
 *   the picture's pixels.
 *
 * A secret field that cannot be located, or a native `mask:` entry that matches nothing, means the secret
 * could be visible: no screenshot is written, and the error (recorded as `unavailable.screenshot`) says why.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { Locator } from '../../journey/schema.js';
import type { GestureContext } from './gestures.js';
import { describeLocator, elementIdOf, elementReference } from './locators.js';

/** Rectangle in window coordinates. */
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Paints `rects` (window coordinates, scaled by `scale`) opaque black into a PNG; returns the new PNG. */
export function paintRectangles(png: Buffer, rects: readonly Rect[], scale: number): Buffer {
  const image = PNG.sync.read(png);
  for (const rect of rects) {
    const x0 = Math.max(0, Math.floor(rect.x * scale));
    const y0 = Math.max(0, Math.floor(rect.y * scale));
    const x1 = Math.min(image.width, Math.ceil((rect.x + rect.width) * scale));
    const y1 = Math.min(image.height, Math.ceil((rect.y + rect.height) * scale));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = (y * image.width + x) * 4;
        image.data[i] = 0;
        image.data[i + 1] = 0;
        image.data[i + 2] = 0;
        image.data[i + 3] = 255;
      }
    }
  }
  return PNG.sync.write(image);
}

/** Native `mask:` entry → find strategies: XPath when it starts with `/`, else an id, then an accessibility id. */
function nativeMaskStrategies(entry: string): Array<[string, string]> {
  return entry.startsWith('/') ? [['xpath', entry]] : [['id', entry], ['accessibility id', entry]];
}

async function nativeRects(context: GestureContext, maskEntries: readonly string[], secretLocators: readonly Locator[]): Promise<Rect[]> {
  const rects: Rect[] = [];
  for (const locator of secretLocators) {
    const id = await context.findOnce(locator).catch(() => null);
    if (id === null) throw new Error(`not taken: the secret field ${describeLocator(locator)} cannot be located, so it cannot be masked`);
    rects.push(await context.client.getElementRect(id));
  }
  for (const entry of maskEntries) {
    let found = 0;
    for (const [using, value] of nativeMaskStrategies(entry)) {
      const references = await context.client.findElements(using, value).catch(() => []);
      for (const reference of references) {
        rects.push(await context.client.getElementRect(elementIdOf(reference)));
        found++;
      }
      if (found > 0) break;
    }
    if (found === 0) throw new Error(`not taken: the mask entry ${JSON.stringify(entry)} matches no element on this screen, so what it hides cannot be masked`);
  }
  return rects;
}

const DRAW_BOXES = `const [maskId, selectors, ...elements] = arguments;
const targets = [...elements];
for (const selector of selectors) targets.push(...document.querySelectorAll(selector));
for (const element of targets) {
  const r = element.getBoundingClientRect();
  const box = document.createElement('div');
  box.setAttribute('data-ecoscore-mask', maskId);
  box.style.cssText = 'position:fixed;z-index:2147483647;background:#ff00ff;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px';
  document.documentElement.appendChild(box);
}`;

/** Writes a masked PNG of the screen to `file`, or throws (one sentence) without writing anything. */
export async function takeMaskedScreenshot(
  context: GestureContext,
  file: string,
  options: { maskEntries: readonly string[]; secretLocators: readonly Locator[] },
): Promise<void> {
  const { client } = context;
  if (context.dialect !== 'web') {
    const rects = options.maskEntries.length + options.secretLocators.length > 0 ? await nativeRects(context, options.maskEntries, options.secretLocators) : [];
    let png: Buffer = Buffer.from(await client.takeScreenshot(), 'base64');
    if (rects.length > 0) {
      const { width } = await client.getWindowRect();
      const pictureWidth = png.readUInt32BE(16); // IHDR width
      png = paintRectangles(png, rects, width > 0 ? pictureWidth / width : 1);
    }
    await writeFile(file, png);
    return;
  }
  const maskId = `ecoscore-mask-${randomUUID()}`;
  let masked = false;
  if (options.maskEntries.length > 0 || options.secretLocators.length > 0) {
    const elements: Record<string, string>[] = [];
    for (const locator of options.secretLocators) {
      const id = await context.findOnce(locator).catch(() => null);
      if (id === null) throw new Error(`not taken: the secret field ${describeLocator(locator)} cannot be located, so it cannot be masked`);
      elements.push(elementReference(id));
    }
    await client.executeScript(DRAW_BOXES, [maskId, options.maskEntries, ...elements]);
    masked = true;
  }
  try {
    const png = await client.takeScreenshot();
    await writeFile(file, Buffer.from(png, 'base64'));
  } finally {
    if (masked) {
      await client.executeScript('for (const box of document.querySelectorAll(`[data-ecoscore-mask="${arguments[0]}"]`)) box.remove();', [maskId]).catch(() => undefined);
    }
  }
}
