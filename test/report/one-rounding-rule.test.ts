/**
 * One rounding rule for every figure shown (shared/format.ts): the HTML report (Intl, in the reader's
 * language) writes the same digits as Markdown, JUnit and the CLI. `Intl.NumberFormat` alone rounds the
 * shortest decimal form (54.65 → 54.7) where `toPrecision` rounds the stored value (54.6499… → 54.6): the
 * login page of the recorded demo result (excessEnergyMah 0.05465) was 54.7 µAh in report.html and 54.6 in
 * report.md and junit.xml.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Formatter } from '../../src/report/html-format.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { formatBytes, formatMs, formatPercent, roundDecimals, roundSignificant, significant } from '../../src/shared/format.js';
import { recorded } from './fixture-2.0.js';

const en = new Formatter('en');
const fr = new Formatter('fr');

describe('one rounding rule', () => {
  it('rounds the stored value, not its shortest decimal form', () => {
    expect(roundSignificant(0.05465 * 1000, 3)).toBe(54.6);
    expect(roundDecimals(1.15, 1)).toBe(1.1);
    expect(significant(0.05465 * 1000)).toBe('54.6');
    expect(en.sig(0.05465 * 1000)).toBe('54.6');
    expect(fr.sig(0.05465 * 1000)).toBe('54,6');
    expect(en.bytes(3_775_000)).toBe('3.77 MB');
    expect(formatBytes(3_775_000)).toBe('3.77 MB');
    expect(en.bytes(1_150)).toBe(formatBytes(1_150));
  });

  it('gives the HTML formatter the digits of the text formatters, for any value', () => {
    // Below the sizes where the languages group digits differently (1,000.00 MB, 1,000 ms): only the rounding is compared (and, for percentages, the value: the HTML drops a trailing zero).
    const values = fc.double({ min: 0.001, max: 99.99, noNaN: true });
    fc.assert(fc.property(values, (value) => en.sig(value) === significant(value)));
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (bytes) => en.bytes(bytes) === formatBytes(bytes)));
    fc.assert(fc.property(fc.double({ min: 0, max: 999.4, noNaN: true }), (ms) => en.ms(ms) === formatMs(ms)));
    fc.assert(fc.property(fc.double({ min: 0, max: 9.99, noNaN: true }), (fraction) => parseFloat(en.percent(fraction)) === parseFloat(formatPercent(fraction))));
  });

  it('shows the recorded login page’s added charge as 54.6 µAh in report.html, report.md and junit.xml', async () => {
    const result = await recorded();
    expect(result.steps[1].metrics.excessEnergyMah).toBe(0.05465);
    expect(renderHtmlReport(result, { chartJsSource: '/* chart.js */', defaultLang: 'en' })).toContain('<span class="v">54.6 µAh</span>');
    expect(renderHtmlReport(result, { chartJsSource: '/* chart.js */' })).toContain('<span class="v">54,6 µAh</span>');
    expect(renderMarkdown(result).split('\n').find((line) => line.startsWith('| 2 |'))).toContain('| 54.6 |');
    expect(renderJunit(result)).toContain('added charge 54.6 µAh');
  });
});
