/**
 * DOM probe (web): elements of the page at the end of the step, counted as EcoIndex does (descendants
 * of `<svg>` excluded, the `<svg>` element itself counted), including open shadow roots and same-origin
 * iframes. Cross-origin iframes and closed shadow roots cannot be read from the page and are left out.
 */
import type { Page } from 'playwright-core';
import type { Probe, ProbeFigures } from './probe.js';

/**
 * Expression evaluated in the page: counts elements of a document or shadow root, recursively. Kept as
 * source text so that no bundler helper leaks into the page.
 */
export const COUNT_ELEMENTS_EXPRESSION = `(() => {
  const count = (root) => {
    let total = 0;
    for (const element of root.querySelectorAll('*')) {
      if (element.parentElement && element.parentElement.closest('svg')) continue;
      total++;
      if (element.shadowRoot) total += count(element.shadowRoot);
      if (element.tagName === 'IFRAME' || element.tagName === 'FRAME') {
        try {
          const inner = element.contentDocument;
          if (inner) total += count(inner);
        } catch (error) {
          // cross-origin: not readable
        }
      }
    }
    return total;
  };
  return count(document);
})()`;

/** DOM element count probe. */
export class DomProbe implements Probe {
  readonly name = 'dom';
  readonly fields = ['domElements'] as const;

  constructor(private readonly page: Page) {}

  async start(): Promise<void> {}

  async stop(): Promise<ProbeFigures> {
    try {
      return { domElements: await this.page.evaluate<number>(COUNT_ELEMENTS_EXPRESSION) };
    } catch {
      // The page was navigating when the step ended: count once it has loaded.
      await this.page.waitForLoadState('load', { timeout: 10_000 });
      return { domElements: await this.page.evaluate<number>(COUNT_ELEMENTS_EXPRESSION) };
    }
  }
}
