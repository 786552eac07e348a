/** Escapes text for use in HTML content and in quoted attribute values (the toolkit's one escape). */
export { escapeHtml } from '../shared/text.js';

/**
 * Counts the elements a browser builds from `html`, without a browser: one per opening tag
 * (`<name`), skipping `<!doctype>`, comments, closing tags, and everything inside an `<svg>` (the
 * `<svg>` element itself counts), as EcoIndex counts DOM elements.
 *
 * This equals `document.querySelectorAll('*').length` minus the SVG descendants only for HTML
 * written so that the parser adds, drops and moves nothing: explicit `<html>`, `<head>`, `<body>`
 * and `<tbody>`, no misnested or implicitly closed block elements inside `<p>`, every `<` in text
 * or attributes escaped, no inline script or style, and no script that adds or removes elements.
 * The demo pages are written that way; a test checks it against real Chromium.
 */
export function countElements(html: string): number {
  const source = html.replace(/<!--[\s\S]*?-->/g, '');
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
  let count = 0;
  let svgDepth = 0;
  for (const match of source.matchAll(tag)) {
    const [, closing, name, selfClosing] = match;
    const isSvg = name.toLowerCase() === 'svg';
    if (closing) {
      if (isSvg && svgDepth > 0) svgDepth--;
      continue;
    }
    if (svgDepth === 0) count++;
    if (isSvg && !selfClosing) svgDepth++;
  }
  return count;
}
