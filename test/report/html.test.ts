/**
 * The HTML report (src/report/html.ts) rendered from the recorded real result of the demo journey
 * (test/fixtures/results/demo-health, see its PROVENANCE.md) and from partial copies of it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadChartJsSource } from '../../src/report/chart-js.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { REPORT_LABELS, fillLabel } from '../../src/report/i18n.js';
import { normaliseWarning, warning, type Result } from '../../src/model/result.js';

const FIXTURE = 'test/fixtures/results/demo-health/result.json';
const fixture = (): Result => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Result;
const STUB = '/* chart.js stub */ window.Chart = function () {};';

/** The non-chart part: the document with the inlined script's chart.js source removed. */
function withoutChartJs(html: string, chartJs: string): string {
  return html.replace(chartJs, '');
}

/** The JSON embedded for the charts. */
function reportData(html: string): Record<string, unknown> {
  const match = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('no #report-data');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

/** A figure as the report prints it: `digits` significant digits, no trailing zero, French or English decimal mark. */
function printed(value: number, lang: 'fr' | 'en', digits = 3): string {
  const text = String(Number(value.toPrecision(digits)));
  return lang === 'fr' ? text.replace('.', ',') : text;
}

/** The live (default language) part, without the other language's template. */
function live(html: string): string {
  return html.slice(0, html.indexOf('<template'));
}

describe('i18n labels', () => {
  it('has the same keys, all non-empty, in French and English', () => {
    const fr = Object.keys(REPORT_LABELS.fr).sort();
    const en = Object.keys(REPORT_LABELS.en).sort();
    expect(en).toEqual(fr);
    for (const lang of ['fr', 'en'] as const) {
      for (const [key, value] of Object.entries(REPORT_LABELS[lang])) expect(value.trim(), `${lang}.${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(REPORT_LABELS.fr) as (keyof typeof REPORT_LABELS.fr)[]) {
      expect(placeholders(REPORT_LABELS.en[key]), key).toEqual(placeholders(REPORT_LABELS.fr[key]));
    }
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(fillLabel('{a} sur {b} {c}', { a: 1, b: '2' })).toBe('1 sur 2 {c}');
  });
});

describe('renderHtmlReport on the recorded demo result', () => {
  const result = fixture();
  const html = renderHtmlReport(result, { chartJsSource: STUB, generatedAt: '2026-11-21T23:10:00.000Z' });

  it('is one French-first HTML document with the summary card first in <main>', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<section id="summary"');
    expect(html.indexOf('<section id="summary"')).toBeLessThan(html.indexOf('<section id="warnings"'));
    expect(html.indexOf('<section id="warnings"')).toBeLessThan(html.indexOf('<section id="charts"'));
    expect(html.indexOf('<section id="charts"')).toBeLessThan(html.indexOf('<section id="steps"'));
    expect(html.indexOf('<section id="steps"')).toBeLessThan(html.indexOf('<section id="footprint"'));
    expect(html.indexOf('<section id="footprint"')).toBeLessThan(html.indexOf('<section id="environment"'));
    expect(html.indexOf('<section id="environment"')).toBeLessThan(html.indexOf('<section id="method"'));
    for (const landmark of ['<header', '<main', '<footer', '<h1', '<h2', '<h3']) expect(live(html)).toContain(landmark);
  });

  it('names every step and shows the ecoscore with its grade as text', () => {
    for (const step of result.steps) expect(live(html)).toContain(step.name);
    const summary = live(html).slice(live(html).indexOf('<section id="summary"'), live(html).indexOf('</section>'));
    // The recorded figures (result.json): ecoscore with one decimal, its grade, methodology 2.0.0, g CO2e, the app's URL.
    expect(summary).toContain(result.summary.ecoscore!.toFixed(1).replace('.', ','));
    expect(summary).toContain(`<span class="gl">Note</span><span class="gv">${result.summary.grade}</span>`);
    expect(summary).toContain('Énergie modélisée');
    expect(summary).toContain('ecoscore-energy v2.0.0');
    expect(summary).toContain('mid-range-phone');
    expect(summary).toContain('ecoscore-default v2.0.0');
    expect(summary).toContain(`${printed(result.summary.footprint!.ghgGrams, 'fr')} g CO2e`);
    expect(summary).toContain(result.target.measuredUrl!);
  });

  it('formats numbers per language (0,123 mAh in French, 0.123 mAh in English)', () => {
    // The login page's recorded energy (metrics.energyMah), to 3 significant digits.
    const loginMah = result.steps.find((step) => step.name === 'login page')!.metrics.energyMah!;
    expect(live(html)).toContain(`${printed(loginMah, 'fr')} mAh`);
    const english = renderHtmlReport(result, { chartJsSource: STUB, defaultLang: 'en' });
    expect(english.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(live(english)).toContain(`${printed(loginMah, 'en')} mAh`);
    expect(live(english)).toContain('>Summary</h2>');
    expect(live(english)).toContain('Modelled energy');
  });

  it('carries the other language as a template and both dictionaries in the chart data', () => {
    expect(html).toContain('<template id="report-en">');
    const template = html.slice(html.indexOf('<template id="report-en">'));
    expect(template).toContain('>Summary</h2>');
    expect(template).toContain(result.summary.ecoscore!.toFixed(1));
    const data = reportData(html) as { labels: typeof REPORT_LABELS; steps: { name: string }[]; defaultLang: string };
    expect(data.defaultLang).toBe('fr');
    expect(data.labels.fr.summaryHeading).toBe('Résumé');
    expect(data.labels.en.summaryHeading).toBe('Summary');
    expect(data.steps.map((step) => step.name)).toEqual(result.steps.map((step) => step.name));
  });

  it('gives every chart canvas a role, a label stating the numbers, and a fallback text', () => {
    const canvases = [...live(html).matchAll(/<canvas data-chart="(\w+)" role="img" aria-label="([^"]+)"><p>([^<]+)<\/p><\/canvas>/g)];
    expect(canvases.map((match) => match[1]).sort()).toEqual(['data', 'duration', 'energy', 'scores', 'share']);
    const energy = canvases.find((match) => match[1] === 'energy')!;
    // The reference step as recorded (metrics.energyMah, metrics.dischargeUahPerS).
    const reference = result.steps.find((step) => step.type === 'reference')!.metrics;
    const level = `${printed(reference.dischargeUahPerS!, 'fr')} µAh/s`;
    expect(energy[2]).toContain(`Énergie par étape : reference ${printed(reference.energyMah!, 'fr')} mAh (${level})`);
    expect(energy[2]).toContain(`Niveau de référence : ${level}.`);
    expect(energy[3]).toBe(energy[2]);
  });

  it('flags unstable figures (CV > 5 %) and lists them per step', () => {
    const warnings = live(html).slice(live(html).indexOf('<section id="warnings"'), live(html).indexOf('<section id="charts"'));
    expect(warnings).toContain('Chiffres instables');
    // A recorded step whose readiness varies (CV > 5 %) and whose duration does not: the one is listed, the other not.
    const step = result.steps.find((candidate) => (candidate.spread.readyMs?.cv ?? 0) > 0.05 && (candidate.spread.durationMs?.cv ?? 1) <= 0.05);
    expect(step, 'the fixture has a step with unstable readiness and a stable duration').toBeDefined();
    const readyCv = String(Number((step!.spread.readyMs!.cv! * 100).toFixed(1))).replace('.', ','); // one decimal, as printed
    const item = new RegExp(`<li><strong>${step!.name.replace(/[()]/g, '\\$&')}</strong>[^<]*</li>`).exec(warnings)?.[0];
    expect(item).toMatch(new RegExp(`page prête ${readyCv}\\s?%`));
    expect(item).not.toContain('durée');
    // The journey ecoscore is stable (CV ≤ 5 % as recorded): no journey warning.
    expect(result.summary.spread!.ecoscore!.cv!).toBeLessThanOrEqual(0.05);
    expect(warnings).not.toContain('Ecoscore du parcours instable');
  });

  it('shows the yearly projection with its usage assumptions', () => {
    expect(live(html)).toContain(`${printed(result.summary.projection!.perYear!.ghgGrams / 1000, 'fr')} kg CO2e`); // perYear.ghgGrams as recorded
    expect(live(html)).toMatch(/10\s000 utilisateurs × 52 parcours par utilisateur = 520\s000 parcours/);
  });

  it('references screenshots relative to the report', () => {
    expect(live(html)).toContain('src="screenshots/3/02-login-page.png"');
    expect(live(html)).toContain('href="screenshots/3/02-login-page.png"');
    const based = renderHtmlReport(result, { chartJsSource: STUB, screenshotBase: '../run' });
    expect(based).toContain('src="../run/screenshots/3/02-login-page.png"');
  });

  it('embeds screenshots as data URIs once, the other language copying them at run time', () => {
    const uri = `data:image/png;base64,${readFileSync('test/fixtures/results/demo-health/screenshots/3/02-login-page.png').toString('base64')}`;
    const embedded = renderHtmlReport(result, { chartJsSource: STUB, embedScreenshots: new Map([['screenshots/3/02-login-page.png', uri]]) });
    expect(embedded.split(uri).length - 1).toBe(2); // the live <img src> and its <a href>
    expect(embedded).not.toContain('src="screenshots/3/02-login-page.png"');
    expect(embedded).toContain('src="screenshots/3/03-sign-in.png"');
  });

  it('requests nothing from another host: no external URL outside chart.js, a CSP that forbids it', () => {
    const chartJs = loadChartJsSource();
    const full = renderHtmlReport(result, { chartJsSource: chartJs });
    const own = withoutChartJs(full, chartJs.replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '\n'));
    expect(own.length).toBeLessThan(full.length - 100_000);
    // The only URLs are the measured app's, written as text (never in src, href or CSS url()).
    const urls = [...own.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((match) => match[0]);
    for (const url of urls) expect(url.startsWith(result.target.measuredUrl!), url).toBe(true); // target.measuredUrl as recorded
    expect(own).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(own).not.toMatch(/url\(|@import|<link\b/i);
    expect(own).toContain("default-src 'none'");
    expect(full).not.toContain('sourceMappingURL');
  });

  it('inlines chart.js v4 and the report script in one script block whose hash the CSP allows', () => {
    const full = renderHtmlReport(result);
    expect(full).toContain('Chart.js v4');
    const scripts = [...full.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0][1], 'utf8').digest('base64');
    expect(full).toContain(`script-src 'sha256-${hash}'`);
    // No inline event handler anywhere in the markup (chart.js's own source is code, not markup).
    expect(full.replace(/<script>[\s\S]*?<\/script>/, '')).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('is a pure function of its input', () => {
    expect(renderHtmlReport(result, { chartJsSource: STUB, generatedAt: '2026-11-21T23:10:00.000Z' })).toBe(html);
  });
});

describe('escaping of strings from journeys and pages', () => {
  const SCRIPT = '<script>alert("x")</script>';
  const result = fixture();
  result.journey.name = `Journey "><img src=x id=pwn> ${SCRIPT}`;
  result.steps[2].name = SCRIPT;
  result.steps[2].status = 'failed';
  result.steps[2].error = `Timeout waiting for </script><script>alert(2)</script> & "quotes"`;
  result.environment.device.name = `<b>phone</b>`;
  // A coded warning and an older result's sentence, both with markup in their text.
  result.warnings = [warning('probe-unavailable', { probe: 'cpu', reason: '<svg onload=alert(3)>' }, 'x'), normaliseWarning('probe "cpu" said <svg onload=alert(6)>')];
  (result.target as Record<string, unknown>).measuredUrl = 'http://127.0.0.1:1/"><script>alert(4)</script>';
  result.steps[3].screenshot = 'javascript:alert(5)';
  const html = renderHtmlReport(result, { chartJsSource: STUB });

  it('writes them escaped in text and attributes, never as markup', () => {
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>phone</b>');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('alert(2)</script>');
    expect(html).not.toContain('"><script>alert(4)');
    expect(html).not.toContain('javascript:');
    // Only the two script elements of the template are there.
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('keeps the chart data intact, with < written \\u003c inside the JSON block', () => {
    const block = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)![1];
    expect(block).toContain('\\u003cscript\\u003ealert(\\"x\\")\\u003c/script\\u003e');
    const data = JSON.parse(block) as { steps: { name: string }[] };
    expect(data.steps[2].name).toBe(SCRIPT);
  });
});

describe('partial results', () => {
  it('renders a failed step, a skipped step, null figures, no reference, no score, no footprint, no runs', () => {
    const result = fixture();
    result.steps = result.steps.slice(1); // no reference step
    const failed = result.steps[1];
    failed.status = 'failed';
    failed.error = 'waitFor text "Tableau de bord": timeout 15000 ms exceeded';
    failed.passedIterations = 0;
    failed.failedIterations = 1;
    failed.metrics = Object.fromEntries(Object.keys(failed.metrics).map((key) => [key, null])) as typeof failed.metrics;
    failed.spread = {};
    failed.scores = null;
    failed.ecoindex = null;
    failed.footprint = null;
    failed.screenshot = null;
    const skipped = result.steps[2];
    Object.assign(skipped, { status: 'skipped', scores: null, footprint: null, ecoindex: null, screenshot: null, dischargeRatio: null, spread: {} });
    for (const step of result.steps) for (const spread of Object.values(step.spread)) Object.assign(spread, { cv: null, n: 1 });
    Object.assign(result, { iterations: 1, completedIterations: 1, status: 'failed', runs: [], warnings: [] });
    Object.assign(result.summary, { ecoscore: null, grade: null, scores: null, footprint: null, spread: null, projection: undefined, passedSteps: 6, failedSteps: 1, skippedSteps: 1 });
    result.environment.energySource = null;
    result.environment.browser = null;
    delete (result.environment as Record<string, unknown>).methodology;
    delete (result.environment as Record<string, unknown>).hostCalibration;

    const html = renderHtmlReport(result, { chartJsSource: STUB });
    const page = live(html);
    expect(page).toContain('waitFor text &quot;Tableau de bord&quot;: timeout 15000 ms exceeded');
    expect(page).toContain('<tr class="failed">');
    expect(page).toContain('<tr class="skipped">');
    expect(page).toContain('non calculé');
    expect(page).toContain('CV n/d');
    expect(page).toContain('Empreinte non calculée');
    expect(page).toContain('Source de l’énergie non renseignée');
    expect(page).toContain('Pas d’étape de référence');
    expect(page).toContain('Une seule itération');
    expect(page).toContain('<span class="failed-count">1 échouée(s)</span>');
    expect(page).toMatch(/<td class="num"><span class="v">–<\/span><\/td>/);
  });

  it('renders a result with no steps at all', () => {
    const result = fixture();
    Object.assign(result, { steps: [], runs: [], status: 'interrupted', completedIterations: 0 });
    Object.assign(result.summary, { ecoscore: null, grade: null, scores: null, footprint: null, spread: null, passedSteps: 0, failedSteps: 0, skippedSteps: 0 });
    const html = renderHtmlReport(result, { chartJsSource: STUB });
    expect(html).toContain('La mesure a été interrompue');
    expect(html).toContain('Aucune donnée à tracer.');
    expect(html).not.toContain('<canvas');
  });
});
