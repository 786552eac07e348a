/** Small text helpers shared by the runner, the CLI and renderers. */

/** A file-name-safe slug: `Add a measure!` → `add-a-measure`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60) || 'step';
}

/**
 * The file name of a step's artifact without its extension: 1-based, two digits, then the slug of its name
 * (`stepFileStem(2, 'Sign in')` → `03-sign-in`). Screenshots, the evidence bundle and Lighthouse reports
 * all name a step's files so.
 */
export function stepFileStem(index: number, name: string): string {
  return `${String(index + 1).padStart(2, '0')}-${slugify(name)}`;
}

/**
 * HTML-escapes text for element content and double- or single-quoted attribute values (`&`, `<`, `>`, `"`,
 * `'`); null and undefined are the empty string. The one escape of the reports and the demo app.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** First line of an error message without ANSI colours or Playwright's call log. */
export function errorSummary(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;]*m/g, '');
  const first = clean.split('\n').find((line) => line.trim() !== '') ?? clean;
  return first.replace(/^(locator|page|keyboard|mouse|frame)\.\w+:\s*/, '').trim();
}

// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/g;
// C0 controls but tab and newline, DEL, C1 controls, and the Unicode bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text without terminal escape sequences and control characters (tab and newline kept; CRLF becomes LF),
 * for anything printed to a terminal or rendered in a report: a step name or an error message from a
 * data file cannot move the cursor, recolour a CI log, hide a line or reverse text.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** A deep copy of a JSON-like value with {@link stripControlCharacters} applied to every string (keys kept). */
export function stripControlCharactersDeep<T>(value: T): T {
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return stripControlCharacters(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(item))) {
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]));
    }
    return item;
  };
  return walk(value) as T;
}
