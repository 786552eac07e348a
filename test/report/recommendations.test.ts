/**
 * Lighthouse recommendations in the reports: the HTML report's "Recommandations / Recommendations" section
 * and report.md's short table, from the recorded demo result with the recorded Lighthouse report of its heavy
 * page attached (as the Lighthouse pass attaches it). Strings from the page — URLs above all — stay text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeLighthouseStep, type Lhr } from '../../src/methodology/recommendations.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { codeSpan, renderMarkdown } from '../../src/report/markdown.js';
import { ResultSchema, type Result, type StepLighthouse } from '../../src/model/result.js';

const STUB = '/* chart.js stub */ window.Chart = function () {};';
const plain = (): Result => JSON.parse(readFileSync('test/fixtures/results/demo-health/result.json', 'utf8')) as Result;
const lhr = JSON.parse(readFileSync('test/fixtures/lighthouse/ressources-lighthouse-12.lhr.json', 'utf8')) as Lhr;
const context = { device: getDeviceProfile('mid-range-phone'), network: getNetworkProfile('wifi') };

const EVIL_URL = 'https://cdn.example/<img src=x onerror=alert(1)>|`x`.js';

/** The demo result with a Lighthouse pass: the heavy page audited, the scroll step failed, a crafted third party on the login page. */
function withLighthouse(): Result {
  const result = plain();
  const heavy = result.steps.findIndex((step) => step.name === 'health resources (heavy page)');
  const entry = summarizeLighthouseStep(lhr, { mode: 'navigation', report: 'lighthouse/09-health resources.json', addedMs: 16_209, auditPass: null }, context);
  result.steps[heavy].lighthouse = {
    ...entry,
    auditPass: { durationMs: 7554, cpuMs: 2400, bytes: 3_691_073, requests: 10, energyMah: 0.7334 },
  };
  const login: StepLighthouse = {
    ...entry,
    recommendations: [
      {
        audit: 'third-party-summary',
        title: 'Reduce the impact of <script>alert(1)</script> third-party code',
        displayValue: 'Third-party code blocked the main thread for 0 ms',
        estimatedSavingsBytes: null,
        estimatedSavingsMs: null,
        estimatedEnergyMah: null,
        repeatVisit: false,
        items: [{ url: EVIL_URL, totalBytes: 12_000, savingsBytes: null, savingsMs: 0 }],
      },
    ],
    estimatedSavingsBytes: null,
    estimatedEnergyMah: null,
    report: 'javascript:alert(1)',
    auditPass: null,
  };
  result.steps[1].lighthouse = login;
  const scroll = result.steps.findIndex((step) => step.type === 'scroll');
  result.steps[scroll].lighthouse = { ...entry, mode: 'timespan', recommendations: [], report: null, error: 'No navigations <b>detected</b>', auditPass: null };
  result.environment.lighthouse = { pass: 'separate', lighthouseVersion: '12.8.2', startedAt: null, durationMs: 107_650, auditedSteps: 7, description: 'separate pass' };
  return result;
}

describe('the result contract', () => {
  it('accepts steps with a Lighthouse entry and a result without any', () => {
    expect(() => ResultSchema.parse(withLighthouse())).not.toThrow();
    expect(() => ResultSchema.parse(plain())).not.toThrow();
  });
});

describe('HTML report', () => {
  const html = renderHtmlReport(withLighthouse(), { chartJsSource: STUB });
  const live = html.slice(0, html.indexOf('<template'));
  const template = html.slice(html.indexOf('<template'));

  it('has a Recommandations section in French and a Recommendations one in English, linked from the menu', () => {
    expect(live).toContain('<section id="recommendations"');
    expect(live).toContain('<a href="#recommendations">Recommandations</a>');
    expect(live).toContain('Recommandations de sobriété');
    expect(template).toContain('Sobriety recommendations');
    expect(template).toContain('<a href="#recommendations">Recommendations</a>');
    expect(live).toContain('Audits Lighthouse 12.8.2');
  });

  it('ranks the heavy page’s recommendations with savings in kB and mAh, translated, Lighthouse’s title beside', () => {
    const card = live.slice(live.indexOf('health resources (heavy page) <span class="tag">navigation'));
    const order = ['modern-image-formats', 'uses-text-compression', 'uses-long-cache-ttl', 'unminified-javascript', 'unused-javascript'].map((id) => card.indexOf(`>${id}</code>`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(card).toContain('Compresser les textes (gzip, Brotli)');
    expect(card).toContain('<span class="sp" lang="en">Enable text compression</span>');
    expect(card).toMatch(/448,1\s?ko/); // uses-text-compression: 448 099 bytes
    expect(card).toMatch(/0,0305\s?mAh/);
    expect(card).toContain('à la visite suivante'); // cache lifetime
    expect(card).toContain('/heavy/ressources.js');
    expect(card).toMatch(/Jusqu’à 3,\d\d\s?Mo et 0,2\d+\s?mAh économisables/);
    // Lighthouse's overhead in its pass next to the measured medians.
    expect(card).toContain('Lighthouse a ajouté 16,21 s');
  });

  it('escapes every string that comes from the page, links only to relative report files', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('https://cdn.example/&lt;img src=x onerror=alert(1)&gt;|`x`.js');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('href="lighthouse/09-health%20resources.json"');
    expect(html).toContain('No navigations &lt;b&gt;detected&lt;/b&gt;');
  });

  it('is left out of a result without a Lighthouse pass', () => {
    const without = renderHtmlReport(plain(), { chartJsSource: STUB });
    expect(without).not.toContain('id="recommendations"');
    expect(without).not.toContain('#recommendations');
  });
});

describe('report.md', () => {
  const md = renderMarkdown(withLighthouse());

  it('has a short table: at most three recommendations per step, the main resource of each', () => {
    const lines = md.split('\n');
    const start = lines.indexOf('| # | Step (étape) | Recommendation | Saving | Energy | Main resource |');
    expect(start).toBeGreaterThan(0);
    const rows: string[] = [];
    for (let i = start + 2; lines[i]?.startsWith('|'); i++) rows.push(lines[i]);
    const heavy = rows.filter((row) => row.includes('health resources (heavy page)'));
    expect(heavy).toHaveLength(3);
    expect(heavy[0]).toMatch(/^\| 9 \| health resources \(heavy page\) \| Serve images in next-gen formats \| 2\.77 MB \| 0\.189 mAh \| `http:\/\/127\.0\.0\.1:\d+\/heavy\/photo-\d\.png` \|$/);
    expect(heavy[1]).toMatch(/Enable text compression \| 448\.1 kB \| 0\.0305 mAh \| `http:\/\/127\.0\.0\.1:\d+\/heavy\/ressources\.js` \|/);
    expect(rows.some((row) => row.includes('no audit: No navigations'))).toBe(true);
    expect(md).toContain('Lighthouse 12.8.2, separate pass after the measured iterations');
  });

  it('shows URLs as code, never as HTML or links, and keeps the table intact', () => {
    // Inside a code span `<img …>` is shown as typed; nowhere else does a page string keep its `<`.
    const outsideCode = md.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('<script>');
    expect(md).toContain('`https://cdn.example/<img src=x onerror=alert(1)>\\|x.js`');
    expect(codeSpan('a|b`c\nd')).toBe('`a\\|bcd`');
  });

  it('is left out of a result without a Lighthouse pass', () => {
    expect(renderMarkdown(plain())).not.toContain('Recommendations (recommandations)');
  });
});
