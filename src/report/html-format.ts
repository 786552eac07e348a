/**
 * Language-aware formatting of the HTML report's figures: `Intl.NumberFormat('fr-FR')` gives `0,31` and
 * `ko`, the English side `0.31` and `kB`. Units follow EcoIndex (1 kB = 1000 bytes). Missing figures
 * (`null`) are shown as `–`, never as 0.
 */
import { roundDecimals, roundSignificant } from '../shared/format.js';
import { escapeHtml } from '../shared/text.js';
import { REPORT_LABELS, type ReportLabels, type ReportLang } from './i18n.js';

/** BCP 47 locale used for each report language. */
export const LOCALES: Readonly<Record<ReportLang, string>> = { fr: 'fr-FR', en: 'en-GB' };

/** A display unit: multiply the base value by `factor` and append `unit`. */
export interface DisplayUnit {
  factor: number;
  unit: string;
}

type Maybe = number | null | undefined;

const isNum = (value: Maybe): value is number => typeof value === 'number' && Number.isFinite(value);

// Intl formatters are slow to build and immutable: one per locale and options, for the process.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formatters for one language. */
export class Formatter {
  readonly labels: ReportLabels;
  readonly locale: string;

  constructor(readonly lang: ReportLang) {
    this.labels = REPORT_LABELS[lang];
    this.locale = LOCALES[lang];
  }

  private nf(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    const id = `${this.locale}|${key}`;
    let format = numberFormats.get(id);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, options);
      numberFormats.set(id, format);
    }
    return format;
  }

  /** A number with exactly `digits` decimals, grouped per language (rounded as in shared/format.ts). */
  fixed(value: Maybe, digits = 0): string {
    if (!isNum(value)) return this.labels.dash;
    return this.nf(`f${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(roundDecimals(value, digits));
  }

  /** A number with at most `digits` decimals (trailing zeros dropped; rounded as in shared/format.ts). */
  num(value: Maybe, digits = 0): string {
    if (!isNum(value)) return this.labels.dash;
    return this.nf(`n${digits}`, { maximumFractionDigits: digits }).format(roundDecimals(value, digits));
  }

  /** Three significant digits below 100, whole numbers above; `< 0,001` for tiny non-zero values. */
  sig(value: Maybe): string {
    if (!isNum(value)) return this.labels.dash;
    if (value === 0) return this.num(0);
    const abs = Math.abs(value);
    if (abs >= 100) return this.num(value, 0);
    if (abs < 0.001) return `< ${this.num(0.001, 3)}`;
    return this.nf('s3', { maximumSignificantDigits: 3 }).format(roundSignificant(value, 3));
  }

  /**
   * A score 0..100 with exactly one decimal (`86,4`, `80,0`): the value its grade was taken from, never
   * re-rounded to a whole number that would show another figure than the one graded.
   */
  score(value: Maybe): string {
    return this.fixed(isNum(value) ? Math.round(value * 10) / 10 : value, 1);
  }

  /** Same as {@link Formatter.score} (one decimal): kept for callers that name the precision. */
  score1(value: Maybe): string {
    return this.score(value);
  }

  /** A fraction as a percentage: 0.067 → `6,7 %` / `6.7%` (the percentage rounded as in shared/format.ts). */
  percent(fraction: Maybe, digits = 1): string {
    if (!isNum(fraction)) return this.labels.dash;
    return this.nf(`p${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(roundDecimals(fraction * 100, digits) / 100);
  }

  /** Bytes: `28,2 ko`, `3,77 Mo` (1 kB = 1000 B). */
  bytes(value: Maybe): string {
    if (!isNum(value)) return this.labels.dash;
    const l = this.labels;
    if (value < 1000) return `${this.num(value, 0)} ${l.unitB}`;
    if (value < 1_000_000) return `${this.fixed(value / 1000, 1)} ${l.unitKB}`;
    if (value < 1_000_000_000) return `${this.fixed(value / 1_000_000, 2)} ${l.unitMB}`;
    return `${this.fixed(value / 1_000_000_000, 2)} ${l.unitGB}`;
  }

  /** Milliseconds: `615 ms`, `1,19 s`. */
  ms(value: Maybe): string {
    if (!isNum(value)) return this.labels.dash;
    if (Math.abs(value) < 1000) return `${this.num(value, 0)} ${this.labels.unitMs}`;
    return `${this.fixed(value / 1000, 2)} ${this.labels.unitS}`;
  }

  /** Charge: `0,0887 mAh`. */
  mah(value: Maybe): string {
    return isNum(value) ? `${this.sig(value)} ${this.labels.unitMah}` : this.labels.dash;
  }

  /** Discharge rate: `74,3 µAh/s`. */
  uahs(value: Maybe): string {
    return isNum(value) ? `${this.sig(value)} ${this.labels.unitUahs}` : this.labels.dash;
  }

  /** A value in a chosen unit, three significant digits. */
  inUnit(value: Maybe, unit: DisplayUnit): string {
    return isNum(value) ? `${this.sig(value * unit.factor)} ${unit.unit}` : this.labels.dash;
  }

  /** Greenhouse gases, grams of CO2e, in the unit that suits the value (mg, g, kg, t). */
  ghg(grams: Maybe): string {
    return isNum(grams) ? this.inUnit(grams, ghgUnit(grams)) : this.labels.dash;
  }

  /** Water, litres, in mL, L or m³. */
  water(litres: Maybe): string {
    return isNum(litres) ? this.inUnit(litres, waterUnit(litres)) : this.labels.dash;
  }

  /** Abiotic resources, kg Sb eq, in µg, mg, g or kg Sb eq. */
  adp(kg: Maybe): string {
    return isNum(kg) ? this.inUnit(kg, adpUnit(kg)) : this.labels.dash;
  }

  /** An ISO date as `21 novembre 2026 à 23:04 UTC` (always UTC, so the report reads the same everywhere). */
  date(iso: string | null | undefined): string {
    if (!iso) return this.labels.dash;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    let format = dateFormats.get(this.locale);
    if (!format) {
      format = new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
      dateFormats.set(this.locale, format);
    }
    return `${format.format(date)} UTC`;
  }
}

/** Display unit for grams of CO2e. */
export function ghgUnit(grams: number): DisplayUnit {
  const abs = Math.abs(grams);
  if (abs !== 0 && abs < 0.01) return { factor: 1000, unit: 'mg CO2e' };
  if (abs < 1000) return { factor: 1, unit: 'g CO2e' };
  if (abs < 1_000_000) return { factor: 1e-3, unit: 'kg CO2e' };
  return { factor: 1e-6, unit: 't CO2e' };
}

/** Display unit for litres of water. */
export function waterUnit(litres: number): DisplayUnit {
  const abs = Math.abs(litres);
  if (abs < 1) return { factor: 1000, unit: 'mL' };
  if (abs < 1000) return { factor: 1, unit: 'L' };
  return { factor: 1e-3, unit: 'm³' };
}

/** Display unit for kg Sb eq. */
export function adpUnit(kg: number): DisplayUnit {
  const abs = Math.abs(kg);
  if (abs < 1e-6) return { factor: 1e9, unit: 'µg Sb eq' };
  if (abs < 1e-3) return { factor: 1e6, unit: 'mg Sb eq' };
  if (abs < 1) return { factor: 1e3, unit: 'g Sb eq' };
  return { factor: 1, unit: 'kg Sb eq' };
}

/** HTML-escapes text for element content and double- or single-quoted attribute values ({@link escapeHtml}). */
export const esc: (value: unknown) => string = escapeHtml;

/** JSON safe inside `<script type="application/json">`: `<`, `>`, `&` and line separators escaped. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
