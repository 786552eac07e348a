/**
 * The history dashboard (`ecoscore history --html`): one self-contained HTML file, chart.js inlined as in
 * the report, under the same strict Content-Security-Policy (no network, one hashed script). Per journey:
 * the ecoscore and sub-scores over runs with each run's spread band, the git commit and date of each
 * point, the methodology breaks, small multiples of every step's bytes, energy and duration, and the runs
 * with links to their reports (relative, so that a CI artifact folder works as well as a local one).
 * Pure: a model in, text out.
 */
import { loadChartJsSource } from './chart-js.js';
import { HISTORY_CLIENT_SCRIPT } from './history-client.js';
import type { HistoryDashboardModel, HistoryJourneySeries } from './history-model.js';
import { htmlHead, inlineScriptCsp } from './html-document.js';
import { esc, jsonForScript } from './html-format.js';

/** Options of {@link renderHistoryHtml}. */
export interface HistoryHtmlOptions {
  /** chart.js source (default: the installed package's UMD build). */
  chartJsSource?: string;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header,main{max-width:1200px;margin:0 auto;padding:16px 24px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:0 0 4px}
.muted{color:#64748b}.journey{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:16px;margin:16px 0}
.trend{height:320px;position:relative}.break{color:#b91c1c}
.steps{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:16px;margin-top:12px}.step{min-width:0}
.step h3{font-size:13px;margin:0 0 4px}.multiples{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:6px}
.multiples>div{height:104px;position:relative;min-width:0}.multiples canvas{max-height:88px}.multiples p{font-size:11px;margin:0;color:#64748b}
table{border-collapse:collapse;width:100%;font-size:12px;margin-top:12px}td,th{border-bottom:1px solid #e2e8f0;padding:3px 6px;text-align:left}
details{margin-top:8px}
`;

function journeySection(journey: HistoryJourneySeries, index: number): string {
  const runs = journey.date.length;
  const first = journey.date[0]?.slice(0, 10) ?? '';
  const last = journey.date[runs - 1]?.slice(0, 10) ?? '';
  const breaks = journey.breaks
    .map((b) => `<p class="break">Methodology changed from ${esc(b.from)} to ${esc(b.to)} at run ${b.index + 1} (${esc(journey.date[b.index])}${journey.commit[b.index] ? `, commit ${esc(journey.commit[b.index])}` : ''}): scores before and after are not comparable (dashed line).</p>`)
    .join('\n');
  const unscored = journey.ecoscore.filter((value) => value === null).length;
  const steps = journey.steps
    .map(
      (step, s) => `<div class="step" data-step="${s}"><h3>${esc(step.name)}</h3><div class="multiples">
<div><p>bytes</p><canvas class="bytes" role="img" aria-label="${esc(`${step.name}: bytes per run`)}"></canvas></div>
<div><p>energy (mAh)</p><canvas class="energy" role="img" aria-label="${esc(`${step.name}: energy per run`)}"></canvas></div>
<div><p>duration (ms)</p><canvas class="duration" role="img" aria-label="${esc(`${step.name}: duration per run`)}"></canvas></div>
</div></div>`,
    )
    .join('\n');
  return `<section class="journey" data-journey="${index}">
<h2>${esc(journey.name)}</h2>
<p class="muted">${esc(journey.device)} · ${esc(journey.network)} · ${runs} run${runs === 1 ? '' : 's'} from ${esc(first)} to ${esc(last)}${unscored ? ` · ${unscored} without a score (incomplete or failed runs)` : ''}</p>
${breaks}
<div class="trend"><canvas class="trend" role="img" aria-label="${esc(`${journey.name}: ecoscore and sub-scores over runs`)}"></canvas></div>
${journey.steps.length ? `<div class="steps">\n${steps}\n</div>` : '<p class="muted">These history lines have no per-step figures (written by an older ecoscore).</p>'}
<details><summary>Runs (newest first), with their reports</summary>
<table><thead><tr><th>date</th><th>commit</th><th>methodology</th><th>status</th><th>ecoscore [spread]</th><th>report</th></tr></thead><tbody></tbody></table>
</details>
</section>`;
}

/** The dashboard as one HTML file. */
export function renderHistoryHtml(model: HistoryDashboardModel, options: HistoryHtmlOptions = {}): string {
  const chartJs = (options.chartJsSource ?? loadChartJsSource()).replace(/<\/(script)/gi, '<\\/$1');
  const script = `${chartJs}\n;${HISTORY_CLIENT_SCRIPT}`;
  const body = model.journeys.length
    ? model.journeys.map(journeySection).join('\n')
    : '<p>The history file has no run yet: `ecoscore run` appends one line per run.</p>';
  const head = htmlHead({ lang: 'en', title: 'ecoscore history', css: CSS, csp: inlineScriptCsp(script, "'none'"), colorScheme: 'light' });
  return `${head}<body>
<header><h1>ecoscore history</h1>
<p class="muted">${model.runs} run${model.runs === 1 ? '' : 's'} of ${model.journeys.length} journey${model.journeys.length === 1 ? '' : 's'} from ${esc(model.source)}, generated ${esc(model.generatedAt)}. Energy is what each run's report says it is (modelled on web targets). The band is each run's ecoscore range over its iterations.</p></header>
<main id="history">
${body}
</main>
<script type="application/json" id="history-data">${jsonForScript(model)}</script>
<script>${script}</script>
</body>
</html>
`;
}
