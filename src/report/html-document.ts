/**
 * The head of every self-contained HTML page the toolkit writes (the report, the history dashboard, the
 * campaign index, the white-label statement): doctype, language, charset, viewport, the optional Content-Security-Policy, generator
 * and colour scheme, title and inline style. Pure: options in, text out.
 */
import { createHash } from 'node:crypto';
import { esc } from './html-format.js';

/** What {@link htmlHead} writes; the optional lines are left out when not given. */
export interface HtmlHeadOptions {
  /** `lang` of the `<html>` element. */
  lang: string;
  /** Document title (escaped here). */
  title: string;
  /** Inline CSS, written as is inside `<style>`. */
  css: string;
  /** Content-Security-Policy of the page (see {@link inlineScriptCsp}). */
  csp?: string;
  /** `<meta name="generator">`, e.g. `ecoscore 0.1.0` (escaped here). */
  generator?: string;
  /** `<meta name="color-scheme">`. */
  colorScheme?: 'light';
}

/** `<!DOCTYPE html>` to `</head>` (with its line break), opening `<html>`: the body follows. */
export function htmlHead(options: HtmlHeadOptions): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(options.csp !== undefined ? [`<meta http-equiv="Content-Security-Policy" content="${options.csp}">`] : []),
    ...(options.generator !== undefined ? [`<meta name="generator" content="${esc(options.generator)}">`] : []),
    ...(options.colorScheme !== undefined ? [`<meta name="color-scheme" content="${options.colorScheme}">`] : []),
    `<title>${esc(options.title)}</title>`,
    `<style>${options.css}</style>`,
    '</head>',
    '',
  ].join('\n');
}

/**
 * The policy of a page that contacts no server: nothing allowed by default, `script` (the page's one inline
 * script) allowed by its SHA-256 hash, inline style, images from `imgSrc`, no `<base>`, no form target.
 */
export function inlineScriptCsp(script: string, imgSrc: string): string {
  const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
  return ["default-src 'none'", `script-src 'sha256-${scriptHash}'`, "style-src 'unsafe-inline'", `img-src ${imgSrc}`, "base-uri 'none'", "form-action 'none'"].join('; ');
}
