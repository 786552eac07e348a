/**
 * Pieces shared by the sections of the HTML report (html-*.ts): the rendering context, label filling with
 * escaping, gauges, pills and metric cells. Pure.
 */
import type { MetricName, Result, StepResult } from '../model/result.js';
import { esc, type Formatter } from './html-format.js';
import { GRADE_COLOURS, UNSTABLE_CV, gradeOfScore, type ChartData, type DerivedWarnings, type LighthousePassView, type StepView } from './html-model.js';
import { stepGrade, type GradeStatus } from './grade-view.js';
import { fillLabel, type LabelKey, type ReportLang } from './i18n.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Prefix of the screenshots' relative paths (default: none, the report sits next to result.json). */
  screenshotBase?: string;
  /** Screenshots to embed: relative path as in the result → `data:image/png;base64,…`. */
  embedScreenshots?: ReadonlyMap<string, string>;
  /** Language the report opens in (default `fr`); the other one is a click away. */
  defaultLang?: ReportLang;
  /** chart.js UMD source to inline (default: {@link loadChartJsSource}). */
  chartJsSource?: string;
  /** When the report was generated (ISO date), shown in the footer; omitted when not given. */
  generatedAt?: string;
  /** Link to the methodology document; without it the document is named, not linked. */
  methodologyHref?: string;
}

/** A formatter of one language. */
export type Fmt = Formatter;

export const STEP_TYPE_KEYS: Record<StepResult['type'], LabelKey> = {
  reference: 'typeReference',
  pause: 'typePause',
  'first-load': 'typeFirstLoad',
  load: 'typeLoad',
  action: 'typeAction',
  scroll: 'typeScroll',
  background: 'typeBackground',
};

export const STATUS_KEYS: Record<StepResult['status'], LabelKey> = { passed: 'statusPassed', failed: 'statusFailed', skipped: 'statusSkipped' };

export const RUN_STATUS_KEYS: Record<Result['status'], LabelKey> = {
  passed: 'statusRunPassed',
  failed: 'statusRunFailed',
  running: 'statusRunRunning',
  interrupted: 'statusRunInterrupted',
};


/** Everything shared by both languages' renderings. */
export interface Context {
  result: Result;
  views: StepView[];
  warnings: DerivedWarnings;
  charts: ChartData;
  options: HtmlReportOptions;
  /** The Lighthouse pass (`--lighthouse`), or null. */
  lighthouse: LighthousePassView | null;
  /** Whether the journey has a grade, and why not (`summary.status`). */
  grade: GradeStatus;
}

/** `{placeholder}` filling with escaped values; the template itself is trusted label text. */
export function t(f: Fmt, key: LabelKey, values: Record<string, string | number> = {}): string {
  const escaped: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) escaped[name] = esc(value);
  return fillLabel(esc(f.labels[key]), escaped);
}

export function metricLabel(f: Fmt, metric: string): string {
  const key = `metric${metric.charAt(0).toUpperCase()}${metric.slice(1)}` as LabelKey;
  return key in f.labels ? f.labels[key] : metric;
}

export function targetText(result: Result): { url: string; demo: boolean } {
  const { target } = result;
  const url = target.url ?? null;
  const shown = target.measuredUrl ?? url ?? target.appPackage ?? target.bundleId ?? target.app ?? target.platform;
  return { url: shown, demo: url === 'demo' };
}

export function scoringOf(result: Result): { id: string | null; version: string | null } {
  const scoring = result.environment.methodology?.scoring;
  return { id: scoring?.id ?? null, version: scoring?.version ?? null };
}

export function gradeClass(grade: string | null): string {
  return grade && GRADE_COLOURS[grade] ? `g-${grade}` : 'grade-none';
}

export function ringClass(grade: string | null): string {
  return grade && GRADE_COLOURS[grade] ? `ring-${grade}` : 'ring-none';
}

/** An SVG ring gauge with the value in its centre (the value is text; the ring is decoration). */
export function gauge(f: Fmt, score: number | null, grade: string | null, size: 'lg' | 'sm', valueText: string, label: string): string {
  const px = size === 'lg' ? 168 : 96;
  const stroke = size === 'lg' ? 11 : 9;
  const r = 60 - stroke / 2 - 1;
  const circumference = 2 * Math.PI * r;
  const fraction = score === null ? 0 : Math.max(0, Math.min(100, score)) / 100;
  const arc = fraction > 0 ? `<circle class="${ringClass(grade)}" cx="60" cy="60" r="${r.toFixed(2)}" fill="none" stroke-width="${stroke}" stroke-linecap="round" stroke-dasharray="${(circumference * fraction).toFixed(2)} ${circumference.toFixed(2)}" transform="rotate(-90 60 60)"/>` : '';
  return `<div class="gauge gauge-${size}" role="img" aria-label="${esc(label)}"><svg width="${px}" height="${px}" viewBox="0 0 120 120" aria-hidden="true" focusable="false"><circle class="track" cx="60" cy="60" r="${r.toFixed(2)}" fill="none" stroke-width="${stroke}"/>${arc}</svg><span class="g-val" aria-hidden="true"><span class="g-num">${valueText}</span><span class="g-max">${t(f, 'outOf100')}</span></span></div>`;
}

function splitUnit(text: string): [string, string] {
  const at = text.lastIndexOf(' ');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** `1,09–1,25 s` from two formatted values, the unit written once when both share it. */
export function range(min: string, max: string): string {
  const [minValue, minUnit] = splitUnit(min);
  const [, maxUnit] = splitUnit(max);
  return minUnit !== '' && minUnit === maxUnit && !min.startsWith('<') ? `${minValue}–${max}` : `${min}–${max}`;
}

/** A table cell with a metric's median and its spread (min–max, CV). */
export function metricCell(f: Fmt, step: StepResult, metric: MetricName, format: (value: number | null) => string, extra = ''): string {
  const value = step.metrics[metric] ?? null;
  const spread = step.spread[metric];
  let lines = '';
  if (value !== null && spread) {
    const [min, max] = [format(spread.min), format(spread.max)];
    if (min !== max) lines += `<span class="sp">${esc(range(min, max))}</span>`;
    if (spread.cv === null || spread.n < 2) lines += `<span class="sp">${t(f, 'cvNa')}</span>`;
    else if (spread.cv > UNSTABLE_CV)
      lines += `<span class="sp unstable">⚠ ${t(f, 'cvLabel', { cv: f.percent(spread.cv) })}<span class="vh"> (${t(f, 'unstable')})</span></span>`;
    else lines += `<span class="sp">${t(f, 'cvLabel', { cv: f.percent(spread.cv) })}</span>`;
  }
  return `<td class="num"><span class="v">${esc(format(value))}</span>${extra}${lines}</td>`;
}

export function smallestPositive(values: number[]): number | null {
  const positive = values.filter((value) => value > 0);
  return positive.length > 0 ? Math.min(...positive) : null;
}

export function scorePill(f: Fmt, result: Result, score: number | null | undefined, small = false): string {
  if (score === null || score === undefined) return `<span class="muted">${esc(f.labels.dash)}</span>`;
  return `<span class="pill${small ? ' pill-sm' : ''} ${gradeClass(subScoreColour(result, score))}">${esc(f.score1(score))}</span>`;
}

/** `environment.methodology.version` (methodology 2.0 on), or null for an older result. */
export function methodologyVersionOf(result: Result): string | null {
  return result.environment.methodology?.version ?? null;
}

/**
 * The grade whose colour a sub-score is drawn in: the default bounds, only for results scored with the default
 * profile (a custom profile's bounds are not in the result); null (neutral colour) otherwise. Colour only: no
 * letter is shown for a sub-score.
 */
export function subScoreColour(result: Result, score: number | null | undefined): string | null {
  return scoringOf(result).id === null || scoringOf(result).id === 'ecoscore-default' ? gradeOfScore(score) : null;
}

/** The ecoscore pill of a step, coloured by and followed by its grade (`steps[].grade`). */
export function stepScorePill(f: Fmt, step: StepResult): string {
  const score = step.scores?.ecoscore;
  if (score === null || score === undefined) return `<span class="muted">${esc(f.labels.dash)}</span>`;
  const grade = stepGrade(step);
  return `<span class="pill ${gradeClass(grade)}">${esc(f.score1(score))}</span>${grade ? `<span class="gr ${gradeClass(grade)}" title="${esc(fillLabel(f.labels.gradeOfStep, { grade }))}">${esc(grade)}</span>` : ''}`;
}
