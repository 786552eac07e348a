/**
 * Secrets of a journey: values that came from `${env:NAME}` and values of `fill` actions marked
 * `secret: true`. They are typed into the page but never written to results, logs, reports or evidence.
 */

/** What a secret is replaced with wherever the toolkit writes text. */
export const SECRET_PLACEHOLDER = '[secret]';

/** Secrets shorter than this are not searched for in text (they would mangle ordinary words). */
export const MIN_REDACTABLE_LENGTH = 3;

/** Replaces every known secret value in text with {@link SECRET_PLACEHOLDER}. */
export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: Iterable<string> = []) {
    // Longest first, so that a secret containing another is replaced whole.
    this.secrets = [...new Set(secrets)].filter((s) => s.length >= MIN_REDACTABLE_LENGTH).sort((a, b) => b.length - a.length);
  }

  /** True when there is at least one secret to hide. */
  get active(): boolean {
    return this.secrets.length > 0;
  }

  /** The text with every secret replaced. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(SECRET_PLACEHOLDER);
    return out;
  }

  /** A deep copy of a JSON-like value with every secret replaced in its strings. */
  redactValue<T>(value: T): T {
    if (!this.active) return value;
    return JSON.parse(this.redact(JSON.stringify(value))) as T;
  }
}
