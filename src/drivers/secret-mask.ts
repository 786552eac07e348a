/**
 * Masking of secrets in web screenshots, failing closed (shared by the Playwright driver and the Playwright
 * Test recorder). What is covered in every screenshot:
 * - the step's `mask:` selectors and locators;
 * - every field that received a secret (`secret: true` or typed from `${env:…}`) since the last navigation
 *   of the page, found by its locator;
 * - in every frame, every form control whose value holds a secret typed in the session, and the smallest
 *   element whose text holds one (an app that shows the typed name back, a field the app re-rendered).
 * A field that received a secret since the last navigation and that its locator no longer finds cannot be
 * proven hidden: the screenshot is then not taken, and the error says why.
 */
import type { Frame, Locator as PwLocator, Page } from 'playwright-core';
import type { Action } from '../journey/schema.js';

/** The attribute that marks elements found to hold a secret, for the time of one screenshot. */
export const MASK_ATTRIBUTE = 'data-ecoscore-mask';

/** Secrets shorter than this are searched only as the whole value of a form control (not in text). */
const MIN_TEXT_SCAN_LENGTH = 3;

/** A secret fill the session performed, and the page navigation count when it was performed. */
export interface SecretFill {
  action: Extract<Action, { kind: 'fill' }>;
  navigation: number;
}

/**
 * The page function that marks, in one document, the controls and smallest elements holding a secret, and returns
 * how many. Kept as source text and evaluated as an expression, so that no bundler helper (tsx's `__name`) leaks
 * into the page, as the DOM probe does.
 */
const MARK_IN_DOCUMENT_SOURCE = `({ values, attribute, minText }) => {
  const marked = new Set();
  const mark = (element) => {
    marked.add(element);
    element.setAttribute(attribute, '');
  };
  const holds = (text, exact) =>
    typeof text === 'string' && values.some((value) => (value.length < minText || exact ? text === value : text.includes(value)));
  const deepest = (element) => {
    if (!holds(element.textContent, false)) return false;
    let inChild = false;
    for (const child of Array.from(element.children)) if (deepest(child)) inChild = true;
    if (!inChild) mark(element);
    return true;
  };
  const visit = (root) => {
    for (const control of Array.from(root.querySelectorAll('input, textarea, select'))) {
      if (holds(control.value, false)) mark(control);
    }
    for (const child of Array.from(root.children)) deepest(child);
    for (const host of Array.from(root.querySelectorAll('*'))) if (host.shadowRoot) visit(host.shadowRoot);
  };
  visit(document);
  return marked.size;
}`;

/** Marks, in one frame, the controls and smallest elements holding a secret; returns how many. */
function markInFrame(frame: Frame, values: string[]): Promise<number> {
  const args = JSON.stringify({ values, attribute: MASK_ATTRIBUTE, minText: MIN_TEXT_SCAN_LENGTH });
  return frame.evaluate<number>(`(${MARK_IN_DOCUMENT_SOURCE})(${args})`);
}

/**
 * The frames of each page that {@link markSecrets} may have left marks in: those where it marked an element, or
 * where it failed (a search cut short may have marked some). Frames where it found nothing need no unmarking.
 */
const markedFrames = new WeakMap<Page, Set<Frame>>();

/** Removes the marks of {@link markSecrets} from every frame it may have marked (never throws). */
export async function unmarkSecrets(page: Page): Promise<void> {
  const frames = markedFrames.get(page);
  markedFrames.delete(page);
  if (!frames) return;
  const expression = `document.querySelectorAll('[${MASK_ATTRIBUTE}]').forEach((element) => element.removeAttribute('${MASK_ATTRIBUTE}'))`;
  await Promise.all([...frames].map((frame) => frame.evaluate(expression).catch(() => undefined)));
}

/**
 * Marks every element of every frame that holds one of `values`, and returns a mask locator per frame
 * that has one. Throws when a frame cannot be searched (the screenshot must then not be taken). The frames are
 * searched concurrently; {@link unmarkSecrets} removes the marks.
 */
export async function markSecrets(page: Page, values: string[]): Promise<PwLocator[]> {
  const wanted = [...new Set(values.filter((value) => value.length > 0))];
  if (wanted.length === 0) return [];
  const marked = markedFrames.get(page) ?? new Set<Frame>();
  markedFrames.set(page, marked);
  const frames = page.frames();
  for (const frame of frames) marked.add(frame);
  const counts = await Promise.all(frames.map((frame) => markInFrame(frame, wanted).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))));
  const masks: PwLocator[] = [];
  for (const [index, frame] of frames.entries()) {
    const count = counts[index]!;
    if (count instanceof Error) {
      if (frame.isDetached()) continue;
      throw new Error(`a frame (${frame.url().slice(0, 80)}) could not be searched for secrets to mask: ${count.message.split('\n')[0]}`);
    }
    if (count > 0) masks.push(frame.locator(`[${MASK_ATTRIBUTE}]`));
    else marked.delete(frame);
  }
  return masks;
}

/** Describes a fill for a message, without its value: `fill label "Mot de passe"`. */
export function describeFill(action: SecretFill['action']): string {
  const [kind, value] = Object.entries(action.locator).find(([key]) => key !== 'exact' && key !== 'name') ?? ['locator', ''];
  const name = action.locator.name ? ` name ${JSON.stringify(action.locator.name)}` : '';
  return `fill ${kind} ${JSON.stringify(value)}${name}`;
}
