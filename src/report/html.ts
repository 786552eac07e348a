/**
 * The HTML report: one self-contained file (CSS, chart.js and data inline, no request to any other host)
 * that reads a Result. French first, with an FR/EN toggle; accessible (landmarks, headings, table
 * semantics, text alongside every colour) and printable to A4. `#summary` is the card screenshotted as the
 * evidence image a publisher uploads.
 *
 * Every string that comes from a journey or a page (names, URLs, errors, warnings, device names) is
 * HTML-escaped; the chart data sits in `<script type="application/json">` with `<` written `\u003c`.
 */
import type { Result } from '../model/result.js';
import { loadChartJsSource } from './chart-js.js';
import { CLIENT_SCRIPT } from './html-client.js';
import { htmlHead, inlineScriptCsp } from './html-document.js';
import { Formatter, LOCALES, esc, jsonForScript } from './html-format.js';
import { renderEnvironment, renderFootprint } from './html-footprint.js';
import { gradeStatusOf } from './grade-view.js';
import { chartData, deriveWarnings, lighthousePassView, stepViews } from './html-model.js';
import { t, type Context, type Fmt, type HtmlReportOptions } from './html-parts.js';
import { renderConstrained } from './html-constrained.js';
import { renderMethod } from './html-method.js';
import { renderRecommendations } from './html-recommendations.js';
import { renderCharts, renderStepTable } from './html-steps.js';
import { REPORT_CSS } from './html-style.js';
import { renderSummary, renderWarnings } from './html-summary.js';
import { REPORT_LABELS, fillLabel, type LabelKey, type ReportLang } from './i18n.js';

export type { HtmlReportOptions } from './html-parts.js';

// ---------------------------------------------------------------------------------------------------
// Sections

function renderHeader(ctx: Context, f: Fmt, other: ReportLang): string {
  const { result } = ctx;
  const nav: [string, LabelKey][] = [
    ['summary', 'navSummary'],
    ['warnings', 'navWarnings'],
    ['charts', 'navCharts'],
    ['steps', 'navSteps'],
    ...(ctx.lighthouse ? ([['recommendations', 'navRecommendations']] as [string, LabelKey][]) : []),
    ['footprint', 'navFootprint'],
    ['environment', 'navEnvironment'],
    ['method', 'navMethod'],
  ];
  return `<a class="skip" href="#main">${t(f, 'skipToContent')}</a>
<header class="site">
<div class="wrap topbar">
<div class="brand"><svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="#5fd39f" d="M20.5 3.5C12 3.6 5.6 7.4 4.3 14.2c-.3 1.6-.2 3.1.2 4.5L3 20.2l1.1 1.1 1.6-1.6c1.2.5 2.6.7 4 .5 6.9-1.1 10.6-7.9 10.8-16.7zM7.1 18.3c1.9-3.9 4.8-7 8.6-9.2-3.3 2.6-5.8 5.6-7.4 9.6z"/></svg><span>${esc(result.tool.name)}</span><span class="ver">${esc(result.tool.version)}</span></div>
<nav aria-label="${t(f, 'navLabel')}"><ul>${nav.map(([id, key]) => `<li><a href="#${id}">${t(f, key)}</a></li>`).join('')}</ul></nav>
<button type="button" class="lang-toggle" data-lang-switch="${other}" lang="${other}" aria-label="${esc(f.labels.langButtonLabel)}"><svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.5 1.1-2.8 1.9-4zM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4H4.3zm.8 2h2.9c.3 1.3.8 2.5 1.4 3.6A8 8 0 0 1 5.1 16zM8 8H5.1a8 8 0 0 1 4.3-3.6C8.8 5.5 8.3 6.7 8 8zm4 12c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.5-1.1 2.8-1.9 4zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6c.6-1.1 1.1-2.3 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4h-3.4z"/></svg>${esc(f.labels.langButton)}</button>
</div>
<div class="wrap page-title">
<p class="eyebrow">${t(f, 'reportTitle')}</p>
<h1>${esc(result.journey.name)}</h1>
<p class="lede">${t(f, 'measuredOn')} ${esc(f.date(result.environment.startedAt))} · ${esc(result.environment.device.id)} · ${esc(result.environment.network.id)} · ${t(f, 'envIterations')}${t(f, 'colon')}${t(f, 'iterationsValue', { done: result.completedIterations, total: result.iterations })}</p>
</div>
</header>`;
}

function renderFooter(ctx: Context, f: Fmt): string {
  const { result, options } = ctx;
  const generated = t(f, 'generatedBy', { tool: result.tool.name, version: result.tool.version }) + (options.generatedAt ? ` ${t(f, 'generatedAt', { date: f.date(options.generatedAt) })}` : '');
  return `<footer class="site-foot"><div class="wrap"><p>${generated}.</p><p>${t(f, 'footerNote')}</p></div></footer>`;
}

function renderBody(ctx: Context, lang: ReportLang, alt: boolean): string {
  const f = new Formatter(lang);
  const other: ReportLang = lang === 'fr' ? 'en' : 'fr';
  return `${renderHeader(ctx, f, other)}
<main id="main" tabindex="-1"><div class="wrap">
${renderSummary(ctx, f)}
${renderWarnings(ctx, f)}
${renderCharts(ctx, f)}
${renderStepTable(ctx, f, alt)}
${renderRecommendations(ctx, f)}
${renderFootprint(ctx, f)}
${renderConstrained(ctx, f)}
${renderEnvironment(ctx, f)}
${renderMethod(ctx, f)}
</div></main>
${renderFooter(ctx, f)}
<dialog class="shot-dialog" aria-labelledby="shot-dialog-title"><div class="dlg-head"><p class="dlg-title" id="shot-dialog-title"></p><button type="button" data-close-dialog>${t(f, 'close')}</button></div><img alt=""></dialog>`;
}

/**
 * Renders the HTML report of a result: one self-contained, offline file (inline CSS, chart.js and data).
 *
 * @param result - a result.json (possibly partial: failed or skipped steps, null figures, no runs)
 * @param options - screenshots, language, chart.js source, generation date
 * @returns the HTML document
 */
export function renderHtmlReport(result: Result, options: HtmlReportOptions = {}): string {
  const defaultLang: ReportLang = options.defaultLang === 'en' ? 'en' : 'fr';
  const otherLang: ReportLang = defaultLang === 'fr' ? 'en' : 'fr';
  const views = stepViews(result, options.screenshotBase, options.embedScreenshots);
  const ctx: Context = {
    result,
    views,
    warnings: deriveWarnings(result, views),
    charts: chartData(result, views),
    options,
    lighthouse: lighthousePassView(result, options.screenshotBase),
    grade: gradeStatusOf(result),
  };

  const titles = {
    fr: fillLabel(REPORT_LABELS.fr.docTitle, { journey: result.journey.name }),
    en: fillLabel(REPORT_LABELS.en.docTitle, { journey: result.journey.name }),
  };
  const data = { ...ctx.charts, defaultLang, locales: LOCALES, titles, labels: REPORT_LABELS };
  const chartJs = (options.chartJsSource ?? loadChartJsSource()).replace(/<\/(script)/gi, '<\\/$1').replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '\n');
  const script = `${chartJs}\n;${CLIENT_SCRIPT}`;
  const head = htmlHead({
    lang: defaultLang,
    title: titles[defaultLang],
    css: REPORT_CSS,
    csp: inlineScriptCsp(script, "'self' data: file:"),
    generator: `${result.tool.name} ${result.tool.version}`,
    colorScheme: 'light',
  });

  return `${head}<body>
<div id="report" data-lang="${defaultLang}">
${renderBody(ctx, defaultLang, false)}
</div>
<template id="report-${otherLang}">
${renderBody(ctx, otherLang, true)}
</template>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}