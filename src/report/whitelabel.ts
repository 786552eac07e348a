/**
 * Renderers of the white-label statement (annex 12.1, `methodology/whitelabel.ts`): JSON (the statement
 * as computed, with its sentences), Markdown (English with the French term in parentheses, as the other Markdown outputs) and
 * a self-contained HTML page to attach to the ethics questionnaire: French first and English below (or
 * the reverse), one table per language (indicator | minimum | maximum | estimated value retained | unit),
 * the rule written out, the variants measured and the warnings. No script, no external request; printable.
 *
 * The statement holds codes; every sentence and label comes from `i18n-whitelabel.ts`. Pure: a statement in,
 * text out. Every string that comes from a result (variant, journey, device names, URLs) is escaped.
 */
import { htmlHead } from './html-document.js';
import { energySourceLabel } from '../methodology/energy-source.js';
import type { WhiteLabelIndicator, WhiteLabelStatement, WhiteLabelVariant } from '../methodology/whitelabel.js';
import type { Result } from '../model/result.js';
import { energyLabelOf, gradeStatusOf, gradeStatusPhrase, recordGradeStatus, type EnergyLabelView, type GradeStatus } from './grade-view.js';
import { adpUnit, esc, Formatter, ghgUnit, waterUnit, type DisplayUnit } from './html-format.js';
import { fillLabel, REPORT_LABELS, type ReportLang } from './i18n.js';
import { publishedWhiteLabelStatement, WHITELABEL_LABELS, whiteLabelIndicatorLabel, whiteLabelRuleText, whiteLabelWarningText } from './i18n-whitelabel.js';
import { escapeMarkdown } from './markdown.js';

/** What the statement does not keep of a variant's result and its renderers show: why it has no grade, and the energy source's one label. */
export interface WhiteLabelVariantFacts {
  grade: GradeStatus;
  energy: EnergyLabelView['label'];
}

/** Options of the white-label renderers. */
export interface WhiteLabelRenderOptions {
  /** Language shown first in the HTML page (default `fr`). */
  lang?: ReportLang;
  /** Per variant name, from its result ({@link whiteLabelVariantFacts}); without them the renderer falls back on what the statement says. */
  variants?: Readonly<Record<string, WhiteLabelVariantFacts>>;
}

/** The facts of each measured variant, read from its result.json. */
export function whiteLabelVariantFacts(inputs: ReadonlyArray<{ name: string; result: Result }>): Record<string, WhiteLabelVariantFacts> {
  return Object.fromEntries(inputs.map(({ name, result }) => [name, { grade: gradeStatusOf(result), energy: energyLabelOf(result).label }]));
}

/** A variant's facts: given, or from the statement (its ecoscore and run status; the kind of its energy source). */
function factsOf(variant: WhiteLabelVariant, options: WhiteLabelRenderOptions): WhiteLabelVariantFacts {
  const given = options.variants?.[variant.name];
  if (given) return given;
  const kind = variant.energySource;
  const energy = kind === 'model' || kind === 'measured' || kind === 'device-counter' ? energySourceLabel({ kind }) : 'unknown';
  const status = variant.failedSteps > 0 ? 'failed' : variant.status;
  return { grade: recordGradeStatus({ ecoscore: variant.ecoscore, status }), energy };
}

/** Why a variant has no grade, in a language; null when it has one. */
function noGradeReason(variant: WhiteLabelVariant, options: WhiteLabelRenderOptions, lang: ReportLang): string | null {
  if (variant.ecoscore !== null) return null;
  const phrase = gradeStatusPhrase(factsOf(variant, options).grade, REPORT_LABELS[lang]);
  return fillLabel(REPORT_LABELS[lang][phrase.key], phrase.values);
}

/**
 * The statement as JSON (2-space indented, final newline): what `whitelabel.json` holds, each warning, the rule
 * and each indicator with its French and English text from the catalogue ({@link publishedWhiteLabelStatement}).
 */
export function renderWhiteLabelJson(statement: WhiteLabelStatement): string {
  return `${JSON.stringify(publishedWhiteLabelStatement(statement), null, 2)}\n`;
}

const TEXT = WHITELABEL_LABELS;

type Texts = (typeof TEXT)[ReportLang];

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));

/** Display unit of an indicator line: one unit for its minimum, maximum and estimate, chosen from the largest. */
function displayUnit(indicator: WhiteLabelIndicator, f: Formatter): DisplayUnit {
  const largest = Math.max(Math.abs(indicator.min ?? 0), Math.abs(indicator.max ?? 0));
  const l = f.labels;
  switch (indicator.unit) {
    case 'bytes':
      if (largest >= 1e9) return { factor: 1e-9, unit: l.unitGB };
      if (largest >= 1e6) return { factor: 1e-6, unit: l.unitMB };
      if (largest >= 1e3) return { factor: 1e-3, unit: l.unitKB };
      return { factor: 1, unit: l.unitB };
    case 'ms':
      return largest >= 1000 ? { factor: 1e-3, unit: l.unitS } : { factor: 1, unit: l.unitMs };
    case 'g CO2e':
      return ghgUnit(largest);
    case 'L':
      return waterUnit(largest);
    case 'kg Sb eq':
      return adpUnit(largest);
    case '/100':
      return { factor: 1, unit: '/100' };
    default:
      return { factor: 1, unit: indicator.unit };
  }
}

function formatValue(value: number | null, indicator: WhiteLabelIndicator, unit: DisplayUnit, f: Formatter): string {
  if (value === null) return f.labels.dash;
  return indicator.unit === '/100' ? f.score1(value) : f.sig(value * unit.factor);
}

function ruleLabel(indicator: WhiteLabelIndicator, t: Texts): string {
  return t.rules[indicator.rule ?? 'none'];
}

function variantRows(variants: readonly WhiteLabelVariant[], f: Formatter, t: Texts, options: WhiteLabelRenderOptions): string {
  return variants
    .map((v) => {
      const grade = v.grade ? ` (${esc(v.grade)})` : '';
      const reason = noGradeReason(v, options, f.lang);
      const score = reason === null ? `${f.score1(v.ecoscore)}${grade}` : `<span class="no-grade">${esc(reason)}</span>`;
      const steps = fill(t.stepsValue, { passed: v.passedSteps, failed: v.failedSteps, skipped: v.skippedSteps });
      const target = v.target.name ? `<br><span class="muted">${esc(v.target.platform)} · ${esc(v.target.name)}</span>` : '';
      return `<tr${v.failedSteps > 0 || v.skippedSteps > 0 ? ' class="bad"' : ''}>
<th scope="row">${esc(v.name)}${target}</th>
<td class="num">${score}</td>
<td>${esc(f.date(v.startedAt))}</td>
<td>${esc(v.device.name)}<br><span class="muted">${esc(v.device.id)}</span></td>
<td>${esc(v.network.name)}<br><span class="muted">${esc(v.network.id)}</span></td>
<td>${esc(v.journey.name)}<br><span class="muted">sha256 ${esc(v.journey.sha256.slice(0, 12))}</span></td>
<td class="num">${esc(fill(t.of, { done: v.completedIterations, total: v.iterations }))}</td>
<td class="num">${f.percent(v.ecoscoreCv)}</td>
<td>${esc(t.sources[factsOf(v, options).energy] ?? v.energySource)}</td>
<td>${esc(steps)}</td>
</tr>`;
    })
    .join('\n');
}

function languageSection(statement: WhiteLabelStatement, lang: ReportLang, primary: boolean, options: WhiteLabelRenderOptions): string {
  const f = new Formatter(lang);
  const t = TEXT[lang];
  const ecoscore = statement.indicators.find((indicator) => indicator.id === 'ecoscore');
  const grade = statement.ecoscoreGrade.estimated ? ` — ${esc(fill(t.grade, { grade: statement.ecoscoreGrade.estimated }))}` : '';
  const rows = statement.indicators
    .map((indicator) => {
      const unit = displayUnit(indicator, f);
      const cell = (value: number | null) => formatValue(value, indicator, unit, f);
      const minOf = indicator.minVariant ? `<span class="muted">${esc(indicator.minVariant)}</span>` : '';
      const maxOf = indicator.maxVariant ? `<span class="muted">${esc(indicator.maxVariant)}</span>` : '';
      return `<tr>
<th scope="row">${esc(whiteLabelIndicatorLabel(indicator.id, lang))}</th>
<td class="num">${cell(indicator.min)}<br>${minOf}</td>
<td class="num">${cell(indicator.max)}<br>${maxOf}</td>
<td class="num retained">${cell(indicator.estimated)}<br><span class="muted">${esc(ruleLabel(indicator, t))}</span></td>
<td>${esc(unit.unit)}</td>
</tr>`;
    })
    .join('\n');
  const warnings = statement.warnings.length
    ? `<ul class="warnings">\n${statement.warnings.map((w) => `<li>${esc(whiteLabelWarningText(w, lang))}</li>`).join('\n')}\n</ul>`
    : `<p>${esc(t.noWarnings)}</p>`;
  const tool = statement.tool ? fill(t.by, { tool: statement.tool.name, version: statement.tool.version }) : '';
  const Heading = primary ? 'h1' : 'h2';
  return `<section class="statement" lang="${lang}" id="${lang}">
<${Heading}>${esc(t.title)}</${Heading}>
<p class="lead"><strong>${esc(fill(t.lead, { name: statement.estimate.name }))}</strong> — ${esc(statement.estimate.measured ? t.measured : t.notMeasured)}</p>
<p class="headline${ecoscore?.estimated == null ? ' no-grade' : ''}">${ecoscore?.estimated == null ? esc(t.noEcoscore) : `${esc(fill(t.headline, { value: f.score1(ecoscore.estimated) }))}${grade}`}</p>
${ungraded(statement, options, lang)}
<p>${esc(t.purpose)}</p>
<h3>${esc(t.indicatorsHeading)}</h3>
<table class="values">
<thead><tr><th scope="col">${esc(t.indicator)}</th><th scope="col">${esc(t.minimum)}</th><th scope="col">${esc(t.maximum)}</th><th scope="col">${esc(t.estimated)}</th><th scope="col">${esc(t.unit)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h3>${esc(t.ruleHeading)}</h3>
<p class="rule">${esc(whiteLabelRuleText(statement.rule, lang))}</p>
<h3>${esc(t.variantsHeading)}</h3>
<table class="variants">
<thead><tr><th scope="col">${esc(t.variant)}</th><th scope="col">${esc(t.ecoscore)}</th><th scope="col">${esc(t.date)}</th><th scope="col">${esc(t.device)}</th><th scope="col">${esc(t.network)}</th><th scope="col">${esc(t.journey)}</th><th scope="col">${esc(t.iterations)}</th><th scope="col">${esc(t.cv)}</th><th scope="col">${esc(t.energySource)}</th><th scope="col">${esc(t.steps)}</th></tr></thead>
<tbody>
${variantRows(statement.variants, f, t, options)}
</tbody>
</table>
<h3>${esc(t.warningsHeading)}</h3>
${warnings}
<p class="footer">${esc(fill(t.generated, { date: f.date(statement.generatedAt), tool }))} ${esc(t.offline)}</p>
</section>`;
}

/** One line per measured variant without a grade, with the reason (their ecoscores are left out of the minimum, maximum and estimate). */
function ungraded(statement: WhiteLabelStatement, options: WhiteLabelRenderOptions, lang: ReportLang): string {
  const items = statement.variants
    .map((v) => ({ v, reason: noGradeReason(v, options, lang) }))
    .filter((item): item is { v: WhiteLabelVariant; reason: string } => item.reason !== null)
    .map(({ v, reason }) => `<li>${esc(fill(TEXT[lang].variantNoGrade, { name: v.name, reason }))}</li>`);
  return items.length > 0 ? `<ul class="no-grade">\n${items.join('\n')}\n</ul>` : '';
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1f23; --muted: #57606a; --line: #d0d7de; --accent: #1a7f37; --warn: #9a6700; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { font-size: 1.4rem; margin: 0 0 .5rem; } h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
nav { font-size: .9rem; margin-bottom: 1rem; } nav a { color: var(--accent); }
.statement + .statement { border-top: 3px double var(--line); margin-top: 2.5rem; padding-top: 1.5rem; }
.headline { font-size: 1.3rem; font-weight: 700; color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.retained { font-weight: 700; background: #dafbe1; }
.muted { color: var(--muted); font-size: .85em; font-weight: 400; }
tr.bad th, tr.bad td { background: #fff8c5; }
.warnings li { color: var(--warn); margin: .25rem 0; }
.no-grade { color: #cf222e; font-weight: 600; }
.headline.no-grade { color: #cf222e; }
.rule { border-left: 4px solid var(--accent); padding-left: 10px; }
.footer { color: var(--muted); font-size: .85rem; margin-top: 1.5rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  .statement + .statement { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
  table { page-break-inside: auto; } tr { break-inside: avoid; }
  thead { display: table-header-group; }
  td.retained, thead th, tr.bad th, tr.bad td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/**
 * The statement as a self-contained HTML page: the primary language (`fr` by default) first, the other
 * below (on its own page when printed). No script, no external resource.
 */
export function renderWhiteLabelHtml(statement: WhiteLabelStatement, options: WhiteLabelRenderOptions = {}): string {
  const primary: ReportLang = options.lang === 'en' ? 'en' : 'fr';
  const secondary: ReportLang = primary === 'fr' ? 'en' : 'fr';
  const title = `${TEXT[primary].title} — ${statement.estimate.name}`;
  const nav = `<nav><a href="#${primary}">${primary === 'fr' ? 'Français' : 'English'}</a> · <a href="#${secondary}">${secondary === 'fr' ? 'Français' : 'English'}</a></nav>`;
  const head = htmlHead({
    lang: primary,
    title,
    css: `${STYLE}\n`,
    // No script, no image, no outside resource: the page needs nothing but its inline style.
    csp: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    generator: statement.tool ? `${statement.tool.name} ${statement.tool.version}` : 'ecoscore',
  });
  return `${head}<body>
${nav}
<main>
${languageSection(statement, primary, true, options)}
${languageSection(statement, secondary, false, options)}
</main>
</body>
</html>
`;
}

/** One Markdown line per variant without a grade, with the reason, and a blank line after them. */
function noGradeLines(statement: WhiteLabelStatement, options: WhiteLabelRenderOptions): string[] {
  const lines = statement.variants.flatMap((v) => {
    const reason = noGradeReason(v, options, 'en');
    return reason === null ? [] : [`- ⛔ ${escapeMarkdown(fill(TEXT.en.variantNoGrade, { name: v.name, reason }))}`];
  });
  return lines.length > 0 ? [...lines, ''] : [];
}

/** English number formatting for the Markdown statement (same display units as the HTML). */
const EN = new Formatter('en');

/**
 * The statement as GitHub-flavoured Markdown: English labels with the French term in parentheses, the
 * rule in both languages, the variants and the warnings. Strings from results are escaped.
 */
export function renderWhiteLabelMarkdown(statement: WhiteLabelStatement, options: WhiteLabelRenderOptions = {}): string {
  const md = (text: string) => escapeMarkdown(text);
  const ecoscore = statement.indicators.find((indicator) => indicator.id === 'ecoscore');
  const grade = statement.ecoscoreGrade.estimated ? ` (grade ${md(statement.ecoscoreGrade.estimated)})` : '';
  const lines: string[] = [
    `## White-label statement (déclaration marque blanche) — ${md(statement.estimate.name)}`,
    '',
    `Distributor’s service (service du distributeur) **${md(statement.estimate.name)}**: ${statement.estimate.measured ? 'measured (mesuré)' : 'not measured, estimated from the variants measured (non mesuré, estimé à partir des variantes mesurées)'}.`,
    '',
    ecoscore?.estimated == null
      ? `**${md(TEXT.en.noEcoscore)}** (${md(TEXT.fr.noEcoscore)})`
      : `**Ecoscore retained (écoscore retenu): ${EN.score1(ecoscore.estimated)} / 100**${grade}`,
    '',
    ...noGradeLines(statement, options),
    '| Indicator (indicateur) | Minimum | Maximum | Estimated value retained (valeur estimée retenue) | Unit (unité) | Obtained by (obtenue par) |',
    '|---|---:|---:|---:|---|---|',
  ];
  for (const indicator of statement.indicators) {
    const unit = displayUnit(indicator, EN);
    const cell = (value: number | null, variant: string | null) =>
      `${formatValue(value, indicator, unit, EN)}${variant ? ` (${md(variant)})` : ''}`;
    lines.push(
      `| ${md(whiteLabelIndicatorLabel(indicator.id, 'en'))} (${md(whiteLabelIndicatorLabel(indicator.id, 'fr'))}) | ${cell(indicator.min, indicator.minVariant)} | ${cell(indicator.max, indicator.maxVariant)} | **${formatValue(indicator.estimated, indicator, unit, EN)}** | ${md(unit.unit)} | ${md(TEXT.en.rules[indicator.rule ?? 'none'])} (${md(TEXT.fr.rules[indicator.rule ?? 'none'])}) |`,
    );
  }
  lines.push('', '**Rule (règle d’estimation)**', '', `- EN: ${md(whiteLabelRuleText(statement.rule, 'en'))}`, `- FR : ${md(whiteLabelRuleText(statement.rule, 'fr'))}`, '');
  lines.push(
    '**Variants measured (variantes mesurées)**',
    '',
    '| Variant (variante) | Ecoscore | Measured on (mesurée le) | Device (appareil) | Network (réseau) | Journey (parcours) | Iterations | CV | Energy (énergie) | Failed steps (étapes en échec) |',
    '|---|---:|---|---|---|---|---:|---:|---|---:|',
  );
  for (const v of statement.variants) {
    lines.push(
      `| ${md(v.name)} | ${v.ecoscore === null ? 'no grade' : `${EN.score1(v.ecoscore)}${v.grade ? ` ${md(v.grade)}` : ''}`} | ${md(v.startedAt)} | ${md(v.device.id)} | ${md(v.network.id)} | ${md(v.journey.name)} (sha256 ${md(v.journey.sha256.slice(0, 12))}) | ${v.completedIterations}/${v.iterations} | ${EN.percent(v.ecoscoreCv)} | ${md(TEXT.en.sources[factsOf(v, options).energy] ?? v.energySource)} | ${v.failedSteps + v.skippedSteps} |`,
    );
  }
  lines.push('', '**Warnings (avertissements)**', '');
  if (statement.warnings.length === 0) lines.push('None (aucun).');
  for (const w of statement.warnings) lines.push(`- ⚠️ ${md(whiteLabelWarningText(w, 'en'))}`, `  FR : ${md(whiteLabelWarningText(w, 'fr'))}`);
  const tool = statement.tool ? ` by ${md(`${statement.tool.name} ${statement.tool.version}`)}` : '';
  lines.push('', `_Statement produced on ${md(statement.generatedAt)}${tool} (guide annex 12.1, criterion DEV.1.1)._`, '');
  return lines.join('\n');
}
