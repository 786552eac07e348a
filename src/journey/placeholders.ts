/**
 * `${env:NAME}`, `${env:NAME:-default}`, `${var:NAME}` and `${var:NAME:-default}` placeholders in journey
 * files: where they are, whether they are well formed, and their substitution. `$${` writes a literal `${`.
 * Anything else that starts with `${` is an error naming the file, line and field (a `${ENV:X}` or an
 * unterminated `${env:` is never typed into a page as it is).
 */

/** A well-formed placeholder: kind, name, optional default. */
export const PLACEHOLDER_PATTERN = /\$\{(env|var):([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const WHOLE_VAR_PATTERN = /^\$\{var:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}$/;
/** `$${` (a literal `${`), a placeholder, or any other `${`. */
const TOKEN_PATTERN = /\$\$\{|\$\{(env|var):([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$\{/g;
const LITERAL_MARK = '\u0000ecoscore-literal-placeholder\u0000';

/** What is wrong with the first malformed placeholder of a string, or null when all are well formed. */
export function malformedPlaceholder(text: string): string | null {
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    if (match[0] === '$${' || match[1] !== undefined) continue;
    const rest = text.slice(match.index + 2);
    const close = rest.indexOf('}');
    if (close < 0) return 'a placeholder starts with "${" but never ends with "}" (write $${ for a literal ${)';
    const inner = rest.slice(0, close);
    const kind = /^([A-Za-z]+):/.exec(inner)?.[1];
    if (kind && ['env', 'var'].includes(kind.toLowerCase())) {
      if (kind !== kind.toLowerCase()) return `"\${${kind}:" is not a placeholder: write \${${kind.toLowerCase()}:NAME} in lower case`;
      return `"\${${inner.length > 40 ? `${inner.slice(0, 40)}…` : inner}}" is not a placeholder: a name is letters, digits and _ (not starting with a digit), e.g. \${${kind}:NAME} or \${${kind}:NAME:-default}`;
    }
    return `"\${" starts no known placeholder: write \${env:NAME}, \${var:NAME}, or $\${ for a literal \${`;
  }
  return null;
}

/** Resolves one placeholder to its value. */
export type ResolvePlaceholder = (kind: 'env' | 'var', name: string, fallback: string | undefined, path: PropertyKey[]) => string | number | boolean;

/** A variable's text as a typed value: `true`/`false` → boolean, a number → number, else the text. */
export function typedVariable(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Placeholders in a string, as `{kind, name, fallback}`. */
export function placeholdersOf(text: string): { kind: 'env' | 'var'; name: string; fallback?: string }[] {
  const found: { kind: 'env' | 'var'; name: string; fallback?: string }[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    if (match[1] !== undefined) found.push({ kind: match[1] as 'env' | 'var', name: match[2], ...(match[3] !== undefined ? { fallback: match[3] } : {}) });
  }
  return found;
}

/**
 * Substitutes every placeholder in the strings of `value` (a plain tree), calling `resolve` for each.
 * A string that is only a `${var:…}` takes the variable's type. Objects are rebuilt with their own keys only.
 */
export function interpolate(value: unknown, path: PropertyKey[], resolve: ResolvePlaceholder): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_VAR_PATTERN.exec(value);
    if (whole) {
      const resolved = resolve('var', whole[1], whole[2], path);
      return typeof resolved === 'string' && whole[2] !== undefined && resolved === whole[2] ? typedVariable(resolved) : resolved;
    }
    if (!value.includes('${')) return value;
    return value
      .replace(/\$\$\{/g, LITERAL_MARK)
      .replace(PLACEHOLDER_PATTERN, (_, kind: 'env' | 'var', name: string, fallback?: string) => String(resolve(kind, name, fallback, path)))
      .split(LITERAL_MARK)
      .join('${');
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolate(item, [...path, index], resolve));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, [...path, key], resolve)]));
  }
  return value;
}

/** Every string of a plain tree with its path (keys are not visited). */
export function* stringsOf(value: unknown, path: PropertyKey[] = []): Generator<{ path: PropertyKey[]; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* stringsOf(item, [...path, index]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringsOf(item, [...path, key]);
}
