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

/** First line of an error message without ANSI colours or Playwright's call log. */
export function errorSummary(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;]*m/g, '');
  const first = clean.split('\n').find((line) => line.trim() !== '') ?? clean;
  return first.replace(/^(locator|page|keyboard|mouse|frame)\.\w+:\s*/, '').trim();
}
