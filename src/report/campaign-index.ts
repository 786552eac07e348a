/**
 * The campaign index page (`campaign.json` → `index.html` / `index.md`): the combinations of a campaign
 * (journeys × devices × networks × variants) side by side — status, ecoscore and grade, sub-scores,
 * energy, data, duration, g CO2e, spread, the parallel flag — with an inline SVG bar chart of the
 * ecoscores and relative links to each combination's `report.html` and `result.json`. Shard and merge
 * information is shown; pending combinations are listed as pending.
 *
 * Pure: a CampaignIndex in, text out. No script, no external request. Every string from the campaign
 * (names, ids, errors, paths) is escaped.
 */
import type { CampaignIndex, Combination } from '../result/campaign.js';
import { gradeStatusPhrase, recordGradeStatus } from './grade-view.js';
import { htmlHead } from './html-document.js';
import { esc, Formatter } from './html-format.js';
import { fillLabel, REPORT_LABELS, type ReportLang } from './i18n.js';
import { escapeMarkdown } from './markdown.js';

/** A status the index shows: a combination's, or the campaign's own. */
type RunStatus = Combination['status'] | CampaignIndex['status'];

/** Relative links of a combination: its folder's `report.html` and its `result.json`. */
export interface CombinationLinks {
  report: string;
  result: string;
}

/**
 * Links of a combination from its `resultFile` (relative to the campaign folder): `<folder>/report.html`
 * and the result file itself, each path segment URL-encoded (so a name can never become a scheme such as
 * `javascript:`), leading slashes dropped so the links stay relative. Null without a result file.
 */
export function combinationLinks(resultFile: string | null): CombinationLinks | null {
  if (!resultFile) return null;
  const segments = resultFile.replace(/\\/g, '/').split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0) return null;
  const encode = (parts: string[]) => parts.map((part) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29')).join('/');
  const folder = segments.slice(0, -1);
  return { report: encode([...folder, 'report.html']), result: encode(segments) };
}

const TEXT = {
  fr: {
    title: 'Campagne « {name} »',
    campaign: 'Campagne',
    file: 'Fichier',
    started: 'Début',
    finished: 'Fin',
    status: 'Statut',
    workers: 'Processus parallèles',
    iterations: 'Itérations',
    shard: 'Fragment {index} sur {total} : cet index ne contient que les combinaisons de ce fragment ; les autres apparaissent « en attente » jusqu’à la fusion (ecoscore merge).',
    merged: 'Index fusionné à partir de {n} fragment(s) : {list}.',
    counts: 'Combinaisons',
    chartHeading: 'Écoscore par combinaison',
    chartNone: 'Aucun écoscore pour l’instant.',
    tableHeading: 'Comparaison des combinaisons',
    journey: 'Parcours',
    device: 'Appareil',
    network: 'Réseau',
    variant: 'Variante',
    ecoscore: 'Écoscore',
    energy: 'Énergie',
    performance: 'Perf.',
    data: 'Données',
    energyMah: 'Énergie (mAh)',
    bytes: 'Données',
    duration: 'Durée',
    ghg: 'g CO2e',
    cv: 'CV',
    parallel: 'Parallèle',
    links: 'Rapports',
    report: 'rapport',
    parallelNote: '∥ : combinaison mesurée pendant que d’autres tournaient en parallèle ; ses chiffres d’énergie (modélisés à partir du temps CPU) peuvent avoir été perturbés. Pour des chiffres d’énergie à comparer, mesurez avec --workers 1.',
    warnings: 'Avertissements',
    statuses: { pending: 'en attente', passed: 'réussie', failed: 'en échec', interrupted: 'interrompue', error: 'erreur', running: 'en cours' } satisfies Record<RunStatus, string>,
    generated: 'Index de campagne produit par {tool} {version}. Document autonome : aucune requête externe.',
  },
  en: {
    title: 'Campaign "{name}"',
    campaign: 'Campaign',
    file: 'File',
    started: 'Started',
    finished: 'Finished',
    status: 'Status',
    workers: 'Parallel workers',
    iterations: 'Iterations',
    shard: 'Shard {index} of {total}: this index holds only this shard’s combinations; the others show as pending until merged (ecoscore merge).',
    merged: 'Index merged from {n} shard(s): {list}.',
    counts: 'Combinations',
    chartHeading: 'Ecoscore per combination',
    chartNone: 'No ecoscore yet.',
    tableHeading: 'Combinations side by side',
    journey: 'Journey',
    device: 'Device',
    network: 'Network',
    variant: 'Variant',
    ecoscore: 'Ecoscore',
    energy: 'Energy',
    performance: 'Perf.',
    data: 'Data',
    energyMah: 'Energy (mAh)',
    bytes: 'Data',
    duration: 'Duration',
    ghg: 'g CO2e',
    cv: 'CV',
    parallel: 'Parallel',
    links: 'Reports',
    report: 'report',
    parallelNote: '∥: combination measured while others ran in parallel; its energy figures (modelled from CPU time) may have been perturbed. For energy figures to compare, measure with --workers 1.',
    warnings: 'Warnings',
    statuses: { pending: 'pending', passed: 'passed', failed: 'failed', interrupted: 'interrupted', error: 'error', running: 'running' } satisfies Record<RunStatus, string>,
    generated: 'Campaign index produced by {tool} {version}. Self-contained: no external request.',
  },
} as const;

type Texts = (typeof TEXT)[ReportLang];

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));

/** Colours of the grades A..G (ColorBrewer RdYlGn, as the EcoIndex scale goes from green to red). */
const GRADE_COLOURS: Record<string, string> = { A: '#1a9850', B: '#66bd63', C: '#a6d96a', D: '#d9b100', E: '#fdae61', F: '#f46d43', G: '#d73027' };

/** Status emoji of the Markdown index (GitHub renders them). */
const STATUS_ICONS: Record<string, string> = { pending: '⏳', passed: '✅', failed: '❌', interrupted: '⏸️', error: '⛔', running: '🔄' };

/** Why a combination that ran has no grade, in a language (its run's `summary.status` when the index keeps it); null when it has one or has not run. */
export function combinationNoGradeReason(c: Combination, lang: ReportLang): string | null {
  if (c.ecoscore !== null || c.status === 'pending') return null;
  const phrase = gradeStatusPhrase(recordGradeStatus(c), REPORT_LABELS[lang]);
  return fillLabel(REPORT_LABELS[lang][phrase.key], phrase.values);
}

/** A combination's short label: `journey · device · network · variant`. */
function comboLabel(c: Combination): string {
  return [c.journey.name ?? c.journey.file, c.device, c.network, c.variant].join(' · ');
}

function counts(index: CampaignIndex): Array<[Combination['status'], number]> {
  const byStatus = new Map<Combination['status'], number>();
  for (const c of index.combinations) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  return (['passed', 'failed', 'interrupted', 'error', 'pending'] as const).filter((s) => byStatus.has(s)).map((s) => [s, byStatus.get(s)!]);
}

/** Inline SVG: one horizontal bar per combination with an ecoscore (0..100), in the index's order. */
function chartSvg(index: CampaignIndex, f: Formatter, t: Texts): string {
  const scored = index.combinations.filter((c) => c.ecoscore !== null);
  if (scored.length === 0) return `<p>${esc(t.chartNone)}</p>`;
  const labelWidth = 330;
  const barWidth = 340;
  const rowHeight = 24;
  const top = 20;
  const width = labelWidth + barWidth + 70;
  const height = top + scored.length * rowHeight + 6;
  const axis = [0, 25, 50, 75, 100]
    .map((tick) => {
      const x = labelWidth + (barWidth * tick) / 100;
      return `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height}" class="tick"/><text x="${x}" y="${top - 8}" text-anchor="middle" class="axis">${tick}</text>`;
    })
    .join('');
  const bars = scored
    .map((c, i) => {
      const y = top + i * rowHeight;
      const score = Math.max(0, Math.min(100, c.ecoscore as number));
      const w = (barWidth * score) / 100;
      const colour = GRADE_COLOURS[c.grade ?? ''] ?? '#8c959f';
      const label = comboLabel(c);
      const shown = label.length > 52 ? `${label.slice(0, 51)}…` : label;
      const value = `${f.score1(c.ecoscore)}${c.grade ? ` ${c.grade}` : ''}${c.parallel ? ' ∥' : ''}`;
      return `<g><title>${esc(`${label}: ${value}`)}</title><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" class="label">${esc(shown)}</text><rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${colour}" rx="2"/><text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 16}" class="value">${esc(value)}</text></g>`;
    })
    .join('\n');
  return `<svg class="chart" role="img" aria-label="${esc(t.chartHeading)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
${axis}
${bars}
</svg>`;
}

/** A status as a coloured badge (plain text: no emoji font needed, prints in black and white too). */
function statusBadge(status: RunStatus, t: Texts): string {
  return `<span class="badge badge-${esc(status)}">${esc(t.statuses[status] ?? status)}</span>`;
}

function linksCell(c: Combination, t: Texts): string {
  const links = combinationLinks(c.resultFile);
  if (!links || c.status === 'pending') return '–';
  return `<a href="${esc(links.report)}">${esc(t.report)}</a> · <a href="${esc(links.result)}">result.json</a>`;
}

function tableRows(index: CampaignIndex, f: Formatter, t: Texts): string {
  return index.combinations
    .map((c) => {
      const status = `${statusBadge(c.status, t)}${c.error ? `<br><span class="muted">${esc(c.error)}</span>` : ''}`;
      const grade = c.grade ? ` <span class="grade" style="background:${GRADE_COLOURS[c.grade] ?? '#8c959f'}">${esc(c.grade)}</span>` : '';
      const reason = combinationNoGradeReason(c, f.lang);
      const score = reason === null ? `<strong>${f.score1(c.ecoscore)}</strong>${grade}` : `<span class="no-grade">${esc(reason)}</span>`;
      return `<tr class="status-${esc(c.status)}" id="${esc(c.id)}">
<td>${esc(c.journey.name ?? c.journey.file)}<br><span class="muted">${esc(c.journey.file)}</span></td>
<td>${esc(c.device)}</td>
<td>${esc(c.network)}</td>
<td>${esc(c.variant)}</td>
<td>${status}</td>
<td class="num">${score}</td>
<td class="num">${f.score(c.scores?.energy)}</td>
<td class="num">${f.score(c.scores?.performance)}</td>
<td class="num">${f.score(c.scores?.data)}</td>
<td class="num">${f.sig(c.totals.energyMah)}</td>
<td class="num">${f.bytes(c.totals.bytes)}</td>
<td class="num">${f.ms(c.totals.durationMs)}</td>
<td class="num">${f.sig(c.footprint?.ghgGrams)}</td>
<td class="num">${f.percent(c.ecoscoreCv)}</td>
<td class="num">${c.parallel ? '∥' : ''}</td>
<td>${linksCell(c, t)}</td>
</tr>`;
    })
    .join('\n');
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1f23; --muted: #57606a; --line: #d0d7de; --warn: #9a6700; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1400px; padding: 20px; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.other { color: var(--muted); font-weight: 400; font-size: .85em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dl.meta dt { color: var(--muted); }
.note { border-left: 4px solid var(--warn); padding: 4px 10px; background: #fff8c5; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: 5px 7px; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); font-size: .85em; }
.no-grade { font-weight: 700; color: #cf222e; }
td.num .no-grade { white-space: normal; display: inline-block; max-width: 18em; text-align: left; font-size: .85em; }
.grade { display: inline-block; min-width: 1.4em; text-align: center; color: #fff; border-radius: 3px; font-weight: 700; }
tr.status-pending td { color: var(--muted); font-style: italic; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; border: 1px solid currentColor; font-size: .85em; white-space: nowrap; }
.badge-passed { color: #1a7f37; } .badge-failed, .badge-error { color: #cf222e; } .badge-interrupted, .badge-running { color: #9a6700; } .badge-pending { color: var(--muted); }
tr.status-failed td, tr.status-error td { background: #ffebe9; }
.table-wrap { overflow-x: auto; }
.chart { max-width: 100%; height: auto; }
.chart .label, .chart .value { font-size: 12px; fill: var(--ink); } .chart .axis { font-size: 10px; fill: var(--muted); }
.chart .tick { stroke: var(--line); stroke-width: 1; }
.warnings li { color: var(--warn); }
footer { color: var(--muted); font-size: .85rem; margin-top: 1.5rem; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { max-width: none; padding: 0; font-size: 9pt; }
  thead th { position: static; }
  .table-wrap { overflow: visible; }
  tr { break-inside: avoid; }
  .grade, tr.status-failed td, tr.status-error td, .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/**
 * The campaign index as a self-contained HTML page. Labels are in the primary language (`fr` by default)
 * with the other language beside them; figures are formatted for the primary language.
 */
export function renderCampaignIndexHtml(index: CampaignIndex, options: { lang?: ReportLang } = {}): string {
  const lang: ReportLang = options.lang === 'en' ? 'en' : 'fr';
  const otherLang: ReportLang = lang === 'fr' ? 'en' : 'fr';
  const t = TEXT[lang];
  const o = TEXT[otherLang];
  const f = new Formatter(lang);
  /** A label in the primary language with the other one beside it. */
  const both = (key: Exclude<keyof Texts, 'statuses'>): string =>
    t[key] === o[key] ? esc(t[key]) : `${esc(t[key])} <span class="other" lang="${otherLang}">${esc(o[key])}</span>`;
  const shard = index.shard ? `<p class="note">${esc(fill(t.shard, index.shard))}<br><span class="other" lang="${otherLang}">${esc(fill(o.shard, index.shard))}</span></p>` : '';
  const merged = index.mergedFrom?.length
    ? `<p>${esc(fill(t.merged, { n: index.mergedFrom.length, list: index.mergedFrom.join(', ') }))}<br><span class="other" lang="${otherLang}">${esc(fill(o.merged, { n: index.mergedFrom.length, list: index.mergedFrom.join(', ') }))}</span></p>`
    : '';
  const parallelNote = index.combinations.some((c) => c.parallel)
    ? `<p class="note">${esc(t.parallelNote)}<br><span class="other" lang="${otherLang}">${esc(o.parallelNote)}</span></p>`
    : '';
  const countText = counts(index)
    .map(([status, n]) => `${n} ${statusBadge(status, t)}`)
    .join(' · ');
  const warnings = index.warnings.length
    ? `<h2>${both('warnings')}</h2>\n<ul class="warnings">\n${index.warnings.map((w) => `<li>${esc(w)}</li>`).join('\n')}\n</ul>`
    : '';
  return `${htmlHead({ lang, title: fill(t.title, { name: index.name }), css: `${STYLE}\n` })}<body>
<header>
<h1>${esc(fill(t.title, { name: index.name }))} <span class="other" lang="${otherLang}">${esc(fill(o.title, { name: index.name }))}</span></h1>
<dl class="meta">
<dt>${both('file')}</dt><dd>${esc(index.file)} <span class="muted">sha256 ${esc(index.sha256.slice(0, 12))}</span></dd>
<dt>${both('started')}</dt><dd>${esc(f.date(index.startedAt))}</dd>
<dt>${both('finished')}</dt><dd>${esc(f.date(index.finishedAt))}</dd>
<dt>${both('status')}</dt><dd>${statusBadge(index.status, t)}</dd>
<dt>${both('counts')}</dt><dd>${index.combinations.length} — ${countText}</dd>
<dt>${both('iterations')}</dt><dd>${index.iterations}</dd>
<dt>${both('workers')}</dt><dd>${index.workers}</dd>
</dl>
${shard}
${merged}
</header>
<main>
<h2>${both('chartHeading')}</h2>
${chartSvg(index, f, t)}
<h2>${both('tableHeading')}</h2>
${parallelNote}
<div class="table-wrap">
<table>
<thead><tr><th scope="col">${both('journey')}</th><th scope="col">${both('device')}</th><th scope="col">${both('network')}</th><th scope="col">${both('variant')}</th><th scope="col">${both('status')}</th><th scope="col">${both('ecoscore')}</th><th scope="col">${both('energy')}</th><th scope="col">${both('performance')}</th><th scope="col">${both('data')}</th><th scope="col">${both('energyMah')}</th><th scope="col">${both('bytes')}</th><th scope="col">${both('duration')}</th><th scope="col">${both('ghg')}</th><th scope="col">${both('cv')}</th><th scope="col">${both('parallel')}</th><th scope="col">${both('links')}</th></tr></thead>
<tbody>
${tableRows(index, f, t)}
</tbody>
</table>
</div>
${warnings}
</main>
<footer>${esc(fill(t.generated, { tool: index.tool.name, version: index.tool.version }))}</footer>
</body>
</html>
`;
}

/** English figures for the Markdown index. */
const EN = new Formatter('en');

/**
 * The campaign index as GitHub-flavoured Markdown (a CI job summary): English labels with the French term
 * in parentheses, one row per combination, relative links to each combination's report and result.
 */
export function renderCampaignIndexMarkdown(index: CampaignIndex): string {
  const md = (text: string) => escapeMarkdown(text);
  const lines: string[] = [
    `## Campaign (campagne) ${md(index.name)}`,
    '',
    `${STATUS_ICONS[index.status] ?? ''} ${md(TEXT.en.statuses[index.status] ?? index.status)} · ${index.combinations.length} combinations: ${counts(index)
      .map(([status, n]) => `${n} ${TEXT.en.statuses[status]}`)
      .join(', ')} · ${index.iterations} iterations · ${index.workers} worker(s) · started ${md(index.startedAt)}${index.finishedAt ? ` · finished ${md(index.finishedAt)}` : ''}`,
    '',
  ];
  if (index.shard) lines.push(`> ${md(fill(TEXT.en.shard, index.shard))}`, '');
  if (index.mergedFrom?.length) lines.push(md(fill(TEXT.en.merged, { n: index.mergedFrom.length, list: index.mergedFrom.join(', ') })), '');
  lines.push(
    '| Journey (parcours) | Device (appareil) | Network (réseau) | Variant (variante) | Status (statut) | Ecoscore | Energy | Perf. | Data | mAh | Transfer (données) | Duration (durée) | g CO2e | CV | ∥ | Links |',
    '|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|---|',
  );
  for (const c of index.combinations) {
    const links = c.status === 'pending' ? null : combinationLinks(c.resultFile);
    const status = `${STATUS_ICONS[c.status] ?? ''} ${md(TEXT.en.statuses[c.status] ?? c.status)}${c.error ? `: ${md(c.error)}` : ''}`;
    const reason = combinationNoGradeReason(c, 'en');
    const ecoscore = reason !== null ? md(reason) : c.ecoscore === null ? '–' : `**${EN.score1(c.ecoscore)}**${c.grade ? ` ${md(c.grade)}` : ''}`;
    lines.push(
      `| ${md(c.journey.name ?? c.journey.file)} | ${md(c.device)} | ${md(c.network)} | ${md(c.variant)} | ${status} | ${ecoscore} | ${EN.score(c.scores?.energy)} | ${EN.score(c.scores?.performance)} | ${EN.score(c.scores?.data)} | ${EN.sig(c.totals.energyMah)} | ${EN.bytes(c.totals.bytes)} | ${EN.ms(c.totals.durationMs)} | ${EN.sig(c.footprint?.ghgGrams)} | ${EN.percent(c.ecoscoreCv)} | ${c.parallel ? '∥' : ''} | ${links ? `[report](${links.report}) · [result.json](${links.result})` : '–'} |`,
    );
  }
  if (index.combinations.some((c) => c.parallel)) lines.push('', `_${md(TEXT.en.parallelNote)}_`);
  if (index.warnings.length) {
    lines.push('', '**Warnings (avertissements)**', '');
    for (const w of index.warnings) lines.push(`- ⚠️ ${md(w)}`);
  }
  lines.push('');
  return lines.join('\n');
}
