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

/**
 * Expression evaluated in the page: the DOM count of EcoIndex's reference scraper, which counts Playwright's
 * `locator("*")` (the main document and its open shadow roots, no iframe) minus `//*[local-name()='svg']//*`
 * (SVG descendants): cnumr/ecoindex_python_fullstack components/ecoindex/scraper/scrap.py
 * @ 037a50c8612bf9c23b051074e75179f1a3922f2f, `get_nodes_count`.
 */
export const COUNT_DOCUMENT_ELEMENTS_EXPRESSION = `(() => {
  const count = (root) => {
    let total = 0;
    for (const element of root.querySelectorAll('*')) {
      if (!(element.parentElement && element.parentElement.closest('svg'))) total++;
      if (element.shadowRoot) total += count(element.shadowRoot);
    }
    return total;
  };
  return count(document);
})()`;

const BOTH_COUNTS = `[${COUNT_ELEMENTS_EXPRESSION}, ${COUNT_DOCUMENT_ELEMENTS_EXPRESSION}]`;

/** DOM element count probe: `domElements` (everything readable) and `documentElements` (EcoIndex's count). */
export class DomProbe implements Probe {
  readonly name = 'dom';
  readonly fields = ['domElements', 'documentElements'] as const;

  constructor(private readonly page: Page) {}

  async start(): Promise<void> {}

  async stop(): Promise<ProbeFigures> {
    let counts: [number, number];
    try {
      counts = await this.page.evaluate<[number, number]>(BOTH_COUNTS);
    } catch {
      // The page was navigating when the step ended: count once it has loaded.
      await this.page.waitForLoadState('load', { timeout: 10_000 });
      counts = await this.page.evaluate<[number, number]>(BOTH_COUNTS);
    }
    return { domElements: counts[0], documentElements: counts[1] };
  }
}
