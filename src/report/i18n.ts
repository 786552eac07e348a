/**
 * Labels of the HTML report, French first (the reviewers of "Mon espace santé" read French) and English:
 * the dictionaries of i18n-fr.ts / i18n-en.ts and those of methodology 2.0's outputs (i18n-2.ts). Both
 * languages have exactly the same keys (the English ones are typed against the French ones, and a unit test
 * checks it). Placeholders are `{name}`, filled by {@link fillLabel}; values are plain text (the renderer
 * escapes them).
 */
import { EN_LABELS_2, FR_LABELS_2 } from './i18n-2.js';
import { EN_LABELS_CONSTRAINED, FR_LABELS_CONSTRAINED } from './i18n-constrained.js';
import { EN_LABELS } from './i18n-en.js';
import { FR_LABELS } from './i18n-fr.js';

/** Languages of the report. */
export type ReportLang = 'fr' | 'en';

/** The report's languages, default first. */
export const REPORT_LANGS: readonly ReportLang[] = ['fr', 'en'];

const fr = { ...FR_LABELS, ...FR_LABELS_2, ...FR_LABELS_CONSTRAINED } as const;

/** The keys of the report's labels. */
export type LabelKey = keyof typeof fr;

/** One language's labels. */
export type ReportLabels = Record<LabelKey, string>;

const en: ReportLabels = { ...EN_LABELS, ...EN_LABELS_2, ...EN_LABELS_CONSTRAINED };

/** Every label of the report, per language (same keys in both). */
export const REPORT_LABELS: Readonly<Record<ReportLang, ReportLabels>> = { fr, en };

/** `fillLabel('{a} of {b}', { a: 1, b: 2 })` → `1 of 2`; unknown placeholders are left as written. */
export function fillLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
