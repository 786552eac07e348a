/**
 * Touch gestures and scrolling on Appium: one-finger swipes through the centre of the screen (W3C pointer
 * actions), and scrolling like a reader in browsers (80 % of the viewport at a time) or by swipes on native
 * screens (until the element shows, or until the screen's source stops changing).
 */
import type { Action, Locator } from '../../journey/schema.js';
import type { AutomationDialect } from './capabilities.js';
import { sleep, type WebDriverClient } from './client.js';
import { describeLocator, elementReference } from './locators.js';

/** What gestures need from a session. */
export interface GestureContext {
  client: WebDriverClient;
  dialect: AutomationDialect;
  /** The first displayed element matching now, or null. */
  findOnce(locator: Locator): Promise<string | null>;
  /** Waits for a displayed element; throws one sentence after `timeoutMs`. */
  find(locator: Locator, timeoutMs: number): Promise<string>;
}

/** Direction of the content's movement for a finger moving `direction`: up → content scrolls down. */
export function swipeDelta(direction: 'up' | 'down' | 'left' | 'right'): [number, number] {
  return [direction === 'left' ? 1 : direction === 'right' ? -1 : 0, direction === 'up' ? 1 : direction === 'down' ? -1 : 0];
}

/** A one-finger swipe of `distance` (fraction of the screen) through the centre, 300 ms long. */
export async function swipe(client: WebDriverClient, direction: 'up' | 'down' | 'left' | 'right', distance: number): Promise<void> {
  const { width, height } = await client.getWindowRect();
  const [dx, dy] = swipeDelta(direction);
  const cx = Math.round(width / 2);
  const cy = Math.round(height / 2);
  const half = (size: number) => Math.round((size * Math.min(distance, 0.9)) / 2);
  const from = { x: cx + dx * half(width), y: cy + dy * half(height) };
  const to = { x: cx - dx * half(width), y: cy - dy * half(height) };
  await client.performActions([
    {
      type: 'pointer',
      id: 'finger',
      parameters: { pointerType: 'touch' },
      actions: [
        { type: 'pointerMove', duration: 0, x: from.x, y: from.y },
        { type: 'pointerDown', button: 0 },
        { type: 'pause', duration: 100 },
        { type: 'pointerMove', duration: 300, x: to.x, y: to.y },
        { type: 'pointerUp', button: 0 },
      ],
    },
  ]);
  await client.releaseActions().catch(() => undefined);
}

export async function scroll(context: GestureContext, action: Extract<Action, { kind: 'scroll' }>, timeoutMs: number): Promise<void> {
  const { client } = context;
  const isWeb = context.dialect === 'web';
  const deadline = Date.now() + timeoutMs;
  if (isWeb) {
    if (action.locator) {
      const element = await context.find(action.locator, timeoutMs);
      await client.executeScript('arguments[0].scrollIntoView({ block: "center" });', [elementReference(element)]);
    } else if (action.byPx !== undefined) {
      await client.executeScript(`window.scrollBy(0, ${action.byPx});`, []);
    } else {
      // Like a reader: 80 % of the viewport at a time, 100 ms apart, until the edge.
      const bottom = (action.to ?? 'bottom') === 'bottom';
      for (let i = 0; i < 200; i++) {
        const atEdge = await client.executeScript(
          bottom ? 'return Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1;' : 'return window.scrollY <= 0;',
          [],
        );
        if (atEdge) return;
        if (Date.now() > deadline) throw new Error(`Timeout ${timeoutMs}ms exceeded while scrolling to the ${bottom ? 'bottom' : 'top'}`);
        await client.executeScript(`window.scrollBy(0, ${bottom ? '' : '-'}Math.round(window.innerHeight * 0.8));`, []);
        await sleep(100);
      }
    }
    return;
  }
  if (action.locator) {
    for (let i = 0; i < 20 && Date.now() < deadline; i++) {
      const found = await context.findOnce(action.locator);
      if (found) return;
      await swipe(client, 'up', 0.6);
    }
    throw new Error(`no element matches ${describeLocator(action.locator)} after scrolling for ${timeoutMs} ms`);
  }
  if (action.byPx !== undefined) {
    const { height } = await client.getWindowRect();
    await swipe(client, action.byPx >= 0 ? 'up' : 'down', Math.min(0.9, Math.abs(action.byPx) / height));
    return;
  }
  // To an edge: swipe until the screen's source stops changing (at most 20 swipes).
  let previous = await client.getPageSource();
  for (let i = 0; i < 20 && Date.now() < deadline; i++) {
    await swipe(client, (action.to ?? 'bottom') === 'bottom' ? 'up' : 'down', 0.6);
    const source = await client.getPageSource();
    if (source === previous) return;
    previous = source;
  }
}

