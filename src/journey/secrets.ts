/**
 * Secrets of a journey: values that came from `${env:NAME}` and values of `fill` actions marked
 * `secret: true`. They are typed into the page but never written to results, logs, reports or evidence.
 *
 * Redaction is a walk over values, never an edit of serialised text: only strings are searched, keys and
 * numbers, booleans and nulls are left as they are (a secret `1234`, `true` or `null` cannot break a
 * result). In a string, every form a secret can take when it travels is replaced with
 * {@link SECRET_PLACEHOLDER}: as written, percent-encoded (component, URI, form, userinfo, path and query
 * encode sets, upper- or lower-case hex) or HTML-escaped, each of them as is or JSON-escaped (once or
 * twice, `\uXXXX` for non-ASCII too), and base64 (standard and URL alphabets, at the three byte alignments
 * it can have inside a longer payload).
 *
 * Short secrets would mangle ordinary text (a PIN `2026` inside the date `2026-12-01`), so the rule
 * depends on the secret's length:
 * - {@link WHOLE_STRING_MAX_LENGTH} characters or fewer: only a string that is exactly the secret (or one
 *   of its forms) is replaced;
 * - up to {@link TOKEN_MAX_LENGTH} characters: replaced where it stands as a token — an edge that is a
 *   letter or digit must not touch a letter, digit or `_`, and an edge that is a digit must not touch a
 *   `.`, `,`, `:`, `/` or `-` either (so `2026-12-01`, `12:20:26`, `1.2026`, `v2026` keep their digits,
 *   while `pin=2026`, `"2026"` and `PIN 2026` lose them);
 * - longer: replaced wherever it occurs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What a secret is replaced with wherever the toolkit writes text. */
export const SECRET_PLACEHOLDER = '[secret]';

/** Secrets this long or shorter are replaced only when a whole string is the secret. */
export const WHOLE_STRING_MAX_LENGTH = 2;

/** Secrets this long or shorter (and longer than {@link WHOLE_STRING_MAX_LENGTH}) are replaced only as tokens. */
export const TOKEN_MAX_LENGTH = 7;

/** Base64 fragments shorter than this are not searched for (too likely to occur by chance). */
const MIN_BASE64_FRAGMENT_LENGTH = 6;

const ALNUM = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `\uXXXX` escapes of every non-ASCII UTF-16 unit of a JSON-escaped string. */
function asciiJson(json: string, upper: boolean): string {
  return json.replace(/[\u0080-\uffff]/g, (char) => {
    const hex = char.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });
}

/** Percent-encodings with the WHATWG URL encode sets (what a URL object writes back). */
function urlForms(secret: string): string[] {
  const forms: string[] = [];
  const tryForm = (make: () => string) => {
    try {
      forms.push(make());
    } catch {
      // not encodable this way (lone surrogates): the other forms still apply
    }
  };
  tryForm(() => encodeURIComponent(secret));
  tryForm(() => encodeURI(secret));
  tryForm(() => new URLSearchParams({ v: secret }).toString().slice(2));
  tryForm(() => {
    const url = new URL('http://host/');
    url.password = secret;
    return url.password;
  });
  tryForm(() => {
    const url = new URL('http://host/');
    url.username = secret;
    return url.username;
  });
  tryForm(() => new URL(`http://host/${secret.replace(/[/?#\\]/g, (c) => encodeURIComponent(c))}`).pathname.slice(1));
  tryForm(() => new URL(`http://host/?${secret.replace(/[#&]/g, (c) => encodeURIComponent(c))}`).search.slice(1));
  return forms.flatMap((form) => [form, form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())]);
}

/**
 * Base64 of the secret as it appears inside a longer base64 payload: for each alignment (0, 1 or 2 bytes
 * of something else before it in its 3-byte group), the characters that depend on the secret's bytes alone.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: string[] = [Buffer.from(bytes).toString('base64')];
  for (const before of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(before), bytes]).toString('base64').replace(/=+$/, '');
    const skip = before === 0 ? 0 : before + 1;
    // An incomplete last group's last character also depends on the bytes that follow the secret.
    const end = encoded.length - ((before + bytes.length) % 3 === 0 ? 0 : 1);
    forms.push(encoded.slice(skip, end));
  }
  return forms
    .flatMap((form) => [form, form.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')])
    .filter((form) => form.length >= MIN_BASE64_FRAGMENT_LENGTH);
}

/** HTML/XML character references of `&`, `<`, `>`, `"` and `'` (named, decimal and hexadecimal). */
function htmlForms(text: string): string[] {
  if (!/[&<>"']/.test(text)) return [];
  const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return [
    text.replace(/[&<>"']/g, (c) => named[c]),
    text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
    text.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`),
  ];
}

/** A string's JSON-escaped forms: once, twice, and with `\uXXXX` for non-ASCII. */
function jsonForms(text: string): string[] {
  const json = JSON.stringify(text).slice(1, -1);
  return [json, JSON.stringify(json).slice(1, -1), asciiJson(json, false), asciiJson(json, true)];
}

/** Every form a secret can take in text (see the module comment), the secret itself first. */
export function secretForms(secret: string): string[] {
  // As written, percent-encoded or HTML-escaped; each of those also JSON-escaped (a URL inside a JSON log).
  const written = [secret, ...urlForms(secret)];
  const escaped = [...written, ...htmlForms(secret)];
  const forms = [...escaped, ...escaped.flatMap(jsonForms)];
  const unique = [...new Set(forms.filter((form) => form.length > 0))];
  if (secret.length > WHOLE_STRING_MAX_LENGTH) unique.push(...base64Forms(secret).filter((form) => !unique.includes(form)));
  return unique;
}

/** A lookbehind/lookahead that keeps a short secret from matching inside a longer word or number. */
function boundary(edge: string, side: 'before' | 'after'): string {
  if (!ALNUM.test(edge)) return '';
  const forbidden = DIGIT.test(edge) ? '[\\p{L}\\p{N}_.,:/\\-]' : '[\\p{L}\\p{N}_]';
  return side === 'before' ? `(?<!${forbidden})` : `(?!${forbidden})`;
}

/** Replaces every known secret, in every form, in strings (see the module comment for the rules). */
export class Redactor {
  private readonly whole = new Set<string>();
  private readonly pattern: RegExp | null;
  private readonly count: number;

  constructor(secrets: Iterable<string> = []) {
    const values = [...new Set([...secrets].filter((secret) => typeof secret === 'string' && secret.length > 0))];
    this.count = values.length;
    const alternatives: { source: string; length: number }[] = [];
    for (const secret of values) {
      const base64 = new Set(base64Forms(secret));
      for (const form of secretForms(secret)) {
        if (secret.length <= WHOLE_STRING_MAX_LENGTH) this.whole.add(form);
        else if (secret.length <= TOKEN_MAX_LENGTH && !base64.has(form)) {
          alternatives.push({ source: `${boundary(form[0], 'before')}${escapeRegExp(form)}${boundary(form[form.length - 1], 'after')}`, length: form.length });
        } else alternatives.push({ source: escapeRegExp(form), length: form.length });
      }
    }
    // Longest first, so that a secret containing another is replaced whole; the placeholder first of all,
    // so that redacting twice changes nothing.
    alternatives.sort((a, b) => b.length - a.length);
    this.pattern = alternatives.length
      ? new RegExp([escapeRegExp(SECRET_PLACEHOLDER), ...new Set(alternatives.map((a) => a.source))].join('|'), 'gu')
      : null;
  }

  /** True when there is at least one secret to hide. */
  get active(): boolean {
    return this.count > 0;
  }

  /** The text with every secret replaced. */
  redact(text: string): string {
    if (this.whole.has(text)) return SECRET_PLACEHOLDER;
    if (!this.pattern) return text;
    return text.replace(this.pattern, () => SECRET_PLACEHOLDER);
  }

  /**
   * A deep copy of a JSON-like value with every secret replaced in its strings. Keys, numbers, booleans and
   * null are kept as they are; objects are rebuilt with their own keys only (a key `__proto__` stays a key).
   */
  redactValue<T>(value: T): T {
    if (!this.active) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value instanceof Date || ArrayBuffer.isView(value)) return value;
    // Any other object is walked as data (own enumerable keys): nothing escapes redaction by its class.
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.walk(item)]));
    }
    return value;
  }
}

/**
 * Secrets met while a command runs (journeys loaded, env values read), so that whatever the command prints
 * — messages, warnings, `--debug` stack traces — is redacted with them. The CLI opens a scope around each
 * command; loaders register into the current scope. Outside a scope, registering does nothing.
 */
const scope = new AsyncLocalStorage<Set<string>>();

/** Runs `task` with its own set of known secrets (see {@link registerSecrets}). */
export function withSecretScope<T>(task: () => Promise<T>): Promise<T> {
  return scope.run(new Set(), task);
}

/** Adds secrets to the current scope (none outside a scope). */
export function registerSecrets(secrets: Iterable<string>): void {
  const known = scope.getStore();
  if (!known) return;
  for (const secret of secrets) if (typeof secret === 'string' && secret.length > 0) known.add(secret);
}

const redactorOfScope = new WeakMap<Set<string>, { size: number; redactor: Redactor }>();

/** A redactor of every secret registered in the current scope so far. */
export function scopeRedactor(): Redactor {
  const known = scope.getStore();
  if (!known) return new Redactor();
  const cached = redactorOfScope.get(known);
  if (cached && cached.size === known.size) return cached.redactor;
  const redactor = new Redactor(known);
  redactorOfScope.set(known, { size: known.size, redactor });
  return redactor;
}
