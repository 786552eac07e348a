/**
 * Chrome DevTools Recorder selectors → journey locators. A Recorder step lists alternative selectors,
 * each a string or a chain (ancestor … target, the next one looked up inside the previous one's shadow
 * root). Types come from `@puppeteer/replay` (`getSelectorType`), so the prefixes are the library's:
 * `aria/Name[role="x"]`, `text/…`, `xpath/…`, `pierce/…`, and plain CSS.
 *
 * Preference (most robust first): aria (→ `role` + `name`, or the accessible name as text or label),
 * text, CSS (pierce selectors are CSS inside shadow roots, which Playwright's CSS engine enters by
 * itself, so a chain becomes descendant selectors), then XPath. Pure.
 */
import { getSelectorType, SelectorType, type Schema } from '@puppeteer/replay';
import type { JsonValue } from './file-form.js';

/** What the element is used for: the accessible name of an aria selector without role is a label for a field, a text otherwise. */
export type LocatorUse = 'click' | 'fill' | 'waitFor' | 'scroll';

/** A journey locator in the file form (`{ role, name }`, `{ text }`, `{ selector }`, …). */
export type FileLocator = { [key: string]: JsonValue };

const RANK: Readonly<Record<SelectorType, number>> = {
  [SelectorType.ARIA]: 0,
  [SelectorType.Text]: 1,
  [SelectorType.CSS]: 2,
  [SelectorType.Pierce]: 2,
  [SelectorType.XPath]: 3,
};

const ARIA = /^aria\/(.*?)(?:\[role="([^"]+)"\])?$/s;

function strip(selector: string, type: SelectorType): string {
  return type === SelectorType.CSS ? selector : selector.slice(selector.indexOf('/') + 1);
}

/** The locator of one alternative (a chain of selectors of one type), or undefined when ours cannot express it. */
function locatorOfChain(chain: string[], use: LocatorUse): FileLocator | undefined {
  const types = chain.map((part) => getSelectorType(part));
  const type = types[0];
  if (types.some((t) => t !== type && !(RANK[t] === 2 && RANK[type] === 2))) return undefined;
  const parts = chain.map((part, i) => strip(part, types[i]));
  if (parts.some((part) => part.trim() === '')) return undefined;
  switch (type) {
    case SelectorType.ARIA: {
      if (chain.length !== 1) return undefined;
      const match = ARIA.exec(chain[0]);
      if (!match || match[1].trim() === '') return undefined;
      const [, name, role] = match;
      if (role) return { role, name };
      return use === 'fill' ? { label: name } : { text: name };
    }
    case SelectorType.Text:
      return chain.length === 1 ? { text: parts[0] } : undefined;
    case SelectorType.XPath:
      return chain.length === 1 ? { xpath: parts[0] } : undefined;
    default:
      // CSS and pierce: Playwright's CSS engine looks inside open shadow roots, so a chain is a descendant selector.
      return { selector: parts.join(' ') };
  }
}

/** The best journey locator of a Recorder step's selectors, or undefined when none can be expressed. */
export function locatorOf(selectors: Schema.Selector[], use: LocatorUse): FileLocator | undefined {
  const candidates = selectors
    .map((selector) => (Array.isArray(selector) ? selector : [selector]))
    .filter((chain) => chain.length > 0)
    .map((chain) => ({ chain, rank: RANK[getSelectorType(chain[0])] ?? 9 }))
    .sort((a, b) => a.rank - b.rank);
  for (const { chain } of candidates) {
    const locator = locatorOfChain(chain, use);
    if (locator) return locator;
  }
  return undefined;
}

/** Words that mark a password field in a selector (English, French). */
const PASSWORD_HINT = /pass(word|wd)?\b|password|mot de passe|mot_de_passe|\bmdp\b|\bpwd\b|type=["']?password/i;

/** Whether a selector list points at a password field (its id, name, type or accessible name says so). */
export function looksLikePasswordField(selectors: Schema.Selector[]): boolean {
  return selectors.flat().some((selector) => PASSWORD_HINT.test(selector));
}

/** Same target: two selector lists that share one alternative. */
export function sameTarget(a: Schema.Selector[], b: Schema.Selector[]): boolean {
  const key = (selector: Schema.Selector): string => JSON.stringify(Array.isArray(selector) ? selector : [selector]);
  const keys = new Set(a.map(key));
  return b.some((selector) => keys.has(key(selector)));
}

/** A short human name of a locator, for step names (`Se connecter`, `#measures`). */
export function locatorName(locator: FileLocator): string {
  const value = locator.name ?? locator.text ?? locator.label ?? locator.selector ?? locator.xpath ?? '';
  return String(value).replace(/\s+/g, ' ').trim().slice(0, 60);
}
